"""Training end to end on a tiny hand-written gold corpus: the models it writes load and tag."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.eval.corpus import GoldDoc, GoldQuote, make_roles, regex_tokens
from sayso.model import Form, Medium, Span
from sayso.tagging import tagger
from sayso.tagging.train import TrainParams, train


def gold_doc(i: int, text: str, content: str, speaker: str, cue: str) -> GoldDoc:
    def span(part: str) -> Span:
        start = text.index(part)
        return Span(start, start + len(part))

    quote = GoldQuote(
        roles=make_roles(
            {"content": [span(content)], "speaker": [span(speaker)], "cue": [span(cue)]}
        ),
        form=Form.INDIRECT,
        medium=Medium.SPEECH,
    )
    return GoldDoc(id=f"d{i}", text=text, lang="de", quotes=(quote,), tokens=regex_tokens(text))


DOCS = [
    gold_doc(
        0,
        "Die Ministerin sagte, die Lage sei ernst.",
        "die Lage sei ernst",
        "Die Ministerin",
        "sagte",
    ),
    gold_doc(
        1,
        "Der Sprecher erklärte, der Plan sei gescheitert.",
        "der Plan sei gescheitert",
        "Der Sprecher",
        "erklärte",
    ),
    gold_doc(
        2,
        "Anna Berger betonte, das Gesetz komme zu spät.",
        "das Gesetz komme zu spät",
        "Anna Berger",
        "betonte",
    ),
]


def test_train_writes_models_that_load_and_tag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "new" / "models"  # created by train
    meta = train(DOCS * 3, "de", out_dir=out, params=TrainParams(0.0, 0.01, 30))
    for layer in (*tagger.LAYERS, tagger.MEDIUM_LAYER):
        assert (out / tagger.model_path("de", layer).name).exists()
    saved = json.loads((out / tagger.meta_path("de").name).read_text())
    assert saved["documents"] == meta["documents"] == 9
    # which code trained each layer: a git commit in a checkout, the version otherwise
    assert set(saved["trained_at"]) == {*tagger.LAYERS, tagger.MEDIUM_LAYER}
    assert all(v.startswith(("git ", "sayso ")) for v in saved["trained_at"].values())
    monkeypatch.setenv("SAYSO_MODELS", str(out))
    tagger.taggers.cache_clear()
    try:
        import sayso

        a = sayso.analyze("Der Minister sagte, die Lage sei ernst.", "de")
        assert [s.form for s in a.statements] == [Form.INDIRECT]
        assert a.spans_text(a.statements[0].cue) == "sagte"
    finally:
        tagger.taggers.cache_clear()
