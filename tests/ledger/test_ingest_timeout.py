"""The per-document time budget of an ingest run: a document whose analysis takes too long
(or whose worker dies) becomes an error row, its worker is replaced, and the run stores
every other document exactly once. The slow analysis is injected; nothing sleeps long."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sayso.ingest import Document, IngestOptions
from sayso.ledger import Ledger, runner
from sayso.ledger.workers import Failure

TEXT = (
    "Die Gemeinde {n} plant einen neuen Radweg. „Wir beginnen im Sommer“, sagte "
    "Bürgermeister Paul Weber am Freitag. Kritiker bezweifelten den Zeitplan.\n"
)


#: analyses made before a run (the workers inherit them), so that a loaded machine cannot
#: make an ordinary document exceed the short budgets used here
ANALYSED: dict[str, object] = {}


def misbehaving(doc: Document, settings: object = None) -> object:
    """The real analysis, made ahead, except that LANGSAM hangs and ABSTURZ kills its
    process."""
    if "LANGSAM" in doc.text:
        time.sleep(20)  # stopped after doc_timeout; never waited for
    if "ABSTURZ" in doc.text:
        os._exit(3)
    return ANALYSED[doc.id]


def folder(tmp_path: Path, n: int, marked: dict[int, str]) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for k in range(n):
        path = root / f"a{k:02d}.txt"
        path.write_text(TEXT.format(n=k) + marked.get(k, ""), "utf-8")
        doc = Document.create(path.read_text("utf-8"), str(path))
        if k not in marked:
            ANALYSED[doc.id] = runner.analyse_document(doc)
    return root


@pytest.mark.parametrize("jobs", [0, 1, 2])
def test_ingest_timeout_slow_document_is_an_error_row_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    root = folder(tmp_path, 12, {3: "LANGSAM", 9: "LANGSAM"})
    monkeypatch.setattr(runner, "analyse_document", misbehaving)
    options = IngestOptions(doc_timeout=0.5)
    with Ledger.open(f"sqlite:///{tmp_path / 'l.db'}") as ledger:
        summary = runner.run(ledger, [str(root)], options, jobs=jobs)
        assert (summary.added, summary.failed) == (10, 2)
        assert summary.errors == ["E035", "E035"]
        errors = ledger.errors()
        assert sorted(e.source for e in errors) == [str(root / "a03.txt"), str(root / "a09.txt")]
        assert "longer than 0.5 s" in errors[0].message
        assert ledger.stats()["documents"] == 10
        # run again: the stored ones are skipped, the slow ones fail again, none doubled
        again = runner.run(ledger, [str(root)], options, jobs=jobs)
        assert (again.added, again.duplicates, again.failed) == (0, 10, 2)
        assert ledger.stats()["documents"] == 10


def test_ingest_timeout_a_dead_worker_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = folder(tmp_path, 20, {2: "ABSTURZ", 5: "ABSTURZ"})
    monkeypatch.setattr(runner, "analyse_document", misbehaving)
    with Ledger.open(f"sqlite:///{tmp_path / 'l.db'}") as ledger:
        summary = runner.run(ledger, [str(root)], IngestOptions(doc_timeout=0), jobs=2)
        assert (summary.added, summary.failed, summary.errors) == (18, 2, ["E036", "E036"])
        assert "exit code 3" in ledger.errors()[0].message
        assert ledger.stats()["documents"] == 18


def test_ingest_timeout_alarm_in_process_and_no_limit() -> None:
    from sayso.ledger.workers import analyse_with_alarm

    doc = Document.create("Ein kurzer Text.", "x.txt")

    def slow(d: Document) -> Failure:
        time.sleep(0.3)
        return Failure("E000", "done")

    assert analyse_with_alarm(slow, doc, 0) == Failure("E000", "done")  # 0: no limit
    stopped = analyse_with_alarm(slow, doc, 0.05)
    assert isinstance(stopped, Failure) and stopped.code == "E035"
    assert analyse_with_alarm(slow, doc, 5) == Failure("E000", "done")


def test_ingest_timeout_option_is_checked() -> None:
    with pytest.raises(ValueError, match="doc_timeout"):
        IngestOptions(doc_timeout=-1)
