"""ORM classes over the ledger's tables, for the code that writes rows one by one (runs,
errors, corrections, actor merges) and for ``Ledger.session()``.

The tables themselves are :mod:`sayso.ledger.schema` (SQLAlchemy Core); each class here is
mapped onto one of them and only adds attribute types. Only the writing side imports this
module: loading SQLAlchemy's ORM and mapping the classes was about a quarter of the start-up
of a query command (issue 14), which reads through the Core tables.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import DeclarativeBase, Mapped

from sayso.ledger import schema


class Base(DeclarativeBase):
    metadata = schema.metadata


class Document(Base):
    __table__ = schema.documents

    id: Mapped[str]
    url: Mapped[str | None]
    version: Mapped[int]
    title: Mapped[str | None]
    author: Mapped[str | None]
    published: Mapped[str | None]
    published_date: Mapped[dt.date | None]
    site: Mapped[str | None]
    lang: Mapped[str]
    text: Mapped[str]
    source: Mapped[str | None]
    meta: Mapped[dict[str, Any] | None]
    ingested_at: Mapped[dt.datetime]
    run_id: Mapped[int | None]
    statement_count: Mapped[int]
    analysis: Mapped[dict[str, Any]]


class Actor(Base):
    __table__ = schema.actors

    id: Mapped[int]
    name: Mapped[str]
    key: Mapped[str]
    kind: Mapped[str]
    role: Mapped[str | None]
    aliases: Mapped[list[str]]
    first_seen: Mapped[dt.datetime]
    surname: Mapped[str | None]
    merged_into: Mapped[int | None]


class ActorMerge(Base):
    __table__ = schema.actor_merges

    id: Mapped[int]
    into_id: Mapped[int]
    from_id: Mapped[int]
    rule: Mapped[str]
    note: Mapped[str | None]
    moved: Mapped[dict[str, Any]]
    at: Mapped[dt.datetime]
    undone_at: Mapped[dt.datetime | None]


class Claim(Base):
    __table__ = schema.claims

    id: Mapped[int]
    key: Mapped[str]
    text: Mapped[str]
    lang: Mapped[str]
    appearances: Mapped[int]
    first_seen: Mapped[dt.date | None]
    last_seen: Mapped[dt.date | None]


class ClaimBand(Base):
    __table__ = schema.claim_bands

    band: Mapped[int]
    claim_id: Mapped[int]


class DocumentActor(Base):
    __table__ = schema.document_actors

    document_id: Mapped[str]
    local_id: Mapped[str]
    actor_id: Mapped[int]
    name: Mapped[str]
    kind: Mapped[str]
    role: Mapped[str | None]
    mentions: Mapped[list[list[int]]]
    match_rule: Mapped[str | None]
    match_score: Mapped[float | None]


class Statement(Base):
    __table__ = schema.statements

    id: Mapped[int]
    document_id: Mapped[str]
    local_id: Mapped[str]
    lang: Mapped[str]
    form: Mapped[str]
    medium: Mapped[str]
    content: Mapped[str]
    content_spans: Mapped[list[list[int]]]
    speaker: Mapped[str | None]
    cue: Mapped[str | None]
    actor_id: Mapped[int | None]
    chain: Mapped[list[int]]
    parent: Mapped[str | None]
    confidence: Mapped[float]
    hearsay: Mapped[bool]
    hedged: Mapped[bool]
    stance: Mapped[str]
    confirmation: Mapped[str]
    framing: Mapped[dict[str, Any]]
    rules: Mapped[list[str]]
    claim_id: Mapped[int | None]
    published_date: Mapped[dt.date | None]


class Relation(Base):
    __table__ = schema.relations

    id: Mapped[int]
    document_id: Mapped[str]
    local_id: Mapped[str]
    kind: Mapped[str]
    source_id: Mapped[int]
    target_id: Mapped[int | None]
    target_actor_id: Mapped[int | None]
    confidence: Mapped[float]
    reason: Mapped[str | None]
    evidence: Mapped[list[list[int]]]
    rules: Mapped[list[str]]


class Run(Base):
    __table__ = schema.runs

    id: Mapped[int]
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[dt.datetime | None]
    note: Mapped[str | None]
    added: Mapped[int]
    new_versions: Mapped[int]
    duplicates: Mapped[int]
    failed: Mapped[int]
    statements: Mapped[int]


class Error(Base):
    __table__ = schema.errors

    id: Mapped[int]
    source: Mapped[str | None]
    url: Mapped[str | None]
    code: Mapped[str]
    message: Mapped[str]
    at: Mapped[dt.datetime]
    run_id: Mapped[int | None]


class Correction(Base):
    __table__ = schema.corrections

    id: Mapped[int]
    document_id: Mapped[str]
    statement: Mapped[str]
    kind: Mapped[str]
    actor_id: Mapped[int | None]
    actor_name: Mapped[str | None]
    label: Mapped[str | None]
    value: Mapped[bool | None]
    author: Mapped[str]
    note: Mapped[str | None]
    at: Mapped[dt.datetime]


class LedgerChange(Base):
    __table__ = schema.ledger_changes

    id: Mapped[int]
    version: Mapped[int]
