"""``rule.postposed_attribution.v1`` with a verb that takes a quotation but no bare clause
("kritisierte", "lobte"): German news that drops quotation marks ends direct speech with
", kritisierte Kammerpräsident Karl Huber."; the attribution counts only when a person
follows the verb, so an elided-subject clause with an object stays no statement. And an
according-to phrase inside such an attribution is the relay of the speech act, not the
speaker."""

from __future__ import annotations

import pytest

import sayso
from sayso.model import Analysis, Statement

RULE = "rule.postposed_attribution.v1"


def _one(text: str) -> tuple[Analysis, Statement | None]:
    a = sayso.analyze(text, lang="de")
    got = [s for s in a.statements if RULE in s.rules]
    return a, got[0] if got else None


def _speaker(a: Analysis, s: Statement) -> str:
    return " ".join(a.text[x.start : x.end] for x in s.speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Wer jetzt die Brücke sperrt, schneidet drei Dörfer ab, kritisierte "
            "Kammerpräsident Karl Huber.",
            "Kammerpräsident Karl Huber",
        ),
        ("Das Projekt ist ein großer Erfolg für die Region, lobte Anna Berger.", "Anna Berger"),
        (
            "Die Gefahr ist bei Kindern noch größer, stellten die Forscher zudem fest.",
            "die Forscher",
        ),
        ("Wir werden diese Sperre der Brücke nicht hinnehmen, kritisierte er.", "er"),
    ],
)
def test_a_person_after_a_quoting_verb_is_the_speaker(text: str, speaker: str) -> None:
    a, s = _one(text)
    assert s is not None
    assert _speaker(a, s) == speaker
    assert a.text[s.content[0].start : s.content[-1].end].startswith(text.split(",")[0])


@pytest.mark.parametrize(
    "text",
    [
        # an object: the subject of "kritisierte" is the one of the first clause
        "Die Opposition lehnte den Haushalt im Ausschuss ab, kritisierte die Pläne.",
        # a dative pronoun and a subject after it
        "Auch wenn die Bäckerin früh aufsteht, droht ihr ein langer Arbeitstag.",
        # an object after the pronoun speaker
        "In seinem Bericht über den Markt, lobte er im Jahr davor den Bäcker.",
        # the content follows the verb as a zu-infinitive
        "Um nass zu bleiben, empfiehlt Berger Gästen, eigene Schirme mitzubringen.",
    ],
)
def test_no_person_or_more_after_the_verb_is_no_attribution(text: str) -> None:
    assert _one(text)[1] is None


def test_an_according_to_phrase_in_the_attribution_is_a_relay() -> None:
    text = (
        "Die Kassen der Gemeinden sind leer, sagte Minister Karl Berger laut einer "
        "Aussendung der Arbeiterkammer."
    )
    # the tagger or the rule makes the statement; either way the minister speaks
    a = sayso.analyze(text, lang="de")
    (s,) = a.statements
    assert _speaker(a, s) == "Minister Karl Berger"
    names = [a.actor(c).name for c in s.chain]  # type: ignore[union-attr]
    assert names == ["Arbeiterkammer", "Karl Berger"]


def test_a_multi_word_cue_closes_the_attribution() -> None:
    text = "Die Kassen der Gemeinden sind leer, gab Minister Karl Berg zu bedenken."
    a, s = _one(text)
    assert s is not None
    assert _speaker(a, s) == "Minister Karl Berg"
    assert [a.text[x.start : x.end] for x in s.cue] == ["gab", "zu bedenken"]
