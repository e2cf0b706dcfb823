"""URLs served by a local http.server on 127.0.0.1: pages, feeds, errors, timeouts, caps."""

from __future__ import annotations

import json
import time

from ingest_helpers import DE_1, DE_2, EN_1, Route, Server, codes, html_page, read

from sayso.ingest import Document, IngestError


def test_page_text_feed_and_jsonl_urls(server: Server) -> None:
    server.routes["/artikel"] = Route(html_page(DE_1).encode())
    server.routes["/plain"] = Route(EN_1.encode("cp1252"), content_type="text/plain")
    server.routes["/export"] = Route(
        json.dumps({"text": DE_2}).encode() + b"\n", content_type="application/x-ndjson"
    )
    items = read(
        [server.url("/artikel"), server.url("/plain"), server.url("/export")],
        allow_private_hosts=True,
    )
    assert codes(items) == ["doc", "doc", "doc"]
    page, plain, record = items
    assert isinstance(page, Document) and isinstance(plain, Document)
    assert "Bürgermeisterin Jana Muster" in page.text
    assert page.source == page.url == server.url("/artikel")
    assert plain.text == EN_1 and plain.url == server.url("/plain")
    assert record.source == server.url("/export") + ":1"


def test_http_errors_are_e026_and_the_batch_goes_on(server: Server) -> None:
    server.routes["/ok"] = Route(html_page(DE_2).encode())
    server.routes["/boom"] = Route(b"oops", status=500)
    items = read(
        [server.url("/nope"), server.url("/boom"), server.url("/ok")], allow_private_hosts=True
    )
    assert codes(items) == ["E026", "E026", "doc"]
    assert "HTTP 404" in items[0].message and items[0].source == server.url("/nope")  # type: ignore[union-attr]
    assert "HTTP 500" in items[1].message  # type: ignore[union-attr]


def test_connection_refused_is_e026() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (item,) = read([f"http://127.0.0.1:{port}/x"], timeout=2, allow_private_hosts=True)
    assert isinstance(item, IngestError) and item.code == "E026"


def test_slow_response_times_out(server: Server) -> None:
    server.routes["/slow"] = Route(html_page(DE_1).encode(), delay=3)
    server.routes["/ok"] = Route(html_page(DE_2).encode())
    start = time.monotonic()
    items = read([server.url("/slow"), server.url("/ok")], timeout=0.5, allow_private_hosts=True)
    assert codes(items) == ["E027", "doc"]
    assert time.monotonic() - start < 2.5
    assert "0.5 s" in items[0].message  # type: ignore[union-attr]


def test_trickling_response_is_cut_off_at_the_deadline(server: Server) -> None:
    # every piece arrives well within the socket timeout; the whole takes 5 s
    server.routes["/trickle"] = Route(b"x" * 800, content_type="text/plain", trickle=0.1)
    start = time.monotonic()
    (item,) = read([server.url("/trickle")], timeout=0.6, allow_private_hosts=True)
    assert isinstance(item, IngestError) and item.code == "E027"
    assert time.monotonic() - start < 2.5


def test_oversized_response_is_e028_with_and_without_content_length(server: Server) -> None:
    body = html_page(DE_1 * 10).encode()
    server.routes["/big"] = Route(body)
    server.routes["/big-stream"] = Route(body, send_length=False)
    server.routes["/small"] = Route(html_page(DE_2).encode())
    urls = [server.url("/big"), server.url("/big-stream"), server.url("/small")]
    items = read(urls, max_bytes=2000, allow_private_hosts=True)
    assert codes(items) == ["E028", "E028", "doc"]
    assert "2000 bytes" in items[1].message  # type: ignore[union-attr]


def test_a_changed_page_is_a_new_version_of_the_same_url(server: Server) -> None:
    versions = iter([DE_1, DE_1, DE_1 + "\n\nDie Stadt widersprach am Abend."])
    server.routes["/live"] = Route(lambda: html_page(next(versions)).encode())
    url = server.url("/live")
    first, again, changed = read([url, url, url], allow_private_hosts=True)
    assert isinstance(first, Document) and isinstance(again, Document)
    assert isinstance(changed, Document)
    assert first.id == again.id != changed.id
    assert first.url == again.url == changed.url == url


def test_pages_without_article_and_feeds_over_http(server: Server) -> None:
    server.routes["/menu"] = Route(b"<html><body><nav><a href=/>Start</a></nav></body></html>")
    server.routes["/feed"] = Route(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><guid>g1</guid><description>Der Sprecher sagte, man pruefe den Fall.</description>"
        b"</item></channel></rss>",
        content_type="text/xml",
    )
    items = read([server.url("/menu"), server.url("/feed")], allow_private_hosts=True)
    assert codes(items) == ["E022", "doc"]
    assert items[1].source == server.url("/feed") + "#g1"
