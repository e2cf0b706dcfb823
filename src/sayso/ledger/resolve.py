"""Linking the actors of a batch of documents to ledger actors, in set operations: the
names of the whole batch are looked up at once (exact keys, then the candidates of the
similarity rules), resolved in Python in document order — so a name first seen in the
batch's first document is known to its second — and new actors are inserted together,
changed ones updated together (see :mod:`sayso.ledger.identity` for the rules)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, update

from sayso.ledger import identity
from sayso.ledger.rows import ACTORS, actor_key, chunks, insert_rows, new_ids, now, where_in
from sayso.model import Actor, ActorKind
from sayso.settings import LedgerSettings

if TYPE_CHECKING:
    from sayso.ledger.writer import Pending

#: kinds that are never the same actor in two documents (see identity.matchable)
PER_DOCUMENT_KINDS = identity.PER_DOCUMENT_KINDS

#: subqueries per candidate query (SQLite allows 500 terms in a compound SELECT)
_UNION_CHUNK = 200
#: values per expanding IN list of the document lookups (SQLite allows 32,766 bound


@dataclass(slots=True, eq=False)
class ActorRow:
    """A ledger actor as the resolver sees it (fetched, or new in this batch)."""

    id: int | None
    name: str
    key: str
    kind: str
    role: str | None
    aliases: list[str]
    surname: str | None
    created_by: str | None = None  # the document of this batch that introduced it
    changed: bool = False


@dataclass(slots=True)
class _Wanted:
    """A document actor to resolve, with the keys the rules look it up by."""

    pending: Pending
    actor: Actor
    kind: str
    key: str
    surname: str | None
    titles: frozenset[str]
    local: bool = False  # an actor of its document only (not a named entity)
    candidates: list[ActorRow] = field(default_factory=list)


def _prefix_range(prefix: str) -> tuple[str, str]:
    """``[lo, hi)`` holding exactly the strings that start with ``prefix`` (non-empty)."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


_ACTOR_COLUMNS = ("id", "name", "key", "kind", "role", "aliases", "surname")


class ActorResolver:
    """Links the actors of a batch of documents to ledger actors (see :func:`resolve_batch`)."""

    def __init__(
        self,
        conn: Connection,
        titles_for: Callable[[str], frozenset[str]],
        settings: LedgerSettings,
    ) -> None:
        self.conn = conn
        self.candidates = settings.candidates
        self.surname_min = settings.surname_min_letters
        self.typo_min = settings.typo_min_letters
        self.titles_for = titles_for  # lang -> frozenset of folded role nouns
        self.rows: dict[int, ActorRow] = {}  # fetched, by id
        self.by_key: dict[tuple[str, str], ActorRow] = {}
        self.new: list[ActorRow] = []
        # this batch's new actors by what a candidate query finds them by: (kind, first
        # three letters of the surname) for persons, (kind, first four of the key) for all
        self.new_by_surname: dict[tuple[str, str], list[ActorRow]] = {}
        self.new_by_key: dict[tuple[str, str], list[ActorRow]] = {}
        # the name keys of each document's named actors, and of the documents of ledger
        # actors asked about: a typo needs a name both articles mention
        self.doc_names: dict[str, set[str]] = {}
        self.cooccurring: dict[int, set[str]] = {}

    def _row(self, r: Any) -> ActorRow:
        got = self.rows.get(r.id)
        if got is None:
            aliases = r.aliases
            if isinstance(aliases, str):  # driver SQL on SQLite: the JSON text
                aliases = json.loads(aliases)
            got = self.rows[r.id] = ActorRow(
                r.id, r.name, r.key, r.kind, r.role, list(aliases or []), r.surname
            )
        return got

    def wanted(self, pending: Pending) -> list[_Wanted]:
        """The document's actors to resolve, in a fixed order (so that two writers
        touching the same actors cannot deadlock)."""
        actors = sorted(pending.analysis.actors, key=lambda a: (actor_key(a.name), a.kind.value))
        wanted = [wanted_actor(self, pending, actor) for actor in actors]
        self.doc_names[pending.doc_id] = {w.key for w in wanted if not w.local}
        return wanted

    def prefetch(self, wanted: Sequence[_Wanted]) -> None:
        """Exact keys of the whole batch in one query, then the similarity candidates of
        the names not known by key in one more (a UNION of limited subqueries)."""
        keys = sorted({w.key for w in wanted if not w.local})
        cols = ", ".join(_ACTOR_COLUMNS)
        select_from = f"SELECT {cols} FROM actors"
        for r in where_in(self.conn, select_from, "merged_into IS NULL AND key", keys):
            self.by_key[(r.key, r.kind)] = self._row(r)
        specs = list(
            dict.fromkeys(
                spec
                for w in wanted
                if not w.local and (w.key, w.kind) not in self.by_key
                for spec in _similar_queries(w, self.typo_min)
            )
        )
        found: dict[tuple[str, str, str], list[ActorRow]] = {s: [] for s in specs}
        for group in chunks(specs, _UNION_CHUNK):
            sql, params = _similar_union(group, self.conn.dialect.paramstyle, self.candidates)
            for r in self.conn.exec_driver_sql(sql, params):
                found[group[r.q]].append(self._row(r))
        for w in wanted:
            if w.local or (w.key, w.kind) in self.by_key:
                continue
            seen: set[int] = set()
            for spec in _similar_queries(w, self.typo_min):
                for row in found[spec]:
                    if id(row) not in seen:
                        seen.add(id(row))
                        w.candidates.append(row)

    def resolve(self, w: _Wanted) -> tuple[ActorRow, str, float]:
        """The ledger actor for one document actor, in document order (see module doc)."""
        rule, score = "identity.key", 1.0
        # a per-document key carries the document's id: only the same document finds it
        row = self.by_key.get((w.key, w.kind))
        if row is None and not w.local:
            row, rule, score = self._similar(w)
        if row is None:
            row = ActorRow(
                None,
                w.actor.name,
                w.key,
                w.kind,
                w.actor.role,
                sorted({x for x in w.actor.aliases if x != w.actor.name}),
                w.surname,
                created_by=w.pending.doc_id,
            )
            self.new.append(row)
            if row.surname:
                self.new_by_surname.setdefault((row.kind, row.surname[:3]), []).append(row)
            self.new_by_key.setdefault((row.kind, row.key[:4]), []).append(row)
            self.by_key[(w.key, w.kind)] = row
            return row, "identity.new", 1.0
        _absorb(row, w.actor, rule)
        return row, rule, score

    def _similar(self, w: _Wanted) -> tuple[ActorRow | None, str, float]:
        """A known actor under another spelling: same surname, or a typo (see identity)."""
        best: tuple[ActorRow | None, str, float] = (None, "identity.new", 0.0)
        kind = ActorKind(w.kind)
        # this batch's new actors are candidates too, as the queries would have found them
        fresh = [r for r in self._new_near(w) if _would_find(w, r, self.typo_min)]
        for cand in [*w.candidates, *fresh]:
            if "#" in cand.key:  # an actor of one document only
                continue
            m = identity.same_actor(
                identity.clean_name(w.actor.name, kind, w.pending.lang),
                cand.name,
                kind,
                ActorKind(cand.kind),
                titles=w.titles,
                surname_min=self.surname_min,
                typo_min=self.typo_min,
                corroborated=True,
            )
            if m is not None and m.rule == "identity.typo" and not self._corroborated(w, cand):
                continue
            if m is not None and m.score > best[2]:
                best = (cand, m.rule, m.score)
        return best

    def _corroborated(self, w: _Wanted, cand: ActorRow) -> bool:
        """Does more than spelling say a near name is ``cand``: the same role, or another
        named actor of this document that also appears beside ``cand``?"""
        role = w.actor.role
        if role and cand.role and identity.fold(role) == identity.fold(cand.role):
            return True
        mine = self.doc_names.get(w.pending.doc_id, set()) - {w.key, cand.key}
        if cand.id is None:
            theirs = self.doc_names.get(cand.created_by or "", set())
        else:
            theirs = self._cooccurring(cand.id, w.titles)
        return bool(mine & theirs)

    def _cooccurring(self, actor_id: int, titles: frozenset[str]) -> set[str]:
        """The name keys of the actors that share a stored document with ``actor_id``."""
        got = self.cooccurring.get(actor_id)
        if got is None:
            sql = (
                "SELECT DISTINCT b.name FROM document_actors a JOIN document_actors b "
                "ON a.document_id = b.document_id WHERE a.actor_id = {p} AND b.actor_id <> {p} "
                "LIMIT 500"
            ).format(p="?" if self.conn.dialect.paramstyle == "qmark" else "%s")
            names = self.conn.exec_driver_sql(sql, (actor_id, actor_id)).scalars()
            got = self.cooccurring[actor_id] = {identity.name_key(n, titles) for n in names}
        return got

    def _new_near(self, w: _Wanted) -> list[ActorRow]:
        """This batch's new actors that :func:`_would_find` may accept for ``w``, in the
        order they were added (scanning all of them for every name was quadratic)."""
        if w.surname is not None:
            return self.new_by_surname.get((w.kind, w.surname[:3]), [])
        if len(w.key) >= 4:
            return self.new_by_key.get((w.kind, w.key[:4]), [])
        return [r for r in self.new if r.kind == w.kind]

    def write(self) -> None:
        """Insert the new actors (with ids allocated for them) and update the changed ones."""
        if self.new:
            for r, i in zip(self.new, new_ids(self.conn, ACTORS, len(self.new)), strict=True):
                r.id = i
            rows = [
                {
                    "id": r.id,
                    "name": r.name,
                    "key": r.key,
                    "kind": r.kind,
                    "role": r.role,
                    "aliases": r.aliases,
                    "first_seen": now(),
                    "surname": r.surname,
                }
                for r in self.new
            ]
            insert_rows(self.conn, ACTORS, rows)
        changed = sorted((r for r in self.rows.values() if r.changed), key=lambda r: r.id or 0)
        if changed:
            a = ACTORS.c
            self.conn.execute(
                update(ACTORS)
                .where(a.id == bindparam("b_id"))
                .values(name=bindparam("b_name"), role=bindparam("b_role"),
                        aliases=bindparam("b_aliases", type_=a.aliases.type)),
                [
                    {"b_id": r.id, "b_name": r.name, "b_role": r.role, "b_aliases": r.aliases}
                    for r in changed
                ],
            )  # fmt: skip


def wanted_actor(resolver: ActorResolver, pending: Pending, actor: Actor) -> _Wanted:
    """One document actor with the keys the rules look it up by."""
    titles = resolver.titles_for(pending.lang)
    kind, key, surname, local = actor_identity(actor, titles, pending.doc_id, pending.lang)
    return _Wanted(pending, actor, kind, key, surname, titles, local)


def actor_identity(
    actor: Actor, titles: frozenset[str], doc_id: str, lang: str
) -> tuple[str, str, str | None, bool]:
    """What a document actor is linked by: (kind, identity key, surname, local). The key is
    :func:`identity.name_key` of the cleaned name without the language's ``titles``; an
    actor that is no named entity (a bare role noun, a pronoun, "Man", an anonymous group,
    an unknown source) is *local*: its key carries the document's id and its exact
    spelling, so it is never the same actor as one of another article."""
    kind = actor.kind.value
    name = identity.clean_name(actor.name, kind, lang)
    key = identity.name_key(name, titles) or actor_key(name) or "(empty)"
    local = not identity.matchable(actor.name, kind, lang)
    if local:  # found again only from its own document, by its exact spelling: "Man"
        key = f"{actor_key(name) or '(empty)'}#{doc_id[:16]}"  # is not "Mann"
    words = key.split()
    surname = words[-1] if kind == "person" and words and not local else None
    return kind, key, surname, local


def _similar_queries(w: _Wanted, typo_min: int) -> list[tuple[str, str, str]]:
    """The candidate queries of one name, as hashable specs: (what, kind, value); a
    surname of ``typo_min`` letters or more also by its first three (a typo after them)."""
    if w.surname is not None:
        specs = [("surname", w.kind, w.surname)]
        if len(w.surname) >= typo_min:
            specs.append(("surname_prefix", w.kind, w.surname))
        return specs
    return [("key_prefix", w.kind, w.key[:4])]


_SIMILAR_SQL = {
    "surname": "surname = {p}",
    "surname_prefix": "surname >= {p} AND surname < {p} AND surname <> {p}",
    "key_prefix": "key >= {p} AND key < {p}",
}


def _similar_union(
    specs: Sequence[tuple[str, str, str]], paramstyle: str, candidates: int
) -> tuple[str, tuple[Any, ...]]:
    """One query for the candidates of many names: a UNION ALL of one limited subquery
    per (what, kind, value), each row tagged with its subquery's index ``q``.

    Plain driver SQL with positional parameters, because it changes shape with every
    batch: compiling it with SQLAlchemy (even as ``text()``) cost more than running it.
    Prefixes are ranges, not LIKE 'abc%', so the indexes on surname and (key, kind) serve
    them on both backends (LIKE scanned every actor of the ledger). Each part is limited
    on its own, in a subquery, as SQLite wants a LIMIT inside a UNION.
    """
    p = "?" if paramstyle == "qmark" else "%s"
    cols = ", ".join(_ACTOR_COLUMNS)
    parts = []
    params: list[Any] = []
    for j, (what, kind, value) in enumerate(specs):
        cond = _SIMILAR_SQL[what].format(p=p)
        parts.append(
            f"SELECT * FROM (SELECT {cols}, {j} AS q FROM actors WHERE kind = {p} "
            f"AND merged_into IS NULL AND key NOT LIKE {p} AND {cond} "
            f"LIMIT {candidates}) AS s{j}"
        )
        params += [kind, "%#%"]  # not an actor of one document only
        if what == "surname":
            params.append(value)
        else:
            lo, hi = _prefix_range(value[:3] if what == "surname_prefix" else value)
            params += [lo, hi, value] if what == "surname_prefix" else [lo, hi]
    return " UNION ALL ".join(parts), tuple(params)


def _would_find(w: _Wanted, row: ActorRow, typo_min: int) -> bool:
    """Would one of ``w``'s candidate queries find ``row`` (a new actor of this batch)?"""
    if w.surname is not None:
        s = row.surname or ""
        return s == w.surname or (len(w.surname) >= typo_min and s[:3] == w.surname[:3])
    return row.key.startswith(w.key[:4])


def _absorb(row: ActorRow, actor: Actor, rule: str) -> None:
    """Another spelling of ``row``: keep it as an alias; a fuller name becomes canonical
    ("Wolodymyr Selenskyj"); the newest role wins."""
    spellings = {actor.name, *actor.aliases} - {row.name}
    if not spellings <= set(row.aliases):
        row.aliases = sorted(set(row.aliases) | spellings)
        row.changed = True
    if len(actor.name.split()) > len(row.name.split()) and rule != "identity.typo":
        row.aliases = sorted((set(row.aliases) | {row.name}) - {actor.name})
        row.name = actor.name
        row.changed = True
    if actor.role and actor.role != row.role:
        row.role = actor.role
        row.changed = True
