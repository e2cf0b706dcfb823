"""How many documents an ingest run will see, counted before it starts (for a progress
bar with a total and an ETA).

Counted: plain text and HTML files (one document each), JSON lines (one per non-blank
line) and CSV/TSV files (one per row), in folders too. Anything whose number of documents
is only known once it is read (stdin, URLs, feeds, WARC archives, compressed files) makes
the total unknown, and the bar shows a count.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

_ONE = (".txt", ".text", ".html", ".htm", ".xhtml")
_LINES = (".jsonl", ".ndjson", ".jsonlines")
_ROWS = (".csv", ".tsv", ".tab")
#: counting stops (total unknown) beyond this many files: counting must stay cheap
MAX_FILES = 200_000


class Unknown(Exception):
    """The number of documents cannot be told before reading."""


def estimate_total(sources: Iterable[str]) -> int | None:
    """The number of documents (and failing sources) ``sources`` will give, or None."""
    try:
        return sum(_count(Path(s)) for s in _paths(sources))
    except (Unknown, OSError, UnicodeDecodeError, csv.Error):
        return None


def _paths(sources: Iterable[str]) -> Iterator[str]:
    for s in sources:
        if s == "-" or "://" in s:
            raise Unknown(s)
        yield s


def _count(path: Path) -> int:
    if path.is_dir():
        files = [p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)]
        if len(files) > MAX_FILES:
            raise Unknown(str(path))
        return sum(_count(p) for p in files)
    if not path.is_file():
        return 1  # it becomes one error row
    name = path.name.lower()
    if name.endswith(_ONE):
        return 1
    if name.endswith(_LINES):
        with path.open("rb") as f:
            return sum(1 for line in f if line.strip())
    if name.endswith(_ROWS):
        with path.open(encoding="utf-8-sig", newline="") as f:
            delimiter = "," if name.endswith(".csv") else "\t"
            return max(0, sum(1 for row in csv.reader(f, delimiter=delimiter) if row) - 1)
    raise Unknown(str(path))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
