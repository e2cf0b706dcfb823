"""Statement confidence through the ledger (stored, filtered, exported, on the command
line) and links only for web addresses, on SQLite and PostgreSQL. The articles and the
confidences are written for these tests."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from functools import cache
from pathlib import Path

import pytest

import sayso
from sayso.cli.main import main
from sayso.errors import SaysoError
from sayso.ingest import Document
from sayso.ledger import Ledger
from sayso.ledger.export import export
from sayso.ledger.query import StatementQuery
from sayso.model import Analysis

TEXT = (
    "„Die Brücke wird gesperrt“, sagte Bürgermeisterin Hanna Keller am Montag. "
    "Der Kämmerer Paul Brandt erklärte, das Geld reiche nicht. "
    "„Wir prüfen alle Varianten“, sagte Brandt."
)
#: the confidence given to the article's statements, in order
SHAKY = (0.9, 0.35, 0.6)


@cache
def shaky() -> Analysis:
    """The article's analysis with the confidences of :data:`SHAKY` set by hand."""
    a = sayso.analyze(TEXT)
    assert len(a.statements) == len(SHAKY), [s.id for s in a.statements]
    statements = tuple(
        dataclasses.replace(s, confidence=c) for s, c in zip(a.statements, SHAKY, strict=True)
    )
    return dataclasses.replace(a, statements=statements)


@pytest.fixture
def stored(ledger: Ledger) -> Ledger:
    ledger.add({"url": "https://city.example/bruecke", "site": "Stadtblatt"}, shaky())
    return ledger


def test_confidence_is_stored_as_the_analysis_gave_it(stored: Ledger) -> None:
    got = sorted(s.confidence for s in stored.statements())
    assert got == sorted(SHAKY)
    assert sorted(r.to_dict()["confidence"] for r in stored.statements()) == sorted(SHAKY)


def test_confidence_min_filters_statements_and_claims(stored: Ledger) -> None:
    assert {s.confidence for s in stored.statements(min_confidence=0.5)} == {0.9, 0.6}
    assert [s.confidence for s in stored.statements(StatementQuery(min_confidence=0.9))] == [0.9]
    assert len(stored.statements(min_confidence=0.0)) == 3
    assert stored.statements(min_confidence=0.95) == []
    # the claims of confident statements only, each listing only its confident appearances
    claims = stored.claims(min_confidence=0.5)
    listed = [s["confidence"] for c in claims for s in c["statements"]]
    assert listed and min(listed) >= 0.5
    assert len(claims) < len(stored.claims())


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan"), "high"])
def test_confidence_min_outside_zero_to_one_is_e212(stored: Ledger, bad: object) -> None:
    with pytest.raises(SaysoError) as err:
        stored.statements(min_confidence=bad)
    assert err.value.code == "E212"


def test_confidence_in_exports(stored: Ledger) -> None:
    out = io.StringIO()
    export(stored, "csv", out, StatementQuery(min_confidence=0.5), excel=True)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff")), delimiter=";"))
    assert sorted(float(r["confidence"]) for r in rows) == [0.6, 0.9]
    out = io.StringIO()
    export(stored, "jsonl", out)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert sorted(x["confidence"] for x in lines) == sorted(SHAKY)


def test_confidence_cli_min_confidence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'l.db'}"
    with Ledger.open(url) as ledger:
        ledger.add({"url": "https://city.example/bruecke"}, shaky())
    assert main(["export", "--db", url, "--min-confidence", "0.5"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert sorted(x["confidence"] for x in lines) == [0.6, 0.9]
    assert main(["claims", "--db", url, "--min-confidence", "0.95", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    with pytest.raises(SystemExit) as done:
        main(["claims", "--db", url, "--min-confidence", "2"])
    assert done.value.code == 2
    assert "E017" in capsys.readouterr().err


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "/relative/page", "data:text/html,x"]
)
def test_confidence_add_keeps_a_non_web_url_as_text_only(ledger: Ledger, url: str) -> None:
    """``Ledger.add`` stores what ingest's ``Document.create`` stores: no link that is not
    an http(s) address (it would be a link in the web view and in exports)."""
    result = ledger.add({"url": url, "title": "Brücke"}, shaky())
    (doc,) = ledger.documents()
    assert doc.id == result.document_id
    assert doc.url is None
    assert doc.meta["url_text"] == url
    ingest_doc = Document.create(TEXT + " Ende.", "test", url=url)
    assert ingest_doc.url is None and ingest_doc.meta["url_text"] == url


def test_confidence_add_keeps_a_web_url(ledger: Ledger) -> None:
    ledger.add({"url": "https://city.example/a"}, shaky())
    assert [d.url for d in ledger.documents()] == ["https://city.example/a"]
