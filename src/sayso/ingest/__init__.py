"""Ingest: turn any source into :class:`Document` records (text, metadata, content-hash id).

Plain text, HTML (trafilatura), WARC / WARC.gz (warcio), RSS/Atom (feedparser), JSONL, JSON
and CSV/TSV files, directories (recursively, in sorted order), ``-`` for stdin, and HTTP(S)
URLs. Bad input never raises: it becomes an :class:`IngestError` with a code from
:mod:`sayso.errors` (E020–E029) naming the source, and the batch goes on. Ingest knows
nothing about attribution.
"""

from sayso.ingest.document import (
    META_FIELDS,
    Document,
    IngestError,
    IngestOptions,
    content_id,
    normalize_text,
)
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
