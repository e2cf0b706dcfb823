"""Across articles: one actor for many spellings, one claim for many outlets, and merges
that can be undone — on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

import sayso
from sayso.errors import SaysoError
from sayso.ledger import Ledger

ARTICLES = [
    ("https://a.example/1", "Zeitung A", "2026-03-01",
     "„Wir werden nicht aufgeben“, sagte Präsident Wolodymyr Selenskyj am Montag in Kiew."),
    ("https://b.example/1", "Daily B", "2026-03-01",
     '"We will not give up," President Volodymyr Zelenskyy said on Monday in Kyiv.'),
    ("https://c.example/1", "Zeitung C", "2026-03-02",
     "Selenskij betonte, die Front halte. „Wir werden nicht aufgeben“, sagte er."),
    ("https://d.example/1", "Zeitung D", "2026-03-03",
     "Verteidigungsminister Sergej Schoigu erklärte, die Truppen rückten vor."),
    ("https://e.example/1", "Daily E", "2026-03-03",
     "Defence Minister Sergei Shoigu said the troops were advancing."),
]  # fmt: skip


def fill(ledger: Ledger) -> None:
    for url, site, day, text in ARTICLES:
        ledger.add({"url": url, "site": site, "published": day}, sayso.analyze(text))


def actor_of(ledger: Ledger, speaker: str) -> set[int]:
    return {r.actor_id for r in ledger.statements(speaker=speaker) if r.actor_id is not None}


def test_across_spellings_are_one_actor(ledger: Ledger) -> None:
    fill(ledger)
    zelensky = actor_of(ledger, "Zelensky")
    assert len(zelensky) == 1
    rows = ledger.statements(speaker="Selenskyj")
    assert {r.url for r in rows} >= {"https://a.example/1", "https://b.example/1"}
    assert actor_of(ledger, "Shoigu") == actor_of(ledger, "Schoigu") and actor_of(ledger, "Shoigu")
    (actor,) = [a for a in ledger.actors(name="Zelensky")]
    assert actor.documents >= 2 and actor.kind == "person"
    assert "President" in (actor.role or "") or "Präsident" in (actor.role or "")


def test_across_same_quotation_in_two_outlets_is_one_claim(ledger: Ledger) -> None:
    fill(ledger)
    rows = [r for r in ledger.statements(speaker="Selenskyj") if "aufgeben" in r.content]
    assert len(rows) == 2
    assert rows[0].claim_id is not None and rows[0].claim_id == rows[1].claim_id


def test_across_merge_and_split_are_reversible(ledger: Ledger) -> None:
    fill(ledger)
    (zel,) = actor_of(ledger, "Zelensky")
    (sho,) = actor_of(ledger, "Shoigu")
    before = {r.id: (r.actor_id, r.chain) for r in ledger.statements(limit=None)}
    merge = ledger.merge_actors(zel, sho, note="test")
    assert actor_of(ledger, "Shoigu") == {zel}
    assert [a.id for a in ledger.actors(name="Shoigu")] == []  # merged away
    log = ledger.merges(zel)
    assert log[0]["id"] == merge and log[0]["rule"] == "manual.merge" and log[0]["documents"]
    ledger.split_actor(merge)
    after = {r.id: (r.actor_id, r.chain) for r in ledger.statements(limit=None)}
    assert after == before
    with pytest.raises(SaysoError, match="E205"):
        ledger.split_actor(merge)  # already undone
    with pytest.raises(SaysoError, match="E205"):
        ledger.merge_actors(zel, zel)


def test_across_split_a_name_off_an_actor(ledger: Ledger) -> None:
    fill(ledger)
    (zel,) = actor_of(ledger, "Zelensky")
    new = ledger.split_name(zel, "Selenskij")
    assert new != zel
    moved = [r for r in ledger.statements(speaker=new) if r.url == "https://c.example/1"]
    assert moved and all(r.actor_id == new for r in moved)
    assert all(r.actor_id == zel for r in ledger.statements(speaker=zel))


@pytest.fixture
def ledger(db_url: str) -> Any:
    with Ledger.open(db_url) as led:
        yield led


REPORT = (
    "die Rakete sei über dem Stadtgebiet abgefangen worden und habe keinen Schaden "
    "angerichtet, die Lage sei unter Kontrolle"
)


def test_across_claims_linked_per_document_count_every_appearance(ledger: Ledger) -> None:
    # the claims of a document are linked in one batch: a repeat inside the document, a
    # near-identical report in a later article and the counts and dates must still hold
    first = f"„{REPORT}“, sagte der Sprecher. Später wiederholte er: „{REPORT}“."
    edited = REPORT.replace("keinen Schaden", "keinerlei Schaden")
    second = f"Der Bürgermeister sagte, {edited}."
    ledger.add({"url": "https://f.example/1", "published": "2026-04-01"}, sayso.analyze(first))
    ledger.add({"url": "https://g.example/1", "published": "2026-04-03"}, sayso.analyze(second))
    rows = [r for r in ledger.statements(limit=None) if "Rakete" in r.content]
    assert len(rows) == 3
    assert len({r.claim_id for r in rows}) == 1
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from sayso.ledger import orm as schema

    with Session(ledger.engine) as session:
        claim = session.get_one(schema.Claim, rows[0].claim_id)
        bands = session.scalars(
            select(schema.ClaimBand.band).where(schema.ClaimBand.claim_id == claim.id)
        ).all()
    assert claim.appearances == 3
    assert str(claim.first_seen) == "2026-04-01" and str(claim.last_seen) == "2026-04-03"
    assert len(bands) == 16


def test_across_claim_threshold_comes_from_the_ledger_settings(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sayso.settings import LedgerSettings, Settings

    said = (
        "„Die Regierung wird die Steuern für kleine Betriebe im nächsten Jahr {} senken“, "
        "sagte Anna Berger."
    )
    for n, word in enumerate(("deutlich", "spürbar")):
        ledger.add({"url": f"https://t.example/{n}"}, sayso.analyze(said.format(word)))
    assert len({r.claim_id for r in ledger.statements()}) == 1  # one word apart: one claim
    strict = Settings(ledger=LedgerSettings(same_claim=99.0))
    monkeypatch.setattr(ledger, "settings", strict)
    for n, word in enumerate(("kräftig", "merklich")):
        ledger.add({"url": f"https://u.example/{n}"}, sayso.analyze(said.format(word)))
    assert len({r.claim_id for r in ledger.statements()}) == 3  # each a claim of its own
