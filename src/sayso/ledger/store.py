"""The ledger store: many analyses in one SQL database, searchable across documents.

Nothing lost, nothing doubled:

* a document is keyed by the hash of its text (:func:`content_hash`, the id ingest gives it:
  whitespace and Unicode normalisation do not count): adding the same text
  again writes nothing (``"duplicate"``); a different text at a URL already stored becomes
  the next version of that URL;
* each document is written in one transaction (document, actors, statements, relations,
  full-text rows, run counts): an exception part-way leaves nothing of it;
* in :meth:`Ledger.ingest`, a document that cannot be analysed or stored becomes a row in
  ``errors`` with a code, and the run goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import functools
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import orjson
from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Engine,
    Integer,
    any_,
    bindparam,
    create_engine,
    event,
    exists,
    func,
    literal_column,
    select,
    text,
    true,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, aliased, sessionmaker
from sqlalchemy.pool import StaticPool

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest.document import Document, content_id
from sayso.ledger import failures, fulltext, identity, listing, migrate, writer
from sayso.ledger import schema as t
from sayso.ledger import speakers as speaker_query
from sayso.ledger.listing import RunRecord
from sayso.ledger.records import (
    ActorRecord,
    AddResult,
    DocumentRecord,
    ErrorRecord,
    RunSummary,
    StatementRecord,
)
from sayso.model import Actor, Analysis, framing_labels

DEFAULT_URL = "sqlite:///sayso.db"
ENV_VAR = "SAYSO_DB"
#: execution option marking connections that write (SQLite: BEGIN IMMEDIATE)
WRITE_OPTION = "sayso_write"

#: the fields of an ingest ``Document``; anything else given is kept in ``documents.meta``
DOCUMENT_FIELDS = tuple(f.name for f in dataclasses.fields(Document))

#: framing labels accepted by :meth:`Ledger.statements` (``framing=``)
FRAMING_LABELS = (
    "hearsay",
    "hedged",
    "neutral",
    "distancing",
    "endorsing",
    "confirmed",
    "unconfirmed",
    "denied",
)

DocumentLike = Mapping[str, Any] | Any

#: attempts to store one document when concurrent writers get in the way
_ATTEMPTS = 5
#: PostgreSQL deadlock_detected and serialization_failure
_RETRY_SQLSTATES = frozenset({"40P01", "40001"})


def _sqlstate(exc: SQLAlchemyError) -> str | None:
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return state if isinstance(state, str) else None


def content_hash(text: str) -> str:
    """The document key: ingest's :func:`sayso.ingest.content_id` — SHA-256 of the NFC text
    with whitespace runs collapsed — so a document read by ingest is recognised before it
    is analysed, and the same article re-wrapped or re-encoded is one document."""
    return content_id(text)


#: a plain full-text query ranks at most this many of the newest stored matches
TEXT_CANDIDATES = 500

#: a speaker query naming up to this many actors takes their newest statements first
SPEAKER_UNION = 1000

#: the order of statements without a text query (and not of one document, which come in
#: reading order): newest published first, then newest stored (on SQLite the (actor, day)
#: index holds both, as the rowid ends every index)
NEWEST_FIRST = (t.Statement.published_date.desc().nulls_last(), t.Statement.id.desc())

#: documents stored per transaction by :meth:`Ledger.ingest` (the runner has its own)
INGEST_BATCH = 32


@functools.cache
def _titles(lang: str) -> frozenset[str]:
    """Role nouns and titles of a language, folded: not part of a person's name."""
    from sayso.lang import SUPPORTED, load

    if lang not in SUPPORTED:
        return frozenset()
    return frozenset(identity.fold(n) for n in load(lang).role_nouns)


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
    pending = writer.Pending(doc_id, {}, Analysis(text="", lang=doc_lang), None, doc_lang,
                             None, None, None)  # fmt: skip
    resolver = writer.ActorResolver(session.connection(), _titles)
    wanted = writer.wanted_actor(resolver, pending, actor)
    resolver.prefetch([wanted])
    row, rule, score = resolver.resolve(wanted)
    resolver.write()
    assert row.id is not None
    return row.id, rule, score


_now = writer.now
actor_key = writer.actor_key
PER_DOCUMENT_KINDS = writer.PER_DOCUMENT_KINDS


def _utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything the ledger writes is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def published_day(value: object) -> dt.date | None:
    """The publication day from an ISO 8601 or RFC 2822 date (None when unparseable)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    m = _ISO_DAY.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _day(value: dt.date | dt.datetime | str) -> dt.date:
    day = published_day(value)
    if day is None:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)")
    return day


def _fields(document: DocumentLike | None, extra: Mapping[str, Any]) -> dict[str, Any]:
    """The document's fields from a Mapping, a dataclass (ingest's Document) or attributes."""
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


def normalise_url(url: str) -> str:
    """SQLAlchemy URL for ``url``: a bare path means SQLite, ``postgresql://`` means psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{url}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgres", "postgresql"):
        return f"postgresql+psycopg://{rest}"
    return url


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # the driver's own transaction handling off: SQLAlchemy's "begin" event below starts them
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 30000")
    # readers (Datasette, a second process) do not block the writer (no-op in memory)
    cursor.execute("PRAGMA journal_mode = WAL")
    # in WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses
    # no committed document and the file stays consistent; only a power cut may undo the
    # last commits. FULL cost more than storing the document itself (an fsync per document)
    cursor.execute("PRAGMA synchronous = NORMAL")
    # statement journals (a multi-row INSERT keeps one, to undo that statement alone) and
    # the temporary B-trees of sorts in memory, not in temporary files: storing a batch
    # wrote 100k pages to them (7 times the pages it stored), a fifth of what storing cost
    cursor.execute("PRAGMA temp_store = MEMORY")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # a writing transaction takes the write lock up front: one that reads (is this text
    # stored? which version is next?) and then writes cannot be overtaken by another writer
    # in between, and waits (busy_timeout) instead of failing with "database is locked"
    write = conn.get_execution_options().get(WRITE_OPTION)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def json_dumps(value: Any) -> str:
    """The text of a JSON column: orjson, several times faster than ``json`` (a document's
    analysis and its statements' framing are JSON, and serialising them was a tenth of
    storing a document); ``json`` for what orjson refuses (integers beyond 64 bits in a
    document's metadata). Non-ASCII characters are written as they are. Reading stays
    with ``json``: orjson reads such an integer as a float, which would lose digits."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(value, ensure_ascii=False)


def create_ledger_engine(url: str) -> Engine:
    """An engine for ``url`` with the ledger's per-backend settings."""
    sa_url = make_url(normalise_url(url))
    codec: dict[str, Any] = {"json_serializer": json_dumps}
    if sa_url.get_backend_name() == "sqlite":
        memory = sa_url.database in (None, "", ":memory:")
        if memory:
            engine = create_engine(
                sa_url,
                poolclass=StaticPool,
                connect_args={"check_same_thread": False},
                **codec,
            )
        else:
            engine = create_engine(sa_url, **codec)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(sa_url, pool_pre_ping=True, **codec)


class Ledger:
    """Many analyses in one database. Open with :meth:`open`; close with :meth:`close`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        writer = engine.execution_options(**{WRITE_OPTION: True})
        self._write_sessions = sessionmaker(writer, expire_on_commit=False)

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None, *, upgrade: bool = True) -> Ledger:
        """Open (and create or migrate to the current schema) the ledger at ``url``.

        ``url`` None means ``$SAYSO_DB``, else ``sqlite:///sayso.db`` in the working
        directory. A bare path is a SQLite file; ``postgresql://user@host/db`` uses
        psycopg 3. Raises a ``SaysoError`` when the database cannot be opened: E201 (a
        server), E209 (a SQLite file), E207 (locked), E208 (not a ledger), E016 (not a URL).
        """
        url = url or os.environ.get(ENV_VAR) or DEFAULT_URL
        try:
            engine = create_ledger_engine(url)
            if upgrade:
                migrate.upgrade(engine.execution_options(**{WRITE_OPTION: True}))
        except (SQLAlchemyError, ArgumentError, OSError) as exc:
            raise failures.open_error(normalise_url(url), _safe(url), exc) from exc
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A writing session in one transaction: committed on success, rolled back on
        exception. (Reading needs no transaction of its own: ``Session(ledger.engine)``.)"""
        with self._write_sessions() as session, session.begin():
            yield session

    # --- writing -----------------------------------------------------------------------

    def contains(self, document_id: str) -> bool:
        """Whether a document with this content hash is stored (cheap; before analysing)."""
        with self._sessions() as session:
            found = session.scalar(select(t.Document.id).where(t.Document.id == document_id))
            return found is not None

    def add(
        self,
        document: DocumentLike | None = None,
        analysis: Analysis | None = None,
        *,
        run_id: int | None = None,
        **fields: Any,
    ) -> AddResult:
        """Store one document and its analysis in one transaction.

        ``document`` is ingest's ``Document``, a Mapping, or nothing; keyword ``fields``
        (``url=``, ``title=``, ``site=`` ...) add to or override it. Missing text, title,
        url and published come from the analysis. The key is :func:`content_hash` of the
        document's text; the stored text is the analysis's (the one its offsets refer to).
        """
        if analysis is None:
            raise TypeError("Ledger.add needs the document's analysis")
        pending = _pending(document, analysis, fields)
        return self._store([pending], run_id)[0]

    def add_many(
        self,
        items: Iterable[tuple[DocumentLike | None, Analysis]],
        *,
        run_id: int | None = None,
    ) -> list[AddResult]:
        """Store several documents in one transaction: :meth:`add` for each, in order.

        The batch is written with a fixed number of statements (see
        :mod:`sayso.ledger.writer`), several times faster than a transaction per
        document, and whole or not at all: when one document is bad (its analysis is of
        another text) or the database refuses the batch, the exception is raised and
        nothing of the batch is stored. Callers that must not lose the rest store each
        document with :meth:`add` then (as :meth:`ingest` and ``sayso ingest`` do).
        """
        pending = [_pending(document, analysis, {}) for document, analysis in items]
        return self._store(pending, run_id) if pending else []

    def _store(self, pending: Sequence[writer.Pending], run_id: int | None) -> list[AddResult]:
        for attempt in range(_ATTEMPTS):
            try:
                with self.session() as session:
                    return writer.store(session, pending, run_id, _titles)
            except IntegrityError:
                # another writer stored the same text, a same new actor or claim, or took
                # the next version number: the next attempt sees its rows
                if attempt == _ATTEMPTS - 1:
                    raise
            except OperationalError as exc:
                # PostgreSQL broke a deadlock between two writers: try again
                if _sqlstate(exc) not in _RETRY_SQLSTATES or attempt == _ATTEMPTS - 1:
                    raise
            time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def stored(self, document_ids: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored (one query, the same text every time:
        ingest asks before every batch, and compiling an ORM query for it took longer
        than running it)."""
        ids = sorted(set(document_ids))
        if not ids:
            return set()
        with self.engine.connect() as conn:
            rows = writer.where_in(conn, "SELECT id FROM documents", "id", ids)
            return {doc_id for (doc_id,) in rows}

    def count_duplicates(self, run_id: int, n: int) -> None:
        """Count ``n`` documents of run ``run_id`` as already stored."""
        with self.session() as session:
            _count(session, run_id, duplicates=n)

    def mark_duplicate(self, doc_id: str, run_id: int | None) -> AddResult:
        """Count a document already stored as a duplicate of run ``run_id``."""
        with self.session() as session:
            result = _stored(session, doc_id)
            assert result is not None
            if run_id is not None:
                _count(session, run_id, duplicates=1)
            return result

    def add_error(
        self,
        source: str | None,
        code: str,
        message: str,
        *,
        url: str | None = None,
        run_id: int | None = None,
    ) -> int:
        """Record a document that failed; returns the row id of ``errors``."""
        with self.session() as session:
            row = t.Error(source=source, url=url, code=code, message=message, at=_now())
            row.run_id = run_id
            session.add(row)
            if run_id is not None:
                _count(session, run_id, failed=1)
            session.flush()
            return row.id

    def add_exception(
        self,
        source: str | None,
        exc: BaseException,
        *,
        url: str | None = None,
        run_id: int | None = None,
    ) -> str:
        """Record an exception as an error row with its code; returns the code.

        A ``SaysoError`` keeps its own code; a database error is ``E204``; anything else
        ``E203``.
        """
        if isinstance(exc, SaysoError):
            code, message = exc.code, str(exc)
        elif isinstance(exc, SQLAlchemyError):
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            code = errors.E204.code
            message = f"{code}: {errors.E204.format(source=source, detail=detail)}"
        else:
            code = errors.E203.code
            detail = errors.E203.format(kind=type(exc).__name__, source=source, detail=exc)
            message = f"{code}: {detail}"
        self.add_error(source, code, message, url=url, run_id=run_id)
        return code

    def start_run(self, note: str | None = None) -> int:
        with self.session() as session:
            run = t.Run(
                started_at=_now(),
                note=note,
                added=0,
                new_versions=0,
                duplicates=0,
                failed=0,
                statements=0,
            )
            session.add(run)
            session.flush()
            return run.id

    def finish_run(self, run_id: int) -> None:
        with self.session() as session:
            session.execute(update(t.Run).where(t.Run.id == run_id).values(finished_at=_now()))

    def ingest(
        self,
        documents: Iterable[DocumentLike],
        analyze: Callable[[Mapping[str, Any]], Analysis] | None = None,
        *,
        note: str | None = None,
    ) -> RunSummary:
        """Analyse and store many documents as one run; failures become error rows.

        A document whose text is already stored is not analysed again. ``analyze`` maps a
        document's fields to its Analysis (default: :func:`sayso.analyze` with its text,
        language, title, url and published date).
        """
        analyze = analyze or _default_analyze
        summary = RunSummary(run_id=self.start_run(note))
        batch: list[tuple[dict[str, Any], Analysis]] = []
        analysed: dict[str, Analysis] = {}  # the batch's texts: a repeat is not analysed again
        try:
            for document in documents:
                doc = _fields(document, {})
                try:
                    text = doc.get("text")
                    key = content_hash(text) if isinstance(text, str) else None
                    if key in analysed:  # stored with the batch, as a duplicate
                        batch.append((doc, analysed[key]))
                        continue
                    if key is not None and self.contains(key):
                        self.mark_duplicate(key, summary.run_id)
                        summary.duplicates += 1
                        continue
                    analysis = analyze(doc)
                    batch.append((doc, analysis))
                    if key is not None:
                        analysed[key] = analysis
                except Exception as exc:
                    self._fail(doc, exc, summary)
                if len(batch) >= INGEST_BATCH:
                    self.add_batch(batch, summary)
                    batch, analysed = [], {}
            self.add_batch(batch, summary)
        finally:
            self.finish_run(summary.run_id)
        return summary

    def _fail(self, document: DocumentLike, exc: BaseException, summary: RunSummary) -> None:
        doc = _fields(document, {})
        source = doc.get("source") or doc.get("url") or doc.get("id")
        source = None if source is None else str(source)
        summary.fail(self.add_exception(source, exc, url=doc.get("url"), run_id=summary.run_id))

    def add_batch(
        self, batch: Sequence[tuple[DocumentLike, Analysis]], summary: RunSummary
    ) -> None:
        """Store analysed documents of run ``summary`` together (:meth:`add_many`); if the
        batch fails, one by one, so that a document that cannot be stored becomes an error
        row and costs only itself. Counts land in ``summary`` (and ``runs``)."""
        if not batch:
            return
        try:
            for result in self.add_many(batch, run_id=summary.run_id):
                summary.count(result)
            return
        except Exception:  # each document is tried again on its own below
            pass
        for doc, analysis in batch:
            try:
                summary.count(self.add(doc, analysis, run_id=summary.run_id))
            except Exception as exc:
                self._fail(doc, exc, summary)

    # --- reading -----------------------------------------------------------------------

    def get_document(self, document_id: str) -> DocumentRecord | None:
        """The stored document (with its text), or None."""
        with self._sessions() as session:
            row = session.get(t.Document, document_id)
            return None if row is None else _document_record(row, with_text=True)

    def find_document(self, ref: str) -> DocumentRecord:
        """A stored document by id, unique id prefix (at least 6 characters) or URL (its
        latest version); ``SaysoError(E202)`` when none or several match."""
        d = t.Document
        with self._sessions() as session:
            row = session.get(d, ref)
            if row is None and "://" in ref:
                row = session.scalars(
                    select(d).where(d.url == ref).order_by(d.version.desc()).limit(1)
                ).first()
            if row is None and len(ref) >= 6:
                found = session.scalars(select(d).where(d.id.startswith(ref)).limit(2)).all()
                row = found[0] if len(found) == 1 else None
            if row is None:
                raise SaysoError(errors.E202, id=ref)
            return _document_record(row, with_text=True)

    def analysis(self, document_id: str) -> Analysis:
        """The document's Analysis, exactly as it was added. ``SaysoError(E202)`` if absent."""
        d = t.Document
        with self._sessions() as session:
            row = session.execute(select(d.analysis, d.text).where(d.id == document_id)).first()
        if row is None:
            raise SaysoError(errors.E202, id=document_id)
        data, text = row
        # the JSON holds all but the text, which is the row's text column (migration 0007)
        return Analysis.from_dict({**data, "text": text})

    def documents(
        self,
        *,
        url: str | None = None,
        site: str | None = None,
        lang: str | None = None,
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
        latest: bool = False,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[DocumentRecord]:
        """Documents, newest publication first (versions of one URL in order).

        ``since``/``until`` bound the publication day (inclusive); ``latest`` keeps only
        the newest version of each URL.
        """
        d = t.Document
        query = select(d)
        if url is not None:
            query = query.where(d.url == url)
        if site is not None:
            query = query.where(func.lower(d.site) == site.lower())
        if lang is not None:
            query = query.where(d.lang == lang)
        query = query.where(*_date_range(since, until, d.published_date))
        if latest:
            newer = aliased(t.Document)
            query = query.where(~exists().where(newer.url == d.url, newer.version > d.version))
        query = query.order_by(
            d.published_date.desc().nulls_last(), d.url, d.version, d.ingested_at
        )
        query = query.offset(offset).limit(limit)
        with self._sessions() as session:
            return [_document_record(row) for row in session.scalars(query)]

    def statements(
        self,
        *,
        speaker: str | int | None = None,
        about: str | None = None,
        outlet: str | None = None,
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
        framing: str | Sequence[str] | None = None,
        lang: str | None = None,
        form: str | None = None,
        document_id: str | None = None,
        statement_id: int | None = None,
        claim_id: int | None = None,
        limit: int | None = 100,
        offset: int = 0,
        recent: bool = False,
    ) -> list[StatementRecord]:
        """Statements matching every given filter.

        * ``speaker``: a ledger actor id, or a name: case-insensitive part of the ledger
          actor's name ("scholz" finds "Olaf Scholz");
        * ``about``: full-text query over content and speaker (see :meth:`search`); the
          results are then ranked best first, otherwise newest publication first (then
          newest stored; with ``document_id``, in reading order);
        * ``outlet``: the document's site (case-insensitive, exact);
        * ``since``/``until``: publication day, inclusive (date or "YYYY-MM-DD");
        * ``framing``: one label or several (all must hold): hearsay, hedged, neutral,
          distancing, endorsing, confirmed, unconfirmed, denied;
        * ``lang``, ``form``, ``document_id``, ``statement_id``, ``claim_id``: exact;
        * ``recent``: a plain ``about`` query (no other filter) takes the newest ``limit``
          matches, ranked among themselves, instead of the best ranked of the newest
          ``TEXT_CANDIDATES`` (what :meth:`accounts` groups).
        """
        rows = self._statement_rows(
            False,
            speaker=speaker,
            about=about,
            outlet=outlet,
            since=since,
            until=until,
            framing=framing,
            lang=lang,
            form=form,
            document_id=document_id,
            statement_id=statement_id,
            claim_id=claim_id,
            limit=limit,
            offset=offset,
            recent=recent,
        )
        return [_statement_record(row) for row in rows]

    def _statement_rows(
        self,
        light: bool,
        *,
        speaker: str | int | None = None,
        about: str | None = None,
        outlet: str | None = None,
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
        framing: str | Sequence[str] | None = None,
        lang: str | None = None,
        form: str | None = None,
        document_id: str | None = None,
        statement_id: int | None = None,
        claim_id: int | None = None,
        limit: int | None = 100,
        offset: int = 0,
        recent: bool = False,
    ) -> list[Any]:
        """The rows of :meth:`statements`; ``light``: only what an accounts view needs
        (no JSON columns to decode, no ORM entity to fill); ``recent``: a plain text query
        takes the newest ``limit`` matches (ranked among themselves) instead of the best
        ranked of the newest ``TEXT_CANDIDATES``."""
        s, d, a = t.Statement, t.Document, t.Actor
        columns: list[Any] = (
            [
                s.id, s.content, s.lang, s.speaker, s.hearsay, s.hedged, s.stance,
                s.confirmation, s.claim_id, s.published_date, d.title, d.site, a.name,
            ]
            if light
            else [s, d.url, d.title, d.site, d.published, d.published_date, a.name, a.kind]
        )  # fmt: skip
        rank: ColumnElement[Any] | None = None
        match: ColumnElement[bool] | None = None
        if about is not None:
            if self.dialect == "sqlite":
                match, rank = fulltext.sqlite_match(about, lang)
            else:
                match, rank = fulltext.postgresql_match(about, lang)
            columns.append(rank.label("rank"))
        plain = (
            about is not None
            and limit is not None
            and not any(
                x is not None
                for x in (speaker, outlet, since, until, framing, form, document_id, statement_id)
            )
            and claim_id is None
        )
        sqlite_plain = plain and self.dialect == "sqlite"
        page = limit + offset if limit is not None else 0
        candidates = page if recent else max(TEXT_CANDIDATES, page * 2)
        expr = fulltext.fts5_query(about, lang) if sqlite_plain and about is not None else None
        pg_top: Any = None
        if plain and self.dialect == "postgresql" and match is not None and limit is not None:
            # PostgreSQL ranks with ts_rank, which reads every match's tsvector: a common
            # word matches 50k+ statements. A plain text query ranks the newest stored
            # matches only: for a common word the planner walks the primary key backwards
            # testing each row (1 ms for "Sanktionen", in 194k statements), for a rare one
            # the GIN index finds them all. (Newest *published* first read and sorted every
            # match: 400-600 ms.)
            newest = select(s.id).where(match).order_by(s.id.desc()).limit(candidates)
            # ranked among themselves (statements only), and only the page joined
            assert rank is not None
            top = (
                select(s.id.label("sid"), rank.label("score"))
                .where(s.id.in_(newest.scalar_subquery()))
                .order_by(rank)
                .limit(limit + offset)
                .subquery()
            )
            columns[-1] = top.c.score.label("rank")
            rank, match = top.c.score, None
            pg_top = top
        if sqlite_plain and expr is not None and limit is not None:
            # a plain text query: the newest matches inside the FTS index, ranked by bm25,
            # and only those joined — a common stem ("sanktion*") matches 50k+ statements,
            # and bm25 for every one of them (tens of µs each), joining and sorting them
            # cost 0.25-0.7 s on a million statements
            best = (
                select(literal_column("rowid").label("sid"), literal_column("rank").label("score"))
                .select_from(text("statements_fts"))
                .where(literal_column("statements_fts").op("MATCH")(expr))
                .order_by(literal_column("rowid").desc())
                .limit(candidates)
                .subquery()
            )
            if lang is None:  # nothing filters them after the join: only the page is joined
                best = (
                    select(best.c.sid, best.c.score)
                    .order_by(best.c.score)
                    .limit(limit + offset)
                    .subquery()
                )
            columns[-1] = best.c.score.label("rank")
            rank = best.c.score
            match = _lang_condition(lang)
            query = (
                select(*columns)
                .join(best, best.c.sid == s.id)
                .join(d, d.id == s.document_id)
                .outerjoin(a, a.id == s.actor_id)
            )
        else:
            query = select(*columns).join(d, d.id == s.document_id).outerjoin(a, a.id == s.actor_id)
            if pg_top is not None:
                query = query.join(pg_top, pg_top.c.sid == s.id)
            if match is not None and self.dialect == "sqlite":
                fts = fulltext.FTS5_TABLE
                query = query.join(fts, fts.c.rowid == s.id)
        if match is not None:
            query = query.where(match)
        # the filters on statement columns: for the query, and for a speaker's candidates
        conds = [*_date_range(since, until), *_framing_conditions(framing)]
        conds += [
            col == value
            for col, value in (
                (s.lang, lang), (s.form, form), (s.document_id, document_id),
                (s.id, statement_id), (s.claim_id, claim_id),
            )
            if value is not None
        ]  # fmt: skip
        if speaker is not None:
            if isinstance(speaker, int):
                ids = [speaker]
            else:
                # the actors first (what the identity rule would merge: see
                # sayso.ledger.speakers; E210 naming the nearest when none), then their
                # statements by their actor_id index: as one join the planners walked
                # every statement by date testing the name on each (2.5 s on a million
                # statements on SQLite)
                with self._sessions() as session:
                    ids = speaker_query.ids(session, speaker)
            if (
                ids
                and rank is None
                and outlet is None
                and document_id is None
                and limit
                and len(ids) <= SPEAKER_UNION
            ):
                query = query.where(s.id.in_(self._newest_of(ids, limit + offset, conds)))
            else:
                query = query.where(s.actor_id.in_(ids))
        if outlet is not None:
            query = query.where(func.lower(d.site) == outlet.lower())
        query = query.where(*conds)
        if rank is not None:
            query = query.order_by(rank, s.id)
        elif document_id is not None:
            query = query.order_by(s.id)  # one article: in reading order
        else:
            query = query.order_by(*NEWEST_FIRST)
        query = query.offset(offset).limit(limit)
        with self._sessions() as session:
            return list(session.execute(query))

    def _newest_of(self, ids: Sequence[int], k: int, conds: Sequence[ColumnElement[bool]]) -> Any:
        """The ids of the ``k`` newest statements of the actors ``ids`` that pass the
        statement-level filters ``conds``, as a subquery: only those are joined and loaded.

        The (actor, day) index gives each actor's statements newest first; on SQLite it
        holds the rowid too, so the candidates are read from the index alone. On
        PostgreSQL several actors (65 share the surname Smith) are merged by a LATERAL
        join over the ids as one array parameter — one plan for any number — each
        giving at most ``k``. Joining every candidate before taking the newest cost
        100-180 ms on a million statements (heap pages of 1,200 rows and their documents).
        """
        s = t.Statement
        if self.dialect == "postgresql" and len(ids) > 1:
            who = func.unnest(bindparam("speaker_ids", list(ids), type_=ARRAY(Integer)))
            who_t = who.table_valued("aid").render_derived()
            per_actor = (
                select(s.id, s.published_date)
                .where(s.actor_id == who_t.c.aid, *conds)
                .order_by(*NEWEST_FIRST)
                .limit(k)
                .lateral()
            )
            return (
                select(per_actor.c.id)
                .select_from(who_t)
                .join(per_actor, true())
                .order_by(per_actor.c.published_date.desc().nulls_last(), per_actor.c.id.desc())
                .limit(k)
            )
        return select(s.id).where(s.actor_id.in_(ids), *conds).order_by(*NEWEST_FIRST).limit(k)

    def speakers(self, name: str) -> speaker_query.SpeakerMatch:
        """The ledger actors a speaker query ``name`` means, each with the identity rule
        that matched it, or the nearest names when none (see :mod:`sayso.ledger.speakers`)."""
        with self._sessions() as session:
            return speaker_query.match(session, name)

    def search(
        self, text: str, lang: str | None = None, *, limit: int | None = 20
    ) -> list[StatementRecord]:
        """Full-text search over statement content and speaker, best match first.

        ``lang`` ("de"/"en") searches statements of that language with its stemming;
        None searches all, each in its own language. See ``sayso.ledger.fulltext``.
        """
        return self.statements(about=text, lang=lang, limit=limit)

    def actors(
        self,
        *,
        name: str | None = None,
        kind: str | None = None,
        limit: int | None = 100,
    ) -> list[ActorRecord]:
        """Ledger actors, those with the most statements first."""
        a, s = t.Actor, t.Statement
        n_statements = func.count(s.id)
        query = (
            select(a, n_statements, func.count(func.distinct(s.document_id)))
            .outerjoin(s, s.actor_id == a.id)
            .group_by(a.id)
            .order_by(n_statements.desc(), a.name)
            .limit(limit)
        )
        if name is not None:
            wanted = identity.name_key(name) or actor_key(name)
            query = query.where(a.key.contains(wanted, autoescape=True))
        if kind is not None:
            query = query.where(a.kind == kind)
        query = query.where(a.merged_into.is_(None))
        with self._sessions() as session:
            return [
                ActorRecord(
                    id=row.id,
                    name=row.name,
                    kind=row.kind,
                    role=row.role,
                    aliases=tuple(row.aliases),
                    statements=n,
                    documents=docs,
                )
                for row, n, docs in session.execute(query)
            ]

    # --- claims and accounts across articles -------------------------------------------

    def claims(
        self, *, min_appearances: int = 1, limit: int | None = 100, **filters: Any
    ) -> list[dict[str, Any]]:
        """Claims with a statement matching ``filters`` (as :meth:`statements`, over every
        match) carried by at least ``min_appearances`` documents, the most widespread
        first: ``appearances`` counts documents (a quote fragment and the sentence holding
        it are one), ``mentions`` statements; ``statements`` lists one per document (the
        longest, the others as its ``fragments``). See :mod:`sayso.ledger.claim_query`."""
        from sayso.ledger import claim_query

        return claim_query.claims(self, min_appearances=min_appearances, limit=limit, **filters)

    def appearances(self, claim_id: int, limit: int | None = 200) -> list[StatementRecord]:
        """Every statement that is an appearance of claim ``claim_id``, earliest first."""
        rows = self.statements(claim_id=claim_id, limit=limit)
        return sorted(rows, key=lambda r: (r.published_date or dt.date.max, r.id))

    def accounts(
        self,
        query: str,
        *,
        lang: str | None = None,
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
        limit: int = 200,
    ) -> list[Any]:
        """The accounts of the events a full-text ``query`` finds: statements matching it
        (the newest ``limit``; with ``since``/``until``, the best ranked ``limit`` of that
        window), grouped into events by salient terms and dates; per event each source's
        statements and the relations between sources (same claim, disputes, contradicts,
        supports) with evidence and confidence. See :mod:`sayso.ledger.accounts`."""
        from sayso.ledger import accounts as acc

        # the newest matches: an event's accounts are recent, and a word in thousands of
        # statements need not be ranked over more than the page (see README, topics)
        rows = self._statement_rows(
            True, about=query, lang=lang, since=since, until=until, limit=limit, recent=True
        )
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
            )
            for r in rows
        ]
        events = acc.group_events(items)
        # stated disputes inside one article join the cross-article relations (only
        # between statements of one event: single-statement events need no query)
        ids = [int(i.id) for e in events if len(e.items) > 1 for i in e.items]
        if ids:
            rel = t.Relation
            if self.dialect == "postgresql":
                # one array parameter: the same statement for any number of ids, so neither
                # SQLAlchemy nor psycopg rewrites a fresh IN list of 200 ids every time
                param = bindparam("ids", ids, type_=ARRAY(Integer))
                among: list[ColumnElement[bool]] = [
                    rel.source_id == any_(param),
                    rel.target_id == any_(param),
                ]
            else:
                among = [rel.source_id.in_(ids), rel.target_id.in_(ids)]
            with self._sessions() as session:
                stated = session.execute(
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

    # --- actors across articles: explainable, reversible merges ---------------------------

    def merge_actors(self, into: int, other: int, note: str | None = None) -> int:
        """Merge ledger actor ``other`` into ``into`` (both stay in ``actors``; ``other``
        gets ``merged_into``). Every moved row is recorded in ``actor_merges``, so
        :meth:`split_actor` undoes it exactly. Returns the merge id."""
        if into == other:
            raise SaysoError(errors.E205, detail="an actor cannot be merged into itself")
        with self.session() as session:
            for aid in (into, other):
                row = session.get(t.Actor, aid)
                if row is None or row.merged_into is not None:
                    raise SaysoError(errors.E205, detail=f"actor {aid} is unknown or merged")
            moved = _move_actor(session, other, into, "manual.merge")
            session.get_one(t.Actor, other).merged_into = into
            merge = t.ActorMerge(
                into_id=into, from_id=other, rule="manual.merge", note=note, moved=moved, at=_now()
            )
            session.add(merge)
            session.flush()
            return merge.id

    def split_actor(self, merge_id: int) -> None:
        """Undo merge ``merge_id``: every row it moved goes back to the merged actor."""
        with self.session() as session:
            merge = session.get(t.ActorMerge, merge_id)
            if merge is None or merge.undone_at is not None:
                raise SaysoError(errors.E205, detail=f"merge {merge_id} is unknown or undone")
            _restore(session, merge.moved, merge.into_id, merge.from_id)
            back = session.get_one(t.Actor, merge.from_id)
            back.merged_into = None if back.merged_into == merge.into_id else back.merged_into
            merge.undone_at = _now()

    def split_name(self, actor_id: int, name: str, note: str | None = None) -> int:
        """Move the documents that wrote ``name`` for actor ``actor_id`` to a new actor
        ("two people called Berger"); returns the new actor's id. Recorded as a
        ``manual.split`` in ``actor_merges`` (undo with :meth:`split_actor`)."""
        with self.session() as session:
            old = session.get(t.Actor, actor_id)
            if old is None:
                raise SaysoError(errors.E205, detail=f"actor {actor_id} is unknown")
            da = t.DocumentActor
            rows = session.scalars(select(da).where(da.actor_id == actor_id, da.name == name)).all()
            if not rows:
                raise SaysoError(errors.E205, detail=f"actor {actor_id} was never written {name!r}")
            new = t.Actor(
                name=name,
                key=f"{old.key}#split{len(old.aliases)}-{_now().timestamp():.0f}",
                kind=old.kind,
                role=rows[-1].role,
                aliases=[],
                first_seen=_now(),
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
                    at=_now(),
                )
            )
            return new.id

    def merges(self, actor_id: int | None = None) -> list[dict[str, Any]]:
        """The merge and split log, newest first (for one actor when given)."""
        m = t.ActorMerge
        query = select(m).order_by(m.id.desc())
        if actor_id is not None:
            query = query.where((m.into_id == actor_id) | (m.from_id == actor_id))
        with self._sessions() as session:
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
                for r in session.scalars(query)
            ]

    def errors(
        self, *, code: str | None = None, run_id: int | None = None, limit: int | None = 100
    ) -> list[ErrorRecord]:
        e = t.Error
        query = select(e).order_by(e.id).limit(limit)
        if code is not None:
            query = query.where(e.code == code)
        if run_id is not None:
            query = query.where(e.run_id == run_id)
        with self._sessions() as session:
            return [
                ErrorRecord(r.id, r.source, r.url, r.code, r.message, _utc(r.at), r.run_id)
                for r in session.scalars(query)
            ]

    def runs(self, *, limit: int | None = 20) -> list[RunRecord]:
        """The ingest runs, newest first, with their counts (see :mod:`.listing`)."""
        return listing.runs(self, limit=limit)

    def stats(self) -> dict[str, Any]:
        """Counts: documents, URLs, statements, actors, relations, errors, runs; by language."""
        revision = migrate.current(self.engine)
        with self._sessions() as session:

            def count(what: Any) -> int:
                return int(session.scalar(select(what)) or 0)

            by_lang = dict(
                session.execute(
                    select(t.Document.lang, func.count()).group_by(t.Document.lang)
                ).all()
            )
            by_form = dict(
                session.execute(
                    select(t.Statement.form, func.count()).group_by(t.Statement.form)
                ).all()
            )
            return {
                "backend": self.dialect,
                "schema": revision,
                "documents": count(func.count(t.Document.id)),
                "urls": count(func.count(func.distinct(t.Document.url))),
                "statements": count(func.count(t.Statement.id)),
                "actors": count(func.count(t.Actor.id)),
                "relations": count(func.count(t.Relation.id)),
                "errors": count(func.count(t.Error.id)),
                "runs": count(func.count(t.Run.id)),
                "documents_by_lang": {str(k): int(v) for k, v in by_lang.items()},
                "statements_by_form": {str(k): int(v) for k, v in by_form.items()},
            }


# --- writing one document ---------------------------------------------------------------


def _pending(
    document: DocumentLike | None, analysis: Analysis | None, fields: Mapping[str, Any]
) -> writer.Pending:
    """A document ready for :func:`writer.store`: its key and fields, checked."""
    if analysis is None:
        raise TypeError("Ledger.add needs the document's analysis")
    doc = _fields(document, fields)
    text = doc.get("text")
    if text is None:
        text = analysis.text
    if len(text) != len(analysis.text):
        raise ValueError(
            f"the analysis is not of this text ({len(analysis.text)} characters "
            f"analysed, {len(text)} given)"
        )
    doc_id = content_hash(text)
    lang = analysis.lang if analysis.lang not in ("", "und") else (doc.get("lang") or "und")
    published = doc.get("published") or analysis.published
    meta = dict(doc.get("meta") or {})
    meta.update({k: v for k, v in doc.items() if k not in DOCUMENT_FIELDS})
    if doc.get("id") and doc["id"] != doc_id:
        meta["source_id"] = doc["id"]  # ingest's own id, when it is not our content hash
    return writer.Pending(
        doc_id=doc_id,
        doc=doc,
        analysis=analysis,
        url=doc.get("url") or analysis.url,
        lang=lang,
        published=published,
        day=published_day(published),
        meta=_jsonable(meta) or None,
    )


def _stored(session: Session, doc_id: str) -> AddResult | None:
    """The "duplicate" result for a stored document (None when not stored)."""
    d = t.Document
    row = session.execute(select(d.url, d.version).where(d.id == doc_id)).one_or_none()
    return None if row is None else AddResult("duplicate", doc_id, row.url, row.version)


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


def _count(session: Session, run_id: int, **increments: int) -> None:
    run = t.Run.__table__.c
    values = {name: run[name] + n for name, n in increments.items()}
    session.execute(update(t.Run).where(t.Run.id == run_id).values(values))


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


def _default_analyze(doc: Mapping[str, Any]) -> Analysis:
    from sayso.lang import SUPPORTED
    from sayso.pipeline import analyze

    lang = doc.get("lang")
    published = doc.get("published")
    return analyze(
        doc["text"],
        lang=lang if lang in SUPPORTED else None,
        title=doc.get("title"),
        url=doc.get("url"),
        published=None if published is None else str(published),
    )


# --- reading ----------------------------------------------------------------------------


def _lang_condition(lang: str | None) -> ColumnElement[bool] | None:
    """The language condition of a full-text query (None: every language)."""
    return None if lang is None else t.Statement.lang == lang


def _date_range(
    since: dt.date | dt.datetime | str | None,
    until: dt.date | dt.datetime | str | None,
    column: Any = None,
) -> list[ColumnElement[bool]]:
    """Conditions on a publication day (the statement's copy unless ``column`` is given)."""
    day = t.Statement.published_date if column is None else column
    out = []
    if since is not None:
        out.append(day >= _day(since))
    if until is not None:
        out.append(day <= _day(until))
    return out


def _framing_conditions(framing: str | Sequence[str] | None) -> list[ColumnElement[bool]]:
    if framing is None:
        return []
    labels = [framing] if isinstance(framing, str) else list(framing)
    s = t.Statement
    out: list[ColumnElement[bool]] = []
    for label in labels:
        if label == "hearsay":
            out.append(s.hearsay.is_(True))
        elif label == "hedged":
            out.append(s.hedged.is_(True))
        elif label in ("neutral", "distancing", "endorsing"):
            out.append(s.stance == label)
        elif label in ("confirmed", "unconfirmed", "denied"):
            out.append(s.confirmation == label)
        else:
            raise ValueError(f"unknown framing {label!r}; use one of {', '.join(FRAMING_LABELS)}")
    return out


def _document_record(row: t.Document, with_text: bool = False) -> DocumentRecord:
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
        ingested_at=_utc(row.ingested_at),
        statement_count=row.statement_count,
        run_id=row.run_id,
        meta=row.meta,
        text=row.text if with_text else None,
    )


def _statement_record(row: Any) -> StatementRecord:
    s: t.Statement = row[0]
    return StatementRecord(
        id=s.id,
        document_id=s.document_id,
        local_id=s.local_id,
        url=row.url,
        title=row.title,
        site=row.site,
        published=row.published,
        published_date=row.published_date,
        lang=s.lang,
        form=s.form,
        medium=s.medium,
        content=s.content,
        speaker=s.speaker,
        cue=s.cue,
        actor_id=s.actor_id,
        actor=row.name,
        actor_kind=row.kind,
        chain=tuple(s.chain),
        confidence=s.confidence,
        hearsay=bool(s.hearsay),
        hedged=bool(s.hedged),
        stance=s.stance,
        confirmation=s.confirmation,
        claim_id=s.claim_id,
        rank=float(row.rank) if "rank" in row._fields else None,
    )


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(normalise_url(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return url
