"""The ledger's tables: plain, documented, readable by any SQL tool (Datasette, psql, pandas).

One row per thing, no ORM magic behind it: every column carries a comment (PostgreSQL keeps
them as ``COMMENT ON``; for SQLite the same text is in
:func:`sayso.ledger.describe.describe` and in the README).
The full ``Analysis`` of each document is kept as JSON in ``documents.analysis`` (all but its
text, which is ``documents.text``), so nothing the analysis found is lost; the other tables
spread the parts people search by (speaker, outlet, date, framing) into columns.

Full-text search lives outside these declarations because it differs per backend and is
created by the migration: SQLite gets an FTS5 table ``statements_fts`` kept in sync by
triggers, PostgreSQL a generated ``tsvector`` column ``statements.search`` with a GIN index.

This module describes the *current* schema as SQLAlchemy Core tables; the migrations in
``migrations/versions`` are frozen snapshots that build it, and a test checks that they
agree. Reading (queries, the CLI's query commands, the web view) uses these tables alone;
the ORM classes of the writing side (:mod:`sayso.ledger.orm`) are mapped onto them, so a
query command does not pay for loading SQLAlchemy's ORM and mapping the classes (issue 14:
about a quarter of the start-up of ``sayso claims``).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from sayso.ledger.coltypes import NAMING, Json

#: every table of the ledger (alembic compares the migrations against it)
metadata = MetaData(naming_convention=NAMING)


documents = Table(
    "documents",
    metadata,
    Column(
        "id",
        String(64),
        primary_key=True,
        comment="Content hash: SHA-256 (hex) of the UTF-8 text; the same text is stored once.",
    ),
    Column("url", Text, comment="Where the article was found; several versions may share it."),
    Column(
        "version",
        Integer,
        nullable=False,
        default=1,
        comment="1 for the first text seen at this URL, 2 for the next changed text, ...",
    ),
    Column("title", Text, comment="Headline."),
    Column("author", Text, comment="Byline as given by the source."),
    Column("published", Text, comment="Publication date/time exactly as the source gave it."),
    Column(
        "published_date",
        Date,
        comment="Publication day parsed from 'published' (NULL when unparseable).",
    ),
    Column("site", Text, comment="Outlet or site name (e.g. 'tagesschau.de', 'Reuters')."),
    Column(
        "lang",
        String(8),
        nullable=False,
        comment="Language of the analysis: 'de', 'en' (or 'und' when unknown).",
    ),
    Column("text", Text, nullable=False, comment="The article text the offsets refer to."),
    Column(
        "source", Text, comment="Where ingest read it: file path, feed, WARC record, CSV row ..."
    ),
    Column("meta", Json, comment="Any further metadata from ingest (JSON object)."),
    Column(
        "ingested_at",
        DateTime(timezone=True),
        nullable=False,
        comment="When this row was written (UTC).",
    ),
    Column(
        "run_id",
        ForeignKey("runs.id", ondelete="SET NULL"),
        comment="The ingest run that added it.",
    ),
    Column(
        "statement_count",
        Integer,
        nullable=False,
        default=0,
        comment="Number of statements found (rows in 'statements').",
    ),
    Column(
        "analysis",
        Json,
        nullable=False,
        comment="Analysis.to_dict() (sayso JSON) without its text, which is the text column: "
        "Analysis.from_dict() of it with that text restores it.",
    ),
    # (url, version) is unique, and its index serves "the versions of a URL"
    UniqueConstraint("url", "version"),
    Index("ix_documents_published_date", "published_date"),
    Index("ix_documents_site", "site"),
    comment="One row per distinct article text; a changed text at a URL is a new version.",
)


actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, comment="Ledger actor id."),
    Column("name", Text, nullable=False, comment="Canonical name (first spelling seen)."),
    Column(
        "key",
        Text,
        nullable=False,
        comment="Normalised name used for matching (case-folded, spaces collapsed).",
    ),
    Column(
        "kind",
        String(16),
        nullable=False,
        comment="person, organization, outlet, anonymous, document or unknown.",
    ),
    Column("role", Text, comment="Role or title last seen with the name ('Regierungssprecher')."),
    Column(
        "aliases",
        Json,
        nullable=False,
        default=list,
        comment="Other spellings seen for this actor (JSON array).",
    ),
    Column(
        "first_seen",
        DateTime(timezone=True),
        nullable=False,
        comment="When the ledger first met this actor (UTC).",
    ),
    Column(
        "surname",
        Text,
        index=True,
        comment="Phonetic key of the last name word: finds 'Wolodymyr Selenskyj' for 'Zelensky'.",
    ),
    Column(
        "merged_into",
        Integer,
        comment="Set when this actor was merged into another (see actor_merges); NULL otherwise.",
    ),
    UniqueConstraint("key", "kind"),
    Index("ix_actors_name", "name"),
    comment="Speakers across the whole ledger (one per normalised name and kind).",
)


actor_merges = Table(
    "actor_merges",
    metadata,
    Column("id", Integer, primary_key=True, comment="Merge id."),
    Column("into_id", ForeignKey("actors.id"), nullable=False, comment="The actor kept."),
    Column("from_id", ForeignKey("actors.id"), nullable=False, comment="The actor merged."),
    Column(
        "rule",
        String(32),
        nullable=False,
        comment="manual.merge, manual.split or the identity rule that matched.",
    ),
    Column("note", Text, comment="Why (free text)."),
    Column(
        "moved",
        Json,
        nullable=False,
        default=dict,
        comment="Rows moved: document_actors, statements (JSON).",
    ),
    Column("at", DateTime(timezone=True), nullable=False, comment="When (UTC)."),
    Column(
        "undone_at",
        DateTime(timezone=True),
        comment="When the merge was split again; NULL if in force.",
    ),
    comment="Every merge or split of actors, with what it moved (undoable).",
)


claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, comment="Claim id."),
    Column(
        "key",
        String(64),
        nullable=False,
        comment="Hash of the normalised content of its first appearance.",
    ),
    Column("text", Text, nullable=False, comment="Normalised content (lowercase, no marks)."),
    Column("lang", String(8), nullable=False, comment="Language of the first appearance."),
    Column(
        "appearances",
        Integer,
        nullable=False,
        default=1,
        comment="How many statements are appearances of it.",
    ),
    Column("first_seen", Date, comment="Earliest publication date among its appearances."),
    Column("last_seen", Date, comment="Latest publication date among its appearances."),
    UniqueConstraint("key"),
    comment="One claim (a quotation or report) appearing in one or more articles.",
)


claim_bands = Table(
    "claim_bands",
    metadata,
    Column("band", BigInteger, primary_key=True, comment="Band key."),
    Column(
        "claim_id",
        ForeignKey("claims.id", ondelete="CASCADE"),
        primary_key=True,
        comment="The claim.",
    ),
    comment="MinHash LSH band keys of claims: candidates for near-identical reports.",
    # one B-tree of (band, claim_id) on SQLite, not a table and its key's index
    sqlite_with_rowid=False,
)


document_actors = Table(
    "document_actors",
    metadata,
    Column(
        "document_id",
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
        comment="The document.",
    ),
    Column(
        "local_id", String(16), primary_key=True, comment="Actor id inside the analysis ('a1')."
    ),
    Column(
        "actor_id",
        ForeignKey("actors.id"),
        nullable=False,
        comment="The ledger actor it was resolved to.",
    ),
    Column("name", Text, nullable=False, comment="The name as the analysis gave it."),
    Column("kind", String(16), nullable=False, comment="Kind as the analysis gave it."),
    Column("role", Text, comment="Role or title in this document."),
    Column(
        "mentions",
        Json,
        nullable=False,
        default=list,
        comment="Character spans [start, end] of its mentions (JSON).",
    ),
    Column(
        "match_rule",
        String(32),
        comment="Why it was linked to that ledger actor: identity.key, identity.surname, "
        "identity.typo, identity.new, manual.merge, manual.split.",
    ),
    Column("match_score", Float, comment="How sure that link is."),
    Index("ix_document_actors_actor_id", "actor_id"),
    comment="Each actor of each document, linked to its ledger actor; keeping the "
    "name as written makes every merge of actors reversible.",
)


statements = Table(
    "statements",
    metadata,
    Column("id", Integer, primary_key=True, comment="Ledger statement id."),
    Column(
        "document_id",
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        comment="The document it was found in.",
    ),
    Column(
        "local_id", String(16), nullable=False, comment="Statement id inside the analysis ('s3')."
    ),
    Column(
        "lang",
        String(8),
        nullable=False,
        comment="Language of the document (chooses the full-text configuration).",
    ),
    Column(
        "form",
        String(32),
        nullable=False,
        comment="direct, indirect, free_indirect, indirect_free_indirect or reported.",
    ),
    Column(
        "medium",
        String(32),
        nullable=False,
        comment="speech, writing, thought, mixed values, or unknown.",
    ),
    Column(
        "content",
        Text,
        nullable=False,
        comment="What was said; parts of a split quote joined with ' … '.",
    ),
    Column(
        "content_spans",
        Json,
        nullable=False,
        comment="Character spans [start, end] of the content parts (JSON).",
    ),
    Column(
        "speaker", Text, comment="The speaker as written in the text (NULL for agentless reports)."
    ),
    Column("cue", Text, comment="The words introducing it ('sagte', 'according to')."),
    Column("actor_id", ForeignKey("actors.id"), comment="Ledger actor of the speaker."),
    Column(
        "chain",
        Json,
        nullable=False,
        default=list,
        comment="Ledger actor ids of the source chain, outermost source first (JSON array).",
    ),
    Column("parent", String(16), comment="Local id of the statement this one is nested in."),
    Column(
        "confidence",
        Float,
        nullable=False,
        comment="How sure sayso is of the attribution, 0..1: the speaker model's calibrated "
        "probability, 1.0 where rules decided without a model.",
    ),
    Column(
        "hearsay",
        Boolean,
        nullable=False,
        comment="The article marks it as second-hand ('soll', 'reportedly').",
    ),
    Column(
        "hedged",
        Boolean,
        nullable=False,
        comment="The article hedges it ('möglicherweise', 'may have').",
    ),
    Column(
        "stance",
        String(16),
        nullable=False,
        comment="The cue's stance: neutral, distancing or endorsing.",
    ),
    Column(
        "confirmation",
        String(16),
        nullable=False,
        comment="confirmed, unconfirmed, denied or unknown, per the article.",
    ),
    Column(
        "framing",
        Json,
        nullable=False,
        comment="Framing with the words behind each facet (JSON, as in the analysis).",
    ),
    Column(
        "rules",
        Json,
        nullable=False,
        default=list,
        comment="Ids of the rules that produced it (JSON array).",
    ),
    Column(
        "claim_id", Integer, comment="The claim this statement is an appearance of (claims.id)."
    ),
    Column(
        "published_date",
        Date,
        comment="Copy of documents.published_date: a speaker's statements newest first "
        "without sorting them all.",
    ),
    # (document_id, local_id) is unique, and its index serves "statements of a document"
    UniqueConstraint("document_id", "local_id"),
    Index("ix_statements_claim_id", "claim_id"),
    # serves "statements of an actor" too (an index on actor_id alone was one more
    # B-tree to write for every statement, never read)
    Index("ix_statements_actor_id_published_date", "actor_id", "published_date"),
    # PostgreSQL cannot read an ascending index backwards as DESC NULLS LAST (the order
    # of "newest first"); SQLite sorts NULLs first and uses the index above
    Index(
        "ix_statements_actor_id_published_date_desc",
        "actor_id",
        text("published_date DESC NULLS LAST"),
    ).ddl_if(dialect="postgresql"),
    # "newest first" over every statement (the web view's home page, an unfiltered
    # API page): SQLite reads (published_date, id) backwards, NULLs last; PostgreSQL
    # needs the order spelt out (see 0004)
    Index("ix_statements_published_date_id", "published_date", "id").ddl_if(dialect="sqlite"),
    Index(
        "ix_statements_newest_first",
        text("published_date DESC NULLS LAST"),
        text("id DESC"),
    ).ddl_if(dialect="postgresql"),
    comment="Every attributed statement of every document.",
)


relations = Table(
    "relations",
    metadata,
    Column("id", Integer, primary_key=True, comment="Ledger relation id."),
    Column(
        "document_id",
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        comment="The document.",
    ),
    Column(
        "local_id", String(16), nullable=False, comment="Relation id inside the analysis ('r1')."
    ),
    Column(
        "kind",
        String(16),
        nullable=False,
        comment="nested_in, disputes, confirms, contradicts, supports, same_claim.",
    ),
    Column(
        "source_id",
        ForeignKey("statements.id", ondelete="CASCADE"),
        nullable=False,
        comment="Ledger id of the source.",
    ),
    Column(
        "target_id",
        ForeignKey("statements.id", ondelete="CASCADE"),
        comment="Ledger id of the target statement; NULL when it is not in the article.",
    ),
    Column(
        "target_actor_id",
        ForeignKey("actors.id"),
        comment="Ledger actor whose account is disputed when the target is not reported.",
    ),
    Column("confidence", Float, nullable=False, comment="How sure, 0..1."),
    Column("reason", Text, comment="Why (inferred relations)."),
    Column(
        "evidence",
        Json,
        nullable=False,
        default=list,
        comment="Character spans [start, end] of the evidence (JSON).",
    ),
    Column(
        "rules",
        Json,
        nullable=False,
        default=list,
        comment="Ids of the rules that produced it (JSON array).",
    ),
    UniqueConstraint("document_id", "local_id"),
    Index("ix_relations_kind", "kind"),
    # the relations among a page of statements (accounts), and cascading deletes
    Index("ix_relations_source_id", "source_id"),
    Index("ix_relations_target_id", "target_id"),
    comment="Relations between statements of one document (disputes, confirms, ...).",
)


runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, comment="Run id."),
    Column("started_at", DateTime(timezone=True), nullable=False, comment="Start (UTC)."),
    Column(
        "finished_at",
        DateTime(timezone=True),
        comment="End (UTC); NULL while running or if it was killed.",
    ),
    Column("note", Text, comment="What was run (command, source)."),
    Column("added", Integer, nullable=False, default=0, comment="New documents."),
    Column(
        "new_versions",
        Integer,
        nullable=False,
        default=0,
        comment="Of those, new versions of a URL already in the ledger.",
    ),
    Column(
        "duplicates",
        Integer,
        nullable=False,
        default=0,
        comment="Documents skipped because their text was already stored.",
    ),
    Column("failed", Integer, nullable=False, default=0, comment="Rows written to 'errors'."),
    Column("statements", Integer, nullable=False, default=0, comment="Statements added."),
    comment="Ingest runs with their counts.",
)


errors = Table(
    "errors",
    metadata,
    Column("id", Integer, primary_key=True, comment="Error row id."),
    Column("source", Text, comment="Which input failed (path, URL, record id)."),
    Column("url", Text, comment="The document's URL, if known."),
    Column(
        "code",
        String(16),
        nullable=False,
        comment="Error code from sayso.errors ('E001', 'E003', ...).",
    ),
    Column("message", Text, nullable=False, comment="What went wrong and what to do."),
    Column("at", DateTime(timezone=True), nullable=False, comment="When (UTC)."),
    Column("run_id", ForeignKey("runs.id", ondelete="SET NULL"), comment="The run it happened in."),
    Index("ix_errors_code", "code"),
    comment="Documents that could not be analysed or stored; the run went on.",
)


corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, comment="Correction id."),
    Column(
        "document_id",
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        comment="The corrected document.",
    ),
    Column(
        "statement",
        String(32),
        nullable=False,
        comment="The statement's id in the document's analysis ('s3').",
    ),
    Column("kind", String(16), nullable=False, comment="speaker, not_statement or framing."),
    Column(
        "actor_id",
        ForeignKey("actors.id", ondelete="SET NULL"),
        comment="kind speaker: the right ledger actor (NULL for a new name).",
    ),
    Column(
        "actor_name",
        Text,
        comment="kind speaker: the right speaker's name when no ledger actor is it.",
    ),
    Column(
        "label", String(16), comment="kind framing: the label corrected (hearsay, hedged, ...)."
    ),
    Column("value", Boolean, comment="kind framing: whether the label holds."),
    Column("author", Text, nullable=False, comment="Who corrected it."),
    Column("note", Text, comment="Why (free text)."),
    Column("at", DateTime(timezone=True), nullable=False, comment="When (UTC)."),
    Index("ix_corrections_document_id", "document_id"),
    comment="Readers' corrections of statements (who, when, what, why); the stored "
    "analysis is never rewritten.",
)


ledger_changes = Table(
    "ledger_changes",
    metadata,
    Column("id", Integer, primary_key=True, comment="Always 1."),
    Column(
        "version",
        BigInteger,
        nullable=False,
        comment="Raised by every write to the tables listed in CHANGE_TABLES.",
    ),
    comment="One row counting the writes to the ledger, kept by triggers (migration "
    "0010): a reader that caches answers (the web view) sees a write of any process "
    "as a new version.",
)


#: the tables whose writes raise ``ledger_changes.version`` (their triggers are created by
#: migration 0010; on SQLite per row, so the bulk tables a document brings along —
#: statements, claims, bands — count through their document; on PostgreSQL per SQL
#: statement, every table)
CHANGE_TABLES = ("documents", "actors", "actor_merges", "corrections", "runs", "errors")
CHANGE_TABLES_BULK = ("statements", "relations", "claims", "document_actors")

#: a plain index declared for one backend only (``ddl_if``): alembic's comparison does not
#: know ``ddl_if`` and would ask for it on the other backend too
ONE_BACKEND_INDEXES = frozenset({"ix_statements_published_date_id"})

#: tables that exist only on one backend and are created by the migration, not declared here
FULLTEXT_OBJECTS = frozenset(
    {"statements_fts", "search", "ix_statements_search", "ix_statements_search_by_age"}
)
