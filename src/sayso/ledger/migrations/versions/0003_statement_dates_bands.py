"""statements.published_date (a copy of the document's day) with an (actor_id,
published_date) index, so a much-quoted speaker's newest statements come without sorting
all of them; claim_bands recomputed for the faster MinHash of sayso.ledger.claims.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "statements",
        sa.Column(
            "published_date",
            sa.Date(),
            nullable=True,
            comment="Copy of documents.published_date: a speaker's statements newest first "
            "without sorting them all.",
        ),
    )
    op.execute(
        "UPDATE statements SET published_date = (SELECT documents.published_date "
        "FROM documents WHERE documents.id = statements.document_id)"
    )
    op.create_index(
        "ix_statements_actor_id_published_date", "statements", ["actor_id", "published_date"]
    )
    # the band keys of every claim, with the current fingerprint
    from sayso.ledger.claims import fingerprint

    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM claim_bands"))
    rows = bind.execute(sa.text("SELECT id, text FROM claims")).all()
    batch: list[dict[str, object]] = []
    insert = sa.text("INSERT INTO claim_bands (band, claim_id) VALUES (:band, :claim_id)")
    for claim_id, text in rows:
        for band in sorted(set(fingerprint(text).bands)):
            batch.append({"band": band, "claim_id": claim_id})
        if len(batch) >= 10_000:
            bind.execute(insert, batch)
            batch = []
    if batch:
        bind.execute(insert, batch)


def downgrade() -> None:
    op.drop_index("ix_statements_actor_id_published_date", table_name="statements")
    op.drop_column("statements", "published_date")
