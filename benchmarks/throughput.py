"""Throughput and memory of ``sayso.analyze()`` on German news the process has never
analysed, next to spaCy's blank German tokenizer on the same texts in the same run.

    python benchmarks/throughput.py [--data ../shared/data | gnad/articles.csv] [--rounds 7]
    python benchmarks/throughput.py --warm    # the old figure: re-reads of seen texts
    python benchmarks/throughput.py --ranker on   # with the speaker ranker (or off)

The corpus is cut into ``--rounds + 1`` disjoint parts. The first warms both sides up
(models, language data, the compiled decoder; caches filled with that part's words); each
round then takes a part neither side has seen: spaCy and ``analyze()`` on each article of
its first half in turn, spaCy and ``analyze()`` with ``Settings(evidence=False)`` on each
of its second half, every call timed. So drift of a shared machine hits both sides of each
ratio alike, and no word's features were memoised by an earlier pass over the same text.
``--warm`` warms up on the whole corpus instead, so the rounds re-read texts both sides
have seen (every word memoised: the figure the benchmark used to give).
Prints each round's ratios, their median and spread (min–max), by wall clock and by CPU
time, tokens/s and articles/s over all rounds, and the peak RSS. A benchmark that prints
figures, not a timed test.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

#: $SAYSO_DATA (a data folder) when set, as the other tools read it; else the checkout's sibling
_SIBLING = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT = Path(os.environ.get("SAYSO_DATA") or _SIBLING)
# a long run: load the compiled decoder during warm-up, not in the first timed round
os.environ.setdefault("SAYSO_JIT", "1")

import sayso  # noqa: E402  (after SAYSO_JIT is set)
from sayso.settings import Settings  # noqa: E402
from sayso.text.segment import TOKEN_RE  # noqa: E402


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc), falling back to the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_mb()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_texts(path: Path) -> list[str]:
    """The articles of the gnad CSV ``path`` (a data folder means its gnad/articles.csv)."""
    if path.is_dir():
        path = path / "gnad" / "articles.csv"
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) > 1]


@dataclass
class Timing:
    wall: float
    cpu: float


def timed(run: Callable[[str], object], texts: Sequence[str]) -> Timing:
    w0, c0 = time.perf_counter(), time.process_time()
    for t in texts:
        run(t)
    return Timing(time.perf_counter() - w0, time.process_time() - c0)


def side_by_side(
    one: Callable[[str], object], other: Callable[[str], object], texts: Sequence[str]
) -> tuple[Timing, Timing]:
    """Both sides on each text in turn, each timed (drift hits both alike)."""
    a, b = Timing(0.0, 0.0), Timing(0.0, 0.0)
    clock, cpu = time.perf_counter, time.process_time
    for t in texts:
        w0, c0 = clock(), cpu()
        one(t)
        w1, c1 = clock(), cpu()
        other(t)
        w2, c2 = clock(), cpu()
        a.wall += w1 - w0
        a.cpu += c1 - c0
        b.wall += w2 - w1
        b.cpu += c2 - c1
    return a, b


def spread(xs: Sequence[float], fmt: str = ".3f") -> str:
    return f"{statistics.median(xs):{fmt}} ({min(xs):{fmt}}–{max(xs):{fmt}})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--rounds", type=int, default=7, help="timed parts after the warm-up part")
    ap.add_argument(
        "--warm", action="store_true", help="warm up on every text: time re-reads (the old figure)"
    )
    ap.add_argument(
        "--ranker",
        choices=("on", "off"),
        help="switch the speaker ranker on or off (default: as Settings has it)",
    )
    args = ap.parse_args()
    texts = load_texts(args.data)
    count = {t: len(TOKEN_RE.findall(t)) for t in texts}
    n_tokens = sum(count.values())
    print(f"corpus: {len(texts)} articles, {n_tokens} tokens, {sum(map(len, texts))} chars")

    import spacy

    nlp = spacy.blank("de")
    base = Settings()
    if args.ranker is not None:
        ranked = replace(base.speakers, ranker=args.ranker == "on")
        base = replace(base, speakers=ranked)
    print(f"speaker ranker: {'on' if base.speakers.ranker else 'off'}")
    bare = replace(base, evidence=False)

    def full(t: str) -> object:
        return sayso.analyze(t, "de", settings=base)

    def lean(t: str) -> object:
        return sayso.analyze(t, "de", settings=bare)

    parts = [texts[k :: args.rounds + 1] for k in range(args.rounds + 1)]
    warmup = texts if args.warm else parts[0]
    t0 = time.perf_counter()
    timed(nlp.make_doc, warmup)
    timed(full, warmup if args.warm else warmup[::2])
    timed(lean, warmup if args.warm else warmup[1::2])
    print(
        f"warm-up: {len(warmup)} articles in {time.perf_counter() - t0:.1f} s, "
        f"RSS {rss_mb():.0f} MB; {'re-reading them' if args.warm else 'then unseen text'}"
    )
    rounds = parts[1:]
    ratios: dict[str, list[float]] = {"full": [], "bare": [], "full cpu": [], "bare cpu": []}
    rates: dict[str, list[float]] = {"spacy": [], "full": [], "bare": []}  # tokens/s a round
    # tokens, articles, seconds of each side over all rounds
    totals = {name: [0, 0, 0.0] for name in rates}
    for k, part in enumerate(rounds, 1):
        line = [f"  round {k}:"]
        for name, run, half in (("full", full, part[::2]), ("bare", lean, part[1::2])):
            toks = sum(count[t] for t in half)
            sp, so = side_by_side(nlp.make_doc, run, half)
            ratios[name].append(sp.wall / so.wall)
            ratios[f"{name} cpu"].append(sp.cpu / so.cpu)
            for side, took in (("spacy", sp), (name, so)):
                rates[side].append(toks / took.wall)
                got = totals[side]
                got[0] += toks
                got[1] += len(half)
                got[2] += took.wall
            line.append(f"{name} {ratios[name][-1]:.3f} ({toks} tokens)")
        print(" ".join(line) + f", RSS {rss_mb():.0f} MB")

    what = "re-read" if args.warm else "unseen"
    print(f"ratios per round on {what} text, median (min–max):")
    print(f"  analyze()/tokenizer:                  {spread(ratios['full'])}  wall clock")
    print(f"                                        {spread(ratios['full cpu'])}  CPU time")
    print(f"  analyze(evidence=False)/tokenizer:    {spread(ratios['bare'])}  wall clock")
    print(f"                                        {spread(ratios['bare cpu'])}  CPU time")
    print("throughput over all rounds (min–max of the rounds):")
    for name, label in (
        ("spacy", "spaCy blank('de') tokenizer"),
        ("full", "sayso.analyze()"),
        ("bare", "analyze(evidence=False)"),
    ):
        toks, arts, secs = totals[name]
        print(
            f"  {label:<29} {toks / secs:,.0f} tokens/s ({min(rates[name]):,.0f}–"
            f"{max(rates[name]):,.0f}), {arts / secs:,.1f} articles/s"
        )
    print(f"RSS now {rss_mb():.0f} MB, peak {peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
