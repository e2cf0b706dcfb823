"""``extract.intros``: colon introductions name the speaker of what follows the colon
(sentences written for these tests)."""

from __future__ import annotations

import pytest

import sayso
from sayso.extract import intros
from sayso.lang import load
from sayso.lang.shapes import shapes
from sayso.model import Analysis
from sayso.text.segment import segment


def found(text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, content start) of every colon introduction in ``text``."""
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    return [
        (
            " ".join(w[it.speaker[0] : it.speaker[1]]),
            " ".join(w[i] for i in it.cue),
            w[it.content[0]],
        )
        for it in intros.find_intros(seg, profile, shapes("de"))
    ]


def speakers(a: Analysis) -> list[tuple[str, str]]:
    """(content, speaker) of every statement."""
    t = a.text
    return [
        (
            " ".join(t[c.start : c.end] for c in s.content),
            " ".join(t[x.start : x.end] for x in s.speaker),
        )
        for s in a.statements
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Nach dem Spiel analysierte Trainer Max Huber: „Wir waren viel zu passiv.“",
            [("Trainer Max Huber", "analysierte", "„")],
        ),
        (
            "Der Angeklagte gab zu Protokoll: Er habe den Wagen nie gesehen.",
            [("Der Angeklagte", "gab zu Protokoll", "Er")],
        ),
        (
            "„Das ist bitter“, sagte er zum Branchendienst Kontext: „Wir haben alles verloren.“",
            [("er", "sagte", "„")],
        ),
        (
            "Der Bürgermeister meinte, das gehe schnell, und die Stadträtin ergänzte: "
            "„Das kostet aber viel Geld.“",
            [("die Stadträtin", "ergänzte", "„")],
        ),
        (
            "Der Zeitung sagte die Ministerin: „Wir bleiben dabei.“",
            [("die Ministerin", "sagte", "„")],
        ),
    ],
)
def test_intros_find_speaker_cue_and_content(text: str, want: list[tuple[str, str, str]]) -> None:
    assert found(text) == want


@pytest.mark.parametrize(
    "text",
    [
        # no cue before the colon: a list heading
        "Die wichtigsten Punkte sind: Die Steuern sinken im nächsten Jahr deutlich.",
        # agentless: no one is named
        "So heißt es in dem Schreiben wörtlich: „Die Frist ist abgelaufen.“",
        # the subject stands before an apposition's comma: unclear, left to the taggers
        "Die Chefin des Verbands, Anna Berg, kritisierte die Pläne scharf: „Das ist Unsinn.“",
        # the relay verb belongs to the relays module
        "Die Agentur zitierte den Premier mit den Worten: „Wir weichen nicht zurück.“",
        # two noun phrases around the verb, neither a pronoun nor an outlet: no guess
        "Die Ministerin sagte die Reise ab: „Es geht mir nicht gut.“",
    ],
)
def test_intros_near_misses_find_nothing(text: str) -> None:
    assert found(text) == []


def test_intros_second_coordinated_speaker_keeps_her_statement() -> None:
    a = sayso.analyze(
        "„Die Straße wird bald fertig“, meinte der Bürgermeister, und die Stadträtin "
        "ergänzte: „Das kostet aber noch viel Geld.“",
        "de",
    )
    got = speakers(a)
    assert ("„Das kostet aber noch viel Geld.“", "die Stadträtin") in got
    assert ("„Die Straße wird bald fertig“", "der Bürgermeister") in got


def test_intros_addressee_after_the_speaker() -> None:
    a = sayso.analyze("Er sagte zum Branchendienst Kontext: „Wir haben alles verloren.“", "de")
    s = a.statements[0]
    assert [a.text[x.start : x.end] for x in s.addressee] == ["Branchendienst Kontext"]
