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
