"""Cases a review of the issue 15/16 rounds found: an exception escaping analyze() and
speaker spans cut or lost by the new shapes. Sentences written for these tests."""

from __future__ import annotations

import sayso
from sayso.model import Confirmation


def _speakers(text: str, lang: str) -> list[list[str]]:
    a = sayso.analyze(text, lang)
    return [[text[x.start : x.end] for x in s.speaker] for s in a.statements]


def test_review_distancing_phrase_at_the_end_of_the_text_does_not_raise() -> None:
    # the participle was the text's last word but one: the look-ahead ran past the end
    for text in (
        "Das Ministerium sagte, die Zahlen seien gestiegen. Die Zahlen sind gesunken, "
        "anders als vom Ministerium behauptet.",
        "Das Ministerium sagte, die Zahlen seien gestiegen. Anders als vom Ministerium behauptet.",
    ):
        a = sayso.analyze(text, "de")
        assert [s.framing.confirmation for s in a.statements] == [Confirmation.DENIED]


def test_review_a_genitive_after_a_lowercase_head_stays_in_the_speaker() -> None:
    got = _speakers("Officials of the army criticised the plan, saying it would fail.", "en")
    assert got and all(sp == ["Officials of the army"] for sp in got)


def test_review_a_passive_participle_belongs_to_the_source() -> None:
    assert _speakers("A lawyer hired by the family said the case was weak.", "en") == [
        ["A lawyer hired by the family"]
    ]
    text = "The economy will slow, according to economists surveyed by Reuters."
    assert _speakers(text, "en") == [["economists surveyed by Reuters"]]
    # the shape the clause cut is for still cuts
    text = "Sanders won the caucus, claiming the victory was historic."
    assert _speakers(text, "en") == [["Sanders"]]
