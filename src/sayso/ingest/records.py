"""Tabular sources: JSONL (one object per line), JSON (an object or a list of objects) and
CSV/TSV, with the text in ``IngestOptions.text_column`` and metadata in
``IngestOptions.columns``; every other key or column goes to ``Document.meta``.

JSONL and CSV are read as streams, line by line, each line decoded on its own (archives
mix UTF-8 and cp1252), so a file can be larger than ``max_bytes``; one record cannot.
Records are named ``file:LINE`` (the line the record starts on), JSON items ``file#INDEX``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest.document import META_FIELDS, Document, IngestError, IngestOptions, blank
from sayso.ingest.encoding import bom_encoding, decode_bytes, decode_line
from sayso.ingest.html import lang_tag
from sayso.text.clean import utf16_without_bom

Item = Document | IngestError


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "JSON boolean"
    if isinstance(value, int | float):
        return "JSON number"
    if isinstance(value, list):
        return "JSON list of non-strings"
    return "JSON object" if isinstance(value, dict) else type(value).__name__


def _found(keys: Any) -> str:
    names = [str(k) for k in keys]
    shown = ", ".join(repr(n) for n in names[:12])
    return (shown + (", …" if len(names) > 12 else "")) or "nothing"


def record_document(record: Mapping[str, Any], where: str, options: IngestOptions) -> Item:
    """One JSON object or CSV row -> a document, or E025 (no text key) / E029 (empty)."""
    column = options.text_column
    if column not in record:
        return IngestError.of(errors.E025, where, column=column, found=_found(record.keys()))
    value = record[column]
    if value is None:
        return IngestError.of(errors.E034, where, column=column)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "\n\n".join(value)  # a list of paragraphs
    elif isinstance(value, str):
        text = value
    else:  # a number, a boolean, an object, a list of non-strings: not an article
        return IngestError.of(errors.E033, where, column=column, kind=_kind(value))
    if blank(text):
        return IngestError.of(errors.E029, where, detail=f" (column {column!r} is empty)")
    fields: dict[str, str | None] = {}
    used = {column}
    for name in META_FIELDS:
        key = options.column(name)
        if key in record:
            used.add(key)
            fields[name] = _scalar(record[key])
    fields["lang"] = lang_tag(fields.get("lang"))
    meta = {str(k): s for k, v in record.items() if k not in used and (s := _scalar(v))}
    return Document.create(text, where, meta=meta, **fields)


# --- JSON lines ----------------------------------------------------------------------------


def _lines(stream: IO[bytes], head: bytes, limit: int) -> Iterator[tuple[int, str | None]]:
    """(line number, text) for each line; text None for a line longer than ``limit``."""
    bom = bom_encoding(head)
    wide = bom[0] if bom is not None and bom[0] != "utf-8" else utf16_without_bom(head)
    if wide is not None:  # UTF-16/32: decode as one stream
        text_stream = io.TextIOWrapper(stream, encoding=wide, errors="replace", newline="")
        for number, line in enumerate(text_stream, 1):
            yield number, (line.lstrip("\ufeff") if number == 1 else line)
        return
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                raw = stream.readline(1 << 20)
            yield number, None
            continue
        line = decode_line(raw)
        yield number, (line.lstrip("\ufeff") if number == 1 else line)


def read_jsonl(
    stream: IO[bytes], head: bytes, source: str, options: IngestOptions
) -> Iterator[Item]:
    for number, line in _lines(stream, head, options.max_bytes):
        where = f"{source}:{number}"
        if line is None:
            yield IngestError.of(errors.E028, where, limit=options.max_bytes)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield IngestError.of(errors.E020, where, detail=f"not a JSON line ({exc})")
            continue
        if not isinstance(record, dict):
            detail = f"a JSON {type(record).__name__}, not an object"
            yield IngestError.of(errors.E020, where, detail=detail)
            continue
        yield record_document(record, where, options)


def read_json(data: bytes, source: str, options: IngestOptions) -> Iterator[Item]:
    try:
        value = json.loads(decode_bytes(data))
    except (ValueError, SaysoError) as exc:
        yield IngestError.of(errors.E020, source, detail=f"not JSON ({exc})")
        return
    if isinstance(value, dict):
        yield record_document(value, source, options)
        return
    if not isinstance(value, list):
        detail = f"a JSON {type(value).__name__}, not an object or a list of objects"
        yield IngestError.of(errors.E020, source, detail=detail)
        return
    for index, item in enumerate(value):
        where = f"{source}#{index}"
        if isinstance(item, dict):
            yield record_document(item, where, options)
        else:
            detail = f"a JSON {type(item).__name__}, not an object"
            yield IngestError.of(errors.E020, where, detail=detail)


# --- CSV -----------------------------------------------------------------------------------


_DELIMITERS = ",;\t|"


def _delimiter(sample: str, tsv: bool, options: IngestOptions) -> str:
    if options.csv_delimiter is not None:
        return options.csv_delimiter
    if tsv:
        return "\t"
    lines = sample.splitlines()[:20]
    # the header row decides when it holds one candidate: article text is full of commas
    header = lines[0] if lines else ""
    counts = {d: header.count(d) for d in _DELIMITERS if header.count(d)}
    if len(counts) == 1:
        return next(iter(counts))
    if len(lines) > 1:
        lines = lines[:-1]  # the last line of a sample may be cut
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return max(counts, key=lambda d: counts[d]) if counts else ","


class _LineFeed:
    """Feeds csv.reader line by line and remembers which line each record starts on."""

    def __init__(self, lines: Iterator[tuple[int, str | None]]) -> None:
        self._lines = lines
        self.number = 0
        self.too_long: list[int] = []

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        while True:
            self.number, line = next(self._lines)
            if line is not None:
                return line
            self.too_long.append(self.number)


def read_csv(
    stream: IO[bytes], head: bytes, source: str, options: IngestOptions, *, tsv: bool = False
) -> Iterator[Item]:
    wide = bom_encoding(head) is not None or utf16_without_bom(head) is not None
    try:
        sample = decode_bytes(head[: len(head) - len(head) % 2]) if wide else decode_line(head)
    except SaysoError as exc:  # NUL bytes that looked like UTF-16 and are not: binary
        yield IngestError.of(errors.E021, source, detail=exc.message.rstrip("."))
        return
    delimiter = _delimiter(sample.lstrip("\ufeff"), tsv, options)
    # csv's per-field limit (131072 characters by default) is lower than an article can be
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))
    feed = _LineFeed(_lines(stream, head, options.max_bytes))
    reader = csv.reader(feed, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield IngestError.of(errors.E029, source, detail=" (no header row)")
        return
    except csv.Error as exc:
        yield IngestError.of(errors.E020, f"{source}:1", detail=f"bad CSV header ({exc})")
        return
    header = [h.strip() for h in header]
    if options.text_column not in header:
        found = _found(header)
        yield IngestError.of(errors.E025, source, column=options.text_column, found=found)
        return
    for name in META_FIELDS:  # a metadata column the caller named but the file lacks
        column = options.column(name)
        if column != name and column not in header:
            yield IngestError.of(errors.E025, source, column=column, found=_found(header))
    while True:
        start = feed.number + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield IngestError.of(errors.E020, f"{source}:{start}", detail=f"bad CSV row ({exc})")
            continue
        for number in feed.too_long:
            yield IngestError.of(errors.E028, f"{source}:{number}", limit=options.max_bytes)
        feed.too_long.clear()
        if not any(cell.strip() for cell in row):
            continue
        where = f"{source}:{start}"
        if len(row) < len(header) and len(row) <= header.index(options.text_column):
            found = _found(header[: len(row)])
            yield IngestError.of(errors.E025, where, column=options.text_column, found=found)
            continue
        record = dict(zip(header, row, strict=False))
        if len(row) > len(header):
            record["_extra"] = json.dumps(row[len(header) :], ensure_ascii=False)
        yield record_document({k: v for k, v in record.items() if k}, where, options)
