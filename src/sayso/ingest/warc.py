"""WARC / WARC.gz archives (warcio): every HTTP response (or resource record) with an HTML
content type and a 2xx status becomes a document through the HTML reader. A record cut
short (a truncated download) is an E023 row; the records before it are kept."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO, Any

from sayso import errors
from sayso.ingest.document import Document, IngestError, IngestOptions
from sayso.ingest.html import read_html

_CHUNK = 65536
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Counting(io.RawIOBase):
    """Counts the bytes warcio reads, to notice data after the last complete record."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.count = 0
        self.tail = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        if n:
            self.tail = (self.tail + data)[-64:]
        return n


def _is_html(content_type: str | None) -> bool:
    if not content_type:
        return False
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def read_warc(
    stream: IO[bytes], source: str, options: IngestOptions
) -> Iterator[Document | IngestError]:
    from warcio.archiveiterator import ArchiveIterator

    counting = _Counting(stream)
    reader = io.BufferedReader(counting)
    records = 0
    try:
        iterator = ArchiveIterator(reader)
        walker = iter(iterator)
    except Exception as exc:
        yield IngestError.of(errors.E023, source, detail=f"{type(exc).__name__}: {exc}")
        return
    while True:
        where = source
        try:
            record = next(walker, None)
            if record is None:
                break
            records += 1
            offset = iterator.offset  # (get_record_offset() would read the record away)
            record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
            where = f"{source}#{record_id or offset}"
            problem = _header_problem(record)
            if problem:
                raise ValueError(problem)
            picked = _pick(record)
            if picked is None:
                while record.raw_stream.read(_CHUNK):  # drain, to notice a truncated record
                    pass
                if getattr(record.raw_stream, "limit", 0):
                    raise EOFError("record truncated")
                continue
            content = record.content_stream().read(options.max_bytes + 1)
            if len(content) > options.max_bytes:
                yield IngestError.of(errors.E028, where, limit=options.max_bytes)
                continue
            missing = getattr(record.raw_stream, "limit", 0)
            if missing:
                yield IngestError.of(
                    errors.E023, where, detail=f"record truncated, {missing} bytes missing"
                )
                continue
        except Exception as exc:  # warcio raises many kinds (and TypeError) on broken data
            yield IngestError.of(errors.E023, where, detail=f"{type(exc).__name__}: {exc}")
            return
        url, content_type, meta = picked
        yield from read_html(content, where, url=url, content_type=content_type, meta=meta)
    # a record whose header was cut off yields nothing in warcio: look for unread bytes
    try:
        end = iterator.get_record_offset() + iterator.get_record_length() if records else 0
    except Exception:
        end = counting.count
    extra = counting.count - end
    if extra > 0 and (extra > len(counting.tail) or counting.tail[-extra:].strip()):
        yield IngestError.of(
            errors.E023,
            f"{source}#{end}",
            detail=f"{counting.count - end} bytes after the last complete record",
        )


def _header_problem(record: Any) -> str | None:
    """What is wrong with a record's header (warcio reads any line as an ARC header)."""
    if record.format in ("arc", "arc2warc"):
        if not str(record.rec_headers.get_header("length") or "").isdigit():
            return "not a WARC or ARC record"
    elif not record.rec_headers.get_header("WARC-Type"):
        return "record header without WARC-Type"
    if not hasattr(record.raw_stream, "limit"):
        return "record header cut off (no Content-Length)"
    return None


def _pick(record: Any) -> tuple[str | None, str | None, dict[str, str]] | None:
    """URL, content type and metadata of an HTML page record; None for other records."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type")
        if not status.startswith("2"):
            return None
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    if not _is_html(content_type):
        return None
    meta = {}
    for header, key in (("WARC-Date", "crawled"), ("WARC-Record-ID", "warc_record_id")):
        value = record.rec_headers.get_header(header)
        if value:
            meta[key] = value.strip("<>")
    return record.rec_headers.get_header("WARC-Target-URI"), content_type, meta
