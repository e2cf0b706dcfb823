"""``sayso ingest PATH…|URL…|-``: read sources, analyse them in parallel, store them."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sayso.cli import args as types
from sayso.cli.ledger_common import add_db_argument, open_ledger

if TYPE_CHECKING:
    from sayso.ingest import IngestOptions

#: failures printed one by one at the end of a run; the rest are counted
SHOWN = 20


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="analyse articles from files, folders, feeds, archives or URLs into the ledger",
        description="Read every source (text, HTML, WARC, RSS/Atom, JSONL, CSV, folders, URLs, "
        "- for stdin), analyse each article in worker processes and store it in the ledger. "
        "Articles already stored are skipped before analysis; a source or article that "
        "fails becomes a row in the errors table (see 'sayso errors') and the run goes on. "
        "Exit status 0 when all went in, 3 when some failed, 1 when every one failed.",
    )
    p.add_argument("sources", nargs="+", help="paths, folders, http(s) URLs, or - for stdin")
    add_db_argument(p)
    p.add_argument(
        "--jobs",
        type=types.count("--jobs"),
        default=max(1, (os.cpu_count() or 2) - 1),
        help="worker processes that analyse while this one stores; 0 analyses in this "
        "process (default: CPUs - 1, at least 1)",
    )
    add_record_arguments(p, "JSONL key / CSV column with the text")
    p.add_argument(
        "--delimiter",
        type=types.character("--delimiter"),
        default=None,
        help="CSV delimiter, one character or \\t (default: sniffed)",
    )
    p.add_argument(
        "--timeout",
        type=types.seconds("--timeout"),
        default=10.0,
        help="seconds per URL (default 10)",
    )
    p.add_argument(
        "--max-bytes",
        type=types.positive("--max-bytes"),
        default=20_000_000,
        help="size cap per source",
    )
    p.add_argument("--fetch-links", action="store_true", help="feeds: fetch linked pages")
    p.add_argument(
        "--allow-private-hosts",
        action="store_true",
        help="also fetch from private, loopback and link-local addresses (refused by default)",
    )
    add_doc_timeout_argument(p)
    p.add_argument(
        "--no-evidence",
        dest="evidence",
        action="store_false",
        help="statements only: no source chains, framing or relations between statements "
        "(about a fifth faster; for batch jobs that need only the statements)",
    )
    p.add_argument("--note", default=None, help="a note stored with the run")
    p.add_argument(
        "--progress",
        choices=["auto", "always", "never"],
        default="auto",
        help="progress bar on stderr (default: when stderr is a terminal)",
    )
    p.set_defaults(func=run)


def add_record_arguments(p: argparse.ArgumentParser, text_help: str) -> None:
    """``--text-column`` and ``--column``: where a record's text and metadata are (ingest
    and ``sayso spark`` read records alike)."""
    p.add_argument("--text-column", default="text", help=text_help)
    p.add_argument(
        "--column",
        action="append",
        type=types.column,
        default=[],
        metavar="FIELD=NAME",
        help="metadata column, e.g. title=headline (repeatable)",
    )


def add_doc_timeout_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--doc-timeout",
        type=float,
        default=60.0,
        metavar="S",
        help="seconds one article's analysis may take before it becomes an error row "
        "(default 60, 0 = no limit)",
    )


def record_options(args: argparse.Namespace) -> IngestOptions:
    """The ingest options of :func:`add_record_arguments` and ``--doc-timeout``."""
    from sayso.ingest import IngestOptions

    columns = {}
    for item in args.column:
        field, _, name = item.partition("=")
        columns[field.strip()] = name.strip() or field.strip()
    return IngestOptions(
        text_column=args.text_column,
        columns=columns or IngestOptions().columns,
        doc_timeout=max(0.0, args.doc_timeout),
    )


def run(args: argparse.Namespace) -> int:
    from sayso.ledger import runner

    options = replace(
        record_options(args),
        csv_delimiter=args.delimiter,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        fetch_links=args.fetch_links,
        allow_private_hosts=args.allow_private_hosts,
    )
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    with open_ledger(args.db) as ledger:
        options = replace(options, skip=ledger_files(ledger.engine.url))
        bar = _progress_bar(args.sources) if show else None
        try:
            summary = runner.run(
                ledger,
                args.sources,
                options,
                jobs=args.jobs,
                note=args.note,
                progress=bar.update if bar is not None else None,
                settings=dataclasses.replace(ledger.settings, evidence=args.evidence),
            )
        finally:
            if bar is not None:
                bar.close()
        runner.render_summary(summary, out=sys.stderr)  # not the default bound at import
        failures = ledger.errors(run_id=summary.run_id, limit=SHOWN + 1)
    print_failures(failures, summary.failed, summary.run_id)
    if not summary.failed:
        return 0
    return 3 if summary.added or summary.duplicates else 1


def ledger_files(url: Any) -> frozenset[str]:
    """The files of a SQLite ledger (the database and its journals), resolved: a folder
    that holds the ledger is ingested without them."""
    database = url.database if url.get_backend_name() == "sqlite" else None
    if not database or database == ":memory:":
        return frozenset()
    base = Path(database).resolve()
    return frozenset(str(base) + end for end in ("", "-wal", "-shm", "-journal"))


def _progress_bar(sources: list[str]) -> Any:
    """A tqdm bar with the number of documents as its total (and so an ETA) when it can be
    counted before the run; a plain count otherwise (stdin, feeds, URLs, archives)."""
    from tqdm import tqdm

    from sayso.cli.progress import estimate_total
    from sayso.text.safe import trusted

    # the bar redraws itself with carriage returns: it writes to the stream under the
    # escaping one (its text is sayso's own)
    return tqdm(total=estimate_total(sources), unit="doc", file=trusted(sys.stderr), desc="ingest")


def print_failures(failures: list[Any], total: int, run_id: int) -> None:
    """Each failed source on stderr with its code and message (the first :data:`SHOWN`),
    then how many more there are and where to see them."""
    from sayso.errors import cli_message

    for e in failures[:SHOWN]:
        message = e.message if e.message.startswith(e.code) else f"{e.code}: {e.message}"
        print(f"sayso: failed {e.source or e.url or '?'}: {cli_message(e.code, message)}",
              file=sys.stderr)  # fmt: skip
    if total > SHOWN:
        print(
            f"sayso: … and {total - SHOWN} more failures; list them with "
            f"'sayso errors --run {run_id}'",
            file=sys.stderr,
        )
