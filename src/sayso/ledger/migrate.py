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
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

#: the newest revision under ``migrations/versions`` (a test checks it against Alembic's
#: head): opening a ledger that is already there needs no Alembic, whose import alone
#: took a third of a query command's start
HEAD = "0012"


def script_location() -> Path:
    return Path(str(resources.files("sayso.ledger") / "migrations"))


def config(engine_or_connection: object | None = None) -> Config:
    """An Alembic Config built in code; env.py runs on ``config.attributes['connection']``."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location()))
    cfg.set_main_option("path_separator", "os")
    if engine_or_connection is not None:
        cfg.attributes["connection"] = engine_or_connection
    return cfg


def head() -> str:
    """The newest revision shipped with this version of sayso."""
    from alembic.script import ScriptDirectory

    rev = ScriptDirectory.from_config(config()).get_current_head()
    assert rev is not None
    return rev


def current(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def at_head(engine: Engine) -> bool:
    """Whether the database is at :data:`HEAD`: one plain query, False when it cannot tell
    (no ledger yet, not a database, locked: :func:`upgrade` then says what is wrong)."""
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
            return list(found) == [HEAD]
    except SQLAlchemyError:
        return False


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision``, in one transaction (a no-op when it is there).
    A ledger at a revision this sayso does not know (written by a newer one) raises
    ``SaysoError(E213)``; alembic's own error was a traceback."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    from sayso import errors
    from sayso.errors import SaysoError
    from sayso.ledger.engine import safe_url

    with engine.begin() as conn:
        cfg = config(conn)
        found = MigrationContext.configure(conn).get_current_revision()
        if found is not None:
            try:
                known = ScriptDirectory.from_config(cfg).get_revision(found) is not None
            except CommandError:
                known = False
            if not known:
                url = safe_url(engine.url.render_as_string(hide_password=True))
                raise SaysoError(errors.E213, url=url, revision=found)
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(config(conn), revision)


def revision(message: str) -> None:
    """Draft a new revision file from schema.py against a scratch ledger at head."""
    from alembic import command

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/scratch.db")
        upgrade(engine)
        with engine.begin() as conn:
            command.revision(config(conn), message=message, autogenerate=True)
        engine.dispose()
