"""Argument checking at the command line: every mistake becomes one coded line, exit 2.

:class:`Parser` is argparse's parser with its error turned into an ``E011`` line (or the
code a ``type=`` function raised); the ``type=`` functions here check dates, framing
labels, actor kinds, counts and database URLs while the arguments are parsed, before
anything is opened or read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from typing import NoReturn

from sayso import errors
from sayso.errors import Code, SaysoError

#: argparse's message for a coded ``type=`` error: "argument --since: E012: …"
_CODED = re.compile(r"^(?:argument [^:]*: )?([EW]\d{3}): ")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ].*)?$")


class CodedArgumentError(argparse.ArgumentTypeError):
    """A ``type=`` function's coded error; argparse shows its text after the option."""

    def __init__(self, code: Code, **kwargs: object) -> None:
        self.error = SaysoError(code, **kwargs)
        super().__init__(self.error.for_cli())


class Parser(argparse.ArgumentParser):
    """argparse's parser whose mistakes are one coded line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        found = _CODED.match(message)
        if found is not None:  # a type= function's coded error: its code and hint
            line = message[found.start(1) :]
        else:
            line = SaysoError(errors.E011, detail=message, prog=self.prog).for_cli()
        self.exit(2, f"sayso: error {line}\n")


def day(option: str) -> Callable[[str], str]:
    """A ``type=`` for a YYYY-MM-DD option (``--since``); the value stays a string."""

    def parse(value: str) -> str:
        try:
            if _DAY.match(value.strip()):
                dt.date.fromisoformat(value.strip()[:10])
                return value.strip()
        except ValueError:
            pass
        raise CodedArgumentError(errors.E012, option=option, value=value)

    return parse


def one_of(what: str, choices: tuple[str, ...]) -> Callable[[str], str]:
    """A ``type=`` accepting one of ``choices`` (case-insensitive; returned in lower case)."""

    def parse(value: str) -> str:
        if value.lower() in choices:
            return value.lower()
        raise CodedArgumentError(errors.E013, what=what, value=value, choices=", ".join(choices))

    return parse


def framing(value: str) -> str:
    """A ``type=`` for ``--framing`` (the ledger's framing labels)."""
    from sayso.ledger.query import FRAMING_LABELS

    return one_of("framing label", FRAMING_LABELS)(value)


def actor_kind(value: str) -> str:
    """A ``type=`` for ``--kind`` (an actor kind)."""
    from sayso.model import ActorKind

    return one_of("actor kind", tuple(k.value for k in ActorKind))(value)


def count(option: str) -> Callable[[str], int]:
    """A ``type=`` for a whole number of 0 or more (``--limit``)."""

    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = -1
        if n < 0:
            raise CodedArgumentError(
                errors.E017, option=option, value=value, what="a count",
                expected="a whole number, 0 or more",
            )  # fmt: skip
        return n

    return parse


def error_code(value: str) -> str:
    """A ``type=`` for ``--code`` (an error code such as E020)."""
    code = value.strip().upper()
    if re.fullmatch(r"[EW]\d{3}", code):
        return code
    raise CodedArgumentError(
        errors.E017, option="--code", value=value, what="an error code",
        expected="a code such as E020 (the codes are listed in the README)",
    )  # fmt: skip


def db_url(value: str) -> str:
    """A ``type=`` for ``--db``: a SQLite path or URL, or a PostgreSQL URL."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from sayso.ledger.engine import normalise_url

    try:
        backend = make_url(normalise_url(value)).get_backend_name()
    except (ArgumentError, ValueError) as exc:
        raise CodedArgumentError(errors.E016, value=value, detail=str(exc)) from exc
    if backend not in ("sqlite", "postgresql"):
        raise CodedArgumentError(
            errors.E016, value=value, detail=f"{backend!r} is not SQLite or PostgreSQL"
        )
    return value


def print_error(err: SaysoError) -> None:
    """One line on stderr: the code, the message and the hint for the command line."""
    print(f"sayso: error {err.for_cli()}", file=sys.stderr)


def missing_command(parser: argparse.ArgumentParser) -> int:
    """The help of a command given without its sub-command, and a coded line; status 2."""
    parser.print_help()
    detail = f"'{parser.prog}' needs a command"
    print_error(SaysoError(errors.E011, detail=detail, prog=parser.prog))
    return 2


def column(value: str) -> str:
    """A ``type=`` for ``--column FIELD=NAME`` (FIELD a metadata field ingest knows)."""
    from sayso.ingest.document import META_FIELDS

    field = value.partition("=")[0].strip()
    if field in META_FIELDS:
        return value
    raise CodedArgumentError(
        errors.E013, what="metadata field", value=field, choices=", ".join(META_FIELDS)
    )


def seconds(option: str) -> Callable[[str], float]:
    """A ``type=`` for a number of seconds above 0 (``--timeout``)."""

    def parse(value: str) -> float:
        try:
            n = float(value)
        except ValueError:
            n = -1.0
        if not n > 0 or n == float("inf"):
            raise CodedArgumentError(
                errors.E017, option=option, value=value, what="a number of seconds",
                expected="a number above 0, e.g. 10 or 2.5",
            )  # fmt: skip
        return n

    return parse


def probability(option: str) -> Callable[[str], float]:
    """A ``type=`` for a number from 0 to 1 (``--min-confidence``)."""

    def parse(value: str) -> float:
        try:
            p = float(value)
        except ValueError:
            p = -1.0
        if not 0.0 <= p <= 1.0:
            raise CodedArgumentError(
                errors.E017, option=option, value=value, what="a probability",
                expected="a number from 0 to 1, e.g. 0.5",
            )  # fmt: skip
        return p

    return parse


def positive(option: str) -> Callable[[str], int]:
    """A ``type=`` for a whole number above 0 (``--max-bytes``)."""

    def parse(value: str) -> int:
        n = count(option)(value)
        if n == 0:
            raise CodedArgumentError(
                errors.E017, option=option, value=value, what="a size above 0",
                expected="a whole number above 0",
            )  # fmt: skip
        return n

    return parse


def character(option: str) -> Callable[[str], str]:
    """A ``type=`` for one character (``--delimiter``); ``\\t`` is a tab."""

    def parse(value: str) -> str:
        char = "\t" if value in ("\\t", "tab", "TAB") else value
        if len(char) != 1:
            raise CodedArgumentError(
                errors.E017, option=option, value=value, what="one character",
                expected="one character, e.g. ';' or '\\t' for a tab",
            )  # fmt: skip
        return char

    return parse
