"""The URL policy: http(s) only, internal hosts refused, redirects re-checked, feed links
never read from disk. DNS answers are injected; the only server is on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from ingest_helpers import DE_1, DE_2, Route, Server, codes, html_page, read

from sayso.ingest import Document, IngestError, IngestOptions, read_sources, urlpolicy
from sayso.ingest.urlpolicy import UrlRefused, check_url, web_url


def resolver(answers: dict[str, Sequence[str]]) -> urlpolicy.Resolver:
    def resolve(host: str, port: int) -> Sequence[str]:
        if host not in answers:
            raise OSError(f"unknown host {host}")
        return answers[host]

    return resolve


def refused(url: str, **kwargs: object) -> UrlRefused:
    with pytest.raises(UrlRefused) as caught:
        check_url(url, **kwargs)  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:/etc/passwd",
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
        "ftp://files.example/a.txt",
        "/relative/path",
        "http:///no-host",
    ],
)
def test_urlpolicy_refuses_what_is_not_http_with_a_host(url: str) -> None:
    assert refused(url, resolver=resolver({})).code.code == "E030"
    assert web_url(url) is None


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
    ],
)
def test_urlpolicy_refuses_internal_addresses(address: str, kind: str) -> None:
    answers = resolver({"news.example": [address]})
    error = refused("https://news.example/a", resolver=answers)
    assert error.code.code == "E031" and error.kwargs["kind"] == kind
    assert error.kwargs["address"] == address
    allowed = check_url("https://news.example/a", allow_private=True, resolver=answers)
    assert allowed.addresses == (address,)


def test_urlpolicy_checks_every_resolved_address_and_literal_hosts() -> None:
    mixed = resolver({"news.example": ["93.184.216.34", "169.254.169.254"]})
    assert refused("http://news.example/", resolver=mixed).code.code == "E031"
    public = resolver({"news.example": ["93.184.216.34", "2606:2800:220:1::1"]})
    target = check_url("http://news.example:8080/a?b=1", resolver=public)
    assert (target.host, target.port, target.scheme) == ("news.example", 8080, "http")
    assert target.addresses == ("93.184.216.34", "2606:2800:220:1::1")
    # a literal address is checked without asking any resolver
    assert refused("http://169.254.169.254/latest/meta-data", resolver=resolver({})).code
    assert refused("http://[::1]:8000/", resolver=resolver({})).code.code == "E031"


def test_urlpolicy_unresolvable_host_is_e026() -> None:
    assert refused("https://nowhere.example/", resolver=resolver({})).code.code == "E026"


def test_urlpolicy_a_local_server_needs_allow_private_hosts(server: Server) -> None:
    server.routes["/a"] = Route(html_page(DE_1).encode())
    (item,) = read([server.url("/a")])
    assert isinstance(item, IngestError) and item.code == "E031"
    assert "--allow-private-hosts" in item.message
    assert server.hits == {}  # refused before connecting
    assert codes(read([server.url("/a")], allow_private_hosts=True)) == ["doc"]


def test_urlpolicy_redirects_are_followed_and_bounded(server: Server) -> None:
    server.routes["/a"] = Route(html_page(DE_1).encode())
    server.routes["/old"] = Route(status=301, headers={"Location": "/a"})
    server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    server.routes["/file"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    items = read(
        [server.url("/old"), server.url("/loop"), server.url("/file")], allow_private_hosts=True
    )
    assert codes(items) == ["doc", "E026", "E030"]
    page = items[0]
    assert isinstance(page, Document) and page.url == server.url("/a")
    assert page.source == server.url("/old")
    assert "more than 5 redirects" in items[1].message  # type: ignore[union-attr]
    assert server.hits["/loop"] == 6


def test_urlpolicy_every_redirect_is_checked_again(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the test server plays a public host; its redirect points at the metadata address
    real = urlpolicy.address_kind
    monkeypatch.setattr(urlpolicy, "address_kind", lambda a: None if a == "127.0.0.1" else real(a))
    metadata = "http://169.254.169.254/latest/meta-data/"
    server.routes["/r"] = Route(status=307, headers={"Location": metadata})
    port = server.base.rsplit(":", 1)[1]
    answers = resolver({"public.example": ["127.0.0.1"]})
    url = f"http://public.example:{port}/r"
    (item,) = read([url], resolver=answers)
    assert isinstance(item, IngestError) and item.code == "E031"
    assert "169.254.169.254" in item.message and item.source == url
    assert server.hits == {"/r": 1}


def test_urlpolicy_feed_links_are_never_read_from_disk(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Geheim: " + DE_2, "utf-8")
    links = [
        f"file://{secret}",
        f"file:{secret}",
        "javascript:alert(1)",
        "data:text/plain,Hallo",
        "/artikel/relativ",
    ]
    entries = "".join(
        f"<item><guid>g{n}</guid><link>{link}</link><description>kurz</description></item>"
        for n, link in enumerate(links)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{entries}'
    path = tmp_path / "feed.rss"
    path.write_text(feed + "</channel></rss>", "utf-8")
    items = read([path], fetch_links=True)
    assert codes(items) == ["E030", "E030", "E030", "E030", "E032"]
    assert all("Geheim" not in i.message for i in items)  # type: ignore[union-attr]
    # without fetch_links the summaries are stored, none with a non-web address as its URL
    stored = read([path])
    assert all(isinstance(d, Document) and d.url is None for d in stored)
    assert stored[2].meta["url_text"] == "javascript:alert(1)"  # type: ignore[union-attr]


def test_urlpolicy_relative_feed_links_resolve_against_the_feed(
    tmp_path: Path, server: Server
) -> None:
    server.routes["/news/story"] = Route(html_page(DE_2).encode())
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><guid>g1</guid><link>story</link><description>kurz</description></item>"
        "</channel></rss>"
    )
    server.routes["/news/feed.xml"] = Route(feed.encode(), content_type="application/rss+xml")
    (page,) = read([server.url("/news/feed.xml")], fetch_links=True, allow_private_hosts=True)
    assert isinstance(page, Document) and page.url == server.url("/news/story")
    # a local feed file resolves against its own absolute <link>
    path = tmp_path / "feed.rss"
    path.write_text(feed.replace("<title>T</title>", "<link>https://blatt.example/ressort/</link>"))
    (doc,) = read([path])
    assert isinstance(doc, Document) and doc.url == "https://blatt.example/ressort/story"


def test_urlpolicy_records_never_store_a_non_web_url(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [
        {"text": DE_1, "url": "javascript:alert(1)"},
        {"text": DE_2, "url": "https://x.example/"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    bad, good = read([path])
    assert isinstance(bad, Document) and bad.url is None
    assert bad.meta["url_text"] == "javascript:alert(1)"
    assert isinstance(good, Document) and good.url == "https://x.example/"
    assert "url_text" not in good.meta


def test_urlpolicy_non_http_sources_are_refused(tmp_path: Path) -> None:
    items = list(read_sources(["file:///etc/passwd", "ftp://files.example/x"], IngestOptions()))
    assert codes(items) == ["E030", "E030"]


def test_urlpolicy_sayso_ingest_needs_allow_private_hosts(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    from sayso.cli.main import main
    from sayso.ledger import Ledger

    server.routes["/a"] = Route(html_page(DE_1).encode())
    db = f"sqlite:///{tmp_path / 'l.db'}"
    base = ["ingest", server.url("/a"), "--db", db, "--jobs", "0", "--progress", "never"]
    main(base)
    main([*base, "--allow-private-hosts", "--doc-timeout", "30"])
    with Ledger.open(db) as ledger:
        assert [e.code for e in ledger.errors()] == ["E031"]
        assert ledger.stats()["documents"] == 1
    assert server.hits == {"/a": 1}
