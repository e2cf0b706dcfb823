"""The ledger against SQLite and a real PostgreSQL (every test here runs on both).

All article texts are written for these tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
from functools import cache
from typing import Any

import pytest
from sqlalchemy import create_engine, func, inspect, select

import sayso
from sayso.errors import SaysoError
from sayso.ledger import Ledger, content_hash, describe, schema
from sayso.ledger import orm as t
from sayso.ledger import store as store_mod
from sayso.ledger import writer as writer_mod
from sayso.model import (
    Actor,
    ActorKind,
    Analysis,
    Confirmation,
    Form,
    Framing,
    Span,
    Stance,
    Statement,
)
from sayso.settings import LedgerSettings, Settings

DE_1 = (
    "„Die Sanktion bleibt bestehen“, sagte Außenministerin Petra Lindner am Montag in "
    "Brüssel. Die Regierung soll bereits neue Maßnahmen geplant haben. Möglicherweise "
    "werde der Zoll erhöht, sagte ein Sprecher."
)
DE_2 = (
    "„Wir brauchen mehr Sanktionen“, sagte Petra Lindner am Mittwoch. Laut dem Magazin "
    "Der Spiegel will die Kommission die Zölle senken."
)
EN_1 = (
    '"The sanctions will stay in place," Foreign Minister John Carter said on Tuesday. '
    "According to officials, the talks have reportedly collapsed."
)
EN_2 = (
    'John Carter denied the report. "We are negotiating in good faith," he said. '
    "The company claimed that the factory was safe."
)


@cache
def analysed(text: str) -> Analysis:
    return sayso.analyze(text)


def add(ledger: Ledger, text: str, **fields: Any) -> Any:
    return ledger.add(fields, analysed(text))


def fill(ledger: Ledger) -> None:
    """Four articles from three outlets on four days."""
    add(ledger, DE_1, url="https://de.example/1", site="Tagesblatt", published="2024-03-04")
    add(ledger, DE_2, url="https://de.example/2", site="Abendpost", published="2024-03-06")
    add(ledger, EN_1, url="https://en.example/1", site="Daily Ledger", published="2024-03-05")
    add(
        ledger,
        EN_2,
        url="https://en.example/2",
        site="Daily Ledger",
        published="Fri, 08 Mar 2024 09:30:00 +0000",
    )


def table_counts(ledger: Ledger) -> dict[str, int]:
    with ledger.session() as session:
        return {
            name: session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in schema.metadata.tables.items()
        }


# --- schema and migrations --------------------------------------------------------------


def test_ledger_migrations_create_the_schema_from_empty(db_url: str) -> None:
    with Ledger.open(db_url) as ledger:
        assert ledger.stats()["schema"] == store_mod.migrate.head()
        names = set(inspect(ledger.engine).get_table_names())
        assert set(schema.metadata.tables) <= names
        if ledger.dialect == "sqlite":
            assert "statements_fts" in names
        else:
            columns = {c["name"] for c in inspect(ledger.engine).get_columns("statements")}
            assert "search" in columns
    # opening again is a no-op, not an error
    with Ledger.open(db_url) as ledger:
        assert ledger.stats()["documents"] == 0


def test_ledger_migrate_head_constant_is_the_scripts_head(db_url: str) -> None:
    """``migrate.HEAD`` (which lets opening skip Alembic) names the newest revision: a
    ledger left one revision behind is not taken for current, and is brought up."""
    migrate = store_mod.migrate
    assert migrate.head() == migrate.HEAD
    with Ledger.open(db_url) as ledger:
        assert migrate.at_head(ledger.engine)
        migrate.downgrade(ledger.engine, "-1")
        assert not migrate.at_head(ledger.engine)
    with Ledger.open(db_url) as ledger:
        assert migrate.at_head(ledger.engine) and migrate.current(ledger.engine) == migrate.HEAD


# the PostgreSQL-only expression index (DESC NULLS LAST) is not created on SQLite, and
# alembic says so when it compares; PostgreSQL compares it
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression")
def test_ledger_migrations_match_the_declared_schema(db_url: str) -> None:
    """schema.py and the migrations tell the same story (nothing for autogenerate to add)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with Ledger.open(db_url) as ledger, ledger.engine.connect() as conn:
        env = store_mod.migrate.script_location() / "env.py"
        assert env.is_file()
        ctx = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_object": lambda obj, name, *_: (
                    name not in schema.FULLTEXT_OBJECTS | schema.ONE_BACKEND_INDEXES
                    and not str(name).startswith("statements_fts")
                ),
            },
        )
        assert compare_metadata(ctx, schema.metadata) == []


def test_ledger_migrations_downgrade_and_upgrade_again(db_url: str) -> None:
    with Ledger.open(db_url) as ledger:
        add(ledger, EN_1)
        store_mod.migrate.downgrade(ledger.engine, "base")
        names = set(inspect(ledger.engine).get_table_names())
        assert not names & (set(schema.metadata.tables) | {"statements_fts"})
        store_mod.migrate.upgrade(ledger.engine)
        add(ledger, EN_1)
        assert ledger.search("sanctions")


def test_ledger_migration_0005_recomputes_integer_bands_of_known_claims(db_url: str) -> None:
    """A ledger from before 0005 keeps finding its claims' near-identical reports."""
    from sqlalchemy import create_engine, text

    from sayso.ledger.claims import fingerprint

    engine = create_engine(db_url)
    try:
        store_mod.migrate.upgrade(engine, "0004")
        claim = "die regierung will die sanktionen gegen das land noch in diesem monat verschaerfen"
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO claims (id, key, text, lang, appearances) "
                    "VALUES (7, 'k7', :text, 'de', 1)"
                ),
                {"text": claim},
            )
            conn.execute(text("INSERT INTO claim_bands (band, claim_id) VALUES ('0:ab', 7)"))
        store_mod.migrate.upgrade(engine)
        with engine.connect() as conn:
            bands = conn.execute(text("SELECT band FROM claim_bands WHERE claim_id = 7")).all()
    finally:
        engine.dispose()
    assert sorted(b for (b,) in bands) == sorted(fingerprint(claim).bands)
    assert len(bands) == 16 and all(isinstance(b, int) and b >= 0 for (b,) in bands)


def test_ledger_migration_0007_keeps_the_text_once_and_the_analysis_whole(db_url: str) -> None:
    """The analysis JSON no longer repeats the document's text; before 0007 it did, and
    the analysis read back is the same either way."""
    from sqlalchemy import text

    def stored_text(ledger: Ledger) -> object:
        with ledger.engine.connect() as conn:
            data = conn.execute(text("SELECT analysis FROM documents")).scalar_one()
        return (json.loads(data) if isinstance(data, str) else data).get("text")

    with Ledger.open(db_url) as ledger:
        doc_id = add(ledger, EN_1).document_id
        whole = ledger.analysis(doc_id)
        assert whole.text == EN_1 and stored_text(ledger) is None
        store_mod.migrate.downgrade(ledger.engine, "0006")
        assert stored_text(ledger) == EN_1  # as an older sayso wrote it
        store_mod.migrate.upgrade(ledger.engine)
        assert stored_text(ledger) is None
        assert ledger.analysis(doc_id) == whole


def test_ledger_open_rejects_an_unreachable_database(tmp_path: Any) -> None:
    with pytest.raises(SaysoError) as info:
        Ledger.open("postgresql://nobody:secret@127.0.0.1:1/nothing")
    assert info.value.code == "E201"
    assert "secret" not in str(info.value)
    with pytest.raises(SaysoError) as info:
        Ledger.open(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    assert info.value.code == "E209"  # a SQLite file: its own code and hint, not a server's
    assert "does not exist" in info.value.message


def test_ledger_open_defaults_to_sayso_db_env_then_sqlite_file(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAYSO_DB", raising=False)
    with Ledger.open() as ledger:
        add(ledger, EN_1)
    assert (tmp_path / "sayso.db").is_file()
    monkeypatch.setenv("SAYSO_DB", f"sqlite:///{tmp_path / 'other.db'}")
    with Ledger.open() as ledger:
        assert ledger.stats()["documents"] == 0
    assert (tmp_path / "other.db").is_file()
    # a bare path is a SQLite file
    with Ledger.open(str(tmp_path / "sayso.db")) as ledger:
        assert ledger.stats()["documents"] == 1


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


# --- full-text search -------------------------------------------------------------------


def test_ledger_search_german_finds_inflected_forms(ledger: Ledger) -> None:
    fill(ledger)
    # "Sanktionen" finds "Sanktion" (DE_1) and "Sanktionen" (DE_2): PostgreSQL's german
    # stemmer; SQLite strips the ending and matches "sanktion*"
    found = ledger.search("Sanktionen", lang="de")
    assert {r.url for r in found} == {"https://de.example/1", "https://de.example/2"}
    assert all(r.lang == "de" for r in found)
    assert {r.content for r in ledger.search("Sanktion", lang="de")} == {r.content for r in found}
    # umlauts and plural: "Zölle" finds "Zoll" and "Zölle"
    assert {r.url for r in ledger.search("Zölle", lang="de")} == {
        "https://de.example/1",
        "https://de.example/2",
    }
    # the speaker is searchable too, and every word must match
    assert {r.speaker for r in ledger.search("Lindner Sanktion", lang="de")} >= {
        "Außenministerin Petra Lindner"
    }
    assert ledger.search("Sanktion Fabrik", lang="de") == []


def test_ledger_search_english_stems(ledger: Ledger) -> None:
    fill(ledger)
    found = ledger.search("sanction", lang="en")
    assert [r.url for r in found] == ["https://en.example/1"]
    assert found[0].rank is not None
    assert [r.url for r in ledger.search("negotiations", lang="en")] == ["https://en.example/2"]
    assert [r.url for r in ledger.search("The factories", lang="en")] == ["https://en.example/2"]


def test_ledger_search_language_choice(ledger: Ledger) -> None:
    fill(ledger)
    # without a language each statement is matched in its own language
    urls = {r.url for r in ledger.search("Sanktionen")}
    assert {"https://de.example/1", "https://de.example/2"} <= urls
    assert {r.url for r in ledger.search("sanctions")} >= {"https://en.example/1"}
    # a language restricts the search to statements in it
    assert ledger.search("sanctions", lang="de") == []
    assert ledger.search("", lang="de") == []
    assert ledger.search("!!!") == []


def test_ledger_search_ranks_the_better_match_first(ledger: Ledger) -> None:
    fill(ledger)
    found = ledger.search("Sanktion bestehen", lang="de")
    assert found[0].url == "https://de.example/1"
    ranks = [r.rank for r in ledger.search("Sanktion", lang="de")]
    assert ranks == sorted(ranks)  # type: ignore[type-var]


def test_ledger_plain_search_ranks_only_the_newest_matches(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A common word cannot make a plain text query slow: the best of the newest
    LedgerSettings.text_candidates matches (at least two pages) are ranked, not every match."""
    best = "„Die Brücke, die Brücke und nochmals die Brücke“, sagte Anna Berger."
    add(ledger, best, url="https://de.example/best", published="2024-01-01")
    for n in range(25):
        text = f"„Die Brücke in Ort {n} ist gesperrt“, sagte Anna Berger am Tag {n}."
        add(ledger, text, url=f"https://de.example/{n}", published=f"2024-02-{n + 1:02d}")
    assert ledger.search("Brücke", lang="de", limit=1)[0].url == "https://de.example/best"
    few = Settings(ledger=LedgerSettings(text_candidates=1))  # 2 candidates for one result
    monkeypatch.setattr(ledger, "settings", few)
    (found,) = ledger.search("Brücke", lang="de", limit=1)
    assert found.url != "https://de.example/best"
    assert int(found.url.rsplit("/", 1)[1]) >= 23  # one of the newest two
    assert len(ledger.statements(about="Brücke", lang="de", since="2024-01-01", limit=None)) == 26
    # recent: the newest matches themselves, however well an older one ranks
    monkeypatch.setattr(ledger, "settings", Settings())
    newest = ledger.statements(about="Brücke", lang="de", limit=3, recent=True)
    assert sorted(int(r.url.rsplit("/", 1)[1]) for r in newest) == [22, 23, 24]
    assert ledger.statements(about="Brücke", limit=1)[0].url == "https://de.example/best"


# --- queries ----------------------------------------------------------------------------


def test_ledger_statements_by_speaker_across_documents(ledger: Ledger) -> None:
    fill(ledger)
    rows = ledger.statements(speaker="lindner")
    assert {r.url for r in rows} == {"https://de.example/1", "https://de.example/2"}
    assert {r.actor for r in rows} == {"Petra Lindner"}
    assert len({r.actor_id for r in rows}) == 1
    assert ledger.statements(speaker=rows[0].actor_id) == rows
    carter = ledger.statements(speaker="John Carter")
    assert {r.url for r in carter} == {"https://en.example/1", "https://en.example/2"}
    # a name that finds no actor says so (E210), rather than "said nothing"
    with pytest.raises(SaysoError, match="E210"):
        ledger.statements(speaker="Nobody Known")
    with pytest.raises(SaysoError, match="E210"):
        ledger.statements(speaker="100%")  # LIKE wildcards are literal


def test_ledger_speaker_shared_by_several_actors_merges_their_newest(ledger: Ledger) -> None:
    for n, first in enumerate(["Anna", "Thomas", "Anna", "Thomas", "Anna", "Thomas"]):
        text = f"„Der Plan {n} steht“, sagte {first} Berger am Montag."
        add(ledger, text, url=f"https://de.example/{n}", published=f"2024-05-{n + 1:02d}")
    assert len(ledger.actors(name="Berger")) == 2
    rows = ledger.statements(speaker="Berger", limit=4)
    assert [r.url for r in rows] == [f"https://de.example/{n}" for n in (5, 4, 3, 2)]
    assert [r.url for r in ledger.statements(speaker="Berger", limit=2, offset=3)] == [
        "https://de.example/2",
        "https://de.example/1",
    ]
    anna = ledger.statements(speaker="Berger", since="2024-05-02", until="2024-05-05", limit=10)
    assert [r.url for r in anna] == [f"https://de.example/{n}" for n in (4, 3, 2, 1)]


def test_ledger_statements_by_outlet_and_date(ledger: Ledger) -> None:
    fill(ledger)
    daily = ledger.statements(outlet="daily ledger")
    assert {r.url for r in daily} == {"https://en.example/1", "https://en.example/2"}
    # newest publication first; the RFC 2822 date was parsed
    assert daily[0].published_date == dt.date(2024, 3, 8)
    window = ledger.statements(since="2024-03-05", until=dt.date(2024, 3, 6))
    assert {r.url for r in window} == {"https://en.example/1", "https://de.example/2"}
    assert ledger.statements(since=dt.datetime(2024, 3, 9, 12, 0)) == []
    with pytest.raises(ValueError, match="not a date"):
        ledger.statements(since="last week")


def test_ledger_statements_by_framing(ledger: Ledger) -> None:
    fill(ledger)
    hearsay = ledger.statements(framing="hearsay")
    assert hearsay and all(r.hearsay and "hearsay" in r.framing for r in hearsay)
    assert {r.lang for r in hearsay} == {"de", "en"}
    distancing = ledger.statements(framing="distancing")
    assert [r.speaker for r in distancing] == ["The company"]
    assert ledger.statements(framing=["hearsay", "distancing"]) == []
    assert ledger.statements(framing="hearsay", about="talks", lang="en")[0].speaker == (
        "officials"
    )
    with pytest.raises(ValueError, match="unknown framing"):
        ledger.statements(framing="gossip")


def test_ledger_statements_by_framing_on_hand_made_analysis(ledger: Ledger) -> None:
    text = "Der Minister bestritt, dass die Brücke marode sei. Die Firma räumte Fehler ein."
    a = Analysis(
        text=text,
        lang="de",
        statements=(
            Statement(
                id="s1",
                content=(Span(22, 49),),
                form=Form.INDIRECT,
                speaker=(Span(0, 12),),
                actor="a1",
                chain=("a1",),
                framing=Framing(hedged=True, confirmation=Confirmation.DENIED),
            ),
            Statement(
                id="s2",
                content=(Span(68, 74),),
                form=Form.REPORTED,
                speaker=(Span(51, 60),),
                actor="a2",
                chain=("a2",),
                framing=Framing(stance=Stance.ENDORSING, confirmation=Confirmation.CONFIRMED),
            ),
        ),
        actors=(
            Actor("a1", "Minister", ActorKind.PERSON, mentions=(Span(0, 12),)),
            Actor("a2", "Firma", ActorKind.ORGANIZATION, mentions=(Span(51, 60),)),
        ),
    )
    doc_id = ledger.add({"site": "Handblatt"}, a).document_id
    assert ledger.analysis(doc_id) == a
    assert [r.local_id for r in ledger.statements(framing=["hedged", "denied"])] == ["s1"]
    assert [r.local_id for r in ledger.statements(framing="endorsing")] == ["s2"]
    assert [r.local_id for r in ledger.statements(framing="confirmed")] == ["s2"]
    assert ledger.statements(framing="unconfirmed") == []
    assert [r.local_id for r in ledger.statements(framing="neutral")] == ["s1"]


def test_ledger_documents_query(ledger: Ledger) -> None:
    fill(ledger)
    docs = ledger.documents()
    assert [d.published_date for d in docs] == sorted(
        (d.published_date for d in docs), reverse=True
    )
    assert all(d.text is None for d in docs)  # listing leaves the text out
    assert [d.url for d in ledger.documents(site="abendpost")] == ["https://de.example/2"]
    assert {d.url for d in ledger.documents(lang="en")} == {
        "https://en.example/1",
        "https://en.example/2",
    }
    assert len(ledger.documents(since="2024-03-06")) == 2
    assert len(ledger.documents(limit=1)) == 1


# --- actors -----------------------------------------------------------------------------


def test_ledger_actors_one_per_name_and_kind(ledger: Ledger) -> None:
    fill(ledger)
    lindner = ledger.actors(name="Petra Lindner")
    assert len(lindner) == 1
    assert (lindner[0].kind, lindner[0].documents) == ("person", 2)
    assert lindner[0].role == "Außenministerin"
    with ledger.session() as session:
        written = session.scalars(
            select(t.DocumentActor.name).where(t.DocumentActor.actor_id == lindner[0].id)
        ).all()
    assert sorted(written) == ["Petra Lindner", "Petra Lindner"]
    assert ledger.actors(kind="outlet")[0].name == "Der Spiegel"  # the gazetteer name


def test_ledger_resolve_actor_merges_spellings(ledger: Ledger) -> None:
    with ledger.session() as session:
        a, rule_a, _ = store_mod.resolve_actor(
            session, Actor("a1", "Petra  LINDNER", ActorKind.PERSON), "de"
        )
        b, rule_b, _ = store_mod.resolve_actor(
            session, Actor("a1", "Petra Lindner", ActorKind.PERSON, role="Ministerin"), "de"
        )
        c, _, _ = store_mod.resolve_actor(
            session, Actor("a1", "Petra Lindner", ActorKind.OUTLET), "de"
        )
        assert a == b != c
        assert (rule_a, rule_b) == ("identity.new", "identity.key")
        row = session.get_one(t.Actor, a)
        assert row.name == "Petra  LINDNER"
        assert row.aliases == ["Petra Lindner"]
        assert row.role == "Ministerin"


def test_ledger_stats(ledger: Ledger) -> None:
    fill(ledger)
    stats = ledger.stats()
    assert stats["backend"] == ledger.dialect
    assert stats["documents"] == stats["urls"] == 4
    assert stats["documents_by_lang"] == {"de": 2, "en": 2}
    assert stats["statements"] == sum(stats["statements_by_form"].values()) > 0
    assert stats["actors"] > 0 and stats["errors"] == 0


def test_ledger_records_serialise_to_json(ledger: Ledger) -> None:
    import json

    fill(ledger)
    row = ledger.statements(limit=1)[0]
    data = json.loads(json.dumps(row.to_dict()))
    assert data["published_date"] == row.published_date.isoformat()  # type: ignore[union-attr]
    doc = ledger.get_document(row.document_id)
    assert doc is not None
    json.dumps(doc.to_dict())
    json.dumps(ledger.actors()[0].to_dict())


def test_ledger_sqlite_file_reads_without_sayso(tmp_path: Any) -> None:
    """A SQLite ledger makes sense to plain sqlite3 (and so to Datasette)."""
    import sqlite3

    path = tmp_path / "ledger.db"
    with Ledger.open(f"sqlite:///{path}") as ledger:
        fill(ledger)
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT s.content, s.speaker, a.name, d.site, d.published_date, s.hearsay, s.chain "
        "FROM statements s JOIN documents d ON d.id = s.document_id "
        "JOIN actors a ON a.id = s.actor_id WHERE a.name = 'Petra Lindner'"
    ).fetchall()
    assert {r[3] for r in rows} == {"Tagesblatt", "Abendpost"}
    assert all(isinstance(json.loads(r[6]), list) for r in rows)
    # Datasette finds the FTS table through its content= option and offers search (this is
    # the query datasette.utils.detect_fts runs)
    detected = conn.execute(
        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND "
        "sql LIKE '%VIRTUAL TABLE%USING FTS%content=[statements]%'"
    ).fetchall()
    assert detected == [("statements_fts",)]
    hits = conn.execute(
        "SELECT s.content FROM statements s JOIN statements_fts f ON f.rowid = s.id "
        "WHERE statements_fts MATCH 'sanctions'"
    ).fetchall()
    assert hits
    # the analysis JSON and the text its offsets refer to (kept once, in the text column)
    data, text = conn.execute("SELECT analysis, text FROM documents LIMIT 1").fetchone()
    analysis = Analysis.from_dict({**json.loads(data), "text": text})
    assert analysis.statements and analysis.statements[0].content[0].text(text)
    conn.close()
    meta = describe.datasette_metadata("ledger")
    tables = meta["databases"]["ledger"]["tables"]
    assert set(schema.metadata.tables) <= set(tables)
    assert all(desc for desc in tables["statements"]["columns"].values())


def test_ledger_postgres_columns_carry_comments(pg_url: str) -> None:
    Ledger.open(pg_url).close()
    engine = create_engine(pg_url)
    try:
        insp = inspect(engine)
        assert insp.get_table_comment("statements")["text"]
        comments = {c["name"]: c.get("comment") for c in insp.get_columns("documents")}
        assert all(comments.values()), comments
    finally:
        engine.dispose()


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
    import json

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
