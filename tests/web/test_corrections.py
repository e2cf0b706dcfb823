"""Readers' corrections: their own table, shown beside the analysis, never rewriting it,
kept when the text is analysed again, in the API, the pages and exports."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLES, TOKEN, fill

import sayso
from sayso.errors import SaysoError
from sayso.ledger import Ledger
from sayso.ledger.export import export

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def ledger(tmp_path: Path) -> Any:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    fill(url)
    with Ledger.open(url) as led:
        yield led


def _doc(ledger: Ledger, site: str) -> str:
    return next(d.id for d in ledger.documents() if d.site == site)


def test_corrections_keep_the_analysis_and_survive_a_new_analysis(ledger: Ledger) -> None:
    doc = _doc(ledger, "zeitung-eins.example")
    before = ledger.analysis(doc)
    fix = ledger.correct(doc, "s3", "not_statement", author="desk", note="a summary")
    ledger.correct(doc, "s1", "framing", author="desk", label="hearsay", value=True)
    assert ledger.analysis(doc) == before
    article = ARTICLES[0]
    fields = {k: v for k, v in article.items() if k != "text"}
    again = ledger.add(fields, sayso.analyze(article["text"], "de", title=article["title"]))
    assert again.status == "duplicate" and again.document_id == doc
    fixes = ledger.corrections([doc])
    assert [c.id for c in fixes][-1] == fix and {c.statement for c in fixes} == {"s1", "s3"}
    assert fixes[0].summary() == "hearsay: yes"


def test_corrections_are_checked(ledger: Ledger) -> None:
    doc = _doc(ledger, "zeitung-eins.example")
    with pytest.raises(SaysoError) as err:
        ledger.correct(doc, "s99", "not_statement", author="x")
    assert err.value.code == "E224"
    for kind, fields in (("bogus", {}), ("speaker", {}), ("framing", {"label": "loud"})):
        with pytest.raises(SaysoError) as err:
            ledger.correct(doc, "s1", kind, author="x", **fields)
        assert err.value.code == "E229"


def test_corrections_are_in_exports(ledger: Ledger) -> None:
    doc = _doc(ledger, "zeitung-eins.example")
    vogel = ledger.actors(name="Vogel")[0]
    ledger.correct(doc, "s2", "speaker", author="desk", actor_id=vogel.id, note="misread")
    out = io.StringIO()
    export(ledger, "jsonl", out, document_id=doc)
    rows = {r["local_id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert rows["s2"]["corrections"].startswith("speaker: Anna Vogel (by desk, ")
    assert rows["s2"]["corrections"].endswith(": misread)")
    assert rows["s1"]["corrections"] == ""


def test_corrections_through_api_and_pages(client: Any) -> None:
    docs = client.get("/api/v1/documents", params={"site": "blatt-zwei.example"}).json()
    doc = docs["items"][0]["id"]
    body = {"statement": "s1", "kind": "speaker", "actor_name": "Karl Ohm", "author": "desk"}
    assert client.post(f"/api/v1/documents/{doc}/corrections", json=body).status_code == 401
    r = client.post(f"/api/v1/documents/{doc}/corrections", json=body, headers=AUTH)
    assert r.status_code == 201
    got = client.get(f"/api/v1/documents/{doc}").json()["corrections"]
    assert got[0]["summary"] == "speaker: Karl Ohm" and got[0]["author"] == "desk"
    items = client.get("/api/v1/statements", params={"document_id": doc}).json()["items"]
    assert [c["summary"] for i in items if i["local_id"] == "s1" for c in i["corrections"]]
    html = client.get(f"/documents/{doc}").text
    assert "speaker: Karl Ohm" in html and 'action="/documents/' in html
    form = {"token": TOKEN, "statement": "s2", "kind": "framing", "label": "denied",
            "value": "yes", "author": "desk", "note": "checked"}  # fmt: skip
    r = client.post(f"/documents/{doc}/corrections", data=form, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("#st-s2")
    assert "denied: yes" in client.get(f"/documents/{doc}").text
    bad = {**form, "token": "wrong"}
    r = client.post(f"/documents/{doc}/corrections", data=bad, headers={"accept": "text/html"})
    assert r.status_code == 401 and "E220" in r.text
