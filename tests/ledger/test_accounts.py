"""Accounts across articles: events from terms and dates, relations between sources."""

from __future__ import annotations

from pytest import MonkeyPatch

from sayso.ledger.accounts import Item, group_events, relate
from sayso.model import RelationKind


def items() -> list[Item]:
    return [
        Item(
            "1",
            "der Angriff sei eine Reaktion auf die Sanktionen gewesen",
            "de",
            "general",
            "Raketenangriff auf Hafenstadt",
            "2026-03-01",
            "Zeitung A",
        ),
        Item(
            "2",
            "der Angriff sei lange vor den Sanktionen geplant worden",
            "de",
            "kreml",
            "Kreml: Raketenangriff war geplant",
            "2026-03-02",
            "Zeitung B",
        ),
        Item(
            "3",
            "der Angriff auf die Hafenstadt sei eine Reaktion auf die Sanktionen gewesen",
            "de",
            "analyst",
            "Raketenangriff: Experte sieht Vergeltung",
            "2026-03-02",
            "Zeitung C",
        ),
        Item(
            "4",
            "die Ernte falle in diesem Jahr wegen der Trockenheit schwach aus",
            "de",
            "bauernverband",
            "Dürre: Bauern klagen über Ernte",
            "2026-03-02",
            "Zeitung A",
        ),
        Item(
            "5",
            "der Angriff sei eine Reaktion auf die Sanktionen gewesen",
            "de",
            "general",
            "Raketenangriff auf Hafenstadt",
            "2025-01-01",
            "Zeitung D",
        ),
    ]


def test_accounts_group_the_event_and_keep_other_news_and_old_dates_apart() -> None:
    events = group_events(items())
    first = events[0]
    assert {it.id for it in first.items} == {"1", "2", "3"}
    assert set(first.accounts) == {"general", "kreml", "analyst"}
    assert any(t.startswith("sankti") or t.startswith("angrif") for t in first.terms)
    others = [{it.id for it in e.items} for e in events[1:]]
    assert {"4"} in others and {"5"} in others  # another topic; a year earlier


def test_accounts_relations_between_sources() -> None:
    links = {(link.source, link.target): link for link in relate(items()[:3])}
    c = links[("2", "1")]
    assert c.kind is RelationKind.CONTRADICTS and "competing explanations" in c.reason
    s = links[("3", "1")]
    assert s.kind is RelationKind.SUPPORTS and s.confidence >= 0.7


def test_accounts_same_claim_across_outlets() -> None:
    a = Item("1", "„Das ist eine Erfindung der westlichen Presse“", "de", "peskow")
    b = Item("2", '"Das ist eine Erfindung der westlichen Presse."', "de", "sprecher")
    (link,) = relate([a, b])
    assert link.kind == "same_claim" and link.confidence == 1.0


def test_accounts_same_claim_follows_the_ledger_claims(monkeypatch: MonkeyPatch) -> None:
    """Statements the ledger linked to claims are one claim exactly when their claims are
    one; no fingerprint is computed for them (a topic query's statements all have one)."""
    from sayso.ledger import accounts

    def no_fingerprint(content: str) -> None:
        raise AssertionError("fingerprint computed for a statement with a claim")

    monkeypatch.setattr(accounts, "fingerprint", no_fingerprint)
    text = "Das ist eine Erfindung der westlichen Presse, sagte er am Montag"
    a = Item("1", text, "de", "peskow", claim="7")
    b = Item("2", text + ".", "de", "sprecher", claim="7")
    c = Item("3", text + "!", "de", "agentur", claim="9")
    links = {(x.source, x.target): x for x in relate([a, b, c])}
    assert links[("2", "1")].kind == "same_claim" and links[("2", "1")].confidence == 1.0
    # another claim: not the same one, though alike (the ledger told them apart)
    assert links[("3", "1")].kind is RelationKind.SUPPORTS
