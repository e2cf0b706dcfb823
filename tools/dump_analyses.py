"""Dump ``sayso.analyze()`` of every dev-corpus document and the gnad articles, canonically.

Used to show that a change leaves what sayso extracts on normal text untouched: run it on
the base commit and on the change, and diff the two files::

    .venv/bin/python tools/dump_analyses.py --out /tmp/before.jsonl   # on the base commit
    .venv/bin/python tools/dump_analyses.py --out /tmp/after.jsonl    # on the change
    diff /tmp/before.jsonl /tmp/after.jsonl

One line per document, ``{"id": ..., "analysis": ...}`` with sorted keys, documents sorted
by id: wikinews-de dev (German), PolNeAR dev (English) and the 514 gnad articles (German,
``;``-separated, quote character ``'``). The text itself is left out of each analysis (the
offsets refer to the corpus file). ``--data`` points at the shared data folder.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import sayso
from sayso.eval import polnear, wikinews
from sayso.eval.data import data_root


def documents(data: Path) -> Iterator[tuple[str, str, str]]:
    """``(id, lang, text)`` of every document to dump."""
    for doc in wikinews.read_corpus(data / "wikinews-de" / "dev"):
        yield f"wikinews-de/{doc.id}", "de", doc.text
    for doc in polnear.read_corpus(data / "polnear" / "dev"):
        yield f"polnear/{doc.id}", "en", doc.text
    csv.field_size_limit(sys.maxsize)
    with (data / "gnad" / "articles.csv").open(encoding="utf-8", newline="") as fh:
        rows = [row for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) > 1]
    for k, row in enumerate(rows):
        yield f"gnad/{k:04d}", "de", row[1]


def dump_one(item: tuple[str, str, str]) -> str:
    doc_id, lang, text = item
    data = sayso.analyze(text, lang).to_dict()
    data.pop("text", None)
    return json.dumps({"id": doc_id, "analysis": data}, sort_keys=True, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", type=Path, default=None, help="the shared data folder (default: as sayso eval)"
    )
    ap.add_argument("--out", type=Path, required=True, help="the JSONL file to write")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = ap.parse_args(argv)
    items = sorted(documents(data_root(args.data)))
    started = time.perf_counter()
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            lines = list(pool.map(dump_one, items, chunksize=8))
    else:
        lines = [dump_one(item) for item in items]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    took = time.perf_counter() - started
    print(f"{len(lines)} documents -> {args.out} in {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
