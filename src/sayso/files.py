"""Analysing a file the way ``sayso ingest`` reads it: plain text as it is (offsets refer to
the file's own text), every other format (HTML, RSS/Atom, WARC, JSONL, JSON, CSV/TSV,
gzip) through the ingest readers, one analysis per article.

Used by ``sayso analyze FILE``; the library's :func:`sayso.analyze` takes text only.
"""

from __future__ import annotations

from collections.abc import Iterator

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest import Document, IngestError, IngestOptions
from sayso.ingest.detect import Format
from sayso.ingest.sources import read_bytes, source_format
from sayso.model import Analysis

_LANGS = ("de", "en")


class IngestFailed(SaysoError):
    """An :class:`IngestError` raised: its code, message and hint, as a ``SaysoError``."""

    def __init__(self, error: IngestError) -> None:
        message, _, hint = error.message.partition(" Hint: ")
        Exception.__init__(self, f"{error.code}: {error.message}")
        self.code = error.code
        self.message = message
        self.hint = hint
        # the command line's hint for this code where it has one (``--text-column`` …)
        known = errors.CATALOGUE.get(error.code)
        self.cli_hint = known.cli_hint if known is not None and known.cli_hint else hint
        if "{" in self.cli_hint:  # a template needing the original arguments
            self.cli_hint = hint
        self.error = error


def analyze_file(
    data: bytes,
    name: str = "-",
    lang: str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    options: IngestOptions | None = None,
) -> Iterator[Analysis | IngestError]:
    """Each article of ``data`` analysed, in file order, or the coded error of a source or
    record that could not be read (the others are still analysed).

    ``name`` is the file name (its extension decides the format as in ``sayso ingest``;
    ``-`` means standard input, whose content decides). Plain text is passed to
    :func:`sayso.analyze` as bytes, unchanged. For other formats the article's own
    metadata (title, URL, date, a supported language) fills what is not given here.
    Raises ``SaysoError`` only for plain text that cannot be analysed (E001, E003).
    """
    import sayso

    stdin = name == "-"
    if source_format(name, data, trust_extension=not stdin) is Format.TEXT:
        yield sayso.analyze(data, lang, title=title, url=url, published=published)
        return
    for item in read_bytes(data, name, options, trust_extension=not stdin):
        if isinstance(item, IngestError):
            yield item
            continue
        yield _analyze_document(item, lang, title, url, published)


def _analyze_document(
    doc: Document,
    lang: str | None,
    title: str | None,
    url: str | None,
    published: str | None,
) -> Analysis:
    import sayso

    return sayso.analyze(
        doc.text,
        lang or (doc.lang if doc.lang in _LANGS else None),
        title=title or doc.title,
        url=url or doc.url,
        published=published or doc.published,
    )
