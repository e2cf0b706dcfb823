"""HTML pages through trafilatura: text, metadata, charsets, pages without an article."""

from __future__ import annotations

from pathlib import Path

from ingest_helpers import DE_1, DE_2, EN_1, codes, html_page, read

from sayso.ingest import Document, content_id
from sayso.ingest.html import html_to_text

HEAD = (
    '<meta name="author" content="Anna Beispiel">'
    '<meta property="og:site_name" content="Beispielblatt">'
    '<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">'
    '<link rel="canonical" href="https://beispielblatt.example/radwege">'
)


def test_article_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "radwege.html"
    path.write_text(html_page(DE_1, head=HEAD), "utf-8")
    (doc,) = read([path])
    assert isinstance(doc, Document)
    assert "„Wir brauchen mehr Platz für Fahrräder“, sagte Bürgermeisterin" in doc.text
    assert "Impressum" not in doc.text and "Politik" not in doc.text  # boilerplate gone
    assert doc.title == "Radwege für Beispielhausen"
    assert doc.author == "Anna Beispiel"
    assert doc.site == "Beispielblatt"
    assert doc.published == "2024-03-05"
    assert doc.url == "https://beispielblatt.example/radwege"
    assert doc.lang == "de"
    assert doc.source == str(path)
    assert doc.id == content_id(doc.text)


def test_lang_only_when_stated(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(html_page(EN_1, lang="en-GB"), "utf-8")
    (tmp_path / "b.html").write_text(html_page(EN_1, lang=None), "utf-8")
    a, b = read([tmp_path])
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.lang == "en" and b.lang is None
    assert a.id == b.id


def test_declared_charset_is_used(tmp_path: Path) -> None:
    # cp1250 differs from cp1252 in 0x8a..0x9f: "Š" only reads right with the declaration
    text = DE_2 + " Der Anwalt Šimon Kováč widersprach."
    page = html_page(text, charset="windows-1250")
    (tmp_path / "cz.html").write_bytes(page.encode("cp1250"))
    (doc,) = read([tmp_path / "cz.html"])
    assert isinstance(doc, Document)
    assert "Šimon Kováč" in doc.text


def test_latin1_declared_page_and_undeclared_cp1252_page(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(html_page(DE_1, charset="iso-8859-1").encode("cp1252"))
    (tmp_path / "b.html").write_bytes(html_page(DE_1, charset=None).encode("cp1252"))
    # declared latin-1 but written in UTF-8 (a common mistake): UTF-8 wins
    (tmp_path / "c.html").write_bytes(html_page(DE_1, charset="iso-8859-1").encode("utf-8"))
    items = read([tmp_path])
    assert codes(items) == ["doc", "doc", "doc"]
    assert len({d.id for d in items if isinstance(d, Document)}) == 1
    assert "Bürgermeisterin" in items[0].text  # type: ignore[union-attr]


def test_pages_without_article_text_are_e022(tmp_path: Path) -> None:
    (tmp_path / "1-nav.html").write_text(
        '<html><body><nav><a href="/">Start</a> <a href="/sport">Sport</a></nav></body></html>',
        "utf-8",
    )
    (tmp_path / "2-js.html").write_text(
        "<html><head><script>render()</script></head><body><div id=app></div>"
        "<noscript>Bitte JavaScript aktivieren.</noscript></body></html>",
        "utf-8",
    )
    (tmp_path / "3-index.html").write_text(
        "<html><body><ul><li><a href=/1>Minister tritt zurück</a></li>"
        "<li><a href=/2>Neue Radwege geplant</a></li></ul></body></html>",
        "utf-8",
    )
    (tmp_path / "4-good.html").write_text(html_page(DE_2), "utf-8")
    items = read([tmp_path])
    assert codes(items) == ["E022", "E022", "E022", "doc"]
    assert items[0].source == str(tmp_path / "1-nav.html")
    assert "No article text" in items[0].message  # type: ignore[union-attr]


def test_broken_html_still_gives_its_text(tmp_path: Path) -> None:
    broken = (
        "<html><body><article><p>Die Polizei teilte mit, der Verdächtige sei am Morgen "
        "gefasst worden.<p>Ein Sprecher sagte, weitere Einzelheiten würden am Abend bekannt "
        "gegeben.<div><b>unclosed <i>tags </article></span></html"
    )
    (tmp_path / "broken.html").write_text(broken, "utf-8")
    (tmp_path / "garbage.html").write_text("<<<>>> <p <div =", "utf-8")
    items = read([tmp_path])
    assert codes(items) == ["doc", "E022"]
    assert "Ein Sprecher sagte" in items[0].text  # type: ignore[union-attr]


def test_html_fragment_to_text_keeps_paragraphs() -> None:
    text = html_to_text(
        "<p>Erster Absatz mit <b>fett</b>.</p><p>Zweiter<br>Satz.</p>"
        "<script>alert(1)</script><!-- note --><ul><li>eins</li><li>zwei</li></ul>"
    )
    assert text == "Erster Absatz mit fett.\n\nZweiter\nSatz.\n\neins\n\nzwei"
    assert html_to_text("") == ""
    assert html_to_text("nur Text") == "nur Text"


def test_published_comes_from_markup_not_from_a_year_in_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(html_page(DE_1), "utf-8")  # "bis 2026" in the text
    (tmp_path / "b.html").write_text(html_page(DE_1, head=HEAD), "utf-8")
    a, b = read([tmp_path])
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.published is None
    assert b.published == "2024-03-05"
