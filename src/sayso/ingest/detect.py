"""Which reader a source needs: by file extension, Content-Type and the first bytes."""

from __future__ import annotations

import json
import re
import zlib
from enum import StrEnum

from sayso.ingest.encoding import bom_encoding
from sayso.text.clean import utf16_without_bom


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    WARC = "warc"
    FEED = "feed"
    JSONL = "jsonl"
    JSON = "json"
    CSV = "csv"
    TSV = "tsv"
    GZIP = "gzip"  # a compressed file of another format (not a WARC: warcio reads those)
    XML = "xml"  # XML that is neither a feed nor XHTML: not readable


_EXTENSIONS = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".warc": Format.WARC,
    ".arc": Format.WARC,
    ".warc.gz": Format.WARC,
    ".arc.gz": Format.WARC,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
    ".xml": Format.XML,  # sniffed: feed, XHTML or unreadable
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".jsonlines": Format.JSONL,
    ".json": Format.JSON,
    ".csv": Format.CSV,
    ".tsv": Format.TSV,
    ".tab": Format.TSV,
    ".gz": Format.GZIP,
}

_CONTENT_TYPES = {
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "application/rss+xml": Format.FEED,
    "application/atom+xml": Format.FEED,
    "application/rdf+xml": Format.FEED,
    "application/xml": Format.XML,
    "text/xml": Format.XML,
    "text/plain": Format.TEXT,
    "application/json": Format.JSON,
    "application/x-ndjson": Format.JSONL,
    "application/jsonl": Format.JSONL,
    "application/json-lines": Format.JSONL,
    "text/csv": Format.CSV,
    "text/tab-separated-values": Format.TSV,
    "application/warc": Format.WARC,
    "application/gzip": Format.GZIP,
    "application/x-gzip": Format.GZIP,
}

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF|RDF)[\s>]")
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|h[1-6]|span|a)"
    r"[\s>/]",
    re.IGNORECASE,
)
_XHTML = re.compile(r"<html[\s>]", re.IGNORECASE)
_SKIP_PROLOG = re.compile(r"^(?:\s|<\?[^>]*\?>|<!--.*?-->)*", re.DOTALL)
GZIP_MAGIC = b"\x1f\x8b"


def extension(name: str) -> str:
    """The known extension of a file name or URL path ('.warc.gz' counts as one)."""
    lower = name.lower()
    for ext in (".warc.gz", ".arc.gz"):
        if lower.endswith(ext):
            return ext
    dot = lower.rfind(".")
    slash = max(lower.rfind("/"), lower.rfind("\\"))
    return lower[dot:] if dot > slash + 1 else ""


def by_extension(name: str) -> Format | None:
    return _EXTENSIONS.get(extension(name))


def by_content_type(content_type: str | None) -> Format | None:
    if not content_type:
        return None
    return _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())


def _head_text(head: bytes) -> str:
    bom = bom_encoding(head)
    if bom is not None:
        name, size = bom
        return head[size:].decode(name, errors="ignore")
    wide = utf16_without_bom(head) if b"\x00" in head[:4096] else None
    return head.decode(wide or "utf-8", errors="ignore")


def is_gzipped_warc(head: bytes) -> bool:
    try:
        inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
    except zlib.error:
        return False
    return inner.startswith((b"WARC/", b"filedesc://"))


def classify_xml(head: bytes) -> Format:
    """A feed, an XHTML page, or XML sayso cannot read."""
    text = _head_text(head)
    if _FEED_ROOT.search(text[:8192]):
        return Format.FEED
    if _XHTML.search(text[:8192]):
        return Format.HTML
    return Format.XML


def _looks_csv(first_line: str, text_column: str) -> Format | None:
    for delimiter, fmt in (("\t", Format.TSV), (",", Format.CSV), (";", Format.CSV)):
        fields = [f.strip().strip('"') for f in first_line.split(delimiter)]
        if len(fields) > 1 and text_column in fields:
            return fmt
    return None


def sniff(head: bytes, text_column: str = "text") -> Format:
    """The format the first bytes show; plain text when nothing else fits."""
    if head.startswith((b"WARC/", b"filedesc://")):
        return Format.WARC
    if head.startswith(GZIP_MAGIC):
        return Format.WARC if is_gzipped_warc(head) else Format.GZIP
    text = _head_text(head)
    body = _SKIP_PROLOG.sub("", text, count=1)
    if body.startswith("<") or text.lstrip().startswith("<?xml"):
        if _FEED_ROOT.search(text[:8192]):
            return Format.FEED
        if _HTML_START.match(body) or _XHTML.search(text[:8192]):
            return Format.HTML
        if text.lstrip().startswith("<?xml"):
            return Format.XML
    stripped = text.lstrip()
    first_line = stripped.split("\n", 1)[0].strip()
    if first_line.startswith("{"):
        try:
            if isinstance(json.loads(first_line), dict):
                return Format.JSONL
        except ValueError:
            pass
        return Format.JSON
    if re.match(r"\[\s*[{\]]", stripped):
        return Format.JSON
    return _looks_csv(first_line, text_column) or Format.TEXT


def detect(
    name: str,
    head: bytes,
    *,
    content_type: str | None = None,
    trust_extension: bool = True,
    text_column: str = "text",
) -> Format:
    """The format of a source. For files the extension decides when it is known (``.xml``
    is sniffed); for URLs and stdin the content decides, then the Content-Type, then the
    extension of the URL path."""
    ext = by_extension(name)
    if trust_extension and ext is not None:
        if ext is Format.XML:
            return classify_xml(head)
        if ext is Format.GZIP and is_gzipped_warc(head):
            return Format.WARC
        return ext
    sniffed = sniff(head, text_column)
    if sniffed is not Format.TEXT:
        return sniffed
    for fmt in (by_content_type(content_type), ext):
        if fmt is Format.XML:
            return classify_xml(head)
        if fmt is not None:
            return fmt
    return Format.TEXT
