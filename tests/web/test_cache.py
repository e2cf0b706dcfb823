"""The response cache (``sayso.web.cache``): a repeated read is answered from it, and never
after a write — through the server, or by another process on the same ledger. Texts
written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TOKEN

from sayso.ledger import Ledger
from sayso.model import Actor, ActorKind, Analysis, Form, Span, Statement
from sayso.settings import Settings, WebSettings


def _said(name: str, text_after: str) -> Analysis:
    text = f"{name} sagte, {text_after}."
    start = len(name) + 8
    return Analysis(
        text=text,
        lang="de",
        statements=(
            Statement(
                id="s1", content=(Span(start, len(text) - 1),), form=Form.INDIRECT,
                speaker=(Span(0, len(name)),), actor="a1", chain=("a1",),
            ),
        ),
        actors=(Actor("a1", name, ActorKind.PERSON, mentions=(Span(0, len(name)),)),),
    )  # fmt: skip


@pytest.fixture
def cached(tmp_path: Path) -> Iterator[tuple[Any, str, str]]:
    from fastapi.testclient import TestClient

    from sayso.web import create_app

    url = f"sqlite:///{tmp_path / 'cache.db'}"
    with Ledger.open(url) as ledger:
        doc = ledger.add({"site": "eins.example"}, _said("Rita Busch", "die Brücke sei marode"))
    with TestClient(create_app(url, token=TOKEN)) as client:
        yield client, url, doc.document_id


def _state(response: Any) -> str | None:
    assert response.status_code == 200
    return response.headers.get("x-sayso-cache")  # type: ignore[no-any-return]


def test_cache_answers_a_repeated_read_per_language(cached: Any) -> None:
    client, _, _ = cached
    en, de = {"Accept-Language": "en"}, {"Accept-Language": "de"}
    assert _state(client.get("/?q=Brücke", headers=en)) == "miss"
    again = client.get("/?q=Brücke", headers=en)
    assert _state(again) == "hit" and "Rita Busch" in again.text
    assert again.headers["content-security-policy"]  # the guard's headers on a kept page
    assert _state(client.get("/?q=Brücke", headers=de)) == "miss"  # other words
    assert _state(client.get("/?q=marode", headers=en)) == "miss"  # another query
    assert _state(client.get("/api/v1/statements")) == "miss"
    assert _state(client.get("/api/v1/statements")) == "hit"


def test_cache_drops_everything_after_a_write_through_the_server(cached: Any) -> None:
    client, _, doc = cached
    path = f"/api/v1/corrections?document_id={doc}"
    assert client.get(path).json()["items"] == []
    assert _state(client.get(path)) == "hit"
    fix = {"statement": "s1", "kind": "not_statement", "author": "desk"}
    headers = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post(f"/api/v1/documents/{doc}/corrections", json=fix, headers=headers)
    assert r.status_code == 201
    after = client.get(path)
    assert _state(after) == "miss" and len(after.json()["items"]) == 1


def test_cache_stays_after_an_analysis_that_stores_nothing(cached: Any) -> None:
    client, _, _ = cached
    assert _state(client.get("/api/v1/statements")) == "miss"
    r = client.post("/api/v1/analyze", json={"text": "Eva Lind sagte, es schneie."})
    assert r.status_code == 200
    assert _state(client.get("/api/v1/statements")) == "hit"


def test_cache_sees_a_write_by_another_process(cached: Any) -> None:
    client, url, _ = cached
    assert _state(client.get("/api/v1/statements?speaker=Busch")) == "miss"
    assert _state(client.get("/api/v1/statements?speaker=Busch")) == "hit"
    with Ledger.open(url) as other:  # as sayso ingest would, beside the server
        other.add({"site": "zwei.example"}, _said("Rita Busch", "der Bau dauere länger"))
    after = client.get("/api/v1/statements?speaker=Busch")
    assert _state(after) == "miss" and len(after.json()["items"]) == 2


def test_cache_keeps_no_error_and_no_cookie(cached: Any) -> None:
    client, _, _ = cached
    assert client.get("/actors/999999").status_code == 404
    assert client.get("/actors/999999").headers.get("x-sayso-cache") == "miss"
    first = client.get("/lang/de", follow_redirects=False)
    assert first.status_code == 303 and "x-sayso-cache" not in first.headers


def test_cache_switched_off_by_settings(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from sayso.web import create_app

    url = f"sqlite:///{tmp_path / 'off.db'}"
    settings = Settings(web=WebSettings(cache_entries=0))
    with TestClient(create_app(url, settings=settings)) as client:
        for _ in range(2):
            assert "x-sayso-cache" not in client.get("/api/v1/statements").headers


def test_cache_keeps_at_most_its_bytes_least_recently_used_out(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from sayso.web import create_app

    url = f"sqlite:///{tmp_path / 'small.db'}"
    with Ledger.open(url) as ledger:
        ledger.add({"site": "eins.example"}, _said("Rita Busch", "die Brücke sei marode"))
    with TestClient(create_app(url)) as client:
        one = len(client.get("/api/v1/statements?limit=1").content)
    settings = Settings(web=WebSettings(cache_bytes=2 * one + one // 2))
    with TestClient(create_app(url, settings=settings)) as client:
        paths = [f"/api/v1/statements?limit={n}" for n in (1, 2, 3)]  # one body each
        for path in paths:
            assert _state(client.get(path)) == "miss"
        assert _state(client.get(paths[2])) == "hit"
        assert _state(client.get(paths[1])) == "hit"
        assert _state(client.get(paths[0])) == "miss"  # the first went to make room
