"""Rows sent with PostgreSQL's ``COPY`` (:func:`sayso.ledger.rows.copy_into`, what ``sayso
load`` uses) are the rows the INSERTs store — on SQLite the context changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine, text

import sayso
from sayso.ledger import Ledger, rows
from sayso.ledger.rows import copy_into

TEXTS = [
    "„Wir bleiben bei unserer Linie“, sagte Bundeskanzler Olaf Scholz am Montag in Berlin.",
    "Scholz erklärte, die Regierung werde die Hilfen verlängern. Kritiker widersprachen.",
    '"The bridge will reopen in May," Mayor Linda Fox said, according to the city.',
]
QUERIES = [
    "SELECT id, url, title, published_date, lang, text, meta, statement_count, analysis "
    "FROM documents ORDER BY id",
    "SELECT document_id, local_id, content, content_spans, actor_id, chain, framing, rules, "
    "claim_id, hearsay FROM statements ORDER BY document_id, local_id",
    "SELECT document_id, local_id, actor_id, name, mentions, match_rule FROM document_actors "
    "ORDER BY document_id, local_id",
    "SELECT id, name, key, aliases FROM actors ORDER BY id",
    "SELECT id, key, text, appearances FROM claims ORDER BY id",
    "SELECT band, claim_id FROM claim_bands ORDER BY band, claim_id",
    "SELECT document_id, local_id, kind, source_id, evidence FROM relations ORDER BY id",
]


def _rows(ledger: Ledger) -> list[list[tuple[Any, ...]]]:
    with ledger.engine.connect() as conn:
        return [[tuple(r) for r in conn.execute(text(q))] for q in QUERIES]


def _store(url: str, copy: bool) -> list[list[tuple[Any, ...]]]:
    items = [({"text": t, "url": f"https://x.example/{i}", "published": "2024-05-0{i}"},
              sayso.analyze(t)) for i, t in enumerate(TEXTS, 1)]  # fmt: skip
    with Ledger.open(url) as ledger:
        if copy:
            with copy_into(ledger.engine):
                ledger.add_many(items[:2])
                ledger.add_many(items[2:])
        else:
            ledger.add_many(items[:2])
            ledger.add_many(items[2:])
        return _rows(ledger)


def _second_database(db_url: str) -> str:
    """A second empty database beside ``db_url`` on the same PostgreSQL server."""
    admin = create_engine(db_url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('DROP DATABASE IF EXISTS "t_copy_inserted" WITH (FORCE)'))
        conn.execute(text('CREATE DATABASE "t_copy_inserted"'))
    admin.dispose()
    return db_url.rsplit("/", 1)[0] + "/t_copy_inserted"


def test_copy_stores_the_rows_inserts_store(
    db_url: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[str] = []
    real = rows._copy_values
    monkeypatch.setattr(
        rows,
        "_copy_values",
        lambda conn, table, *a: (sent.append(table.name), real(conn, table, *a)),
    )
    copied = _store(db_url, copy=True)
    assert copied[1], "the texts have statements"
    postgres = not db_url.startswith("sqlite")
    # on PostgreSQL every table's rows went through COPY; SQLite has no COPY
    assert ({"documents", "statements", "claims"} <= set(sent)) == postgres
    other = _second_database(db_url) if postgres else f"sqlite:///{tmp_path / 'inserted.db'}"
    assert _store(other, copy=False) == copied
