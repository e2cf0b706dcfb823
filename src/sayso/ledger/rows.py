"""The ledger's row-level SQL: its Core tables, ids allocated beforehand, and INSERTs and
IN lookups straight through the driver (see :mod:`sayso.ledger.writer`)."""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import chain
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, Table

from sayso.ledger import schema as t

#: parameters, PostgreSQL 65,535); the large lookups go through :func:`where_in`
_IN_CHUNK = 5000


def actor_key(name: str) -> str:
    """The normalised name actors are matched by: NFKC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def new_id(inserted: CursorResult[Any]) -> int:
    """The primary key of the one row an INSERT added (RETURNING on PostgreSQL, the last
    row id on SQLite, also on versions without RETURNING)."""
    key = inserted.inserted_primary_key
    assert key is not None
    return int(key[0])


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# Core tables, not ORM entities: an ORM bulk insert processes every row in Python and an
# ORM select builds a compile state per call, which cost more than the rows themselves
ACTORS = t.actors
CLAIMS = t.claims
CLAIM_BANDS = t.claim_bands
DOCUMENTS = t.documents
DOCUMENT_ACTORS = t.document_actors
STATEMENTS = t.statements
RELATIONS = t.relations
RUNS = t.runs


def chunks(items: Sequence[Any], size: int = _IN_CHUNK) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def where_in(
    conn: Connection, select_from: str, column: str, values: Sequence[Any], tail: str = ""
) -> Sequence[Any]:
    """``SELECT … WHERE column IN (values)`` straight to the driver, the values as one
    parameter (a JSON array on SQLite, an array on PostgreSQL): the statement is the same
    text for every batch, so the driver parses and plans it once (an IN list of 3,000 band
    keys was a new 9 kB statement for every batch; SQLAlchemy's expanding IN also names
    every value, 4 µs each)."""
    if not values:
        return []
    if conn.dialect.name == "sqlite":
        sql = f"{select_from} WHERE {column} IN (SELECT value FROM json_each(?)){tail}"
        return conn.exec_driver_sql(sql, (json.dumps(list(values)),)).all()
    sql = f"{select_from} WHERE {column} = ANY(%s){tail}"
    return conn.exec_driver_sql(sql, (list(values),)).all()


_Processor = Callable[[Any], Any]
_processors: dict[tuple[str, str, tuple[str, ...]], list[tuple[int, _Processor]]] = {}


def _bind_processors(
    conn: Connection, table: Table, columns: tuple[str, ...]
) -> list[tuple[int, _Processor]]:
    """The columns' own conversions (JSON, dates, booleans) on this backend, as SQLAlchemy
    would apply them: (position, function) for the columns that have one."""
    key = (conn.dialect.name, table.name, columns)
    got = _processors.get(key)
    if got is None:
        dialect = conn.dialect
        got = _processors[key] = [
            (i, proc)
            for i, name in enumerate(columns)
            if (proc := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
        ]
    return got


def new_ids(conn: Connection, table: Table, n: int) -> list[int]:
    """``n`` fresh primary keys of ``table`` (its integer ``id``), for rows inserted with
    their ids: on SQLite the ones after the largest (what SQLite itself would give; the
    writing transaction holds the database's write lock), on PostgreSQL from the id's
    sequence (safe beside other writers)."""
    if n <= 0:
        return []
    if conn.dialect.name == "sqlite":
        last = conn.exec_driver_sql(f"SELECT max(id) FROM {table.name}").scalar() or 0
        return list(range(last + 1, last + 1 + n))
    sql = "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)"
    return [i for (i,) in conn.exec_driver_sql(sql, (table.name, n))]


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT ``rows`` (mappings with the same keys), their values converted by the
    columns' SQLAlchemy types, so stored exactly as a Core insert stores them (see
    :func:`insert_values`). Rows that need their ids get them from :func:`new_ids`."""
    if not rows:
        return
    columns = tuple(rows[0])
    procs = _bind_processors(conn, table, columns)
    values: list[list[Any]] = [[row[c] for c in columns] for row in rows]
    if procs:
        for v in values:
            for i, proc in procs:
                v[i] = proc(v[i])
    insert_values(conn, table, columns, values)


def insert_values(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    values: Sequence[Sequence[Any]],
    per_statement: int = 32,
) -> None:
    """INSERT rows of driver-ready values, ``per_statement`` rows per INSERT (the last
    takes the rest), all through the driver's ``executemany`` of one prepared statement.

    A Core insert of many rows cost more than the database's own work: it processes
    every row's parameters in Python, and with RETURNING it builds one statement of
    hundreds of VALUES that the database parsed anew for every batch (a tenth of what
    storing a document cost). One row per INSERT is no better on SQLite: its FTS5 index
    flushes its pending terms at the end of every statement, and the statements feed it
    by trigger (one at a time doubled their cost); 32 rows per INSERT cost least.
    """
    if not values:
        return
    if _COPY.get() == id(conn.engine.pool) and conn.dialect.name == "postgresql":
        _copy_values(conn, table, columns, values)
        return
    p = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    one = "(" + ", ".join([p] * len(columns)) + ")"
    head = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES "
    whole = len(values) - len(values) % per_statement
    if whole:
        params = [
            tuple(chain.from_iterable(values[i : i + per_statement]))
            for i in range(0, whole, per_statement)
        ]
        conn.exec_driver_sql(head + ", ".join([one] * per_statement), params)
    if whole < len(values):
        rest = values[whole:]
        conn.exec_driver_sql(
            head + ", ".join([one] * len(rest)), [tuple(chain.from_iterable(rest))]
        )


#: the connection pool whose inserts go through ``COPY`` (:func:`copy_into`), by id
_COPY: contextvars.ContextVar[int | None] = contextvars.ContextVar("sayso_copy", default=None)


@contextmanager
def copy_into(engine: Engine) -> Iterator[None]:
    """While inside, :func:`insert_values` on ``engine`` (PostgreSQL) sends its rows with
    ``COPY … FROM STDIN`` in the writing transaction, not as INSERTs: what ``sayso load``
    uses for a large output. The rows and the transaction are the same; other backends
    are not affected."""
    token = _COPY.set(id(engine.pool))  # an engine with other options shares its pool
    try:
        yield
    finally:
        _COPY.reset(token)


def _copy_values(
    conn: Connection, table: Table, columns: Sequence[str], values: Sequence[Sequence[Any]]
) -> None:
    """The rows through psycopg's ``COPY`` of the connection's open transaction."""
    driver: Any = conn.connection.driver_connection
    with (
        driver.cursor() as cursor,
        cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in values:
            copy.write_row(row)
