"""``sayso train``: rebuild the bundled tagger models from the gold train splits."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sayso.eval.data import data_root


def register(sub: Any) -> None:
    p = sub.add_parser(
        "train",
        help="train the bundled taggers from the train splits",
        description="Train the CRF taggers shipped in sayso/models from the gold train "
        "splits (German: wikinews-de/train, English: polnear/train).",
    )
    p.add_argument("--lang", choices=["de", "en"], action="append", help="default: both")
    p.add_argument("--data", type=Path, default=None, help="corpus root (default: ../shared/data)")
    p.add_argument("--out", type=Path, default=None, help="write models here instead")
    p.add_argument("--c1", type=float, default=None, help="L1 penalty (default: per language)")
    p.add_argument("--c2", type=float, default=None, help="L2 penalty (default: per language)")
    p.add_argument("--iterations", type=int, default=None, help="L-BFGS iterations")
    p.add_argument(
        "--speakers-only",
        action="store_true",
        help="train only the speaker ranker (the taggers stay as they are)",
    )
    p.add_argument(
        "--folds",
        type=Path,
        default=None,
        help="keep (and reuse) the taggers trained on each half of train here; the "
        "ranker learns from each half with the other half's taggers (default: a "
        "temporary folder)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from sayso.eval import polnear, wikinews
    from sayso.tagging.train import DEFAULT_PARAMS, train

    root = data_root(args.data)
    for lang in args.lang or ["de", "en"]:
        if lang == "de":
            docs = wikinews.read_corpus(root / "wikinews-de" / "train")
        else:
            docs = polnear.read_corpus(root / "polnear" / "train")
        params = DEFAULT_PARAMS[lang]
        if args.c1 is not None or args.c2 is not None:
            params = replace(
                params,
                c1=params.c1 if args.c1 is None else args.c1,
                c2=params.c2 if args.c2 is None else args.c2,
                per_layer={},
            )
        if args.iterations is not None:
            params = replace(params, max_iterations=args.iterations)
        if not args.speakers_only:
            meta = train(docs, lang, out_dir=args.out, params=params)
            print(json.dumps(meta, indent=2, sort_keys=True))
        print(json.dumps(_train_speakers(docs, lang, args), indent=2, sort_keys=True))
    return 0


def _train_speakers(docs: list[Any], lang: str, args: argparse.Namespace) -> dict[str, Any]:
    import tempfile

    from sayso.extract.ranker import model_file
    from sayso.tagging.train_speakers import fold_taggers, train_ranker

    name = Path(model_file(lang)).name
    out = (args.out / name) if args.out is not None else Path(model_file(lang))
    with tempfile.TemporaryDirectory() as tmp:
        root = args.folds if args.folds is not None else Path(tmp)
        folds = fold_taggers(docs, lang, root)
        return train_ranker(docs, lang, folds, out)
