"""Two indexes that only cost writes: ``ix_statements_actor_id`` (the index on actor_id and
published_date serves every lookup by actor) and ``ix_documents_url`` (the unique index on
url and version serves every lookup by URL). Every stored statement wrote a B-tree entry
that no query read.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_statements_actor_id", table_name="statements")
    op.drop_index("ix_documents_url", table_name="documents")


def downgrade() -> None:
    op.create_index("ix_documents_url", "documents", ["url"])
    op.create_index("ix_statements_actor_id", "statements", ["actor_id"])
