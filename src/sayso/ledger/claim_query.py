"""Claims across articles, counted exactly: how many articles carried each claim.

A claim's *appearances* are the documents it appears in, not its statements: a quotation
fragment and the sentence that contains it ("Das sei „eine gezielte Provokation“",
and the fragment "eine gezielte Provokation" on its own), or a quote the article repeats,
are one appearance. :func:`claims` counts them in SQL over every statement matching the
filters — ``GROUP BY claim_id HAVING count(DISTINCT document_id) >= min`` — so
``min_appearances`` is never applied to a sample of the newest matches. Each claim lists
one statement per document (the longest), with the ids of the others there as its
``fragments``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, distinct, func, select

from sayso import errors
from sayso.errors import SaysoError
from sayso.ledger import fulltext
from sayso.ledger import schema as t
from sayso.ledger import speakers as speaker_query
from sayso.ledger.query import StatementQuery, statement_conditions
from sayso.ledger.records import StatementRecord

if TYPE_CHECKING:
    from sayso.ledger.store import Ledger

#: claims counted per query when the most widespread are wanted (see :func:`_counted`)
CHUNK = 500
#: statements of one claim read to list its appearances (a claim wider than this lists
#: the earliest; ``shown`` says how many documents were listed)
STATEMENTS_READ = 2000


def matching(ledger: Ledger, conn: Connection, where: StatementQuery) -> Select[Any] | None:
    """The claim ids of every statement ``where`` selects (its page aside), as a subquery
    without a limit; None without filters."""
    if not where.filtered():
        return None
    s, d = t.statements.c, t.documents.c
    conds = statement_conditions(where)
    if where.speaker is not None:
        speaker = where.speaker
        tuning = ledger.settings.ledger
        ids = [speaker] if isinstance(speaker, int) else speaker_query.ids(conn, speaker, tuning)
        conds.append(s.actor_id.in_(ids))
    query = select(s.claim_id).where(s.claim_id.is_not(None), *conds)
    if where.outlet is not None:
        query = query.join(t.documents, d.id == s.document_id).where(
            func.lower(d.site) == str(where.outlet).lower()
        )
    if where.about is not None:
        if ledger.dialect == "sqlite":
            match, _ = fulltext.sqlite_match(where.about, where.lang)
            fts = fulltext.FTS5_TABLE
            query = query.join(fts, fts.c.rowid == s.id)
        else:
            match, _ = fulltext.postgresql_match(where.about, where.lang)
        query = query.where(match)
    return query


def claims(
    ledger: Ledger,
    where: StatementQuery | None = None,
    *,
    min_appearances: int = 1,
    limit: int | None = 100,
) -> list[dict[str, Any]]:
    """See :meth:`sayso.ledger.Ledger.claims`."""
    where = where or StatementQuery()
    if min_appearances < 1 or (limit is not None and limit < 0):
        detail = f"min_appearances={min_appearances}, limit={limit}"
        raise SaysoError(errors.E211, detail=detail)
    if limit == 0:
        return []
    c = t.claims.c
    with ledger.db.read() as conn:
        counted = _counted(conn, matching(ledger, conn, where), min_appearances, limit)
        ids = [r.claim_id for r in counted]
        known = {
            row.id: row for row in conn.execute(select(t.claims).where(c.id.in_(ids)))
        } if ids else {}  # fmt: skip
    out = []
    for r in counted:
        row = known[r.claim_id]
        read = StatementQuery(
            claim_id=r.claim_id, min_confidence=where.min_confidence, limit=STATEMENTS_READ
        )
        listed = per_document(ledger.statements(read))
        out.append(
            {
                "id": r.claim_id,
                "text": row.text,
                "lang": row.lang,
                "appearances": r.docs,  # documents
                "mentions": r.n,  # statements, fragments and repeats included
                "first_seen": _iso(r.first),
                "last_seen": _iso(r.last),
                "shown": len(listed),
                "statements": listed,
            }
        )
    return out


def _counted(
    conn: Connection, wanted: Select[Any] | None, min_n: int, limit: int | None
) -> list[Any]:
    """(claim_id, docs, n, first, last) of the claims of ``wanted`` (all when None) in at
    least ``min_n`` documents, the ``limit`` most widespread, counted in SQL.

    The stored count of a claim's statements bounds its documents from above, so only
    claims with enough statements are grouped, and with a ``limit`` the claims are taken
    most statements first, a chunk at a time, until no later one can reach the
    ``limit``-th count: a whole ledger's top 20 groups a few hundred claims instead of
    every one of them (a third of a ledger's statements are agency copy).
    """
    s, c = t.statements.c, t.claims.c
    docs = func.count(distinct(s.document_id))
    group = (
        select(
            s.claim_id,
            docs.label("docs"),
            func.count(s.id).label("n"),
            func.min(s.published_date).label("first"),
            func.max(s.published_date).label("last"),
        )
        .group_by(s.claim_id)
        .having(docs >= min_n)
    )
    candidates = select(c.id, c.appearances).where(c.appearances >= min_n)
    if wanted is not None:
        candidates = candidates.where(c.id.in_(wanted))

    def ordered(rows: Iterable[Any]) -> list[Any]:
        return sorted(rows, key=lambda r: (-r.docs, r.claim_id))

    if limit is None:
        every = candidates.with_only_columns(c.id)
        return ordered(conn.execute(group.where(s.claim_id.in_(every))))
    found: list[Any] = []
    stream = conn.execute(
        candidates.order_by(c.appearances.desc(), c.id), execution_options={"yield_per": CHUNK}
    )
    for chunk in stream.partitions():
        ids = [r.id for r in chunk]
        found = ordered([*found, *conn.execute(group.where(s.claim_id.in_(ids)))])[:limit]
        if len(found) == limit and chunk[-1].appearances < found[-1].docs:
            break  # every later claim has fewer statements than the limit-th has documents
    stream.close()
    return found


def per_document(rows: Iterable[StatementRecord]) -> list[dict[str, Any]]:
    """One appearance per document: its longest statement of the claim, with the ids of
    the document's other statements of it (fragments, repeats) as ``fragments``;
    earliest first."""
    by_doc: dict[str, list[StatementRecord]] = {}
    for r in rows:
        by_doc.setdefault(r.document_id, []).append(r)
    mains = []
    for group in by_doc.values():
        main = max(group, key=lambda r: (len(r.content), -r.id))
        mains.append((main.published_date or dt.date.max, main.id, main, group))
    listed = []
    for _, _, main, group in sorted(mains, key=lambda x: (x[0], x[1])):
        d = main.to_dict()
        d["fragments"] = sorted(r.id for r in group if r is not main)
        listed.append(d)
    return listed


def _iso(value: dt.date | str | None) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else value.isoformat()


__all__: Sequence[str] = ("claims", "matching", "per_document")
