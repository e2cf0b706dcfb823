"""The reading queries of issue 13 on a big ledger: exact claims counts, speaker matching
with typos and suggestions, and the named export.

    python benchmarks/ledger_queries.py URL [--repeat 5] [--export 50000]

URL is a ledger, e.g. the one ``benchmarks/ledger_scale.py --keep DIR`` leaves
(``sqlite:///DIR/ledger-1000000.db``). Prints the best and median of ``--repeat`` runs in
ms per query kind. A benchmark that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import text

from sayso.errors import SaysoError
from sayso.ledger import Ledger
from sayso.ledger.export import PAGE, rows


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        try:
            out = fn()
        except SaysoError as exc:
            out = exc
        times.append((time.perf_counter() - t0) * 1000)
    return min(times), statistics.median(times), out


def typo(name: str) -> str:
    """One letter of the surname changed (after its third letter)."""
    words = name.split()
    last = words[-1]
    i = min(len(last) - 2, 4)
    words[-1] = last[:i] + ("x" if last[i] != "x" else "y") + last[i + 1 :]
    return " ".join(words)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("url")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--export", type=int, default=20_000, help="rows exported (timed once)")
    args = ap.parse_args()
    with Ledger.open(args.url, upgrade=False) as ledger:
        with ledger.engine.connect() as conn:
            busy = (
                conn.execute(
                    text(
                        "SELECT a.name FROM actors a JOIN statements s ON s.actor_id = a.id "
                        "WHERE a.kind = 'person' AND length(a.name) > 12 "
                        "GROUP BY a.id, a.name ORDER BY count(*) DESC LIMIT 3"
                    )
                )
                .scalars()
                .all()
            )
        queries: list[tuple[str, Callable[[], Any]]] = [
            ("claims --min 2 (whole ledger)", lambda: ledger.claims(min_appearances=2, limit=20)),
            ("claims --min 1 (whole ledger)", lambda: ledger.claims(limit=20)),
            ("claims --min 5 (whole ledger)", lambda: ledger.claims(min_appearances=5, limit=20)),
        ]
        for name in busy:
            queries += [
                (f"claims --speaker {name!r} --min 2",
                 lambda n=name: ledger.claims(speaker=n, min_appearances=2, limit=20)),
                (f"speakers({name!r})", lambda n=name: ledger.speakers(n)),
                (f"speakers({typo(name)!r}) (typo)", lambda n=name: ledger.speakers(typo(n))),
                (f"statements(speaker={typo(name)!r}, limit=50)",
                 lambda n=name: ledger.statements(speaker=typo(n), limit=50)),
            ]  # fmt: skip
        queries.append(("speakers('Qzrtvbnm') (no match: suggestions)",
                        lambda: ledger.speakers("Qzrtvbnm")))  # fmt: skip
        for label, fn in queries:
            best, median, out = timed(fn, args.repeat)
            what = len(out) if isinstance(out, list) else out
            if hasattr(out, "actors"):
                what = f"{len(out.actors)} actors, suggestions {list(out.suggestions)}"
            print(f"{label:<70} best {best:8.1f} ms  median {median:8.1f} ms  -> {what}")
        t0 = time.perf_counter()
        n = 0
        for _ in rows(ledger):
            n += 1
            if n >= args.export:
                break
        secs = time.perf_counter() - t0
        print(f"export rows with names: {n} rows in {secs:.2f} s ({n / secs:,.0f} rows/s, "
              f"pages of {PAGE})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
