"""``rule.continued.first_person.v1`` and ``group.speaker.first_person.v1``: in news text
that drops quotation marks, an unquoted first-person sentence next to a speaker's
unquoted speech attributed after it is more of that speech."""

from __future__ import annotations

import pytest

import sayso
from sayso.model import Analysis

RULE = "rule.continued.first_person.v1"


def _by_rule(text: str, rule: str = RULE) -> tuple[Analysis, list[tuple[str, str | None]]]:
    a = sayso.analyze(text, lang="de")
    out = []
    for s in a.statements:
        if rule in s.rules:
            actor = a.actor(s.chain[-1] if s.chain else s.actor)
            content = a.text[s.content[0].start : s.content[-1].end]
            out.append((content, actor.name if actor else None))
    return a, out


def test_sentences_before_and_after_the_attributed_one_continue_it() -> None:
    text = (
        "Die Bäckerin stand am Sonntag in der Backstube. Ich hatte wenig Mehl. Aber der "
        "Kuchen ist gelungen, lobte Huber. Wir verkaufen ihn heute auf dem ganzen "
        "Markt. Der Markt fand in einer Halle in Graz statt."
    )
    _, got = _by_rule(text)
    assert got == [
        ("Ich hatte wenig Mehl", "Huber"),
        ("Wir verkaufen ihn heute auf dem ganzen Markt", "Huber"),
    ]


def test_a_first_person_speaker_inside_the_speech_is_the_speaker() -> None:
    text = "Ich hatte gehofft, dass der Teig aufgeht. Aber er blieb flach, gestand Huber."
    _, got = _by_rule(text, "group.speaker.first_person.v1")
    assert got == [("dass der Teig aufgeht", "Huber")]


@pytest.mark.parametrize(
    "text",
    [
        # quoted speech marks its own extent
        "„Aber der Kuchen ist gelungen“, lobte Huber. Wir verkaufen ihn heute.",
        # the author's sentence introducing the next speaker
        "Das war ein Fehler, gestand Huber. Für unseren Verein sprach dann Präsidentin Anna Berg.",
        # a sentence with an attribution of its own
        "Das war ein Fehler, gestand Huber. Wir haben verloren, räumte Trainer Karl Berg ein.",
        # a label names its own speaker
        "Das war ein Fehler, gestand Huber. Berg: Ich sehe das anders.",
        # not next to it
        "Das war ein Fehler, gestand Huber. Der Verein tagt morgen. Wir feiern heute.",
    ],
)
def test_no_continuation(text: str) -> None:
    assert _by_rule(text)[1] == []
