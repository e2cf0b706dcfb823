"""Writing analyses into the ledger: one document or a batch of them, in set operations.

A document's rows are the document itself, its actors linked to ledger actors, its
statements linked to claims, and its relations. Storing them row by row cost more than
analysing the article (about 30 round trips through the ORM per document); this module
stores a whole batch in a fixed number of statements instead:

* which documents are stored already, and the next version of each URL: one query each;
* documents, document actors, statements, relations, new actors and claims: one
  ``executemany`` of the driver each, 32 rows per INSERT, with ids allocated beforehand
  where other rows refer to them (:func:`insert_values`, :func:`new_ids`);
* actors: the names of the whole batch are looked up at once (exact keys, then the
  candidates of the similarity rules), resolved in Python in document order — so a name
  first seen in the batch's first document is known to its second — and new actors are
  inserted together, changed ones updated together;
* claims: the keys and LSH bands of every statement of the batch at once (see
  :func:`link_claims`).

The caller owns the transaction (:meth:`Ledger.add_many`): the batch is stored whole or
not at all, so every document in it is too. A concurrent writer that inserts one of the
same actors or claims in between makes the transaction fail with an integrity error, and
the caller stores the documents again (then the other writer's rows are visible).
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    bindparam,
    case,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from sayso.ledger import claims as claim_mod
from sayso.ledger import identity
from sayso.ledger import schema as t
from sayso.ledger.records import AddResult, AddStatus
from sayso.model import Actor, ActorKind, Analysis

#: kinds that are never the same actor in two documents: "officials" here are not
#: "officials" there, and every document's unknown source is its own
PER_DOCUMENT_KINDS = frozenset(("anonymous", "unknown"))

#: candidates fetched per similarity query (same surname, surname prefix, key prefix)
CANDIDATES = 50
#: subqueries per candidate query (SQLite allows 500 terms in a compound SELECT)
_UNION_CHUNK = 200
#: values per expanding IN list of the document lookups (SQLite allows 32,766 bound
#: parameters, PostgreSQL 65,535); the large lookups go through :func:`where_in`
_IN_CHUNK = 5000


def actor_key(name: str) -> str:
    """The normalised name actors are matched by: NFKC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(slots=True)
class Pending:
    """One document ready to be written: its key, fields and analysis."""

    doc_id: str
    doc: Mapping[str, Any]  # ingest's fields: url, title, site, meta ...
    analysis: Analysis
    url: str | None
    lang: str
    published: object
    day: dt.date | None
    meta: dict[str, Any] | None


# --- actors ----------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _ActorRow:
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
    candidates: list[_ActorRow] = field(default_factory=list)


def _prefix_range(prefix: str) -> tuple[str, str]:
    """``[lo, hi)`` holding exactly the strings that start with ``prefix`` (non-empty)."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _table(entity: Any) -> Table:
    table: Table = entity.__table__
    return table


# Core tables, not ORM entities: an ORM bulk insert processes every row in Python and an
# ORM select builds a compile state per call, which cost more than the rows themselves
ACTORS = _table(t.Actor)
CLAIMS = _table(t.Claim)
CLAIM_BANDS = _table(t.ClaimBand)
DOCUMENTS = _table(t.Document)
DOCUMENT_ACTORS = _table(t.DocumentActor)
STATEMENTS = _table(t.Statement)
RELATIONS = _table(t.Relation)
RUNS = _table(t.Run)

_ACTOR_COLUMNS = ("id", "name", "key", "kind", "role", "aliases", "surname")


class ActorResolver:
    """Links the actors of a batch of documents to ledger actors (see :func:`resolve_batch`)."""

    def __init__(self, conn: Connection, titles_for: Callable[[str], frozenset[str]]) -> None:
        self.conn = conn
        self.titles_for = titles_for  # lang -> frozenset of folded role nouns
        self.rows: dict[int, _ActorRow] = {}  # fetched, by id
        self.by_key: dict[tuple[str, str], _ActorRow] = {}
        self.new: list[_ActorRow] = []
        # this batch's new actors by what a candidate query finds them by: (kind, first
        # three letters of the surname) for persons, (kind, first four of the key) for all
        self.new_by_surname: dict[tuple[str, str], list[_ActorRow]] = {}
        self.new_by_key: dict[tuple[str, str], list[_ActorRow]] = {}

    def _row(self, r: Any) -> _ActorRow:
        got = self.rows.get(r.id)
        if got is None:
            aliases = r.aliases
            if isinstance(aliases, str):  # driver SQL on SQLite: the JSON text
                aliases = json.loads(aliases)
            got = self.rows[r.id] = _ActorRow(
                r.id, r.name, r.key, r.kind, r.role, list(aliases or []), r.surname
            )
        return got

    def wanted(self, pending: Pending) -> list[_Wanted]:
        """The document's actors to resolve, in a fixed order (so that two writers
        touching the same actors cannot deadlock)."""
        actors = sorted(pending.analysis.actors, key=lambda a: (actor_key(a.name), a.kind.value))
        return [wanted_actor(self, pending, actor) for actor in actors]

    def prefetch(self, wanted: Sequence[_Wanted]) -> None:
        """Exact keys of the whole batch in one query, then the similarity candidates of
        the names not known by key in one more (a UNION of limited subqueries)."""
        keys = sorted({w.key for w in wanted if w.kind not in PER_DOCUMENT_KINDS})
        cols = ", ".join(_ACTOR_COLUMNS)
        select_from = f"SELECT {cols} FROM actors"
        for r in where_in(self.conn, select_from, "merged_into IS NULL AND key", keys):
            self.by_key[(r.key, r.kind)] = self._row(r)
        specs = list(
            dict.fromkeys(
                spec
                for w in wanted
                if w.kind not in PER_DOCUMENT_KINDS and (w.key, w.kind) not in self.by_key
                for spec in _similar_queries(w)
            )
        )
        found: dict[tuple[str, str, str], list[_ActorRow]] = {s: [] for s in specs}
        for group in _chunks(specs, _UNION_CHUNK):
            sql, params = _similar_union(group, self.conn.dialect.paramstyle)
            for r in self.conn.exec_driver_sql(sql, params):
                found[group[r.q]].append(self._row(r))
        for w in wanted:
            if w.kind in PER_DOCUMENT_KINDS or (w.key, w.kind) in self.by_key:
                continue
            seen: set[int] = set()
            for spec in _similar_queries(w):
                for row in found[spec]:
                    if id(row) not in seen:
                        seen.add(id(row))
                        w.candidates.append(row)

    def resolve(self, w: _Wanted) -> tuple[_ActorRow, str, float]:
        """The ledger actor for one document actor, in document order (see module doc)."""
        rule, score = "identity.key", 1.0
        # a per-document key carries the document's id: only the same document finds it
        row = self.by_key.get((w.key, w.kind))
        if row is None and w.kind not in PER_DOCUMENT_KINDS:
            row, rule, score = self._similar(w)
        if row is None:
            row = _ActorRow(
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

    def _similar(self, w: _Wanted) -> tuple[_ActorRow | None, str, float]:
        """A known actor under another spelling: same surname, or a typo (see identity)."""
        best: tuple[_ActorRow | None, str, float] = (None, "identity.new", 0.0)
        kind = ActorKind(w.kind)
        # this batch's new actors are candidates too, as the queries would have found them
        fresh = [r for r in self._new_near(w) if _would_find(w, r)]
        for cand in [*w.candidates, *fresh]:
            m = identity.same_actor(
                w.actor.name, cand.name, kind, ActorKind(cand.kind), titles=w.titles
            )
            if m is not None and m.score > best[2]:
                best = (cand, m.rule, m.score)
        return best

    def _new_near(self, w: _Wanted) -> list[_ActorRow]:
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
    kind = actor.kind.value
    key = identity.name_key(actor.name, titles) or actor_key(actor.name) or "(empty)"
    if kind in PER_DOCUMENT_KINDS:
        key = f"{key}#{pending.doc_id[:16]}"
    words = key.split()
    surname = words[-1] if kind == "person" and words else None
    return _Wanted(pending, actor, kind, key, surname, titles)


def _similar_queries(w: _Wanted) -> list[tuple[str, str, str]]:
    """The candidate queries of one name, as hashable specs: (what, kind, value)."""
    if w.surname is not None:
        specs = [("surname", w.kind, w.surname)]
        if len(w.surname) >= 6:
            specs.append(("surname_prefix", w.kind, w.surname))
        return specs
    return [("key_prefix", w.kind, w.key[:4])]


_SIMILAR_SQL = {
    "surname": "surname = {p}",
    "surname_prefix": "surname >= {p} AND surname < {p} AND surname <> {p}",
    "key_prefix": "key >= {p} AND key < {p}",
}


def _similar_union(
    specs: Sequence[tuple[str, str, str]], paramstyle: str
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
            f"AND merged_into IS NULL AND {cond} LIMIT {CANDIDATES}) AS s{j}"
        )
        params.append(kind)
        if what == "surname":
            params.append(value)
        else:
            lo, hi = _prefix_range(value[:3] if what == "surname_prefix" else value)
            params += [lo, hi, value] if what == "surname_prefix" else [lo, hi]
    return " UNION ALL ".join(parts), tuple(params)


def _would_find(w: _Wanted, row: _ActorRow) -> bool:
    """Would one of ``w``'s candidate queries find ``row`` (a new actor of this batch)?"""
    if w.surname is not None:
        s = row.surname or ""
        return s == w.surname or (len(w.surname) >= 6 and s[:3] == w.surname[:3])
    return row.key.startswith(w.key[:4])


def _absorb(row: _ActorRow, actor: Actor, rule: str) -> None:
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


# --- claims ----------------------------------------------------------------------------


def link_claims(
    conn: Connection,
    contents: Sequence[str],
    langs: Sequence[str],
    days: Sequence[dt.date | None],
) -> list[int]:
    """The claim each content is an appearance of, created when new (one per content).

    Identical normalised contents share the claim key; near-identical ones share an LSH
    band with it and pass :func:`sayso.ledger.claims.same_claim` (rapidfuzz). A content
    may also be an appearance of a claim that an earlier content of the same call created.
    Claims keep their appearance count, first and last day and the language of their
    first appearance. A few queries for the whole call: keys, bands, candidates, the new
    claims and their bands, and one update of the known claims' counts.
    """
    c = CLAIMS.c
    prints = claim_mod.fingerprints(contents)
    keys = sorted({fp.key for fp in prints})
    by_key = {key: cid for cid, key in where_in(conn, "SELECT id, key FROM claims", "key", keys)}
    bands = sorted({b for fp in prints if fp.key not in by_key for b in fp.bands})
    band_claims: dict[int, list[int]] = {}
    for band, claim_id in where_in(
        conn, "SELECT band, claim_id FROM claim_bands", "band", bands, " ORDER BY claim_id"
    ):
        band_claims.setdefault(band, []).append(claim_id)
    wanted = sorted({i for ids in band_claims.values() for i in ids[:CANDIDATES]})
    cand = where_in(conn, "SELECT id, text FROM claims", "id", wanted)
    cand_prints = dict(
        zip([i for i, _ in cand], claim_mod.fingerprints([x for _, x in cand]), strict=True)
    )
    # claims new in this call: later contents may be appearances of them
    new: list[tuple[claim_mod.Fingerprint, str, list[dt.date | None]]] = []
    new_by_key: dict[str, int] = {}
    new_by_band: dict[int, list[int]] = {}
    links: list[tuple[bool, int]] = []  # (is new, claim id or index into new)
    seen: dict[int, list[dt.date | None]] = {}  # appearances of known claims
    for fp, lang, day in zip(prints, langs, days, strict=True):
        link: tuple[bool, int] | None = None
        if fp.key in by_key:
            link = (False, by_key[fp.key])
        elif fp.key in new_by_key:
            link = (True, new_by_key[fp.key])
        elif fp.bands:
            best = 0.0
            ids = dict.fromkeys(i for b in fp.bands for i in band_claims.get(b, [])[:CANDIDATES])
            for cid in ids:
                score = claim_mod.same_claim(fp, cand_prints[cid])
                if score is not None and score > best:
                    link, best = (False, cid), score
            for k in dict.fromkeys(k for b in fp.bands for k in new_by_band.get(b, [])):
                score = claim_mod.same_claim(fp, new[k][0])
                if score is not None and score > best:
                    link, best = (True, k), score
        if link is None:
            link = (True, len(new))
            new_by_key[fp.key] = len(new)
            for b in set(fp.bands):
                new_by_band.setdefault(b, []).append(len(new))
            new.append((fp, lang, []))
        if link[0]:
            new[link[1]][2].append(day)
        else:
            seen.setdefault(link[1], []).append(day)
        links.append(link)
    claim_ids: list[int] = []
    if new:
        claim_ids = new_ids(conn, CLAIMS, len(new))
        rows = [
            {"id": cid, "key": fp.key, "text": fp.text, "lang": lang, "appearances": len(ds),
             "first_seen": min(filter(None, ds), default=None),
             "last_seen": max(filter(None, ds), default=None)}
            for (fp, lang, ds), cid in zip(new, claim_ids, strict=True)
        ]  # fmt: skip
        insert_rows(conn, CLAIMS, rows)
        band_rows = [
            (b, cid)
            for (fp, _, _), cid in zip(new, claim_ids, strict=True)
            for b in sorted(set(fp.bands))
        ]
        # 16 plain rows per claim: no conversions
        insert_values(conn, CLAIM_BANDS, ("band", "claim_id"), band_rows)
    if seen:  # known claims: more appearances, maybe a wider span of days (in id order)
        tc = c
        first = bindparam("b_first", type_=tc.first_seen.type)
        last = bindparam("b_last", type_=tc.last_seen.type)
        conn.execute(
            update(CLAIMS)
            .where(tc.id == bindparam("b_id"))
            .values(
                appearances=tc.appearances + bindparam("b_n"),
                first_seen=case(
                    (or_(tc.first_seen.is_(None), tc.first_seen > first), first),
                    else_=tc.first_seen,
                ),
                last_seen=case(
                    (or_(tc.last_seen.is_(None), tc.last_seen < last), last),
                    else_=tc.last_seen,
                ),
            ),
            [
                {
                    "b_id": cid,
                    "b_n": len(ds),
                    "b_first": min(filter(None, ds), default=None),
                    "b_last": max(filter(None, ds), default=None),
                }
                for cid, ds in sorted(seen.items())
            ],
        )
    return [claim_ids[i] if is_new else i for is_new, i in links]


def _chunks(items: Sequence[Any], size: int = _IN_CHUNK) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def where_in(
    conn: Connection, select_from: str, column: str, values: Sequence[Any], tail: str = ""
) -> Sequence[Any]:
    """``SELECT … WHERE column IN (values)`` straight to the driver, the values as one
    parameter (a JSON array on SQLite, an array on PostgreSQL): the statement is the same
    text for every batch, so the driver parses and plans it once (an IN list of 3,000 band
    keys was a new 9 kB statement for every batch; SQLAlchemy's expanding IN also names
    every value, 4 µs each)."""
    if not values:
        return []
    if conn.dialect.name == "sqlite":
        sql = f"{select_from} WHERE {column} IN (SELECT value FROM json_each(?)){tail}"
        return conn.exec_driver_sql(sql, (json.dumps(list(values)),)).all()
    sql = f"{select_from} WHERE {column} = ANY(%s){tail}"
    return conn.exec_driver_sql(sql, (list(values),)).all()


_Processor = Callable[[Any], Any]
_processors: dict[tuple[str, str, tuple[str, ...]], list[tuple[int, _Processor]]] = {}


def _bind_processors(
    conn: Connection, table: Table, columns: tuple[str, ...]
) -> list[tuple[int, _Processor]]:
    """The columns' own conversions (JSON, dates, booleans) on this backend, as SQLAlchemy
    would apply them: (position, function) for the columns that have one."""
    key = (conn.dialect.name, table.name, columns)
    got = _processors.get(key)
    if got is None:
        dialect = conn.dialect
        got = _processors[key] = [
            (i, proc)
            for i, name in enumerate(columns)
            if (proc := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
        ]
    return got


def new_ids(conn: Connection, table: Table, n: int) -> list[int]:
    """``n`` fresh primary keys of ``table`` (its integer ``id``), for rows inserted with
    their ids: on SQLite the ones after the largest (what SQLite itself would give; the
    writing transaction holds the database's write lock), on PostgreSQL from the id's
    sequence (safe beside other writers)."""
    if n <= 0:
        return []
    if conn.dialect.name == "sqlite":
        last = conn.exec_driver_sql(f"SELECT max(id) FROM {table.name}").scalar() or 0
        return list(range(last + 1, last + 1 + n))
    sql = "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)"
    return [i for (i,) in conn.exec_driver_sql(sql, (table.name, n))]


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT ``rows`` (mappings with the same keys), their values converted by the
    columns' SQLAlchemy types, so stored exactly as a Core insert stores them (see
    :func:`insert_values`). Rows that need their ids get them from :func:`new_ids`."""
    if not rows:
        return
    columns = tuple(rows[0])
    procs = _bind_processors(conn, table, columns)
    values: list[list[Any]] = [[row[c] for c in columns] for row in rows]
    if procs:
        for v in values:
            for i, proc in procs:
                v[i] = proc(v[i])
    insert_values(conn, table, columns, values)


def insert_values(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    values: Sequence[Sequence[Any]],
    per_statement: int = 32,
) -> None:
    """INSERT rows of driver-ready values, ``per_statement`` rows per INSERT (the last
    takes the rest), all through the driver's ``executemany`` of one prepared statement.

    A Core insert of many rows cost more than the database's own work: it processes
    every row's parameters in Python, and with RETURNING it builds one statement of
    hundreds of VALUES that the database parsed anew for every batch (a tenth of what
    storing a document cost). One row per INSERT is no better on SQLite: its FTS5 index
    flushes its pending terms at the end of every statement, and the statements feed it
    by trigger (one at a time doubled their cost); 32 rows per INSERT cost least.
    """
    if not values:
        return
    p = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    one = "(" + ", ".join([p] * len(columns)) + ")"
    head = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES "
    whole = len(values) - len(values) % per_statement
    if whole:
        params = [
            tuple(chain.from_iterable(values[i : i + per_statement]))
            for i in range(0, whole, per_statement)
        ]
        conn.exec_driver_sql(head + ", ".join([one] * per_statement), params)
    if whole < len(values):
        rest = values[whole:]
        conn.exec_driver_sql(
            head + ", ".join([one] * len(rest)), [tuple(chain.from_iterable(rest))]
        )


# --- documents -------------------------------------------------------------------------


def store(
    session: Session,
    pending: Sequence[Pending],
    run_id: int | None,
    titles_for: Callable[[str], frozenset[str]],
) -> list[AddResult]:
    """Write a batch of documents (see the module doc); one :class:`AddResult` each, in
    order. A text already stored, or repeated in the batch, is a ``"duplicate"``."""
    conn = session.connection()
    d = DOCUMENTS.c
    stored: dict[str, tuple[str | None, int]] = {}
    for chunk in _chunks(sorted({p.doc_id for p in pending})):
        for r in conn.execute(select(d.id, d.url, d.version).where(d.id.in_(chunk))):
            stored[r.id] = (r.url, r.version)
    todo: list[Pending] = []
    for p in pending:
        if p.doc_id not in stored:
            stored[p.doc_id] = (p.url, 0)  # version set below
            todo.append(p)
    last: dict[str | None, int] = {}
    for chunk in _chunks(sorted({p.url for p in todo if p.url is not None})):
        query = select(d.url, func.max(d.version)).where(d.url.in_(chunk)).group_by(d.url)
        for url, version in conn.execute(query):
            last[url] = version
    versions: dict[str, int] = {}
    for p in todo:
        v = 1
        if p.url is not None:
            v = last[p.url] = last.get(p.url, 0) + 1
        versions[p.doc_id] = v
        stored[p.doc_id] = (p.url, v)
    if todo:
        rows = [_document_row(p, versions[p.doc_id], run_id) for p in todo]
        insert_rows(conn, DOCUMENTS, rows)

    resolver = ActorResolver(conn, titles_for)
    wanted = {p.doc_id: resolver.wanted(p) for p in todo}
    resolver.prefetch([w for ws in wanted.values() for w in ws])
    links: dict[str, list[tuple[Actor, _ActorRow, str, float]]] = {}
    new_actors: dict[str, int] = {}
    for p in todo:
        got = links[p.doc_id] = []
        for w in wanted[p.doc_id]:
            row, rule, score = resolver.resolve(w)
            got.append((w.actor, row, rule, score))
        new_actors[p.doc_id] = len({id(r) for _, r, _, _ in got if r.created_by == p.doc_id})
    resolver.write()
    actor_ids: dict[str, dict[str, int]] = {}
    da_rows: list[dict[str, Any]] = []
    for p in todo:
        ids = actor_ids[p.doc_id] = {}
        for actor, row, rule, score in links[p.doc_id]:
            assert row.id is not None
            ids[actor.id] = row.id
            da_rows.append(
                {
                    "document_id": p.doc_id,
                    "local_id": actor.id,
                    "actor_id": row.id,
                    "name": actor.name,
                    "kind": actor.kind.value,
                    "role": actor.role,
                    "mentions": [m.to_list() for m in actor.mentions],
                    "match_rule": rule,
                    "match_score": score,
                }
            )
    if da_rows:
        insert_rows(conn, DOCUMENT_ACTORS, da_rows)

    contents: list[str] = []
    langs: list[str] = []
    days: list[dt.date | None] = []
    for p in todo:
        for s in p.analysis.statements:
            contents.append(p.analysis.spans_text(s.content))
            langs.append(p.lang)
            days.append(p.day)
    claim_ids = iter(link_claims(conn, contents, langs, days))
    content_iter = iter(contents)
    st_rows: list[dict[str, Any]] = []
    for p in todo:
        a, ids = p.analysis, actor_ids[p.doc_id]
        for s in a.statements:
            st_rows.append(
                {
                    "document_id": p.doc_id,
                    "local_id": s.id,
                    "published_date": p.day,
                    "lang": p.lang,
                    "form": s.form.value,
                    "medium": s.medium.value,
                    "content": next(content_iter),
                    "content_spans": [c.to_list() for c in s.content],
                    "speaker": a.spans_text(s.speaker) or None,
                    "cue": a.spans_text(s.cue) or None,
                    "actor_id": ids.get(s.actor) if s.actor else None,
                    "chain": [ids[x] for x in s.chain if x in ids],
                    "parent": s.parent,
                    "confidence": s.confidence,
                    "hearsay": s.framing.hearsay,
                    "hedged": s.framing.hedged,
                    "stance": s.framing.stance.value,
                    "confirmation": s.framing.confirmation.value,
                    "framing": s.framing.to_dict(),
                    "rules": list(s.rules),
                    "claim_id": next(claim_ids),
                }
            )
    statement_ids: dict[tuple[str, str], int] = {}
    for st_row, sid in zip(st_rows, new_ids(conn, STATEMENTS, len(st_rows)), strict=True):
        st_row["id"] = sid
        statement_ids[(st_row["document_id"], st_row["local_id"])] = sid
    insert_rows(conn, STATEMENTS, st_rows)
    rel_rows = _relation_rows(todo, statement_ids, actor_ids)
    if rel_rows:
        insert_rows(conn, RELATIONS, rel_rows)

    results: list[AddResult] = []
    done: set[str] = set()
    duplicates = 0
    for p in pending:
        url, version = stored[p.doc_id]
        if p.doc_id in versions and p.doc_id not in done:
            done.add(p.doc_id)
            status: AddStatus = "version" if version > 1 else "added"
            a = p.analysis
            results.append(
                AddResult(
                    status,
                    p.doc_id,
                    url,
                    version,
                    statements=len(a.statements),
                    relations=len(a.relations),
                    actors=len(a.actors),
                    new_actors=new_actors[p.doc_id],
                )
            )
        else:
            duplicates += 1
            results.append(AddResult("duplicate", p.doc_id, url, version))
    if run_id is not None:
        run = RUNS.c
        conn.execute(
            update(RUNS)
            .where(run.id == run_id)
            .values(
                {
                    run.added: run.added + len(todo),
                    run.new_versions: run.new_versions + sum(v > 1 for v in versions.values()),
                    run.duplicates: run.duplicates + duplicates,
                    run.statements: run.statements + len(st_rows),
                }
            )
        )
    return results


def _document_row(p: Pending, version: int, run_id: int | None) -> dict[str, Any]:
    doc, a = p.doc, p.analysis
    analysis = a.to_dict()
    del analysis["text"]  # it is the row's text column (migration 0007)
    return {
        "id": p.doc_id,
        "url": p.url,
        "version": version,
        "title": doc.get("title") or a.title,
        "author": doc.get("author"),
        "published": None if p.published is None else str(p.published),
        "published_date": p.day,
        "site": doc.get("site"),
        "lang": p.lang,
        "text": a.text,
        "source": None if doc.get("source") is None else str(doc["source"]),
        "meta": p.meta,
        "ingested_at": now(),
        "run_id": run_id,
        "statement_count": len(a.statements),
        "analysis": analysis,
    }


def _relation_rows(
    todo: Sequence[Pending],
    statement_ids: Mapping[tuple[str, str], int],
    actor_ids: Mapping[str, Mapping[str, int]],
) -> list[dict[str, Any]]:
    return [
        {
            "document_id": p.doc_id,
            "local_id": r.id,
            "kind": r.kind.value,
            "source_id": statement_ids[(p.doc_id, r.source)],
            "target_id": statement_ids[(p.doc_id, r.target)] if r.target else None,
            "target_actor_id": actor_ids[p.doc_id].get(r.target_actor) if r.target_actor else None,
            "confidence": r.confidence,
            "reason": r.reason,
            "evidence": [e.to_list() for e in r.evidence],
            "rules": list(r.rules),
        }
        for p in todo
        for r in p.analysis.relations
    ]
