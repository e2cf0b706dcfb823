"""The ledger's tables: plain, documented, readable by any SQL tool (Datasette, psql, pandas).

One row per thing, no ORM magic behind it: every column carries a comment (PostgreSQL keeps
them as ``COMMENT ON``; for SQLite the same text is in :func:`describe` and in the README).
The full ``Analysis`` of each document is kept as JSON in ``documents.analysis`` (all but its
text, which is ``documents.text``), so nothing the analysis found is lost; the other tables
spread the parts people search by (speaker, outlet, date, framing) into columns.

Full-text search lives outside these declarations because it differs per backend and is
created by the migration: SQLite gets an FTS5 table ``statements_fts`` kept in sync by
triggers, PostgreSQL a generated ``tsvector`` column ``statements.search`` with a GIN index.

This module describes the *current* schema; the migrations in ``migrations/versions`` are
frozen snapshots that build it, and a test checks that they agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine


class _Json(TypeDecorator[Any]):
    """JSON on every backend; JSONB on PostgreSQL (indexable, compact), TEXT holding JSON on
    SQLite. The PostgreSQL types are imported only when a PostgreSQL ledger is opened, so a
    query on an SQLite ledger does not pay for loading that dialect."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())


Json: TypeEngine[Any] = _Json()

#: constraint and index names are stable and predictable (migrations refer to them)
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        # (url, version) is unique, and its index serves "the versions of a URL"
        UniqueConstraint("url", "version"),
        Index("ix_documents_published_date", "published_date"),
        Index("ix_documents_site", "site"),
        {"comment": "One row per distinct article text; a changed text at a URL is a new version."},
    )

    id: Mapped[str] = mapped_column(
        String(64),
        primary_key=True,
        comment="Content hash: SHA-256 (hex) of the UTF-8 text; the same text is stored once.",
    )
    url: Mapped[str | None] = mapped_column(
        Text, comment="Where the article was found; several versions may share it."
    )
    version: Mapped[int] = mapped_column(
        Integer,
        default=1,
        comment="1 for the first text seen at this URL, 2 for the next changed text, ...",
    )
    title: Mapped[str | None] = mapped_column(Text, comment="Headline.")
    author: Mapped[str | None] = mapped_column(Text, comment="Byline as given by the source.")
    published: Mapped[str | None] = mapped_column(
        Text, comment="Publication date/time exactly as the source gave it."
    )
    published_date: Mapped[dt.date | None] = mapped_column(
        Date, comment="Publication day parsed from 'published' (NULL when unparseable)."
    )
    site: Mapped[str | None] = mapped_column(
        Text, comment="Outlet or site name (e.g. 'tagesschau.de', 'Reuters')."
    )
    lang: Mapped[str] = mapped_column(
        String(8), comment="Language of the analysis: 'de', 'en' (or 'und' when unknown)."
    )
    text: Mapped[str] = mapped_column(Text, comment="The article text the offsets refer to.")
    source: Mapped[str | None] = mapped_column(
        Text, comment="Where ingest read it: file path, feed, WARC record, CSV row ..."
    )
    meta: Mapped[dict[str, Any] | None] = mapped_column(
        Json, comment="Any further metadata from ingest (JSON object)."
    )
    ingested_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), comment="When this row was written (UTC)."
    )
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("runs.id", ondelete="SET NULL"), comment="The ingest run that added it."
    )
    statement_count: Mapped[int] = mapped_column(
        Integer, default=0, comment="Number of statements found (rows in 'statements')."
    )
    analysis: Mapped[dict[str, Any]] = mapped_column(
        Json,
        comment=(
            "Analysis.to_dict() (sayso JSON) without its text, which is the text column: "
            "Analysis.from_dict() of it with that text restores it."
        ),
    )


class Actor(Base):
    __tablename__ = "actors"
    __table_args__ = (
        UniqueConstraint("key", "kind"),
        Index("ix_actors_name", "name"),
        {"comment": "Speakers across the whole ledger (one per normalised name and kind)."},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Ledger actor id.")
    name: Mapped[str] = mapped_column(Text, comment="Canonical name (first spelling seen).")
    key: Mapped[str] = mapped_column(
        Text, comment="Normalised name used for matching (case-folded, spaces collapsed)."
    )
    kind: Mapped[str] = mapped_column(
        String(16),
        comment="person, organization, outlet, anonymous, document or unknown.",
    )
    role: Mapped[str | None] = mapped_column(
        Text, comment="Role or title last seen with the name ('Regierungssprecher')."
    )
    aliases: Mapped[list[str]] = mapped_column(
        Json, default=list, comment="Other spellings seen for this actor (JSON array)."
    )
    first_seen: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), comment="When the ledger first met this actor (UTC)."
    )
    surname: Mapped[str | None] = mapped_column(
        Text,
        index=True,
        comment="Phonetic key of the last name word: finds 'Wolodymyr Selenskyj' for 'Zelensky'.",
    )
    merged_into: Mapped[int | None] = mapped_column(
        Integer,
        comment="Set when this actor was merged into another (see actor_merges); NULL otherwise.",
    )


class ActorMerge(Base):
    __tablename__ = "actor_merges"
    __table_args__ = (
        {"comment": "Every merge or split of actors, with what it moved (undoable)."},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Merge id.")
    into_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), comment="The actor kept.")
    from_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), comment="The actor merged.")
    rule: Mapped[str] = mapped_column(
        String(32), comment="manual.merge, manual.split or the identity rule that matched."
    )
    note: Mapped[str | None] = mapped_column(Text, comment="Why (free text).")
    moved: Mapped[dict[str, Any]] = mapped_column(
        Json, default=dict, comment="Rows moved: document_actors, statements (JSON)."
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), comment="When (UTC).")
    undone_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), comment="When the merge was split again; NULL if in force."
    )


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("key"),
        {"comment": "One claim (a quotation or report) appearing in one or more articles."},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Claim id.")
    key: Mapped[str] = mapped_column(
        String(64), comment="Hash of the normalised content of its first appearance."
    )
    text: Mapped[str] = mapped_column(Text, comment="Normalised content (lowercase, no marks).")
    lang: Mapped[str] = mapped_column(String(8), comment="Language of the first appearance.")
    appearances: Mapped[int] = mapped_column(
        Integer, default=1, comment="How many statements are appearances of it."
    )
    first_seen: Mapped[dt.date | None] = mapped_column(
        Date, comment="Earliest publication date among its appearances."
    )
    last_seen: Mapped[dt.date | None] = mapped_column(
        Date, comment="Latest publication date among its appearances."
    )


class ClaimBand(Base):
    __tablename__ = "claim_bands"
    __table_args__ = (
        {
            "comment": "MinHash LSH band keys of claims: candidates for near-identical reports.",
            # one B-tree of (band, claim_id) on SQLite, not a table and its key's index
            "sqlite_with_rowid": False,
        },
    )

    band: Mapped[int] = mapped_column(BigInteger, primary_key=True, comment="Band key.")
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, comment="The claim."
    )


class DocumentActor(Base):
    __tablename__ = "document_actors"
    __table_args__ = (
        Index("ix_document_actors_actor_id", "actor_id"),
        {
            "comment": "Each actor of each document, linked to its ledger actor; keeping the "
            "name as written makes every merge of actors reversible."
        },
    )

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
        comment="The document.",
    )
    local_id: Mapped[str] = mapped_column(
        String(16), primary_key=True, comment="Actor id inside the analysis ('a1')."
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id"), comment="The ledger actor it was resolved to."
    )
    name: Mapped[str] = mapped_column(Text, comment="The name as the analysis gave it.")
    kind: Mapped[str] = mapped_column(String(16), comment="Kind as the analysis gave it.")
    role: Mapped[str | None] = mapped_column(Text, comment="Role or title in this document.")
    mentions: Mapped[list[list[int]]] = mapped_column(
        Json, default=list, comment="Character spans [start, end] of its mentions (JSON)."
    )
    match_rule: Mapped[str | None] = mapped_column(
        String(32),
        comment="Why it was linked to that ledger actor: identity.key, identity.surname, "
        "identity.typo, identity.new, manual.merge, manual.split.",
    )
    match_score: Mapped[float | None] = mapped_column(Float, comment="How sure that link is.")


class Statement(Base):
    __tablename__ = "statements"
    __table_args__ = (
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
        {"comment": "Every attributed statement of every document."},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Ledger statement id.")
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), comment="The document it was found in."
    )
    local_id: Mapped[str] = mapped_column(
        String(16), comment="Statement id inside the analysis ('s3')."
    )
    lang: Mapped[str] = mapped_column(
        String(8), comment="Language of the document (chooses the full-text configuration)."
    )
    form: Mapped[str] = mapped_column(
        String(32),
        comment="direct, indirect, free_indirect, indirect_free_indirect or reported.",
    )
    medium: Mapped[str] = mapped_column(
        String(32), comment="speech, writing, thought, mixed values, or unknown."
    )
    content: Mapped[str] = mapped_column(
        Text, comment="What was said; parts of a split quote joined with ' … '."
    )
    content_spans: Mapped[list[list[int]]] = mapped_column(
        Json, comment="Character spans [start, end] of the content parts (JSON)."
    )
    speaker: Mapped[str | None] = mapped_column(
        Text, comment="The speaker as written in the text (NULL for agentless reports)."
    )
    cue: Mapped[str | None] = mapped_column(
        Text, comment="The words introducing it ('sagte', 'according to')."
    )
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id"), comment="Ledger actor of the speaker."
    )
    chain: Mapped[list[int]] = mapped_column(
        Json,
        default=list,
        comment="Ledger actor ids of the source chain, outermost source first (JSON array).",
    )
    parent: Mapped[str | None] = mapped_column(
        String(16), comment="Local id of the statement this one is nested in."
    )
    confidence: Mapped[float] = mapped_column(
        Float,
        comment="How sure sayso is of the attribution, 0..1: the speaker model's calibrated "
        "probability, 1.0 where rules decided without a model.",
    )
    hearsay: Mapped[bool] = mapped_column(
        Boolean, comment="The article marks it as second-hand ('soll', 'reportedly')."
    )
    hedged: Mapped[bool] = mapped_column(
        Boolean, comment="The article hedges it ('möglicherweise', 'may have')."
    )
    stance: Mapped[str] = mapped_column(
        String(16), comment="The cue's stance: neutral, distancing or endorsing."
    )
    confirmation: Mapped[str] = mapped_column(
        String(16), comment="confirmed, unconfirmed, denied or unknown, per the article."
    )
    framing: Mapped[dict[str, Any]] = mapped_column(
        Json, comment="Framing with the words behind each facet (JSON, as in the analysis)."
    )
    rules: Mapped[list[str]] = mapped_column(
        Json, default=list, comment="Ids of the rules that produced it (JSON array)."
    )
    claim_id: Mapped[int | None] = mapped_column(
        Integer,
        comment="The claim this statement is an appearance of (claims.id).",
    )
    published_date: Mapped[dt.date | None] = mapped_column(
        Date,
        comment="Copy of documents.published_date: a speaker's statements newest first "
        "without sorting them all.",
    )


class Relation(Base):
    __tablename__ = "relations"
    __table_args__ = (
        UniqueConstraint("document_id", "local_id"),
        Index("ix_relations_kind", "kind"),
        # the relations among a page of statements (accounts), and cascading deletes
        Index("ix_relations_source_id", "source_id"),
        Index("ix_relations_target_id", "target_id"),
        {"comment": "Relations between statements of one document (disputes, confirms, ...)."},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Ledger relation id.")
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), comment="The document."
    )
    local_id: Mapped[str] = mapped_column(
        String(16), comment="Relation id inside the analysis ('r1')."
    )
    kind: Mapped[str] = mapped_column(
        String(16), comment="nested_in, disputes, confirms, contradicts, supports, same_claim."
    )
    source_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), comment="Ledger id of the source."
    )
    target_id: Mapped[int | None] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"),
        comment="Ledger id of the target statement; NULL when it is not in the article.",
    )
    target_actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id"),
        comment="Ledger actor whose account is disputed when the target is not reported.",
    )
    confidence: Mapped[float] = mapped_column(Float, comment="How sure, 0..1.")
    reason: Mapped[str | None] = mapped_column(Text, comment="Why (inferred relations).")
    evidence: Mapped[list[list[int]]] = mapped_column(
        Json, default=list, comment="Character spans [start, end] of the evidence (JSON)."
    )
    rules: Mapped[list[str]] = mapped_column(
        Json, default=list, comment="Ids of the rules that produced it (JSON array)."
    )


class Run(Base):
    __tablename__ = "runs"
    __table_args__ = ({"comment": "Ingest runs with their counts."},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Run id.")
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), comment="Start (UTC).")
    finished_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), comment="End (UTC); NULL while running or if it was killed."
    )
    note: Mapped[str | None] = mapped_column(Text, comment="What was run (command, source).")
    added: Mapped[int] = mapped_column(Integer, default=0, comment="New documents.")
    new_versions: Mapped[int] = mapped_column(
        Integer, default=0, comment="Of those, new versions of a URL already in the ledger."
    )
    duplicates: Mapped[int] = mapped_column(
        Integer, default=0, comment="Documents skipped because their text was already stored."
    )
    failed: Mapped[int] = mapped_column(Integer, default=0, comment="Rows written to 'errors'.")
    statements: Mapped[int] = mapped_column(Integer, default=0, comment="Statements added.")


class Error(Base):
    __tablename__ = "errors"
    __table_args__ = (
        Index("ix_errors_code", "code"),
        {"comment": "Documents that could not be analysed or stored; the run went on."},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Error row id.")
    source: Mapped[str | None] = mapped_column(
        Text, comment="Which input failed (path, URL, record id)."
    )
    url: Mapped[str | None] = mapped_column(Text, comment="The document's URL, if known.")
    code: Mapped[str] = mapped_column(
        String(16), comment="Error code from sayso.errors ('E001', 'E003', ...)."
    )
    message: Mapped[str] = mapped_column(Text, comment="What went wrong and what to do.")
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), comment="When (UTC).")
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("runs.id", ondelete="SET NULL"), comment="The run it happened in."
    )


class Correction(Base):
    __tablename__ = "corrections"
    __table_args__ = (
        Index("ix_corrections_document_id", "document_id"),
        {
            "comment": "Readers' corrections of statements (who, when, what, why); the stored "
            "analysis is never rewritten."
        },
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Correction id.")
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), comment="The corrected document."
    )
    statement: Mapped[str] = mapped_column(
        String(32), comment="The statement's id in the document's analysis ('s3')."
    )
    kind: Mapped[str] = mapped_column(String(16), comment="speaker, not_statement or framing.")
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL"),
        comment="kind speaker: the right ledger actor (NULL for a new name).",
    )
    actor_name: Mapped[str | None] = mapped_column(
        Text, comment="kind speaker: the right speaker's name when no ledger actor is it."
    )
    label: Mapped[str | None] = mapped_column(
        String(16), comment="kind framing: the label corrected (hearsay, hedged, ...)."
    )
    value: Mapped[bool | None] = mapped_column(
        Boolean, comment="kind framing: whether the label holds."
    )
    author: Mapped[str] = mapped_column(Text, comment="Who corrected it.")
    note: Mapped[str | None] = mapped_column(Text, comment="Why (free text).")
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), comment="When (UTC).")


class LedgerChange(Base):
    __tablename__ = "ledger_changes"
    __table_args__ = (
        {
            "comment": "One row counting the writes to the ledger, kept by triggers (migration "
            "0010): a reader that caches answers (the web view) sees a write of any process "
            "as a new version."
        },
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Always 1.")
    version: Mapped[int] = mapped_column(
        BigInteger, comment="Raised by every write to the tables listed in CHANGE_TABLES."
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
FULLTEXT_OBJECTS = frozenset({"statements_fts", "search", "ix_statements_search"})


def describe() -> dict[str, dict[str, Any]]:
    """Table and column descriptions, e.g. for a Datasette ``metadata.json``.

    ``{"documents": {"description": "...", "columns": {"id": "...", ...}}, ...}``
    """
    out: dict[str, dict[str, Any]] = {}
    for table in Base.metadata.sorted_tables:
        out[table.name] = {
            "description": table.comment or "",
            "columns": {c.name: c.comment or "" for c in table.columns},
        }
    out["statements_fts"] = {
        "description": "SQLite only: FTS5 full-text index over statements.content and "
        "statements.speaker (rowid = statements.id), porter + unicode61 tokenizer.",
        "columns": {"content": "statements.content", "speaker": "statements.speaker"},
    }
    return out


def datasette_metadata(database: str = "sayso") -> dict[str, Any]:
    """A Datasette metadata document describing every table and column of the ledger."""
    tables = {
        name: {"description": d["description"], "columns": d["columns"]}
        for name, d in describe().items()
    }
    return {
        "title": "sayso ledger",
        "description": "Attributed statements found by sayso in news articles.",
        "databases": {database: {"tables": tables}},
    }
