"""A ``sayso spark`` run: inputs -> documents -> analyses in ``mapPartitions`` -> Parquet.

The driver lists the input files and cuts them into batches (``files_per_batch``); for
each batch Spark reads the files (one task per file, ingest's readers), drops documents
the output already holds (an anti-join on the content hash, never collected to the
driver) and repeats within the input, spreads the rest over ``partitions`` tasks and
analyses them there (:func:`sayso.spark.rows.analyse_items`: models loaded once per
Python worker, a time budget per document, failures as error rows), and commits the
batch's five tables whole (:class:`sayso.spark.tables.Output`). After the batches the
cross-document step (:mod:`sayso.spark.link`) rewrites ``claims`` and ``actor_links``
over the whole output.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest.document import IngestOptions
from sayso.settings import DEFAULT, Settings

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession


@dataclass(frozen=True, slots=True)
class SparkOptions:
    """How a run is cut and spread. ``partitions``: analysis tasks per batch (0: the
    cluster's default parallelism times 4, so that a slow task does not hold the batch);
    ``files_per_batch``: input files per committed batch (a stopped run loses at most
    the batch it was in); ``link``: run the cross-document step at the end."""

    partitions: int = 0
    files_per_batch: int = 64
    link: bool = True
    ingest: IngestOptions = field(default_factory=IngestOptions)
    settings: Settings = DEFAULT


@dataclass(slots=True)
class SparkSummary:
    """What a run did: files read, documents analysed, skipped as already there, error
    rows, statements, and batches an earlier stopped run had left and this one finished."""

    files: int = 0
    batches: int = 0
    documents: int = 0
    skipped: int = 0
    failed: int = 0
    statements: int = 0
    recovered: int = 0
    converged: bool = True
    seconds: float = 0.0
    codes: dict[str, int] = field(default_factory=dict)


def session(master: str | None = None, app_name: str = "sayso") -> SparkSession:
    """The active Spark session (``spark-submit`` made one), or one on ``master``; E240
    when PySpark is not installed, E241 when Spark cannot start (no Java)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SaysoError(errors.E240, detail=str(exc)) from exc
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        # one machine: a few shuffle partitions, not the cluster default of 200
        builder = builder.config("spark.sql.shuffle.partitions", "8")
        # the local workers run the driver's interpreter, where sayso is installed; PySpark
        # reads only this variable, and its default is whatever "python3" is first on PATH
        # (a venv's sayso run without activating the venv: the workers have no sayso)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        return builder.getOrCreate()
    except Exception as exc:  # py4j / Java gateway: no java, a bad master URL
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise SaysoError(errors.E241, detail=detail) from exc


def run(
    spark: SparkSession,
    inputs: Sequence[str],
    output: str,
    options: SparkOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> SparkSummary:
    """Analyse ``inputs`` into the Parquet tables under ``output`` (see the module doc)."""
    from sayso.spark.inputs import list_files
    from sayso.spark.tables import Output

    options = options or SparkOptions()
    say = progress or (lambda _msg: None)
    started = time.perf_counter()
    out = Output(spark, output)
    summary = SparkSummary(recovered=len(out.recover()))
    if summary.recovered:
        say(str(SaysoError(errors.W112, count=summary.recovered)))
    files = list_files(spark, inputs)
    summary.files = len(files)
    step = max(1, options.files_per_batch)
    for lo in range(0, len(files), step):
        _batch(spark, out, files[lo : lo + step], lo, options, summary)
        summary.batches += 1
        say(
            f"batch {summary.batches}: {summary.documents} documents analysed, "
            f"{summary.skipped} already there, {summary.failed} errors"
        )
    if options.link:
        summary.converged = link(spark, out, options.settings)
        if not summary.converged:
            say(str(SaysoError(errors.W113, rounds=_rounds())))
    summary.seconds = time.perf_counter() - started
    return summary


def _rounds() -> int:
    from sayso.spark.link import MAX_ROUNDS

    return MAX_ROUNDS


def _batch(
    spark: SparkSession,
    out: Any,
    files: Sequence[str],
    first: int,
    options: SparkOptions,
    summary: SparkSummary,
) -> None:
    """Read, analyse and commit one batch of files (numbered from ``first``)."""
    from pyspark import StorageLevel

    from sayso.spark.inputs import read_inputs
    from sayso.spark.rows import TABLES, analyse_items
    from sayso.spark.tables import frames

    items = read_inputs(spark, files, options.ingest, first).persist(StorageLevel.MEMORY_AND_DISK)
    read_docs = items.filter(lambda x: "error" not in x).keyBy(lambda d: d["id"])
    docs = read_docs
    read_errors = items.filter(lambda x: "error" in x)
    known = out.read("documents")
    if known is not None:
        docs = docs.subtractByKey(known.select("id").rdd.map(lambda r: (r.id, None)))
    # one document per text: the first in the input, as ingest keeps the first
    fresh: RDD[dict[str, Any]] = docs.reduceByKey(
        lambda a, b: a if a["_pos"] <= b["_pos"] else b
    ).values()
    n_docs = fresh.count()
    summary.skipped += read_docs.count() - n_docs
    parts = options.partitions or spark.sparkContext.defaultParallelism * 4
    parts = max(1, min(parts, n_docs or 1))
    settings, budget = options.settings, options.ingest.doc_timeout
    # ranges of the input order per task (a sort is the shuffle a repartition would be):
    # each output file then holds a stretch of the input, in order, and `sayso load`
    # stores the documents in input order reading one file at a time
    rows = (
        fresh.sortBy(lambda d: d["_pos"], numPartitions=parts)
        .union(read_errors)
        .mapPartitions(lambda it: analyse_items(it, settings, budget))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    counts = dict(rows.map(lambda tr: (tr[0], 1)).reduceByKey(lambda a, b: a + b).collect())
    tables = frames(spark, rows)
    known_errors = out.read("errors")
    if known_errors is not None:
        tables["errors"] = tables["errors"].join(known_errors.select("key"), "key", "left_anti")
    tables["errors"] = tables["errors"].dropDuplicates(["key"]).persist()
    codes = {r["code"]: r["count"] for r in tables["errors"].groupBy("code").count().collect()}
    empty = frozenset(t for t in TABLES if not (codes if t == "errors" else counts.get(t)))
    if len(empty) < len(TABLES):  # a batch with nothing new writes no files
        out.write(uuid.uuid4().hex, tables, empty)
    summary.documents += counts.get("documents", 0)
    summary.statements += counts.get("statements", 0)
    for code, n in codes.items():
        summary.codes[code] = summary.codes.get(code, 0) + n
        summary.failed += n
    tables["errors"].unpersist()
    rows.unpersist()
    items.unpersist()


def link(spark: SparkSession, out: Any, settings: Settings = DEFAULT) -> bool:
    """Rewrite ``claims`` and ``actor_links`` over the whole output; whether the links
    converged within :data:`sayso.spark.link.MAX_ROUNDS`."""
    from sayso.spark import link as linking

    statements = out.read("statements")
    actors = out.read("actors")
    converged = True
    if statements is not None:
        table, ok = linking.claims(statements, settings.ledger)
        table.write.mode("overwrite").parquet(out.path("claims"))
        converged &= ok
    if actors is not None:
        table, ok = linking.actors(actors, settings.ledger)
        table.write.mode("overwrite").parquet(out.path("actor_links"))
        converged &= ok
    return converged


def render(summary: SparkSummary, out: Any = None) -> None:
    """The end-of-run line for people."""
    stream = out or sys.stderr
    codes = ", ".join(f"{k}×{v}" for k, v in sorted(summary.codes.items()))
    print(
        f"sayso spark: {summary.files} files in {summary.batches} batches, "
        f"{summary.documents} documents analysed, {summary.statements} statements, "
        f"{summary.skipped} skipped as already there, {summary.failed} errors"
        + (f" ({codes})" if codes else "")
        + f", {summary.seconds:.1f} s",
        file=stream,
    )
