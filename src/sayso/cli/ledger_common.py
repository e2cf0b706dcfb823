"""What the ledger commands share: the ``--db`` option and opening the ledger."""

from __future__ import annotations

import argparse
from typing import Any

from sayso.cli.args import db_url


def add_db_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=None,
        type=db_url,
        metavar="URL",
        help="ledger database (default: $SAYSO_DB, else sqlite:///sayso.db); "
        "e.g. postgresql://user@host/db",
    )


def open_ledger(url: str | None) -> Any:
    """The ledger at ``url`` (a context manager; E201 when it cannot be opened)."""
    from sayso.ledger import Ledger

    return Ledger.open(url)
