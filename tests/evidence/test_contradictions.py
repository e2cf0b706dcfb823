"""Inferred contradictions: what is one, and what only looks like one."""

from __future__ import annotations

import sayso
from sayso.evidence.compare import gist, incompatible
from sayso.lang import load
from sayso.model import Analysis, RelationKind


def _words(text: str) -> list[str]:
    return text.split()


def _contradicts(a: Analysis) -> list[tuple[str, str | None]]:
    return [(r.source, r.target) for r in a.relations if r.kind is RelationKind.CONTRADICTS]


def test_compare_contrastive_negation_does_not_flip_the_polarity() -> None:
    de = load("de")
    plain = gist(de, _words("das Problem sei der Verkehr in der Innenstadt"))
    corrected = gist(
        de, _words("Das Problem ist nicht so sehr der Verkehr in der Innenstadt , sondern")
    )
    assert not corrected.negated
    assert incompatible(de, plain, corrected) is None
    # "nicht X, sondern Y" corrects; a plain "nicht" still negates
    assert not gist(de, _words("nicht der Verkehr , sondern die Parkplätze")).negated
    assert gist(de, _words("der Verkehr sei nicht das Problem")).negated
    en = load("en")
    assert not gist(en, _words("not only the traffic but the parking")).negated
    assert gist(en, _words("the traffic is not the problem")).negated


def test_contradictions_nicht_so_sehr_sondern_is_no_contradiction() -> None:
    text = (
        "Der Bürgermeister sagte, das Problem sei der Verkehr in der Innenstadt. "
        "„Das Problem ist nicht so sehr der Verkehr in der Innenstadt, sondern die "
        "Parkplätze“, sagte Anna Berger."
    )
    assert _contradicts(sayso.analyze(text, "de")) == []


def test_contradictions_a_quotation_and_its_paraphrase_by_one_speaker() -> None:
    text = (
        "Anna Berger sagte, die Gewerkschaft werde den Streik nicht beenden. "
        "„Wir beenden den Streik, wenn die Gewerkschaft es will“, sagte Anna Berger."
    )
    assert _contradicts(sayso.analyze(text, "de")) == []


def test_contradictions_opposite_accounts_of_two_sources_still_contradict() -> None:
    text = (
        "Der Minister sagte, die Steuern würden im nächsten Jahr steigen. "
        "Die Opposition erklärte, die Steuern würden im nächsten Jahr nicht steigen."
    )
    a = sayso.analyze(text, "de")
    assert _contradicts(a) == [("s2", "s1")]


def test_contradictions_a_correction_has_no_plain_polarity_to_oppose() -> None:
    de = load("de")
    corrected = gist(de, _words("wir sind nicht mehr getrennt aufgestellt , sondern gemeinsam"))
    short = gist(de, _words("nicht mehr getrennt aufgestellt"))
    assert corrected.contrastive and not short.contrastive
    assert incompatible(de, corrected, short) is None


def test_compare_english_contractions_and_repeated_negations_negate() -> None:
    en = load("en")
    assert gist(en, _words("It doesn’t fit with what I knew")).negated
    assert gist(en, _words("I'm not there yet . I'm not there yet .")).negated
    # "X, not Y" and "not X but Y" correct rather than deny
    assert gist(en, _words("use the bathroom they identify with , not the other")).contrastive
    assert gist(en, _words("the goal was not greatness but wholeness")).contrastive


def test_compare_conditions_and_counterfactuals_state_no_plain_polarity() -> None:
    en = load("en")
    assert gist(en, _words("Trump , if not countered , could draw many voters")).contrastive
    assert gist(en, _words("we would not have rescued the industry")).contrastive
    # backshifted "would" in reported speech is a plain future: it still negates
    plain = gist(en, _words("they would not consider the nominee"))
    assert plain.negated and not plain.contrastive
