"""``rule.headline_label.v1``: a source label before a colon that opens the text names
the speaker of the headline (sentences written for these tests)."""

from __future__ import annotations

import pytest

import sayso

RULE = "rule.headline_label.v1"


def _labelled(text: str) -> list[tuple[str, str]]:
    a = sayso.analyze(text, lang="de")
    out = []
    for s in a.statements:
        if RULE in s.rules:
            actor = a.actor(s.chain[-1])
            assert actor is not None
            out.append((a.text[s.content[0].start : s.content[-1].end], actor.name))
    return out


def test_a_repeated_name_labels_the_headline_up_to_the_dash() -> None:
    text = (
        "Berger: Die Brücke wird neu gebaut – Opposition skeptisch. Wien – Die Ministerin "
        "Anna Berger will die alte Brücke abreißen lassen."
    )
    assert _labelled(text) == [("Die Brücke wird neu gebaut", "Berger")]


def test_a_role_noun_labels_the_headline() -> None:
    text = "Stadträtin: Brücke bleibt bis Mai gesperrt. Graz – Der Streit geht weiter."
    assert _labelled(text) == [("Brücke bleibt bis Mai gesperrt", "Stadträtin")]


@pytest.mark.parametrize(
    "text",
    [
        "Hochwasser: Feuerwehr pumpt Keller aus. Graz – Der Pegel sinkt langsam.",
        "Im Gespräch: Die Brücke wird neu gebaut. Wien – Der Streit geht weiter.",
        "Die Brücke wird neu gebaut. Berger: Das dauert noch.",
    ],
)
def test_a_topic_or_a_later_label_is_no_headline_source(text: str) -> None:
    assert _labelled(text) == []
