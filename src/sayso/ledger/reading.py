"""Reading documents, actors, error rows, counts and the accounts of events."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    any_,
    bindparam,
    desc,
    exists,
    func,
    literal_column,
    select,
)

from sayso import errors
from sayso.errors import SaysoError
from sayso.ledger import identity, lookup, migrate
from sayso.ledger import schema as t
from sayso.ledger.engine import Database
from sayso.ledger.query import Day, StatementQuery, date_range, statement_rows, utc
from sayso.ledger.records import ActorRecord, DocumentRecord, ErrorRecord
from sayso.ledger.rows import actor_key
from sayso.model import Analysis, framing_labels
from sayso.settings import LedgerSettings

#: a document's columns but its analysis (a DocumentRecord does not hold it, and decoding
#: its JSON was half of what reading a document cost)
RECORD = [c for c in t.documents.c if c.name != "analysis"]


def get_document(db: Database, document_id: str) -> DocumentRecord | None:
    d = t.documents
    with db.lookup() as conn:
        row = conn.execute(select(*RECORD).where(d.c.id == document_id)).first()
        return None if row is None else document_record(row, with_text=True)


def find_document(db: Database, ref: str) -> DocumentRecord:
    """A stored document by id, unique id prefix (at least 6 characters) or URL (its
    latest version); ``SaysoError(E202)`` when none or several match."""
    d, every = t.documents.c, select(*RECORD)
    with db.lookup() as conn:
        row = conn.execute(every.where(d.id == ref)).first()
        if row is None and "://" in ref:
            row = conn.execute(
                every.where(d.url == ref).order_by(d.version.desc()).limit(1)
            ).first()
        if row is None and len(ref) >= 6:
            found = conn.execute(every.where(d.id.startswith(ref)).limit(2)).all()
            row = found[0] if len(found) == 1 else None
        if row is None:
            raise SaysoError(errors.E202, id=ref)
        return document_record(row, with_text=True)


def analysis(db: Database, document_id: str) -> Analysis:
    d = t.documents.c
    with db.lookup() as conn:
        row = conn.execute(select(d.analysis, d.text).where(d.id == document_id)).first()
    if row is None:
        raise SaysoError(errors.E202, id=document_id)
    data, text = row
    # the JSON holds all but the text, which is the row's text column (migration 0007)
    return Analysis.from_dict({**data, "text": text})


def documents(
    db: Database,
    *,
    url: str | None,
    site: str | None,
    lang: str | None,
    since: Day | None,
    until: Day | None,
    latest: bool,
    limit: int | None,
    offset: int,
) -> list[DocumentRecord]:
    d = t.documents.c
    query = select(*RECORD)
    if url is not None:
        query = query.where(d.url == url)
    if site is not None:
        query = query.where(func.lower(d.site) == site.lower())
    if lang is not None:
        query = query.where(d.lang == lang)
    query = query.where(*date_range(since, until, d.published_date))
    if latest:
        newer = t.documents.alias("newer").c
        query = query.where(~exists().where(newer.url == d.url, newer.version > d.version))
    query = query.order_by(d.published_date.desc().nulls_last(), d.url, d.version, d.ingested_at)
    query = query.offset(offset).limit(limit)
    with db.read() as conn:
        return [document_record(row) for row in conn.execute(query)]


def actors(
    db: Database, *, name: str | None, kind: str | None, limit: int | None
) -> list[ActorRecord]:
    a = t.actors.c
    query = lookup.with_counts().order_by(desc("n_statements"), a.name).limit(limit)
    if name is not None:
        wanted = identity.name_key(name) or actor_key(name)
        query = query.where(a.key.contains(wanted, autoescape=True))
    if kind is not None:
        query = query.where(a.kind == kind)
    query = query.where(a.merged_into.is_(None))
    with db.read() as conn:
        return [lookup.actor_record(row) for row in conn.execute(query)]


def _leads(db: Database, ids: set[str], chars: int) -> dict[str, str]:
    """The opening ``chars`` characters of each document (one query for all)."""
    if not ids or chars <= 0:
        return {}
    d = t.documents.c
    with db.read() as conn:
        rows = conn.execute(
            select(d.id, func.substr(d.text, 1, chars)).where(d.id.in_(sorted(ids)))
        ).all()
    return {doc: lead or "" for doc, lead in rows}


def accounts(db: Database, q: StatementQuery, settings: LedgerSettings) -> list[Any]:
    """The accounts of the events the statements ``q`` selects (see ``Ledger.accounts``)."""
    from sayso.ledger import accounts as acc

    rows = statement_rows(db, q, settings, light=True)
    leads = _leads(db, {r.document_id for r in rows}, settings.event_lead_chars)
    items = [
        acc.Item(
            id=str(r.id),
            content=r.content,
            lang=r.lang,
            actor=r.name or r.speaker or "(unknown source)",
            title=r.title or "",
            published=r.published_date.isoformat() if r.published_date else None,
            outlet=r.site,
            framing=framing_labels(r.hearsay, r.hedged, r.stance, r.confirmation),
            claim=None if r.claim_id is None else str(r.claim_id),
            document=r.document_id,
        )
        for r in rows
    ]
    events = acc.group_events(items, settings, leads)
    # stated disputes inside one article join the cross-article relations (only
    # between statements of one event: single-statement events need no query)
    ids = [int(i.id) for e in events if len(e.items) > 1 for i in e.items]
    if not ids:
        return events
    rel = t.relations.c
    among = [among_ids(db.dialect, rel.source_id, ids), among_ids(db.dialect, rel.target_id, ids)]
    with db.read() as conn:
        stated = conn.execute(
            select(rel.kind, rel.source_id, rel.target_id, rel.confidence, rel.reason)
            .where(*among)
            .where(rel.kind.in_(("disputes", "confirms")))
        ).all()
    where = {it.id: e for e in events for it in e.items}
    for kind, src, tgt, conf, reason in stated:
        e = where.get(str(src))
        if e is not None and where.get(str(tgt)) is e:
            e.links.append(acc.Link(kind, str(src), str(tgt), conf, reason or "stated"))
    return events


def among_ids(dialect: str, col: Any, ids: list[int]) -> ColumnElement[bool]:
    """``col IN ids`` with the ids as one parameter: the same statement for any number of
    ids (neither SQLAlchemy nor the driver rewrites a fresh IN list), and no limit on their
    number (an IN list binds one variable per id; SQLite allows 32,766 in one statement, so
    a topic of more than 16,000 statements failed). PostgreSQL: an array; SQLite: a JSON
    array read by ``json_each``."""
    if dialect == "postgresql":
        return col == any_(bindparam("ids", ids, type_=ARRAY(Integer), unique=True))  # type: ignore[no-any-return]
    each: Any = select(literal_column("value")).select_from(
        func.json_each(bindparam("ids_json", json.dumps(ids), unique=True))
    )
    return col.in_(each)  # type: ignore[no-any-return]


def errors_(
    db: Database, *, code: str | None, run_id: int | None, limit: int | None
) -> list[ErrorRecord]:
    e = t.errors.c
    query = select(t.errors).order_by(e.id).limit(limit)
    if code is not None:
        query = query.where(e.code == code)
    if run_id is not None:
        query = query.where(e.run_id == run_id)
    with db.read() as conn:
        return [
            ErrorRecord(r.id, r.source, r.url, r.code, r.message, utc(r.at), r.run_id)
            for r in conn.execute(query)
        ]


def stats(db: Database) -> dict[str, Any]:
    revision = migrate.current(db.engine)
    d, s = t.documents.c, t.statements.c
    with db.read() as conn:

        def count(what: Any) -> int:
            return int(conn.scalar(select(what)) or 0)

        by_lang = {k: v for k, v in conn.execute(select(d.lang, func.count()).group_by(d.lang))}
        by_form = {k: v for k, v in conn.execute(select(s.form, func.count()).group_by(s.form))}
        return {
            "backend": db.dialect,
            "schema": revision,
            "documents": count(func.count(t.documents.c.id)),
            "urls": count(func.count(func.distinct(t.documents.c.url))),
            "statements": count(func.count(t.statements.c.id)),
            "actors": count(func.count(t.actors.c.id)),
            "relations": count(func.count(t.relations.c.id)),
            "errors": count(func.count(t.errors.c.id)),
            "runs": count(func.count(t.runs.c.id)),
            "documents_by_lang": {str(k): int(v) for k, v in by_lang.items()},
            "statements_by_form": {str(k): int(v) for k, v in by_form.items()},
        }


def document_record(row: Any, with_text: bool = False) -> DocumentRecord:
    return DocumentRecord(
        id=row.id,
        url=row.url,
        version=row.version,
        title=row.title,
        author=row.author,
        published=row.published,
        published_date=row.published_date,
        site=row.site,
        lang=row.lang,
        source=row.source,
        ingested_at=utc(row.ingested_at),
        statement_count=row.statement_count,
        run_id=row.run_id,
        meta=row.meta,
        text=row.text if with_text else None,
    )
