"""Schema migrations, run from code: opening a ledger brings it to the newest schema.

The Alembic scripts ship inside the package (``sayso/ledger/migrations``); users need no
``alembic.ini``. For developers adding a revision::

    python -m sayso.ledger.migrate revision "add claims"

writes a new file under ``migrations/versions`` from the difference between ``schema.py``
and a scratch SQLite ledger at head (check and complete it by hand: PostgreSQL specifics,
full-text objects).
"""

from __future__ import annotations

import sys
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


def _revision(message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/scratch.db")
        upgrade(engine)
        with engine.begin() as conn:
            command.revision(config(conn), message=message, autogenerate=True)
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 2 and args[0] == "revision":
        _revision(args[1])
        return 0
    print('usage: python -m sayso.ledger.migrate revision "message"', file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
