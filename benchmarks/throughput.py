"""Throughput and memory of ``sayso.analyze()`` on real German news, next to spaCy's blank
German tokenizer on the same texts in the same run.

    python benchmarks/throughput.py [--data ../shared/data/gnad/articles.csv] [--repeat 3]

Prints tokens/s and articles/s for both (best of ``--repeat`` passes each), their ratio
(goal >= 0.25) and the peak RSS, plus
RSS after each pass over the corpus: it must stay flat (no growth with the number of
articles). A benchmark that prints figures, not a timed test.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

import sayso
from sayso.text.segment import TOKEN_RE

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "gnad" / "articles.csv"


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
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) > 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus")
    args = ap.parse_args()
    texts = load_texts(args.data)
    n_tokens = sum(len(TOKEN_RE.findall(t)) for t in texts)
    print(f"corpus: {len(texts)} articles, {n_tokens} tokens, {sum(map(len, texts))} chars")

    import spacy

    nlp = spacy.blank("de")
    spacy_passes = []
    for _ in range(args.repeat):  # best of N, like analyze() below: the machine is noisy
        t0 = time.perf_counter()
        for t in texts:
            nlp.make_doc(t)
        spacy_passes.append(time.perf_counter() - t0)
    spacy_s = min(spacy_passes)

    sayso.analyze(texts[0], "de")  # load models and language data once
    base_rss = rss_mb()
    passes = []
    statements = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for t in texts:
            statements += len(sayso.analyze(t, "de").statements)
        passes.append(time.perf_counter() - t0)
        print(f"  pass {len(passes)}: {passes[-1]:.2f} s, RSS {rss_mb():.0f} MB")
    sayso_s = min(passes)
    # the same without the evidence layer (Settings(evidence=False)), for batch jobs that
    # only need the statements: what the layer costs
    from sayso.settings import Settings

    bare = Settings(evidence=False)
    bare_passes = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for t in texts:
            sayso.analyze(t, "de", settings=bare)
        bare_passes.append(time.perf_counter() - t0)
    bare_s = min(bare_passes)

    spacy_tps = n_tokens / spacy_s
    sayso_tps = n_tokens / sayso_s
    cold = (n_tokens / passes[0]) / (n_tokens / spacy_passes[0])
    n = len(texts)
    print(f"spaCy blank('de') tokenizer: {spacy_tps:,.0f} tokens/s, {n / spacy_s:,.1f} articles/s")
    print(f"sayso.analyze():             {sayso_tps:,.0f} tokens/s, {n / sayso_s:,.1f} articles/s")
    print(f"ratio analyze/tokenizer:     {sayso_tps / spacy_tps:.3f} (goal >= 0.25), best passes")
    bare_tps = n_tokens / bare_s
    print(
        f"without the evidence layer:  {bare_tps:,.0f} tokens/s, ratio {bare_tps / spacy_tps:.3f}"
        f" (the layer takes {100 * (1 - bare_s / sayso_s):.0f} % of analyze())"
    )
    print(f"ratio on the first passes:   {cold:.3f} (both caches cold)")
    print(f"statements per pass:         {statements // args.repeat}")
    print(
        f"RSS after warm-up {base_rss:.0f} MB, after {args.repeat} passes {rss_mb():.0f} MB, "
        f"peak {peak_mb():.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
