"""Bytes to text: byte-order marks, then UTF-8, then the charset the source declares (HTTP
header, ``<meta charset>``), then :func:`sayso.text.clean.decode` (cp1252, latin-1).

No statistical charset detection: news archives are UTF-8, cp1252 or latin-1 (cp1252 reads
every latin-1 letter the same way), and detectors guess wrongly on short German texts.
"""

from __future__ import annotations

import codecs
import re

from sayso.model import Warning
from sayso.text.clean import decode_report, mostly_utf8

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
# browsers read a declared latin-1 as cp1252 (WHATWG); so do news archives
_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces and the mark's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value."""
    if not content_type:
        return None
    m = _CHARSET.search(content_type.encode("latin-1", "replace"))
    return m.group(1).decode("ascii") if m else None


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first kilobytes."""
    m = _XML_DECL.match(head.lstrip())
    if m:
        return m.group(1).decode("ascii")
    for meta in _META.finditer(head[:8192]):
        c = _CHARSET.search(meta.group(0))
        if c:
            return c.group(1).decode("ascii")
    return None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return _ALIASES.get(canonical, canonical)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode a whole source (see :func:`decode_bytes_report`); warnings are dropped."""
    return decode_bytes_report(data, declared)[0]


def decode_bytes_report(data: bytes, declared: str | None = None) -> tuple[str, list[Warning]]:
    """Decode a whole source. Raises ``SaysoError(E001)`` for binary data.

    A byte-order mark wins; valid UTF-8 is UTF-8 whatever the declaration says (a page
    declaring latin-1 but written in UTF-8 is common, the reverse is impossible); so is
    UTF-8 with a few damaged bytes (U+FFFD, warning W110); UTF-16 without a mark is
    recognised by its NUL bytes (W111); otherwise the declared charset is used when it
    decodes the bytes, else cp1252 / latin-1.
    """
    bom = bom_encoding(data)
    if bom is not None:
        name, size = bom
        return data[size:].decode(name, errors="replace"), []
    text, warnings = decode_report(data)  # binary check; UTF-8, else cp1252, else latin-1
    codec = _codec(declared)
    if codec is None or codec.startswith("utf") or warnings:
        return text, warnings
    try:
        data.decode("utf-8")
        return text, warnings
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(codec), []
    except (UnicodeDecodeError, LookupError):
        return text, warnings


def warning_meta(warnings: list[Warning]) -> dict[str, str]:
    """Decoding warnings as ``Document.meta`` (``ingest_warnings``: 'W110: …; …')."""
    if not warnings:
        return {}
    return {"ingest_warnings": "; ".join(f"{w.code}: {w.message}" for w in warnings)}


def decode_line(line: bytes) -> str:
    """One line of a streamed file: UTF-8 (a few damaged bytes become U+FFFD), else
    cp1252, else latin-1 (archives mix them line by line)."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    damaged = mostly_utf8(line)
    if damaged is not None:
        return damaged[0]
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return line.decode("latin-1")
