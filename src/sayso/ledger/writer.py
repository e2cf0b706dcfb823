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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, case, func, or_, select, update

from sayso.ingest.document import Document
from sayso.ledger.records import AddResult, AddStatus
from sayso.ledger.resolve import PER_DOCUMENT_KINDS, ActorResolver, ActorRow, wanted_actor
from sayso.ledger.rows import (
    ACTORS,
    CLAIM_BANDS,
    CLAIMS,
    DOCUMENT_ACTORS,
    DOCUMENTS,
    RELATIONS,
    RUNS,
    STATEMENTS,
    actor_key,
    chunks,
    insert_rows,
    insert_values,
    new_ids,
    now,
    where_in,
)
from sayso.model import Actor, Analysis, Relation, Statement
from sayso.settings import LedgerSettings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    # the claim fingerprints need numpy: imported where claims are linked, so that
    # reading the ledger does not load it
    from sayso.ledger import claims as claim_mod

__all__ = [
    "ACTORS", "CLAIMS", "PER_DOCUMENT_KINDS", "ActorResolver", "LedgerSettings", "Pending",
    "actor_key", "insert_rows", "insert_values", "link_claims", "new_ids", "now", "store",
    "wanted_actor", "where_in",
]  # fmt: skip


@dataclass(slots=True)
class Pending:
    """One document ready to be written: its key, fields and analysis."""

    doc_id: str  # the content hash: the document's id
    document: Document  # ingest's document: its text and metadata
    analysis: Analysis
    url: str | None
    lang: str
    published: object
    day: dt.date | None
    meta: dict[str, Any] | None


# --- claims ----------------------------------------------------------------------------

if TYPE_CHECKING:
    _ClaimNew = tuple[claim_mod.Fingerprint, str, list[dt.date | None]]


def link_claims(
    conn: Connection,
    contents: Sequence[str],
    langs: Sequence[str],
    days: Sequence[dt.date | None],
    settings: LedgerSettings | None = None,
) -> list[int]:
    """The claim each content is an appearance of, created when new (one per content).

    Identical normalised contents share the claim key; near-identical ones share an LSH
    band with it and pass :func:`sayso.ledger.claims.same_claim` (rapidfuzz). A content
    may also be an appearance of a claim that an earlier content of the same call created.
    Claims keep their appearance count, first and last day and the language of their
    first appearance. A few queries for the whole call: keys, bands, candidates, the new
    claims and their bands, and one update of the known claims' counts.
    """
    from sayso.ledger import claims as claim_mod

    settings = settings or LedgerSettings()
    prints = claim_mod.fingerprints(contents, settings.claim_min_words)
    by_key, band_claims, cand_prints = _claim_candidates(conn, prints, settings)
    k = settings.candidates

    def same(a: claim_mod.Fingerprint, b: claim_mod.Fingerprint) -> float | None:
        return claim_mod.same_claim(a, b, settings.same_claim, settings.claim_length_ratio)

    # claims new in this call: later contents may be appearances of them
    new: list[_ClaimNew] = []
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
            ids = dict.fromkeys(i for b in fp.bands for i in band_claims.get(b, [])[:k])
            for cid in ids:
                score = same(fp, cand_prints[cid])
                if score is not None and score > best:
                    link, best = (False, cid), score
            for j in dict.fromkeys(j for b in fp.bands for j in new_by_band.get(b, [])):
                score = same(fp, new[j][0])
                if score is not None and score > best:
                    link, best = (True, j), score
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
    claim_ids = _insert_claims(conn, new)
    _count_appearances(conn, seen)
    return [claim_ids[i] if is_new else i for is_new, i in links]


def _claim_candidates(
    conn: Connection, prints: Sequence[claim_mod.Fingerprint], settings: LedgerSettings
) -> tuple[dict[str, int], dict[int, list[int]], dict[int, claim_mod.Fingerprint]]:
    """The known claims by key, the claims of each LSH band (in id order), and the
    fingerprints of the candidates (at most ``candidates`` per band)."""
    from sayso.ledger import claims as claim_mod

    keys = sorted({fp.key for fp in prints})
    by_key = {key: cid for cid, key in where_in(conn, "SELECT id, key FROM claims", "key", keys)}
    bands = sorted({b for fp in prints if fp.key not in by_key for b in fp.bands})
    band_claims: dict[int, list[int]] = {}
    for band, claim_id in where_in(
        conn, "SELECT band, claim_id FROM claim_bands", "band", bands, " ORDER BY claim_id"
    ):
        band_claims.setdefault(band, []).append(claim_id)
    k = settings.candidates
    wanted = sorted({i for ids in band_claims.values() for i in ids[:k]})
    cand = where_in(conn, "SELECT id, text FROM claims", "id", wanted)
    texts = [x for _, x in cand]
    cand_prints = dict(
        zip(
            [i for i, _ in cand],
            claim_mod.fingerprints(texts, settings.claim_min_words),
            strict=True,
        )
    )
    return by_key, band_claims, cand_prints


def _insert_claims(conn: Connection, new: Sequence[_ClaimNew]) -> list[int]:
    """Insert the new claims and their bands; their ids."""
    if not new:
        return []
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
    return claim_ids


def _count_appearances(conn: Connection, seen: Mapping[int, list[dt.date | None]]) -> None:
    """Known claims: more appearances, maybe a wider span of days (in id order)."""
    if not seen:
        return
    tc = CLAIMS.c
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


# --- documents -------------------------------------------------------------------------

_Link = tuple[Actor, ActorRow, str, float]


def store(
    session: Session,
    pending: Sequence[Pending],
    run_id: int | None,
    titles_for: Callable[[str], frozenset[str]],
    settings: LedgerSettings | None = None,
) -> list[AddResult]:
    """Write a batch of documents (see the module doc); one :class:`AddResult` each, in
    order. A text already stored, or repeated in the batch, is a ``"duplicate"``.

    The phases: the documents (new ones and versions), their actors, their statements
    with their claims, their relations, then the results and the run's counts."""
    settings = settings or LedgerSettings()
    conn = session.connection()
    stored, todo, versions = _documents(conn, pending, run_id)
    actor_ids, new_actors = _actors(conn, todo, titles_for, settings)
    statement_ids = _statements(conn, todo, actor_ids, settings)
    rel_rows = _relation_rows(todo, statement_ids, actor_ids)
    if rel_rows:
        insert_rows(conn, RELATIONS, rel_rows)
    results = _results(pending, stored, versions, new_actors)
    if run_id is not None:
        duplicates = sum(r.status == "duplicate" for r in results)
        run = RUNS.c
        conn.execute(
            update(RUNS)
            .where(run.id == run_id)
            .values(
                {
                    run.added: run.added + len(todo),
                    run.new_versions: run.new_versions + sum(v > 1 for v in versions.values()),
                    run.duplicates: run.duplicates + duplicates,
                    run.statements: run.statements + len(statement_ids),
                }
            )
        )
    return results


def _documents(
    conn: Connection, pending: Sequence[Pending], run_id: int | None
) -> tuple[dict[str, tuple[str | None, int]], list[Pending], dict[str, int]]:
    """Insert the documents not stored yet, each URL's next version: (every document's
    url and version, the new documents, their versions)."""
    d = DOCUMENTS.c
    stored: dict[str, tuple[str | None, int]] = {}
    for chunk in chunks(sorted({p.doc_id for p in pending})):
        for r in conn.execute(select(d.id, d.url, d.version).where(d.id.in_(chunk))):
            stored[r.id] = (r.url, r.version)
    todo: list[Pending] = []
    for p in pending:
        if p.doc_id not in stored:
            stored[p.doc_id] = (p.url, 0)  # version set below
            todo.append(p)
    last: dict[str | None, int] = {}
    for chunk in chunks(sorted({p.url for p in todo if p.url is not None})):
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
        rows = [document_row(p, versions[p.doc_id], run_id) for p in todo]
        insert_rows(conn, DOCUMENTS, rows)
    return stored, todo, versions


def _actors(
    conn: Connection,
    todo: Sequence[Pending],
    titles_for: Callable[[str], frozenset[str]],
    settings: LedgerSettings,
) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Link the documents' actors to ledger actors and insert the document actors:
    (each document's local actor id -> ledger actor id, each document's new actors)."""
    resolver = ActorResolver(conn, titles_for, settings)
    wanted = {p.doc_id: resolver.wanted(p) for p in todo}
    resolver.prefetch([w for ws in wanted.values() for w in ws])
    links: dict[str, list[_Link]] = {}
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
            da_rows.append(document_actor_row(p, actor, row.id, rule, score))
    if da_rows:
        insert_rows(conn, DOCUMENT_ACTORS, da_rows)
    return actor_ids, new_actors


def _statements(
    conn: Connection,
    todo: Sequence[Pending],
    actor_ids: Mapping[str, Mapping[str, int]],
    settings: LedgerSettings,
) -> dict[tuple[str, str], int]:
    """Insert the documents' statements, each linked to its claim: their ids by
    (document, local id)."""
    contents: list[str] = []
    langs: list[str] = []
    days: list[dt.date | None] = []
    for p in todo:
        for s in p.analysis.statements:
            contents.append(p.analysis.spans_text(s.content))
            langs.append(p.lang)
            days.append(p.day)
    claim_ids = iter(link_claims(conn, contents, langs, days, settings))
    content_iter = iter(contents)
    st_rows: list[dict[str, Any]] = []
    for p in todo:
        ids = actor_ids[p.doc_id]
        for s in p.analysis.statements:
            st_rows.append(statement_row(p, s, next(content_iter), ids, next(claim_ids)))
    statement_ids: dict[tuple[str, str], int] = {}
    for st_row, sid in zip(st_rows, new_ids(conn, STATEMENTS, len(st_rows)), strict=True):
        st_row["id"] = sid
        statement_ids[(st_row["document_id"], st_row["local_id"])] = sid
    insert_rows(conn, STATEMENTS, st_rows)
    return statement_ids


def _results(
    pending: Sequence[Pending],
    stored: Mapping[str, tuple[str | None, int]],
    versions: Mapping[str, int],
    new_actors: Mapping[str, int],
) -> list[AddResult]:
    """One result per document given, in order: the first of a new text is added (or a
    version), the others duplicates."""
    results: list[AddResult] = []
    done: set[str] = set()
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
            results.append(AddResult("duplicate", p.doc_id, url, version))
    return results


# --- the rows of one document ------------------------------------------------------------
# Plain functions of a document and the ids its rows refer to, so that other writers of the
# same rows (the Parquet tables of ``sayso spark``, whose ids are content keys instead of
# the database's integers) build exactly the ledger's columns.


def document_row(p: Pending, version: int | None, run_id: int | None) -> dict[str, Any]:
    """The ``documents`` row of ``p``."""
    doc, a = p.document, p.analysis
    analysis = a.to_dict()
    del analysis["text"]  # it is the row's text column (migration 0007)
    return {
        "id": p.doc_id,
        "url": p.url,
        "version": version,
        "title": doc.title or a.title,
        "author": doc.author,
        "published": None if p.published is None else str(p.published),
        "published_date": p.day,
        "site": doc.site,
        "lang": p.lang,
        "text": a.text,
        "source": doc.source or None,
        "meta": p.meta,
        "ingested_at": now(),
        "run_id": run_id,
        "statement_count": len(a.statements),
        "analysis": analysis,
    }


def document_actor_row(
    p: Pending, actor: Actor, actor_id: Any, rule: str, score: float
) -> dict[str, Any]:
    """The ``document_actors`` row of one of ``p``'s actors, linked to ``actor_id``."""
    return {
        "document_id": p.doc_id,
        "local_id": actor.id,
        "actor_id": actor_id,
        "name": actor.name,
        "kind": actor.kind.value,
        "role": actor.role,
        "mentions": [m.to_list() for m in actor.mentions],
        "match_rule": rule,
        "match_score": score,
    }


def statement_row(
    p: Pending, s: Statement, content: str, actor_ids: Mapping[str, Any], claim_id: Any
) -> dict[str, Any]:
    """The ``statements`` row of ``s`` (without its own id): ``content`` its content's
    text, ``actor_ids`` the document's actors' ids by local id, ``claim_id`` its claim."""
    a, ids = p.analysis, actor_ids
    return {
        "document_id": p.doc_id,
        "local_id": s.id,
        "published_date": p.day,
        "lang": p.lang,
        "form": s.form.value,
        "medium": s.medium.value,
        "content": content,
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
        "claim_id": claim_id,
    }


def relation_row(
    p: Pending, r: Relation, statement_id: Callable[[str], Any], actor_ids: Mapping[str, Any]
) -> dict[str, Any]:
    """The ``relations`` row of ``r``: ``statement_id`` gives a statement's id by its local
    id, ``actor_ids`` the document's actors' ids."""
    return {
        "document_id": p.doc_id,
        "local_id": r.id,
        "kind": r.kind.value,
        "source_id": statement_id(r.source),
        "target_id": statement_id(r.target) if r.target else None,
        "target_actor_id": actor_ids.get(r.target_actor) if r.target_actor else None,
        "confidence": r.confidence,
        "reason": r.reason,
        "evidence": [e.to_list() for e in r.evidence],
        "rules": list(r.rules),
    }


def _relation_rows(
    todo: Sequence[Pending],
    statement_ids: Mapping[tuple[str, str], int],
    actor_ids: Mapping[str, Mapping[str, int]],
) -> list[dict[str, Any]]:
    rows = []
    for p in todo:
        doc_id = p.doc_id

        def statement_id(local: str, doc_id: str = doc_id) -> int:
            return statement_ids[(doc_id, local)]

        rows += [relation_row(p, r, statement_id, actor_ids[doc_id]) for r in p.analysis.relations]
    return rows
