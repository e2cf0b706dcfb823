"""PostgreSQL: a GIN index over each statement's search vector with two lexemes naming its
age (its id's bucket of 8,192 and of 65,536, each beginning with a space, which no parsed
word holds). A plain text query ranks the newest 500 matches; no index gave the newest
matches of a word, and walking the primary key backwards testing every statement read
75k of them for a word in 0.7 % of the ledger. With the buckets the index finds the
matches among the newest statements alone (``sayso.ledger.fulltext.postgresql_newest``,
whose expression must stay this one). SQLite is not changed: its FTS5 index hands out the
newest matches first.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BY_AGE = "(search || array_to_tsvector(ARRAY[' s' || (id >> 13)::text, ' l' || (id >> 16)::text]))"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE INDEX ix_statements_search_by_age ON statements USING gin ({BY_AGE})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_statements_search_by_age")
