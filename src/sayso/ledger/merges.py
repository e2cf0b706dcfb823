"""Actors across articles: explainable, reversible merges and splits of ledger actors.

Every moved row is recorded in ``actor_merges``, so a merge or split is undone exactly."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sayso import errors
from sayso.errors import SaysoError
from sayso.ledger import orm as t
from sayso.ledger import schema
from sayso.ledger.engine import Database
from sayso.ledger.rows import now


def merge_actors(db: Database, into: int, other: int, note: str | None = None) -> int:
    """Merge ledger actor ``other`` into ``into`` (both stay in ``actors``; ``other``
    gets ``merged_into``). Every moved row is recorded in ``actor_merges``, so
    :func:`split_actor` undoes it exactly. Returns the merge id."""
    if into == other:
        raise SaysoError(errors.E205, detail="an actor cannot be merged into itself")
    with db.write() as session:
        for aid in (into, other):
            row = session.get(t.Actor, aid)
            if row is None or row.merged_into is not None:
                raise SaysoError(errors.E205, detail=f"actor {aid} is unknown or merged")
        moved = _move_actor(session, other, into, "manual.merge")
        session.get_one(t.Actor, other).merged_into = into
        merge = t.ActorMerge(
            into_id=into, from_id=other, rule="manual.merge", note=note, moved=moved, at=now()
        )
        session.add(merge)
        session.flush()
        return merge.id


def split_actor(db: Database, merge_id: int) -> None:
    """Undo merge ``merge_id``: every row it moved goes back to the merged actor."""
    with db.write() as session:
        merge = session.get(t.ActorMerge, merge_id)
        if merge is None or merge.undone_at is not None:
            raise SaysoError(errors.E205, detail=f"merge {merge_id} is unknown or undone")
        _restore(session, merge.moved, merge.into_id, merge.from_id)
        back = session.get_one(t.Actor, merge.from_id)
        back.merged_into = None if back.merged_into == merge.into_id else back.merged_into
        merge.undone_at = now()


def split_name(db: Database, actor_id: int, name: str, note: str | None = None) -> int:
    """Move the documents that wrote ``name`` for actor ``actor_id`` to a new actor
    ("two people called Berger"); returns the new actor's id. Recorded as a
    ``manual.split`` in ``actor_merges`` (undo with :func:`split_actor`)."""
    with db.write() as session:
        old = session.get(t.Actor, actor_id)
        if old is None:
            raise SaysoError(errors.E205, detail=f"actor {actor_id} is unknown")
        da = t.DocumentActor
        rows = session.scalars(select(da).where(da.actor_id == actor_id, da.name == name)).all()
        if not rows:
            raise SaysoError(errors.E205, detail=f"actor {actor_id} was never written {name!r}")
        new = t.Actor(
            name=name,
            key=f"{old.key}#split{len(old.aliases)}-{now().timestamp():.0f}",
            kind=old.kind,
            role=rows[-1].role,
            aliases=[],
            first_seen=now(),
            surname=None,  # out of the automatic matching: it was split on purpose
        )
        session.add(new)
        session.flush()
        docs = {r.document_id for r in rows}
        moved = _move_actor(session, actor_id, new.id, "manual.split", docs, name)
        session.add(
            t.ActorMerge(
                into_id=actor_id,
                from_id=new.id,
                rule="manual.split",
                note=note,
                moved=moved,
                at=now(),
            )
        )
        return new.id


def merges(db: Database, actor_id: int | None = None) -> list[dict[str, Any]]:
    """The merge and split log, newest first (for one actor when given)."""
    m = schema.actor_merges.c
    query = select(schema.actor_merges).order_by(m.id.desc())
    if actor_id is not None:
        query = query.where((m.into_id == actor_id) | (m.from_id == actor_id))
    with db.read() as conn:
        return [
            {
                "id": r.id,
                "into": r.into_id,
                "from": r.from_id,
                "rule": r.rule,
                "note": r.note,
                "at": r.at.isoformat(),
                "undone_at": r.undone_at.isoformat() if r.undone_at else None,
                "documents": len(r.moved.get("document_actors", [])),
            }
            for r in conn.execute(query)
        ]


def _move_actor(
    session: Session,
    src: int,
    dst: int,
    rule: str,
    documents: set[str] | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """Re-link everything of ledger actor ``src`` to ``dst`` (only in ``documents`` and
    only the document actors written ``name`` when given); returns what moved."""
    da, s, r = t.DocumentActor, t.Statement, t.Relation
    query = select(da).where(da.actor_id == src)
    if name is not None:
        query = query.where(da.name == name)
    moved: dict[str, Any] = {"document_actors": [], "statements": [], "chains": [], "relations": []}
    docs: set[str] = set()
    for row in session.scalars(query):
        if documents is not None and row.document_id not in documents:
            continue
        moved["document_actors"].append([row.document_id, row.local_id, row.match_rule])
        row.actor_id, row.match_rule, row.match_score = dst, rule, 1.0
        docs.add(row.document_id)
    if not docs:
        return moved
    for st in session.scalars(select(s).where(s.document_id.in_(docs))):
        if st.actor_id == src:
            st.actor_id = dst
            moved["statements"].append(st.id)
        positions = [k for k, x in enumerate(st.chain or []) if x == src]
        if positions:
            st.chain = [dst if x == src else x for x in st.chain]
            moved["chains"].append([st.id, positions])
    for rel in session.scalars(select(r).where(r.document_id.in_(docs), r.target_actor_id == src)):
        rel.target_actor_id = dst
        moved["relations"].append(rel.id)
    return moved


def _restore(session: Session, moved: Mapping[str, Any], dst: int, src: int) -> None:
    """Undo :func:`_move_actor`: rows moved from ``src`` to ``dst`` go back."""
    da, s, r = t.DocumentActor, t.Statement, t.Relation
    for doc_id, local_id, rule in moved.get("document_actors", []):
        row = session.get(da, (doc_id, local_id))
        if row is not None and row.actor_id == dst:
            row.actor_id, row.match_rule, row.match_score = src, rule, None
    for sid in moved.get("statements", []):
        st = session.get(s, sid)
        if st is not None and st.actor_id == dst:
            st.actor_id = src
    for sid, positions in moved.get("chains", []):
        st = session.get(s, sid)
        if st is not None:
            chain = list(st.chain)
            for k in positions:
                if k < len(chain) and chain[k] == dst:
                    chain[k] = src
            st.chain = chain
    for rid in moved.get("relations", []):
        rel = session.get(r, rid)
        if rel is not None and rel.target_actor_id == dst:
            rel.target_actor_id = src
