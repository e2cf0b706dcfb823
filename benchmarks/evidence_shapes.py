"""The evidence layer's share of analysis time, and its growth with text length.

    python benchmarks/evidence_shapes.py [--size 20000] [--steps 4] [--repeat 2]

For each text shape at sizes n, 2n, 4n, 8n: the CPU seconds of the whole analysis, of the
evidence layer (every component named ``evidence.*``: actors and chains, relays, framing,
confirmation, disputes, contradictions, and the evidence steps that propose or filter
drafts), its share of the total, and the evidence time's ratio per doubling (linear: about
2; the goal is at most 2.3). The shapes are texts written for this file: news paragraphs
with relays, Konjunktiv continuations, "Demnach" sentences and confirmation remarks;
hearsay sentences; one speaker quoted again and again with remarks about the reports.
Repeated text is cheap for the taggers (a word's score rows are shared), so these shapes
overstate the evidence layer's share; ``--data`` also times real articles (gnad, read from
the data root at run time), the share that matters. A benchmark that prints figures, not a
timed test.
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Callable
from dataclasses import replace

import sayso
import sayso.pipeline
from adversarial import _fill  # the same text filler as the adversarial shapes (this folder)
from sayso.extract.component import Component, Work

SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "relay_news_de": (
        "de",
        lambda n: _fill(
            lambda k: (
                f"Die Zeitung Kurier berichtet, der Minister {k} habe seinem Kollegen gesagt, "
                "die Rakete sei abgefangen worden. Die Lage sei ernst. Demnach sei ein "
                "Angriff geplant. Eine Bestätigung des Treffens durch das Ministerium gab es "
                "zunächst nicht. „Wir geben nicht nach“, sagte der Sprecher der Zeitung "
                "Le Monde.\n\n"
            ),
            n,
        ),
    ),
    "hearsay_de": (
        "de",
        lambda n: _fill(
            lambda k: (
                f"Laut Polizei wurde der Mann {k} festgenommen. Er soll zuvor gedroht haben. "
                "Angeblich soll er auch geschossen haben. Die Berichte sind frei erfunden, "
                "sagte sein Anwalt.\n\n"
            ),
            n,
        ),
    ),
    "relay_news_en": (
        "en",
        lambda n: _fill(
            lambda k: (
                f"Rebels said they had shot down jet number {k}. The claim could not be "
                "independently verified. The governor told CNN's Jake Tapper that he would "
                "not resign, without offering any evidence. The ministry has denied this.\n\n"
            ),
            n,
        ),
    ),
}


class Clock:
    """CPU seconds spent in the evidence components."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, c: Component) -> Component:
        inner = c.run

        def run(work: Work) -> None:
            started = time.process_time()
            inner(work)
            self.seconds += time.process_time() - started

        return replace(c, run=run)


def measure(lang: str, text: str, repeat: int, clock: Clock) -> tuple[float, float]:
    """(total, evidence) CPU seconds, the best of ``repeat`` runs."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        clock.seconds = 0.0
        started = time.process_time()
        sayso.analyze(text, lang)
        total = time.process_time() - started
        if total < best[0]:
            best = (total, clock.seconds)
    return best


def corpus(data: str, limit: int, clock: Clock) -> tuple[float, float, int]:
    """(total, evidence) CPU seconds over the first ``limit`` gnad articles of the data
    root (read at run time, never copied), and their characters."""
    import csv
    import os
    import sys

    csv.field_size_limit(sys.maxsize)
    path = os.path.join(data, "gnad", "articles.csv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r[1] for r in itertools.islice(csv.reader(f, delimiter=";", quotechar="'"), limit)]
    total = ev = 0.0
    for text in rows:
        t, e = measure("de", text, 1, clock)
        total, ev = total + t, ev + e
    return total, ev, sum(map(len, rows))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=20_000, help="smallest size n (characters)")
    ap.add_argument("--steps", type=int, default=4, help="sizes n, 2n, ... (4: up to 8n)")
    ap.add_argument("--repeat", type=int, default=2, help="runs per size (the best counts)")
    ap.add_argument("--data", default="", help="data root: also time the gnad articles")
    ap.add_argument("--articles", type=int, default=200, help="gnad articles to time")
    args = ap.parse_args()
    clock = Clock()
    sayso.pipeline.PIPELINE = tuple(
        clock.wrap(c) if c.name.startswith("evidence.") else c for c in sayso.pipeline.PIPELINE
    )
    for lang, make in SHAPES.values():  # load the models before timing
        sayso.analyze(make(3000), lang)
    sizes = [args.size * 2**k for k in range(args.steps)]
    print(f"{'shape':<16}{'chars':>10}{'total':>9}{'evidence':>10}{'share':>8}")
    worst_share, worst_ratio = 0.0, 0.0
    for name, (lang, make) in SHAPES.items():
        evid = []
        for n in sizes:
            total, ev = measure(lang, make(n), args.repeat, clock)
            share = ev / total if total else 0.0
            worst_share = max(worst_share, share)
            evid.append(ev)
            print(f"{name:<16}{n:>10,}{total:>8.2f}s{ev:>9.2f}s{share:>7.0%}", flush=True)
        ratios = [b / a if a > 0 else float("inf") for a, b in itertools.pairwise(evid)]
        worst_ratio = max([worst_ratio, *ratios[-1:]])
        print(f"{'':<16}evidence ratios per doubling: " + " ".join(f"{r:.2f}" for r in ratios))
    if args.data:
        total, ev, chars = corpus(args.data, args.articles, clock)
        print(
            f"gnad ({args.articles} articles, {chars:,} chars): total {total:.2f}s, "
            f"evidence {ev:.2f}s, share {ev / total:.0%}"
        )
    print(
        f"worst evidence share: {worst_share:.0%} (goal <= 25%); "
        f"worst last ratio: {worst_ratio:.2f} (goal <= 2.3)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
