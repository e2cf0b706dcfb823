"""Train the bundled taggers from the gold train splits (``sayso train``).

Gold role spans are projected onto sayso's own tokens (a token takes a role when its
characters overlap the gold span), so the taggers learn in the tokenisation they run on.
Where quotations nest (a direct fragment inside indirect speech), the outer one labels the
quote layer; the pipeline derives nested direct statements from the quotation marks.
"""

from __future__ import annotations

import bisect
import json
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

from sayso.eval.corpus import GoldDoc, GoldQuote
from sayso.lang import load
from sayso.model import Span
from sayso.tagging.features import (
    FeatureCache,
    medium_features,
    sentence_features,
    sentence_flags,
    statement_features,
    whole_sentence_features,
)
from sayso.tagging.tagger import (
    LAYERS,
    MEDIUM_LAYER,
    meta_path,
    model_path,
    statement_window,
)
from sayso.text.segment import Segmented, segment

ROLE_TAGS = {"speaker": "S", "cue": "C", "addressee": "A"}


@dataclass(frozen=True, slots=True)
class TrainParams:
    """L-BFGS settings; ``per_layer`` overrides (c1, c2) for single layers."""

    c1: float = 0.1
    c2: float = 0.3
    max_iterations: int = 200
    per_layer: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    def for_layer(self, layer: str) -> dict[str, object]:
        c1, c2 = self.per_layer.get(layer, (self.c1, self.c2))
        return {
            "c1": c1,
            "c2": c2,
            "max_iterations": self.max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": 2,
        }


#: the parameters of the bundled models, chosen on the dev splits; ``sayso train`` uses them
DEFAULT_PARAMS: dict[str, TrainParams] = {
    "de": TrainParams(0.1, 0.3, 200, {"roles": (0.02, 3.0), "frame": (0.02, 3.0)}),
    "en": TrainParams(0.1, 1.0, 150),
}


def code_revision() -> str:
    """Which code trained a model: ``git <commit>`` (``+dirty`` with uncommitted changes
    to the package) in a git checkout, else ``sayso <version>``. A model depends on the
    feature code and on the lexicons the features read, so this is what reproduces it."""
    import subprocess

    import sayso

    here = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(
            ["git", "-C", str(here), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(here), "status", "--porcelain", "--untracked-files=no", "."],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return f"sayso {sayso.__version__}"
    return f"git {head}" + ("+dirty" if dirty else "")  # fmt: skip


def _token_range(seg: Segmented, span: Span) -> range:
    a = bisect.bisect_right(seg.ends, span.start)
    b = bisect.bisect_left(seg.starts, span.end)
    return range(a, b)


def _bio(labels: list[str], idx: Sequence[int], tag: str, overwrite: bool = False) -> None:
    prev = -2
    for i in idx:
        if labels[i] != "O" and not overwrite:
            prev = -2
            continue
        labels[i] = ("I-" if i == prev + 1 else "B-") + tag
        prev = i


def doc_labels(seg: Segmented, quotes: Sequence[GoldQuote]) -> list[str]:
    """Content labels of the sentence-level layer (the outer quotation wins)."""
    labels = ["O"] * len(seg.words)
    by_size = sorted(quotes, key=lambda q: -sum(len(s) for s in q.content))
    for q in by_size:
        tag = q.form.value if q.form is not None else "q"
        idx = sorted({i for s in q.content for i in _token_range(seg, s)})
        _bio(labels, idx, tag)
    return labels


WHOLE_FORMS = ("reported", "free_indirect", "indirect_free_indirect")


def whole_sentence_labels(seg: Segmented, quotes: Sequence[GoldQuote]) -> dict[int, str]:
    """Training labels of the whole-sentence classifier: a sentence mostly covered by one
    reported or free indirect quotation takes its form; a sentence without any quotation
    is "O"; sentences with other quotations are left out (the token tagger handles them)."""
    cover: dict[int, dict[str, int]] = {}
    for q in quotes:
        form = q.form.value if q.form is not None else "q"
        for sp in q.content:
            for i in _token_range(seg, sp):
                counts = cover.setdefault(seg.sentence_of[i], {})
                counts[form] = counts.get(form, 0) + 1
    out: dict[int, str] = {}
    for s, (a, b) in enumerate(seg.sentences):
        c = cover.get(s)
        if not c:
            out[s] = "O"
            continue
        form, n = max(c.items(), key=lambda kv: kv[1])
        if form in WHOLE_FORMS and n >= 0.6 * (b - a):
            out[s] = form
    return out


def statement_labels(
    seg: Segmented, q: GoldQuote, window: range
) -> tuple[list[str], list[str]] | None:
    """Role and frame labels of one gold quotation over its window."""
    n = len(window)
    a = window.start
    roles = ["O"] * n
    frame = ["O"] * n
    for role, t in ROLE_TAGS.items():
        idx = sorted({i - a for s in q.roles[role] for i in _token_range(seg, s) if i in window})
        _bio(roles, idx, t)
    fidx = sorted({i - a for s in q.roles["frame"] for i in _token_range(seg, s) if i in window})
    _bio(frame, fidx, "F")
    return roles, frame


def train(
    docs: Sequence[GoldDoc],
    lang: str,
    out_dir: Path | None = None,
    params: TrainParams | None = None,
    verbose: bool = False,
    layers: Sequence[str] = LAYERS,
) -> dict[str, object]:
    """Train the tagger ``layers`` for ``lang`` (default: all); returns the metadata written
    beside the models."""
    profile = load(lang)
    cache = FeatureCache(profile)
    trainers = {layer: pycrfsuite.Trainer(verbose=verbose) for layer in (*LAYERS, MEDIUM_LAYER)}
    n_medium = 0
    medium_by_form: dict[str, Counter[str]] = {}
    n_seq = 0
    n_stmt = 0
    for doc in docs:
        seg = segment(doc.text, profile.abbreviations, profile.months)
        labels = doc_labels(seg, doc.quotes)
        flags = sentence_flags(cache, seg)
        feats = []
        for s, (a, b) in enumerate(seg.sentences):
            f = sentence_features(cache, seg, s, flags)
            feats.append(f)
            trainers["quote"].append(pycrfsuite.ItemSequence(f), labels[a:b])
            n_seq += 1
        for s, label in whole_sentence_labels(seg, doc.quotes).items():
            prev = s > 0 and any(labels[i] != "O" for i in range(*seg.sentences[s - 1]))
            xs = whole_sentence_features(cache, seg, s, flags, prev)
            trainers["whole"].append(pycrfsuite.ItemSequence([xs]), [label])
        for q in doc.quotes:
            content = sorted({i for s in q.content for i in _token_range(seg, s)})
            if not content:
                continue
            window = statement_window(seg, content)
            span = range(seg.sentences[window[0]][0], seg.sentences[window[-1]][1])
            got = statement_labels(seg, q, span)
            if got is None:
                continue
            form = q.form.value if q.form is not None else "q"
            xseq = pycrfsuite.ItemSequence(
                statement_features(cache, seg, feats, window, frozenset(content), form)
            )
            trainers["roles"].append(xseq, got[0])
            trainers["frame"].append(xseq, got[1])
            n_stmt += 1
            if q.medium is not None:
                cue = sorted({i for s in q.roles["cue"] for i in _token_range(seg, s)})
                frame = sorted({i for s in q.roles["frame"] for i in _token_range(seg, s)})
                mf = medium_features(cache, seg, form, content, cue, frame)
                trainers[MEDIUM_LAYER].append(pycrfsuite.ItemSequence([mf]), [q.medium.value])
                n_medium += 1
        for q in doc.quotes:
            if q.form is not None and q.medium is not None:
                medium_by_form.setdefault(q.form.value, Counter())[q.medium.value] += 1
    params = params or DEFAULT_PARAMS[lang]
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)  # crfsuite fails late and quietly on none
    timings = {}
    if n_medium and MEDIUM_LAYER not in layers and layers == LAYERS:
        layers = (*layers, MEDIUM_LAYER)
    for layer in layers:
        t0 = time.perf_counter()
        trainers[layer].set_params(params.for_layer(layer))
        path = (
            model_path(lang, layer) if out_dir is None else out_dir / model_path(lang, layer).name
        )
        trainers[layer].train(str(path))
        timings[layer] = round(time.perf_counter() - t0, 1)
    meta: dict[str, object] = {
        "lang": lang,
        "documents": len(docs),
        "sentences": n_seq,
        "statements": n_stmt,
        "params": {layer: params.for_layer(layer) for layer in layers},
        "train_seconds": timings,
        "medium_by_form": {f: c.most_common(1)[0][0] for f, c in medium_by_form.items()},
        "trained_at": dict.fromkeys(layers, code_revision()),
    }
    mpath = meta_path(lang) if out_dir is None else out_dir / meta_path(lang).name
    mpath.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", "utf-8")
    return meta
