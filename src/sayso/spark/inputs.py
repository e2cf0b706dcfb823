"""The inputs of a Spark run: files listed on the driver, read by ingest's readers in the
executors.

Every path is listed through the Hadoop file system of its scheme (``s3a://``,
``hdfs://``, ``file:``, a plain local path — whatever the cluster has), folders
recursively, hidden files skipped, in name order. Each file is then one read task:

* local files are opened by the executor and read by :func:`sayso.ingest.read_sources`,
  streaming (a WARC.gz of CC-NEWS is read record by record);
* files on other file systems come through Spark's ``binaryFiles`` (the cluster's own
  credentials and connectors) and are read by :func:`sayso.ingest.sources.read_bytes`;
* Parquet files (``.parquet``) by Spark's Parquet reader, each row a record for ingest's
  :func:`~sayso.ingest.records.record_document` (the ``--text-column`` and ``--column``
  options, as for JSONL and CSV).

Read tasks yield ``Document.to_dict()`` or ``{"error": IngestError.to_dict()}``; the job
then spreads the documents over the analysis tasks, so that one WARC file of 40,000
records is analysed by many tasks, not by the one that read it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest.document import Document, IngestError, IngestOptions

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

Item = dict[str, Any]


def is_local(path: str) -> bool:
    """A path the executors open themselves (no scheme, or ``file:``)."""
    scheme = urlparse(path).scheme
    return scheme in ("", "file") or (len(scheme) == 1 and path[1:3] in (":\\", ":/"))


def local_path(path: str) -> str:
    parsed = urlparse(path)
    return f"{parsed.netloc}{parsed.path}" if path.startswith("file:") else path


def hadoop_fs(spark: SparkSession, path: str) -> tuple[Any, Any]:
    """The Hadoop ``FileSystem`` of ``path`` and its ``Path`` (through the JVM gateway)."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    return hpath.getFileSystem(conf), hpath


def check_local(inputs: Sequence[str], output: str | None = None) -> None:
    """E242 for a local input (no scheme, no glob pattern) that does not exist, E243 for a
    local output that is a file: checked on the driver before Spark starts, so that a
    mistyped path costs no JVM start-up."""
    import os

    for given in inputs:  # Hadoop's glob patterns: * ? [abc] {a,b}
        pattern = any(c in given for c in "*?[{")
        if is_local(given) and not pattern and not os.path.exists(local_path(given)):
            raise SaysoError(errors.E242, path=given)
    if output is not None and is_local(output) and os.path.isfile(local_path(output)):
        raise SaysoError(errors.E243, path=output, detail="it is a file, not a folder")


def list_files(spark: SparkSession, inputs: Sequence[str]) -> list[str]:
    """Every file of ``inputs`` (folders recursively, hidden files and Spark's ``_SUCCESS``
    markers skipped), in the order given and by name within a folder; E242 for an input
    that does not exist."""
    out: list[str] = []
    for given in inputs:
        fs, hpath = hadoop_fs(spark, given)
        statuses = fs.globStatus(hpath)
        if not statuses:
            raise SaysoError(errors.E242, path=given)
        for status in statuses:
            if not status.isDirectory():
                out.append(status.getPath().toString())  # a file named is read
                continue
            root = status.getPath().toString().rstrip("/")
            found: list[str] = []
            it = fs.listFiles(status.getPath(), True)
            while it.hasNext():
                name = it.next().getPath().toString()
                if not _hidden(name[len(root) :]):
                    found.append(name)
            out.extend(sorted(found))
    return list(dict.fromkeys(out))


def _hidden(relative: str) -> bool:
    """A file in a folder whose name or sub-folder starts with "." or "_" (Spark's and
    Hadoop's markers, editors' and version control's files)."""
    return any(part.startswith((".", "_")) for part in relative.split("/") if part)


def _item(x: Document | IngestError, position: str) -> Item:
    """A document or error as a plain dict, with its place in the input (``_pos``: the
    file's number in the listing and the record's in the file, as ingest reads them)."""
    if isinstance(x, Document):
        return {**x.to_dict(), "_pos": position}
    return {"error": x.to_dict(), "_pos": position}


def _numbered(items: Iterator[Document | IngestError], index: int) -> Iterator[Item]:
    for n, x in enumerate(items):
        yield _item(x, f"{index:09d}.{n:010d}")


def read_local(path: str, index: int, options: IngestOptions) -> Iterator[Item]:
    """Executor: the documents and errors of one local file, streamed by ingest's readers."""
    from sayso.ingest.sources import read_sources

    yield from _numbered(read_sources([local_path(path)], options), index)


def read_remote(name: str, data: bytes, index: int, options: IngestOptions) -> Iterator[Item]:
    """Executor: the documents and errors of one file's bytes (from ``binaryFiles``)."""
    from sayso.ingest.sources import read_bytes

    yield from _numbered(read_bytes(data, name, options), index)


def read_record(record: dict[str, Any], where: str, position: str, options: IngestOptions) -> Item:
    """Executor: one Parquet row as ingest reads one JSON record."""
    from sayso.ingest.records import record_document

    return _item(record_document(record, where, options), position)


def read_inputs(
    spark: SparkSession, files: Sequence[str], options: IngestOptions, first: int = 0
) -> RDD[Item]:
    """The documents and errors of ``files`` (numbered from ``first`` in the listing):
    one read task per file."""
    sc = spark.sparkContext
    numbered = {f: i for i, f in enumerate(files, first)}
    parquet = [f for f in files if f.lower().endswith(".parquet")]
    local = [f for f in files if f not in parquet and is_local(f)]
    remote = [f for f in files if f not in parquet and not is_local(f)]
    parts: list[RDD[Item]] = []
    if local:
        rdd = sc.parallelize([(f, numbered[f]) for f in local], len(local))
        parts.append(rdd.flatMap(lambda fi: read_local(fi[0], fi[1], options)))
    if remote:
        raw = sc.binaryFiles(",".join(remote), minPartitions=len(remote))
        index = {_plain(f): i for f, i in numbered.items()}
        parts.append(
            raw.flatMap(lambda fd: read_remote(fd[0], fd[1], index.get(_plain(fd[0]), 0), options))
        )
    if parquet:
        from pyspark.sql import functions as F

        frame = spark.read.parquet(*parquet).withColumn("_sayso_file", F.input_file_name())
        index = {_plain(f): i for f, i in numbered.items()}
        parts.append(
            frame.rdd.zipWithIndex().map(
                lambda rn: read_record(
                    {k: v for k, v in rn[0].asDict().items() if k != "_sayso_file"},
                    rn[0]["_sayso_file"],
                    f"{index.get(_plain(rn[0]['_sayso_file']), 0):09d}.{rn[1]:010d}",
                    options,
                )
            )
        )
    if not parts:
        return sc.emptyRDD()
    return sc.union(parts) if len(parts) > 1 else parts[0]


def _plain(path: str) -> str:
    """A file's address without its scheme's authority quirks (``s3a://b/k`` as listed
    and as ``binaryFiles`` names it)."""
    parsed = urlparse(path)
    return f"{parsed.netloc}{parsed.path}"
