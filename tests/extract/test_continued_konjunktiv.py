"""``rule.continued.konjunktiv.v1``: a Konjunktiv I sentence that no statement covers,
right after a speaker's statement, continues that speech (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from sayso.extract.continued import RULE, konjunktiv_continuations
from sayso.extract.draft import Draft, Seg
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def _new(text: str, spoken: int = 0) -> list[str]:
    """Contents of the new drafts after a hand-made statement of sentence ``spoken``."""
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    a, b = seg.sentences[spoken]
    d = Draft(parts=[Seg(a + 3, b - 1, "indirect", spoken)], form=Form.INDIRECT)
    d.speaker = [Seg(a, a + 2, "S", spoken)]
    new = konjunktiv_continuations(seg, [d])
    assert all(RULE in n.rules and not n.speaker for n in new)
    return [" | ".join(" ".join(seg.words[p.a : p.b]) for p in n.parts) for n in new]


def test_konjunktiv_sentences_after_a_statement_continue_it() -> None:
    text = (
        "Der Minister sagte, die Lage sei ernst. Die Brücke werde im Mai wieder "
        "befahrbar. Man müsse jetzt handeln. Die Regierung tagt morgen."
    )
    # one continued stretch is one statement with a part per sentence
    assert _new(text) == ["Die Brücke werde im Mai wieder befahrbar | Man müsse jetzt handeln"]


@pytest.mark.parametrize(
    "text",
    [
        # indicative: the author's sentence
        "Der Minister sagte, die Lage sei ernst. Die Regierung tagt morgen in Wien.",
        # the Konjunktiv only in a relative clause after the first comma
        "Der Minister sagte, die Lage sei ernst. Als Inszenierung, die viel verlange, gilt das.",
        # a label names its own speaker
        "Der Minister sagte, die Lage sei ernst. Frage: Sei das nicht zu spät?",
        # not right after it
        "Der Minister sagte, die Lage sei ernst. Die Regierung tagt morgen. Man müsse handeln.",
    ],
)
def test_no_continuation(text: str) -> None:
    assert _new(text) == []


def test_a_first_person_word_of_the_speech_before_is_no_speaker() -> None:
    import sayso

    text = "Wir haben kein Geld mehr, gab Huber zu bedenken. Man müsse rasch handeln."
    a = sayso.analyze(text, lang="de")
    last = a.statements[-1]
    assert "group.speaker.continued.v1" in last.rules
    actor = a.actor(last.chain[-1])
    assert actor is not None and actor.name == "Huber"
