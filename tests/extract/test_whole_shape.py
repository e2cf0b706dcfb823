"""The subject-verb shape features of the whole-sentence classifier."""

from __future__ import annotations

from sayso.lang import load
from sayso.tagging.features import FeatureCache, sentence_flags, whole_sentence_features
from sayso.text.segment import segment


def feats(text: str) -> list[str]:
    cache = FeatureCache(load("de"))
    seg = segment(text, cache.profile.abbreviations, cache.profile.months)
    return whole_sentence_features(cache, seg, 0, sentence_flags(cache, seg), False)


def test_subject_before_modal() -> None:
    f = feats("Die Gewerkschaft will die Streiks im Herbst ausweiten.")
    assert "sv=modal" in f and "sv=modal|will" in f


def test_subject_before_cue_verb_with_role_noun() -> None:
    f = feats("Der Bürgermeister warnte vor einer Überlastung der Kliniken.")
    assert "sv=cue" in f and "subj|role" in f


def test_no_shape_without_initial_subject() -> None:
    f = feats("Im Herbst will die Gewerkschaft die Streiks ausweiten.")
    assert not any(x.startswith("sv=") for x in f)
