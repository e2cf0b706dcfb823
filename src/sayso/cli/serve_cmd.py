"""``sayso serve``: the newsroom view and REST API over the ledger (:mod:`sayso.web`).

fastapi and uvicorn are imported only when the command runs, so that the other commands
start without them (they come with the ``web`` extra)."""

from __future__ import annotations

import argparse
from typing import Any

from sayso.cli import args as types
from sayso.cli.ledger_common import add_db_argument


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="the newsroom view: a web application and REST API over the ledger",
        description="Serve the ledger as web pages (search, articles with their statements "
        "marked, actors, claims, accounts side by side, analyze, runs) and as a REST API "
        "under /api/v1 (OpenAPI at /openapi.json). Writes need a bearer token from "
        "$SAYSO_TOKEN or --token-file; without one the server is read-only. Needs the "
        "'web' extra: pip install 'sayso[web]'.",
    )
    add_db_argument(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=types.count("--port"), default=8000, help="default 8000")
    p.add_argument(
        "--token-file",
        default=None,
        metavar="FILE",
        help="file whose first line is the write token (default: $SAYSO_TOKEN)",
    )
    p.add_argument(
        "--public-read",
        action="store_true",
        help="allow binding a non-loopback address without a token (read-only)",
    )
    p.add_argument(
        "--allow-private-hosts",
        action="store_true",
        help="let Analyze fetch addresses of private networks (as ingest's option)",
    )
    p.add_argument(
        "--max-body",
        type=types.count("--max-body"),
        default=2_000_000,
        help="largest request body in bytes (default 2000000)",
    )
    p.add_argument(
        "--workers",
        type=types.count("--workers"),
        default=1,
        help="server processes (default 1; more serve more concurrent readers)",
    )
    p.add_argument(
        "--threads",
        type=types.positive("--threads"),
        default=None,
        help="requests each server process computes at once (default 2 on SQLite, 8 on PostgreSQL)",
    )
    p.add_argument(
        "--cache",
        type=int,
        default=None,
        metavar="N",
        help="responses to reads kept per server process until the ledger changes "
        "(default 2000; 0: off)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json
    import os

    from sayso import errors
    from sayso.errors import SaysoError
    from sayso.web import security

    token = security.load_token(args.token_file)
    security.check_bind(args.host, token, args.public_read)
    try:
        import uvicorn

        from sayso.ledger import ENV_VAR
        from sayso.web.app import OPTIONS_VAR, create_app
        from sayso.web.security import TOKEN_VAR
    except ImportError as exc:
        raise SaysoError(errors.E230, detail=str(exc)) from exc
    options = {
        "max_body": args.max_body,
        "allow_private_hosts": args.allow_private_hosts,
        "public_read": args.public_read,
        "cache_entries": args.cache,
        "threads": args.threads,
    }
    mode = "read and write (bearer token)" if token else "read-only (no token)"
    if args.workers > 1:
        # each worker process builds the application from the environment
        os.environ.update({OPTIONS_VAR: json.dumps(options), TOKEN_VAR: token or ""})
        if args.db:
            os.environ[ENV_VAR] = args.db
        create_app(args.db, **options).state.ledger.close()  # migrate once, fail early
        print(f"sayso serve: http://{args.host}:{args.port}/  {mode}, {args.workers} workers")
        uvicorn.run(
            "sayso.web.app:from_environment", factory=True, workers=args.workers,
            host=args.host, port=args.port, log_level="warning",
        )  # fmt: skip
        return 0
    app = create_app(args.db, token=token, **options)
    print(f"sayso serve: http://{args.host}:{args.port}/  {mode}")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
