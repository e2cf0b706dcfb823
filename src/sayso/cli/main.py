"""The ``sayso`` command: thin sub-commands over the library.

Each sub-command module exposes ``register(subparsers)`` and sets ``func`` returning an exit
code. Typed library errors (``SaysoError``) are turned into one clean line here, at the
boundary, with their code and hint.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sayso import __version__
from sayso.errors import SaysoError


def build_parser() -> argparse.ArgumentParser:
    from sayso.cli import analyze_cmd, eval_cmd, ingest_cmd, ledger_cmd, train_cmd

    parser = argparse.ArgumentParser(
        prog="sayso",
        description="Who says so, on whose authority, and how sure is the report: "
        "attributed statements in German and English news.",
    )
    parser.add_argument("--version", action="version", version=f"sayso {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (analyze_cmd, ingest_cmd, ledger_cmd, eval_cmd, train_cmd):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args))
    except SaysoError as err:
        print(f"sayso: error {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `sayso analyze … | head`
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
