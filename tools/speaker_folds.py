"""The 2-fold check of the speaker ranker: train on one half of train, measure on the other.

    python tools/speaker_folds.py FOLDS [--lang de|en] [--data DIR]

``FOLDS`` is the folder ``sayso train --folds FOLDS`` filled: ``<lang>A`` holds the
taggers and the ranker trained on the even train documents, ``<lang>B`` those of the odd
ones. Each half is scored with the other half's models, once with the ranker and once
without it (the rules alone), on the corpus metric and on the gold quotations (mention
accuracy); the figures are summed over both halves.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import sayso
from sayso.eval import oracle
from sayso.eval.corpus import GoldDoc
from sayso.eval.data import data_root
from sayso.eval.metrics import run_system
from sayso.eval.suites import CORPORA
from sayso.model import Analysis
from sayso.settings import DEFAULT
from sayso.tagging.train_speakers import models_from

KEYS = {
    "wikinews-de": ("speaker_f1", "joint_f1", "messages_f1"),
    "polnear": ("source_overlap_f1", "attribution_overlap_f1"),
}


def _without_ranker(folder: Path, tmp: Path) -> Path:
    out = tmp / (folder.name + "-rules")
    out.mkdir(exist_ok=True)
    for f in folder.iterdir():
        if ".speaker." not in f.name:
            shutil.copy(f, out / f.name)
    return out


RANKED = replace(DEFAULT, speakers=replace(DEFAULT.speakers, ranker=True))


def _ranked(doc: GoldDoc) -> Analysis:
    return sayso.analyze(doc.text, lang=doc.lang, settings=RANKED)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folds", type=Path)
    ap.add_argument("--lang", choices=["de", "en"], default="de")
    ap.add_argument("--data", type=Path, default=None)
    args = ap.parse_args()
    root = data_root(args.data)
    corpus = "wikinews-de" if args.lang == "de" else "polnear"
    spec = CORPORA[corpus]
    docs = spec.read(root / ("wikinews-de" if args.lang == "de" else "polnear") / "train")
    halves = (docs[0::2], docs[1::2])
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for variant in ("rules", "ranker"):
            analyses, gold, right, n = [], [], 0, 0
            for k, name in ((0, "A"), (1, "B")):
                folder = args.folds / f"{args.lang}{name}"
                if variant == "rules":
                    folder = _without_ranker(folder, Path(tmp))
                test = halves[1 - k]
                with models_from(folder):
                    analyses += run_system(test, _ranked)
                    rep = oracle.evaluate(test)
                gold += test
                right += rep.right
                n += rep.with_speaker
            scores = spec.score(gold, [spec.view(a) for a in analyses]).metrics()
            row = {key: scores[key] for key in KEYS[corpus]}
            row["oracle_mention_accuracy"] = round(100.0 * right / max(n, 1), 1)
            out[variant] = row
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
