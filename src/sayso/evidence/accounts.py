"""The account level of one article: the statements one source makes about the article's
event, and the relations between accounts that the relations between their statements
support.

A news article reports one event, so an account is a source's statements in it: those of
one innermost source of the chain (the speaker, or the agency's or paper's source), a
nested partial quotation with its parent. Statements of the unknown source are an account
each: "(unknown source)" is no one. A stated dispute or confirmation, or an inferred
contradiction, between two statements links their accounts; a dangling one (the disputed
account is not reported) keeps its owner (``target_actor``). The ledger groups statements
of many articles into events and sets each source's account beside the others' with the
same idea (:mod:`sayso.ledger.accounts`).

Pure functions of an :class:`~sayso.model.Analysis`: nothing is stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from sayso.model import ActorKind, Analysis, RelationKind, Statement


@dataclass(frozen=True, slots=True)
class Account:
    """One source's statements in one article (statement ids in document order)."""

    id: str  # "c1", "c2", … in order of the account's first statement
    source: str | None  # the actor id whose account it is
    statements: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AccountLink:
    """A relation between two accounts, with the statement relations it rests on."""

    kind: RelationKind
    source: str  # account id
    target: str | None  # account id; None when the disputed account is not reported
    target_actor: str | None  # whose account it is, where the article names it
    relations: tuple[str, ...]  # the statement relations' ids
    confidence: float  # the highest of those relations'


def accounts(analysis: Analysis) -> list[Account]:
    """The accounts of an analysis, in order of their first statement."""
    unknown = {a.id for a in analysis.actors if a.kind is ActorKind.UNKNOWN}
    by_id = {s.id: s for s in analysis.statements}
    order = {s.id: n for n, s in enumerate(analysis.statements)}

    def source_of(s: Statement) -> str | None:
        return s.chain[-1] if s.chain else s.actor

    def root_of(s: Statement) -> Statement:
        """The outermost statement ``s`` is nested in (a parent listed anywhere); in a
        parent cycle (a corrupt analysis) the cycle's first-listed statement."""
        path = [s.id]
        while s.parent in by_id:
            s = by_id[s.parent]
            if s.id in path:
                return by_id[min(path[path.index(s.id) :], key=order.__getitem__)]
            path.append(s.id)
        return s

    groups: dict[str, list[str]] = {}
    owner: dict[str, str | None] = {}
    for s in analysis.statements:
        root = root_of(s)  # a nested quotation belongs to its parent's account
        source = source_of(root)
        key = f"statement:{root.id}" if source is None or source in unknown else source
        groups.setdefault(key, []).append(s.id)
        owner.setdefault(key, source)
    return [
        Account(f"c{n + 1}", owner[key], tuple(ids)) for n, (key, ids) in enumerate(groups.items())
    ]


def account_links(analysis: Analysis, found: list[Account] | None = None) -> list[AccountLink]:
    """Disputes, confirmations and contradictions between accounts (one link per kind
    and pair of accounts; nested_in and relations inside one account left out)."""
    found = accounts(analysis) if found is None else found
    account_of = {sid: a.id for a in found for sid in a.statements}
    merged: dict[tuple[RelationKind, str, str | None, str | None], list[tuple[str, float]]] = {}
    for r in analysis.relations:
        if r.kind is RelationKind.NESTED_IN:
            continue
        src = account_of.get(r.source)
        tgt = account_of.get(r.target) if r.target is not None else None
        if src is None or (tgt is not None and tgt == src):
            continue
        owner = r.target_actor if tgt is None else None
        merged.setdefault((r.kind, src, tgt, owner), []).append((r.id, r.confidence))
    return [
        AccountLink(
            kind=kind,
            source=src,
            target=tgt,
            target_actor=owner,
            relations=tuple(rid for rid, _ in rels),
            confidence=max(c for _, c in rels),
        )
        for (kind, src, tgt, owner), rels in merged.items()
    ]
