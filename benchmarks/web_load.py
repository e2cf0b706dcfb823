"""The web view under load: p50/p95 of the search page, the article page and
``GET /api/v1/statements`` with 20 concurrent clients on loopback.

    python benchmarks/web_load.py [--db URL | --statements N --keep DIR] [--clients 20]
        [--requests 600] [--port 8765] [--workers 1] [--threads N] [--cache N] [--pg-keep DIR]
        [--client aiohttp|httpx] [--think SECONDS]

The ledger is ``--db URL``, or the synthetic ledger of ``benchmarks/ledger_scale.py``
(``DIR/ledger-N.db``, built with ``ledger_scale.py --keep DIR --skip-ingest`` when absent).
``sayso serve`` runs in a subprocess (one uvicorn process, as a user starts it); each
client sends its requests one after the other, all clients at once, over aiohttp
(``--client httpx``: the httpx loop of the first measurements, ten times the client
CPU). Queries are drawn from the ledger (words of its statements, its speakers, its
documents). Goal: p95 < 150 ms for the pages and < 100 ms for the API. A benchmark that
prints figures, not a test; client and server share the machine's cores.

``--cache N`` is ``sayso serve --cache N`` (0: every request computed; the share answered
from the response cache is printed). ``--pg-keep DIR`` serves the PostgreSQL ledger that
``ledger_scale.py --backend postgresql --keep DIR`` left (its server started for the run).
The machine's load average is printed before and after each kind. ``--think S``: each
client pauses S seconds on average after each answer, as a reader between two pages
(the goals are judged back to back, ``--think 0``, the default: the server saturated).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
GOALS = {"search page": 150.0, "article page": 150.0, "GET /api/v1/statements": 100.0}


def ledger_url(args: argparse.Namespace) -> str:
    if args.db:
        return str(args.db)
    keep = Path(args.keep).resolve()
    path = keep / f"ledger-{args.statements}.db"
    if not path.exists():
        print(f"building {path} with ledger_scale.py (once; kept for the next run)", flush=True)
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "ledger_scale.py"), "--statements",
             str(args.statements), "--backend", "sqlite", "--keep", str(keep),
             "--skip-ingest", "--queries", "5"],
            check=True,
        )  # fmt: skip
    return f"sqlite:///{path}"


def start_server(
    url: str, port: int, workers: int, cache: int | None, threads: int | None = None
) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "SAYSO_TOKEN"}
    cmd = [sys.executable, "-m", "sayso", "serve", "--db", url, "--port", str(port),
           "--workers", str(workers)]  # fmt: skip
    if cache is not None:
        cmd += ["--cache", str(cache)]
    if threads is not None:
        cmd += ["--threads", str(threads)]
    server = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/runs?limit=1").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("sayso serve did not start within 120 s")


def workload(base: str, n: int, seed: int = 7) -> dict[str, list[str]]:
    """``n`` paths per kind, drawn from what the ledger holds."""
    rng = random.Random(seed)
    sample = httpx.get(f"{base}/api/v1/statements", params={"limit": 500}, timeout=60).json()
    items = sample["items"]
    words = sorted({w for i in items for w in re.findall(r"\w{6,}", i["content"])})
    # full names, as a reader types them (a generic word as speaker, "Diplomaten", matches
    # hundreds of actors and is the ledger's slow case: see the README)
    speakers = sorted({i["actor"] for i in items if i.get("actor") and i["actor_kind"] == "person"})
    docs = sorted({i["document_id"] for i in items})
    api = []
    for k in range(n):
        if k % 3 == 0:
            api.append(f"/api/v1/statements?about={rng.choice(words)}&limit=50")
        elif k % 3 == 1:
            api.append(f"/api/v1/statements?speaker={rng.choice(speakers)}&limit=50")
        else:
            api.append(f"/api/v1/statements?limit=50&offset={rng.randrange(0, 500)}")
    return {
        "search page": [f"/?q={rng.choice(words)}" for _ in range(n)],
        "article page": [f"/documents/{rng.choice(docs)}" for _ in range(n)],
        "GET /api/v1/statements": api,
    }


async def load(
    base: str, paths: list[str], clients: int, client: str = "aiohttp", think: float = 0.0
) -> tuple[list[float], int, float, int]:
    """Latencies (ms) of every request, the number of failed ones, the wall time and the
    number answered from the response cache. ``client`` "aiohttp" (0.2 ms of CPU per
    request) or "httpx" (2.2-2.7 ms: on two shared cores the clients, not the server, then
    set the pace — a server answering from its cache sat idle 93 % of the time). ``think``:
    each client pauses a random time of that mean (seconds, exponential) after each
    answer, as a reader does; 0: back to back, the server saturated."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    latencies: list[float] = []
    failed = hits = 0

    async def run(get: Any) -> float:
        async def worker(k: int) -> None:
            nonlocal failed, hits
            pause = random.Random(k)  # each client its own pauses, not in step
            while not queue.empty():
                if think > 0:
                    await asyncio.sleep(pause.expovariate(1 / think))
                    if queue.empty():
                        break
                path = queue.get_nowait()
                t0 = time.perf_counter()
                status, headers = await get(path)
                latencies.append((time.perf_counter() - t0) * 1000)
                failed += status != 200
                hits += headers.get("x-sayso-cache") == "hit"

        t0 = time.perf_counter()
        await asyncio.gather(*(worker(k) for k in range(clients)))
        return time.perf_counter() - t0

    if client == "aiohttp":
        import aiohttp

        connector = aiohttp.TCPConnector(limit=clients)
        timeout = aiohttp.ClientTimeout(total=60)
        async with aiohttp.ClientSession(base, connector=connector, timeout=timeout) as session:

            async def get_aiohttp(path: str) -> tuple[int, Any]:
                async with session.get(path) as response:
                    await response.read()
                    return response.status, response.headers

            wall = await run(get_aiohttp)
        return latencies, failed, wall, hits
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:

        async def get_httpx(path: str) -> tuple[int, Any]:
            response = await http.get(path)
            return response.status_code, response.headers

        wall = await run(get_httpx)
    return latencies, failed, wall, hits


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--db", help="a ledger URL (default: the synthetic ledger of --keep)")
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--keep", default="bench-ledgers", help="folder of ledger_scale.py's ledgers")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=600, help="requests per kind")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--workers", type=int, default=1, help="sayso serve --workers N")
    ap.add_argument("--cache", type=int, default=None, help="sayso serve --cache N (0: off)")
    ap.add_argument("--threads", type=int, default=None, help="sayso serve --threads N")
    ap.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean pause of a client after each answer, seconds (default 0: back to back)",
    )
    ap.add_argument("--pg-keep", type=Path, help="the kept PostgreSQL of ledger_scale.py")
    ap.add_argument(
        "--client",
        choices=("aiohttp", "httpx"),
        default="aiohttp",
        help="the load client (httpx costs ten times aiohttp's CPU per request)",
    )
    args = ap.parse_args()
    cluster = None
    if args.pg_keep:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from ledger_pg import PgCluster

        cluster = PgCluster(args.pg_keep.resolve())
        args.db, _ = cluster.database(f"sayso_scale_{args.statements}")
    try:
        return measure(args, ledger_url(args))
    finally:
        if cluster is not None:
            cluster.stop()


def measure(args: argparse.Namespace, url: str) -> int:
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} "
          f"(other jobs may share the cores); ledger {url}; client {args.client} (think "
          f"{args.think:g} s), "
          f"{args.clients} at once, sayso serve --workers {args.workers} --threads "
          f"{'default' if args.threads is None else args.threads} --cache "
          f"{'default' if args.cache is None else args.cache}")  # fmt: skip
    server = start_server(url, args.port, args.workers, args.cache, args.threads)
    base = f"http://127.0.0.1:{args.port}"
    try:
        kinds = workload(base, args.requests)
        for kind, paths in kinds.items():
            warm = paths[: args.clients * 2]
            asyncio.run(load(base, warm, args.clients, args.client, args.think))  # warm up
            before = os.getloadavg()[0]
            run = load(base, paths, args.clients, args.client, args.think)
            times, failed, wall, hits = asyncio.run(run)
            cuts = statistics.quantiles(times, n=100)
            p50, p95 = cuts[49], cuts[94]
            goal = GOALS[kind]
            verdict = "ok" if p95 < goal else f"over the goal of {goal:.0f} ms"
            rate = len(times) / wall
            load_avg = f"load {before:.1f}->{os.getloadavg()[0]:.1f}"
            print(f"{kind:<24} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  max {max(times):7.1f} ms  "
                  f"{rate:6.1f} req/s  failed {failed}  {len(set(paths))} distinct, cached "
                  f"{hits / len(times):4.0%}  {load_avg}  ({verdict})", flush=True)  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
