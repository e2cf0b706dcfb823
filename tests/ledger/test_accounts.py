"""Accounts across articles: events from terms and dates, relations between sources."""

from __future__ import annotations

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
