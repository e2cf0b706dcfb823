"""The actor page and ``GET /api/v1/actors/{id}`` show the source chains the actor appears
in, linked to the statements (a ledger of its own with a hand-made three-hop chain; the
text is written for this test)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sayso.ledger import Ledger
from sayso.model import Actor, ActorKind, Analysis, Form, Span, Statement

TEXT = (
    "Wie der Sender Radio Nord meldete, hieß es aus Parteikreisen, Lena Falk werde "
    "kandidieren. Falk selbst schwieg."
)


def _span(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words))


def _analysis() -> Analysis:
    return Analysis(
        text=TEXT,
        lang="de",
        statements=(
            Statement(
                id="s1", content=(_span("Lena Falk werde kandidieren"),), form=Form.INDIRECT,
                speaker=(_span("Parteikreisen"),), actor="a2", chain=("a1", "a2", "a3"),
            ),
        ),
        actors=(
            Actor("a1", "Radio Nord", ActorKind.ORGANIZATION, mentions=(_span("Radio Nord"),)),
            Actor("a2", "Parteikreise", ActorKind.ANONYMOUS, mentions=(_span("Parteikreisen"),)),
            Actor("a3", "Lena Falk", ActorKind.PERSON, mentions=(_span("Lena Falk"),)),
        ),
    )  # fmt: skip


def _alone() -> Analysis:
    """Otto Berg speaks for himself: a one-hop chain, no source chain to list."""
    text = "Otto Berg sagte, er sei zufrieden."
    return Analysis(
        text=text,
        lang="de",
        statements=(
            Statement(
                id="s1", content=(Span(17, 33),), form=Form.INDIRECT, speaker=(Span(0, 9),),
                actor="a1", chain=("a1",),
            ),
        ),
        actors=(Actor("a1", "Otto Berg", ActorKind.PERSON, mentions=(Span(0, 9),)),),
    )  # fmt: skip


@pytest.fixture
def chain_client(tmp_path: Path) -> Iterator[tuple[Any, str, dict[str, int]]]:
    from fastapi.testclient import TestClient

    from sayso.web import create_app

    url = f"sqlite:///{tmp_path / 'chains.db'}"
    with Ledger.open(url) as ledger:
        doc = ledger.add({"site": "nord.example", "title": "Wahl"}, _analysis()).document_id
        ledger.add({"site": "sued.example"}, _alone())
        ids = {a.name: a.id for a in ledger.actors()}
    with TestClient(create_app(url)) as client:
        yield client, doc, ids


def test_web_actor_page_shows_its_source_chains(chain_client: Any) -> None:
    client, doc, ids = chain_client
    html = client.get(f"/actors/{ids['Lena Falk']}", headers={"Accept-Language": "en"}).text
    assert "Source chains" in html
    chain = html.split('class="chains"')[1].split("</ol>")[0]
    hops = [chain.index(f'href="/actors/{ids[n]}"') for n in ("Radio Nord", "Parteikreise")]
    assert hops == sorted(hops) and chain.index(f'href="/actors/{ids["Lena Falk"]}"') > hops[1]
    assert f'href="/documents/{doc}#st-s1"' in chain and "Lena Falk werde kandidieren" in chain


def test_web_actor_page_without_chains_says_so(chain_client: Any) -> None:
    client, _, ids = chain_client
    html = client.get(f"/actors/{ids['Otto Berg']}", headers={"Accept-Language": "de"}).text
    assert "Quellenketten" in html and "In keiner Quellenkette" in html
    assert client.get(f"/api/v1/actors/{ids['Otto Berg']}").json()["chains"] == []


def test_web_api_actor_lists_its_chains(chain_client: Any) -> None:
    client, doc, ids = chain_client
    body = client.get(f"/api/v1/actors/{ids['Radio Nord']}").json()
    (chain,) = body["chains"]
    assert [h["name"] for h in chain["hops"]] == ["Radio Nord", "Parteikreise", "Lena Falk"]
    assert chain["position"] == 0 and chain["appearances"] == 1
    assert chain["statements"][0]["document_id"] == doc
    assert chain["statements"][0]["local_id"] == "s1"
