"""Alembic environment for the ledger, driven from code (``sayso.ledger.migrate``).

No ``alembic.ini``: the caller puts an open SQLAlchemy connection into
``config.attributes["connection"]`` and this script runs the migrations on it, inside the
caller's transaction. On PostgreSQL an advisory lock keeps two processes that open the same
fresh ledger at once from both creating the tables.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection

from sayso.ledger.schema import FULLTEXT_OBJECTS, metadata

#: pg_advisory_xact_lock key: 'sayso' as a number
_LOCK_KEY = 0x736179736F


def _include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare: Any) -> bool:
    """Autogenerate ignores the full-text objects, which the migrations create by hand."""
    return name not in FULLTEXT_OBJECTS and not (name or "").startswith("statements_fts")


def run_migrations(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=_include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


_connection = context.config.attributes.get("connection")
if _connection is None:
    raise RuntimeError("sayso's migrations run from code: use sayso.ledger.migrate.upgrade(engine)")
if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations(_connection)
