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
    # readable words as written, names and nouns first; the earliest article's title
    assert {"Sanktionen", "Angriff"} & set(first.terms)
    assert first.label == "Raketenangriff auf Hafenstadt"
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


def test_accounts_one_article_is_one_event_and_untitled_events_get_words() -> None:
    """Two statements of one speaker in one article about different-sounding things stay
    in one event; without titles the label is the event's telling words, never stems."""
    a = Item("1", "die Brücke über den Rhein sei marode", "de", "berger", document="d1")
    b = Item("2", "man brauche schnell mehr Geld für Schulen", "de", "berger", document="d1")
    c = Item("3", "die Ernte falle wegen der Dürre schwach aus", "de", "bauern", document="d2")
    events = group_events([a, b, c])
    assert sorted(len(e.items) for e in events) == [1, 2]
    pair = next(e for e in events if len(e.items) == 2)
    assert set(pair.accounts) == {"berger"}
    assert pair.label and all(len(w) > 3 and w[:1].isupper() for w in pair.label.split(", "))
    assert "Brücke" in pair.terms and "Rhein" in pair.terms


def test_accounts_same_claim_of_one_speaker_across_two_outlets() -> None:
    """Agency copy: one speaker's words carried by two outlets are linked as one claim
    (one speaker's statements are otherwise never compared with each other)."""
    text = "Die Angriffe auf die Hafenstadt werden bis zum Ende der Woche fortgesetzt"
    a = Item("1", text, "de", "general", outlet="Zeitung A", document="d1")
    b = Item("2", text + ".", "de", "general", outlet="Zeitung B", document="d2")
    c = Item("3", "Die Angriffe gehen weiter", "de", "general", outlet="Zeitung A", document="d1")
    (event,) = group_events([a, b, c])
    same = [(x.source, x.target) for x in event.links if x.kind == "same_claim"]
    assert same == [("2", "1")]


def test_accounts_article_leads_join_the_articles_of_one_event() -> None:
    """The statements a query finds are a few words of each article's story: the leads
    ("Köln – Nach den Übergriffen …") tell that two articles report one event."""
    a = Item("1", "man werde alle Täter finden", "de", "polizei", document="d1")
    b = Item("2", "die Ermittlungen dauerten noch Wochen", "de", "staatsanwalt", document="d2")
    c = Item("3", "der Saal sei ausverkauft gewesen", "de", "veranstalter", document="d3")
    leads = {
        "d1": "Köln – Nach den Übergriffen in der Silvesternacht am Hauptbahnhof",
        "d2": "Köln – Die Übergriffe der Silvesternacht am Hauptbahnhof beschäftigen",
        "d3": "Wien – Das Konzert im Musikverein am Sonntag",
    }
    assert sorted(len(e.items) for e in group_events([a, b, c])) == [1, 1, 1]
    together = group_events([a, b, c], leads=leads)
    assert sorted(len(e.items) for e in together) == [1, 2]
