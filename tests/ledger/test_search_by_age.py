"""PostgreSQL's plain text query takes the newest matches from the age buckets of
``ix_statements_search_by_age`` (migration 0012, ``fulltext.postgresql_newest``): the
same statements, in the same order, as ranking the newest matches of the whole ledger.

The statements' ids are spread over many buckets (the id sequence moved on between
articles), so every range of ``fulltext.AGE_RANGES`` and the plain index behind them are
needed. All article texts are written for these tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, text
from store_texts import add

from sayso.ledger import Ledger
from sayso.settings import LedgerSettings, Settings

#: the first statement id of each article: the newest small buckets (8,192 ids), the
#: newest large ones (65,536) and far older ids, a few articles in each
STARTS = (1, 70_000, 140_000, 200_000, 217_000, 232_000, 240_000, 250_000, 258_000, 262_200)

TEXTS = (
    "„Die Brücke bleibt gesperrt“, sagte Bürgermeisterin Anna Berger am Montag.",
    "„Die Brücke und die Straße werden erneuert“, sagte Anna Berger.",
    "„Wir bauen eine neue Schule“, sagte Stadtrat Paul Winter am Dienstag.",
    "„Die alte Brücke, die Brücke am Fluss, wird abgerissen“, sagte Paul Winter.",
)


@pytest.fixture
def spread(pg_url: str) -> Iterator[Ledger]:
    ledger = Ledger.open(pg_url)
    with ledger.engine.begin() as conn:
        seq = conn.execute(text("SELECT pg_get_serial_sequence('statements', 'id')")).scalar()
    n = 0
    for start in STARTS:
        with ledger.engine.begin() as conn:
            conn.execute(text(f"ALTER SEQUENCE {seq} RESTART WITH {start}"))
        for t_ in TEXTS:
            n += 1
            own = t_.replace("sagte", f"sagte in Ort {n}")  # each article its own text
            add(ledger, own, url=f"https://de.example/{n}", published=f"2024-03-{n % 28 + 1:02d}")
    try:
        yield ledger
    finally:
        ledger.close()


def expected(ledger: Ledger, about: str, limit: int, offset: int, candidates: int) -> list[Any]:
    """What the query means, by the plain index alone: the newest ``candidates`` matches
    of the ledger, by rank and then id, the page of them."""
    q = "plainto_tsquery('german', :w) || plainto_tsquery('english', :w)"
    with ledger.engine.connect() as conn:
        newest = conn.execute(
            text(
                f"SELECT id, -ts_rank(search, {q}) AS r FROM statements "
                f"WHERE search @@ ({q}) ORDER BY id DESC LIMIT :k"
            ),
            {"w": about.lower(), "k": candidates},
        ).all()
    ranked = sorted(newest, key=lambda row: (row.r, row.id))
    return [(row.id, pytest.approx(row.r)) for row in ranked[offset : offset + limit]]


@pytest.mark.parametrize("candidates", [1, 3, 8, 500])
def test_plain_text_query_by_age_is_the_newest_matches_ranked(
    spread: Ledger, candidates: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        spread, "settings", Settings(ledger=LedgerSettings(text_candidates=candidates))
    )
    with spread.engine.connect() as conn:
        ids = [i for (i,) in conn.execute(text("SELECT id FROM statements ORDER BY id"))]
    assert ids[0] < 8_192 and ids[-1] > 262_200 and len({i >> 13 for i in ids}) >= 8
    for about in ("Brücke", "Anna Berger", "Schule", "Fluss abgerissen", "Tunnel", "die", "!"):
        for limit, offset in ((1, 0), (2, 1), (5, 0), (3, 4)):
            page = max(candidates, (limit + offset) * 2)
            got = spread.statements(about=about, limit=limit, offset=offset)
            want = expected(spread, about, limit, offset, page)
            assert [(r.id, r.rank) for r in got] == want, (about, limit, offset)
    assert spread.statements(about="Brücke", limit=3)  # not vacuous


def test_plain_text_query_reads_the_age_index(spread: Ledger) -> None:
    """The query's expression is the index's: the planner takes it (a mismatch would read
    the statements one by one and still answer right, only slowly)."""
    seen: list[tuple[str, Any]] = []

    def grab(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        seen.append((statement, params))

    event.listen(spread.engine, "before_cursor_execute", grab)
    try:
        spread.statements(about="Brücke", limit=2)
    finally:
        event.remove(spread.engine, "before_cursor_execute", grab)
    statement, params = seen[-1]
    with spread.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")  # a tiny table is read whole
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, params))
    assert "ix_statements_search_by_age" in plan


def test_postgresql_connections_compile_no_plans(spread: Ledger) -> None:
    with spread.engine.connect() as conn:
        assert conn.execute(text("SHOW jit")).scalar() == "off"
