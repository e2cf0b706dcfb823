"""The HTML pages: what they show, escaping, links, headers, languages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import XSS_TITLE

from sayso.web import highlight, security


def _doc_id(client: Any, site: str) -> str:
    docs = client.get("/api/v1/documents", params={"limit": 100}).json()["items"]
    return next(d["id"] for d in docs if d["site"] == site)


def test_pages_search_shows_speaker_cue_content(client: Any) -> None:
    html = client.get("/", params={"q": "Kontrolle"}).text
    assert "Anna Vogel" in html and "außer Kontrolle" in html and "sagte" in html
    assert 'href="/documents/' in html
    html = client.get("/", params={"speaker": "Kranz", "lang": "en"}).text
    assert "soundly financed" in html and "außer Kontrolle" not in html


def test_pages_hit_without_framing_has_no_empty_separator(client: Any) -> None:
    html = client.get("/", params={"q": "Kontrolle"}).text
    # a statement with no framing label shows "direct · Claim #1", not "direct ·  · Claim"
    assert not re.search(r"·\s*·", html)


def test_pages_article_marks_every_statement(client: Any) -> None:
    doc = _doc_id(client, "zeitung-eins.example")
    html = client.get(f"/documents/{doc}").text
    assert html.count('id="st-') == 3
    assert re.search(r'class="mark content a\d" href="#st-s1"', html)
    assert 'class="mark speaker' in html and 'class="mark cue' in html
    assert "Hafenbehörde" in html


def test_pages_every_page_renders(client: Any) -> None:
    actor = client.get("/api/v1/actors", params={"name": "Vogel"}).json()["items"][0]["id"]
    claim = client.get("/api/v1/claims").json()["items"][0]["id"]
    for path in ("/", "/actors", f"/actors/{actor}", f"/claims/{claim}", "/accounts?q=Kosten",
                 "/analyze", "/runs", "/api"):  # fmt: skip
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-security-policy"].startswith("default-src 'self'")
        assert "<script>" not in r.text and "style=" not in r.text, path
    assert "2024-03" in client.get(f"/actors/{actor}").text


def test_pages_analyze_shows_without_storing(client: Any) -> None:
    r = client.post("/analyze", data={"text": "Der Kapitän sagte, das Schiff sinke nicht."})
    assert r.status_code == 200 and 'id="st-s1"' in r.text
    r = client.post("/analyze", data={"url": "file:///etc/passwd"})
    assert r.status_code == 400 and "E030" in r.text


def test_pages_not_found_is_a_coded_page(client: Any) -> None:
    r = client.get("/actors/987654", headers={"accept": "text/html"})
    assert r.status_code == 404 and "E224" in r.text and "<html" in r.text


def test_pages_language_follows_browser_and_cookie(client: Any) -> None:
    assert "Suche" in client.get("/", headers={"accept-language": "de-DE,de;q=0.9"}).text
    assert "Search" in client.get("/", headers={"accept-language": "en"}).text
    r = client.get("/lang/de", params={"next": "/actors"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/actors"
    assert "Akteure" in client.get("/actors", headers={"accept-language": "en"}).text
    client.cookies.clear()
    for evil in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        r = client.get("/lang/en", params={"next": evil}, follow_redirects=False)
        assert r.headers["location"] == "/"


def test_pages_xss_article_is_inert(client: Any) -> None:
    doc = _doc_id(client, '<script>alert("site")</script>')
    html = client.get(f"/documents/{doc}").text
    assert "<script>alert" not in html and "<img" not in html and "<b>Roth" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html and "\x1b" not in html
    search = client.get("/", params={"q": "Versehen"}).text
    assert "<img src=x" not in search and "onerror=alert(2)" in search.replace("&gt;", ">")
    assert XSS_TITLE not in html


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://a.example/x?y=1", "https://a.example/x?y=1"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ('https://a.example/"onmouseover=x', None),
        ("/relative", None),
        (None, None),
    ],
)
def test_pages_links_only_for_http_urls(url: object, href: str | None) -> None:
    assert security.safe_href(url) == href


def test_pages_highlight_pieces_cover_the_text_once() -> None:
    import sayso

    a = sayso.analyze("„Das <b>stimmt</b> nicht“, sagte die Ministerin. Er sagte, es regne.", "de")
    pieces = highlight.segments(a)
    assert "".join(p.text for p in pieces) == a.text
    roles = {p.role for p in pieces if p.statement}
    assert {"content", "cue"} <= roles


def test_pages_merge_and_split_forms_need_the_token(client: Any) -> None:
    from conftest import TOKEN

    names = {a["name"]: a["id"] for a in client.get("/api/v1/actors").json()["items"]}
    into, other = names["Anna Vogel"], names["Paul Kranz"]
    r = client.post(f"/actors/{into}/merge", data={"other": str(other), "token": "nope"})
    assert r.status_code == 401
    form = {"other": str(other), "token": TOKEN, "note": "same person?"}
    r = client.post(f"/actors/{into}/merge", data=form, follow_redirects=False)
    assert r.status_code == 303
    html = client.get(f"/actors/{into}").text
    assert "same person?" in html and 'action="/merges/' in html
    merge_id = client.get(f"/api/v1/actors/{into}").json()["merges"][0]["id"]
    r = client.post(f"/merges/{merge_id}/split", data={"token": TOKEN, "actor": str(into)},
                    follow_redirects=False)  # fmt: skip
    assert r.status_code == 303 and r.headers["location"] == f"/actors/{into}"
    assert client.get(f"/api/v1/actors/{other}").json()["merged_into"] is None
