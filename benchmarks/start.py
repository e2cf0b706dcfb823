"""Start-up cost of the query commands and the light imports (issue 14, part 6).

    python benchmarks/start.py [--repeat 5]

Builds a small ledger from the bundled examples in a temporary folder, then runs each
command ``--repeat`` times in a fresh interpreter and prints the best user+system CPU
seconds (the child's rusage), the figure ``/usr/bin/time -f %U+%S`` shows. A benchmark
that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path


def cpu(argv: list[str]) -> float:
    """User+system CPU seconds of one run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    sayso = [sys.executable, "-m", "sayso"]
    examples = str(resources.files("sayso") / "examples")
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 's.db'}"
        subprocess.run([*sayso, "ingest", examples, "--db", db, "--jobs", "0"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        listing = subprocess.run(
            [*sayso, "documents", "--db", db], check=True, capture_output=True, text=True
        ).stdout
        doc = listing.split()[0]
        cases = {
            "sayso claims": [*sayso, "claims", "--db", db],
            "sayso actors": [*sayso, "actors", "--db", db],
            "sayso show DOC": [*sayso, "show", "--db", db, doc],
            "sayso --help": [*sayso, "--help"],
            "import sayso.ingest": [sys.executable, "-c", "import sayso.ingest"],
            "import sayso.ledger": [sys.executable, "-c", "import sayso.ledger"],
        }
        print(f"| command | CPU s (best of {args.repeat}) |\n|---|---|")
        for name, argv in cases.items():
            best = min(cpu(argv) for _ in range(args.repeat))
            print(f"| `{name}` | {best:.2f} |")


if __name__ == "__main__":
    main()
