"""Plain, immutable records the ledger's queries return (no database session attached)."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from sayso.model import framing_labels

AddStatus = Literal["added", "version", "duplicate"]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _to_dict(obj: Any) -> dict[str, Any]:
    """The record's fields (dates as ISO strings). Shallow: records hold plain values, and
    ``dataclasses.asdict``'s deep copy was a tenth of an API page's CPU."""
    out = {}
    cls = type(obj)
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, dict | list):
            value = copy.deepcopy(value)  # the caller may change it; the record stays
        out[name] = _plain(value)
    return out


#: the field names of each record class
_NAMES: dict[type, tuple[str, ...]] = {}


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Ledger.add` did with one document.

    ``status`` is ``"added"`` (new text, first at its URL), ``"version"`` (new text at a URL
    already in the ledger: ``version`` > 1) or ``"duplicate"`` (this text is already stored:
    nothing was written; ``document_id``/``version`` are those of the stored row).
    """

    status: AddStatus
    document_id: str
    url: str | None
    version: int
    statements: int = 0
    relations: int = 0
    actors: int = 0  # actors of the document
    new_actors: int = 0  # of those, actors the ledger did not know yet

    @property
    def stored(self) -> bool:
        return self.status != "duplicate"

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: str
    url: str | None
    version: int
    title: str | None
    author: str | None
    published: str | None
    published_date: dt.date | None
    site: str | None
    lang: str
    source: str | None
    ingested_at: dt.datetime
    statement_count: int
    run_id: int | None
    meta: dict[str, Any] | None = None
    text: str | None = None  # only filled by Ledger.get_document

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True, slots=True)
class StatementRecord:
    """A statement with what people filter by: its document, outlet, date and speaker."""

    id: int
    document_id: str
    local_id: str
    url: str | None
    title: str | None
    site: str | None
    published: str | None
    published_date: dt.date | None
    lang: str
    form: str
    medium: str
    content: str
    speaker: str | None
    cue: str | None
    actor_id: int | None
    actor: str | None
    actor_kind: str | None
    chain: tuple[int, ...]
    confidence: float
    hearsay: bool
    hedged: bool
    stance: str
    confirmation: str
    claim_id: int | None
    rank: float | None = None  # full-text rank, lower is better (None without a text query)

    @property
    def framing(self) -> tuple[str, ...]:
        """The non-default framing labels (``sayso.model.framing_labels``)."""
        return framing_labels(self.hearsay, self.hedged, self.stance, self.confirmation)

    def to_dict(self) -> dict[str, Any]:
        # every field is a plain value but the date and the chain: no generic walk over the
        # fields (an API page turns 50 records into dicts; the walk was a tenth of its CPU)
        d = {name: getattr(self, name) for name in _STATEMENT_FIELDS}
        day = self.published_date
        d["published_date"] = None if day is None else day.isoformat()
        d["chain"] = list(self.chain)
        d["framing"] = list(self.framing)
        return d


_STATEMENT_FIELDS = tuple(f.name for f in fields(StatementRecord))


@dataclass(frozen=True, slots=True)
class ActorRecord:
    id: int
    name: str
    kind: str
    role: str | None
    aliases: tuple[str, ...]
    statements: int
    documents: int

    def to_dict(self) -> dict[str, Any]:
        d = _to_dict(self)
        d["aliases"] = list(self.aliases)
        return d


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    id: int
    source: str | None
    url: str | None
    code: str
    message: str
    at: dt.datetime
    run_id: int | None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(slots=True)
class RunSummary:
    """The counts of one :meth:`Ledger.ingest` run (also stored in the ``runs`` table)."""

    run_id: int
    added: int = 0
    new_versions: int = 0
    duplicates: int = 0
    failed: int = 0
    statements: int = 0
    errors: list[str] = field(default_factory=list)  # the codes, in order

    def count(self, result: AddResult) -> None:
        """Count what :meth:`Ledger.add` did with one document."""
        if result.status == "duplicate":
            self.duplicates += 1
        else:
            self.added += 1
            self.new_versions += result.status == "version"
            self.statements += result.statements

    def fail(self, code: str) -> None:
        """Count a document or source that became an ``errors`` row."""
        self.failed += 1
        self.errors.append(code)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True, slots=True)
class Rejected:
    """A document given to ``Ledger.ingest`` that could not become a ``Document`` (no
    text, not text): an error row, like a source ingest could not read."""

    source: str | None
    url: str | None
    code: str
    message: str
