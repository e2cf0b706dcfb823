"""Analysis time on hostile input shapes at sizes n, 2n, 4n, 8n, and the ratio per doubling.

    python benchmarks/adversarial.py [--size 25000] [--steps 4] [--repeat 2] [--only a,b]

Linear time means a ratio of about 2 per doubling; the goal is at most 2.3 on every shape
at 200k–400k characters. Each shape is a text written for this file that repeats one
construction until it has the size asked for: one endless sentence of "dass" clauses,
thousands of distinct speakers, thousands of quote marks or unclosed brackets, and so on.
Times are CPU seconds of the process (best of ``--repeat``), which the machine's other
jobs move far less than wall-clock time. A benchmark that prints figures, not a timed test.
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Callable

import sayso

SYLLABLES = ["ka", "lo", "mi", "ren", "tus", "bel", "dor", "fin", "gra", "hu", "jo", "vek"]


def _name(k: int) -> str:
    """A distinct made-up name for every k ("Kalo Mibel", ...)."""
    out = []
    for _ in range(2):
        word = ""
        for _ in range(3):
            k, r = divmod(k, len(SYLLABLES))
            word += SYLLABLES[r]
        out.append(word.capitalize())
    return " ".join(out)


def _soup(k: int) -> str:
    """A stretch of the fuzzer's word soup (the words the rules key on, marks, brackets)."""
    from random import Random

    words = ("sagte", "soll", "gesagt", "haben", "dass", "laut", "zufolge", "Er", "die")
    words += ("Polizei", ",", ".", ":", "(", ")", "„", "“", "»", "«", '"')
    r = Random(k)
    return " ".join(r.choice(words) for _ in range(40)) + " "


def _fill(unit: Callable[[int], str], size: int) -> str:
    parts, total, k = [], 0, 0
    while total < size:
        piece = unit(k)
        parts.append(piece)
        total += len(piece)
        k += 1
    return "".join(parts)[:size]


SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "dass_chain": (
        "de",
        lambda n: (
            "Anna Berger sagte, "
            + _fill(lambda k: f"dass die Lage {k} ernst sei, ", n)
            + "und ging."
        ),
    ),
    "distinct_speakers_de": (
        "de",
        lambda n: _fill(lambda k: f"„Wir sind bereit“, sagte {_name(k)}. ", n),
    ),
    "distinct_speakers_en": (
        "en",
        lambda n: _fill(lambda k: f'"We are ready," {_name(k)} said. ', n),
    ),
    "many_quote_marks": ("de", lambda n: _fill(lambda k: "„ja“ “nein„ »so« ", n)),
    "unclosed_quotes": ("de", lambda n: _fill(lambda k: "„Wir sind bereit, sagte er ", n)),
    "unclosed_brackets": ("de", lambda n: _fill(lambda k: "Sie sollen (x ", n)),
    "long_sentence": ("de", lambda n: _fill(lambda k: "die Brücke werde saniert und ", n)),
    "many_paragraphs": ("de", lambda n: _fill(lambda k: "Er sagte, es sei gut.\n\n", n)),
    "repeated_soll": ("de", lambda n: _fill(lambda k: "Er soll gesagt haben, sie soll ", n)),
    "according_chain": (
        "en",
        lambda n: _fill(lambda k: f"according to {_name(k)}, ", n) + "the bridge is safe.",
    ),
    "laut_chain": ("de", lambda n: _fill(lambda k: f"laut {_name(k)} ", n) + "sei es gut."),
    "that_chain": ("en", lambda n: "She said " + _fill(lambda k: "that he said ", n) + "no."),
    "dash_token": ("de", lambda n: "Er sagte: " + "-" * n),
    "bracket_token": ("de", lambda n: "Er soll " + "(" * n + " gesagt haben."),
    "report_sentences": (
        "de",
        lambda n: _fill(lambda k: "Er sagte, es sei gut. Das berichtet der Spiegel. ", n),
    ),
    "demnach_chain": ("de", lambda n: _fill(lambda k: "Demnach sei es gut. ", n)),
    "pronoun_speakers": ("de", lambda n: _fill(lambda k: "„Ja“, sagte er. „Nein“, sagte sie. ", n)),
    "colon_quotes": ("de", lambda n: _fill(lambda k: f"{_name(k)} sagte: „Wir gehen.“ ", n)),
    "word_soup": ("de", lambda n: _fill(lambda k: _soup(k), n)),
    "news": (
        "de",
        lambda n: _fill(
            lambda k: (
                f"„Die Brücke wird saniert“, sagte {_name(k % 40)}. "
                f"{_name(k % 40)} erklärte, die Lage sei ernst.\n\n"
            ),
            n,
        ),
    ),
}


def measure(lang: str, text: str, repeat: int) -> float:
    """CPU seconds of this process, the best of ``repeat`` runs: other jobs on a shared
    machine move the wall-clock time by a factor of two or three, the CPU time far less."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        sayso.analyze(text, lang)
        best = min(best, time.process_time() - started)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=25_000, help="smallest size n (characters)")
    ap.add_argument("--steps", type=int, default=4, help="sizes n, 2n, ... (4: up to 8n)")
    ap.add_argument("--only", default="", help="comma-separated shape names")
    ap.add_argument("--repeat", type=int, default=2, help="runs per size (the best counts)")
    args = ap.parse_args()
    names = [s for s in args.only.split(",") if s] or list(SHAPES)
    for lang, make in SHAPES.values():  # load the models and compile before timing
        sayso.analyze(make(3000), lang)
    sizes = [args.size * 2**k for k in range(args.steps)]
    print(f"{'shape':<22}" + "".join(f"{n:>10,}" for n in sizes) + "   ratios per doubling")
    worst = 0.0
    for name in names:
        lang, make = SHAPES[name]
        times = [measure(lang, make(n), args.repeat) for n in sizes]
        ratios = [b / a if a > 0 else float("inf") for a, b in itertools.pairwise(times)]
        worst = max(worst, ratios[-1])
        cells = "".join(f"{t:>9.2f}s" for t in times)
        print(f"{name:<22}{cells}   " + " ".join(f"{r:.2f}" for r in ratios), flush=True)
    print(f"worst last ratio: {worst:.2f} (goal <= 2.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
