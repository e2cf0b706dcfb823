"""The taggers pass crfsuite only the features its models know: the attribute names read
from the model files are the models' own, and leaving the others out changes no label."""

from __future__ import annotations

from importlib import resources

import pycrfsuite
import pytest

from sayso.extract.features import (
    FeatureCache,
    sentence_features,
    sentence_flags,
    statement_features,
    whole_sentence_features,
)
from sayso.extract.tagger import model_attributes, model_path, taggers
from sayso.lang import load
from sayso.text.segment import segment

TEXT = (
    "Der Minister sagte am Montag, die Lage sei ernst. „Wir werden handeln“, "
    "kündigte er an. Laut Polizei wurden drei Menschen verletzt. Die Gewerkschaft "
    "wies den Bericht zurück. Er sagte | „Das | ist || gut“ |, so der Minister."
)


@pytest.mark.parametrize(("lang", "layer"), [("de", "quote"), ("de", "whole"), ("en", "roles")])
def test_model_attributes_are_the_models_own(lang: str, layer: str) -> None:
    path = model_path(lang, layer)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    info = tagger.info().attributes
    assert model_attributes(path) == sorted(info, key=lambda a: int(info[a]))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_unknown_features_left_out_change_no_label(lang: str) -> None:
    tg = taggers(lang)
    plain = FeatureCache(load(lang))
    text = TEXT
    if lang == "en":
        text = resources.files("sayso").joinpath("examples/sample_en.txt").read_text("utf-8")
    seg = segment(text, plain.profile.abbreviations, plain.profile.months)
    flags = sentence_flags(plain, seg)
    assert flags == sentence_flags(tg.cache, seg)
    n = len(seg.sentences)
    full = [sentence_features(plain, seg, s, flags) for s in range(n)]
    kept = [sentence_features(tg.cache, seg, s, flags) for s in range(n)]
    assert sum(map(len, (f for s in kept for f in s))) < sum(map(len, (f for s in full for f in s)))
    for layer in ("quote",):
        t = tg.taggers[layer]
        assert [t.tag(x) for x in full] == [t.tag(x) for x in kept]
    for s in range(n):
        a, b = seg.sentences[s]
        content = frozenset(range(a + (b - a) // 2, b))
        window = range(max(0, s - 1), s + 1)
        x = statement_features(plain, seg, full, window, content, "indirect")
        y = statement_features(tg.cache, seg, kept, window, content, "indirect")
        for layer in ("roles", "frame"):
            assert tg.taggers[layer].tag(x) == tg.taggers[layer].tag(y)
        if tg.whole_forms:
            w = tg.taggers["whole"]
            w.set([whole_sentence_features(plain, seg, s, flags, False)])
            p = [w.marginal(label, 0) for label in w.labels()]
            w.set([whole_sentence_features(tg.cache, seg, s, flags, False)])
            assert p == [w.marginal(label, 0) for label in w.labels()]
