"""Storing many documents in one transaction (``Ledger.add_many``): the same identities,
claims, versions and counts as one document at a time — on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

import pytest
from sqlalchemy import select

import sayso
from sayso.ledger import Ledger
from sayso.ledger import orm as t
from sayso.model import Analysis

SCHOLZ_FULL = "„Wir bleiben bei unserer Linie“, sagte Bundeskanzler Olaf Scholz am Montag."
SCHOLZ_SHORT = "Scholz erklärte, die Regierung werde die Hilfen verlängern."
TYPO = "„Die Gespräche sind gescheitert“, sagte Ministerin Annalena Baerbick am Dienstag."
RIGHT = "„Die Lage ist ernst“, sagte Ministerin Annalena Baerbock am Mittwoch in Berlin."
QUOTE = "„Wir werden die Sanktionen nicht aufheben, solange der Krieg andauert“, sagte {who}."


@cache
def analysed(text: str) -> Analysis:
    return sayso.analyze(text, "de")


def doc(text: str, **fields: Any) -> tuple[dict[str, Any], Analysis]:
    return ({"text": text, **fields}, analysed(text))


def actor_ids(ledger: Ledger, speaker: str) -> set[int]:
    return {r.actor_id for r in ledger.statements(speaker=speaker) if r.actor_id is not None}


def test_writer_names_new_in_a_batch_are_known_to_its_later_documents(ledger: Ledger) -> None:
    results = ledger.add_many([doc(SCHOLZ_FULL), doc(SCHOLZ_SHORT), doc(RIGHT), doc(TYPO)])
    assert [r.status for r in results] == ["added"] * 4
    assert results[0].new_actors == 1 and results[1].new_actors == 0
    assert actor_ids(ledger, "Olaf Scholz") == actor_ids(ledger, "Scholz")
    assert len(actor_ids(ledger, "Scholz")) == 1
    with ledger.session() as session:
        query = select(t.DocumentActor.name, t.DocumentActor.match_rule)
        rules = {name: rule for name, rule in session.execute(query)}
    assert rules["Scholz"] == "identity.surname"
    assert rules["Annalena Baerbick"] == "identity.typo"
    (actor,) = ledger.actors(name="Olaf Scholz")
    assert actor.documents == 2


def test_writer_batch_and_one_at_a_time_agree(tmp_path: Any) -> None:
    texts = [SCHOLZ_FULL, SCHOLZ_SHORT, TYPO, RIGHT, QUOTE.format(who="Scholz")]

    def snapshot(ledger: Ledger) -> list[tuple[Any, ...]]:
        with ledger.session() as session:
            rows = session.execute(
                select(t.DocumentActor.name, t.Actor.name, t.DocumentActor.match_rule)
                .join(t.Actor, t.Actor.id == t.DocumentActor.actor_id)
                .order_by(t.DocumentActor.name)
            )
            return [tuple(r) for r in rows]

    with Ledger.open(f"sqlite:///{tmp_path / 'one.db'}") as one:
        for text in texts:
            one.add(*doc(text))
        expected = snapshot(one)
    with Ledger.open(f"sqlite:///{tmp_path / 'batch.db'}") as batch:
        batch.add_many([doc(text) for text in texts])
        assert snapshot(batch) == expected


def test_writer_repeats_and_versions_within_a_batch(ledger: Ledger) -> None:
    run = ledger.start_run()
    results = ledger.add_many(
        [
            doc(SCHOLZ_FULL, url="https://a.example/1"),
            doc(SCHOLZ_FULL, url="https://a.example/1"),
            doc(SCHOLZ_SHORT, url="https://a.example/1"),
        ],
        run_id=run,
    )
    assert [(r.status, r.version) for r in results] == [
        ("added", 1),
        ("duplicate", 1),
        ("version", 2),
    ]
    assert results[1].document_id == results[0].document_id
    again = ledger.add_many([doc(SCHOLZ_SHORT, url="https://a.example/1")], run_id=run)
    assert [(r.status, r.version) for r in again] == [("duplicate", 2)]
    with ledger.session() as session:
        counts = session.execute(
            select(t.Run.added, t.Run.new_versions, t.Run.duplicates).where(t.Run.id == run)
        ).one()
    assert tuple(counts) == (2, 1, 2)


def test_writer_claims_count_appearances_and_widen_their_days(ledger: Ledger) -> None:
    first = QUOTE.format(who="Kanzler Olaf Scholz")
    second = QUOTE.format(who="Olaf Scholz in Berlin")
    third = QUOTE.format(who="der Kanzler")
    ledger.add_many([doc(first, published="2026-03-05"), doc(second, published="2026-03-07")])
    ledger.add_many([doc(third, published="2026-03-01")])
    rows = [r for r in ledger.statements(limit=None) if "Sanktionen" in r.content]
    assert len(rows) == 3 and len({r.claim_id for r in rows}) == 1
    (claim,) = [c for c in ledger.claims() if c["id"] == rows[0].claim_id]
    assert claim["appearances"] == 3
    assert (claim["first_seen"], claim["last_seen"]) == ("2026-03-01", "2026-03-07")


def test_writer_a_bad_document_fails_its_batch_and_ingest_stores_the_rest(
    ledger: Ledger,
) -> None:
    bad = ({"text": "Ein ganz anderer Text."}, analysed(RIGHT))
    with pytest.raises(ValueError, match="not of this text"):
        ledger.add_many([doc(SCHOLZ_FULL), bad])
    assert ledger.stats()["documents"] == 0  # whole or not at all

    summary = ledger.ingest(
        [{"text": SCHOLZ_FULL}, {"text": "kaputt", "source": "bad.txt"}, {"text": RIGHT}],
        lambda d: analysed(RIGHT) if d["text"] == "kaputt" else analysed(d["text"]),
    )
    assert (summary.added, summary.failed) == (2, 1)
    assert [e.source for e in ledger.errors()] == ["bad.txt"]


def test_writer_two_anonymous_actors_of_one_name_in_one_document(ledger: Ledger) -> None:
    text = "„Es gab Verluste“, hieß es aus Militärkreisen."
    a = analysed(text)
    (actor,) = [x for x in a.actors if x.kind.value == "anonymous"]
    twin = dataclasses.replace(actor, id=actor.id + "-twin")
    results = ledger.add_many([({"text": text}, dataclasses.replace(a, actors=(*a.actors, twin)))])
    assert results[0].status == "added"
    with ledger.session() as session:
        ids = session.scalars(select(t.DocumentActor.actor_id)).all()
    assert len(ids) == len(a.actors) + 1 and len(set(ids)) == len(a.actors)


def test_writer_driver_inserts_store_what_a_core_insert_stores(ledger: Ledger) -> None:
    """Rows written straight to the driver (ids allocated, 32 to an INSERT, the rest in
    one more) read back exactly as rows a Core insert wrote: JSON, dates, booleans,
    times; and an insert that leaves the id to the database does not collide with them."""
    import datetime as dt

    from sqlalchemy import insert

    from sayso.ledger import writer

    when = dt.datetime(2026, 11, 26, 1, 2, 3, 456789, tzinfo=dt.UTC)
    rows = [
        {"name": f"Anna Beispiel{k}", "key": f"anna beispiel{k}", "kind": "person",
         "role": "Ministerin" if k % 2 else None, "aliases": [f"A. Beispiel{k}", "Ä ß"],
         "first_seen": when, "surname": f"beispiel{k}"}
        for k in range(70)
    ]  # fmt: skip
    with ledger.session() as session:
        conn = session.connection()
        ids = writer.new_ids(conn, writer.ACTORS, len(rows))
        writer.insert_rows(
            conn, writer.ACTORS, [{"id": i, **r} for i, r in zip(ids, rows, strict=True)]
        )
        core = {**rows[0], "key": "core", "name": "Core"}
        (core_id,) = conn.execute(insert(writer.ACTORS).returning(writer.ACTORS.c.id), core).one()
    assert len(set(ids)) == 70 and core_id not in ids
    with ledger.session() as session:
        got = {a.id: a for a in session.scalars(select(t.Actor))}
        for i, r in zip(ids, rows, strict=True):
            a = got[i]
            stored = {k: getattr(a, k) for k in r}
            assert stored["first_seen"].replace(tzinfo=dt.UTC) == when
            assert {**stored, "first_seen": when} == r
        assert got[core_id].aliases == rows[0]["aliases"]
        assert got[core_id].first_seen.replace(tzinfo=dt.UTC) == when
