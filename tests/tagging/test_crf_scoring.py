"""The models are decoded without crfsuite (``sayso.tagging.crf``) from state scores summed
per word and position (``sayso.tagging.scoring``): the weights read from the model files
must be crfsuite's own, the scores those of the string features crfsuite trains on, and
the labels those crfsuite gives."""

from __future__ import annotations

import itertools
from importlib import resources
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.lang import load
from sayso.tagging import scoring
from sayso.tagging.crf import (
    Decoder,
    LinearChain,
    compiled_viterbi,
    viterbi_loops,
    viterbi_many,
)
from sayso.tagging.features import (
    FeatureCache,
    sentence_features,
    sentence_flags,
    statement_features,
    whole_sentence_features,
)
from sayso.tagging.scoring import Scorer
from sayso.tagging.tagger import model_path, statement_window, taggers
from sayso.text.segment import segment

DE = (
    "Der Minister sagte am Montag, die Lage sei ernst. „Wir werden handeln“, "
    "kündigte er an. Laut Polizei wurden drei Menschen verletzt. Die Gewerkschaft "
    "wies den Bericht zurück. Er sagte | „Das | ist || gut“ |, so der Minister.\n"
    "„Es gibt ‚keinen‘ Grund zur Sorge“, sagte Anna Berger, die Sprecherin des Amtes, "
    "vor Journalisten in Berlin. Sie habe das nicht gewusst. Ob das stimmt?"
)


def _text(lang: str) -> str:
    if lang == "de":
        return DE
    return resources.files("sayso").joinpath("examples/sample_en.txt").read_text("utf-8")


def viterbi(emit: np.ndarray, trans: np.ndarray) -> list[int]:
    """The reference decoder: the recursion's plain loops run as Python."""
    return [int(k) for k in viterbi_loops(emit, trans)]


def _crfsuite(lang: str, layer: str) -> pycrfsuite.Tagger:
    t = pycrfsuite.Tagger()
    t.open(str(model_path(lang, layer)))
    return t


@pytest.mark.parametrize(("lang", "layer"), [("de", "quote"), ("de", "whole"), ("en", "roles")])
def test_model_attributes_are_the_models_own(lang: str, layer: str) -> None:
    info = _crfsuite(lang, layer).info().attributes
    got = LinearChain.read(model_path(lang, layer)).attributes
    assert list(got) == sorted(info, key=lambda a: int(info[a]))
    assert list(got.values()) == list(range(len(got)))


@pytest.mark.parametrize(("lang", "layer"), [("de", "whole"), ("de", "medium"), ("en", "frame")])
def test_weights_read_from_the_file_are_crfsuites(lang: str, layer: str) -> None:
    info = _crfsuite(lang, layer).info()
    model = LinearChain.read(model_path(lang, layer))
    assert list(model.labels) == sorted(info.labels, key=lambda y: int(info.labels[y]))
    # the dump that info() parses prints six decimals
    for (a, y), w in info.state_features.items():
        assert model.state[model.attributes[a], model.labels.index(y)] == pytest.approx(w, abs=1e-6)
    for (y, z), w in info.transitions.items():
        assert model.trans[model.labels.index(y), model.labels.index(z)] == pytest.approx(
            w, abs=1e-6
        )
    names = list(model.attributes)
    nonzero = {(names[a], model.labels[y]) for a, y in zip(*np.nonzero(model.state), strict=True)}
    assert nonzero <= set(info.state_features)
    assert not model.state[model.unknown].any()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_scores_and_labels_are_those_of_the_string_features(lang: str) -> None:
    """Token by token, the summed rows equal the weights of the string features; the
    decoded labels equal crfsuite's, for sentences and for statement windows."""
    tg = taggers(lang)
    plain = FeatureCache(load(lang))  # unrestricted: every feature, known or not
    seg = segment(_text(lang), plain.profile.abbreviations, plain.profile.months)
    flags = sentence_flags(plain, seg)
    scorer = tg.scorer
    doc = scorer.document(seg)
    assert doc.flags == flags
    feats = [sentence_features(plain, seg, s, flags) for s in range(len(seg.sentences))]
    quote = tg.models["quote"]
    reference = _crfsuite(lang, "quote")
    tagged = tg.tag(seg)  # what the pipeline decodes: the sentences with a signal
    for s, (a, b) in enumerate(seg.sentences):
        want = np.stack([scorer.weights[scorer._ids(f)].sum(axis=0) for f in feats[s]])
        np.testing.assert_allclose(doc.scores[a:b], want, rtol=0, atol=1e-9)
        mine = [quote.labels[k] for k in viterbi(doc.scores[a:b, scorer.quote_cols], quote.trans)]
        assert mine == reference.tag(feats[s])
        if flags[s]:
            assert tagged.quote[s] == mine
    roles_ref, frame_ref = _crfsuite(lang, "roles"), _crfsuite(lang, "frame")
    checked = 0
    for a, b in seg.sentences:
        if b - a < 4:
            continue
        # a content cut in two (a gap inside it), starting mid-sentence
        content = frozenset(range(a + 1, b - 1)) - {a + 2}
        window = statement_window(seg, sorted(content))
        for form in ("direct", "indirect"):
            x = statement_features(plain, seg, feats, window, content, form)
            want = np.stack([scorer.weights[scorer._ids(f)].sum(axis=0) for f in x])
            got = scorer.statement(seg, doc, window, content, form)
            np.testing.assert_allclose(got, want[:, scorer.stmt_cols], rtol=0, atol=1e-9)
            (span, roles, frame) = tg.tag_statement(seg, tg.tag(seg), sorted(content), form)
            assert span == range(seg.sentences[window[0]][0], seg.sentences[window[-1]][1])
            assert roles == roles_ref.tag(x)
            assert frame == frame_ref.tag(x)
            checked += 1
    assert checked >= 6


@pytest.mark.parametrize("lang", ["de", "en"])
def test_whole_sentence_probabilities_are_crfsuites_marginals(lang: str) -> None:
    tg = taggers(lang)
    seg = segment(_text(lang), tg.cache.profile.abbreviations, tg.cache.profile.months)
    flags = sentence_flags(tg.cache, seg)
    ref = _crfsuite(lang, "whole")
    model = tg.models["whole"]
    tagged = tg.tag(seg)
    checked = 0
    for s in range(len(seg.sentences)):
        feats = whole_sentence_features(tg.cache, seg, s, flags, s % 2 == 0)
        ref.set([feats])
        want = [ref.marginal(y, 0) for y in model.labels]
        scores = model.score(feats)
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        np.testing.assert_allclose(probabilities, want, rtol=1e-9, atol=1e-12)
        # the tagger sums the words' part per word: the same answer
        if tg.whole_forms:
            label, p_statement = tg.classify_sentence(seg, tagged, s, s % 2 == 0)
            best = max(tg.whole_forms, key=lambda y: ref.marginal(y, 0))
            assert label == best
            assert p_statement == pytest.approx(1 - ref.marginal("O", 0), abs=1e-9)
            checked += 1
    assert checked or not tg.whole_forms


def test_forgetting_words_changes_no_score(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``WORD_LIMIT`` the memoised rows are dropped: nothing may change."""
    tg = taggers("de")
    seg = segment(DE, tg.cache.profile.abbreviations, tg.cache.profile.months)
    before = tg.scorer.document(seg).scores
    small = Scorer(tg.cache, tg.models["quote"], tg.models["roles"], tg.models["frame"])
    monkeypatch.setattr(scoring, "WORD_LIMIT", 5)
    small.document(segment("Er sagte, sie habe recht. Sie lachte laut.", set(), set()))
    assert len(small.vocab) > 5
    after = small.document(seg).scores
    assert len(small.vocab) < len(seg.words)  # the vocabulary was started afresh
    np.testing.assert_allclose(after, before, rtol=0, atol=1e-12)


def _brute(emit: np.ndarray, trans: np.ndarray) -> float:
    n, m = emit.shape
    return max(
        sum(emit[t, p[t]] for t in range(n)) + sum(trans[p[t], p[t + 1]] for t in range(n - 1))
        for p in itertools.product(range(m), repeat=n)
    )


def _path_score(path: list[int], emit: np.ndarray, trans: np.ndarray) -> float:
    return float(
        sum(emit[t, k] for t, k in enumerate(path))
        + sum(trans[a, b] for a, b in itertools.pairwise(path))
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 3), st.integers(0, 5), st.integers(0, 2**31 - 1)),
        min_size=1,
        max_size=5,
    )
)
def test_viterbi_many_finds_the_best_path_of_each_sequence(
    specs: list[tuple[int, int, int]],
) -> None:
    """Sequences of different lengths (empty ones too) and label counts, decoded together,
    get the best path each, and the same path as one by one."""
    emits, trans = [], []
    for m, n, seed in specs:
        rng = np.random.default_rng(seed)
        emits.append(rng.normal(0, 3, (n, m)))
        trans.append(rng.normal(0, 3, (m, m)))
    paths = viterbi_many(emits, trans)
    for path, e, t in zip(paths, emits, trans, strict=True):
        assert len(path) == len(e)
        assert path == viterbi(e, t)
        if len(e):
            assert all(0 <= k < t.shape[0] for k in path)
            assert _path_score(path, e, t) == pytest.approx(_brute(e, t), abs=1e-9)


def test_viterbi_keeps_the_first_of_equal_paths_as_crfsuite_does() -> None:
    emit = np.zeros((3, 2))
    trans = np.zeros((2, 2))
    assert viterbi(emit, trans) == [0, 0, 0]
    assert viterbi_many([emit, emit[:1]], [trans, trans]) == [[0, 0, 0], [0]]


def test_compiled_decoder_gives_the_labels_numpy_gives() -> None:
    compiled = compiled_viterbi()
    assert compiled is not None, "numba is a dependency: the compiled decoder must load"
    rng = np.random.default_rng(7)
    for m in (1, 3, 7, 11):
        trans = rng.normal(0, 3, (m, m))
        for n in (1, 2, 5, 40):
            emit = rng.normal(0, 3, (n, m))
            assert compiled(emit, trans).tolist() == viterbi(emit, trans)
            # a column slice (the roles and frame scores of one window) is not contiguous
            wide = rng.normal(0, 3, (n, m + 2))
            assert compiled(wide[:, 1 : m + 1], trans).tolist() == viterbi(
                wide[:, 1 : m + 1], trans
            )
    # ties: the first label, as crfsuite
    assert compiled(np.zeros((3, 2)), np.zeros((2, 2))).tolist() == [0, 0, 0]


def test_decoder_switches_to_the_compiled_loops_after_enough_batches() -> None:
    rng = np.random.default_rng(3)
    trans = rng.normal(size=(3, 3))
    batch = [rng.normal(size=(4, 3)), np.zeros((0, 3)), rng.normal(size=(2, 3))]
    want = viterbi_many(batch, [trans] * 3)
    decode = Decoder(jit_after=2)
    for _ in range(2):
        assert decode(batch, [trans] * 3) == want
        assert decode.compiled is None
    assert decode(batch, [trans] * 3) == want
    assert decode.compiled is not None
    never = Decoder(jit_after=-1)
    for _ in range(5):
        assert never(batch, [trans] * 3) == want
    assert never.compiled is None


@pytest.mark.parametrize(("setting", "after"), [("0", -1), ("1", 0), ("", 100)])
def test_sayso_jit_sets_when_the_decoder_compiles(
    monkeypatch: pytest.MonkeyPatch, setting: str, after: int
) -> None:
    monkeypatch.setenv("SAYSO_JIT", setting)
    assert Decoder().jit_after == after


def test_words_gathered_in_blocks_give_the_same_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Huge texts gather their words' rows a block at a time: neighbours across a block's
    edge still count (and only within their sentence)."""
    tg = taggers("de")
    seg = segment(DE, tg.cache.profile.abbreviations, tg.cache.profile.months)
    whole = tg.scorer.document(seg).scores
    for size in (1, 2, 3, 7):
        monkeypatch.setattr(scoring, "_BLOCK", size)
        np.testing.assert_allclose(tg.scorer.document(seg).scores, whole, rtol=0, atol=1e-12)


def test_huge_batches_are_decoded_in_slices_and_compiled_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sayso.tagging import crf

    rng = np.random.default_rng(11)
    trans = rng.normal(size=(3, 3))
    batch = [rng.normal(size=(int(rng.integers(0, 6)), 3)) for _ in range(9)]
    want = [viterbi(e, trans) for e in batch]
    monkeypatch.setattr(crf, "_MANY", 2)  # five slices
    assert viterbi_many(batch, [trans] * 9) == want
    monkeypatch.setattr(crf, "JIT_TOKENS", 5)
    decode = Decoder(jit_after=1000)
    assert decode(batch, [trans] * 9) == want
    assert decode.compiled is not None  # the batch was long enough to load it


@pytest.mark.parametrize("damage", ["missing", "empty", "truncated", "foreign"])
def test_a_broken_model_file_is_a_coded_error(tmp_path: Path, damage: str) -> None:
    from sayso.errors import SaysoError

    good = model_path("en", "frame").read_bytes()
    path = tmp_path / "model.crfsuite"
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "foreign":
        path.write_bytes(b"PK\x03\x04" + good[4:])
    with pytest.raises(SaysoError) as got:
        LinearChain.read(path)
    assert got.value.code == "E006"
