"""Schema migrations, run from code: opening a ledger brings it to the newest schema.

The Alembic scripts ship inside the package (``sayso/ledger/migrations``); users need no
``alembic.ini``. For developers adding a revision::

    python -m sayso.ledger revision "add claims"

writes a new file under ``migrations/versions`` from the difference between ``schema.py``
and a scratch SQLite ledger at head (check and complete it by hand: PostgreSQL specifics,
full-text objects).
"""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine


def script_location() -> Path:
    return Path(str(resources.files("sayso.ledger") / "migrations"))


def config(engine_or_connection: object | None = None) -> Config:
    """An Alembic Config built in code; env.py runs on ``config.attributes['connection']``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location()))
    cfg.set_main_option("path_separator", "os")
    if engine_or_connection is not None:
        cfg.attributes["connection"] = engine_or_connection
    return cfg


def head() -> str:
    """The newest revision shipped with this version of sayso."""
    rev = ScriptDirectory.from_config(config()).get_current_head()
    assert rev is not None
    return rev


def current(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision``, in one transaction (a no-op when it is there)."""
    with engine.begin() as conn:
        command.upgrade(config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.downgrade(config(conn), revision)


def revision(message: str) -> None:
    """Draft a new revision file from schema.py against a scratch ledger at head."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/scratch.db")
        upgrade(engine)
        with engine.begin() as conn:
            command.revision(config(conn), message=message, autogenerate=True)
        engine.dispose()
