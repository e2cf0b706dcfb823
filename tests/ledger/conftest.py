"""Ledger fixtures: every storage test runs against SQLite and against a real PostgreSQL.

The PostgreSQL server is started once per test session (see ``pg_server.py``) and each test
gets a fresh database in it. When PostgreSQL cannot be started, the PostgreSQL variants
skip with the reason, unless ``SAYSO_REQUIRE_POSTGRES=1`` (set by ``.ci/run``): then they
fail, so CI can never silently stop testing PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import PgServer, PgUnavailable, postgres_unavailable
from sqlalchemy import create_engine, text

from sayso.ledger import Ledger


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | str]:
    """The running server, or the reason it could not be started."""
    try:
        server = PgServer.start()
    except (PgUnavailable, OSError) as exc:
        yield str(exc)
        return
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer | str) -> Iterator[str]:
    """A URL to a fresh, empty PostgreSQL database (dropped afterwards)."""
    if isinstance(pg_server, str):
        postgres_unavailable(pg_server)
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield pg_server.url(name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to an empty database, once for each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def ledger(db_url: str) -> Iterator[Ledger]:
    led = Ledger.open(db_url)
    try:
        yield led
    finally:
        led.close()
