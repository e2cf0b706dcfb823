"""RSS and Atom feeds (feedparser): one document per entry from its content, else its
summary; with ``fetch_links`` an entry without full content is replaced by its linked page.

A feed feedparser cannot read at all is one E024 row. Broken XML that still gave entries
yields an E024 row first, then the entries it could read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from sayso import errors
from sayso.ingest.document import Document, IngestError, IngestOptions, blank
from sayso.ingest.fetch import FetchFailed, fetch
from sayso.ingest.html import html_to_text, lang_tag, read_html
from sayso.ingest.urlpolicy import web_url

_HTML = ("text/html", "application/xhtml+xml", "html", "xhtml")
# bozo exceptions that do not mean anything was lost
_BENIGN = ("CharacterEncodingOverride", "NonXMLContentType")


def _absolute(link: Any, base: str | None) -> str | None:
    """An entry's link resolved against ``base`` when relative (scheme-less)."""
    if not link or not str(link).strip():
        return None
    text = str(link).strip()
    if base and not urlsplit(text).scheme:
        return urljoin(base, text)
    return text


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    try:
        year, month, day, hour, minute, second = (int(v) for v in parsed[:6])
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def _content_text(detail: Mapping[str, Any]) -> str:
    value = str(detail.get("value") or "")
    kind = str(detail.get("type") or "text/html").lower()
    return html_to_text(value) if kind in _HTML or "html" in kind else value.strip()


def _entry_text(entry: Mapping[str, Any]) -> tuple[str, str | None, str]:
    """The entry's text, the language its content states, and where the text came from."""
    best: tuple[str, str | None] = ("", None)
    for detail in entry.get("content") or ():
        text = _content_text(detail)
        if len(text) > len(best[0]):
            best = (text, detail.get("language"))
    if best[0]:
        return best[0], best[1], "content"
    summary = entry.get("summary_detail") or (
        {"value": entry.get("summary"), "type": "text/html"} if entry.get("summary") else None
    )
    if summary:
        return _content_text(summary), summary.get("language"), "summary"
    return "", None, ""


def read_feed(
    data: bytes, source: str, options: IngestOptions, base: str | None = None
) -> Iterator[Document | IngestError]:
    """``base``: the address the feed was fetched from (relative links resolve against it,
    else against the feed's xml:base, else against the feed's own absolute ``<link>``)."""
    import feedparser

    # a file-like object: feedparser would fetch a str that looks like a URL; it resolves
    # links against an xml:base, and _absolute() the rest against ``base``
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    except (UnicodeError, LookupError, ValueError) as err:  # a broken encoding declaration
        # (<?encoding="º"?>, a NUL byte in it) makes feedparser raise instead of flag
        yield IngestError.of(errors.E024, source, detail=f"{type(err).__name__}: {err}")
        return
    exc = parsed.get("bozo_exception")
    broken = bool(parsed.get("bozo")) and type(exc).__name__ not in _BENIGN
    entries = parsed.get("entries") or []
    problem = (f"{type(exc).__name__}: {exc}" if exc else "unreadable XML") if broken else ""
    if not entries:
        if not parsed.get("version"):
            detail = "not an RSS or Atom feed" + (f" ({problem})" if problem else "")
            yield IngestError.of(errors.E024, source, detail=detail)
        elif problem:
            yield IngestError.of(errors.E024, source, detail=problem)
        return  # else an empty feed: nothing to read
    if problem:
        detail = f"{problem}; read {len(entries)} entries before the error"
        yield IngestError.of(errors.E024, source, detail=detail)
    feed = parsed.get("feed") or {}
    site = feed.get("title")
    feed_lang = feed.get("language")
    link_base = base or web_url(feed.get("link"))
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, 1):
        key = str(entry.get("id") or entry.get("link") or number)
        seen[key] = seen.get(key, 0) + 1
        where = f"{source}#{key}" if seen[key] == 1 else f"{source}#{key}#{seen[key]}"
        yield from _read_entry(entry, where, site, feed_lang, options, link_base)


def _read_entry(
    entry: Mapping[str, Any],
    where: str,
    site: str | None,
    feed_lang: str | None,
    options: IngestOptions,
    base: str | None,
) -> Iterator[Document | IngestError]:
    text, content_lang, origin = _entry_text(entry)
    tags = [str(t.get("term")) for t in entry.get("tags") or () if t.get("term")]
    meta = {"tags": ", ".join(tags)} if tags else {}
    if entry.get("id"):
        meta["entry_id"] = str(entry["id"])
    link = _absolute(entry.get("link"), base)
    fields: dict[str, str | None] = {
        "title": entry.get("title"),
        "author": (entry.get("author_detail") or {}).get("name") or entry.get("author"),
        "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        "site": site,
        "lang": lang_tag(content_lang or feed_lang),
    }
    if origin != "content" and options.fetch_links and link:
        if not urlsplit(link).scheme:  # relative, and no base to resolve it against
            yield IngestError.of(errors.E032, where, link=link)
            return
        try:  # fetch() refuses file:, javascript:, data:, … (E030) and internal hosts
            page = fetch(link, options, where=where)
        except FetchFailed as failed:  # the error names the entry and the link
            yield failed.error
            return
        meta["text_from"] = "linked page"
        yield from read_html(
            page.body,
            where,
            url=page.url,
            content_type=page.content_type,
            defaults=fields,
            meta=meta,
        )
        return
    if blank(text):
        yield IngestError.of(
            errors.E029,
            where,
            detail=" (the entry has no content or summary; fetch_links=True reads its page)",
        )
        return
    meta["text_from"] = origin
    yield Document.create(text, where, url=link, meta=meta, **fields)
