"""``sayso spark INPUT… --output DIR`` and ``sayso load DIR``: corpus-scale runs on Spark
and their output into a ledger (the library: :mod:`sayso.spark`)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sayso.cli import args as types
from sayso.cli.ingest_cmd import add_doc_timeout_argument, add_record_arguments, record_options
from sayso.cli.ledger_common import add_db_argument, open_ledger


def register(sub: Any) -> None:
    p = sub.add_parser(
        "spark",
        help="analyse a corpus on Apache Spark into Parquet tables (pip install 'sayso[spark]')",
        description="Read every input (JSONL, CSV, Parquet with a text column, text and HTML "
        "folders, WARC/WARC.gz; local paths, hdfs:// or s3a:// URLs) in Spark executors, "
        "analyse each article there and write the Parquet tables documents/, statements/, "
        "actors/, relations/ and errors/ (the ledger's columns, by publication month), "
        "then claims/ and actor_links/ across documents. Articles already in DIR are "
        "skipped; a stopped run is finished by running it again. Also runs under "
        "spark-submit (see docs/spark.md).",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or glob patterns")
    p.add_argument("--output", required=True, metavar="DIR", help="the output folder or URL")
    p.add_argument(
        "--master",
        default=None,
        metavar="URL",
        help="Spark master (default: spark-submit's, else local[*])",
    )
    p.add_argument(
        "--partitions",
        type=types.count("--partitions"),
        default=0,
        metavar="N",
        help="analysis tasks per batch (default: 4 per core of the cluster)",
    )
    p.add_argument(
        "--files-per-batch",
        type=types.positive("--files-per-batch"),
        default=64,
        metavar="N",
        help="input files per committed batch; a stopped run redoes at most one (default 64)",
    )
    p.add_argument("--format", choices=["parquet"], default="parquet", help="output format")
    add_record_arguments(p, "JSONL/Parquet key, CSV column with the text")
    add_doc_timeout_argument(p)
    p.add_argument(
        "--no-link", dest="link", action="store_false", help="skip linking across documents"
    )
    p.set_defaults(func=run_spark)

    q = sub.add_parser(
        "load",
        help="store the Parquet output of 'sayso spark' in the ledger",
        description="Store every document of a 'sayso spark' output folder in the ledger, "
        "with its analysis, as 'sayso ingest' would have (PostgreSQL: COPY; SQLite: "
        "batches). Documents the ledger holds are skipped; loading twice adds nothing.",
    )
    q.add_argument("output", metavar="DIR", help="the --output folder of 'sayso spark'")
    add_db_argument(q)
    q.add_argument("--note", default=None, help="a note stored with the run")
    q.set_defaults(func=run_load)


def run_spark(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from sayso.spark import job
    from sayso.spark.inputs import check_local

    check_local(args.inputs, args.output)  # a mistyped path: E242/E243 before Spark starts
    options = replace(
        job.SparkOptions(),
        partitions=args.partitions,
        files_per_batch=args.files_per_batch,
        link=args.link,
        ingest=record_options(args),
    )
    spark = job.session(args.master)
    summary = job.run(
        spark,
        args.inputs,
        args.output,
        options,
        progress=lambda msg: print(f"sayso spark: {msg}", file=sys.stderr),
    )
    job.render(summary, sys.stderr)
    if not summary.failed:
        return 0
    return 3 if summary.documents or summary.skipped else 1


def run_load(args: argparse.Namespace) -> int:
    from sayso.cli.ingest_cmd import SHOWN, print_failures
    from sayso.ledger.runner import render_summary
    from sayso.spark.load import load

    with open_ledger(args.db) as ledger:
        summary = load(ledger, args.output, note=args.note)
        render_summary(summary, out=sys.stderr)
        failures = ledger.errors(run_id=summary.run_id, limit=SHOWN + 1)
    print_failures(failures, summary.failed, summary.run_id)
    if not summary.failed:
        return 0
    return 3 if summary.added or summary.duplicates else 1
