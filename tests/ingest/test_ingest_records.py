"""JSONL, JSON and CSV/TSV with configurable text and metadata columns."""

from __future__ import annotations

import json
from pathlib import Path

from ingest_helpers import DE_1, DE_2, EN_1, EN_2, codes, docs, read

from sayso.ingest import Document, content_id


def jsonl(*records: object) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def test_jsonl_records_with_metadata_and_extras(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        jsonl(
            {
                "text": DE_1,
                "title": "Radwege",
                "url": "https://a.example/1",
                "published": "2024-03-05",
                "author": "Anna Beispiel",
                "site": "Beispielblatt",
                "lang": "de-AT",
                "ressort": "Lokales",
                "tags": ["Verkehr", "Stadt"],
                "score": 3,
            },
            {"text": ["Erster Absatz.", "Zweiter Absatz, sagte sie."]},
        ),
        "utf-8",
    )
    a, b = read([path])
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.text == DE_1 and a.id == content_id(DE_1)
    assert a.source == f"{path}:1" and b.source == f"{path}:2"
    assert (a.title, a.url, a.published, a.author, a.site, a.lang) == (
        "Radwege",
        "https://a.example/1",
        "2024-03-05",
        "Anna Beispiel",
        "Beispielblatt",
        "de",
    )
    assert a.meta == {"ressort": "Lokales", "tags": '["Verkehr", "Stadt"]', "score": "3"}
    assert b.text == "Erster Absatz.\n\nZweiter Absatz, sagte sie."


def test_jsonl_custom_columns_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.ndjson"
    path.write_text(
        jsonl({"body": EN_1, "headline": "Budget", "link": "https://t.example/b"})
        + "{broken json\n"
        + "\n"
        + jsonl([1, 2])
        + jsonl({"headline": "no body"})
        + jsonl({"body": "   "})
        + jsonl({"body": EN_2}),
        "utf-8",
    )
    items = read([path], text_column="body", columns={"title": "headline", "url": "link"})
    assert codes(items) == ["doc", "E020", "E020", "E025", "E029", "doc"]
    assert [i.source for i in items] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7)]
    first = items[0]
    assert isinstance(first, Document)
    assert first.title == "Budget" and first.url == "https://t.example/b" and first.meta == {}
    assert "'headline'" in items[3].message  # type: ignore[union-attr]


def test_jsonl_lines_in_mixed_encodings_and_an_oversized_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        jsonl({"text": DE_1}).encode("utf-8")
        + jsonl({"text": DE_2}).encode("cp1252")
        + jsonl({"text": DE_1 * 20}).encode("utf-8")
        + jsonl({"text": EN_1}).encode("utf-8")
    )
    items = read([path], max_bytes=2000)
    assert codes(items) == ["doc", "doc", "E028", "doc"]
    assert items[1].text == DE_2  # type: ignore[union-attr]
    assert items[2].source == f"{path}:3"


def test_json_object_and_list(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"text": DE_1, "title": "Eins"}), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps([{"text": EN_1}, "x", {"text": EN_2}]), "utf-8")
    (tmp_path / "c.json").write_text("{not json", "utf-8")
    items = read([tmp_path])
    assert codes(items) == ["doc", "doc", "E020", "doc", "E020"]
    assert [i.source for i in items][1:4] == [f"{tmp_path / 'b.json'}#{n}" for n in range(3)]


CSV = (
    "nr;ueberschrift;inhalt;quelle;datum;ressort\r\n"
    "1;Radwege;{de1};Beispielblatt;2024-03-05;Lokales\r\n"
    "2;Festnahme;{de2};Beispielblatt;2024-03-06;\r\n"
    "\r\n"
    "3;Leer;;Beispielblatt;2024-03-07;Lokales\r\n"
    "4;Kurz\r\n"
)


def _csv_text() -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    return CSV.format(de1=quoted(DE_1), de2=quoted(DE_2))


def test_csv_with_custom_columns_sniffed_delimiter_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "archiv.csv"
    path.write_bytes(_csv_text().encode("cp1252"))
    columns = {"title": "ueberschrift", "site": "quelle", "published": "datum"}
    items = read([path], text_column="inhalt", columns=columns)
    assert codes(items) == ["doc", "doc", "E029", "E025"]
    a, b, _, _ = items
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.text == DE_1 and b.text == DE_2
    assert (a.title, a.site, a.published) == ("Radwege", "Beispielblatt", "2024-03-05")
    assert a.meta == {"nr": "1", "ressort": "Lokales"} and b.meta == {"nr": "2"}
    # records are named by the line they start on; DE_1 spans three lines
    assert [i.source for i in items] == [f"{path}:{n}" for n in (2, 5, 9, 10)]


def test_csv_missing_text_column_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("title,body\nEins,Er sagte ja.\n", "utf-8")
    (tmp_path / "b.txt").write_text(EN_1, "utf-8")
    items = read([tmp_path])
    assert codes(items) == ["E025", "doc"]
    assert items[0].source == str(tmp_path / "a.csv")
    assert "'text'" in items[0].message and "'body'" in items[0].message  # type: ignore[union-attr]


def test_csv_missing_named_metadata_column_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f'title,text\nEins,"{EN_1}"\nZwei,"{EN_2}"\n', "utf-8")
    items = read([tmp_path], columns={"published": "datum"})
    assert codes(items) == ["E025", "doc", "doc"]
    assert "'datum'" in items[0].message  # type: ignore[union-attr]
    assert docs(items)[0].title == "Eins"


def test_tsv_long_fields_and_explicit_delimiter(tmp_path: Path) -> None:
    one_line = " ".join(DE_1.split())
    long_text = " ".join([one_line] * 600)  # beyond csv's default field limit of 131072
    (tmp_path / "a.tsv").write_text(f"text\ttitle\n{long_text}\tLang\n", "utf-8")
    (tmp_path / "b.csv").write_text(f"text|title\n{one_line}|Pipe\n", "utf-8")
    a, b = read([tmp_path], csv_delimiter=None)
    assert isinstance(a, Document) and a.title == "Lang" and len(a.text) > 131072
    assert isinstance(b, Document) and b.title == "Pipe" and b.text == one_line
    (c,) = read([tmp_path / "b.csv"], csv_delimiter="|")
    assert c == b


def test_semicolon_csv_whose_texts_are_full_of_commas(tmp_path: Path) -> None:
    rows = "".join(
        f"{n};Titel {n};Er sagte, sie sagte, man sagte, {n}, {n}, {n}.\n" for n in range(5)
    )
    (tmp_path / "a.csv").write_text("nr;title;text\n" + rows, "utf-8")
    items = docs(read([tmp_path]))
    assert [d.title for d in items] == [f"Titel {n}" for n in range(5)]
    assert items[0].text == "Er sagte, sie sagte, man sagte, 0, 0, 0."


def test_csv_with_bom_and_utf16(tmp_path: Path) -> None:
    text = f'title,text\nEins,"{DE_1}"\n'
    (tmp_path / "a.csv").write_bytes(text.encode("utf-8-sig"))
    (tmp_path / "b.csv").write_bytes(text.encode("utf-16"))
    a, b = read([tmp_path])
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.title == b.title == "Eins" and a.id == b.id


def test_ingest_records_byte_order_mark_alone_is_empty_not_a_document(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_text(json.dumps({"text": "\ufeff"}) + "\n" + json.dumps({"text": DE_1}) + "\n")
    assert codes(read([path])) == ["E029", "doc"]


def test_ingest_records_csv_whose_nul_bytes_only_look_like_utf16_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"\x00a\x00s\xdd ")  # found by the fuzzer: raised E001 out of the reader
    assert codes(read([path])) == ["E021"]
