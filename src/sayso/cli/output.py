"""Checks on an output file before a command starts writing it."""

from __future__ import annotations

import os
from pathlib import Path

from sayso import errors
from sayso.errors import SaysoError


def check_output(path: str | Path, *, force: bool) -> None:
    """Raise E014 when ``path`` exists and ``force`` is not given, E015 when it cannot be
    written (its folder missing or read-only, or a folder in its place)."""
    p = Path(path)
    if p.is_dir():
        raise SaysoError(errors.E015, path=p, detail="it is a folder")
    if p.exists() and not force:
        raise SaysoError(errors.E014, path=p)
    folder = p.parent
    if not folder.is_dir():
        raise SaysoError(errors.E015, path=p, detail=f"the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise SaysoError(errors.E015, path=p, detail="permission denied")


def count(n: int, noun: str) -> str:
    """ "1 statement", "2 statements"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
