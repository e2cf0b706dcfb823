"""The ledger's full-text search, statement and document queries and actors, against
SQLite and a real PostgreSQL (every test here runs on both).

All article texts are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, select
from store_texts import add, fill

from sayso.errors import SaysoError
from sayso.ledger import Ledger, describe, schema
from sayso.ledger import orm as t
from sayso.ledger import store as store_mod
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
