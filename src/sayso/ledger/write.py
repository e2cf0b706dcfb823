"""Writing: the typed boundary (ingest's :class:`~sayso.ingest.Document`), storing
documents with retries, error rows and run counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest.document import Document, content_id
from sayso.ingest.urlpolicy import web_url
from sayso.ledger import identity, writer
from sayso.ledger import schema as t
from sayso.ledger.engine import Database
from sayso.ledger.query import published_day
from sayso.ledger.records import AddResult
from sayso.ledger.rows import new_id
from sayso.model import Actor, Analysis
from sayso.settings import LedgerSettings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: what :meth:`Ledger.add` and :meth:`Ledger.ingest` take: ingest's ``Document`` (its
#: ``id`` is the content hash, computed once by ingest), or a Mapping of its fields
#: (converted once, here); objects with the same attributes are converted too
DocumentLike = Document | Mapping[str, Any]

#: the fields of an ingest ``Document``; anything else given is kept in ``documents.meta``
DOCUMENT_FIELDS = tuple(f.name for f in dataclasses.fields(Document))

#: PostgreSQL deadlock_detected and serialization_failure
_RETRY_SQLSTATES = frozenset({"40P01", "40001"})


def content_hash(text: str) -> str:
    """The document key: ingest's :func:`sayso.ingest.content_id` — SHA-256 of the NFC text
    with whitespace runs collapsed — so a document read by ingest is recognised before it
    is analysed, and the same article re-wrapped or re-encoded is one document."""
    return content_id(text)


def fields_of(document: object, extra: Mapping[str, Any]) -> dict[str, Any]:
    """The document's fields from a Mapping, a dataclass or attributes."""
    if document is None:
        base: dict[str, Any] = {}
    elif isinstance(document, Mapping):
        base = dict(document)
    elif dataclasses.is_dataclass(document) and not isinstance(document, type):
        base = {f.name: getattr(document, f.name) for f in dataclasses.fields(document)}
    else:
        base = {k: getattr(document, k) for k in DOCUMENT_FIELDS if hasattr(document, k)}
    base.update(extra)
    return base


def _text(value: object) -> str:
    if isinstance(value, bytes | bytearray):
        from sayso.text.clean import decode_report

        return decode_report(bytes(value))[0]
    if not isinstance(value, str):
        raise SaysoError(errors.E001, detail=f"got {type(value).__name__}")
    return value


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def to_document(
    document: DocumentLike | object | None,
    fields: Mapping[str, Any] | None = None,
    text: str | None = None,
) -> Document:
    """``document`` (with ``fields`` added or overriding) as ingest's ``Document``: the
    one type the rest of the ledger sees. An ingest ``Document`` keeps its id (ingest's
    content hash); anything else is converted once: its key is :func:`content_hash` of its
    text (``text`` when it has none: the analysed text), other keys than a Document's go to
    ``meta`` (with a different ``id`` as ``meta["source_id"]``). Metadata values are kept
    as given (they are stored as JSON)."""
    fields = fields or {}
    if isinstance(document, Document) and not {"text", "id"} & set(fields):
        known: dict[str, Any] = {
            k: _opt(v) for k, v in fields.items() if k in DOCUMENT_FIELDS and k != "meta"
        }
        if "source" in known:
            known["source"] = known["source"] or ""
        meta = {**document.meta, **fields.get("meta", {})}
        meta.update({k: v for k, v in fields.items() if k not in DOCUMENT_FIELDS})
        return _link_safe(dataclasses.replace(document, **known, meta=meta))
    doc = fields_of(document, fields)
    raw = doc.get("text", text)
    if raw is None:
        raise KeyError("text")
    body = _text(raw)
    key = content_hash(body)
    meta = dict(doc.get("meta") or {})
    meta.update({k: v for k, v in doc.items() if k not in DOCUMENT_FIELDS})
    if doc.get("id") and doc["id"] != key:
        meta["source_id"] = doc["id"]  # the caller's own id, when it is not our content hash
    document = Document(
        id=key,
        text=body,
        source=_opt(doc.get("source")) or "",
        url=_opt(doc.get("url")),
        title=_opt(doc.get("title")),
        author=_opt(doc.get("author")),
        published=_opt(doc.get("published")),
        site=_opt(doc.get("site")),
        lang=_opt(doc.get("lang")),
        meta=cast(Mapping[str, str], meta),  # JSON values: as given by the caller
    )
    return _link_safe(document)


def _link_safe(document: Document) -> Document:
    """The document with a ``url`` that is not an absolute http(s) address
    (``javascript:…``, ``file:…``, a relative path) moved to ``meta["url_text"]``, as
    ingest's :meth:`Document.create` does: the ledger's ``url`` column is a link in the web
    view and in exports, whichever way the document came in."""
    url = document.url
    if url is None or web_url(url) is not None:
        return document
    meta = dict(document.meta)
    if url.strip():
        meta.setdefault("url_text", " ".join(url.split()))
    return dataclasses.replace(document, url=None, meta=meta)


def label(doc: Document) -> str | None:
    """What an error row names a document by: its source, URL or the caller's id."""
    return doc.source or doc.url or _opt(doc.meta.get("source_id"))


def pending(document: Document, analysis: Analysis) -> writer.Pending:
    """A document ready for :func:`writer.store`, checked against its analysis."""
    if len(document.text) != len(analysis.text):
        raise ValueError(
            f"the analysis is not of this text ({len(analysis.text)} characters "
            f"analysed, {len(document.text)} given)"
        )
    lang = analysis.lang if analysis.lang not in ("", "und") else (document.lang or "und")
    published = document.published or analysis.published
    return writer.Pending(
        doc_id=document.id,
        document=document,
        analysis=analysis,
        url=document.url or analysis.url,
        lang=lang,
        published=published,
        day=published_day(published),
        meta=_jsonable(dict(document.meta)) or None,
    )


def pending_of(
    document: DocumentLike | object | None, analysis: Analysis | None, fields: Mapping[str, Any]
) -> writer.Pending:
    if analysis is None:
        raise TypeError("Ledger.add needs the document's analysis")
    return pending(to_document(document, fields, analysis.text), analysis)


@functools.cache
def titles(lang: str) -> frozenset[str]:
    """Role nouns and titles of a language, folded: not part of a person's name."""
    from sayso.lang import SUPPORTED, load

    if lang not in SUPPORTED:
        return frozenset()
    return frozenset(identity.fold(n) for n in load(lang).role_nouns)


def store(
    db: Database, batch: Sequence[writer.Pending], run_id: int | None, settings: LedgerSettings
) -> list[AddResult]:
    """Store ``batch`` in one transaction, again when a concurrent writer got in the way."""
    attempts = settings.store_attempts
    for attempt in range(attempts):
        try:
            with db.write() as session:
                return writer.store(session, batch, run_id, titles, settings)
        except IntegrityError:
            # another writer stored the same text, a same new actor or claim, or took
            # the next version number: the next attempt sees its rows
            if attempt == attempts - 1:
                raise
        except OperationalError as exc:
            # PostgreSQL broke a deadlock between two writers: try again
            if _sqlstate(exc) not in _RETRY_SQLSTATES or attempt == attempts - 1:
                raise
        time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _sqlstate(exc: SQLAlchemyError) -> str | None:
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return state if isinstance(state, str) else None


def stored(db: Database, document_ids: Iterable[str]) -> set[str]:
    """Which of these content hashes are stored (one query, the same text every time)."""
    ids = sorted(set(document_ids))
    if not ids:
        return set()
    with db.engine.connect() as conn:
        rows = writer.where_in(conn, "SELECT id FROM documents", "id", ids)
        return {doc_id for (doc_id,) in rows}


def add_error(
    db: Database, source: str | None, code: str, message: str, url: str | None, run_id: int | None
) -> int:
    row = {"source": source, "url": url, "code": code, "message": message, "run_id": run_id}
    with db.write() as session:
        added = session.connection().execute(insert(t.errors).values(at=writer.now(), **row))
        if run_id is not None:
            count(session, run_id, failed=1)
        return new_id(added)


def coded(source: str | None, exc: BaseException) -> tuple[str, str]:
    """The code and message of an error row for ``exc``: a ``SaysoError`` keeps its own
    code; a database error is ``E204``; anything else ``E203``."""
    if isinstance(exc, SaysoError):
        return exc.code, str(exc)
    if isinstance(exc, SQLAlchemyError):
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        code = errors.E204.code
        return code, f"{code}: {errors.E204.format(source=source, detail=detail)}"
    code = errors.E203.code
    detail = errors.E203.format(kind=type(exc).__name__, source=source, detail=exc)
    return code, f"{code}: {detail}"


def start_run(db: Database, note: str | None) -> int:
    zero = dict.fromkeys(("added", "new_versions", "duplicates", "failed", "statements"), 0)
    with db.write() as session:
        run = insert(t.runs).values(started_at=writer.now(), note=note, **zero)
        return new_id(session.connection().execute(run))


def finish_run(db: Database, run_id: int) -> None:
    with db.write() as session:
        run = t.runs
        session.execute(update(run).where(run.c.id == run_id).values(finished_at=writer.now()))


def stored_result(session: Session, doc_id: str) -> AddResult | None:
    """The "duplicate" result for a stored document (None when not stored)."""
    d = t.documents.c
    row = session.execute(select(d.url, d.version).where(d.id == doc_id)).one_or_none()
    return None if row is None else AddResult("duplicate", doc_id, row.url, row.version)


def count(session: Session, run_id: int, **increments: int) -> None:
    run = t.runs.c
    values = {name: run[name] + n for name, n in increments.items()}
    session.execute(update(t.runs).where(run.id == run_id).values(values))


def _jsonable(value: Any) -> Any:
    """Metadata as JSON: dates become ISO strings, unknown objects their str()."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def resolve_actor(
    session: Session, actor: Actor, doc_lang: str, doc_id: str = ""
) -> tuple[int, str, float]:
    """The ledger actor for a document's ``actor``: (id, the rule that linked it, score).

    Names are matched by :mod:`sayso.ledger.identity`: the phonetic key shared by
    transliteration variants ("Selenskyj" / "Zelensky" — ``identity.key``), a surname
    against a full name of the same kind ("Selenskyj" / "Wolodymyr Selenskyj" —
    ``identity.surname``) and a one-letter slip in a long name (``identity.typo``); titles
    and roles ("Präsident") are stripped and kept as the actor's role. Anonymous groups and
    unknown sources are one actor per document. A new actor is ``identity.new``. The
    document's own spelling stays in ``document_actors`` with the rule and score, so every
    link is explainable, and ``Ledger.merge_actors`` / ``split_actor`` can redo it.

    Storing documents resolves all their actors at once (:class:`writer.ActorResolver`);
    this is the same for one actor, writing the new or changed actor in ``session``.
    """
    empty = Document(id=doc_id, text="", source="")
    pending = writer.Pending(doc_id, empty, Analysis(text="", lang=doc_lang), None, doc_lang,
                             None, None, None)  # fmt: skip
    resolver = writer.ActorResolver(session.connection(), titles, LedgerSettings())
    wanted = writer.wanted_actor(resolver, pending, actor)
    resolver.prefetch([wanted])
    row, rule, score = resolver.resolve(wanted)
    resolver.write()
    assert row.id is not None
    return row.id, rule, score
