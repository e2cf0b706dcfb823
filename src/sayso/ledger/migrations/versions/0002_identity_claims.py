"""Actors across articles and claims across outlets: actors.surname / merged_into,
document_actors.match_rule / match_score, actor_merges, claims and claim_bands.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
UTC_TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    # plain ADD COLUMN (no table rebuild: other tables reference actors)
    op.add_column(
        "actors",
        sa.Column(
            "surname",
            sa.Text(),
            nullable=True,
            comment="Phonetic key of the last name word: finds 'Wolodymyr Selenskyj' for "
            "'Zelensky'.",
        ),
    )
    op.add_column(
        "actors",
        sa.Column(
            "merged_into",
            sa.Integer(),
            nullable=True,
            comment="Set when this actor was merged into another (see actor_merges); NULL "
            "otherwise.",
        ),
    )
    op.create_index("ix_actors_surname", "actors", ["surname"])
    if op.get_bind().dialect.name == "postgresql":  # SQLite keeps no column comments
        op.alter_column(
            "statements",
            "claim_id",
            existing_type=sa.Integer(),
            existing_nullable=True,
            comment="The claim this statement is an appearance of (claims.id).",
            existing_comment="The cross-outlet claim this statement is an appearance of "
            "(reserved; NULL).",
        )
    op.add_column(
        "document_actors",
        sa.Column(
            "match_rule",
            sa.String(32),
            nullable=True,
            comment="Why it was linked to that ledger actor: identity.key, identity.surname, "
            "identity.typo, identity.new, manual.merge, manual.split.",
        ),
    )
    op.add_column(
        "document_actors",
        sa.Column("match_score", sa.Float(), nullable=True, comment="How sure that link is."),
    )
    op.create_table(
        "actor_merges",
        sa.Column("id", sa.Integer(), primary_key=True, comment="Merge id."),
        sa.Column(
            "into_id",
            sa.Integer(),
            sa.ForeignKey("actors.id", name="fk_actor_merges_into_id_actors"),
            nullable=False,
            comment="The actor kept.",
        ),
        sa.Column(
            "from_id",
            sa.Integer(),
            sa.ForeignKey("actors.id", name="fk_actor_merges_from_id_actors"),
            nullable=False,
            comment="The actor merged.",
        ),
        sa.Column(
            "rule",
            sa.String(32),
            nullable=False,
            comment="manual.merge, manual.split or the identity rule that matched.",
        ),
        sa.Column("note", sa.Text(), nullable=True, comment="Why (free text)."),
        sa.Column(
            "moved",
            JSON,
            nullable=False,
            comment="Rows moved: document_actors, statements (JSON).",
        ),
        sa.Column("at", UTC_TIME, nullable=False, comment="When (UTC)."),
        sa.Column(
            "undone_at",
            UTC_TIME,
            nullable=True,
            comment="When the merge was split again; NULL if in force.",
        ),
        comment="Every merge or split of actors, with what it moved (undoable).",
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), primary_key=True, comment="Claim id."),
        sa.Column(
            "key",
            sa.String(64),
            nullable=False,
            comment="Hash of the normalised content of its first appearance.",
        ),
        sa.Column(
            "text", sa.Text(), nullable=False, comment="Normalised content (lowercase, no marks)."
        ),
        sa.Column(
            "lang", sa.String(8), nullable=False, comment="Language of the first appearance."
        ),
        sa.Column(
            "appearances",
            sa.Integer(),
            nullable=False,
            comment="How many statements are appearances of it.",
        ),
        sa.Column(
            "first_seen",
            sa.Date(),
            nullable=True,
            comment="Earliest publication date among its appearances.",
        ),
        sa.Column(
            "last_seen",
            sa.Date(),
            nullable=True,
            comment="Latest publication date among its appearances.",
        ),
        sa.UniqueConstraint("key", name="uq_claims_key"),
        comment="One claim (a quotation or report) appearing in one or more articles.",
    )
    op.create_table(
        "claim_bands",
        sa.Column("band", sa.String(24), primary_key=True, comment="Band key."),
        sa.Column(
            "claim_id",
            sa.Integer(),
            sa.ForeignKey("claims.id", ondelete="CASCADE", name="fk_claim_bands_claim_id_claims"),
            primary_key=True,
            comment="The claim.",
        ),
        comment="MinHash LSH band keys of claims: candidates for near-identical reports.",
    )


def downgrade() -> None:
    op.drop_table("claim_bands")
    op.drop_table("claims")
    op.drop_table("actor_merges")
    op.drop_column("document_actors", "match_score")
    op.drop_column("document_actors", "match_rule")
    op.drop_index("ix_actors_surname", table_name="actors")
    op.drop_column("actors", "merged_into")
    op.drop_column("actors", "surname")
