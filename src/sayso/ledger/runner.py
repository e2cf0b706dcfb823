"""Ingest runs: sources -> documents -> analyses in worker processes -> the ledger.

The main process reads the sources lazily (ingest), drops documents the ledger already
holds *before* analysing them (content hash), hands the rest to a pool of worker
processes in small batches, and writes every result itself — one transaction per
document, so a run killed at any moment (even with SIGKILL) leaves whole documents only,
and running it again adds exactly the missing ones. A source or document that fails
becomes a row in the ``errors`` table with its code; the run goes on.

Only the main process touches the database, so SQLite's single writer is never contended
and PostgreSQL needs one connection.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, TextIO

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest import Document, IngestError, IngestOptions, read_sources
from sayso.ledger.records import RunSummary
from sayso.ledger.store import Ledger
from sayso.model import Analysis

#: documents handed to the workers at a time (the duplicate check runs per batch)
BATCH = 32


@dataclass(frozen=True, slots=True)
class Failure:
    """A document the worker could not analyse: its code and message."""

    code: str
    message: str


def analyse_document(doc: Document) -> Analysis | Failure:
    """Worker: the analysis of one document, or its coded failure (never raises)."""
    import sayso

    try:
        return sayso.analyze(
            doc.text, doc.lang, title=doc.title, url=doc.url, published=doc.published
        )
    except SaysoError as exc:
        return Failure(exc.code, str(exc))
    except Exception as exc:  # a bug must not stop the batch; it becomes an error row
        detail = errors.E203.format(kind=type(exc).__name__, source=doc.source, detail=exc)
        return Failure(errors.E203.code, f"{errors.E203.code}: {detail}")


def _batches(items: Iterator[Document | IngestError], size: int) -> Iterator[list[Any]]:
    while batch := list(islice(items, size)):
        yield batch


def run(
    ledger: Ledger,
    sources: Iterable[str],
    options: IngestOptions | None = None,
    *,
    jobs: int = 1,
    note: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> RunSummary:
    """Ingest ``sources`` into ``ledger`` with ``jobs`` worker processes (1: in-process).

    ``progress`` is called with the number of documents (or failed sources) just
    finished, for a progress bar. Returns the run's counts, also stored in ``runs``.
    """
    summary = RunSummary(run_id=ledger.start_run(note))
    pool = mp.get_context("spawn").Pool(jobs) if jobs > 1 else None
    try:
        items = iter(read_sources(list(sources), options))
        for batch in _batches(items, BATCH):
            todo: list[Document] = []
            seen: set[str] = set()
            repeats: list[str] = []  # repeated within this batch: counted once it is stored
            for item in batch:
                if isinstance(item, IngestError):
                    ledger.add_error(item.source, item.code, item.message, run_id=summary.run_id)
                    summary.fail(item.code)
                elif item.id in seen:
                    repeats.append(item.id)
                elif ledger.contains(item.id):
                    ledger.mark_duplicate(item.id, summary.run_id)
                    summary.duplicates += 1
                else:
                    seen.add(item.id)
                    todo.append(item)
            if progress is not None and len(todo) < len(batch):
                progress(len(batch) - len(todo))
            results = (
                pool.imap(analyse_document, todo, chunksize=2)
                if pool is not None
                else map(analyse_document, todo)
            )
            for doc, result in zip(todo, results, strict=True):
                _store(ledger, doc, result, summary)
                if progress is not None:
                    progress(1)
            for doc_id in repeats:
                if ledger.contains(doc_id):
                    ledger.mark_duplicate(doc_id, summary.run_id)
                summary.duplicates += 1
    finally:
        if pool is not None:
            pool.terminate()
        ledger.finish_run(summary.run_id)
    return summary


def _store(ledger: Ledger, doc: Document, result: Analysis | Failure, summary: RunSummary) -> None:
    run_id = summary.run_id
    if isinstance(result, Failure):
        ledger.add_error(doc.source, result.code, result.message, url=doc.url, run_id=run_id)
        summary.fail(result.code)
        return
    try:
        summary.count(ledger.add(doc, result, run_id=run_id))
    except Exception as exc:
        summary.fail(ledger.add_exception(doc.source, exc, url=doc.url, run_id=run_id))


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
