"""``statements.confidence`` says what it holds now: how sure sayso is of the attribution
(the speaker model's calibrated probability; 1.0 where rules decided without a model), the
value ``--min-confidence`` and ``Ledger.statements(min_confidence=…)`` filter on. The
column exists since 0001; only its description changes (PostgreSQL keeps column comments,
SQLite keeps none).

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW = (
    "How sure sayso is of the attribution, 0..1: the speaker model's calibrated "
    "probability, 1.0 where rules decided without a model."
)
OLD = "Extraction confidence, 0..1."


def _comment(text: str, before: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite stores no column comments
    op.alter_column(
        "statements",
        "confidence",
        existing_type=sa.Float(),
        existing_nullable=False,
        comment=text,
        existing_comment=before,
    )


def upgrade() -> None:
    _comment(NEW, OLD)


def downgrade() -> None:
    _comment(OLD, NEW)
