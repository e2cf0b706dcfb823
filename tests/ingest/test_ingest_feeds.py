"""RSS and Atom feeds, broken XML, and entries whose text is on the linked page."""

from __future__ import annotations

from pathlib import Path

from ingest_helpers import DE_1, DE_2, EN_1, EN_2, Route, Server, codes, docs, html_page, read

from sayso.ingest import Document, IngestError


def rss(items: str, *, channel: str = "Beispielblatt") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{channel}</title><link>https://beispielblatt.example/</link>"
        f"<language>de-DE</language>{items}</channel></rss>"
    )


def item(guid: str, *, content: str | None = None, summary: str | None = None) -> str:
    parts = [f"<title>Meldung {guid}</title>", f"<link>https://beispielblatt.example/{guid}</link>"]
    parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    parts.append("<pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate>")
    parts.append("<author>redaktion@example.com (Anna Beispiel)</author>")
    parts.append("<category>Politik</category><category>Verkehr</category>")
    if summary is not None:
        parts.append(f"<description><![CDATA[{summary}]]></description>")
    if content is not None:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    return "<item>" + "".join(parts) + "</item>"


def paragraphs(text: str) -> str:
    return "".join(f"<p>{p}</p>" for p in text.split("\n\n"))


ATOM = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'
    "<title>The Example Times</title><id>urn:example:feed</id>"
    "<updated>2024-03-07T08:00:00Z</updated>"
    "<entry><id>urn:example:1</id><title>Budget approved</title>"
    '<link href="https://times.example/budget"/><updated>2024-03-07T08:00:00Z</updated>'
    "<published>2024-03-06T18:30:00+01:00</published><author><name>Tom Writer</name></author>"
    f'<content type="html">{paragraphs(EN_1).replace("<", "&lt;")}</content></entry>'
    "<entry><id>urn:example:2</id><title>Acme shares fall</title>"
    '<link href="https://times.example/acme"/><updated>2024-03-07T09:00:00Z</updated>'
    f'<summary type="text">{EN_2}</summary></entry>'
    "</feed>"
)


def test_rss_entries_become_documents(tmp_path: Path) -> None:
    feed = rss(
        item("id-1", content=paragraphs(DE_1), summary="Kurz: neue Radwege.")
        + item("id-2", summary=paragraphs(DE_2))
        + item("id-3")
    )
    path = tmp_path / "feed.rss"
    path.write_text(feed, "utf-8")
    items = read([path])
    assert codes(items) == ["doc", "doc", "E029"]
    a, b, missing = items
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.text == DE_1  # content wins over the summary, paragraphs kept
    assert a.meta["text_from"] == "content" and b.meta["text_from"] == "summary"
    assert b.text == DE_2
    assert a.source == f"{path}#id-1" and missing.source == f"{path}#id-3"
    assert a.url == "https://beispielblatt.example/id-1"
    assert a.title == "Meldung id-1"
    assert a.site == "Beispielblatt"
    assert a.lang == "de"
    assert a.published == "2024-03-05T09:00:00+00:00"
    assert a.author == "Anna Beispiel"
    assert a.meta["tags"] == "Politik, Verkehr"
    assert "fetch_links" in missing.message  # type: ignore[union-attr]


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "times.atom"
    path.write_text(ATOM, "utf-8")
    a, b = read([path])
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.text == EN_1 and b.text == EN_2
    assert a.source == f"{path}#urn:example:1"
    assert a.author == "Tom Writer"
    assert a.published == "2024-03-06T17:30:00+00:00"
    assert b.published == "2024-03-07T09:00:00+00:00"  # updated when nothing was published
    assert a.site == "The Example Times" and a.lang == "en"


def test_feed_in_xml_file_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "export.xml").write_text(ATOM, "utf-8")
    assert codes(read([tmp_path])) == ["doc", "doc"]


def test_broken_xml_gives_an_error_and_what_could_be_read(tmp_path: Path) -> None:
    feed = rss(item("id-1", content=paragraphs(DE_1)) + item("id-2", content=paragraphs(DE_2)))
    path = tmp_path / "cut.rss"
    path.write_text(feed.replace("</channel></rss>", ""), "utf-8")
    items = read([path])
    assert codes(items) == ["E024", "doc", "doc"]
    assert items[0].source == str(path)
    assert "2 entries" in items[0].message  # type: ignore[union-attr]


def test_unreadable_feeds_are_e024_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_text("<<<< not xml at all", "utf-8")
    (tmp_path / "b.rss").write_text(html_page(DE_1), "utf-8")  # a page, not a feed
    (tmp_path / "c.rss").write_bytes(b"\x00\x01\x02garbage\xff\xfe" * 10)
    (tmp_path / "d.txt").write_text(DE_2, "utf-8")
    items = read([tmp_path])
    assert codes(items) == ["E024", "E024", "E024", "doc"]
    assert "not an RSS or Atom feed" in items[1].message  # type: ignore[union-attr]


def test_empty_feed_gives_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.rss").write_text(rss(""), "utf-8")
    assert read([tmp_path]) == []


def test_fetch_links_reads_the_linked_pages(tmp_path: Path, server: Server) -> None:
    server.routes["/story"] = Route(html_page(DE_2, title="Seitentitel").encode())
    feed = rss(
        item("id-1", summary="Nur ein Anreißer.").replace(
            "https://beispielblatt.example/id-1", server.url("/story")
        )
        + item("id-2", summary="Noch einer.").replace(
            "https://beispielblatt.example/id-2", server.url("/missing")
        )
        + item("id-3", content=paragraphs(EN_1))
    )
    path = tmp_path / "feed.rss"
    path.write_text(feed, "utf-8")
    items = read([path], fetch_links=True, timeout=5, allow_private_hosts=True)
    assert codes(items) == ["doc", "E026", "doc"]
    page, error, inline = items
    assert isinstance(page, Document) and isinstance(error, IngestError)
    assert "Ein Sprecher der Staatsanwaltschaft erklärte" in page.text
    assert page.title == "Meldung id-1"  # the feed's metadata wins
    assert page.url == server.url("/story") and page.source == f"{path}#id-1"
    assert page.meta["text_from"] == "linked page"
    assert error.source == f"{path}#id-2" and "404" in error.message
    assert server.url("/missing") in error.message
    assert isinstance(inline, Document) and inline.text == EN_1
    assert server.hits.get("/story") == 1
    # without fetch_links the summaries are the text, and nothing is fetched
    assert [d.text for d in docs(read([path]))] == ["Nur ein Anreißer.", "Noch einer.", EN_1]
    assert server.hits.get("/story") == 1
