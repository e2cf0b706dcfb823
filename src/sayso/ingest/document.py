"""The records ingest produces: a :class:`Document` per article, an :class:`IngestError` per
source (or record) that could not be read, and the :class:`IngestOptions` that steer it."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sayso import __version__
from sayso.errors import Code
from sayso.ingest.urlpolicy import web_url

if TYPE_CHECKING:
    from sayso.ingest.urlpolicy import Resolver

#: the metadata fields a JSONL key or CSV column can fill
META_FIELDS = ("title", "url", "published", "author", "site", "lang")

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def normalize_text(text: str) -> str:
    """The text as stored: NFC (decomposed umlauts from macOS files compose), one kind of
    line break, no byte-order mark, no surrounding whitespace. Paragraphs are kept."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    return _NEWLINES.sub("\n", text).strip()


def blank(text: str) -> bool:
    """True when nothing of ``text`` would be stored (whitespace, a byte-order mark): such
    a record is E029, not an empty document."""
    return not normalize_text(text)


def content_id(text: str) -> str:
    """The document id: sha256 hex of the NFC text with whitespace runs collapsed and
    U+FFFD replacement characters left out, so the same article re-wrapped, re-indented,
    with other line endings or with a stray damaged byte (decoded as U+FFFD) keeps its id.
    A damaged byte that was part of a character (an 'ü' cut in half) changes the id."""
    canonical = " ".join(unicodedata.normalize("NFC", text).replace("\ufffd", "").split())
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _opt_str(d: Mapping[str, Any], key: str) -> str | None:
    value = d.get(key)
    return None if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Document:
    """One article's text and what the source says about it. ``id`` is
    :func:`content_id` of ``text``: the same article has the same id wherever it came from,
    a changed version of a page has a new id (and the same ``url``)."""

    id: str
    text: str
    source: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site: str | None = None
    lang: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def create(cls, text: str, source: str, **fields: Any) -> Document:
        """A document with normalised text and its content id; empty metadata is dropped.

        A ``url`` that is not an absolute http(s) address (``javascript:…``, ``file:…``, a
        relative path) is never stored as the URL: it is kept as text in
        ``meta["url_text"]`` and ``url`` is None."""
        text = normalize_text(text)
        url = fields.get("url")
        if url is not None and str(url).strip() and web_url(str(url)) is None:
            meta = dict(fields.get("meta") or {})
            meta.setdefault("url_text", " ".join(str(url).split()))
            fields = {**fields, "url": None, "meta": meta}
        clean: dict[str, Any] = {}
        for key, value in fields.items():
            if key == "meta":
                clean[key] = {
                    str(k): str(v) for k, v in (value or {}).items() if v not in (None, "")
                }
            elif value is not None and str(value).strip():
                clean[key] = " ".join(str(value).split())
        return cls(id=content_id(text), text=text, source=source, **clean)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "site": self.site,
            "lang": self.lang,
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Document:
        return cls(
            id=str(d["id"]),
            text=str(d["text"]),
            source=str(d["source"]),
            url=_opt_str(d, "url"),
            title=_opt_str(d, "title"),
            author=_opt_str(d, "author"),
            published=_opt_str(d, "published"),
            site=_opt_str(d, "site"),
            lang=_opt_str(d, "lang"),
            meta={str(k): str(v) for k, v in (d.get("meta") or {}).items()},
        )


@dataclass(frozen=True, slots=True)
class IngestError:
    """A source, or one record in it, that did not become a document. ``code`` is from
    :mod:`sayso.errors`; ``message`` is its formatted message followed by the hint."""

    source: str
    code: str
    message: str

    @classmethod
    def of(cls, code: Code, where: str, **kwargs: Any) -> IngestError:
        """The error ``code`` for source ``where``; ``{source}`` in the message is ``where``
        unless given (a feed entry's fetch error names the link it fetched)."""
        kwargs.setdefault("source", where)
        message = f"{code.format(**kwargs)} Hint: {code.hint.format(**kwargs)}"
        return cls(source=where, code=code.code, message=message)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "code": self.code, "message": self.message}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> IngestError:
        return cls(source=str(d["source"]), code=str(d["code"]), message=str(d["message"]))


def _default_columns() -> dict[str, str]:
    return {name: name for name in META_FIELDS}


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How sources are read.

    ``columns`` maps a metadata field (``title``, ``url``, ``published``, ``author``,
    ``site``, ``lang``) to the JSONL key or CSV column holding it; fields left out keep
    their own name. Other keys and columns go to ``Document.meta``. ``max_bytes`` caps a
    file read whole (text, HTML, feed, JSON), an HTTP response, and one record of a file
    read as a stream (WARC record, JSONL line, CSV row).

    Addresses (sources and, with ``fetch_links``, feed links) follow
    :mod:`sayso.ingest.urlpolicy`: http(s) only, internal hosts refused unless
    ``allow_private_hosts``; ``resolver`` replaces DNS (tests, services). ``doc_timeout`` is
    the seconds one document's analysis may take in an ingest run (0: no limit). ``skip``:
    files passed over when reading folders (resolved paths; ``sayso ingest`` puts its own
    SQLite ledger and its journal files there, so ingesting the folder that holds the
    ledger does not read the database as articles).
    """

    text_column: str = "text"
    columns: Mapping[str, str] = field(default_factory=_default_columns)
    csv_delimiter: str | None = None
    timeout: float = 10.0
    max_bytes: int = 20_000_000
    fetch_links: bool = False
    user_agent: str = f"sayso/{__version__}"
    allow_private_hosts: bool = False
    max_redirects: int = 5
    doc_timeout: float = 60.0
    resolver: Resolver | None = field(default=None, compare=False, repr=False)
    skip: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = sorted(set(self.columns) - set(META_FIELDS))
        if unknown:
            raise ValueError(f"unknown metadata fields {unknown}; use {list(META_FIELDS)}")
        if self.timeout <= 0 or self.max_bytes <= 0:
            raise ValueError("timeout and max_bytes must be positive")
        if self.doc_timeout < 0 or self.max_redirects < 0:
            raise ValueError("doc_timeout and max_redirects must be 0 or more")
        if self.csv_delimiter is not None and len(self.csv_delimiter) != 1:
            raise ValueError("csv_delimiter must be one character")

    def column(self, name: str) -> str:
        """The key or column holding metadata field ``name``."""
        return self.columns.get(name, name)
