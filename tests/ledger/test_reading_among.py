"""``among_ids``: an id filter with any number of ids as one parameter."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select

from sayso.ledger.reading import among_ids


def test_reading_among_ids_takes_more_ids_than_sqlite_has_variables() -> None:
    engine = create_engine("sqlite://")
    rows = Table("rows", MetaData(), Column("id", Integer, primary_key=True))
    rows.create(engine)
    with engine.begin() as conn:
        conn.execute(insert(rows), [{"id": i} for i in range(0, 80_000, 2)])
        ids = list(range(40_000))  # two IN lists of these bound 80,000 variables
        thirds = list(range(0, 80_000, 3))
        query = select(rows.c.id).where(
            among_ids("sqlite", rows.c.id, thirds), among_ids("sqlite", rows.c.id, ids)
        )
        got = [r[0] for r in conn.execute(query)]
    assert got == list(range(0, 40_000, 6))  # each filter keeps its own ids
