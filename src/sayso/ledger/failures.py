"""Why a ledger could not be opened or used, as the coded error that says what to do.

SQLite and PostgreSQL fail differently: a SQLite ledger is a file (its folder missing,
no permission, another file at that path, another process holding the write lock); a
PostgreSQL ledger is a server (down, refusing the user, no such database). Each gets the
code whose hint fits: E209 (SQLite file), E207 (locked), E208 (not a ledger), E016
(not a database URL), E201 (a server).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from sayso import errors
from sayso.errors import SaysoError

#: SQLite's messages for a database another connection holds the lock of
_LOCKED = ("database is locked", "database table is locked", "database schema is locked")


def is_locked(exc: BaseException) -> bool:
    """Whether ``exc`` (or its cause) is SQLite's "database is locked"."""
    text = str(exc).lower()
    return any(m in text for m in _LOCKED)


def open_error(url: str, shown: str, exc: BaseException) -> SaysoError:
    """The coded error for ``exc`` raised while opening the ledger at ``url`` (``shown``
    is the URL without its password)."""
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, NoSuchModuleError | ArgumentError):
        return SaysoError(errors.E016, value=shown, detail=detail)
    if is_locked(exc):
        return SaysoError(errors.E207, url=shown, detail=detail)
    if "file is not a database" in detail or "no such table" in detail:
        return SaysoError(errors.E208, url=shown, detail=detail)
    path = sqlite_path(url)
    if path is not None:
        return SaysoError(errors.E209, url=shown, detail=_sqlite_detail(path, detail))
    return SaysoError(errors.E201, url=shown, detail=detail)


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for another backend or an in-memory database)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database or "")


def _sqlite_detail(path: Path, detail: str) -> str:
    """SQLite's "unable to open database file" with what is actually wrong."""
    folder = path.parent
    if path.is_dir():
        return f"{path} is a folder, not a file"
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    if not os.access(folder, os.W_OK):
        return f"no permission to write in {folder}"
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return f"no permission to read and write {path}"
    return detail
