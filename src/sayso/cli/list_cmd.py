"""The ledger's bookkeeping: ``documents``, ``errors`` and ``runs``.

Read-only listings over ``Ledger.documents``, ``Ledger.errors`` and ``Ledger.runs``;
``--json`` prints what the library returns.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sayso.cli import args as types
from sayso.cli.ledger_common import add_db_argument, open_ledger


def register(sub: Any) -> None:
    p = sub.add_parser(
        "documents",
        help="the stored documents: id, date, outlet, statements, title, URL",
        description="The documents in the ledger, newest publication first, with their id "
        "(for 'sayso show'), publication day, outlet, number of statements, title and URL.",
    )
    add_db_argument(p)
    p.add_argument("--site", default=None, help="only this outlet (site), e.g. tagesschau.de")
    p.add_argument("--since", type=types.day("--since"), default=None, help="YYYY-MM-DD")
    p.add_argument("--until", type=types.day("--until"), default=None, help="YYYY-MM-DD")
    p.add_argument("--lang", choices=["de", "en"], default=None, help="only this language")
    p.add_argument("--limit", type=types.count("--limit"), default=50, help="default 50")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run_documents)

    p = sub.add_parser(
        "errors",
        help="the sources and documents that failed, with code and message",
        description="The ledger's error rows, oldest first: every source or document an "
        "ingest run could not read, analyse or store, with its run, code and message.",
    )
    add_db_argument(p)
    p.add_argument("--run", type=types.count("--run"), default=None, help="only this run")
    p.add_argument("--code", type=types.error_code, default=None, help="only this code, e.g. E020")
    p.add_argument("--limit", type=types.count("--limit"), default=100, help="default 100")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run_errors)

    p = sub.add_parser(
        "runs",
        help="the ingest runs with their counts",
        description="The ingest runs, newest first: when, the note, documents added, new "
        "versions, duplicates skipped, errors and statements.",
    )
    add_db_argument(p)
    p.add_argument("--limit", type=types.count("--limit"), default=20, help="default 20")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run_runs)


def _dump(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def run_documents(args: argparse.Namespace) -> int:
    with open_ledger(args.db) as ledger:
        docs = ledger.documents(
            site=args.site, lang=args.lang, since=args.since, until=args.until, limit=args.limit
        )
    if args.json:
        _dump([{k: v for k, v in d.to_dict().items() if k != "text"} for d in docs])
        return 0
    for d in docs:
        day = str(d.published_date or "?")
        print(
            f"{d.id[:12]}  {day:<10}  {d.site or '?':<18} {d.statement_count:>4} st.  "
            f"{d.title or '(no title)'}" + (f"  <{d.url}>" if d.url else "")
        )
    if not docs:
        print("no documents match", file=sys.stderr)
    return 0


def run_errors(args: argparse.Namespace) -> int:
    from sayso.errors import cli_message

    with open_ledger(args.db) as ledger:
        rows = ledger.errors(code=args.code, run_id=args.run, limit=args.limit)
    if args.json:
        _dump([e.to_dict() for e in rows])
        return 0
    for e in rows:
        run = f"run {e.run_id}" if e.run_id is not None else "no run"
        message = e.message if e.message.startswith(e.code) else f"{e.code}: {e.message}"
        print(f"#{e.id} {run} {e.at:%Y-%m-%d %H:%M}  {e.source or e.url or '?'}")
        print(f"    {cli_message(e.code, message)}")
    if not rows:
        print("no errors match", file=sys.stderr)
    return 0


def run_runs(args: argparse.Namespace) -> int:
    with open_ledger(args.db) as ledger:
        runs = ledger.runs(limit=args.limit)
    if args.json:
        _dump([r.to_dict() for r in runs])
        return 0
    for r in runs:
        end = "running or killed" if r.finished_at is None else f"{r.finished_at:%H:%M:%S}"
        note = f"  ({r.note})" if r.note else ""
        print(
            f"run {r.id}  {r.started_at:%Y-%m-%d %H:%M:%S} – {end}: {r.added} added "
            f"({r.new_versions} new versions), {r.duplicates} skipped, {r.failed} errors, "
            f"{r.statements} statements{note}"
        )
    if not runs:
        print("no runs yet", file=sys.stderr)
    return 0
