"""Where the gold corpora live.

The corpora are never part of the repository. The data root is, in order: an explicit
path (a ``--data`` option), ``$SAYSO_DATA``, ``../shared/data`` relative to the current
directory, then ``../shared/data`` relative to the repository root of a source checkout.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sayso.errors import E004, E005, SaysoError

T = TypeVar("T")

#: The repository root when running from a source checkout (src/sayso/eval/data.py).
REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_ENV = "SAYSO_DATA"


def data_root_candidates(explicit: str | Path | None = None) -> list[Path]:
    """Where the data may be, in order: the option, ``$SAYSO_DATA``, ``../shared/data``
    relative to the current directory, then relative to the repository root."""
    if explicit is not None:
        return [Path(explicit)]
    if env := os.environ.get(DATA_ENV):
        return [Path(env)]
    return [Path.cwd().parent / "shared" / "data", REPO_ROOT.parent / "shared" / "data"]


def data_root(explicit: str | Path | None = None) -> Path:
    """The first existing candidate of :func:`data_root_candidates`; E005 if none exists."""
    candidates = data_root_candidates(explicit)
    for path in candidates:
        if path.is_dir():
            return path
    raise SaysoError(E005, path=" or ".join(str(p) for p in candidates))


#: The same as :func:`data_root`, under a more descriptive name.
resolve_data_root = data_root


def read_gold_lines(path: Path, parse: Callable[[Any], T]) -> list[T]:
    """One record per non-blank JSON line of one of our gold files, through ``parse``; an
    unreadable file or a malformed line raises E004 naming the line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SaysoError(E004, path=path, detail=exc.strerror or str(exc)) from exc
    except UnicodeDecodeError as exc:  # a binary file given by mistake
        raise SaysoError(E004, path=path, detail=f"not UTF-8 text ({exc.reason})") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(parse(json.loads(line)))
        except KeyError as exc:  # str(KeyError) is only the quoted key
            raise SaysoError(E004, path=path, detail=f"line {n}: no field {exc}") from exc
        except (ValueError, TypeError, IndexError) as exc:
            raise SaysoError(E004, path=path, detail=f"line {n}: {exc}") from exc
    return out
