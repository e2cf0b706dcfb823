"""The library reads behind the web view, one at a time: timings, and every result kept
to prove a change returns the same rows in the same order.

    python benchmarks/ledger_reads.py URL [--per-kind 300] [--out FILE] [--compare FILE]
        [--rounds 1] [--kinds search,about,speaker,newest,article] [--pg-data DIR]

URL is a ledger (e.g. the PostgreSQL one of ``ledger_scale.py --backend postgresql --keep
DIR``). The queries are drawn from the ledger with a fixed seed, as
``benchmarks/web_load.py`` draws them: words of its statements (the search page with
``limit=26``, the API with ``limit=51``), the names of its person speakers, unfiltered API
pages (offset 0-500), and articles (the document, its analysis, its statements in reading
order and its corrections: what the article page reads). Prints p50/p95/max in ms per
kind (of ``--rounds`` rounds, the queries in a shuffled order each round) and the CPU
time per query of this process and (``--pg-data DIR``, the server's data folder) of the
PostgreSQL server: on a shared machine the wall times vary with the load, the CPU
times much less. ``--out``
writes every query's result (all columns of every row, ranks included) as JSON lines;
``--compare`` reads such a file and counts the queries whose result differs. A benchmark
that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from sayso.errors import SaysoError
from sayso.ledger import Ledger, StatementQuery

KINDS = ("search", "about", "speaker", "newest", "article")


def draw(ledger: Ledger, n: int, seed: int = 7) -> dict[str, list[str]]:
    """``n`` parameters per kind, drawn from the ledger (fixed seed, fixed sample)."""
    rng = random.Random(seed)
    with ledger.engine.connect() as conn:
        top = conn.execute(text("SELECT max(id) FROM statements")).scalar() or 0
        ids = sorted({rng.randrange(1, top + 1) for _ in range(4 * n)})
        newest = [r[0] for r in conn.execute(
            text("SELECT id FROM statements ORDER BY id DESC LIMIT :n"), {"n": n}
        )]  # fmt: skip
        rows = conn.execute(
            text(
                "SELECT s.content, a.name, a.kind, s.document_id FROM statements s "
                "LEFT JOIN actors a ON a.id = s.actor_id WHERE s.id IN "
                "(SELECT unnest(CAST(:ids AS integer[])))"
                if ledger.dialect == "postgresql"
                else "SELECT s.content, a.name, a.kind, s.document_id FROM statements s "
                "LEFT JOIN actors a ON a.id = s.actor_id WHERE s.id IN "
                "(SELECT value FROM json_each(:ids))"
            ),
            {"ids": (ids + newest) if ledger.dialect == "postgresql" else json.dumps(ids + newest)},
        ).all()
    words = sorted({w for r in rows for w in re.findall(r"\w{6,}", r[0])})
    people = sorted({r[1] for r in rows if r[1] and r[2] == "person"})
    docs = sorted({r[3] for r in rows})
    surnames = sorted({p.split()[-1] for p in people})
    two = [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(n // 5)]
    return {
        "search": [rng.choice(words) for _ in range(n - n // 5)] + two,
        "about": [rng.choice(words) for _ in range(n)],
        "speaker": [rng.choice(people) for _ in range(n - n // 4)]
        + [rng.choice(surnames) for _ in range(n // 4)],
        "newest": [str(rng.randrange(0, 500)) for _ in range(n)],
        "article": [rng.choice(docs) for _ in range(n)],
    }


def plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return plain(value.to_dict())
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, float):
        return repr(value)
    if value is None or isinstance(value, int | str | bool):
        return value
    return str(value)


def call(ledger: Ledger, kind: str) -> Callable[[str], Any]:
    def statements(q: StatementQuery) -> Any:
        try:
            return ledger.statements(q)
        except SaysoError as exc:
            return f"error {exc.code}"

    if kind == "search":
        return lambda p: statements(StatementQuery(about=p, limit=26))
    if kind == "about":
        return lambda p: statements(StatementQuery(about=p, limit=51))
    if kind == "speaker":
        return lambda p: statements(StatementQuery(speaker=p, limit=51))
    if kind == "newest":
        return lambda p: statements(StatementQuery(limit=51, offset=int(p)))

    def article(doc_id: str) -> Any:
        doc = ledger.get_document(doc_id)
        return [
            doc,
            ledger.analysis(doc_id).to_dict(),
            ledger.statements(document_id=doc_id, limit=None),
            ledger.corrections([doc_id], limit=None),
        ]

    return article


def server_cpu(data: Path | None) -> float:
    """CPU seconds (user + system) of the PostgreSQL server whose data folder is ``data``
    and of its processes so far (0 without ``data``): what the queries cost the database,
    whatever else the machine runs."""
    if data is None:
        return 0.0
    postmaster = (data / "postmaster.pid").read_text().split()[0]
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == postmaster or fields[1] == postmaster:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def pct(ms: list[float], p: float) -> float:
    q = sorted(ms)
    return q[min(len(q) - 1, math.ceil(p * len(q)) - 1)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("url")
    ap.add_argument("--per-kind", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--out", type=Path)
    ap.add_argument("--compare", type=Path)
    ap.add_argument("--pg-data", type=Path, help="the server's data folder: its CPU per query")
    args = ap.parse_args()
    kinds = args.kinds.split(",")
    with Ledger.open(args.url, upgrade=False) as ledger:
        params = draw(ledger, args.per_kind)
        results: dict[str, Any] = {}
        for kind in kinds:
            fn = call(ledger, kind)
            for p in params[kind][:3]:  # the pool's connections and the caches
                fn(p)
            ms: list[float] = []
            cpu = time.process_time(), server_cpu(args.pg_data)
            for r in range(args.rounds):
                order = list(params[kind])
                random.Random(r).shuffle(order)
                for p in order:
                    t0 = time.perf_counter()
                    out = fn(p)
                    ms.append((time.perf_counter() - t0) * 1000)
                    results[f"{kind}\t{p}"] = out
            own = (time.process_time() - cpu[0]) * 1000 / len(ms)
            server = (server_cpu(args.pg_data) - cpu[1]) * 1000 / len(ms)
            print(
                f"{kind:8} n={len(ms):4}  p50 {statistics.median(ms):7.1f}  "
                f"p95 {pct(ms, 0.95):7.1f}  max {max(ms):7.1f} ms   CPU per query: "
                f"client {own:5.1f} ms, server {server:5.1f} ms",
                flush=True,
            )
    lines = {k: json.dumps(plain(v), sort_keys=True) for k, v in results.items()}
    if args.out:
        args.out.write_text("".join(f"{k}\t{v}\n" for k, v in lines.items()))
    if args.compare:
        before = dict(line.rstrip("\n").rsplit("\t", 1) for line in args.compare.open())
        shared = [k for k in lines if k in before]
        differ = [k for k in shared if lines[k] != before[k]]
        print(f"compared {len(shared)} queries: {len(differ)} differ")
        for k in differ[:10]:
            print("  differs:", k)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
