"""Decoding: damaged UTF-8 stays UTF-8, UTF-16 without a byte-order mark is read, cp1252
still works; record text fields that are not strings are coded errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_helpers import DE_1, DE_2, EN_1, codes, read

import sayso
from sayso.ingest import Document, IngestError, content_id

QUOTED = "„Das ist gut“, sagte die Ärztin Müller über die Brücke."


def test_ingest_encoding_one_bad_byte_keeps_utf8_and_the_id(tmp_path: Path) -> None:
    clean = (DE_1 + "\n\n" + QUOTED).encode("utf-8")
    damaged = clean.replace(b"Dienstag", b"Diens\xfftag")  # a stray byte
    (tmp_path / "a.txt").write_bytes(damaged)
    (tmp_path / "b.txt").write_bytes(clean)
    bad, good = read([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert isinstance(bad, Document) and isinstance(good, Document)
    assert "„Das ist gut“" in bad.text and "â€ž" not in bad.text
    assert "Diens\ufffdtag" in bad.text
    assert bad.meta["ingest_warnings"].startswith("W110: 1 invalid")
    assert "ingest_warnings" not in good.meta
    assert bad.id == good.id  # the same article, stored once


def test_ingest_encoding_genuine_cp1252_still_decodes(tmp_path: Path) -> None:
    text = DE_1 + "\n\n" + QUOTED + " „Ein Gruß“ hieß es."  # 'ß“' is valid UTF-8 by accident
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    (doc,) = read([tmp_path / "a.txt"])
    assert isinstance(doc, Document) and doc.text == text
    assert "ingest_warnings" not in doc.meta


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_ingest_encoding_utf16_without_bom(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "a.txt").write_bytes(DE_2.encode(encoding))
    record = json.dumps({"text": EN_1}, ensure_ascii=False) + "\n"
    (tmp_path / "b.jsonl").write_bytes(record.encode(encoding))
    text, jsonl = read([tmp_path / "a.txt", tmp_path / "b.jsonl"])
    assert isinstance(text, Document) and text.text == DE_2
    assert (
        text.meta["ingest_warnings"]
        == f"W111: UTF-16 text without a byte-order mark, read as {encoding}."
    )
    assert isinstance(jsonl, Document) and jsonl.text == EN_1


def test_ingest_encoding_damaged_jsonl_line_stays_utf8(tmp_path: Path) -> None:
    line = json.dumps({"text": QUOTED + " " + DE_2}, ensure_ascii=False).encode()
    (tmp_path / "a.jsonl").write_bytes(line.replace(b"Morgen", b"Mor\x81gen") + b"\n")
    (doc,) = read([tmp_path / "a.jsonl"])
    assert isinstance(doc, Document) and doc.text.startswith("„Das ist gut“")
    assert "Mor\ufffdgen" in doc.text


def test_ingest_encoding_analyze_bytes_warns_instead_of_mojibake() -> None:
    data = (QUOTED + " " + DE_1).encode("utf-8").replace(b"Dienstag", b"Diens\xfftag")
    a = sayso.analyze(data, "de")
    assert a.text.startswith("„Das ist gut“")
    assert [w.code for w in a.warnings][:1] == ["W110"]
    assert a.statements  # still analysed
    wide = sayso.analyze(QUOTED.encode("utf-16-le"), "de")
    assert wide.text == QUOTED and [w.code for w in wide.warnings] == ["W111"]
    assert sayso.analyze(QUOTED.encode("utf-16"), "de").text == QUOTED  # with a BOM


def test_ingest_encoding_content_id_ignores_replacement_characters() -> None:
    assert content_id("Ein Te\ufffdxt") == content_id("Ein Text")
    assert content_id("Ein Text") != content_id("Ein Test")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (123, "JSON number"),
        (True, "JSON boolean"),
        ({"a": "b"}, "JSON object"),
        ([1, 2], "JSON list"),
    ],
)
def test_ingest_encoding_non_string_text_is_e033(tmp_path: Path, value: object, kind: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": value}) + "\n" + json.dumps({"text": DE_1}), "utf-8")
    items = read([path])
    assert codes(items) == ["E033", "doc"]
    assert kind in items[0].message and "'text'" in items[0].message  # type: ignore[union-attr]


def test_ingest_encoding_null_text_is_e034_not_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": null, "title": "Leer"}\n{"title": "Ohne"}\n', "utf-8")
    null, missing = read([path])
    assert isinstance(null, IngestError) and null.code == "E034"
    assert "present but null" in null.message and "has no column" not in null.message
    assert isinstance(missing, IngestError) and missing.code == "E025"
