"""The ``sayso`` command: thin sub-commands over the library.

Each sub-command module exposes ``register(subparsers)`` and sets ``func`` returning an exit
code. Typed library errors (``SaysoError``) are turned into one clean line here, at the
boundary, with their code and the hint for the command line.

Exit status: 0 all went well; 1 nothing could be done (an error); 2 the command itself
was wrong (argparse's convention); 3 some sources or documents failed while the others
were done. Everything printed goes through :class:`sayso.text.safe.SafeStream`, so that
no control character from data reaches the terminal.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sayso import __version__, errors
from sayso.cli.args import Parser, missing_command, print_error
from sayso.errors import SaysoError
from sayso.text.safe import SafeStream

#: exit status: every source or document failed, or the command could not run
FAILED = 1
#: exit status: the command line was wrong
USAGE = 2
#: exit status: some sources or documents failed, the others were done
PARTIAL = 3


#: the module that registers each command: a command line that names one builds only that
#: module's parsers (a query command then imports no other command's code); a test checks
#: this table against the full parser
COMMANDS = {
    "analyze": "analyze_cmd", "ingest": "ingest_cmd", "claims": "ledger_cmd",
    "actors": "ledger_cmd", "show": "ledger_cmd", "accounts": "ledger_cmd",
    "export": "ledger_cmd", "documents": "list_cmd", "errors": "list_cmd", "runs": "list_cmd",
    "eval": "eval_cmd", "train": "train_cmd", "rules": "rules_cmd", "serve": "serve_cmd",
    "spark": "spark_cmd", "load": "spark_cmd",
}  # fmt: skip
#: every command module, in the order of ``sayso --help``
MODULES = (
    "analyze_cmd", "ingest_cmd", "ledger_cmd", "list_cmd", "eval_cmd", "train_cmd",
    "rules_cmd", "serve_cmd", "spark_cmd",
)  # fmt: skip


def build_parser(command: str | None = None) -> Parser:
    """The ``sayso`` parser; with ``command`` (one of :data:`COMMANDS`) only the parsers of
    the module that registers it, otherwise all of them."""
    parser = Parser(
        prog="sayso",
        description="Who says so, on whose authority, and how sure is the report: "
        "attributed statements in German and English news.",
        epilog="Exit status: 0 done, 1 error, 2 wrong command line, 3 some sources or "
        "documents failed while the others were done.",
    )
    parser.add_argument("--version", action="version", version=f"sayso {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    names = (COMMANDS[command],) if command in COMMANDS else MODULES
    for name in names:
        importlib.import_module(f"sayso.cli.{name}").register(sub)
    return parser


@contextmanager
def safe_streams() -> Iterator[None]:
    """stdout and stderr escape control characters while a command runs."""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def main(argv: Sequence[str] | None = None) -> int:
    with safe_streams():
        words = list(sys.argv[1:] if argv is None else argv)
        parser = build_parser(words[0] if words else None)
        args = parser.parse_args(words)
        func = getattr(args, "func", None)
        if func is None:
            return missing_command(parser)
        return _run(func, args)


def _run(func: object, args: object) -> int:
    try:
        return int(func(args))  # type: ignore[operator]
    except SaysoError as err:
        print_error(err)
        return FAILED
    except BrokenPipeError:  # `sayso analyze … | head`
        return 0
    except KeyboardInterrupt:
        print_error(SaysoError(errors.E018))
        return 130
    except Exception as exc:
        if os.environ.get("SAYSO_DEBUG"):
            raise
        print_error(unexpected(exc, getattr(args, "db", None)))
        return FAILED


def unexpected(exc: Exception, db: str | None = None) -> SaysoError:
    """The coded error for an exception no layer below turned into one: a database that
    went away or got locked mid-command has its own code; anything else is a bug."""
    if type(exc).__module__.startswith("sqlalchemy"):
        from sayso.ledger.failures import is_locked

        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        url = _shown(db)
        if is_locked(exc):
            return SaysoError(errors.E207, url=url, detail=detail)
        return SaysoError(errors.E201, url=url, detail=detail)
    detail = str(exc).splitlines()[0] if str(exc) else "no detail"
    return SaysoError(errors.E019, kind=type(exc).__name__, detail=detail)


def _shown(db: str | None) -> str:
    """The ledger's URL for a message, without its password."""
    from sayso.ledger.engine import DEFAULT_URL, ENV_VAR
    from sayso.ledger.engine import safe_url as _safe

    return _safe(db or os.environ.get(ENV_VAR) or DEFAULT_URL)


if __name__ == "__main__":
    raise SystemExit(main())
