"""``sayso load DIR``: a Spark run's Parquet output into a ledger, as ``sayso ingest`` would
have stored the same input.

The documents table holds each document's fields, its text and its whole analysis (the
ledger's ``analysis`` column), so loading needs no analysing and no Spark: pyarrow reads
the documents a file at a time (month by month, in input order within a month), and the
ingest loop (:func:`sayso.ledger.runner.run_documents`) stores them — a batch per
transaction, documents the ledger holds already skipped by content hash, a document that
cannot be stored an error row, one run in ``runs``. Its actors and claims are linked to
the ledger's by the ledger itself, so a load into a ledger that already holds articles
links to them, and loading the same output twice adds nothing. The ``errors`` rows of the
output become the run's error rows (one already in the ledger is not added again).

On PostgreSQL the rows go in with ``COPY`` (:func:`sayso.ledger.rows.copy_rows`), on
SQLite in batches of multi-row INSERTs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest.document import Document
from sayso.ledger.records import Rejected, RunSummary
from sayso.ledger.workers import Failure
from sayso.model import Analysis

if TYPE_CHECKING:
    from sayso.ledger.store import Ledger

_DOC_COLUMNS = [
    "id", "text", "source", "url", "title", "author", "published", "site", "lang", "meta",
    "analysis", "position",
]  # fmt: skip


def _arrow() -> Any:
    try:
        import pyarrow.dataset as ds
    except ImportError as exc:
        raise SaysoError(errors.E245, detail=str(exc)) from exc
    return ds


def _arrow_parquet() -> Any:
    _arrow()  # E245 when pyarrow is missing
    import pyarrow.parquet as pq

    return pq


def _months(root: Path) -> list[Path]:
    """The documents table's month partitions, in order (``unknown`` last)."""
    table = root / "documents"
    if not table.is_dir():
        raise SaysoError(errors.E243, path=str(root), detail="it has no documents/ folder")
    parts = sorted(p for p in table.iterdir() if p.is_dir() and p.name.startswith("month="))
    return sorted(parts, key=lambda p: (p.name == "month=unknown", p.name))


def _check(root: Path) -> None:
    """E243 for a file of the output that is no Parquet or not a documents table of
    sayso's (each file's footer only: its schema), before a run is started — not an
    internal error halfway through the load."""
    pq = _arrow_parquet()
    wanted = {"documents": set(_DOC_COLUMNS), "errors": {"source", "url", "code", "message"}}
    for table, columns in wanted.items():
        for path in sorted((root / table).rglob("*.parquet")):
            try:
                names = set(pq.read_schema(path).names)
            except Exception as exc:  # pyarrow's ArrowInvalid, OSError
                first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                detail = f"{path} cannot be read as Parquet ({first})"
                raise SaysoError(errors.E243, path=str(root), detail=detail) from exc
            if missing := sorted(columns - names):
                detail = f"{path} has no column {', '.join(missing)}"
                raise SaysoError(errors.E243, path=str(root), detail=detail)


def _documents(
    root: Path, ledger: Ledger, analyses: dict[str, Analysis]
) -> Iterator[Document | Rejected]:
    """The documents of the output, month by month in input order; the analysis of each
    one the ledger does not hold goes to ``analyses`` (those it holds are skipped as
    duplicates by the loop)."""
    for part in _months(root):
        for path in _in_order(part):
            table = _arrow().dataset(str(path), format="parquet").to_table(columns=_DOC_COLUMNS)
            rows = table.sort_by("position").to_pylist()
            stored = ledger.stored(r["id"] for r in rows if r.get("id"))
            for n, row in enumerate(rows):
                if row.get("id") in stored:
                    yield Document(id=row["id"], text="", source=row.get("source") or "")
                    continue
                try:
                    doc, analysis = _row(row)
                except Exception as exc:  # a row that is not sayso's: an error row
                    detail = f"{type(exc).__name__}: {exc}"
                    message = str(SaysoError(errors.E244, row=n, path=str(path), detail=detail))
                    yield Rejected(row.get("source"), row.get("url"), errors.E244.code, message)
                    continue
                analyses[doc.id] = analysis
                yield doc


def _in_order(part: Path) -> list[Path]:
    """A month's files by the first input position they hold (each holds a stretch of
    the input: see :mod:`sayso.spark.job`), so that reading them one after the other,
    each sorted, is reading the month in input order — one file in memory at a time."""
    pq = _arrow_parquet()
    first: list[tuple[str, str]] = []
    for path in sorted(part.rglob("*.parquet")):
        column = pq.read_table(path, columns=["position"]).column("position").to_pylist()
        first.append((min((p for p in column if p is not None), default=""), str(path)))
    return [Path(p) for _, p in sorted(first)]


def _row(row: dict[str, Any]) -> tuple[Document, Analysis]:
    meta = json.loads(row["meta"]) if row.get("meta") else {}
    doc = Document(
        id=row["id"],
        text=row["text"],
        source=row.get("source") or "",
        url=row.get("url"),
        title=row.get("title"),
        author=row.get("author"),
        published=row.get("published"),
        site=row.get("site"),
        lang=row.get("lang"),
        meta=meta,
    )
    analysis = Analysis.from_dict({**json.loads(row["analysis"]), "text": row["text"]})
    if len(analysis.text) != len(doc.text):
        raise ValueError("the analysis is not of this text")
    return doc, analysis


def _errors(root: Path, ledger: Ledger) -> Iterator[Rejected]:
    """The output's error rows not yet in the ledger."""
    table = root / "errors"
    if not table.is_dir():
        return
    ds = _arrow()
    rows = ds.dataset(str(table), format="parquet").to_table().to_pylist()
    have = _known_errors(ledger, {r["source"] for r in rows if r.get("source")})
    for r in sorted(rows, key=lambda r: (r.get("source") or "", r["code"], r["message"])):
        if (r.get("source"), r["code"], r["message"]) in have:
            continue
        have.add((r.get("source"), r["code"], r["message"]))
        yield Rejected(r.get("source"), r.get("url"), r["code"], r["message"])


def _known_errors(ledger: Ledger, sources: set[str]) -> set[tuple[str | None, str, str]]:
    from sayso.ledger.rows import where_in

    with ledger.engine.connect() as conn:
        rows = where_in(conn, "SELECT source, code, message FROM errors", "source", sorted(sources))
        return {(s, c, m) for s, c, m in rows}


def load(
    ledger: Ledger,
    output: str | Path,
    *,
    note: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> RunSummary:
    """Store the Parquet output of a ``sayso spark`` run in ``ledger`` (see the module doc);
    the run's counts (also in ``runs``). E243 when ``output`` is not such an output."""
    from sayso.ledger.rows import copy_into
    from sayso.ledger.runner import run_documents

    root = Path(output)
    _months(root)  # E243 before a run is started
    _check(root)
    analyses: dict[str, Analysis] = {}

    def analyse(doc: Document) -> Analysis | Failure:
        return analyses.pop(doc.id)

    def items() -> Iterator[Document | Rejected]:
        yield from _errors(root, ledger)
        yield from _documents(root, ledger, analyses)

    with copy_into(ledger.engine):
        summary = run_documents(
            ledger, items(), analyse, note=note or f"sayso load {root}", progress=progress
        )
    analyses.clear()  # documents skipped as already stored leave theirs here
    return summary
