"""documents.analysis without the text: the text is the row's own ``text`` column, and the
analysis JSON repeated it (2.7 of 6.3 kB for an average news article). Writing it twice
was a good part of what storing a document cost, and half of the ledger's size.
:meth:`sayso.ledger.Ledger.analysis` puts the text back.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD = "The complete Analysis.to_dict() (sayso JSON): Analysis.from_dict() restores it."
_NEW = (
    "Analysis.to_dict() (sayso JSON) without its text, which is the text column: "
    "Analysis.from_dict() of it with that text restores it."
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE documents SET analysis = analysis - 'text' WHERE analysis ? 'text'")
        op.alter_column(
            "documents", "analysis", comment=_NEW, existing_comment=_OLD,
            existing_type=JSONB(), existing_nullable=False,
        )  # fmt: skip
    else:  # SQLite keeps no column comments
        op.execute(
            "UPDATE documents SET analysis = json_remove(analysis, '$.text') "
            "WHERE json_type(analysis, '$.text') IS NOT NULL"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE documents SET analysis = analysis || jsonb_build_object('text', text)")
        op.alter_column(
            "documents", "analysis", comment=_OLD, existing_comment=_NEW,
            existing_type=JSONB(), existing_nullable=False,
        )  # fmt: skip
    else:
        op.execute("UPDATE documents SET analysis = json_set(analysis, '$.text', text)")
