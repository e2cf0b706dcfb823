"""A change counter for readers that cache (``sayso serve``): one row,
``ledger_changes.version``, raised by triggers on every write to the ledger's tables, so
that a cached answer is known stale after a write by any process (another server worker,
``sayso ingest``, psql) — one indexed read of one row per request instead of the query.

SQLite triggers run per row: they sit on the tables that change with every write that
matters (documents, actors, merges, corrections, runs, errors), not on the bulk tables a
document brings along. PostgreSQL's run once per SQL statement and sit on every table.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# frozen copies of schema.CHANGE_TABLES / CHANGE_TABLES_BULK at this revision
TABLES = ("documents", "actors", "actor_merges", "corrections", "runs", "errors")
BULK = ("statements", "relations", "claims", "document_actors")
OPS = ("INSERT", "UPDATE", "DELETE")
BUMP = "UPDATE ledger_changes SET version = version + 1 WHERE id = 1"


def upgrade() -> None:
    op.create_table(
        "ledger_changes",
        sa.Column("id", sa.Integer(), primary_key=True, comment="Always 1."),
        sa.Column(
            "version",
            sa.BigInteger(),
            nullable=False,
            comment="Raised by every write to the tables listed in CHANGE_TABLES.",
        ),
        comment="One row counting the writes to the ledger, kept by triggers (migration "
        "0010): a reader that caches answers (the web view) sees a write of any process "
        "as a new version.",
    )
    op.execute("INSERT INTO ledger_changes (id, version) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION ledger_changed() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {BUMP}; RETURN NULL; END $$"
        )
        for table in TABLES + BULK:
            op.execute(
                f"CREATE TRIGGER ledger_changes_{table} AFTER INSERT OR UPDATE OR DELETE "
                f"OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION ledger_changed()"
            )
        return
    for table in TABLES:
        for what in OPS:
            op.execute(
                f"CREATE TRIGGER ledger_changes_{table}_{what.lower()} AFTER {what} ON {table} "
                f"BEGIN {BUMP}; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES + BULK:
            op.execute(f"DROP TRIGGER IF EXISTS ledger_changes_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS ledger_changed()")
    else:
        for table in TABLES:
            for what in OPS:
                op.execute(f"DROP TRIGGER IF EXISTS ledger_changes_{table}_{what.lower()}")
    op.drop_table("ledger_changes")
