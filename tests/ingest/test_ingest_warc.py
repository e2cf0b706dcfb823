"""WARC archives built with warcio, and truncated copies of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import DE_1, DE_2, EN_1, EN_2, build_warc, codes, docs, html_page, read

from sayso.ingest import Document, IngestError

HTML = "text/html; charset=utf-8"


def _records() -> list[tuple[str, str, int, str, bytes]]:
    return [
        ("request", "https://news.example/a", 0, "application/http; msgtype=request", b"GET /a"),
        ("response", "https://news.example/a", 200, HTML, html_page(DE_1).encode()),
        ("response", "https://news.example/logo.png", 200, "image/png", b"\x89PNG" * 50),
        ("response", "https://news.example/gone", 404, HTML, html_page(DE_2).encode()),
        ("response", "https://news.example/b", 200, "text/html", html_page(EN_1).encode()),
        ("resource", "https://news.example/c", 0, "text/html", html_page(EN_2).encode()),
    ]


@pytest.mark.parametrize(("name", "gz"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_responses_become_documents(tmp_path: Path, name: str, gz: bool) -> None:
    path = tmp_path / name
    path.write_bytes(build_warc(_records(), gzip=gz))
    items = read([path])
    assert codes(items) == ["doc", "doc", "doc"]
    a, b, c = docs(items)
    assert [d.url for d in (a, b, c)] == [
        "https://news.example/a",
        "https://news.example/b",
        "https://news.example/c",
    ]
    assert "Bürgermeisterin Jana Muster" in a.text
    assert a.source.startswith(f"{path}#urn:uuid:")
    assert len({a.source, b.source, c.source}) == 3
    assert a.meta["crawled"] and a.meta["warc_record_id"] == a.source.split("#", 1)[1]
    assert items == read([path])


def test_the_same_page_in_a_warc_and_a_file_has_one_id(tmp_path: Path) -> None:
    (tmp_path / "a.warc.gz").write_bytes(build_warc(_records()))
    (tmp_path / "b.html").write_text(html_page(DE_1), "utf-8")
    items = docs(read([tmp_path]))
    assert items[0].id == items[-1].id
    assert items[0].source != items[-1].source


def test_truncated_record_is_e023_and_earlier_records_are_kept(tmp_path: Path) -> None:
    data = build_warc(_records())
    (tmp_path / "cut.warc.gz").write_bytes(data[:-40])  # inside the last record's payload
    (tmp_path / "next.txt").write_text(DE_2, "utf-8")
    items = read([tmp_path])
    assert codes(items) == ["doc", "doc", "E023", "doc"]
    error = items[2]
    assert error.source.startswith(f"{tmp_path / 'cut.warc.gz'}#")
    assert isinstance(error, IngestError) and "truncated" in error.message
    assert isinstance(items[3], Document) and items[3].source == str(tmp_path / "next.txt")


@pytest.mark.parametrize("gz", [True, False])
def test_record_cut_in_its_header_is_e023(tmp_path: Path, gz: bool) -> None:
    one = build_warc(_records()[:2], gzip=gz)
    two = one + build_warc([_records()[4]], gzip=gz)  # WARC files concatenate
    assert codes(read_bytes(tmp_path, two, gz)) == ["doc", "doc"]
    # all of the first two records, 60 bytes of the third
    assert codes(read_bytes(tmp_path, two[: len(one) + 60], gz)) == ["doc", "E023"]


def read_bytes(tmp_path: Path, data: bytes, gz: bool) -> list[Document | IngestError]:
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data)
    return read([path])


def test_archive_with_no_complete_record_is_e023(tmp_path: Path) -> None:
    data = build_warc(_records()[:2])
    (tmp_path / "a.warc.gz").write_bytes(data[:50])
    (tmp_path / "b.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: resp")
    (tmp_path / "c.warc").write_bytes(b"this is not an archive at all, just words\n")
    assert codes(read([tmp_path])) == ["E023", "E023", "E023"]


def test_oversized_record_is_e028_and_the_archive_goes_on(tmp_path: Path) -> None:
    records = _records()
    records[1] = ("response", "https://news.example/a", 200, HTML, html_page(DE_1 * 30).encode())
    (tmp_path / "a.warc.gz").write_bytes(build_warc(records))
    items = read([tmp_path], max_bytes=5000)
    assert codes(items) == ["E028", "doc", "doc"]
