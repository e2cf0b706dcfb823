"""Which ledger actors a speaker query means: the names the ledger's identity rule would
merge, so a query finds what storing would have linked.

Storing links "Gerassimow" to "Waleri Gerasimov" (:func:`sayso.ledger.identity.same_actor`:
one phonetic key, a surname against a full name, a one-letter slip in a long name). A
query by name takes the same path: the exact phonetic key or surname from the indexes,
then the candidates storing would have compared (the same surname, surname or key
prefix: indexed ranges, never a scan of the actors) judged by ``same_actor``. A part of a
name ("lind" for "Lindner") is the fallback; a name that finds no actor is an error
(``E210``) naming the nearest actors, never an empty result that reads like "said
nothing".
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, or_, select, union

from sayso import errors
from sayso.errors import SaysoError
from sayso.ledger import identity
from sayso.ledger import schema as t
from sayso.ledger.rows import actor_key
from sayso.model import ActorKind
from sayso.settings import LedgerSettings

#: candidates read per indexed range (as storing's CANDIDATES, with room for the kinds a
#: query does not name)
CANDIDATES = 200
#: actors scored for "did you mean" when nothing matched (one indexed range)
NEAREST_POOL = 2000
#: suggestions named, and the least rapidfuzz ratio (0-100) of a suggestion
SUGGESTIONS = 3
NEAREST_CUTOFF = 60.0


_KINDS = {k.value: k for k in ActorKind}
_DEFAULT = LedgerSettings()


@dataclass(frozen=True, slots=True)
class SpeakerMatch:
    """What a speaker query found: the live actors (id, name, the rule that matched),
    and, when none, the nearest actor names."""

    query: str
    actors: tuple[tuple[int, str, str], ...]
    suggestions: tuple[str, ...] = ()

    @property
    def ids(self) -> list[int]:
        return [i for i, _, _ in self.actors]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "actors": [{"id": i, "name": n, "rule": r} for i, n, r in self.actors],
            "suggestions": list(self.suggestions),
        }


@functools.cache
def titles() -> frozenset[str]:
    """Role nouns and titles of every supported language, folded ("präsident" …): a query
    does not say its language, and "Präsident Selenskyj" means Selenskyj."""
    from sayso.lang import SUPPORTED, load

    return frozenset(identity.fold(n) for lang in SUPPORTED for n in load(lang).role_nouns)


def _prefix(p: str) -> tuple[str, str]:
    return p, p[:-1] + chr(ord(p[-1]) + 1)


def match(conn: Connection, name: str, settings: LedgerSettings = _DEFAULT) -> SpeakerMatch:
    """The actors a speaker query ``name`` means (see the module doc)."""
    a = t.actors.c
    keys = {k for k in (identity.name_key(name, titles()), identity.name_key(name)) if k}
    wanted = next(iter(sorted(keys, key=len)), "") or actor_key(name)
    keys.add(wanted)
    cols = (a.id, a.name, a.kind, a.merged_into)
    # actor id -> (name, rule, merged into), live or merged away
    found: dict[int, tuple[str, str, int | None]] = {}
    exact = or_(a.key.in_(keys), a.surname.in_(keys))
    # the actors of one document each ("the mayor", "Sicherheitskreise": never matched
    # across articles) are keyed by their plain name and the document: an indexed range
    local = actor_key(name)
    if local:
        exact = or_(exact, and_(a.key >= f"{local}#", a.key < f"{local}$"))
    for hit in conn.execute(select(*cols, a.key).where(exact)):
        same = hit.key in keys or hit.key.split("#")[0] == local
        found[hit.id] = (hit.name, "identity.key" if same else "identity.surname", hit.merged_into)
    known = titles()
    # rows by position: a Row's attribute access is a Python call, on ~300 rows a query
    for actor_id, actor_name, actor_kind, merged_into in conn.execute(
        _candidates(wanted, settings.typo_min_letters)
    ):
        if actor_id in found:
            continue
        m = identity.same_actor(
            name,
            actor_name,
            ActorKind.UNKNOWN,
            _KINDS.get(actor_kind, ActorKind.UNKNOWN),
            titles=known,
            surname_min=settings.surname_min_letters,
            typo_min=settings.typo_min_letters,
            corroborated=True,  # a query is a search: a near spelling is worth showing
        )
        if m is not None:
            found[actor_id] = (actor_name, m.rule, merged_into)
    if not found:  # a part of a name: "lind" finds "Lindner" (scans the actors' keys)
        part = a.key.contains(wanted, autoescape=True)
        for row in conn.execute(select(*cols).where(part)):
            found[row.id] = (row.name, "part", row.merged_into)
    if not found:
        return SpeakerMatch(name, (), _nearest(conn, wanted))
    return SpeakerMatch(name, _live(conn, found))


def _candidates(wanted: str, typo_min: int) -> Any:
    """What storing compares a name with: the same surname, a surname sharing its first
    three letters (a long one: a typo after them), a key sharing its first four — each an
    indexed range, limited, as one UNION."""
    a = t.actors.c
    cols = (a.id, a.name, a.kind, a.merged_into)
    words = wanted.split()
    surname = words[-1] if words else ""
    # each range in its index's order: a LIMIT without an order kept whichever rows the
    # plan met first, so the same query could match other actors under another plan
    by_surname = (a.surname, a.id)
    parts = []
    if surname:
        parts.append(
            select(*cols).where(a.surname == surname).order_by(*by_surname).limit(CANDIDATES)
        )
    if len(surname) >= typo_min:
        lo, hi = _prefix(surname[:3])
        parts.append(
            select(*cols)
            .where(a.surname >= lo, a.surname < hi)
            .order_by(*by_surname)
            .limit(CANDIDATES)
        )
    if len(wanted) >= 4:
        lo, hi = _prefix(wanted[:4])
        parts.append(
            select(*cols).where(a.key >= lo, a.key < hi).order_by(a.key, a.kind).limit(CANDIDATES)
        )
    if not parts:
        return select(*cols).where(a.id.is_(None))
    return union(*(select(p.subquery()) for p in parts))


def _live(
    conn: Connection, found: dict[int, tuple[str, str, int | None]]
) -> tuple[tuple[int, str, str], ...]:
    """The live actors of the matches: a name merged into another actor leads to it."""
    out = {i: (name, rule) for i, (name, rule, merged) in found.items() if merged is None}
    into: dict[int, str] = {}
    for _, rule, target in found.values():
        if target is not None and target not in out:
            into.setdefault(target, rule)
    if into:
        a = t.actors.c
        for row in conn.execute(select(a.id, a.name).where(a.id.in_(list(into)))):
            out[row.id] = (row.name, into[row.id])
    return tuple((i, n, r) for i, (n, r) in sorted(out.items()))


def _nearest(conn: Connection, wanted: str) -> tuple[str, ...]:
    """The actor names nearest to ``wanted`` (a name no rule matched): actors whose key or
    surname starts with its first letter (indexed ranges), scored by rapidfuzz over the
    names — never over statements."""
    if not wanted:
        return ()
    a = t.actors.c
    surname = wanted.split()[-1]
    lo, hi = _prefix(wanted[:1])
    slo, shi = _prefix(surname[:1])
    live = a.merged_into.is_(None)
    by_key = select(a.name, a.key).where(live, a.key >= lo, a.key < hi).limit(NEAREST_POOL)
    by_surname = (
        select(a.name, a.key).where(live, a.surname >= slo, a.surname < shi).limit(NEAREST_POOL)
    )
    pool = {
        row.key.split("#")[0]: row.name for q in (by_key, by_surname) for row in conn.execute(q)
    }
    from rapidfuzz import fuzz, process  # only when nothing matched: not on every query

    best = process.extract(
        wanted, list(pool), scorer=fuzz.WRatio, limit=SUGGESTIONS * 2, score_cutoff=NEAREST_CUTOFF
    )
    return tuple(dict.fromkeys(pool[key] for key, _, _ in best))[:SUGGESTIONS]


def ids(conn: Connection, name: str, settings: LedgerSettings = _DEFAULT) -> list[int]:
    """The actor ids of a speaker query; ``SaysoError(E210)`` with the nearest names when
    no actor matches."""
    found = match(conn, name, settings)
    if not found.actors:
        nearest = f"; did you mean: {', '.join(found.suggestions)}" if found.suggestions else ""
        raise SaysoError(errors.E210, name=name, nearest=nearest)
    return found.ids
