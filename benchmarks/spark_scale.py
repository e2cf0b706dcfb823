"""Throughput of ``sayso spark`` with ``local[1]`` and ``local[2]`` on the gnad articles:
the speed-up, each run's peak memory (the JVM and the Python workers), and the fixed cost
of a run (starting Spark, a job on one article).

    python benchmarks/spark_scale.py [--data ../shared/data/gnad/articles.csv] [--limit N]

The articles are written as JSON lines into ``--files`` files (one read task each). Each
master runs in a fresh process (and JVM; its start is timed): a first run on four articles
(the Python workers start and load the models), a run on one article (the fixed cost of a
run on a warm session: listing, the batch's jobs, the commit), then all articles into a
new output; articles per second are counted over that run's wall-clock time less the
fixed cost, and per core. The linking step
runs once on the ``local[2]`` output and is timed alone. For reference, ``sayso.analyze``
on the same articles in this process (one core, no Spark). Prints the machine's load
average before and after: on a shared machine the figures are only as good as the CPU the
run got. A benchmark that prints figures, not a timed test.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DATA = Path(os.environ.get("SAYSO_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
DEFAULT = DATA / "gnad" / "articles.csv"


def load_texts(path: Path) -> list[str]:
    """The gnad articles' texts from ``articles.csv``, or from a data root holding it."""
    if path.is_dir():
        path = path / "gnad" / "articles.csv"
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) > 1]


def write_inputs(texts: list[str], folder: Path, files: int) -> list[str]:
    folder.mkdir(parents=True)
    paths = []
    for i in range(files):
        path = folder / f"part-{i:03d}.jsonl"
        chunk = texts[i::files]
        path.write_text("".join(json.dumps({"text": t}) + "\n" for t in chunk), "utf-8")
        paths.append(str(path))
    return paths


def session(master: str) -> Any:
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(master)
        .appName(f"sayso-bench-{master}")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )


def worker_peaks(spark: Any, n: int) -> list[float]:
    """Peak RSS (MB) of the Python workers that ran the analysis (reused, so their peak
    is the analysis's), by asking each of ``n`` tasks for its process's."""

    def peak(_: Any) -> tuple[int, float]:
        return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    got = dict(spark.sparkContext.parallelize(range(n * 4), n * 4).map(peak).collect())
    return sorted(got.values())


def jvm_peak_mb(spark: Any) -> float:
    """Peak RSS of the JVM (the driver, which is the executor in local mode)."""
    pid = spark.sparkContext._jvm.ProcessHandle.current().pid()
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(master: str, cores: int, work: Path, n: int) -> dict[str, Any]:
    """One master in this process (a fresh JVM: the caller runs each in its own)."""
    from sayso.spark import job

    t0 = time.perf_counter()
    spark = session(master)
    spark.sparkContext.setLogLevel("ERROR")
    start = time.perf_counter() - t0
    options = job.SparkOptions(link=False)
    # a first run that gives every core's Python worker a document: workers start and
    # load the models (the cost of a run on a fresh session)
    t0 = time.perf_counter()
    job.run(spark, list_inputs(work / "warm"), str(work / f"warm-out-{cores}"), options)
    cold = time.perf_counter() - t0
    # the fixed cost of a run on a warm session: listing, the batch's jobs, the commit
    t0 = time.perf_counter()
    job.run(spark, list_inputs(work / "one"), str(work / f"one-out-{cores}"), options)
    fixed = time.perf_counter() - t0
    t0 = time.perf_counter()
    cpu0 = os.times()
    summary = job.run(spark, list_inputs(work / "in"), str(work / f"out-{cores}"), options)
    wall = time.perf_counter() - t0
    result = {
        "master": master,
        "start_s": start,
        "first_run_s": cold,
        "fixed_s": fixed,
        "wall_s": wall,
        "documents": summary.documents,
        "statements": summary.statements,
        "docs_per_s": summary.documents / max(wall - fixed, 1e-9),
        "docs_per_s_whole_run": summary.documents / wall,
        "driver_cpu_s": sum(os.times()[:2]) - sum(cpu0[:2]),
        "workers_peak_mb": worker_peaks(spark, cores),
        "jvm_peak_mb": jvm_peak_mb(spark),
        "load_after": os.getloadavg(),
    }
    if cores == 2:
        from sayso.spark.tables import Output

        t0 = time.perf_counter()
        job.link(spark, Output(spark, str(work / f"out-{cores}")))
        result["link_s"] = time.perf_counter() - t0
    spark.stop()
    if summary.documents != n:
        result["note"] = f"{n} texts, {summary.documents} documents (same normalised text)"
    return result


def list_inputs(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("*.jsonl"))


def in_process(texts: list[str]) -> float:
    import sayso

    sayso.analyze(texts[0], "de")  # models loaded, as a warm worker has them
    t0 = time.perf_counter()
    for text in texts:
        sayso.analyze(text)
    return len(texts) / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT, help="gnad articles.csv, or the data root"
    )
    parser.add_argument("--limit", type=int, default=0, help="articles (default: all)")
    parser.add_argument("--files", type=int, default=8, help="input files (read tasks)")
    parser.add_argument("--master", help=argparse.SUPPRESS)  # one master, in a child
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    texts = load_texts(args.data)
    texts = list(dict.fromkeys(texts))[: args.limit or None]  # one document per text
    if args.master:
        cores = int(args.master.removeprefix("local[").removesuffix("]"))
        print(json.dumps(measure(args.master, cores, args.work, len(texts))))
        return
    print(f"{len(texts)} articles; load average before: {os.getloadavg()}")
    results = []
    with tempfile.TemporaryDirectory(prefix="sayso-spark-bench-") as tmp:
        work = Path(tmp)
        write_inputs(texts, work / "in", args.files)
        write_inputs(texts[-4:], work / "warm", 4)
        write_inputs(texts[:1], work / "one", 1)
        for master in ("local[1]", "local[2]"):  # each in a fresh process and JVM
            argv = [sys.executable, __file__, "--master", master, "--work", str(work)]
            argv += ["--data", str(args.data), "--limit", str(args.limit)]
            done = subprocess.run(argv, capture_output=True, text=True, check=True)
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(json.dumps(results[-1]))
    reference = in_process(texts)
    one_core, two_cores = results[0]["docs_per_s"], results[1]["docs_per_s"]
    print(f"speed-up local[2] / local[1]: {two_cores / one_core:.2f}")
    print(f"per core: local[1] {one_core:.1f} articles/s, local[2] {two_cores / 2:.1f}")
    print(f"sayso.analyze in this process (one core, no Spark): {reference:.1f} articles/s")
    print(f"Spark local[1] / in-process: {one_core / reference:.2f}")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
