"""Train the attribution-confidence model (``sayso.extract.confidence``) and report it.

    python tools/train_confidence.py [--data ../shared/data] [--write]

For each language, sayso analyses the train split (wikinews-de for German, PolNeAR for
English) with the ranker off; each statement is labelled right when a gold quotation shares
its content tokens and its speaker tokens (or both have no speaker). A logistic regression
(Newton's method, light L2) is fitted on half of train and measured on the other half
(2-fold), then fitted on all of train and measured on dev: the expected calibration error
(10 bins), the area under the ROC curve, and the mean confidence of right and wrong
statements. ``--write`` stores the weights in ``src/sayso/models/confidence.v1.json``.

``--folds DIR`` (the folder ``sayso train --folds DIR`` filled: ``<lang>A`` trained on the
even train documents, ``<lang>B`` on the odd ones) analyses each train document with the
taggers of the *other* half. The shipped taggers learned from all of train, so on train
they are right more often than on any new article (German: 79 % of statements against 69 %
on dev), and a model fitted on their in-sample output is overconfident on unseen text;
out-of-fold analyses have the error rate of unseen text.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

import sayso
from sayso.eval import polnear, wikinews
from sayso.eval.align import TokenIndex
from sayso.eval.attribution import gold_triples, system_triples
from sayso.eval.corpus import GoldDoc
from sayso.extract.confidence import FEATURES, MODEL_FILE, features
from sayso.settings import DEFAULT
from sayso.tagging.train_speakers import models_from

ROOT = Path(__file__).resolve().parents[1]
SPLITS = {"de": ("wikinews-de", wikinews.read_corpus), "en": ("polnear", polnear.read_corpus)}


def labelled(docs: list[GoldDoc], lang: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and each statement's document number."""
    xs, ys, ds = [], [], []
    for k, doc in enumerate(docs):
        a = sayso.analyze(doc.text, lang, settings=DEFAULT)
        index = TokenIndex(doc.tokens)
        gold = [(set(g[0]), set(g[2])) for g in gold_triples(doc, index)]
        for s, (src_ids, _cue, content_ids) in zip(
            a.statements, system_triples(a, index), strict=True
        ):
            src, content = set(src_ids), set(content_ids)
            right = any(
                content & g_content and (bool(src & g_src) or (not src and not g_src))
                for g_src, g_content in gold
            )
            xs.append(features(s, a.text))
            ys.append(float(right))
            ds.append(k)
    return np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64), np.asarray(ds)


def out_of_fold(
    docs: list[GoldDoc], lang: str, folds: Path
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``labelled`` with each document analysed by the taggers of the half that did not
    learn from it (even documents by ``<lang>B``, odd ones by ``<lang>A``)."""
    parts = []
    for parity, half in ((0, "B"), (1, "A")):
        picked = [k for k in range(len(docs)) if k % 2 == parity]
        with models_from(folds / f"{lang}{half}"):
            x, y, d = labelled([docs[k] for k in picked], lang)
        parts.append((x, y, np.asarray(picked)[d.astype(int)]))
    return tuple(np.concatenate(p) for p in zip(*parts, strict=True))  # type: ignore[return-value]


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method (an intercept column, L2 on the weights)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * l2
    reg[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + reg @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def report(name: str, coef: np.ndarray, b: float, x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    p = 1 / (1 + np.exp(-(x @ coef + b)))
    bins = np.minimum((p * 10).astype(int), 9)
    ece = sum(abs(p[bins == k].mean() - y[bins == k].mean()) * (bins == k).mean()
              for k in range(10) if (bins == k).any())  # fmt: skip
    order = np.argsort(p)
    ranks = np.empty(len(p))
    ranks[order] = np.arange(1, len(p) + 1)
    pos = y.sum()
    auc = (ranks[y == 1].sum() - pos * (pos + 1) / 2) / max(pos * (len(y) - pos), 1)
    out = {
        "statements": float(len(y)),
        "right_share": float(y.mean()),
        "ece": float(ece),
        "auc": float(auc),
        "mean_conf_right": float(p[y == 1].mean()) if pos else 0.0,
        "mean_conf_wrong": float(p[y == 0].mean()) if pos < len(y) else 0.0,
    }
    print(f"  {name:14s} " + "  ".join(f"{k} {v:.3f}" for k, v in out.items()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("SAYSO_DATA", str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--data", default=default)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--folds", help="fold taggers of 'sayso train --folds DIR' (out-of-fold)")
    args = ap.parse_args()
    languages: dict[str, dict[str, object]] = {}
    for lang, (corpus, read) in SPLITS.items():
        train = read(Path(args.data) / corpus / "train")
        dev = read(Path(args.data) / corpus / "dev")
        print(f"{lang}: {len(train)} train, {len(dev)} dev documents")
        if args.folds:
            x, y, doc_of = out_of_fold(train, lang, Path(args.folds))
        else:
            x, y, doc_of = labelled(train, lang)
        half = doc_of % 2 == 0  # the folds split documents, not statements
        for k, (fit_on, test_on) in enumerate(((half, ~half), (~half, half))):
            coef, b = fit(x[fit_on], y[fit_on])
            report(f"2-fold train {k + 1}", coef, b, x[test_on], y[test_on])
        coef, b = fit(x, y)
        xd, yd, _ = labelled(dev, lang)
        scores = report("dev", coef, b, xd, yd)
        languages[lang] = {
            "features": list(FEATURES),
            "coef": [round(float(c), 5) for c in coef],
            "intercept": round(b, 5),
            "dev": {k: round(v, 4) for k, v in scores.items()},
        }
    if args.write:
        path = ROOT / "src" / "sayso" / "models" / MODEL_FILE
        doc = {"_doc": "sayso.extract.confidence weights, by tools/train_confidence.py",
               "languages": languages}  # fmt: skip
        path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
