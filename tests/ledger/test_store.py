"""The ledger against SQLite and a real PostgreSQL (every test here runs on both).

All article texts are written for these tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
from typing import Any

import pytest
from sqlalchemy import select
from store_texts import DE_1, DE_2, EN_1, EN_2, add, analysed, table_counts

import sayso
from sayso.errors import SaysoError
from sayso.ledger import Ledger, content_hash
from sayso.ledger import orm as t
from sayso.ledger import writer as writer_mod
from sayso.model import Analysis

# --- round trip -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [DE_1, EN_2], ids=["de", "en"])
def test_ledger_round_trips_the_analysis(ledger: Ledger, text: str) -> None:
    a = analysed(text)
    assert a.statements and a.actors
    result = ledger.add(
        {
            "url": "https://news.example/a",
            "title": "Eine Überschrift",
            "author": "R. Reporter",
            "published": "2024-03-04T08:15:00+01:00",
            "site": "Beispielblatt",
            "source": "feeds/beispiel.xml",
            "meta": {"section": "Politik", "archiv_nr": 2**70},  # beyond 64 bits
            "paywall": False,  # not a Document field: kept in meta
        },
        a,
    )
    assert result.status == "added"
    assert result.document_id == content_hash(text)
    assert (result.statements, result.actors) == (len(a.statements), len(a.actors))
    assert ledger.analysis(result.document_id) == a

    doc = ledger.get_document(result.document_id)
    assert doc is not None
    assert doc.text == text
    assert (doc.url, doc.version, doc.site, doc.lang) == (
        "https://news.example/a",
        1,
        "Beispielblatt",
        a.lang,
    )
    assert doc.published_date == dt.date(2024, 3, 4)
    assert doc.meta == {"section": "Politik", "archiv_nr": 2**70, "paywall": False}
    assert doc.ingested_at.tzinfo is not None

    rows = ledger.statements(document_id=result.document_id)
    assert [r.local_id for r in rows] == [s.id for s in a.statements]
    for row, s in zip(rows, a.statements, strict=True):
        assert row.content == a.spans_text(s.content)
        assert row.speaker == (a.spans_text(s.speaker) or None)
        assert row.form == s.form.value
        assert row.framing == s.framing.labels()
        speaker = a.actor(s.actor)
        assert row.actor == (speaker.name if speaker else None)
        assert len(row.chain) == len(s.chain)


def test_ledger_keeps_relations_with_ledger_statement_ids(ledger: Ledger) -> None:
    a = analysed(EN_2)
    assert a.relations
    doc_id = ledger.add(None, a).document_id
    with ledger.session() as session:
        rows = session.scalars(select(t.Relation).where(t.Relation.document_id == doc_id)).all()
        assert [r.kind for r in rows] == [r.kind.value for r in a.relations]
        for row, rel in zip(rows, a.relations, strict=True):
            source = session.get_one(t.Statement, row.source_id)
            assert source.local_id == rel.source
            assert (row.target_id is None) == (rel.target is None)


# --- nothing doubled --------------------------------------------------------------------


def test_ledger_same_text_again_adds_nothing(ledger: Ledger) -> None:
    first = add(ledger, DE_1, url="https://de.example/1")
    before = table_counts(ledger)
    again = add(ledger, DE_1, url="https://de.example/1")
    elsewhere = add(ledger, DE_1, url="https://mirror.example/copy", site="Mirror")
    assert first.status == "added"
    assert again.status == elsewhere.status == "duplicate"
    assert again.document_id == elsewhere.document_id == first.document_id
    assert not again.stored
    assert table_counts(ledger) == before
    assert len(ledger.search("Sanktion")) == 1


def test_ledger_changed_text_at_a_url_is_a_new_version(ledger: Ledger) -> None:
    url = "https://de.example/live"
    v1 = add(ledger, DE_1, url=url)
    v2 = add(ledger, DE_2, url=url)
    v3 = add(ledger, EN_1, url=url)
    assert [v1.version, v2.version, v3.version] == [1, 2, 3]
    assert [v1.status, v2.status, v3.status] == ["added", "version", "version"]
    assert add(ledger, DE_2, url=url).status == "duplicate"
    assert [d.version for d in ledger.documents(url=url)] == [1, 2, 3]
    latest = ledger.documents(url=url, latest=True)
    assert [d.id for d in latest] == [v3.document_id]
    # every version keeps its own statements
    assert ledger.statements(document_id=v1.document_id)
    assert ledger.statements(document_id=v2.document_id)


def test_ledger_concurrent_writers_store_a_text_once(db_url: str) -> None:
    """Threads adding the same texts at once (as parallel ingest workers would)."""
    Ledger.open(db_url).close()
    results: list[Any] = []
    failures: list[BaseException] = []
    texts = [DE_1, DE_2, EN_1, EN_2]
    for text in texts:
        analysed(text)

    def work(ledger: Ledger) -> None:
        try:
            for k, text in enumerate(texts):
                results.append(add(ledger, text, url=f"https://x.example/{k % 2}"))
        except BaseException as exc:
            failures.append(exc)

    ledgers = [Ledger.open(db_url) for _ in range(4)]
    threads = [threading.Thread(target=work, args=(led,)) for led in ledgers]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for led in ledgers:
        led.close()
    assert not failures, failures
    stored = [r for r in results if r.stored]
    assert sorted(r.document_id for r in stored) == sorted(content_hash(x) for x in texts)
    with Ledger.open(db_url) as ledger:
        assert ledger.stats()["documents"] == 4
        assert sorted(d.version for d in ledger.documents(url="https://x.example/0")) == [1, 2]


# --- atomic per document ----------------------------------------------------------------


def test_ledger_failure_mid_insert_leaves_nothing_of_the_document(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(ledger, EN_1, url="https://en.example/1")
    before = table_counts(ledger)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk on fire")

    # actors and statements are written (and flushed) before the relations
    monkeypatch.setattr(writer_mod, "_relation_rows", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        add(ledger, DE_1, url="https://de.example/1")
    assert table_counts(ledger) == before
    assert not ledger.contains(content_hash(DE_1))
    assert ledger.search("Sanktion") == []
    assert ledger.actors(name="Lindner") == []

    monkeypatch.undo()
    assert add(ledger, DE_1, url="https://de.example/1").status == "added"
    assert len(ledger.search("Sanktion", lang="de")) == 1


# --- errors and runs --------------------------------------------------------------------


def test_ledger_error_rows(ledger: Ledger) -> None:
    row = ledger.add_error("inbox/broken.html", "E001", "E001: Input is not text.")
    assert row > 0
    code = ledger.add_exception(
        "inbox/huge.txt",
        SaysoError(sayso.errors.E003, size=10, limit=5),
        url="https://x.example/huge",
    )
    assert code == "E003"
    assert ledger.add_exception("inbox/odd.txt", KeyError("boom")) == "E203"
    errs = ledger.errors()
    assert [e.code for e in errs] == ["E001", "E003", "E203"]
    assert errs[1].url == "https://x.example/huge"
    assert "limit of 5" in errs[1].message
    assert "KeyError" in errs[2].message
    assert [e.code for e in ledger.errors(code="E003")] == ["E003"]
    assert ledger.stats()["errors"] == 3


def test_ledger_ingest_records_failures_and_goes_on(ledger: Ledger) -> None:
    def analyze(doc: Any) -> Analysis:
        if doc.get("title") == "explodes":
            raise ZeroDivisionError("division by zero")
        return sayso.analyze(doc["text"], lang=doc.get("lang"))

    docs: list[Any] = [
        {"text": DE_1, "url": "https://de.example/1", "lang": "de", "source": "a.txt"},
        {"text": 12345, "url": "https://de.example/bad", "source": "bad.bin"},
        {"text": EN_1, "title": "explodes", "source": "c.txt"},
        {"text": EN_2, "url": "https://en.example/2", "source": "d.txt"},
        {"text": DE_1, "url": "https://de.example/1", "lang": "de", "source": "a-again.txt"},
        {"text": DE_2, "url": "https://de.example/1", "lang": "de", "source": "a-v2.txt"},
    ]
    summary = ledger.ingest(docs, analyze, note="test run")
    assert (summary.added, summary.new_versions, summary.duplicates, summary.failed) == (
        3,
        1,
        1,
        2,
    )
    assert summary.errors == ["E001", "E203"]
    errs = ledger.errors(run_id=summary.run_id)
    assert [(e.source, e.code) for e in errs] == [("bad.bin", "E001"), ("c.txt", "E203")]
    assert errs[0].url == "https://de.example/bad"
    with ledger.session() as session:
        run = session.get_one(t.Run, summary.run_id)
        assert (run.added, run.new_versions, run.duplicates, run.failed) == (3, 1, 1, 2)
        assert run.statements == summary.statements > 0
        assert run.finished_at is not None and run.note == "test run"
    assert {d.run_id for d in ledger.documents()} == {summary.run_id}


def test_ledger_ingest_uses_sayso_analyze_by_default(ledger: Ledger) -> None:
    summary = ledger.ingest([{"text": EN_1, "lang": "en", "url": "https://en.example/1"}])
    assert summary.added == 1 and summary.statements == len(analysed(EN_1).statements)
    # an unsupported language from ingest is detected instead, not an error
    summary = ledger.ingest([{"text": DE_2, "lang": "fr"}])
    assert summary.added == 1 and summary.failed == 0


def test_ledger_missing_document_is_a_coded_error(ledger: Ledger) -> None:
    assert ledger.get_document("0" * 64) is None
    with pytest.raises(SaysoError) as info:
        ledger.analysis("0" * 64)
    assert info.value.code == "E202"


def test_ledger_add_refuses_an_analysis_of_another_text(ledger: Ledger) -> None:
    with pytest.raises(ValueError, match="not of this text"):
        ledger.add({"text": "short"}, analysed(EN_1))
    with pytest.raises(TypeError):
        ledger.add({"text": EN_1})


# --- ingest's Document, in-memory ledgers --------------------------------------------------


@dataclasses.dataclass(frozen=True)
class IngestDocument:
    """The shape of ingest's Document (the ledger does not import the ingest module)."""

    id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: Any = None
    site: str | None = None
    lang: str | None = None
    meta: dict[str, Any] = dataclasses.field(default_factory=dict)


def test_ledger_accepts_ingest_documents(ledger: Ledger) -> None:
    doc = IngestDocument(
        id="ingest-42",
        text=EN_1,
        source="feed.xml#3",
        url="https://en.example/1",
        title="Talks collapse",
        published=dt.datetime(2024, 3, 5, 7, 30, tzinfo=dt.UTC),
        site="Daily Ledger",
        lang="en",
        meta={"feed": "world"},
    )
    result = ledger.add(doc, analysed(EN_1), site="Override Post")
    stored = ledger.get_document(result.document_id)
    assert stored is not None
    assert result.document_id == content_hash(EN_1)
    assert (stored.title, stored.source, stored.site) == (
        "Talks collapse",
        "feed.xml#3",
        "Override Post",
    )
    assert stored.published_date == dt.date(2024, 3, 5)
    assert stored.meta == {"feed": "world", "source_id": "ingest-42"}
    summary = ledger.ingest([doc, dataclasses.replace(doc, text=EN_2, id="ingest-43")])
    assert (summary.duplicates, summary.added, summary.new_versions) == (1, 1, 1)


def test_ledger_in_memory_sqlite() -> None:
    with Ledger.open("sqlite://") as ledger:
        add(ledger, DE_1)
        assert ledger.search("Sanktionen", lang="de")
        assert ledger.stats()["documents"] == 1


def test_ledger_module_prints_datasette_metadata(capsys: pytest.CaptureFixture[str]) -> None:

    from sayso.ledger.__main__ import main

    assert main(["metadata", "news"]) == 0
    meta = json.loads(capsys.readouterr().out)
    assert "statements" in meta["databases"]["news"]["tables"]
    assert main(["nonsense"]) == 2


def test_store_an_ingest_document_is_keyed_by_its_own_id_without_hashing_again(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sayso.ingest import Document
    from sayso.ledger import write

    doc = Document.create(EN_1, "inbox/a.txt", url="https://en.example/a", site="Daily")

    def hashed(text: str) -> str:
        raise AssertionError("ingest computed the content hash already")

    monkeypatch.setattr(write, "content_hash", hashed)
    result = ledger.add(doc, analysed(doc.text))
    assert result.document_id == doc.id and result.status == "added"
    stored = ledger.get_document(doc.id)
    assert stored is not None and (stored.source, stored.site) == ("inbox/a.txt", "Daily")
    summary = ledger.ingest([doc])  # the runner's loop: stored already, not analysed
    assert (summary.duplicates, summary.added) == (1, 0)


def test_store_statement_query_is_one_value_for_every_statement_filter(ledger: Ledger) -> None:
    from sayso.ledger import StatementQuery

    add(ledger, DE_1, url="https://de.example/1", site="Tagesblatt")
    add(ledger, EN_1, url="https://en.example/1", site="Daily")
    query = StatementQuery(outlet="tagesblatt", limit=None)
    by_value = ledger.statements(query)
    assert by_value == ledger.statements(outlet="tagesblatt", limit=None)
    assert by_value and {r.site for r in by_value} == {"Tagesblatt"}
    assert ledger.statements(query, lang="en") == []  # keywords refine the value
    with pytest.raises(TypeError):
        ledger.statements(outlets="Daily")
