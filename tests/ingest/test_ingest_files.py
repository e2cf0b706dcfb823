"""Plain text in its encodings, folders, stdin, unreadable and odd files."""

from __future__ import annotations

import gzip
import io
import os
import sys
from pathlib import Path

import pytest
from ingest_helpers import DE_1, DE_2, EN_1, codes, docs, errs, html_page, read

from sayso.ingest import Document, content_id, read_sources, unique


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_text_in_each_encoding_reads_the_same(tmp_path: Path, encoding: str) -> None:
    text = DE_1 if encoding != "latin-1" else DE_1.replace("„", '"').replace("“", '"')
    path = tmp_path / "artikel.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = read([path])
    assert isinstance(doc, Document)
    assert doc.text == text
    assert doc.id == content_id(text)
    assert doc.source == str(path)


def test_latin1_bytes_outside_cp1252_still_decode(tmp_path: Path) -> None:
    # 0x81 and 0x8d are undefined in cp1252: the last fallback is latin-1
    path = tmp_path / "alt.txt"
    path.write_bytes("Grüße aus Köln".encode("latin-1") + b" \x81\x8d")
    (doc,) = read([path])
    assert isinstance(doc, Document)
    assert doc.text.startswith("Grüße aus Köln")


def test_the_same_article_in_two_encodings_has_one_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DE_1.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(DE_1.replace("\n\n", "\r\n\r\n").encode("cp1252"))
    (tmp_path / "c.txt").write_bytes(DE_1.replace("zwölf", "elf").encode("utf-8"))
    a, b, c = docs(read([tmp_path]))
    assert a.id == b.id != c.id
    assert [d.source for d in unique([a, b, c])] == [a.source, c.source]


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "a" / "sub").mkdir(parents=True)
    (tmp_path / "a" / "sub" / "y.html").write_text(html_page(DE_2), "utf-8")
    (tmp_path / "a" / "z.txt").write_text(EN_1, "utf-8")
    (tmp_path / "b.txt").write_text(DE_1, "utf-8")
    (tmp_path / "c.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "d.txt").write_bytes(b"  \n\n ")
    (tmp_path / ".hidden.txt").write_text(DE_2, "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(DE_2, "utf-8")
    items = read([tmp_path])
    assert [i.source for i in items] == [
        str(tmp_path / "a" / "sub" / "y.html"),
        str(tmp_path / "a" / "z.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "c.bin"),
        str(tmp_path / "d.txt"),
    ]
    assert codes(items) == ["doc", "doc", "doc", "E021", "E029"]
    assert items == read([tmp_path]), "stable order and content"


def test_one_source_or_paths_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DE_1, "utf-8")
    assert codes(read_sources(str(path))) == ["doc"]
    assert codes(read_sources(path)) == ["doc"]
    assert codes(read_sources([path, str(path)])) == ["doc", "doc"]


def test_batch_goes_on_after_unreadable_sources(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(DE_1, "utf-8")
    broken_link = tmp_path / "link.txt"
    broken_link.symlink_to(tmp_path / "gone.txt")
    items = read([tmp_path / "missing.txt", good, broken_link, "not-a-url.example/x"])
    assert codes(items) == ["E020", "doc", "E020", "E020"]
    assert items[0].source == str(tmp_path / "missing.txt")
    assert "no such file" in errs(items)[0].message
    assert "broken symbolic link" in errs(items)[1].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without permission")
def test_file_without_read_permission_is_e020(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(DE_1, "utf-8")
    path.chmod(0)
    try:
        assert codes(read([path, path])) == ["E020", "E020"]
    finally:
        path.chmod(0o644)


def test_symlink_loop_in_a_folder_ends(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DE_1, "utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert codes(read([tmp_path])) == ["doc"]


def test_size_cap_and_empty_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(DE_1 * 50, "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    small = tmp_path / "small.txt"
    small.write_text(EN_1, "utf-8")
    items = read([big, empty, small], max_bytes=2000)
    assert codes(items) == ["E028", "E029", "doc"]
    assert "2000 bytes" in items[0].message  # type: ignore[union-attr]


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.php").write_text(html_page(DE_1), "utf-8")
    (tmp_path / "notes.md").write_text(EN_1, "utf-8")
    (tmp_path / "data.xml").write_text("<?xml version='1.0'?><catalog><book/></catalog>", "utf-8")
    items = read([tmp_path])
    assert codes(items) == ["E021", "doc", "doc"]
    assert "not an RSS/Atom feed" in items[0].message  # type: ignore[union-attr]
    assert items[1].text == EN_1  # type: ignore[union-attr]
    assert items[2].title == "Radwege für Beispielhausen"  # type: ignore[union-attr]


def test_gzipped_jsonl_and_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(b'{"text": "Der Minister sagte, die Reform komme bald."}\n')
    (tmp_path / "a.jsonl.gz").write_bytes(data)
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(DE_2.encode("utf-8") * 40)[:200])
    items = read([tmp_path])
    assert codes(items) == ["doc", "E020"]
    assert items[0].source == f"{tmp_path / 'a.jsonl.gz'}:1"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_text_in_cp1252(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, DE_1.encode("cp1252"))
    (doc,) = read_sources(["-"])
    assert isinstance(doc, Document)
    assert doc.source == "-" and doc.text == DE_1


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (html_page(DE_1).encode("utf-8"), ["doc"]),
        (b'{"text": "Sie sagte, ja."}\n{"text": "Er sagte, nein."}\n', ["doc", "doc"]),
        (b"title,text\nEins,Sie sagte ja.\nZwei,\n", ["doc", "E029"]),
        (b"", ["E029"]),
        (bytes(range(256)) * 40, ["E021"]),
    ],
)
def test_stdin_format_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, data: bytes, expected: list[str]
) -> None:
    _stdin(monkeypatch, data)
    assert codes(read_sources(["-"])) == expected


def test_stdin_larger_than_the_sniffed_head(monkeypatch: pytest.MonkeyPatch) -> None:
    line = '{{"text": "Meldung {}: Der Sprecher sagte, alles sei ruhig."}}'
    lines = [line.format(i) for i in range(3000)]
    _stdin(monkeypatch, "\n".join(lines).encode("utf-8"))
    items = read_sources(["-"])
    found = docs(items)
    assert len(found) == 3000
    assert found[-1].source == "-:3000" and found[-1].text.startswith("Meldung 2999:")
