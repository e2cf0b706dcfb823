"""HTML pages: trafilatura finds the article (main text, title, author, date, site name);
the declared charset is used when the bytes are not UTF-8; ``<html lang>`` gives ``lang``."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest.document import Document, IngestError
from sayso.ingest.encoding import (
    charset_of,
    declared_charset,
    decode_bytes_report,
    warning_meta,
)

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)")
_LANG_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")

_BLOCK_NAMES = (
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul"
)
_BLOCKS = frozenset(_BLOCK_NAMES.split())
_DROP = frozenset(("script", "style", "noscript", "template"))
# trafilatura falls back to whatever text a page has (menus, "enable JavaScript"): an
# article has at least one line of prose
MIN_PROSE_WORDS = 8


def has_prose(text: str) -> bool:
    """Whether some line of ``text`` has at least :data:`MIN_PROSE_WORDS` words."""
    return any(
        sum(1 for w in line.split() if any(c.isalpha() for c in w)) >= MIN_PROSE_WORDS
        for line in text.splitlines()
    )


def lang_tag(value: str | None) -> str | None:
    """A stated language as its primary subtag ('de-DE' -> 'de'); other values unchanged."""
    if not value or not value.strip():
        return None
    value = value.strip()
    m = _LANG_TAG.match(value)
    return m.group(1).lower() if m else value


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content) with its paragraphs kept."""
    import lxml.etree
    import lxml.html

    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return fragment
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else None  # comments, processing instructions
        if tag in _DROP:
            return
        block = tag in _BLOCKS
        if block:
            parts.append("\n\n")
        if tag == "br":
            parts.append("\n")
        if tag is not None and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n\n")

    walk(root)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_html(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    content_type: str | None = None,
    defaults: Mapping[str, str | None] | None = None,
    meta: Mapping[str, str] | None = None,
) -> Iterator[Document | IngestError]:
    """One page -> one document, or E021 (binary) / E022 (no article text).

    ``defaults`` fill metadata the page lacks (values given there win for ``title``,
    ``published``, ``author``, ``site`` and ``lang`` when they are set: a feed states them
    more reliably than a page's markup).
    """
    declared = charset_of(content_type) or declared_charset(data[:8192])
    try:
        text, warnings = decode_bytes_report(data, declared)
    except SaysoError as exc:
        yield IngestError.of(errors.E021, source, detail=exc.message.rstrip("."))
        return
    meta = {**(meta or {}), **warning_meta(warnings)}
    yield extract_html(text, source, url=url, defaults=defaults, meta=meta)


def extract_html(
    text: str,
    source: str,
    *,
    url: str | None = None,
    defaults: Mapping[str, str | None] | None = None,
    meta: Mapping[str, str] | None = None,
) -> Document | IngestError:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            text,
            url=url,
            with_metadata=True,
            include_comments=False,
            # the date from the page's markup, not any date mentioned in the article
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception:  # trafilatura/lxml fail on pathological markup: no article then
        result = None
    body = "" if result is None or isinstance(result, dict) else (result.text or "")
    if result is None or isinstance(result, dict) or not has_prose(body):
        return IngestError.of(errors.E022, source)
    extra: dict[str, str] = dict(meta or {})
    for key in ("description", "hostname"):
        value = getattr(result, key, None)
        if value:
            extra[key] = str(value)
    for key in ("categories", "tags"):
        values = getattr(result, key, None) or []
        if values:
            extra[key] = ", ".join(str(v) for v in values)
    m = _HTML_LANG.search(text[:8192])
    found: dict[str, str | None] = {
        "url": result.url or url,
        "title": result.title,
        "author": result.author,
        "published": result.date,
        "site": result.sitename,
        "lang": lang_tag(m.group(1)) if m else None,
    }
    for key, value in (defaults or {}).items():
        if value:
            found[key] = value
    return Document.create(body, source, meta=extra, **found)
