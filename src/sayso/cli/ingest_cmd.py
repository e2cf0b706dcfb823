"""``sayso ingest PATH…|URL…|-``: read sources, analyse them in parallel, store them."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from sayso.cli.ledger_common import add_db_argument, open_ledger


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="analyse articles from files, folders, feeds, archives or URLs into the ledger",
        description="Read every source (text, HTML, WARC, RSS/Atom, JSONL, CSV, folders, URLs, "
        "- for stdin), analyse each article in worker processes and store it in the ledger. "
        "Articles already stored are skipped before analysis; a source or article that "
        "fails becomes a row in the errors table and the run goes on.",
    )
    p.add_argument("sources", nargs="+", help="paths, folders, http(s) URLs, or - for stdin")
    add_db_argument(p)
    p.add_argument(
        "--jobs",
        type=int,
        default=max(1, (os.cpu_count() or 2) - 1),
        help="worker processes that analyse while this one stores; 0 analyses in this "
        "process (default: CPUs - 1, at least 1)",
    )
    p.add_argument("--text-column", default="text", help="JSONL key / CSV column with the text")
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=NAME",
        help="metadata column, e.g. title=headline (repeatable)",
    )
    p.add_argument("--delimiter", default=None, help="CSV delimiter (default: sniffed)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds per URL (default 10)")
    p.add_argument("--max-bytes", type=int, default=20_000_000, help="size cap per source")
    p.add_argument("--fetch-links", action="store_true", help="feeds: fetch linked pages")
    p.add_argument(
        "--allow-private-hosts",
        action="store_true",
        help="also fetch from private, loopback and link-local addresses (refused by default)",
    )
    p.add_argument(
        "--doc-timeout",
        type=float,
        default=60.0,
        metavar="S",
        help="seconds one article's analysis may take before it becomes an error row "
        "(default 60, 0 = no limit)",
    )
    p.add_argument("--note", default=None, help="a note stored with the run")
    p.add_argument(
        "--progress",
        choices=["auto", "always", "never"],
        default="auto",
        help="progress bar on stderr (default: when stderr is a terminal)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sayso.ingest import IngestOptions
    from sayso.ledger import runner

    columns = {}
    for item in args.column:
        field, _, name = item.partition("=")
        columns[field.strip()] = name.strip() or field.strip()
    options = IngestOptions(
        text_column=args.text_column,
        columns=columns or IngestOptions().columns,
        csv_delimiter=args.delimiter,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        fetch_links=args.fetch_links,
        allow_private_hosts=args.allow_private_hosts,
        doc_timeout=max(0.0, args.doc_timeout),
    )
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, desc="ingest")
    with open_ledger(args.db) as ledger:
        try:
            summary = runner.run(
                ledger,
                args.sources,
                options,
                jobs=max(0, args.jobs),
                note=args.note,
                progress=bar.update if bar is not None else None,
            )
        finally:
            if bar is not None:
                bar.close()
    runner.render_summary(summary)
    return 0
