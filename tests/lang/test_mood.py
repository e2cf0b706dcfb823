"""German mood recognition: Konjunktiv I/II versus indicative."""

from __future__ import annotations

import pytest

from sayso.lang.mood import Mood, mood, sentence_mood


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        # Konjunktiv I: auxiliaries, modals, frequent irregulars
        ("sei", Mood.K1),
        ("seien", Mood.K1),
        ("seist", Mood.K1),
        ("habe", Mood.K1),
        ("werde", Mood.K1),
        ("könne", Mood.K1),
        ("müsse", Mood.K1),
        ("dürfe", Mood.K1),
        ("solle", Mood.K1),
        ("wolle", Mood.K1),
        ("gebe", Mood.K1),
        ("wisse", Mood.K1),
        ("komme", Mood.K1),
        # regular K1 (3sg stem + e) of lexicon verbs, incl. particle verbs
        ("sage", Mood.K1),
        ("erkläre", Mood.K1),
        ("fordere", Mood.K1),
        ("berichte", Mood.K1),
        ("ankündige", Mood.K1),
        ("existiere", Mood.K1),
        # Konjunktiv II
        ("wäre", Mood.K2),
        ("wären", Mood.K2),
        ("hätte", Mood.K2),
        ("hätten", Mood.K2),
        ("würde", Mood.K2),
        ("würden", Mood.K2),
        ("könnte", Mood.K2),
        ("müsste", Mood.K2),
        ("gäbe", Mood.K2),
        ("käme", Mood.K2),
        # plural = infinitive = indicative plural: ambiguous
        ("haben", Mood.INDICATIVE_OR_K1),
        ("werden", Mood.INDICATIVE_OR_K1),
        ("können", Mood.INDICATIVE_OR_K1),
        ("sagen", Mood.INDICATIVE_OR_K1),
        # indicative
        ("ist", Mood.INDICATIVE),
        ("hat", Mood.INDICATIVE),
        ("wird", Mood.INDICATIVE),
        ("kann", Mood.INDICATIVE),
        ("sagt", Mood.INDICATIVE),
        ("sagte", Mood.INDICATIVE),  # weak K2 = preterite: read as indicative
        ("sagten", Mood.INDICATIVE),
        ("erklärt", Mood.INDICATIVE),
        ("forderte", Mood.INDICATIVE),
        ("gesagt", Mood.INDICATIVE),
        # not verbs
        ("Sage", Mood.NONE),  # capitalised mid-sentence: the noun
        ("Erklärung", Mood.NONE),
        ("Haus", Mood.NONE),
        ("eine", Mood.NONE),
        ("gerne", Mood.NONE),
        ("ohne", Mood.NONE),
        ("", Mood.NONE),
        ("„", Mood.NONE),
        ("2005", Mood.NONE),
    ],
)
def test_mood(token: str, expected: Mood) -> None:
    assert mood(token) is expected


@pytest.mark.parametrize(
    ("token", "plural", "expected"),
    [
        ("haben", True, Mood.INDICATIVE_OR_K1),
        ("haben", False, Mood.NONE),  # singular subject: an infinitive
        ("sagen", False, Mood.NONE),
        ("seien", True, Mood.K1),
        ("hätten", True, Mood.K2),
        ("sei", False, Mood.K1),
    ],
)
def test_mood_with_subject_number(token: str, plural: bool, expected: Mood) -> None:
    assert mood(token, plural_subject=plural) is expected


def test_first_person_limitation() -> None:
    # "ich sage" is indicative and looks like 3sg K1 "er sage": only context tells
    assert mood("sage") is Mood.K1
    assert mood("sage", first_person=True) is Mood.INDICATIVE
    assert mood("habe", first_person=True) is Mood.INDICATIVE
    assert mood("sei", first_person=True) is Mood.K1  # "ich sei" is K1 too


def test_sentence_initial_capital() -> None:
    assert mood("Sage", sentence_initial=True) is Mood.K1
    assert mood("Sei") is Mood.K1  # closed-class form, never a noun
    assert mood("Hätte") is Mood.K2


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Er sagte , er sei müde", Mood.K1),
        ("Die Regierung habe nichts gewusst", Mood.K1),
        ("Sie hätten keine Wahl gehabt", Mood.K2),
        ("Die Minister haben das beschlossen", Mood.INDICATIVE_OR_K1),
        ("Er ist müde", Mood.INDICATIVE),
        ("Ich sage das nicht", Mood.INDICATIVE),
        ("ich sage das nicht", Mood.INDICATIVE),
        ("Die Sage vom Drachen", Mood.NONE),
        ("", Mood.NONE),
    ],
)
def test_sentence_mood(sentence: str, expected: Mood) -> None:
    assert sentence_mood(sentence.split()) is expected
