"""Read-only listings of the ledger's bookkeeping: the ingest runs.

(Documents and error rows are listed by ``Ledger.documents`` and ``Ledger.errors``.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sayso.ledger import schema as t

if TYPE_CHECKING:
    from sayso.ledger.store import Ledger


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One ``sayso ingest`` run (or ``runner.run`` call) and its counts."""

    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None  # None while running, or when it was killed
    note: str | None
    added: int
    new_versions: int
    duplicates: int
    failed: int
    statements: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def runs(ledger: Ledger, *, limit: int | None = 20) -> list[RunRecord]:
    """The runs, newest first."""
    r = t.runs.c
    query = select(t.runs).order_by(r.id.desc()).limit(limit)
    with ledger.db.read() as conn:
        return [
            RunRecord(
                id=row.id,
                started_at=_utc(row.started_at),
                finished_at=None if row.finished_at is None else _utc(row.finished_at),
                note=row.note,
                added=row.added or 0,
                new_versions=row.new_versions or 0,
                duplicates=row.duplicates or 0,
                failed=row.failed or 0,
                statements=row.statements or 0,
            )
            for row in conn.execute(query)
        ]


def _utc(value: dt.datetime) -> dt.datetime:
    """SQLite returns naive datetimes; they were written in UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
