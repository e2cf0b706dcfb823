"""claim_bands keyed by 64-bit integers (was a 19-character string), without a rowid on
SQLite (one B-tree instead of a table and its primary-key index), recomputed for the
batched MinHash of sayso.ledger.claims. A batch of articles writes 16 band rows per new
claim; they were the dearest rows of an ingest.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COMMENT = "MinHash LSH band keys of claims: candidates for near-identical reports."


def _create(band_type: sa.types.TypeEngine[Any], *, rowid: bool) -> None:
    op.create_table(
        "claim_bands",
        sa.Column("band", band_type, primary_key=True, comment="Band key."),
        sa.Column(
            "claim_id",
            sa.Integer(),
            sa.ForeignKey("claims.id", ondelete="CASCADE", name="fk_claim_bands_claim_id_claims"),
            primary_key=True,
            comment="The claim.",
        ),
        comment=_COMMENT,
        sqlite_with_rowid=rowid,
    )


def _fill() -> None:
    """The band rows of every claim, 5,000 claims at a time (a million-statement ledger
    has 12 M band rows: one array insert per batch on PostgreSQL, the driver's
    executemany on SQLite)."""
    from sayso.ledger.claims import fingerprints

    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    last = 0
    while True:
        rows = bind.execute(
            sa.text("SELECT id, text FROM claims WHERE id > :last ORDER BY id LIMIT 5000"),
            {"last": last},
        ).all()
        if not rows:
            break
        prints = fingerprints([text for _, text in rows])
        bands = [
            (band, claim_id)
            for (claim_id, _), fp in zip(rows, prints, strict=True)
            for band in sorted(set(fp.bands))
        ]
        if bands and pg:
            bind.exec_driver_sql(
                "INSERT INTO claim_bands (band, claim_id) "
                "SELECT * FROM unnest(%s::bigint[], %s::integer[])",
                ([b for b, _ in bands], [c for _, c in bands]),
            )
        elif bands:
            bind.exec_driver_sql("INSERT INTO claim_bands (band, claim_id) VALUES (?, ?)", bands)
        last = rows[-1][0]


def upgrade() -> None:
    op.drop_table("claim_bands")
    _create(sa.BigInteger(), rowid=False)
    pg = op.get_bind().dialect.name == "postgresql"
    if pg:  # the key's index is built once, sorted, after the rows are in
        op.drop_constraint("pk_claim_bands", "claim_bands", type_="primary")
    _fill()
    if pg:
        op.create_primary_key("pk_claim_bands", "claim_bands", ["band", "claim_id"])


def downgrade() -> None:
    # the string keys came from an older fingerprint: the bands of known claims are gone
    # after a downgrade (they are an index; upgrading again recomputes them)
    op.drop_table("claim_bands")
    _create(sa.String(24), rowid=True)
