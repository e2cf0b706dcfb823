"""The REST API: lists, single records, the Analysis JSON, coded errors, token rules."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import TOKEN

from sayso.model import Analysis

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_api_statements_filters_and_pages(client: Any) -> None:
    body = client.get("/api/v1/statements", params={"speaker": "Vogel"}).json()
    assert body["items"] and all(r["actor"] == "Anna Vogel" for r in body["items"])
    first = client.get("/api/v1/statements", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    second = client.get("/api/v1/statements", params={"limit": 2, "offset": 2}).json()
    assert {r["id"] for r in first["items"]}.isdisjoint(r["id"] for r in second["items"])
    found = client.get("/api/v1/statements", params={"about": "Kontrolle"}).json()
    assert any("Kontrolle" in r["content"] for r in found["items"])
    en = client.get("/api/v1/statements", params={"lang": "en"}).json()["items"]
    assert en and {r["lang"] for r in en} == {"en"}


def test_api_document_carries_its_analysis(client: Any) -> None:
    docs = client.get("/api/v1/documents", params={"site": "daily.example"}).json()["items"]
    assert [d["title"] for d in docs] == ["Harbour costs soar"]
    body = client.get(f"/api/v1/documents/{docs[0]['id']}").json()
    analysis = Analysis.from_dict(body["analysis"])
    assert analysis.statements and body["document"]["url"] == "https://daily.example/harbour"
    # a unique prefix works as in `sayso show`
    assert client.get(f"/api/v1/documents/{docs[0]['id'][:10]}").status_code == 200


def test_api_errors_are_coded_json(client: Any) -> None:
    for path in ("/api/v1/documents/0000000000", "/api/v1/actors/424242", "/api/v1/claims/99999"):
        r = client.get(path)
        assert r.status_code == 404
        assert r.json()["code"] == "E224" and r.json()["hint"]
    r = client.get("/api/v1/statements", params={"limit": 0})
    assert r.status_code == 422 and r.json()["code"] == "E225" and "limit" in r.json()["message"]
    r = client.get("/api/v1/statements", params={"since": "yesterday"})
    assert r.status_code == 422 and r.json()["code"] == "E225"


def test_api_actor_claim_and_accounts(client: Any) -> None:
    actors = client.get("/api/v1/actors", params={"name": "Vogel"}).json()["items"]
    assert actors[0]["name"] == "Anna Vogel"
    actor = client.get(f"/api/v1/actors/{actors[0]['id']}").json()
    assert actor["statements"] >= 3 and actor["merges"] == []
    claims = client.get("/api/v1/claims").json()["items"]
    claim = client.get(f"/api/v1/claims/{claims[0]['id']}").json()
    assert claim["text"] and claim["appearances_list"]
    events = client.get("/api/v1/accounts", params={"q": "Kosten"}).json()["events"]
    assert events and events[0]["accounts"]


def test_api_analyze_stores_nothing(client: Any) -> None:
    before = len(client.get("/api/v1/documents").json()["items"])
    text = "Die Ministerin sagte, der Zug komme heute nicht mehr."
    r = client.post("/api/v1/analyze", json={"text": text, "lang": "de"})
    assert r.status_code == 200
    assert Analysis.from_dict(r.json()).statements
    assert len(client.get("/api/v1/documents").json()["items"]) == before


def test_api_writes_need_the_token(client: Any) -> None:
    body = {"text": "Der Trainer sagte, das Spiel sei verloren.", "site": "sport.example"}
    r = client.post("/api/v1/documents", json=body)
    assert r.status_code == 401 and r.json()["code"] == "E220"
    assert r.headers["www-authenticate"] == "Bearer"
    wrong = {"Authorization": "Bearer not-the-token"}
    assert client.post("/api/v1/documents", json=body, headers=wrong).status_code == 401
    r = client.post("/api/v1/documents", json=body, headers=AUTH)
    assert r.status_code == 201 and r.json()["status"] == "added"
    assert client.post("/api/v1/documents", json=body, headers=AUTH).json()["status"] == "duplicate"
    assert client.post("/api/v1/actors/1/merge", json={"other": 2}).status_code == 401


def test_api_read_only_server_refuses_writes(readonly_app: Any) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(readonly_app)
    r = client.post("/api/v1/documents", json={"text": "x"}, headers=AUTH)
    assert r.status_code == 403 and r.json()["code"] == "E221"
    assert client.get("/api/v1/statements").status_code == 200


def test_api_merge_and_split_actor(client: Any) -> None:
    names = {a["name"]: a["id"] for a in client.get("/api/v1/actors").json()["items"]}
    into, other = names["Anna Vogel"], names["Paul Kranz"]
    r = client.post(f"/api/v1/actors/{into}/merge", json={"other": other, "note": "t"},
                    headers=AUTH)  # fmt: skip
    assert r.status_code == 200
    merge_id = r.json()["merge_id"]
    assert client.get(f"/api/v1/actors/{other}").json()["merged_into"] == into
    r = client.post(f"/api/v1/merges/{merge_id}/split", headers=AUTH)
    assert r.status_code == 200
    assert client.get(f"/api/v1/actors/{other}").json()["merged_into"] is None


def test_api_document_needs_text_or_url(client: Any) -> None:
    r = client.post("/api/v1/documents", json={"title": "t"}, headers=AUTH)
    assert r.status_code == 400 and r.json()["code"] == "E228"


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "/etc/passwd", "http://127.0.0.1:1/x", "http://10.0.0.1/a"]
)
def test_api_url_fetch_obeys_the_ingest_policy(client: Any, url: str) -> None:
    r = client.post("/api/v1/documents", json={"url": url}, headers=AUTH)
    # not http(s): refused by the schema (422) or by the policy (400); private: the policy
    assert r.status_code in (400, 422)
    assert r.json()["code"] in (("E030", "E225") if "//1" not in url else ("E031",))


def test_api_request_size_is_limited(ledger_url: str) -> None:
    from fastapi.testclient import TestClient

    from sayso.web import create_app

    client = TestClient(create_app(ledger_url, token=TOKEN, max_body=1000))
    r = client.post("/api/v1/analyze", json={"text": "a" * 5000})
    assert r.status_code == 413 and r.json()["code"] == "E223"
    # without Content-Length (chunked), the body is counted as it arrives
    chunks = iter([b'{"text": "', b"a" * 3000, b'"}'])
    r = client.post("/api/v1/analyze", content=chunks, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["code"] == "E223"
    assert r.headers["content-security-policy"].startswith("default-src")
    small = iter([b'{"text": ', b'"Er sagte, es regne."}'])
    r = client.post("/api/v1/analyze", content=small, headers={"content-type": "application/json"})
    assert r.status_code == 200


def test_api_openapi_lists_the_endpoints(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/v1/statements", "/api/v1/documents/{document_id}", "/api/v1/analyze",
              "/api/v1/accounts", "/api/v1/actors/{actor_id}/merge"):  # fmt: skip
        assert p in paths
    assert not any(not p.startswith("/api/v1/") for p in paths)


def test_api_worker_processes_build_the_app_from_the_environment(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from sayso.web.app import from_environment

    monkeypatch.setenv("SAYSO_DB", ledger_url)
    monkeypatch.setenv("SAYSO_TOKEN", "worker-token")
    monkeypatch.setenv("SAYSO_WEB_OPTIONS", '{"max_body": 100}')
    client = TestClient(from_environment())
    assert client.get("/api/v1/statements", params={"limit": 1}).status_code == 200
    r = client.post("/api/v1/analyze", json={"text": "x" * 200})
    assert r.status_code == 413
    r = client.post("/api/v1/merges/1/split", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401
