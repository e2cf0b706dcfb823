"""Train the speaker ranker (``sayso train``; :mod:`sayso.extract.ranker`).

The train documents are split in two halves (even and odd positions). Each half's
candidate rows are collected with taggers trained on the *other* half, so the features
that say what the role tagger chose are as reliable as on unseen text (taggers trained
on the same documents would make the tagger's speaker look right nearly always). Rows come
from the gold quotations (:func:`sayso.eval.oracle.oracle_work`) and from sayso's own
drafts matched to a gold quotation; a candidate is positive when it overlaps the gold
speaker. A LightGBM lambdarank model is fitted per half and scores the other half: those
held-out scores fit the isotonic calibration of the winner's softmax share and give the
2-fold accuracy. The shipped model is fitted on all rows and written as flat tree arrays.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from sayso.errors import E042, E043, SaysoError
from sayso.eval.corpus import GoldDoc, GoldQuote
from sayso.model import Span
from sayso.text.segment import Segmented

if TYPE_CHECKING:  # the extraction is imported where used: tagging comes before it
    from sayso.extract.draft import Draft
    from sayso.extract.mentions import Candidate

#: LightGBM parameters of the shipped rankers (chosen on a 2-fold split of train)
PARAMS: dict[str, Any] = {
    "objective": "lambdarank",
    "n_estimators": 100,
    "num_leaves": 15,
    "max_depth": 6,  # the run-time evaluation walks the trees level by level
    "learning_rate": 0.08,
    "min_child_samples": 20,
    "subsample": 0.8,
    "subsample_freq": 1,
    "colsample_bytree": 0.8,
    "lambdarank_truncation_level": 5,
    "verbose": -1,
    "n_jobs": 1,
    "random_state": 7,
}


@dataclass(slots=True)
class Rows:
    """Candidate rows grouped in queries (one per statement), with labels and doc ids."""

    x: list[list[float]]
    y: list[int]
    groups: list[int]
    docs: list[int]  # the document index of each query

    @classmethod
    def empty(cls) -> Rows:
        return cls([], [], [], [])

    def add(self, doc: int, cands: Sequence[Candidate], labels: Sequence[int]) -> None:
        self.x.extend(c.features or [] for c in cands)
        self.y.extend(labels)
        self.groups.append(len(cands))
        self.docs.append(doc)

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return (
            np.asarray(self.x, dtype=np.float64),
            np.asarray(self.y, dtype=np.int64),
            np.asarray(self.groups, dtype=np.int64),
        )


@contextmanager
def models_from(folder: Path | None) -> Iterator[None]:
    """Use the taggers in ``folder`` (``SAYSO_MODELS``) inside the block."""
    from sayso.extract import ranker
    from sayso.tagging.tagger import taggers

    old = os.environ.get("SAYSO_MODELS")
    if folder is not None:
        os.environ["SAYSO_MODELS"] = str(folder)
    taggers.cache_clear()
    ranker.speaker_model.cache_clear()
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SAYSO_MODELS", None)
        else:
            os.environ["SAYSO_MODELS"] = old
        taggers.cache_clear()
        ranker.speaker_model.cache_clear()


def _labels(seg: Segmented, cands: Sequence[Candidate], gold: tuple[Span, ...]) -> list[int]:
    out = []
    for c in cands:
        spans = c.spans or (seg.token_span(c.a, c.b),)
        out.append(int(any(g.overlaps(x) for g in gold for x in spans)))
    return out


def _match(seg: Segmented, d: Draft, quotes: Sequence[GoldQuote]) -> GoldQuote | None:
    """The gold quotation sharing most characters with the draft's content (at least a
    third of the draft's)."""
    content = [seg.token_span(p.a, p.b) for p in d.parts]
    size = sum(len(c) for c in content) or 1
    best, got = None, 0
    for q in quotes:
        shared = sum(
            max(0, min(c.end, g.end) - max(c.start, g.start)) for c in content for g in q.content
        )
        if shared > got:
            best, got = q, shared
    return best if got >= size / 3 else None


def collect(docs: Sequence[GoldDoc], first: int = 0, system: bool = True) -> Rows:
    """Candidate rows of the gold quotations of ``docs`` (and of sayso's own drafts when
    ``system``), with the taggers in effect."""
    from sayso.eval.oracle import oracle_work
    from sayso.extract import ranker
    from sayso.pipeline import analyze

    rows = Rows.empty()
    got: list[tuple[Any, Draft, list[Candidate]]] = []
    ranker.COLLECT = got
    try:
        for k, doc in enumerate(docs):
            got.clear()
            _, pairs = oracle_work(doc)
            gold_of = {id(d): q for d, q in pairs}
            for seg, d, cands in got:
                q = gold_of.get(id(d))
                if q is not None and cands:
                    rows.add(first + k, cands, _labels(seg, cands, q.roles["speaker"]))
            if not system:
                continue
            got.clear()
            analyze(doc.text, doc.lang)
            for seg, d, cands in got:
                q = _match(seg, d, doc.quotes)
                if q is not None and cands:
                    rows.add(first + k, cands, _labels(seg, cands, q.roles["speaker"]))
    finally:
        ranker.COLLECT = None
    return rows


def fit(rows: Rows) -> Any:
    """A LightGBM lambdarank model on the queries of ``rows`` that have a positive."""
    lightgbm = _require("lightgbm")

    x, y, groups = rows.arrays()
    keep_x, keep_y, keep_g = [], [], []
    if not y.any():
        raise SaysoError(E043, corpus="the train split")
    at = 0
    for g in groups:
        if y[at : at + g].any():
            keep_x.append(x[at : at + g])
            keep_y.append(y[at : at + g])
            keep_g.append(g)
        at += g
    model = lightgbm.LGBMRanker(**PARAMS)
    model.fit(np.vstack(keep_x), np.concatenate(keep_y), group=keep_g)
    return model


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise SaysoError(E042, detail=str(exc)) from exc


def top_choices(scores: np.ndarray, y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Per query: (softmax share of the winner, winner is positive, query has a positive)."""
    from sayso.extract.ranker import softmax

    out = []
    at = 0
    for g in groups:
        s = scores[at : at + g]
        p = softmax(s)
        k = int(np.argmax(s))
        out.append((float(p[k]), float(y[at + k]), float(y[at : at + g].any())))
        at += g
    return np.asarray(out)


def export(model: Any, calibration: tuple[list[float], list[float]]) -> dict[str, Any]:
    """The model as flat node arrays (see :class:`sayso.extract.ranker.SpeakerModel`)."""
    from sayso.extract.mentions import FEATURES

    dump = model.booster_.dump_model()
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots = []
    depth = 0

    def node(t: dict[str, Any], d: int) -> int:
        nonlocal depth
        depth = max(depth, d)
        i = len(feature)
        feature.append(-1)
        threshold.append(0.0)
        left.append(i)
        right.append(i)
        value.append(float(t.get("leaf_value", 0.0)))
        if "split_feature" in t:
            if t.get("decision_type", "<=") != "<=":
                raise ValueError("only numeric splits are exported")
            feature[i] = int(t["split_feature"])
            threshold[i] = float(t["threshold"])
            left[i] = node(t["left_child"], d + 1)
            right[i] = node(t["right_child"], d + 1)
        return i

    for tree in dump["tree_info"]:
        roots.append(node(tree["tree_structure"], 0))
    gain = model.booster_.feature_importance(importance_type="gain")
    total = float(gain.sum()) or 1.0
    return {
        "features": list(FEATURES),
        "trees": {
            "feature": feature,
            "threshold": threshold,
            "left": left,
            "right": right,
            "value": [round(v, 6) for v in value],
            "roots": roots,
            "depth": depth + 1,
        },
        "calibration": {"x": calibration[0], "y": calibration[1]},
        "importance": [round(float(g) / total, 4) for g in gain],
    }


def calibrate(choices: np.ndarray) -> tuple[list[float], list[float]]:
    """Isotonic map from the winner's softmax share to how often the winner is right."""
    iso = _require("sklearn.isotonic").IsotonicRegression(
        y_min=0.0, y_max=1.0, out_of_bounds="clip"
    )
    iso.fit(choices[:, 0], choices[:, 1])
    return [round(float(v), 4) for v in iso.X_thresholds_], [
        round(float(v), 4) for v in iso.y_thresholds_
    ]


def ece(probs: np.ndarray, right: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over equal-width bins."""
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        m = (probs >= lo) & ((probs < hi) if b < bins - 1 else (probs <= hi))
        if m.any():
            total += m.sum() / probs.size * abs(probs[m].mean() - right[m].mean())
    return float(total)


def split(rows: Rows, docs: set[int]) -> Rows:
    """The queries of ``rows`` whose document is in ``docs``."""
    out = Rows.empty()
    at = 0
    for g, doc in zip(rows.groups, rows.docs, strict=True):
        if doc in docs:
            out.x.extend(rows.x[at : at + g])
            out.y.extend(rows.y[at : at + g])
            out.groups.append(g)
            out.docs.append(doc)
        at += g
    return out


def write(data: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", "utf-8")


def fold_taggers(docs: Sequence[GoldDoc], lang: str, root: Path) -> tuple[Path, Path]:
    """Taggers trained on each half of ``docs`` (``root/<lang>A`` on the even positions,
    ``root/<lang>B`` on the odd ones); folders that already hold them are reused."""
    from sayso.tagging.tagger import LAYERS, model_path
    from sayso.tagging.train import DEFAULT_PARAMS, train

    out = []
    for k, name in ((0, "A"), (1, "B")):
        folder = root / f"{lang}{name}"
        if not all((folder / model_path(lang, layer).name).exists() for layer in LAYERS):
            train(docs[k::2], lang, out_dir=folder, params=DEFAULT_PARAMS[lang])
        out.append(folder)
    return out[0], out[1]


def train_ranker(
    docs: Sequence[GoldDoc], lang: str, folds: tuple[Path, Path] | None, out: Path
) -> dict[str, Any]:
    """Collect the rows of each half with the other half's taggers (``folds``; None: the
    taggers in effect), fit, calibrate on the held-out halves, write the model to ``out``
    and the half models beside the fold taggers. Returns the measurements."""
    halves = (set(range(0, len(docs), 2)), set(range(1, len(docs), 2)))
    rows = Rows.empty()
    for k in (0, 1):
        # half k's rows come from taggers that never saw half k
        other = None if folds is None else folds[1 - k]
        part = [docs[i] for i in sorted(halves[k])]
        with models_from(other):
            got = collect(part)
        idx = sorted(halves[k])
        got.docs = [idx[d] for d in got.docs]
        rows.x += got.x
        rows.y += got.y
        rows.groups += got.groups
        rows.docs += got.docs
    halves_rows = (split(rows, halves[0]), split(rows, halves[1]))
    models = (fit(halves_rows[0]), fit(halves_rows[1]))
    held = []
    for k in (0, 1):
        x, y, g = halves_rows[1 - k].arrays()
        held.append(top_choices(models[k].predict(x), y, g))
    choices = np.vstack(held)
    cal = calibrate(choices)
    # the calibration error on held-out choices: each half's map judged on the other half
    probs = np.concatenate([np.interp(held[1 - k][:, 0], *calibrate(held[k])) for k in (0, 1)])
    choices = np.vstack([held[1], held[0]])
    answerable = choices[:, 2] > 0
    final = fit(rows)
    write(export(final, cal), out)
    if folds is not None:
        for k in (0, 1):
            write(export(models[k], cal), folds[k] / out.name)
    x, y, g = rows.arrays()
    return {
        "lang": lang,
        "queries": len(rows.groups),
        "candidates": int(x.shape[0]),
        "heldout_top_right_pct": round(100 * float(choices[answerable, 1].mean()), 1),
        "heldout_ece": round(ece(probs, choices[:, 1]), 4),
        "out_of_fold_taggers": folds is not None,
    }
