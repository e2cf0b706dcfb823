"""``python -m sayso.ingest PATH|URL|- …``: one JSON line per document or error (debugging).

Each line is a ``Document.to_dict()`` or ``IngestError.to_dict()`` with ``"kind"`` set to
``"document"`` or ``"error"``. Exit status 1 when any source gave an error, else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from sayso.ingest.document import META_FIELDS, Document, IngestOptions
from sayso.ingest.sources import read_sources


def _column(value: str) -> tuple[str, str]:
    field, sep, column = value.partition("=")
    if not sep or field not in META_FIELDS or not column:
        raise argparse.ArgumentTypeError(f"expected FIELD=COLUMN with FIELD in {META_FIELDS}")
    return field, column


def build_parser() -> argparse.ArgumentParser:
    defaults = IngestOptions()
    p = argparse.ArgumentParser(
        prog="python -m sayso.ingest",
        description="Read sources into documents and print one JSON line per document or "
        "error (text, HTML, WARC, RSS/Atom, JSONL, JSON, CSV/TSV, folders, URLs, - for stdin).",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="path, folder, URL, or -")
    p.add_argument("--text-column", default=defaults.text_column, help="default: text")
    p.add_argument(
        "--column",
        action="append",
        type=_column,
        default=[],
        metavar="FIELD=COLUMN",
        help="metadata column, e.g. title=headline (repeatable)",
    )
    p.add_argument("--delimiter", default=None, help="CSV delimiter (default: sniffed)")
    p.add_argument("--timeout", type=float, default=defaults.timeout, help="seconds per URL")
    p.add_argument("--max-bytes", type=int, default=defaults.max_bytes, help="size cap")
    p.add_argument("--fetch-links", action="store_true", help="feeds: fetch linked pages")
    p.add_argument(
        "--allow-private-hosts", action="store_true", help="also fetch from internal addresses"
    )
    p.add_argument("--no-text", action="store_true", help="leave the text out of the output")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    options = IngestOptions(
        text_column=args.text_column,
        columns={**IngestOptions().columns, **dict(args.column)},
        csv_delimiter=args.delimiter,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        fetch_links=args.fetch_links,
        allow_private_hosts=args.allow_private_hosts,
    )
    failed = False
    out = sys.stdout
    for item in read_sources(args.sources, options):
        if isinstance(item, Document):
            record = {"kind": "document", **item.to_dict()}
            if args.no_text:
                record["text"] = f"<{len(item.text)} characters>"
        else:
            failed = True
            record = {"kind": "error", **item.to_dict()}
        line = json.dumps(record, ensure_ascii=False)
        # U+2028/U+2029 split lines for many readers; lone surrogates (odd file names) too
        line = line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        out.write(line.encode("utf-8", "backslashreplace").decode("utf-8") + "\n")
    out.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:
        raise SystemExit(0) from None
