"""The ledger store: many analyses in one SQL database, searchable across documents.

Nothing lost, nothing doubled:

* a document is keyed by the hash of its text (:func:`content_hash`, the id ingest gives it:
  whitespace and Unicode normalisation do not count): adding the same text
  again writes nothing (``"duplicate"``); a different text at a URL already stored becomes
  the next version of that URL;
* each document is written in one transaction (document, actors, statements, relations,
  full-text rows, run counts): an exception part-way leaves nothing of it;
* in :meth:`Ledger.ingest` (the loop of ``sayso ingest``, :mod:`sayso.ledger.runner`), a
  document that cannot be analysed or stored becomes a row in ``errors`` with a code, and
  the run goes on.

:class:`Ledger` is the facade; the work is done by its modules: :mod:`.engine` (opening),
:mod:`.write` and :mod:`.writer` (storing), :mod:`.query` (statements, with
:class:`~sayso.ledger.query.StatementQuery`), :mod:`.reading` (documents, actors, counts,
accounts), :mod:`.merges` (actor merges and splits), :mod:`.runner` (ingest runs).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest import Document
from sayso.ledger import chains as chains_mod
from sayso.ledger import failures, listing, lookup, migrate, reading, write, writer
from sayso.ledger import query as q
from sayso.ledger import speakers as speaker_query
from sayso.ledger.chains import ChainRecord
from sayso.ledger.engine import (
    DEFAULT_URL,
    ENV_VAR,
    WRITE_OPTION,
    Database,
    create_ledger_engine,
    normalise_url,
    safe_url,
)
from sayso.ledger.listing import RunRecord
from sayso.ledger.query import FRAMING_LABELS, Day, StatementQuery, published_day
from sayso.ledger.records import (
    ActorRecord,
    AddResult,
    DocumentRecord,
    ErrorRecord,
    Rejected,
    RunSummary,
    StatementRecord,
)
from sayso.ledger.write import DocumentLike, content_hash, resolve_actor
from sayso.model import Analysis
from sayso.settings import DEFAULT, Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "DEFAULT_URL", "ENV_VAR", "FRAMING_LABELS", "Ledger", "StatementQuery", "actor_key",
    "content_hash", "normalise_url", "published_day", "resolve_actor",
]  # fmt: skip

actor_key = writer.actor_key
PER_DOCUMENT_KINDS = writer.PER_DOCUMENT_KINDS


class Ledger:
    """Many analyses in one database. Open with :meth:`open`; close with :meth:`close`.

    ``settings`` (:class:`~sayso.settings.Settings`) steers the analyses of
    :meth:`ingest` and ``settings.ledger`` the batch sizes, query candidates and claim
    and accounts thresholds."""

    def __init__(self, engine: Engine, settings: Settings = DEFAULT) -> None:
        self.db = Database(engine)
        self.engine = engine
        self.dialect = self.db.dialect
        self.settings = settings

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls, url: str | None = None, *, upgrade: bool = True, settings: Settings = DEFAULT
    ) -> Ledger:
        """Open (and create or migrate to the current schema) the ledger at ``url``.

        ``url`` None means ``$SAYSO_DB``, else ``sqlite:///sayso.db`` in the working
        directory. A bare path is a SQLite file; ``postgresql://user@host/db`` uses
        psycopg 3. Raises a ``SaysoError`` when the database cannot be opened: E201 (a
        server), E209 (a SQLite file), E207 (locked), E208 (not a ledger), E016 (not a URL).
        """
        url = url or os.environ.get(ENV_VAR) or DEFAULT_URL
        try:
            engine = create_ledger_engine(
                url, settings.ledger.pool_size, settings.ledger.pool_overflow
            )
            if upgrade and not migrate.at_head(engine):
                migrate.upgrade(engine.execution_options(**{WRITE_OPTION: True}))
        except (SQLAlchemyError, ArgumentError, OSError) as exc:
            raise failures.open_error(normalise_url(url), safe_url(url), exc) from exc
        return cls(engine, settings)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A writing ORM session in one transaction (the classes: :mod:`sayso.ledger.orm`):
        committed on success, rolled back on exception. Reading needs none:
        ``ledger.engine.connect()`` and the Core tables of :mod:`sayso.ledger.schema`."""
        with self.db.write() as session:
            yield session

    # --- writing -----------------------------------------------------------------------

    def contains(self, document_id: str) -> bool:
        """Whether a document with this content hash is stored (cheap; before analysing)."""
        return bool(self.stored([document_id]))

    def add(
        self,
        document: DocumentLike | None = None,
        analysis: Analysis | None = None,
        *,
        run_id: int | None = None,
        **fields: Any,
    ) -> AddResult:
        """Store one document and its analysis in one transaction.

        ``document`` is ingest's ``Document`` (its id is the content hash ingest computed),
        or a Mapping of its fields, or nothing; keyword ``fields`` (``url=``, ``title=``,
        ``site=`` ...) add to or override it; other keys go to ``meta``. Missing text,
        title, url and published come from the analysis. The key is :func:`content_hash`
        of the document's text; the stored text is the analysis's (the one its offsets
        refer to).
        """
        pending = write.pending_of(document, analysis, fields)
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
        pending = [write.pending_of(document, analysis, {}) for document, analysis in items]
        return self._store(pending, run_id) if pending else []

    def _store(self, pending: Sequence[writer.Pending], run_id: int | None) -> list[AddResult]:
        return write.store(self.db, pending, run_id, self.settings.ledger)

    def stored(self, document_ids: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored (one query, the same text every time:
        ingest asks before every batch, and compiling an ORM query for it took longer
        than running it)."""
        return write.stored(self.db, document_ids)

    def count_duplicates(self, run_id: int, n: int) -> None:
        """Count ``n`` documents of run ``run_id`` as already stored."""
        with self.db.write() as session:
            write.count(session, run_id, duplicates=n)

    def mark_duplicate(self, doc_id: str, run_id: int | None) -> AddResult:
        """Count a document already stored as a duplicate of run ``run_id``."""
        with self.db.write() as session:
            result = write.stored_result(session, doc_id)
            assert result is not None
            if run_id is not None:
                write.count(session, run_id, duplicates=1)
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
        return write.add_error(self.db, source, code, message, url, run_id)

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
        code, message = write.coded(source, exc)
        self.add_error(source, code, message, url=url, run_id=run_id)
        return code

    def start_run(self, note: str | None = None) -> int:
        return write.start_run(self.db, note)

    def finish_run(self, run_id: int) -> None:
        write.finish_run(self.db, run_id)

    def ingest(
        self,
        documents: Iterable[DocumentLike],
        analyze: Callable[[Mapping[str, Any]], Analysis] | None = None,
        *,
        note: str | None = None,
    ) -> RunSummary:
        """Analyse and store many documents as one run; failures become error rows.

        The loop of ``sayso ingest`` (:func:`sayso.ledger.runner.run_documents`) in this
        process: a document whose text is already stored (or repeated) is not analysed
        again; documents are stored a batch per transaction; counts land in ``runs``.
        ``analyze`` maps a document's fields to its Analysis (default:
        :func:`sayso.analyze` with its text, language, title, url and published date, and
        the ledger's ``settings``).
        """
        from sayso.ledger import runner  # worker processes: only when ingesting

        fn = analyze or functools.partial(_default_analyze, settings=self.settings)
        return runner.run_documents(
            self, _documents(documents), functools.partial(_analysed, fn), note=note
        )

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
                source, url = _where(doc)
                summary.fail(self.add_exception(source, exc, url=url, run_id=summary.run_id))

    # --- reading -----------------------------------------------------------------------

    def get_document(self, document_id: str) -> DocumentRecord | None:
        """The stored document (with its text), or None."""
        return reading.get_document(self.db, document_id)

    def find_document(self, ref: str) -> DocumentRecord:
        """A stored document by id, unique id prefix (at least 6 characters) or URL (its
        latest version); ``SaysoError(E202)`` when none or several match."""
        return reading.find_document(self.db, ref)

    def analysis(self, document_id: str) -> Analysis:
        """The document's Analysis, exactly as it was added. ``SaysoError(E202)`` if absent."""
        return reading.analysis(self.db, document_id)

    def documents(
        self,
        *,
        url: str | None = None,
        site: str | None = None,
        lang: str | None = None,
        since: Day | None = None,
        until: Day | None = None,
        latest: bool = False,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[DocumentRecord]:
        """Documents, newest publication first (versions of one URL in order).

        ``since``/``until`` bound the publication day (inclusive); ``latest`` keeps only
        the newest version of each URL.
        """
        return reading.documents(
            self.db,
            url=url,
            site=site,
            lang=lang,
            since=since,
            until=until,
            latest=latest,
            limit=limit,
            offset=offset,
        )

    def statements(
        self, query: StatementQuery | None = None, **filters: Any
    ) -> list[StatementRecord]:
        """Statements matching every given filter: a :class:`StatementQuery`, or its
        fields as keywords (``speaker=``, ``about=``, ``outlet=``, ``since=``, ``until=``,
        ``framing=``, ``lang=``, ``form=``, ``document_id=``, ``statement_id=``,
        ``claim_id=``, ``min_confidence=``, ``limit=``, ``offset=``, ``recent=``; see
        there)."""
        query = _query(query, filters)
        return q.statements(self.db, query, self.settings.ledger)

    def speakers(self, name: str) -> speaker_query.SpeakerMatch:
        """The ledger actors a speaker query ``name`` means, each with the identity rule
        that matched it, or the nearest names when none (see :mod:`sayso.ledger.speakers`)."""
        with self.db.read() as conn:
            return speaker_query.match(conn, name, self.settings.ledger)

    def search(
        self, text: str, lang: str | None = None, *, limit: int | None = 20
    ) -> list[StatementRecord]:
        """Full-text search over statement content and speaker, best match first.

        ``lang`` ("de"/"en") searches statements of that language with its stemming;
        None searches all, each in its own language. See ``sayso.ledger.fulltext``.
        """
        return self.statements(StatementQuery(about=text, lang=lang, limit=limit))

    def actors(
        self,
        *,
        name: str | None = None,
        kind: str | None = None,
        limit: int | None = 100,
    ) -> list[ActorRecord]:
        """Ledger actors, those with the most statements first."""
        return reading.actors(self.db, name=name, kind=kind, limit=limit)

    def actor(self, actor_id: int) -> ActorRecord | None:
        """Ledger actor ``actor_id`` with its counts, or None (see :mod:`.lookup`)."""
        return lookup.actor(self.db, actor_id)

    def chains(
        self, actor_id: int, *, limit: int | None = 50, documents: int = chains_mod.DOCUMENTS
    ) -> list[ChainRecord]:
        """The source chains (two hops or more, outermost source first) that hold actor
        ``actor_id``, each with the statements that carried it, in the actor's newest
        ``documents`` documents; the most recently carried chain first (see
        :mod:`.chains`)."""
        return chains_mod.chains(self.db, actor_id, limit=limit, documents=documents)

    def change_version(self) -> int:
        """A number that rises with every write to the ledger, by any process (see
        :func:`.lookup.change_version`): what a cache of answers is keyed by."""
        return lookup.change_version(self.db)

    def change_watch(self) -> lookup.ChangeWatch:
        """:meth:`change_version` over a connection of its own (one round trip a read; for
        one thread, e.g. a server's event loop; ``close()`` it when done)."""
        return lookup.ChangeWatch(self.db)

    def merged_into(self, actor_id: int) -> int | None:
        """The actor that ``actor_id`` was merged into, None when it is its own."""
        return lookup.merged_into(self.db, actor_id)

    def claim(self, claim_id: int) -> dict[str, Any] | None:
        """Claim ``claim_id`` as :meth:`claims` lists it, or None when absent."""
        return lookup.claim(self, claim_id)

    def correct(
        self,
        document_id: str,
        statement: str,
        kind: str,
        *,
        author: str,
        actor_id: int | None = None,
        actor_name: str | None = None,
        label: str | None = None,
        value: bool | None = None,
        note: str | None = None,
    ) -> int:
        """Record a reader's correction of statement ``statement`` ("s3") of a document:
        ``kind`` "speaker" (``actor_id`` or a new ``actor_name``), "not_statement" or
        "framing" (``label`` and whether it holds, ``value``). The stored analysis is not
        touched (see :mod:`.corrections`). E224/E229 when the statement or fields are wrong."""
        from sayso.ledger import corrections

        corrections.check(kind, actor_id, actor_name, label, value)
        ids = {s.id for s in self.analysis(document_id).statements}
        if statement not in ids:
            raise SaysoError(errors.E224, what="statement", value=statement)
        if actor_id is not None and self.actor(actor_id) is None:
            raise SaysoError(errors.E224, what="actor", value=actor_id)
        fields = {"actor_id": actor_id, "actor_name": actor_name, "label": label,
                  "value": value, "author": author, "note": note}  # fmt: skip
        return corrections.add(self.db, document_id, statement, kind, **fields)

    def corrections(
        self, document_ids: Sequence[str] | None = None, limit: int | None = 500
    ) -> list[Any]:
        """Readers' corrections (``CorrectionRecord``), newest first; of these documents
        when given."""
        from sayso.ledger import corrections

        return list(corrections.listed(self.db, document_ids, limit))

    # --- claims and accounts across articles -------------------------------------------

    def claims(
        self,
        query: StatementQuery | None = None,
        *,
        min_appearances: int = 1,
        limit: int | None = 100,
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """Claims with a statement matching ``query`` (or the ``filters`` of
        :meth:`statements`, over every match) carried by at least ``min_appearances``
        documents, the most widespread first: ``appearances`` counts documents (a quote
        fragment and the sentence holding it are one), ``mentions`` statements;
        ``statements`` lists one per document (the longest, the others as its
        ``fragments``). See :mod:`sayso.ledger.claim_query`."""
        from sayso.ledger import claim_query

        where = _query(query, filters)
        return claim_query.claims(self, where, min_appearances=min_appearances, limit=limit)

    def appearances(self, claim_id: int, limit: int | None = 200) -> list[StatementRecord]:
        """Every statement that is an appearance of claim ``claim_id``, earliest first."""
        rows = self.statements(StatementQuery(claim_id=claim_id, limit=limit))
        return sorted(rows, key=lambda r: (r.published_date or _LAST_DAY, r.id))

    def accounts(
        self,
        query: str,
        *,
        lang: str | None = None,
        since: Day | None = None,
        until: Day | None = None,
        limit: int | None = None,
    ) -> list[Any]:
        """The accounts of the events a full-text ``query`` finds: statements matching it
        (the newest ``limit``, default ``settings.ledger.accounts_limit``; with
        ``since``/``until``, the best ranked ``limit`` of that window), grouped into
        events by salient terms and dates; per event each source's statements and the
        relations between sources (same claim, disputes, contradicts, supports) with
        evidence and confidence. See :mod:`sayso.ledger.accounts`."""
        # the newest matches: an event's accounts are recent, and a word in thousands of
        # statements need not be ranked over more than the page (see README, topics)
        tuning = self.settings.ledger
        n = tuning.accounts_limit if limit is None else limit
        where = StatementQuery(about=query, lang=lang, since=since, until=until, limit=n,
                               recent=True)  # fmt: skip
        return reading.accounts(self.db, where, tuning)

    # --- actors across articles: explainable, reversible merges (see .merges) ------------

    def merge_actors(self, into: int, other: int, note: str | None = None) -> int:
        """Merge ledger actor ``other`` into ``into`` (both stay in ``actors``; ``other``
        gets ``merged_into``). Every moved row is recorded in ``actor_merges``, so
        :meth:`split_actor` undoes it exactly. Returns the merge id."""
        from sayso.ledger import merges

        return merges.merge_actors(self.db, into, other, note)

    def split_actor(self, merge_id: int) -> None:
        """Undo merge ``merge_id``: every row it moved goes back to the merged actor."""
        from sayso.ledger import merges

        merges.split_actor(self.db, merge_id)

    def split_name(self, actor_id: int, name: str, note: str | None = None) -> int:
        """Move the documents that wrote ``name`` for actor ``actor_id`` to a new actor
        ("two people called Berger"); returns the new actor's id. Recorded as a
        ``manual.split`` in ``actor_merges`` (undo with :meth:`split_actor`)."""
        from sayso.ledger import merges

        return merges.split_name(self.db, actor_id, name, note)

    def merges(self, actor_id: int | None = None) -> list[dict[str, Any]]:
        """The merge and split log, newest first (for one actor when given)."""
        from sayso.ledger import merges as merge_log

        return merge_log.merges(self.db, actor_id)

    def errors(
        self, *, code: str | None = None, run_id: int | None = None, limit: int | None = 100
    ) -> list[ErrorRecord]:
        return reading.errors_(self.db, code=code, run_id=run_id, limit=limit)

    def runs(self, *, limit: int | None = 20) -> list[RunRecord]:
        """The ingest runs, newest first, with their counts (see :mod:`.listing`)."""
        return listing.runs(self, limit=limit)

    def stats(self) -> dict[str, Any]:
        """Counts: documents, URLs, statements, actors, relations, errors, runs; by language."""
        return reading.stats(self.db)


#: after every publication day: undated appearances last
_LAST_DAY = dt.date.max


def _query(query: StatementQuery | None, filters: Mapping[str, Any]) -> StatementQuery:
    """``query``, or one built from keyword ``filters`` (TypeError for an unknown one)."""
    if query is None:
        return StatementQuery(**filters)
    if filters:
        return dataclasses.replace(query, **filters)
    return query


def _where(document: object) -> tuple[str | None, str | None]:
    """What an error row names a document by (source, URL or the caller's id), its URL."""
    if isinstance(document, Document):
        return write.label(document), document.url
    fields = write.fields_of(document, {})
    source, url = fields.get("source") or fields.get("url") or fields.get("id"), fields.get("url")
    return None if source is None else str(source), None if url is None else str(url)


def _documents(documents: Iterable[object]) -> Iterator[Document | Rejected]:
    """The documents given to :meth:`Ledger.ingest` as ingest's ``Document``, converted
    once; one that cannot be (no text, not text) as a rejected item (an error row)."""
    for document in documents:
        try:
            yield write.to_document(document)
        except Exception as exc:
            source, url = _where(document)
            yield Rejected(source, url, *write.coded(source, exc))


def _analysed(analyze: Callable[[Mapping[str, Any]], Analysis], doc: Document) -> Any:
    """``analyze`` of a document's fields, or its coded failure (never raises)."""
    from sayso.ledger.workers import Failure

    try:
        return analyze(doc.to_dict())
    except Exception as exc:
        return Failure(*write.coded(write.label(doc), exc))


def _default_analyze(doc: Mapping[str, Any], settings: Settings = DEFAULT) -> Analysis:
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
        settings=settings,
    )
