"""PostgreSQL: an (actor_id, published_date DESC NULLS LAST) index, so a much-quoted
speaker's newest statements come straight from the index (an ascending index read backwards
gives DESC NULLS FIRST in PostgreSQL). SQLite needs nothing: it sorts NULLs first.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(
            "ix_statements_actor_id_published_date_desc",
            "statements",
            ["actor_id", sa.text("published_date DESC NULLS LAST")],
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_statements_actor_id_published_date_desc", table_name="statements")
