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
        meta = train(docs, lang, out_dir=args.out, params=params)
        print(json.dumps(meta, indent=2, sort_keys=True))
    return 0
