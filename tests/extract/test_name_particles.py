"""Speakers named with lowercase particles (``sayso.extract.name_particles``): the whole
name, never an affiliation. Sentences written for these tests."""

from __future__ import annotations

import pytest

import sayso


def _speakers(text: str, lang: str) -> list[tuple[str, str | None]]:
    a = sayso.analyze(text, lang)
    names = {x.id: x.name for x in a.actors}
    return [
        (" ".join(text[x.start : x.end] for x in s.speaker), names.get(s.actor or ""))
        for s in a.statements
    ]


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Ursula von der Leyen sagte, die Preise stiegen weiter.", "de", "Ursula von der Leyen"),
        ("Die Preise steigen, sagte Ursula von der Leyen.", "de", "Ursula von der Leyen"),
        ("„Es regnet“, sagte Ludwig van Beethoven am Montag.", "de", "Ludwig van Beethoven"),
        ("Prices will rise, said Ursula von der Leyen on Monday.", "en", "Ursula von der Leyen"),
    ],
)
def test_name_particles_keep_the_whole_name(text: str, lang: str, name: str) -> None:
    assert _speakers(text, lang) == [(name, name)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Preise steigen, sagte Gabor Lindner von Greenpeace.", "Gabor Lindner"),
        ("Die Preise steigen, sagte Hecht vom Autoclub.", "Hecht"),
        # German "zu" and "von" alone are prepositions after a surname (found in review)
        ("Die Preise steigen, sagte Merkel zu Beginn der Sitzung.", "Merkel"),
        ("„Das stimmt nicht“, sagte Huber zu Hause.", "Huber"),
        ("Die Preise steigen, sagte Müller von Anfang an.", "Müller"),
        ("„Wir haben gewonnen“, sagte Anna zu Tom.", "Anna"),
    ],
)
def test_name_particles_after_a_full_name_or_vom_are_an_affiliation(
    text: str, speaker: str
) -> None:
    assert _speakers(text, "de")[0][0] == speaker
