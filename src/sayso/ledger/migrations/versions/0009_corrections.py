"""Readers' corrections of statements (``sayso serve``): a table of their own, so the stored
analysis is never rewritten and a correction survives every later analysis of the text.
And an index for "every statement, newest first" (the web view's home page and an
unfiltered API page: 1.5 s on a million statements without it, a sort of the whole table).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True, comment="Correction id."),
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey(
                "documents.id", name="fk_corrections_document_id_documents", ondelete="CASCADE"
            ),
            nullable=False,
            comment="The corrected document.",
        ),
        sa.Column(
            "statement",
            sa.String(32),
            nullable=False,
            comment="The statement's id in the document's analysis ('s3').",
        ),
        sa.Column(
            "kind", sa.String(16), nullable=False, comment="speaker, not_statement or framing."
        ),
        sa.Column(
            "actor_id",
            sa.Integer(),
            sa.ForeignKey("actors.id", name="fk_corrections_actor_id_actors", ondelete="SET NULL"),
            nullable=True,
            comment="kind speaker: the right ledger actor (NULL for a new name).",
        ),
        sa.Column(
            "actor_name",
            sa.Text(),
            nullable=True,
            comment="kind speaker: the right speaker's name when no ledger actor is it.",
        ),
        sa.Column(
            "label",
            sa.String(16),
            nullable=True,
            comment="kind framing: the label corrected (hearsay, hedged, ...).",
        ),
        sa.Column(
            "value", sa.Boolean(), nullable=True, comment="kind framing: whether the label holds."
        ),
        sa.Column("author", sa.Text(), nullable=False, comment="Who corrected it."),
        sa.Column("note", sa.Text(), nullable=True, comment="Why (free text)."),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, comment="When (UTC)."),
        comment="Readers' corrections of statements (who, when, what, why); the stored "
        "analysis is never rewritten.",
    )
    op.create_index("ix_corrections_document_id", "corrections", ["document_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(
            "ix_statements_newest_first",
            "statements",
            [sa.text("published_date DESC NULLS LAST"), sa.text("id DESC")],
        )
    else:
        op.create_index("ix_statements_published_date_id", "statements", ["published_date", "id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_statements_newest_first", table_name="statements")
    else:
        op.drop_index("ix_statements_published_date_id", table_name="statements")
    op.drop_index("ix_corrections_document_id", table_name="corrections")
    op.drop_table("corrections")
