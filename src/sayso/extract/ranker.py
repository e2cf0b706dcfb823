"""The speaker ranker: a learned choice among the candidate speakers of each statement.

Today's rules and the role tagger propose a speaker; :mod:`sayso.extract.mentions` lists
every other candidate near the statement with its features; a gradient-boosted ranking
model (LightGBM lambdarank, trained by ``sayso train`` from the train splits and shipped
as ``models/<lang>.speaker.v1.json``) scores them. The ranker chooses the mention, the
rules draw its span: when the winner overlaps the rules' speaker, that span stays;
otherwise the winner's noun phrase becomes the speaker (trimmed like any other). The
winner's softmax share, calibrated on held-out data (isotonic), is the statement's
``confidence``. ``Settings.speakers`` decides: another mention replaces the rules' speaker
from ``switch_min`` on; a statement the rules left without speaker takes one only with a
cue and above ``add_min``; below ``abstain_below`` the speaker becomes unknown
(``model.speaker.abstain.v1``). Every choice records ``model.speaker.v1`` with the
winner's strongest features. Without a model file for the language the rules' speakers
stand unchanged; so they do unless ``Settings.speakers.ranker`` is set (off by default:
it still costs about a quarter of the throughput, mostly the noun-phrase chunker, the
words new to the process and the per-candidate features). The features of all candidates
of a document are one matrix (:func:`~sayso.extract.mentions.feature_matrix`), scored in
one pass.

The model file is a flat array of tree nodes evaluated here with numpy (no LightGBM at run
time: importing it costs seconds).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from sayso.errors import E040, E041, SaysoError
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import Draft, Seg
from sayso.extract.mentions import FEATURES, Candidate, DocMentions, Query, feature_matrix, gather
from sayso.model import Evidence
from sayso.tagging.tagger import model_dir

RULE = "model.speaker.v1"
ABSTAIN = "model.speaker.abstain.v1"
VERSION = "v1"

#: when set (by training), the component records (document, draft, candidates) here
#: instead of choosing
COLLECT: list[tuple[Any, Draft, list[Candidate]]] | None = None


@dataclass(frozen=True, slots=True)
class SpeakerModel:
    """A tree ensemble as flat node arrays, a calibration map and feature importances."""

    features: tuple[str, ...]
    feature: np.ndarray  # node -> feature index, -1 for a leaf
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    depth: int
    cal_x: np.ndarray
    cal_y: np.ndarray
    importance: np.ndarray

    #: the walk's tables (see :meth:`scores`): a leaf's feature is 0 and its threshold
    #: +inf, so it sends every row to itself; ``child[2 * node + (x > threshold)]``
    walk_feature: np.ndarray = field(init=False, repr=False, compare=False)
    walk_threshold: np.ndarray = field(init=False, repr=False, compare=False)
    child: np.ndarray = field(init=False, repr=False, compare=False)
    #: the features with a gain, most important first (what :func:`_why` reports)
    ranked: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        leaf = self.feature < 0
        nodes = np.arange(self.feature.size)
        child = np.stack([np.where(leaf, nodes, self.left), np.where(leaf, nodes, self.right)])
        object.__setattr__(self, "walk_feature", np.where(leaf, 0, self.feature))
        object.__setattr__(self, "walk_threshold", np.where(leaf, np.inf, self.threshold))
        object.__setattr__(self, "child", child.T.ravel())
        order = np.argsort(-self.importance).tolist()
        object.__setattr__(self, "ranked", tuple(i for i in order if self.importance[i] > 0))

    def scores(self, x: np.ndarray) -> np.ndarray:
        """The ranking score of every row of ``x`` (rows: candidates, columns: features):
        all trees walked a level at a time for all rows at once, or row by row in compiled
        loops once the process has loaded numba for the taggers' decoder (the same leaves,
        summed alike)."""
        walk = compiled_walk() if "numba" in sys.modules else None
        if walk is not None:
            leaves = walk(
                np.ascontiguousarray(x, dtype=np.float64), self.feature, self.threshold,
                self.left, self.right, self.roots,
            )  # fmt: skip
            got: np.ndarray = self.value[leaves].sum(axis=1)
            return got
        n, width = x.shape
        flat = np.ascontiguousarray(x, dtype=np.float64).ravel()
        base = (np.arange(n) * width)[:, None]
        nodes = np.broadcast_to(self.roots, (n, self.roots.size)).copy()
        for _ in range(self.depth):
            go_right = flat[base + self.walk_feature[nodes]] > self.walk_threshold[nodes]
            nodes = self.child[2 * nodes + go_right]
        out: np.ndarray = self.value[nodes].sum(axis=1)
        return out

    def calibrate(self, p: float) -> float:
        return float(np.interp(p, self.cal_x, self.cal_y))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpeakerModel:
        t = data["trees"]
        return cls(
            features=tuple(data["features"]),
            feature=np.asarray(t["feature"], dtype=np.int64),
            threshold=np.asarray(t["threshold"], dtype=np.float64),
            left=np.asarray(t["left"], dtype=np.int64),
            right=np.asarray(t["right"], dtype=np.int64),
            value=np.asarray(t["value"], dtype=np.float64),
            roots=np.asarray(t["roots"], dtype=np.int64),
            depth=int(t["depth"]),
            cal_x=np.asarray(data["calibration"]["x"], dtype=np.float64),
            cal_y=np.asarray(data["calibration"]["y"], dtype=np.float64),
            importance=np.asarray(data["importance"], dtype=np.float64),
        )


def walk_loops(
    x: np.ndarray,
    feature: np.ndarray,
    threshold: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    roots: np.ndarray,
) -> np.ndarray:
    """The leaf each row of ``x`` reaches in each tree (rows × trees): right where the
    row's feature value is above the node's threshold. Plain loops, for numba to compile
    (:func:`compiled_walk`); run as Python they are the reference the tests hold
    :meth:`SpeakerModel.scores` to."""
    n = x.shape[0]
    out = np.empty((n, roots.size), dtype=np.int64)
    for r in range(n):
        for t in range(roots.size):
            node = roots[t]
            while feature[node] >= 0:
                node = right[node] if x[r, feature[node]] > threshold[node] else left[node]
            out[r, t] = node
    return out


@lru_cache(maxsize=1)
def compiled_walk() -> Callable[..., np.ndarray] | None:
    """:func:`walk_loops` compiled by numba (machine code cached on disk like the
    decoder's, see :func:`sayso.tagging.crf.compiled_viterbi`); None where it cannot."""
    try:
        import numba
    except Exception:  # not installed, or broken on this platform: NumPy walks
        return None
    probe = np.zeros((1, 1)), np.full(1, -1), np.zeros(1), np.zeros(1, np.int64)
    for on_disk in (True, False):
        try:
            compiled: Callable[..., np.ndarray] = numba.njit(cache=on_disk, nogil=True)(walk_loops)
            compiled(probe[0], probe[1], probe[2], probe[3], probe[3], np.zeros(1, np.int64))
            return compiled
        except Exception:  # no writable cache folder, or no code generation at all
            continue
    return None


def model_file(lang: str) -> str:
    return str(model_dir() / f"{lang}.speaker.{VERSION}.json")


@lru_cache(maxsize=4)
def speaker_model(lang: str) -> SpeakerModel | None:
    """The shipped ranker of ``lang`` (read once), or None when there is none."""
    path = model_file(lang)
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        model = SpeakerModel.from_dict(data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SaysoError(E040, path=path, detail=str(exc)) from exc
    if model.features != FEATURES:
        changed = sorted(set(model.features) ^ set(FEATURES)) or ["their order"]
        raise SaysoError(E041, path=path, detail=", ".join(changed[:5]))
    return model


def softmax(s: np.ndarray) -> np.ndarray:
    e = np.exp(s - s.max())
    out: np.ndarray = e / e.sum()
    return out


def rank_speakers(w: Work) -> None:
    """Choose each draft's speaker among its candidates (see the module docstring)."""
    if COLLECT is None and not w.settings.speakers.ranker:
        return
    model = None if COLLECT is not None else speaker_model(w.profile.lang)
    if model is None and COLLECT is None:
        return
    dm = DocMentions(w.seg, w.profile)
    # every draft's candidates first, with the rules' speakers (as in training), then
    # the features of all of them as one matrix and one scoring pass over the document
    dm.index_drafts(w.drafts)
    prev: Draft | None = None
    queries: list[Query] = []
    for d in w.drafts:
        queries.append(gather(dm, d, prev))
        prev = d
    x = feature_matrix(dm, queries)
    if COLLECT is not None:
        rows = iter(x.tolist())
        for q in queries:
            for c in q.cands:
                c.features = next(rows)
            COLLECT.append((w.seg, q.d, q.cands))
    if model is None or not len(x):
        return
    scores = model.scores(x)
    at = 0
    for q in queries:
        n = len(q.cands)
        if n:
            _choose(w, model, q.d, q.cands, x[at : at + n], scores[at : at + n])
        at += n


def _choose(
    w: Work,
    model: SpeakerModel,
    d: Draft,
    cands: list[Candidate],
    x: np.ndarray,
    s: np.ndarray,
) -> None:
    p = softmax(s)
    k = int(np.argmax(s))
    best = cands[k]
    conf = model.calibrate(float(p[k]))
    rule_idx = _RULE_COL
    has_rule = bool(d.speaker) or bool(d.speaker_spans)
    settings = w.settings.speakers
    if x[k, rule_idx] <= 0:
        if not has_rule and not (conf > settings.add_min and (d.cue or not settings.add_needs_cue)):
            d.confidence = round(1.0 - conf, 3)  # that the statement has no speaker
            return
        if has_rule and conf < settings.switch_min:
            # the ranker prefers another mention but not surely: the rules' choice stays
            r = np.flatnonzero(x[:, rule_idx] > 0)
            k = int(r[np.argmax(p[r])]) if r.size else k
            best, conf = cands[k], model.calibrate(float(p[k]))
        else:
            _take(w, d, best)
    if conf < settings.abstain_below:
        d.speaker, d.speaker_spans = [], None
        d.rules.append(ABSTAIN)
        d.confidence = round(1.0 - conf, 3)
        return
    d.confidence = round(conf, 3)
    d.rules.append(RULE)
    d.model_evidence = Evidence(
        rule=RULE,
        span=best.spans[0] if best.spans else w.seg.token_span(best.a, best.b),
        note=_why(model, x, k, conf),
    )


_RULE_COL = FEATURES.index("rule")


def _take(w: Work, d: Draft, c: Candidate) -> None:
    from sayso.extract.speaker_phrases import speaker_closing_comma
    from sayso.extract.speakers import trim_speakers

    if c.spans is not None:
        d.speaker, d.speaker_spans = [], c.spans
        return
    d.speaker, d.speaker_spans = [Seg(c.a, c.b, "S", c.sent)], None
    trim_speakers(w.seg, w.profile, [d])
    speaker_closing_comma(w.seg, w.profile, [d])


def _why(model: SpeakerModel, x: np.ndarray, k: int, conf: float) -> str:
    """The winner's strongest features: the four set (non-zero) in its row with the
    largest importance (share of the model's gain), with their values where not 1."""
    row = x[k].tolist()
    shown = []
    for i in model.ranked:
        v = row[i]
        if v == 0:
            continue
        name = FEATURES[i]
        shown.append(name if v == 1 else f"{name}={v:g}")
        if len(shown) == 4:
            break
    return f"p={conf:.2f}; " + ", ".join(shown)


@component("extract.ranker.speakers.v1", Stage.REFINE)
def refine_rank_speakers(w: Work) -> None:
    """The speaker ranker chooses each statement's speaker among its candidate mentions
    (the rules' speaker among them) and gives it a calibrated confidence."""
    rank_speakers(w)
