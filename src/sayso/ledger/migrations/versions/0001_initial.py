"""The first ledger: documents, actors, document_actors, statements, relations, runs,
errors, and full-text search (SQLite FTS5 table + triggers, PostgreSQL tsvector + GIN).

Revision ID: 0001
Revises:
Create Date: 2025-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
UTC_TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), primary_key=True, comment="Run id."),
        sa.Column("started_at", UTC_TIME, nullable=False, comment="Start (UTC)."),
        sa.Column(
            "finished_at",
            UTC_TIME,
            nullable=True,
            comment="End (UTC); NULL while running or if it was killed.",
        ),
        sa.Column("note", sa.Text(), nullable=True, comment="What was run (command, source)."),
        sa.Column("added", sa.Integer(), nullable=False, comment="New documents."),
        sa.Column(
            "new_versions",
            sa.Integer(),
            nullable=False,
            comment="Of those, new versions of a URL already in the ledger.",
        ),
        sa.Column(
            "duplicates",
            sa.Integer(),
            nullable=False,
            comment="Documents skipped because their text was already stored.",
        ),
        sa.Column("failed", sa.Integer(), nullable=False, comment="Rows written to 'errors'."),
        sa.Column("statements", sa.Integer(), nullable=False, comment="Statements added."),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
        comment="Ingest runs with their counts.",
    )
    op.create_table(
        "documents",
        sa.Column(
            "id",
            sa.String(64),
            nullable=False,
            comment="Content hash: SHA-256 (hex) of the UTF-8 text; the same text is stored once.",
        ),
        sa.Column(
            "url",
            sa.Text(),
            nullable=True,
            comment="Where the article was found; several versions may share it.",
        ),
        sa.Column(
            "version",
            sa.Integer(),
            nullable=False,
            comment="1 for the first text seen at this URL, 2 for the next changed text, ...",
        ),
        sa.Column("title", sa.Text(), nullable=True, comment="Headline."),
        sa.Column("author", sa.Text(), nullable=True, comment="Byline as given by the source."),
        sa.Column(
            "published",
            sa.Text(),
            nullable=True,
            comment="Publication date/time exactly as the source gave it.",
        ),
        sa.Column(
            "published_date",
            sa.Date(),
            nullable=True,
            comment="Publication day parsed from 'published' (NULL when unparseable).",
        ),
        sa.Column(
            "site",
            sa.Text(),
            nullable=True,
            comment="Outlet or site name (e.g. 'tagesschau.de', 'Reuters').",
        ),
        sa.Column(
            "lang",
            sa.String(8),
            nullable=False,
            comment="Language of the analysis: 'de', 'en' (or 'und' when unknown).",
        ),
        sa.Column(
            "text", sa.Text(), nullable=False, comment="The article text the offsets refer to."
        ),
        sa.Column(
            "source",
            sa.Text(),
            nullable=True,
            comment="Where ingest read it: file path, feed, WARC record, CSV row ...",
        ),
        sa.Column(
            "meta",
            JSON,
            nullable=True,
            comment="Any further metadata from ingest (JSON object).",
        ),
        sa.Column(
            "ingested_at", UTC_TIME, nullable=False, comment="When this row was written (UTC)."
        ),
        sa.Column("run_id", sa.Integer(), nullable=True, comment="The ingest run that added it."),
        sa.Column(
            "statement_count",
            sa.Integer(),
            nullable=False,
            comment="Number of statements found (rows in 'statements').",
        ),
        sa.Column(
            "analysis",
            JSON,
            nullable=False,
            comment="The complete Analysis.to_dict() (sayso JSON): "
            "Analysis.from_dict() restores it.",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name="fk_documents_run_id_runs", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("url", "version", name="uq_documents_url_version"),
        comment="One row per distinct article text; a changed text at a URL is a new version.",
    )
    op.create_index("ix_documents_url", "documents", ["url"])
    op.create_index("ix_documents_published_date", "documents", ["published_date"])
    op.create_index("ix_documents_site", "documents", ["site"])

    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), nullable=False, comment="Ledger actor id."),
        sa.Column(
            "name", sa.Text(), nullable=False, comment="Canonical name (first spelling seen)."
        ),
        sa.Column(
            "key",
            sa.Text(),
            nullable=False,
            comment="Normalised name used for matching (case-folded, spaces collapsed).",
        ),
        sa.Column(
            "kind",
            sa.String(16),
            nullable=False,
            comment="person, organization, outlet, anonymous, document or unknown.",
        ),
        sa.Column(
            "role",
            sa.Text(),
            nullable=True,
            comment="Role or title last seen with the name ('Regierungssprecher').",
        ),
        sa.Column(
            "aliases",
            JSON,
            nullable=False,
            comment="Other spellings seen for this actor (JSON array).",
        ),
        sa.Column(
            "first_seen",
            UTC_TIME,
            nullable=False,
            comment="When the ledger first met this actor (UTC).",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
        sa.UniqueConstraint("key", "kind", name="uq_actors_key_kind"),
        comment="Speakers across the whole ledger (one per normalised name and kind).",
    )
    op.create_index("ix_actors_name", "actors", ["name"])

    op.create_table(
        "document_actors",
        sa.Column("document_id", sa.String(64), nullable=False, comment="The document."),
        sa.Column(
            "local_id",
            sa.String(16),
            nullable=False,
            comment="Actor id inside the analysis ('a1').",
        ),
        sa.Column(
            "actor_id",
            sa.Integer(),
            nullable=False,
            comment="The ledger actor it was resolved to.",
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="The name as the analysis gave it."),
        sa.Column("kind", sa.String(16), nullable=False, comment="Kind as the analysis gave it."),
        sa.Column("role", sa.Text(), nullable=True, comment="Role or title in this document."),
        sa.Column(
            "mentions",
            JSON,
            nullable=False,
            comment="Character spans [start, end] of its mentions (JSON).",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_document_actors_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name="fk_document_actors_actor_id_actors"
        ),
        sa.PrimaryKeyConstraint("document_id", "local_id", name="pk_document_actors"),
        comment="Each actor of each document, linked to its ledger actor; keeping the "
        "name as written makes every merge of actors reversible.",
    )
    op.create_index("ix_document_actors_actor_id", "document_actors", ["actor_id"])

    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), nullable=False, comment="Ledger statement id."),
        sa.Column(
            "document_id",
            sa.String(64),
            nullable=False,
            comment="The document it was found in.",
        ),
        sa.Column(
            "local_id",
            sa.String(16),
            nullable=False,
            comment="Statement id inside the analysis ('s3').",
        ),
        sa.Column(
            "lang",
            sa.String(8),
            nullable=False,
            comment="Language of the document (chooses the full-text configuration).",
        ),
        sa.Column(
            "form",
            sa.String(32),
            nullable=False,
            comment="direct, indirect, free_indirect, indirect_free_indirect or reported.",
        ),
        sa.Column(
            "medium",
            sa.String(32),
            nullable=False,
            comment="speech, writing, thought, mixed values, or unknown.",
        ),
        sa.Column(
            "content",
            sa.Text(),
            nullable=False,
            comment="What was said; parts of a split quote joined with ' … '.",
        ),
        sa.Column(
            "content_spans",
            JSON,
            nullable=False,
            comment="Character spans [start, end] of the content parts (JSON).",
        ),
        sa.Column(
            "speaker",
            sa.Text(),
            nullable=True,
            comment="The speaker as written in the text (NULL for agentless reports).",
        ),
        sa.Column(
            "cue",
            sa.Text(),
            nullable=True,
            comment="The words introducing it ('sagte', 'according to').",
        ),
        sa.Column("actor_id", sa.Integer(), nullable=True, comment="Ledger actor of the speaker."),
        sa.Column(
            "chain",
            JSON,
            nullable=False,
            comment="Ledger actor ids of the source chain, outermost source first (JSON array).",
        ),
        sa.Column(
            "parent",
            sa.String(16),
            nullable=True,
            comment="Local id of the statement this one is nested in.",
        ),
        sa.Column("confidence", sa.Float(), nullable=False, comment="Extraction confidence, 0..1."),
        sa.Column(
            "hearsay",
            sa.Boolean(),
            nullable=False,
            comment="The article marks it as second-hand ('soll', 'reportedly').",
        ),
        sa.Column(
            "hedged",
            sa.Boolean(),
            nullable=False,
            comment="The article hedges it ('möglicherweise', 'may have').",
        ),
        sa.Column(
            "stance",
            sa.String(16),
            nullable=False,
            comment="The cue's stance: neutral, distancing or endorsing.",
        ),
        sa.Column(
            "confirmation",
            sa.String(16),
            nullable=False,
            comment="confirmed, unconfirmed, denied or unknown, per the article.",
        ),
        sa.Column(
            "framing",
            JSON,
            nullable=False,
            comment="Framing with the words behind each facet (JSON, as in the analysis).",
        ),
        sa.Column(
            "rules",
            JSON,
            nullable=False,
            comment="Ids of the rules that produced it (JSON array).",
        ),
        sa.Column(
            "claim_id",
            sa.Integer(),
            nullable=True,
            comment="The cross-outlet claim this statement is an appearance of (reserved; NULL).",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_statements_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name="fk_statements_actor_id_actors"),
        sa.PrimaryKeyConstraint("id", name="pk_statements"),
        sa.UniqueConstraint("document_id", "local_id", name="uq_statements_document_id_local_id"),
        comment="Every attributed statement of every document.",
    )
    op.create_index("ix_statements_actor_id", "statements", ["actor_id"])
    op.create_index("ix_statements_claim_id", "statements", ["claim_id"])

    op.create_table(
        "relations",
        sa.Column("id", sa.Integer(), nullable=False, comment="Ledger relation id."),
        sa.Column("document_id", sa.String(64), nullable=False, comment="The document."),
        sa.Column(
            "local_id",
            sa.String(16),
            nullable=False,
            comment="Relation id inside the analysis ('r1').",
        ),
        sa.Column(
            "kind",
            sa.String(16),
            nullable=False,
            comment="nested_in, disputes, confirms, contradicts, supports, same_claim.",
        ),
        sa.Column("source_id", sa.Integer(), nullable=False, comment="Ledger id of the source."),
        sa.Column(
            "target_id",
            sa.Integer(),
            nullable=True,
            comment="Ledger id of the target statement; NULL when it is not in the article.",
        ),
        sa.Column(
            "target_actor_id",
            sa.Integer(),
            nullable=True,
            comment="Ledger actor whose account is disputed when the target is not reported.",
        ),
        sa.Column("confidence", sa.Float(), nullable=False, comment="How sure, 0..1."),
        sa.Column("reason", sa.Text(), nullable=True, comment="Why (inferred relations)."),
        sa.Column(
            "evidence",
            JSON,
            nullable=False,
            comment="Character spans [start, end] of the evidence (JSON).",
        ),
        sa.Column(
            "rules",
            JSON,
            nullable=False,
            comment="Ids of the rules that produced it (JSON array).",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_relations_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["statements.id"],
            name="fk_relations_source_id_statements",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["statements.id"],
            name="fk_relations_target_id_statements",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_actor_id"], ["actors.id"], name="fk_relations_target_actor_id_actors"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_relations"),
        sa.UniqueConstraint("document_id", "local_id", name="uq_relations_document_id_local_id"),
        comment="Relations between statements of one document (disputes, confirms, ...).",
    )
    op.create_index("ix_relations_kind", "relations", ["kind"])

    op.create_table(
        "errors",
        sa.Column("id", sa.Integer(), nullable=False, comment="Error row id."),
        sa.Column(
            "source",
            sa.Text(),
            nullable=True,
            comment="Which input failed (path, URL, record id).",
        ),
        sa.Column("url", sa.Text(), nullable=True, comment="The document's URL, if known."),
        sa.Column(
            "code",
            sa.String(16),
            nullable=False,
            comment="Error code from sayso.errors ('E001', 'E003', ...).",
        ),
        sa.Column("message", sa.Text(), nullable=False, comment="What went wrong and what to do."),
        sa.Column("at", UTC_TIME, nullable=False, comment="When (UTC)."),
        sa.Column("run_id", sa.Integer(), nullable=True, comment="The run it happened in."),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name="fk_errors_run_id_runs", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_errors"),
        comment="Documents that could not be analysed or stored; the run went on.",
    )
    op.create_index("ix_errors_code", "errors", ["code"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_fulltext()
    elif dialect == "postgresql":
        _postgresql_fulltext()


def _sqlite_fulltext() -> None:
    """An FTS5 index over statements.content and .speaker, kept in sync by triggers.

    External content (``content=[statements]``, the form Datasette detects): the index
    stores no second copy of the text, and Datasette offers a search box on ``statements``.
    The porter stemmer is English; German words are only case- and diacritic-folded (the
    query side adds prefix matching for German, see ``sayso.ledger.fulltext``).
    """
    op.execute(
        "CREATE VIRTUAL TABLE statements_fts USING fts5("
        "content, speaker, content=[statements], content_rowid=[id], "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN "
        "INSERT INTO statements_fts(rowid, content, speaker) "
        "VALUES (new.id, new.content, new.speaker); END"
    )
    op.execute(
        "CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN "
        "INSERT INTO statements_fts(statements_fts, rowid, content, speaker) "
        "VALUES ('delete', old.id, old.content, old.speaker); END"
    )
    op.execute(
        "CREATE TRIGGER statements_fts_update AFTER UPDATE OF content, speaker ON statements "
        "BEGIN "
        "INSERT INTO statements_fts(statements_fts, rowid, content, speaker) "
        "VALUES ('delete', old.id, old.content, old.speaker); "
        "INSERT INTO statements_fts(rowid, content, speaker) "
        "VALUES (new.id, new.content, new.speaker); END"
    )


def _postgresql_fulltext() -> None:
    """A generated tsvector column (german or english by the statement's language) + GIN."""
    op.execute(
        "ALTER TABLE statements ADD COLUMN search tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector(CASE WHEN lang = 'de' THEN 'german'::regconfig "
        "ELSE 'english'::regconfig END, coalesce(content, '')), 'A') || "
        "setweight(to_tsvector(CASE WHEN lang = 'de' THEN 'german'::regconfig "
        "ELSE 'english'::regconfig END, coalesce(speaker, '')), 'B')) STORED"
    )
    op.execute(
        "COMMENT ON COLUMN statements.search IS 'Full-text vector of content (weight A) and "
        "speaker (weight B), german configuration for lang = ''de'', english otherwise.'"
    )
    op.execute("CREATE INDEX ix_statements_search ON statements USING gin (search)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS statements_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS statements_fts")
    for table in (
        "errors",
        "relations",
        "statements",
        "document_actors",
        "actors",
        "documents",
        "runs",
    ):
        op.drop_table(table)
