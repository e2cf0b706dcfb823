"""Indexes on relations.source_id and target_id: the stated relations among the statements
of a topic query were found by reading every dispute and confirmation of the ledger and
testing each against the page's ids (2 ms on 11k relations, growing with the ledger), and
deleting a statement looked for its relations the same way.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_relations_source_id", "relations", ["source_id"])
    op.create_index("ix_relations_target_id", "relations", ["target_id"])


def downgrade() -> None:
    op.drop_index("ix_relations_target_id", table_name="relations")
    op.drop_index("ix_relations_source_id", table_name="relations")
