"""The source chains an actor appears in (:meth:`Ledger.chains`): every statement whose
chain — outlet → unnamed circles → person, outermost source first — holds the actor,
grouped by the chain, so a reader sees "Reuters → Kreise der Regierung → Minister" once
with every statement it carried.

A chain lists ledger actor ids of its document's actors (``statements.chain``, rewritten
with them by a merge), so the documents to read are the actor's rows in
``document_actors`` (indexed by actor): the newest ``documents`` of them, never a scan of
the statements (for an actor of half the ledger's documents, the newest documents by the
date index instead: 0.2-0.6 s on a million statements on a busy machine, against 9 s when
all of its 64k documents were sorted). Only chains of two or more hops are listed: a
one-hop chain is the actor's own statement, which the actor's statements already show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, func, select

from sayso.ledger import schema as t
from sayso.ledger.engine import Database

#: documents of the actor read by default (its newest), and statements kept per chain
DOCUMENTS = 200
PER_CHAIN = 10


@dataclass(frozen=True, slots=True)
class ChainHop:
    """One hop of a source chain: a ledger actor."""

    actor_id: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class ChainStatement:
    """A statement that names its source through the chain."""

    statement_id: int
    document_id: str
    local_id: str
    content: str
    title: str | None
    site: str | None
    published_date: dt.date | None


@dataclass(frozen=True, slots=True)
class ChainRecord:
    """One source chain holding the actor: its hops (outermost first), where the actor
    stands in it (0: the outermost source), how many statements carried it in the
    documents read, and the newest of them (at most ``PER_CHAIN``). Unnamed circles are one
    ledger actor per document, so chains through circles of the same name are one chain
    (``hops`` are those of its newest statement)."""

    hops: tuple[ChainHop, ...]
    position: int
    appearances: int
    statements: tuple[ChainStatement, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "hops": [{"actor_id": h.actor_id, "name": h.name, "kind": h.kind} for h in self.hops],
            "position": self.position,
            "appearances": self.appearances,
            "statements": [
                {
                    "statement_id": s.statement_id,
                    "document_id": s.document_id,
                    "local_id": s.local_id,
                    "content": s.content,
                    "title": s.title,
                    "site": s.site,
                    "published_date": s.published_date.isoformat() if s.published_date else None,
                }
                for s in self.statements
            ],
        }


def chains(
    db: Database, actor_id: int, *, limit: int | None = 50, documents: int = DOCUMENTS
) -> list[ChainRecord]:
    """The source chains of two or more hops holding actor ``actor_id`` in its newest
    ``documents`` documents, the chain carried most recently first (``limit`` None: all)."""
    s, d = t.statements.c, t.documents.c
    length = func.json_array_length if db.dialect == "sqlite" else func.jsonb_array_length
    query = (
        select(s.id, s.document_id, s.local_id, s.chain, s.content, d.title, d.site,
               d.published_date)
        .join(t.documents, d.id == s.document_id)
        .where(s.document_id.in_(_newest_documents(db, actor_id, documents)), length(s.chain) >= 2)
        .order_by(d.published_date.desc().nulls_last(), s.id.desc())
    )  # fmt: skip
    found: list[tuple[tuple[int, ...], ChainStatement]] = []
    with db.read() as conn:
        for row in conn.execute(query):
            chain = tuple(row.chain)
            if actor_id in chain:
                found.append((chain, ChainStatement(
                    row.id, row.document_id, row.local_id, row.content, row.title, row.site,
                    row.published_date,
                )))  # fmt: skip
        names = _actors(conn, {i for chain, _ in found for i in chain})
    groups: dict[tuple[Any, ...], tuple[tuple[int, ...], list[ChainStatement]]] = {}
    for chain, st in found:
        hops = tuple(names.get(i, ChainHop(i, f"#{i}", "unknown")) for i in chain)
        groups.setdefault(_key(hops), (chain, []))[1].append(st)
    return [
        ChainRecord(
            hops=tuple(names.get(i, ChainHop(i, f"#{i}", "unknown")) for i in chain),
            position=chain.index(actor_id),
            appearances=len(carried),
            statements=tuple(carried[:PER_CHAIN]),
        )
        for chain, carried in list(groups.values())[:limit]
    ]


def _newest_documents(db: Database, actor_id: int, documents: int) -> Any:
    """The ids of the actor's newest ``documents`` documents, as a subquery. An actor of
    few documents: its rows by the actor index, sorted by date. One of many (Selenskyj:
    64k documents, half the ledger): sorting them all read every document row for its
    date (9 s on a million statements); the newest documents are walked instead, by the
    date index, each tested for the actor by the primary key of ``document_actors``."""
    d, da = t.documents.c, t.document_actors.c
    with db.read() as conn:
        many = conn.scalar(
            select(func.count()).select_from(
                select(da.document_id)
                .where(da.actor_id == actor_id)
                .limit(documents * 4 + 1)
                .subquery()
            )
        )
    if (many or 0) > documents * 4:
        carries = exists().where(da.document_id == d.id, da.actor_id == actor_id)
        # (SQLite's DESC puts NULLs last and reads the date index backwards; PostgreSQL
        # puts them first: the few undated documents come first there)
        newest = d.published_date.desc()
        return select(d.id).where(carries).order_by(newest).limit(documents).scalar_subquery()
    return (
        select(da.document_id)
        .join(t.documents, d.id == da.document_id)
        .where(da.actor_id == actor_id)
        .order_by(d.published_date.desc().nulls_last(), da.document_id)
        .limit(documents)
        .scalar_subquery()
    )


def _key(hops: tuple[ChainHop, ...]) -> tuple[Any, ...]:
    """What makes two chains one: the same actors, where unnamed circles (a ledger actor per
    document: "Kreise im Ministerium" of one article is not that of another) count by
    their name."""
    return tuple((h.kind, h.name) if h.kind == "anonymous" else h.actor_id for h in hops)


def _actors(conn: Any, ids: set[int]) -> dict[int, ChainHop]:
    if not ids:
        return {}
    a = t.actors.c
    rows = conn.execute(select(a.id, a.name, a.kind).where(a.id.in_(sorted(ids))))
    return {r.id: ChainHop(r.id, r.name, r.kind) for r in rows}
