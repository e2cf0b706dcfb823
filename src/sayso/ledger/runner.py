"""Ingest runs: sources -> documents -> analyses in worker processes -> the ledger.

The main process reads the sources lazily (ingest), drops documents the ledger already
holds *before* analysing them (content hash), hands the rest to a pool of worker
processes in batches, and writes the results itself as they come in — one transaction
per batch (:meth:`Ledger.add_many`) — while the workers analyse the batches it has
handed them ahead; near the end it stores a few documents at a time, so that little is
left to store once the last analysis is done (the sizes: ``Settings.ledger``). A run killed at any
moment (even with SIGKILL) leaves whole batches only, and running it again adds exactly
the missing documents. A source or document that fails
becomes a row in the ``errors`` table with its code; the run goes on. So does a document
whose analysis takes longer than ``IngestOptions.doc_timeout`` (E035; its worker is
replaced, see :mod:`sayso.ledger.workers`).

Only the main process touches the database, so SQLite's single writer is never contended
and PostgreSQL needs one connection. Storing costs a fraction of what analysing does, so
one storing process keeps up with several workers: ``sayso ingest`` starts one worker per
CPU but one (at least one), and the main process stores on the CPU left. On Linux the
workers are forked from the warmed-up main process (models and lexicons loaded, the heap
frozen), so they start in milliseconds and share those pages; elsewhere they are spawned
and load them themselves. ``jobs=0`` analyses in this process.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing as mp
import sys
from collections import deque
from collections.abc import Callable, Iterable
from itertools import islice
from multiprocessing.context import BaseContext
from multiprocessing.pool import Pool
from typing import TYPE_CHECKING, TextIO

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest import Document, IngestError, IngestOptions, read_sources
from sayso.ledger.records import Rejected, RunSummary
from sayso.ledger.workers import CHUNK, Analyse, Engine, Failure, InProcess, WorkerPool
from sayso.ledger.write import label
from sayso.model import Analysis
from sayso.settings import DEFAULT, Settings

if TYPE_CHECKING:
    from sayso.ledger.store import Ledger

__all__ = [
    "CHUNK", "Failure", "Rejected", "analyse_document", "pool_context", "run", "run_documents",
    "start_pool", "warm_up",
]  # fmt: skip


def analyse_document(doc: Document, settings: Settings = DEFAULT) -> Analysis | Failure:
    """Worker: the analysis of one document, or its coded failure (never raises)."""
    import sayso

    try:
        analysis = sayso.analyze(
            doc.text,
            doc.lang,
            title=doc.title,
            url=doc.url,
            published=doc.published,
            settings=settings,
        )
    except SaysoError as exc:
        return Failure(exc.code, str(exc))
    except Exception as exc:  # a bug must not stop the batch; it becomes an error row
        detail = errors.E203.format(kind=type(exc).__name__, source=doc.source, detail=exc)
        return Failure(errors.E203.code, f"{errors.E203.code}: {detail}")
    if analysis.lang not in _frozen:  # its models were loaded for this document
        from sayso.lang import SUPPORTED

        _freeze({analysis.lang} & set(SUPPORTED))
    return analysis


#: the languages whose data and models this process has loaded and frozen
_frozen: set[str] = set()


def _freeze(langs: set[str]) -> None:
    """``gc.freeze`` once each language is loaded (at most once per language)."""
    if langs - _frozen:
        gc.freeze()
        _frozen.update(langs)


def warm_up() -> None:
    """Load both languages' data and models, then (once per process) move everything
    alive to the permanent generation (``gc.freeze``): a long run allocates millions of
    short-lived objects, and every full collection walked the models' and lexicons'
    objects again (a batch's claim rows cost three times their own time in collections).
    Once per language only, so a service calling :func:`run` again and again does not
    keep freezing what it has since thrown away. For worker pools (forked workers share the loaded
    pages); analysing in this process (``jobs=0``) loads a language when its first
    document comes, and freezes then (:func:`analyse_document`)."""
    import sayso

    sayso.analyze("„Ja“, sagte sie.", "de")
    sayso.analyze('"Yes," she said.', "en")
    _freeze({"de", "en"})


def pool_context() -> BaseContext:
    """How workers start: forked from the warmed-up process on Linux (milliseconds, the
    models' pages shared), spawned elsewhere (macOS and Windows, where forking a process
    with system frameworks loaded is unsafe)."""
    return mp.get_context("fork" if sys.platform == "linux" else "spawn")


def start_pool(jobs: int) -> Pool:
    """``jobs`` analysing workers in a ``multiprocessing.Pool``, warmed up (see
    :func:`pool_context`); for benchmarks of the worker pipeline (runs use
    :class:`~sayso.ledger.workers.WorkerPool`, which enforces the time budget)."""
    warm_up()  # before forking, so that the workers inherit the loaded models
    return pool_context().Pool(jobs, initializer=warm_up)


def run(
    ledger: Ledger,
    sources: Iterable[str],
    options: IngestOptions | None = None,
    *,
    jobs: int = 0,
    note: str | None = None,
    progress: Callable[[int], None] | None = None,
    settings: Settings | None = None,
) -> RunSummary:
    """Ingest ``sources`` into ``ledger`` with ``jobs`` worker processes analysing
    (0: analyse in this process too), each document with ``sayso.analyze`` and
    ``settings`` (default: the ledger's; ``Settings(evidence=False)`` for statements only).

    With workers, this process stores the analyses as they come in while the workers
    analyse the documents it has handed them ahead (see the module doc).
    ``progress`` is called with the number of documents (or failed sources) just
    finished, for a progress bar. Returns the run's counts, also stored in ``runs``.
    """
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (in this process) or more, not {jobs}")
    options = options or IngestOptions()
    settings = settings or ledger.settings
    if jobs > 0:
        warm_up()  # before forking, so that the workers inherit the loaded models
    return run_documents(
        ledger,
        read_sources(list(sources), options),
        functools.partial(analyse_document, settings=settings),
        jobs=jobs,
        note=note,
        progress=progress,
        doc_timeout=options.doc_timeout,
        settings=settings,
    )


def run_documents(
    ledger: Ledger,
    items: Iterable[Document | IngestError | Rejected],
    analyse: Analyse,
    *,
    jobs: int = 0,
    note: str | None = None,
    progress: Callable[[int], None] | None = None,
    doc_timeout: float = 0.0,
    settings: Settings | None = None,
) -> RunSummary:
    """The ingest loop of :func:`run` and :meth:`Ledger.ingest`: documents (read lazily
    from ``items``) not stored yet are analysed by ``analyse`` (``jobs`` worker
    processes, or this one) within ``doc_timeout`` seconds each (0: no limit) and stored
    a batch per transaction; what fails becomes an error row. One run in ``runs``."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (in this process) or more, not {jobs}")
    tuning = (settings or ledger.settings).ledger
    batch_size, tail = tuning.batch, tuning.tail
    summary = RunSummary(run_id=ledger.start_run(note))
    engine: Engine = (
        WorkerPool(
            jobs,
            analyse,
            pool_context(),
            doc_timeout=doc_timeout,
            initializer=warm_up,
            chunk=tuning.task_size,
        )
        if jobs > 0
        else InProcess(analyse, doc_timeout)
    )
    # documents handed to the workers, in order, each with its number in the engine; the
    # ids of those not stored yet, so that a repeat is not analysed twice
    waiting: deque[tuple[Document, int]] = deque()
    unstored: set[str] = set()
    ready: list[tuple[Document, Analysis | Failure]] = []
    exhausted = False
    try:
        it = iter(items)
        while True:
            while not exhausted and len(waiting) < tuning.ahead:
                # a few documents first when the workers have nothing, so that they start
                # at once (reading and checking a whole batch took 20 ms)
                batch = list(islice(it, batch_size if waiting or jobs == 0 else tail))
                if not batch:
                    exhausted = True
                    break
                todo = _new_documents(ledger, batch, unstored, summary)
                if progress is not None and len(todo) < len(batch):
                    progress(len(batch) - len(todo))
                if todo:
                    seqs = engine.submit(todo)  # the workers start on them now
                    waiting.extend(zip(todo, seqs, strict=True))
                    unstored.update(doc.id for doc in todo)
            if not waiting:
                break
            doc, seq = waiting.popleft()
            ready.append((doc, engine.result(seq)))
            # a batch per transaction while the workers have plenty to do; near the end a
            # few documents at a time, so that little is left to store after the last
            # analysis (storing a whole batch then added a tenth to a run of 500 articles)
            step = batch_size if jobs == 0 or not exhausted or len(waiting) >= batch_size else tail
            if len(ready) >= step or not waiting:
                _store_pairs(ledger, ready, summary, progress)
                unstored.difference_update(d.id for d, _ in ready)
                ready = []
    finally:
        engine.close()
        ledger.finish_run(summary.run_id)
    return summary


def _new_documents(
    ledger: Ledger,
    batch: list[Document | IngestError | Rejected],
    recent: set[str],
    summary: RunSummary,
) -> list[Document]:
    """The documents of ``batch`` to analyse: not stored, not repeated; failed sources
    become error rows and the others are counted as duplicates."""
    docs = [item for item in batch if isinstance(item, Document)]
    stored = ledger.stored({doc.id for doc in docs})
    todo: list[Document] = []
    seen = set(recent)
    duplicates = 0
    for item in batch:
        if isinstance(item, IngestError):
            ledger.add_error(item.source, item.code, item.message, run_id=summary.run_id)
            summary.fail(item.code)
        elif isinstance(item, Rejected):
            ledger.add_error(
                item.source, item.code, item.message, url=item.url, run_id=summary.run_id
            )
            summary.fail(item.code)
        elif item.id in stored or item.id in seen:
            duplicates += 1
        else:
            seen.add(item.id)
            todo.append(item)
    if duplicates:
        ledger.count_duplicates(summary.run_id, duplicates)
        summary.duplicates += duplicates
    return todo


def _store_pairs(
    ledger: Ledger,
    pairs: list[tuple[Document, Analysis | Failure]],
    summary: RunSummary,
    progress: Callable[[int], None] | None,
) -> None:
    good = [(doc, r) for doc, r in pairs if isinstance(r, Analysis)]
    for doc, r in pairs:
        if isinstance(r, Failure):
            ledger.add_error(label(doc), r.code, r.message, url=doc.url, run_id=summary.run_id)
            summary.fail(r.code)
    ledger.add_batch(good, summary)
    if progress is not None:
        progress(len(pairs))


def render_summary(summary: RunSummary, out: TextIO = sys.stderr) -> None:
    """The end-of-run summary for people."""
    codes: dict[str, int] = {}
    for c in summary.errors:
        codes[c] = codes.get(c, 0) + 1
    print(
        f"run {summary.run_id}: {summary.added} documents added "
        f"({summary.new_versions} new versions), {summary.statements} statements, "
        f"{summary.duplicates} skipped as already stored, {summary.failed} errors"
        + (" (" + ", ".join(f"{k}×{v}" for k, v in sorted(codes.items())) + ")" if codes else ""),
        file=out,
    )
