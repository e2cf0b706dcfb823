"""The speaker ranker: candidate mentions, the exported trees, the choice it records."""

from __future__ import annotations

import sys
from dataclasses import replace

import numpy as np
import pytest

from sayso import analyze
from sayso.extract import ranker
from sayso.extract.component import Work
from sayso.extract.draft import Draft, Seg
from sayso.extract.mentions import FEATURES, DocMentions, candidates
from sayso.lang import load
from sayso.model import Form
from sayso.settings import DEFAULT
from sayso.tagging.tagger import taggers
from sayso.text.segment import segment

RANKED = replace(DEFAULT, speakers=replace(DEFAULT.speakers, ranker=True))

TEXT = (
    "Die Regierung prüft den Fall. "
    "Ein Sprecher des Ministeriums sagte der Nachrichtenagentur dpa, man prüfe alles."
)


def _draft(text: str, content: str, cue: str) -> tuple[DocMentions, Draft]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    start = text.index(content)
    a = next(i for i, s in enumerate(seg.starts) if s >= start)
    b = max(i for i, e in enumerate(seg.ends) if e <= start + len(content)) + 1
    c = seg.words.index(cue)
    s = seg.sentence_of[a]
    d = Draft(parts=[Seg(a, b, "indirect", s)], form=Form.INDIRECT, cue=[Seg(c, c + 1, "C", s)])
    return DocMentions(seg, profile), d


def _text(dm: DocMentions, a: int, b: int) -> str:
    return " ".join(dm.seg.words[a:b])


def test_ranker_candidates_cover_subject_addressee_and_earlier_sentence() -> None:
    dm, d = _draft(TEXT, "man prüfe alles", "sagte")
    got = {_text(dm, c.a, c.b): c for c in candidates(dm, d, None)}
    assert "Ein Sprecher des Ministeriums" in got
    assert any("Nachrichtenagentur" in k for k in got)
    assert "Die Regierung" in got
    for c in got.values():
        assert c.features is not None and len(c.features) == len(FEATURES)
    subject = got["Ein Sprecher des Ministeriums"].features or []
    addressee = next(v for k, v in got.items() if "Nachrichtenagentur" in k).features or []
    i = FEATURES.index("cue_adj_before")
    j = FEATURES.index("cue_adj_after")
    assert subject[i] == 1.0 and subject[j] == 0.0
    assert addressee[j] == 1.0 and addressee[i] == 0.0
    assert got["Die Regierung"].features[FEATURES.index("sent_dist")] == -1.0  # type: ignore[index]


def test_ranker_exported_trees_score_like_lightgbm() -> None:
    lightgbm = pytest.importorskip("lightgbm")
    from sayso.tagging import train_speakers as ts

    rng = np.random.default_rng(3)
    x = rng.normal(size=(400, len(FEATURES))).round(2)
    y = (x[:, 0] + 0.5 * x[:, 3] > 0.3).astype(int)
    model = lightgbm.LGBMRanker(n_estimators=20, num_leaves=7, min_child_samples=5, verbose=-1)
    model.fit(x, y, group=[10] * 40)
    exported = ranker.SpeakerModel.from_dict(ts.export(model, ([0.0, 1.0], [0.0, 1.0])))
    assert np.allclose(exported.scores(x), model.predict(x), atol=1e-4)


def test_ranker_calibration_and_ece() -> None:
    pytest.importorskip("sklearn")
    from sayso.tagging import train_speakers as ts

    probs = np.linspace(0.05, 0.95, 200)
    right = (np.random.default_rng(1).random(200) < probs).astype(float)
    choices = np.stack([probs, right, np.ones(200)], axis=1)
    xs, ys = ts.calibrate(choices)
    assert xs == sorted(xs) and ys == sorted(ys)
    assert ts.ece(np.asarray(probs), right) < 0.15
    assert ts.ece(np.ones(200), np.zeros(200)) == pytest.approx(1.0)


def test_ranker_records_its_choice_and_a_calibrated_confidence() -> None:
    if ranker.speaker_model("de") is None:
        pytest.skip("no shipped German speaker ranker")
    a = analyze(TEXT, "de", settings=RANKED)
    s = next(s for s in a.statements if "prüfe" in a.text[s.content[0].start : s.content[-1].end])
    assert 0.0 <= s.confidence <= 1.0
    assert a.text[s.speaker[0].start : s.speaker[-1].end].startswith("Ein Sprecher")
    ev = [e for e in s.evidence if e.rule == ranker.RULE]
    if ranker.RULE in s.rules:
        assert ev and ev[0].note is not None and ev[0].note.startswith("p=")


def test_ranker_without_a_model_leaves_the_rules_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ranker, "speaker_model", lambda lang: None)
    a = analyze(TEXT, "de", settings=RANKED)
    assert all(s.confidence == 1.0 and ranker.RULE not in s.rules for s in a.statements)


def test_ranker_keeps_the_rules_span_when_the_rules_speaker_wins() -> None:
    dm, d = _draft(TEXT, "man prüfe alles", "sagte")
    d.speaker = [Seg(d.cue[0].a - 4, d.cue[0].a, "S", d.parts[0].sent)]
    cands = candidates(dm, d, None)
    rule = FEATURES.index("rule")
    winner = next(k for k, c in enumerate(cands) if (c.features or [])[rule] == 1.0)
    n = len(FEATURES)
    model = ranker.SpeakerModel(
        features=FEATURES,
        feature=np.array([rule, -1, -1]),
        threshold=np.array([0.5, 0.0, 0.0]),
        left=np.array([1, 1, 2]),
        right=np.array([2, 1, 2]),
        value=np.array([0.0, -3.0, 3.0]),
        roots=np.array([0]),
        depth=2,
        cal_x=np.array([0.0, 1.0]),
        cal_y=np.array([0.0, 1.0]),
        importance=np.eye(n)[rule],
    )
    profile = dm.profile
    work = Work(dm.seg, profile, DEFAULT, taggers("de"), drafts=[d])
    before = [(r.a, r.b) for r in d.speaker]
    x = np.asarray([c.features for c in cands])
    ranker._choose(work, model, d, cands, x, model.scores(x))
    assert [(r.a, r.b) for r in d.speaker] == before
    assert ranker.RULE in d.rules and 0.5 < d.confidence <= 1.0
    assert d.model_evidence is not None and "rule" in (d.model_evidence.note or "")
    assert winner >= 0


def test_ranker_is_off_by_default() -> None:
    a = analyze(TEXT, "de")
    assert all(ranker.RULE not in s.rules for s in a.statements)
    assert not any(e.rule == ranker.RULE for s in a.statements for e in s.evidence)


def test_ranker_scores_equal_a_tree_by_tree_walk() -> None:
    model = ranker.speaker_model("de")
    assert model is not None
    rng = np.random.default_rng(7)
    x = rng.integers(-3, 4, size=(40, len(FEATURES))).astype(np.float64)
    x[::3] = rng.random((14, len(FEATURES)))  # between the thresholds too

    def walk(row: np.ndarray, node: int) -> float:
        while model.feature[node] >= 0:
            go_left = row[model.feature[node]] <= model.threshold[node]
            node = int(model.left[node] if go_left else model.right[node])
        return float(model.value[node])

    want = [sum(walk(row, int(r)) for r in model.roots) for row in x]
    assert np.allclose(model.scores(x), want, rtol=0, atol=1e-12)
    assert model.scores(x[:0]).shape == (0,)


def test_ranker_compiled_walk_scores_to_the_last_bit_as_numpy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once numba is loaded the trees are walked in compiled loops: the same leaves, so
    the same scores bit for bit (and the plain loops, run as Python, agree too)."""
    model = ranker.speaker_model("de")
    assert model is not None
    rng = np.random.default_rng(11)
    x = rng.integers(-30, 31, size=(60, len(FEATURES))).astype(np.float64)
    x[::4] = rng.random((15, len(FEATURES)))
    pytest.importorskip("numba")
    assert ranker.compiled_walk() is not None
    compiled = model.scores(x)
    loops = ranker.walk_loops(
        x, model.feature, model.threshold, model.left, model.right, model.roots
    )
    monkeypatch.delitem(sys.modules, "numba")
    plain = model.scores(x)
    assert np.array_equal(compiled, plain)
    assert np.array_equal(model.value[loops].sum(axis=1), plain)
