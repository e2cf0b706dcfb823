"""``read_sources``: paths, directories, URLs and ``-`` (stdin) -> documents and errors."""

from __future__ import annotations

import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest.detect import Format, detect, extension
from sayso.ingest.document import Document, IngestError, IngestOptions, blank
from sayso.ingest.encoding import decode_bytes_report, warning_meta
from sayso.ingest.fetch import FetchFailed, fetch, is_url

Item = Document | IngestError
_HEAD = 65536
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_STREAMED = (Format.WARC, Format.JSONL, Format.CSV, Format.TSV)


@dataclass(slots=True)
class _Opened:
    where: str  # the source as reported
    name: str  # file name or URL path, for the extension
    stream: IO[bytes]  # positioned at the start
    head: bytes
    size: int | None = None
    content_type: str | None = None
    url: str | None = None
    trust_extension: bool = True


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (stdin, gzip): head, then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes] | gzip.GzipFile) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_sources(
    sources: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    options: IngestOptions | None = None,
) -> Iterator[Document | IngestError]:
    """Every source (path, directory, URL, ``-``) -> documents and errors, lazily, in a
    stable order (sources as given, directories in sorted order, records in file order).

    Never raises for bad input: an unreadable source or record is an :class:`IngestError`
    naming it, and the batch goes on. The same text always gives the same ``Document.id``;
    dropping repeats is the caller's choice (:func:`unique`).
    """
    options = options or IngestOptions()
    if isinstance(sources, str | os.PathLike):  # one source, not its characters
        sources = [sources]
    for item in sources:
        source = os.fspath(item)
        if source == "-":
            yield from _read_stdin(options)
        elif is_url(source):
            yield from _read_url(source, options)
        elif _SCHEME.match(source):  # file://, ftp://, …: refused, never read as a path
            scheme = source.split(":", 1)[0]
            detail = f"it is a {scheme}: address"
            yield IngestError.of(errors.E030, source, url=source, detail=detail)
        else:
            yield from _read_path(Path(source), source, options, set())


def read_bytes(
    data: bytes,
    name: str,
    options: IngestOptions | None = None,
    *,
    trust_extension: bool = True,
) -> Iterator[Document | IngestError]:
    """The documents in ``data``, read as :func:`read_sources` reads a file called
    ``name`` (its extension counts unless ``trust_extension`` is False, as for stdin)."""
    opened = _Opened(
        name, name, io.BytesIO(data), data[:_HEAD], size=len(data), trust_extension=trust_extension
    )
    yield from _dispatch(opened, options or IngestOptions())


def source_format(name: str, head: bytes, *, trust_extension: bool = True) -> Format:
    """The format ingest reads a source called ``name`` starting with ``head`` as."""
    return detect(name, head[:_HEAD], trust_extension=trust_extension)


def unique(items: Iterable[Item]) -> Iterator[Item]:
    """Drop documents whose id was seen before (the same article twice in a batch)."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Document):
            if item.id in seen:
                continue
            seen.add(item.id)
        yield item


def _read_path(path: Path, where: str, options: IngestOptions, seen: set[Path]) -> Iterator[Item]:
    try:
        is_dir = path.is_dir()
        is_file = path.is_file()
    except OSError as exc:
        yield IngestError.of(errors.E020, where, detail=exc.strerror or str(exc))
        return
    if is_dir:
        yield from _read_dir(path, options, seen)
        return
    if not is_file:
        detail = "not a regular file" if os.path.lexists(path) else "no such file or directory"
        if path.is_symlink():
            detail = "a broken symbolic link"
        yield IngestError.of(errors.E020, where, detail=detail)
        return
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield IngestError.of(errors.E020, where, detail=exc.strerror or str(exc))
        return
    with stream:
        try:
            size = os.fstat(stream.fileno()).st_size
            head = stream.read(_HEAD)
            stream.seek(0)
        except OSError as exc:
            yield IngestError.of(errors.E020, where, detail=exc.strerror or str(exc))
            return
        yield from _dispatch(_Opened(where, path.name, stream, head, size), options)


def _read_dir(path: Path, options: IngestOptions, seen: set[Path]) -> Iterator[Item]:
    """Files and folders in name order, recursively; hidden ones (.git, .DS_Store) skipped."""
    real = path.resolve()
    if real in seen:  # a symbolic link back up the tree
        return
    seen = seen | {real}
    try:
        children = sorted(path.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield IngestError.of(errors.E020, str(path), detail=exc.strerror or str(exc))
        return
    for child in children:
        if child.name.startswith(".") or (options.skip and str(child.resolve()) in options.skip):
            continue
        yield from _read_path(child, str(child), options, seen)


def _read_stdin(options: IngestOptions) -> Iterator[Item]:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # sys.stdin replaced by a text stream when embedded
        stream: IO[bytes] = io.BytesIO(sys.stdin.read().encode("utf-8"))
    else:
        stream = buffer
    try:
        head = stream.read(_HEAD)
    except OSError as exc:
        yield IngestError.of(errors.E020, "-", detail=exc.strerror or str(exc))
        return
    rest = io.BufferedReader(_Prefixed(head, stream))
    yield from _dispatch(_Opened("-", "-", rest, head, trust_extension=False), options)


def _read_url(url: str, options: IngestOptions) -> Iterator[Item]:
    try:
        response = fetch(url, options)
    except FetchFailed as failed:
        yield failed.error
        return
    path = url.split("?", 1)[0].split("#", 1)[0]
    opened = _Opened(
        url,
        path,
        io.BytesIO(response.body),
        response.body[:_HEAD],
        size=len(response.body),
        content_type=response.content_type,
        url=response.url,
        trust_extension=False,
    )
    yield from _dispatch(opened, options)


def _read_all(opened: _Opened, options: IngestOptions) -> bytes | IngestError:
    if opened.size is not None and opened.size > options.max_bytes:
        return IngestError.of(errors.E028, opened.where, limit=options.max_bytes)
    try:
        data = opened.stream.read(options.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return IngestError.of(errors.E020, opened.where, detail=str(exc) or type(exc).__name__)
    if len(data) > options.max_bytes:
        return IngestError.of(errors.E028, opened.where, limit=options.max_bytes)
    return data


def _dispatch(opened: _Opened, options: IngestOptions, depth: int = 0) -> Iterator[Item]:
    if not opened.head.strip():
        yield IngestError.of(errors.E029, opened.where, detail=" (empty)")
        return
    fmt = detect(
        opened.name,
        opened.head,
        content_type=opened.content_type,
        trust_extension=opened.trust_extension,
        text_column=options.text_column,
    )
    if fmt is Format.GZIP:
        yield from _read_gzip(opened, options, depth)
        return
    if fmt is Format.XML:
        yield IngestError.of(errors.E021, opened.where, detail="XML that is not an RSS/Atom feed")
        return
    if fmt in _STREAMED:
        yield from _read_stream(fmt, opened, options)
        return
    data = _read_all(opened, options)
    if isinstance(data, IngestError):
        yield data
        return
    if fmt is Format.HTML:
        from sayso.ingest.html import read_html

        yield from read_html(data, opened.where, url=opened.url, content_type=opened.content_type)
    elif fmt is Format.FEED:
        from sayso.ingest.feed import read_feed

        yield from read_feed(data, opened.where, options, base=opened.url)
    elif fmt is Format.JSON:
        from sayso.ingest.records import read_json

        yield from read_json(data, opened.where, options)
    else:
        yield _read_text(data, opened)


def _read_stream(fmt: Format, opened: _Opened, options: IngestOptions) -> Iterator[Item]:
    try:
        if fmt is Format.WARC:
            from sayso.ingest.warc import read_warc

            yield from read_warc(opened.stream, opened.where, options)
        elif fmt is Format.JSONL:
            from sayso.ingest.records import read_jsonl

            yield from read_jsonl(opened.stream, opened.head, opened.where, options)
        else:
            from sayso.ingest.records import read_csv

            tsv = fmt is Format.TSV
            yield from read_csv(opened.stream, opened.head, opened.where, options, tsv=tsv)
    except (OSError, EOFError, zlib.error) as exc:  # a read error or truncated gzip mid-file
        yield IngestError.of(errors.E020, opened.where, detail=str(exc) or type(exc).__name__)


def _read_text(data: bytes, opened: _Opened) -> Item:
    try:
        text, warnings = decode_bytes_report(data)
    except SaysoError as exc:
        return IngestError.of(errors.E021, opened.where, detail=exc.message.rstrip("."))
    if blank(text):
        return IngestError.of(errors.E029, opened.where, detail="")
    return Document.create(text, opened.where, url=opened.url, meta=warning_meta(warnings))


def _read_gzip(opened: _Opened, options: IngestOptions, depth: int) -> Iterator[Item]:
    """A compressed file of another format ('articles.jsonl.gz'), read through gzip."""
    if depth:
        yield IngestError.of(errors.E021, opened.where, detail="gzip inside gzip")
        return
    inner = gzip.GzipFile(fileobj=opened.stream, mode="rb")
    try:
        head = inner.read(_HEAD)
    except (OSError, EOFError, zlib.error) as exc:
        yield IngestError.of(errors.E020, opened.where, detail=f"broken gzip data ({exc})")
        return
    name = opened.name
    if extension(name) == ".gz":
        name = name[: -len(".gz")]
    stream = io.BufferedReader(_Prefixed(head, inner))
    unpacked = _Opened(
        opened.where,
        name,
        stream,
        head,
        url=opened.url,
        trust_extension=opened.trust_extension,
    )
    yield from _dispatch(unpacked, options, depth + 1)
