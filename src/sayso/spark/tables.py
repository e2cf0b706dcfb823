"""The Parquet tables of a ``sayso spark`` output and how a batch lands in them whole.

Columns are the ledger's (see :mod:`sayso.spark.rows`), plus ``month`` (the partition:
publication month, ``unknown`` without a date). A batch is written into
``DIR/_staging/<batch>/`` first, table by table; a ``_STAGED`` marker then says that all five
are there, and the files are moved into ``DIR/<table>/month=…/`` (a rename on HDFS and local
disks), documents last. A run that finds a staged batch (the previous one stopped while
moving it) moves the rest of it; a batch without the marker is deleted and done again.
So a run stopped at any moment leaves whole batches, and the next run on the same input
adds exactly what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sayso.spark.rows import TABLES

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

STAGING = "_staging"
STAGED = "_STAGED"

_S, _L, _D, _B = "string", "bigint", "double", "boolean"
_SPANS = "array<array<bigint>>"
#: each table's columns and Spark SQL types, in order (the ledger's names)
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("id", _S), ("url", _S), ("version", _L), ("title", _S), ("author", _S),
        ("published", _S), ("published_date", "date"), ("site", _S), ("lang", _S),
        ("text", _S), ("source", _S), ("meta", _S), ("ingested_at", "timestamp"),
        ("run_id", _L), ("statement_count", _L), ("analysis", _S), ("position", _S),
        ("month", _S),
    ),
    "actors": (
        ("document_id", _S), ("local_id", _S), ("actor_id", _S), ("name", _S), ("kind", _S),
        ("role", _S), ("mentions", _SPANS), ("match_rule", _S), ("match_score", _D),
        ("key", _S), ("surname", _S), ("local", _B), ("lang", _S), ("month", _S),
    ),
    "statements": (
        ("id", _S), ("document_id", _S), ("local_id", _S), ("published_date", "date"),
        ("lang", _S), ("form", _S), ("medium", _S), ("content", _S),
        ("content_spans", _SPANS), ("speaker", _S), ("cue", _S), ("actor_id", _S),
        ("chain", "array<string>"), ("parent", _S), ("confidence", _D), ("hearsay", _B),
        ("hedged", _B), ("stance", _S), ("confirmation", _S), ("framing", _S),
        ("rules", "array<string>"), ("claim_id", _S), ("claim_text", _S),
        ("claim_bands", "array<bigint>"), ("month", _S),
    ),
    "relations": (
        ("id", _S), ("document_id", _S), ("local_id", _S), ("kind", _S), ("source_id", _S),
        ("target_id", _S), ("target_actor_id", _S), ("confidence", _D), ("reason", _S),
        ("evidence", _SPANS), ("rules", "array<string>"), ("month", _S),
    ),
    "errors": (
        ("key", _S), ("source", _S), ("url", _S), ("code", _S), ("message", _S),
        ("at", "timestamp"),
    ),
}  # fmt: skip
#: tables partitioned by publication month
PARTITIONED = frozenset(("documents", "actors", "statements", "relations"))


def schema(table: str) -> StructType:
    from pyspark.sql.types import StructType, _parse_datatype_string

    ddl = ", ".join(f"{name} {kind}" for name, kind in COLUMNS[table])
    parsed = _parse_datatype_string(ddl)
    assert isinstance(parsed, StructType)
    return parsed


def to_tuple(table: str) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """A row as a tuple in the table's column order, numbers as their column's type."""
    columns = COLUMNS[table]

    def convert(row: Mapping[str, Any]) -> tuple[Any, ...]:
        out = []
        for name, kind in columns:
            value = row.get(name)
            if value is not None and kind == _D:
                value = float(value)
            out.append(value)
        return tuple(out)

    return convert


def frames(spark: SparkSession, rows: RDD[tuple[str, dict[str, Any]]]) -> dict[str, DataFrame]:
    """One DataFrame per table from the analysed rows (``(table, row)`` pairs)."""
    return {
        table: spark.createDataFrame(_picked(rows, table), schema(table), verifySchema=False)
        for table in TABLES
    }


def _picked(rows: RDD[tuple[str, dict[str, Any]]], table: str) -> RDD[tuple[Any, ...]]:
    convert = to_tuple(table)
    return rows.filter(lambda tr: tr[0] == table).map(lambda tr: convert(tr[1]))


class Output:
    """The output folder on its Hadoop file system: staging, committing, recovering."""

    def __init__(self, spark: SparkSession, root: str) -> None:
        from sayso.spark.inputs import hadoop_fs

        self.spark = spark
        self.fs, path = hadoop_fs(spark, root)
        self.root = self.fs.makeQualified(path).toString().rstrip("/")
        self._jvm = spark.sparkContext._jvm

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    def _p(self, where: str) -> Any:
        assert self._jvm is not None
        return self._jvm.org.apache.hadoop.fs.Path(where)

    def exists(self, *parts: str) -> bool:
        return bool(self.fs.exists(self._p(self.path(*parts))))

    def has_table(self, table: str) -> bool:
        """Whether ``table`` holds files (a committed batch)."""
        return any(True for _ in self._files(self.path(table)))

    def _files(self, where: str) -> Iterator[str]:
        if not self.fs.exists(self._p(where)):
            return
        it = self.fs.listFiles(self._p(where), True)
        while it.hasNext():
            name = it.next().getPath().toString()
            if name.endswith(".parquet"):
                yield name

    def write(self, batch: str, tables: Mapping[str, DataFrame], skip: frozenset[str]) -> None:
        """Stage the tables of ``batch`` (but those in ``skip``: no rows), then commit it."""
        self.stage(batch, tables, skip)
        self.commit(batch)

    def stage(self, batch: str, tables: Mapping[str, DataFrame], skip: frozenset[str]) -> None:
        """Write every table of ``batch`` but those in ``skip`` under ``_staging``, then
        its ``_STAGED`` marker."""
        for table in TABLES:
            if table in skip:
                continue
            writer = tables[table].write.mode("overwrite")
            if table in PARTITIONED:
                writer = writer.partitionBy("month")
            writer.parquet(self.path(STAGING, batch, table))
        self.fs.create(self._p(self.path(STAGING, batch, STAGED)), True).close()

    def commit(self, batch: str) -> None:
        """Move a staged batch's files into the tables (documents last), then drop it."""
        for table in TABLES:
            base = self.path(STAGING, batch, table)
            for name in list(self._files(base)):
                target = self._p(self.path(table) + name[len(base) :])
                if not self.fs.exists(target):
                    self.fs.mkdirs(target.getParent())
                    self.fs.rename(self._p(name), target)
        self.fs.delete(self._p(self.path(STAGING, batch)), True)
        staging = self._p(self.path(STAGING))
        if self.fs.exists(staging) and not self.fs.listStatus(staging):
            self.fs.delete(staging, True)

    def recover(self) -> list[str]:
        """Finish the staged batches a stopped run left, drop the unfinished ones; the
        batches finished (for the W112 warning)."""
        where = self._p(self.path(STAGING))
        if not self.fs.exists(where):
            return []
        done = []
        for status in self.fs.listStatus(where):
            batch = status.getPath().getName()
            if self.exists(STAGING, batch, STAGED):
                self.commit(batch)
                done.append(batch)
            else:
                self.fs.delete(status.getPath(), True)
        self.fs.delete(where, True)
        return done

    def read(self, table: str) -> DataFrame | None:
        """A committed table (None before the first batch)."""
        if not self.has_table(table):
            return None
        return self.spark.read.schema(schema(table)).parquet(self.path(table))
