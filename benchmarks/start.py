"""Start-up cost of the query commands and the light imports (issue 14, part 6).

    python benchmarks/start.py [--repeat 5] [--instructions]

Builds a small ledger from the bundled examples in a temporary folder, then runs each
command ``--repeat`` times in a fresh interpreter and prints the best user+system CPU
seconds (the child's rusage), the figure ``/usr/bin/time -f %U+%S`` shows. A benchmark
that prints figures, not a test.

The children run as an installed sayso does: with the package's bytecode compiled first
(``compileall``) and ``PYTHONDONTWRITEBYTECODE`` removed from their environment. With it
set (as in some shells and containers), every start compiles sayso's modules from source
again, about 0.06 s more CPU per start, which is not what a user's install pays.

CPU seconds swing with the machine's load; ``--instructions`` also counts the instructions
of one run of each command under valgrind's callgrind (when valgrind is installed), a figure
that does not depend on what else the machine is doing.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

#: the children's environment: bytecode caching on, as in an installed package
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cpu(argv: list[str]) -> float:
    """User+system CPU seconds of one run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(argv: list[str]) -> int | None:
    """Instructions of one run of ``argv`` counted by callgrind, or None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    run = subprocess.run(
        [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV,
    )  # fmt: skip
    found = re.search(r"Collected : (\d+)", run.stderr)
    return int(found.group(1)) if found else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--instructions", action="store_true", help="also count instructions")
    args = ap.parse_args()
    compileall.compile_dir(str(resources.files("sayso")), quiet=1)
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
        extra = " | instructions (10⁶)" if args.instructions else ""
        print(f"| command | CPU s (best of {args.repeat}){extra} |")
        print("|---|---|" + ("---|" if extra else ""))
        for name, argv in cases.items():
            cpu(argv)  # warm: the operating system's file cache, bytecode written
            best = min(cpu(argv) for _ in range(args.repeat))
            line = f"| `{name}` | {best:.2f}"
            if args.instructions:
                count = instructions(argv)
                line += f" | {count / 1e6:.0f}" if count else " | –"
            print(line + " |")


if __name__ == "__main__":
    main()
