"""Ingest: turn any source into :class:`Document` records (text, metadata, content-hash id).

Plain text, HTML (trafilatura), WARC / WARC.gz (warcio), RSS/Atom (feedparser), JSONL, JSON
and CSV/TSV files, directories (recursively, in sorted order), ``-`` for stdin, and HTTP(S)
URLs. Bad input never raises: it becomes an :class:`IngestError` with a code from
:mod:`sayso.errors` (E020–E029) naming the source, and the batch goes on. Ingest knows
nothing about attribution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sayso.ingest.document import (
    META_FIELDS,
    Document,
    IngestError,
    IngestOptions,
    content_id,
    normalize_text,
)

if TYPE_CHECKING:
    from sayso.ingest.sources import read_sources, unique

__all__ = [
    "META_FIELDS",
    "Document",
    "IngestError",
    "IngestOptions",
    "content_id",
    "normalize_text",
    "read_sources",
    "unique",
]


def __getattr__(name: str) -> Any:
    """The readers (``read_sources``, with HTTP, TLS and the format readers behind it)
    load on first use, so that the ledger, which only needs :class:`Document`, starts
    without them (PEP 562)."""
    if name in ("read_sources", "unique"):
        from sayso.ingest import sources

        value = getattr(sources, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sayso.ingest' has no attribute {name!r}")
