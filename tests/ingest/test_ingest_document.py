"""Document identity and serialisation, error rows, options."""

from __future__ import annotations

import json
import unicodedata

import pytest
from ingest_helpers import DE_1, DE_2

from sayso.errors import CATALOGUE, E025
from sayso.ingest import Document, IngestError, IngestOptions, content_id, unique


def test_same_article_same_id_whatever_the_whitespace_and_normal_form() -> None:
    rewrapped = DE_1.replace(" ", "  ").replace("\n\n", "\r\n \r\n") + "\n"
    decomposed = unicodedata.normalize("NFD", DE_1)
    assert decomposed != DE_1
    ids = {content_id(t) for t in (DE_1, rewrapped, decomposed, " \t" + DE_1)}
    assert ids == {content_id(DE_1)}
    assert len(content_id(DE_1)) == 64


def test_changed_text_changes_the_id() -> None:
    assert content_id(DE_1) != content_id(DE_1.replace("zwölf", "elf"))
    assert content_id(DE_1) != content_id(DE_2)
    # case and punctuation are content
    assert content_id("Er sagte, ja.") != content_id("Er sagte: ja.")


def test_create_normalises_text_and_drops_empty_metadata() -> None:
    doc = Document.create(
        "\ufeff" + unicodedata.normalize("NFD", "Käse\r\nund Brot  ") + "\n",
        "x.txt",
        title="  Ein   Titel ",
        author="",
        meta={"a": "1", "b": ""},
    )
    assert doc.text == "Käse\nund Brot"
    assert unicodedata.is_normalized("NFC", doc.text)
    assert doc.id == content_id(doc.text)
    assert doc.title == "Ein Titel"
    assert doc.author is None
    assert doc.meta == {"a": "1"}


def test_document_round_trips_through_json() -> None:
    doc = Document.create(
        DE_1,
        "feed.xml#id-1",
        url="https://example.org/a",
        title="T",
        author="A",
        published="2024-03-05",
        site="Beispielblatt",
        lang="de",
        meta={"tags": "Politik, Verkehr"},
    )
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again == doc
    assert set(doc.to_dict()) == {
        "id",
        "text",
        "source",
        "url",
        "title",
        "author",
        "published",
        "site",
        "lang",
        "meta",
    }


def test_ingest_error_names_source_code_and_hint() -> None:
    err = IngestError.of(E025, "x.csv", column="text", found="'a', 'b'")
    assert err.code == "E025" and err.source == "x.csv"
    assert err.message.startswith("x.csv has no column 'text'")
    assert "Hint: " in err.message and "text_column" in err.message
    assert IngestError.from_dict(json.loads(json.dumps(err.to_dict()))) == err


def test_ingest_codes_are_catalogued_with_hints() -> None:
    for number in range(20, 30):
        code = CATALOGUE[f"E0{number}"]
        assert code.hint.strip() and code.message.strip()


def test_options_validate_and_default_columns() -> None:
    options = IngestOptions()
    assert options.column("title") == "title"
    assert IngestOptions(columns={"title": "headline"}).column("url") == "url"
    assert options.user_agent.startswith("sayso/")
    with pytest.raises(ValueError, match="unknown metadata"):
        IngestOptions(columns={"headline": "title"})
    with pytest.raises(ValueError):
        IngestOptions(timeout=0)
    with pytest.raises(ValueError):
        IngestOptions(csv_delimiter=";;")


def test_unique_drops_repeated_documents_only() -> None:
    a = Document.create(DE_1, "a.txt")
    b = Document.create(DE_1 + "\n", "b.txt")
    c = Document.create(DE_2, "c.txt")
    e = IngestError.of(E025, "x.csv", column="text", found="")
    assert list(unique([a, e, b, c, e])) == [a, e, c, e]
