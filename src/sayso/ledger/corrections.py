"""Readers' corrections of statements: a table of their own (who, when, what, why).

A correction never rewrites the stored analysis: ``documents.analysis`` stays what sayso
found, and every reader (the web view, the API, exports) shows the correction beside it.
A document's id is the hash of its text, so analysing the same text again finds the same
document and its corrections; the statement is named by its id in the analysis ("s3").

Kinds: ``speaker`` (the right speaker: a ledger actor, or a name no actor has yet),
``not_statement`` (the passage is no statement), ``framing`` (a label that does or does not
hold, e.g. ``hearsay`` = False).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import insert, select

from sayso import errors
from sayso.errors import SaysoError
from sayso.ledger import schema as t
from sayso.ledger.engine import Database
from sayso.ledger.query import FRAMING_LABELS
from sayso.ledger.rows import new_id

KINDS = ("speaker", "not_statement", "framing")
#: the columns of ``corrections``, in the order of :class:`CorrectionRecord`
CORRECTION_COLUMNS = (
    "id", "document_id", "statement", "kind", "actor_id", "actor_name", "label", "value",
    "author", "note", "at",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CorrectionRecord:
    id: int
    document_id: str
    statement: str
    kind: str
    actor_id: int | None
    actor_name: str | None
    label: str | None
    value: bool | None
    author: str
    note: str | None
    at: dt.datetime

    @classmethod
    def of_row(cls, row: Sequence[Any]) -> CorrectionRecord:
        """From a row of ``corrections`` in column order."""
        fields = dict(zip(CORRECTION_COLUMNS, row, strict=True))
        value = fields["value"]
        fields["value"] = None if value is None else bool(value)
        return cls(**fields)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["at"] = self.at.isoformat()
        d["summary"] = self.summary()
        return d

    def summary(self) -> str:
        """What it says in a few words ("speaker: Anna Vogel", "hearsay: no")."""
        if self.kind == "speaker":
            who = self.actor_name or (f"actor #{self.actor_id}" if self.actor_id else "?")
            return f"speaker: {who}"
        if self.kind == "framing":
            return f"{self.label}: {'yes' if self.value else 'no'}"
        return "not a statement"


def check(
    kind: str,
    actor_id: int | None,
    actor_name: str | None,
    label: str | None,
    value: bool | None,
) -> None:
    """E229 unless the fields fit the kind."""
    if kind not in KINDS:
        raise SaysoError(errors.E229, detail=f"kind {kind!r}")
    if kind == "speaker" and actor_id is None and not (actor_name or "").strip():
        raise SaysoError(errors.E229, detail="of the speaker without actor_id or actor_name")
    if kind == "framing" and (label not in FRAMING_LABELS or value is None):
        raise SaysoError(errors.E229, detail=f"of framing label {label!r} (value {value!r})")


def add(db: Database, document_id: str, statement: str, kind: str, **fields: Any) -> int:
    """Store one correction (already checked); returns its id."""
    row = insert(t.corrections).values(
        document_id=document_id,
        statement=statement,
        kind=kind,
        at=dt.datetime.now(dt.UTC),
        **fields,
    )
    with db.write() as session:
        return new_id(session.connection().execute(row))


def listed(
    db: Database, document_ids: Sequence[str] | None = None, limit: int | None = 500
) -> list[CorrectionRecord]:
    """Corrections, newest first (of these documents when given)."""
    c = t.corrections.c
    query = select(t.corrections).order_by(c.id.desc()).limit(limit)
    if document_ids is not None:
        query = query.where(c.document_id.in_(list(document_ids)))
    with db.lookup() as conn:
        return [
            CorrectionRecord(
                id=r.id,
                document_id=r.document_id,
                statement=r.statement,
                kind=r.kind,
                actor_id=r.actor_id,
                actor_name=r.actor_name,
                label=r.label,
                value=r.value,
                author=r.author,
                note=r.note,
                at=r.at,
            )
            for r in conn.execute(query)
        ]
