"""Queries that are exact or say they are not: speaker names matched as the identity rule
merges them, claims counted over every match and by article — on SQLite and PostgreSQL.

All article texts are written for these tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest

import sayso
from sayso.errors import SaysoError
from sayso.ledger import Ledger
from sayso.model import Analysis

GERASIMOV = [
    "Generalstabschef Waleri Gerassimow sagte, die Truppen seien bereit.",
    "Army chief Valery Gerasimov said the troops were ready.",
    "„Wir halten die Linie“, sagte Bürgermeisterin Katharina Oberhuber am Montag.",
]


@cache
def analysed(text: str) -> Analysis:
    return sayso.analyze(text)


@pytest.fixture
def people(ledger: Ledger) -> Iterator[Ledger]:
    for i, text in enumerate(GERASIMOV):
        meta = {"url": f"https://p.example/{i}", "site": "P", "published": f"2024-01-0{i + 1}"}
        ledger.add(meta, analysed(text))
    yield ledger


def test_queries_speaker_finds_transliterations_and_typos_of_long_names(people: Ledger) -> None:
    both = {"https://p.example/0", "https://p.example/1"}
    for name in ("Gerasimov", "Gerassimow", "Valery Gerasimov", "Gerasimpv", "Gerasimow"):
        assert {r.url for r in people.statements(speaker=name)} == both, name
    match = people.speakers("Gerasimpv")  # one letter off: the merge rule's typo
    assert [(n, r) for _, n, r in match.actors] == [("Waleri Gerassimow", "identity.typo")]
    assert people.speakers("Oberhubr").actors[0][2] == "identity.typo"
    # titles are not part of a name, as when storing merges
    assert people.speakers("Bürgermeisterin Oberhuber").ids == people.speakers("Oberhuber").ids


def test_queries_speaker_without_a_match_names_the_nearest_actors(people: Ledger) -> None:
    found = people.speakers("Gersaimov")  # two edits: no rule merges it
    assert found.actors == () and found.suggestions == ("Waleri Gerassimow",)
    with pytest.raises(SaysoError, match=r"E210.*'Gersaimov'.*did you mean: Waleri Gerassimow"):
        people.statements(speaker="Gersaimov")
    with pytest.raises(SaysoError, match="E210"):
        people.claims(speaker="Obrehuber")
    assert people.speakers("Qwyx").suggestions == ()  # nothing near: no guess


def test_queries_speaker_finds_the_actors_of_one_article_by_their_name(ledger: Ledger) -> None:
    """A bare role noun is an actor of its article only (never merged across articles),
    yet asking for it by name finds each article's one: the query used only the phonetic
    key ("maior") and answered E210 "did you mean: mayor"."""
    for i in range(2):
        text = f'"The bridge will reopen in May {i + 1}," the mayor said on Tuesday.'
        ledger.add({"url": f"https://m.example/{i}", "lang": "en"}, analysed(text))
    found = ledger.speakers("mayor")
    assert len(found.ids) == 2 and {r for _, _, r in found.actors} == {"identity.key"}
    assert len(ledger.statements(speaker="Mayor")) == 2


REPORT = (
    "die Brücke über den Fluss sei nach dem Hochwasser gesperrt worden und bleibe es "
    "bis zum Ende der Prüfung"
)


def test_queries_claims_min_counts_every_match_not_the_newest(ledger: Ledger) -> None:
    # one claim in two old articles, then 30 newer one-off quotes: the old window
    # (limit x 20 newest statements) saw only the newest and found no widespread claim
    for i, day in enumerate(("2024-02-01", "2024-02-02")):
        text = f"„{REPORT}“, sagte Stadtsprecherin Lena Hofbauer am {day}."
        ledger.add({"url": f"https://old.example/{i}", "published": day}, analysed(text))
    for n in range(3):
        text = " ".join(f"„Plan {n * 10 + k} steht“, sagte Anna Berger." for k in range(10))
        meta = {"url": f"https://new.example/{n}", "published": f"2024-03-0{n + 1}"}
        ledger.add(meta, analysed(text))
    assert len(ledger.statements(limit=None)) == 32
    (found,) = ledger.claims(min_appearances=2, limit=1)
    assert found["appearances"] == 2 and "brucke" in found["text"]
    assert found["first_seen"] == "2024-02-01" and found["last_seen"] == "2024-02-02"
    assert ledger.claims(min_appearances=3) == []
    assert len(ledger.claims(limit=None)) == 31
    assert [c["appearances"] for c in ledger.claims(speaker="Hofbauer")] == [2]
    assert ledger.claims(speaker="Berger", min_appearances=2) == []
    assert len(ledger.claims(outlet="nowhere")) == 0
    assert ledger.claims(limit=0) == []
    with pytest.raises(SaysoError, match="E211"):
        ledger.claims(min_appearances=0)
    with pytest.raises(SaysoError, match="E211"):
        ledger.claims(limit=-1)


def test_queries_claims_count_documents_not_statements(ledger: Ledger) -> None:
    # the same claim twice in one article (quoted, then repeated) and once in another:
    # two appearances (articles), three mentions; one listed statement per article
    twice = f"„{REPORT}“, sagte der Sprecher. Später wiederholte er: „{REPORT}“."
    once = f"Der Bürgermeister sagte, {REPORT}."
    ledger.add({"url": "https://f.example/1", "published": "2024-04-01"}, analysed(twice))
    ledger.add({"url": "https://g.example/1", "published": "2024-04-03"}, analysed(once))
    (claim,) = ledger.claims(min_appearances=2)
    assert claim["appearances"] == 2 and claim["mentions"] == 3
    listed = claim["statements"]
    assert [s["url"] for s in listed] == ["https://f.example/1", "https://g.example/1"]
    assert len(listed[0]["fragments"]) == 1 and listed[1]["fragments"] == []
    assert ledger.claims(min_appearances=3) == []
    assert ledger.claims(about="Hochwasser", min_appearances=2)[0]["id"] == claim["id"]


def test_queries_claims_top_by_chunks_equals_counting_all(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the most widespread claims are counted a chunk at a time, stopping when no later
    # claim can reach the limit-th: the same answer as counting every claim
    from sayso.ledger import claim_query

    for n in range(4):
        quotes = " ".join(
            f"„Plan {k} steht“, sagte Anna Berger." for k in range(n + 1)
        )  # plan 0 in four articles, plan 1 in three, …
        ledger.add({"url": f"https://t.example/{n}"}, analysed(f"{quotes} Tag {n}."))
    every = [(c["id"], c["appearances"]) for c in ledger.claims(limit=None)]
    assert [n for _, n in every] == [4, 3, 2, 1]
    monkeypatch.setattr(claim_query, "CHUNK", 1)
    for k in (1, 2, 3):
        assert [(c["id"], c["appearances"]) for c in ledger.claims(limit=k)] == every[:k]
