"""Single records by id for readers that show one thing at a time (the web view's actor
and claim pages): :meth:`Ledger.actor` and :meth:`Ledger.claim`; and the ledger's change
counter (:meth:`Ledger.change_version`, :class:`ChangeWatch`) that caches of them key on."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.pool import StaticPool

from sayso.ledger import schema as t
from sayso.ledger.engine import Database
from sayso.ledger.query import StatementQuery
from sayso.ledger.records import ActorRecord

if TYPE_CHECKING:
    from sayso.ledger.store import Ledger


def with_counts() -> Any:
    """Ledger actors with their statement and document counts (``n_statements``,
    ``n_docs``): one actor's page and the actor list read the same columns."""
    a, s = t.actors.c, t.statements.c
    return (
        select(
            t.actors,
            func.count(s.id).label("n_statements"),
            func.count(func.distinct(s.document_id)).label("n_docs"),
        )
        .outerjoin(t.statements, s.actor_id == a.id)
        .group_by(a.id)
    )


def actor_record(row: Any) -> ActorRecord:
    """An :class:`ActorRecord` of a :func:`with_counts` row."""
    return ActorRecord(
        id=row.id,
        name=row.name,
        kind=row.kind,
        role=row.role,
        aliases=tuple(row.aliases),
        statements=row.n_statements,
        documents=row.n_docs,
    )


def actor(db: Database, actor_id: int) -> ActorRecord | None:
    """Ledger actor ``actor_id`` with its counts (also one merged into another), or None."""
    with db.read() as conn:
        found = conn.execute(with_counts().where(t.actors.c.id == actor_id)).first()
    return None if found is None else actor_record(found)


def merged_into(db: Database, actor_id: int) -> int | None:
    """The actor ``actor_id`` was merged into (None when it stands on its own)."""
    with db.read() as conn:
        return conn.scalar(select(t.actors.c.merged_into).where(t.actors.c.id == actor_id))


def claim(ledger: Ledger, claim_id: int) -> dict[str, Any] | None:
    """Claim ``claim_id`` as :meth:`Ledger.claims` lists it, or None when absent."""
    from sayso.ledger import claim_query

    found = claim_query.claims(ledger, StatementQuery(claim_id=claim_id), limit=1)
    return found[0] if found else None


def change_version(db: Database) -> int:
    """The ledger's change counter (``ledger_changes.version``): it rises with every write
    by any process (triggers of migration 0010), so an answer cached under one version is
    current while the counter stays. One read of one row, by primary key."""
    with db.engine.connect() as conn:
        found = conn.execute(select(t.ledger_changes.c.version).where(t.ledger_changes.c.id == 1))
        return int(found.scalar() or 0)


class ChangeWatch:
    """:func:`change_version` over a connection of its own, held open in autocommit: one
    round trip per read. Through the pool a read was four on PostgreSQL (the pool's ping,
    BEGIN, the SELECT, the ROLLBACK on return), each waiting for the server process to be
    scheduled; a server that asks before every request notices. For one thread at a time
    (the web server's event loop); a lost connection is opened again once."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._conn: Any = None
        # an in-memory SQLite ledger is one shared connection: taking it out of its pool
        # would leave the others an empty database
        self._shared = isinstance(db.engine.pool, StaticPool)

    def version(self) -> int:
        if self._shared:
            return change_version(self.db)
        errors: Any = self.db.engine.dialect.dbapi.Error  # type: ignore[union-attr]
        for attempt in (0, 1):
            try:
                if self._conn is None:
                    self._conn = self._open()
                cursor = self._conn.cursor()
                try:
                    cursor.execute("SELECT version FROM ledger_changes WHERE id = 1")
                    row = cursor.fetchone()
                finally:
                    cursor.close()
                return int(row[0]) if row else 0
            except errors:
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _open(self) -> Any:
        fairy = self.db.engine.raw_connection()
        conn: Any = fairy.driver_connection
        fairy.detach()  # ours until closed, never back in the pool (autocommit below)
        if self.db.dialect == "postgresql":
            conn.autocommit = True  # SQLite's connections are in autocommit already
        return conn

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):  # already broken: nothing left to close
                conn.close()
