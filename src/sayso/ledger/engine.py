"""Opening the database: the engine with the ledger's per-backend settings, and its sessions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DEFAULT_URL = "sqlite:///sayso.db"
ENV_VAR = "SAYSO_DB"
#: execution option marking connections that write (SQLite: BEGIN IMMEDIATE)
WRITE_OPTION = "sayso_write"


def normalise_url(url: str) -> str:
    """SQLAlchemy URL for ``url``: a bare path means SQLite, ``postgresql://`` means psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{url}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgres", "postgresql"):
        return f"postgresql+psycopg://{rest}"
    return url


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(normalise_url(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # the driver's own transaction handling off: SQLAlchemy's "begin" event below starts them
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 30000")
    # readers (Datasette, a second process) do not block the writer (no-op in memory)
    cursor.execute("PRAGMA journal_mode = WAL")
    # in WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses
    # no committed document and the file stays consistent; only a power cut may undo the
    # last commits. FULL cost more than storing the document itself (an fsync per document)
    cursor.execute("PRAGMA synchronous = NORMAL")
    # statement journals (a multi-row INSERT keeps one, to undo that statement alone) and
    # the temporary B-trees of sorts in memory, not in temporary files: storing a batch
    # wrote 100k pages to them (7 times the pages it stored), a fifth of what storing cost
    cursor.execute("PRAGMA temp_store = MEMORY")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # a writing transaction takes the write lock up front: one that reads (is this text
    # stored? which version is next?) and then writes cannot be overtaken by another writer
    # in between, and waits (busy_timeout) instead of failing with "database is locked"
    write = conn.get_execution_options().get(WRITE_OPTION)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def json_dumps(value: Any) -> str:
    """The text of a JSON column: orjson, several times faster than ``json`` (a document's
    analysis and its statements' framing are JSON, and serialising them was a tenth of
    storing a document); ``json`` for what orjson refuses (integers beyond 64 bits in a
    document's metadata). Non-ASCII characters are written as they are. Reading stays
    with ``json``: orjson reads such an integer as a float, which would lose digits."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(value, ensure_ascii=False)


def create_ledger_engine(url: str, pool_size: int = 20, pool_overflow: int = 20) -> Engine:
    """An engine for ``url`` with the ledger's per-backend settings (``pool_size`` and
    ``pool_overflow``: :class:`~sayso.settings.LedgerSettings`)."""
    sa_url = make_url(normalise_url(url))
    codec: dict[str, Any] = {"json_serializer": json_dumps}
    pool = {"pool_size": pool_size, "max_overflow": pool_overflow}
    if sa_url.get_backend_name() == "sqlite":
        memory = sa_url.database in (None, "", ":memory:")
        if memory:
            engine = create_engine(
                sa_url,
                poolclass=StaticPool,
                connect_args={"check_same_thread": False},
                **codec,
            )
        else:
            engine = create_engine(sa_url, **pool, **codec)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    engine = create_engine(sa_url, pool_pre_ping=True, **pool, **codec)
    event.listen(engine, "connect", _postgresql_connect)
    return engine


def _postgresql_connect(dbapi_conn: Any, _record: Any) -> None:
    # no JIT compilation: the ledger's reads run for milliseconds, and a plan whose
    # estimate passed jit_above_cost (a text query's range it never runs, a speaker of
    # thousands of actors) spent 50-200 ms compiling it first
    if dbapi_conn.info.server_version >= 110000:
        dbapi_conn.execute("SET jit = off")
        dbapi_conn.commit()


class Database:
    """An engine and its connections: reading ones (SQLAlchemy Core, no ORM: a query
    command starts without loading it), and writing sessions (one transaction each, on
    SQLite holding the write lock from the start). What the ledger's modules share."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._writer = engine.execution_options(**{WRITE_OPTION: True})
        self._lookup = engine
        if self.dialect == "postgresql":
            self._lookup = engine.execution_options(isolation_level="AUTOCOMMIT")

    def read(self) -> Connection:
        """A reading connection (``with db.read() as conn``); its transaction is rolled
        back when it closes."""
        return self.engine.connect()

    def lookup(self) -> Connection:
        """A connection for reads that need no snapshot in common (each statement sees
        what is committed when it runs): on PostgreSQL in autocommit, so a read costs no
        BEGIN and no ROLLBACK, each a round trip to the server (a search page's four reads
        took twelve round trips besides the pool's ping). As :meth:`read` on SQLite."""
        return self._lookup.connect()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A writing ORM session in one transaction: committed on success, rolled back on
        exception. The ORM loads here, on the first write, not when the ledger opens."""
        from sqlalchemy.orm import Session

        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session
