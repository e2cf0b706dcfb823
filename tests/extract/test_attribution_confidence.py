"""The attribution confidence without the ranker (``sayso.extract.confidence``), on
sentences written for these tests."""

from __future__ import annotations

import dataclasses

import sayso
from sayso.extract import confidence
from sayso.settings import DEFAULT, SpeakerSettings


def test_attribution_confidence_is_below_one_and_lower_for_shaky_attributions() -> None:
    """Every statement had confidence 1.0 with the ranker off; now a named speaker with a
    cue in the same sentence is surer than an agentless report."""
    a = sayso.analyze(
        "„Wir bleiben dabei“, sagte Ministeriumssprecher Jan Roth am Montag. "
        "Der Angriff soll lange geplant gewesen sein.",
        "de",
    )
    assert all(0.0 < s.confidence < 1.0 for s in a.statements)
    named = next(s for s in a.statements if s.speaker)
    bare = [s for s in a.statements if not s.speaker]
    assert all(named.confidence > s.confidence for s in bare)


def test_attribution_confidence_model_matches_its_features_and_both_languages_ship() -> None:
    for lang in ("de", "en"):
        weights = confidence.model(lang)
        assert weights is not None and len(weights[0]) == len(confidence.FEATURES)


def test_attribution_confidence_keeps_the_rankers_probability_where_the_ranker_runs() -> None:
    text = '"The bridge will reopen in May," the mayor said on Tuesday.'
    on = dataclasses.replace(DEFAULT, speakers=SpeakerSettings(ranker=True))
    ranked = sayso.analyze(text, "en", settings=on)
    plain = sayso.analyze(text, "en")
    assert [s.confidence for s in ranked.statements] != [s.confidence for s in plain.statements]
