"""``sayso ingest``: parallel analysis into the ledger, nothing lost and nothing doubled,
even when the run is killed with SIGKILL and started again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from sayso.ingest import Document, IngestOptions
from sayso.ledger import Ledger, runner
from sayso.settings import DEFAULT, LedgerSettings, Settings

TEMPLATE = (
    "Die Stadt {n} plant eine neue Brücke. „Wir bauen ab dem Frühjahr {n}“, sagte "
    "Bürgermeisterin Anna Berger am Montag. Die Opposition bezweifelte, dass die Kosten "
    "von {n} Millionen Euro reichen würden.\n"
)


def corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        p = folder / f"article-{k:03d}.txt"
        p.write_text(TEMPLATE.format(n=k + 1), encoding="utf-8")
        paths.append(p)
    return paths


def count(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as con:
        docs = con.execute("select count(*), count(distinct id) from documents").fetchone()
        orphans = con.execute(
            "select count(*) from statements where document_id not in (select id from documents)"
        ).fetchone()[0]
    return int(docs[0]), int(docs[1]), int(orphans)


def test_ingest_run_in_process_with_errors_and_duplicates(tmp_path: Path, db_url: str) -> None:
    paths = corpus(tmp_path / "in", 5)
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    with Ledger.open(db_url) as ledger:
        sources = [str(tmp_path / "in"), str(paths[0]), str(tmp_path / "missing.txt")]
        first = runner.run(ledger, sources, IngestOptions(), jobs=0)
        again = runner.run(ledger, [str(tmp_path / "in")], IngestOptions(), jobs=2)
        errors = ledger.errors()
    assert (first.added, first.duplicates) == (5, 1)  # the file given twice is one document
    assert first.failed == 2 and sorted(first.errors) == ["E020", "E029"]
    assert first.statements >= 5
    assert (again.added, again.duplicates, again.failed) == (0, 5, 1)
    assert {e.code for e in errors} == {"E020", "E029"}


def test_ingest_run_killed_and_restarted_stores_every_document_once(tmp_path: Path) -> None:
    corpus(tmp_path / "in", 300)
    db = tmp_path / "l.db"
    cmd = [
        sys.executable, "-m", "sayso", "ingest", str(tmp_path / "in"),
        "--db", f"sqlite:///{db}", "--jobs", "2", "--progress", "never",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = count(db)[0]
            except sqlite3.Error:
                continue
            if stored >= 5:
                break
    assert proc.poll() is None, "the run finished before it could be killed; use more files"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    partial = count(db)
    assert 0 < partial[0] < 300 and partial[0] == partial[1] and partial[2] == 0
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert count(db) == (300, 300, 0)
    assert "skipped as already stored" in done.stderr


def test_ingest_run_with_one_worker_stores_what_analysing_in_process_stores(
    tmp_path: Path,
) -> None:
    corpus(tmp_path / "in", 70)  # more than one batch, so that storing and analysing overlap
    rows = []
    for jobs in (0, 1):
        db = tmp_path / f"l{jobs}.db"
        with Ledger.open(f"sqlite:///{db}") as ledger:
            summary = runner.run(ledger, [str(tmp_path / "in")], IngestOptions(), jobs=jobs)
        assert (summary.added, summary.failed) == (70, 0)
        with sqlite3.connect(db) as con:
            rows.append(
                con.execute(
                    "select document_id, local_id, content, speaker, form from statements "
                    "order by document_id, local_id"
                ).fetchall()
            )
    assert rows[0] and rows[0] == rows[1]


def test_ingest_run_stores_batches_then_a_few_at_a_time_and_analyses_each_text_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = corpus(tmp_path / "in", 30)
    small = Settings(ledger=LedgerSettings(batch=4, ahead=8, tail=2))
    analysed: list[str] = []
    real = runner.analyse_document

    def counted(doc: Document, settings: Settings = DEFAULT) -> object:
        analysed.append(doc.id)
        return real(doc, settings)

    monkeypatch.setattr(runner, "analyse_document", counted)
    sizes: list[int] = []
    real_add = Ledger.add_batch

    def add_batch(self: Ledger, batch: Any, summary: Any) -> None:
        sizes.append(len(batch))
        real_add(self, batch, summary)

    monkeypatch.setattr(Ledger, "add_batch", add_batch)
    # the copy of the first article comes while the original is handed out, not stored;
    # the folder repeats all of them, most stored by then
    sources = [*map(str, paths[:8]), str(paths[0]), str(tmp_path / "in")]
    with Ledger.open(f"sqlite:///{tmp_path / 'l0.db'}") as ledger:
        in_process = runner.run(ledger, sources, IngestOptions(), jobs=0, settings=small)
    assert (in_process.added, in_process.duplicates) == (30, 9)
    assert sorted(analysed) == sorted(set(analysed)) and len(analysed) == 30
    assert sizes == [4] * 7 + [2]  # in process: whole batches to the end
    sizes.clear()
    monkeypatch.setattr(runner, "analyse_document", real)  # a worker must unpickle it
    with Ledger.open(f"sqlite:///{tmp_path / 'l1.db'}") as ledger:
        pooled = runner.run(ledger, sources, IngestOptions(), jobs=1, settings=small)
        assert ledger.stats()["documents"] == 30
    assert (pooled.added, pooled.duplicates) == (30, 9)
    # with a worker, batches while it has plenty to do; once fewer than a batch are left
    # to analyse, what is ready (three) and then two at a time, the last one alone
    assert sizes == [4] * 6 + [3, 2, 1]
