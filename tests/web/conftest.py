"""A small ledger of hand-written articles served by the web application (TestClient)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

import sayso
from sayso.ledger import Ledger

TOKEN = "test-token-0123456789"

ARTICLES = [
    {
        "url": "https://zeitung-eins.example/hafen",
        "site": "zeitung-eins.example",
        "title": "Streit um den Hafenausbau",
        "published": "2024-03-04",
        "text": "Der Hafenausbau wird teurer als geplant. „Die Kosten sind außer Kontrolle“, "
        "sagte Bürgermeisterin Anna Vogel am Montag. Der Senator Paul Kranz erklärte dagegen, "
        "der Plan sei solide finanziert. Nach Angaben der Hafenbehörde soll der Bau zwei "
        "Jahre länger dauern.",
    },
    {
        "url": "https://blatt-zwei.example/hafen-kosten",
        "site": "blatt-zwei.example",
        "title": "Hafenausbau: Kosten steigen",
        "published": "2024-03-05",
        "text": "Bürgermeisterin Anna Vogel sagte, die Kosten seien außer Kontrolle. "
        "Senator Paul Kranz wies das zurück: „Der Plan ist solide finanziert.“ "
        "Eine Bestätigung der Hafenbehörde gab es nicht.",
    },
    {
        "url": "https://daily.example/harbour",
        "site": "daily.example",
        "title": "Harbour costs soar",
        "published": "2024-03-06",
        "lang": "en",
        "text": 'The harbour expansion will cost more than planned. "Costs are out of '
        'control," Mayor Anna Vogel said on Monday. Senator Paul Kranz said the plan was '
        "soundly financed.",
    },
]

#: an article whose text and metadata try to inject markup, script and terminal escapes
XSS_TITLE = '"><img src=x onerror=alert(1)><script>alert("t")</script>'
XSS = {
    "url": "javascript:alert(1)",
    "site": '<script>alert("site")</script>',
    "title": XSS_TITLE,
    "published": "2024-03-07",
    "text": '<script>alert(1)</script> Die Sprecherin Eva <b>Roth</b> sagte, "><img src=x '
    "onerror=alert(2)> sei ein Versehen gewesen. \x1b[31mrot\x1b[0m „<script>alert(3)"
    "</script> ist falsch“, sagte Minister Jan Holz.",
}


def fill(url: str) -> None:
    with Ledger.open(url) as ledger:
        for article in [*ARTICLES, XSS]:
            fields = dict(article)
            text = fields.pop("text")
            lang = fields.pop("lang", "de")
            analysis = sayso.analyze(text, lang, title=fields["title"], url=None)
            ledger.add(fields, analysis)


@pytest.fixture(scope="session")
def ledger_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("web") / "ledger.db"
    url = f"sqlite:///{path}"
    fill(url)
    return url


@pytest.fixture(scope="session")
def app(ledger_url: str) -> object:
    from sayso.web import create_app

    return create_app(ledger_url, token=TOKEN)


@pytest.fixture
def client(app: object) -> Iterator[object]:
    from fastapi.testclient import TestClient

    with TestClient(app) as c:  # type: ignore[arg-type]
        yield c


@pytest.fixture(scope="session")
def readonly_app(ledger_url: str) -> object:
    from sayso.web import create_app

    return create_app(ledger_url)
