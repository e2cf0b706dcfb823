"""The evidence layer's share of analysis time, and its growth with text length.

    python benchmarks/evidence_share.py [--data ../shared/data] [--limit N]

Runs ``analyze()`` on the gnad articles with every component of ``PIPELINE`` timed
(``time.process_time``): the evidence components (``evidence.*``, whatever their stage)
against the whole analysis (segmentation included). Then the same for one article
repeated 1, 2, 4 and 8 times: the evidence time per character should stay flat.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from sayso import pipeline
from sayso.extract.component import Component, Work


def _timed(c: Component, spent: dict[str, float]) -> Component:
    def run(w: Work) -> None:
        t0 = time.process_time()
        c.run(w)
        spent[c.name] += time.process_time() - t0

    return replace(c, run=run)


def _measure(texts: list[str], spent: dict[str, float]) -> tuple[float, float]:
    """(total, evidence) CPU seconds for analysing ``texts``."""
    original = pipeline.PIPELINE
    pipeline.PIPELINE = tuple(_timed(c, spent) for c in original)
    try:
        spent.clear()
        t0 = time.process_time()
        for t in texts:
            pipeline.analyze(t, "de")
        total = time.process_time() - t0
    finally:
        pipeline.PIPELINE = original
    evidence = sum(v for k, v in spent.items() if k.startswith("evidence."))
    return total, evidence


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=Path("../shared/data"))
    p.add_argument("--limit", type=int, default=514)
    args = p.parse_args()
    with (args.data / "gnad" / "articles.csv").open(encoding="utf-8", newline="") as f:
        texts = [text for _, text in csv.reader(f, delimiter=";", quotechar="'")][: args.limit]
    spent: dict[str, float] = defaultdict(float)
    pipeline.analyze(texts[0], "de")  # models loaded outside the measurement
    total, evidence = _measure(texts, spent)
    print(f"{len(texts)} gnad articles: analysis {total:.2f} s CPU, evidence layer "
          f"{evidence:.2f} s ({100 * evidence / total:.1f} %)")  # fmt: skip
    for name, s in sorted(spent.items(), key=lambda x: -x[1]):
        if name.startswith("evidence."):
            print(f"  {name:45} {s:.3f} s")
    base = max(texts, key=len)
    print("one article repeated: chars, evidence ms, evidence µs per char")
    for k in (1, 2, 4, 8):
        text = "\n\n".join([base] * k)
        _, ev = _measure([text], spent)
        print(f"  x{k}: {len(text):7d} {1000 * ev:8.1f} {1e6 * ev / len(text):6.2f}")


if __name__ == "__main__":
    main()
