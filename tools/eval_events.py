"""Pairwise grouping F1 of ``sayso accounts`` against the event gold (docs/events.md).

    python tools/eval_events.py --data ../shared/data [--db sqlite:///gnad.db] [--json]

Ingests the 514 gnad articles into the ledger ``--db`` when it holds none of them (each
article's URL is ``gnad:<row>``), runs every gold topic's query through
``Ledger.accounts`` and counts statement pairs (see :mod:`sayso.eval.events`).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

from sayso.eval.events import PairCounts, read_gold, score
from sayso.ledger import Ledger


def _ingest(ledger: Ledger, data: Path) -> None:
    with (data / "gnad" / "articles.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";", quotechar="'"))
    ledger.ingest([{"text": text, "url": f"gnad:{n}"} for n, (_, text) in enumerate(rows)])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=Path("../shared/data"))
    p.add_argument("--db", default=None, help="ledger URL (default: a temporary SQLite file)")
    p.add_argument("--gold", type=Path, default=Path("quality/events/gold.jsonl"))
    p.add_argument("--limit", type=int, default=200, help="statements per query")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{tmp.name}/gnad.db"
    total = {k: PairCounts() for k in ("all", "within", "across")}
    rows = []
    with Ledger.open(url) as ledger:
        if not any(d.url and d.url.startswith("gnad:") for d in ledger.documents(limit=5)):
            _ingest(ledger, args.data)
        urls: dict[str, int] = {}
        for topic in read_gold(args.gold):
            events = ledger.accounts(topic.query, limit=args.limit)
            article_of = {}
            for e in events:
                for it in e.items:
                    if it.document not in urls:
                        doc = ledger.get_document(it.document) if it.document else None
                        u = doc.url if doc is not None and doc.url else ""
                        urls[it.document or ""] = int(u[5:]) if u.startswith("gnad:") else -1
                    if urls[it.document or ""] >= 0:
                        article_of[it.id] = urls[it.document or ""]
            got = score(topic, article_of, [[it.id for it in e.items] for e in events])
            for k, c in got.items():
                total[k].add(c)
            rows.append(
                {
                    "topic": topic.topic,
                    "statements": len(article_of),
                    "events": len(events),
                    "single": sum(1 for e in events if len(e.items) == 1),
                    **{f"{k}_f1": round(100 * c.f1, 1) for k, c in got.items()},
                }
            )
    summary = {
        k: {
            "p": round(100 * c.precision, 1),
            "r": round(100 * c.recall, 1),
            "f1": round(100 * c.f1, 1),
            "gold_pairs": c.gold,
        }
        for k, c in total.items()
    }
    if args.json:
        json.dump({"topics": rows, "pairs": summary}, sys.stdout, indent=2)
        print()
        return 0
    for r in rows:
        print(
            f"{r['topic']:14} {r['statements']:4} statements {r['events']:4} events "
            f"({r['single']} single)  F1 all {r['all_f1']:5.1f}  across {r['across_f1']:5.1f}"
        )
    for k, v in summary.items():
        print(
            f"pairs {k:7} P {v['p']:5.1f}  R {v['r']:5.1f}  F1 {v['f1']:5.1f}  "
            f"({v['gold_pairs']} gold)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
