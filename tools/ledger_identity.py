"""Ledger identity, measured by hand: ingest the gnad articles into a SQLite ledger, draw a
seeded sample of its actors, list them for labelling, and print the figures from a labels
file (issue 15: merges of different people, persons split into several actors,
non-entity and inflected names among actor names).

    python tools/ledger_identity.py ingest /tmp/gnad.db            # the 514 gnad articles
    python tools/ledger_identity.py sample /tmp/gnad.db > listing.txt
    python tools/ledger_identity.py report /tmp/gnad.db quality/ledger-identity/after.csv

The labels file (CSV: ``actor_id,kind,name,label``) holds one line per sampled actor with
one of :data:`LABELS`, or several joined by "+" ("inflected+split"); the ids are those of
the ledger the file was labelled on (ingest is deterministic, so a re-ingest of the same
articles with the same sayso gives the same ids). ``report`` re-draws the sample, checks
that the file labels exactly it, and prints the shares. The sample is drawn from the
ledger's live actors without the per-article "(unknown source)" placeholder (one per
article, nothing to judge).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import text

#: what a sampled actor can be
LABELS = {
    "ok": "one real entity under a usable name",
    "merged": "merges different people (or different entities)",
    "split": "a person (or entity) that is also another ledger actor",
    "non_entity": "a function word, adverb, pronoun fragment or other non-name as name",
    "inflected": "an inflected or broken form of a name (genitive, glued words, quote mark)",
}
SEED = 15
SIZE = 220


def _url(db: str) -> str:
    return db if "://" in db else f"sqlite:///{db}"


def ingest(db: str, data: Path) -> None:
    """Analyse and store every gnad article (`;`-separated, `'`-quoted: category, text)."""
    import sayso
    from sayso.ledger import Ledger

    path = data / "gnad" / "articles.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";", quotechar="'"))
    with Ledger.open(_url(db)) as ledger:
        for k, (category, body) in enumerate(rows):
            ledger.add({"source": f"gnad:{k}", "meta": {"category": category}}, sayso.analyze(body))
    print(f"{len(rows)} articles stored in {db}", file=sys.stderr)


def _population(conn: object) -> list[int]:
    sql = "SELECT id FROM actors WHERE merged_into IS NULL AND name <> '(unknown source)'"
    return sorted(r[0] for r in conn.execute(text(sql)))  # type: ignore[attr-defined]


def draw(db: str, size: int = SIZE, seed: int = SEED) -> list[int]:
    """The sampled actor ids (seeded, sorted)."""
    from sqlalchemy import create_engine

    with create_engine(_url(db)).connect() as conn:
        ids = _population(conn)
    return sorted(random.Random(seed).sample(ids, min(size, len(ids))))


def listing(db: str, size: int, seed: int) -> None:
    """The sample with what a labeller needs: spellings per document, roles, rules, and
    the other actors sharing the last name word."""
    from sqlalchemy import create_engine

    ids = draw(db, size, seed)
    with create_engine(_url(db)).connect() as conn:
        for aid in ids:
            name, kind = conn.execute(
                text("SELECT name, kind FROM actors WHERE id = :i"), {"i": aid}
            ).one()
            rows = conn.execute(
                text(
                    "SELECT document_id, name, role, match_rule FROM document_actors "
                    "WHERE actor_id = :i"
                ),
                {"i": aid},
            ).all()
            docs = len({r[0] for r in rows})
            spellings = Counter(r[1] for r in rows)
            roles = sorted({r[2] for r in rows if r[2]})
            rules = sorted({r[3] for r in rows})
            last = name.split()[-1] if name.split() else name
            near = conn.execute(
                text(
                    "SELECT id, name, kind FROM actors WHERE id <> :i AND merged_into IS NULL "
                    "AND (name = :n OR name LIKE :p) LIMIT 8"
                ),
                {"i": aid, "n": last, "p": f"% {last}"},
            ).all()
            print(f"{aid}\t{kind}\t{name!r}\tdocs={docs}\t{dict(spellings)}\troles={roles}")
            print(f"\t\trules={rules}\tnear={[(r[0], r[1], r[2]) for r in near]}")


def report(db: str, labels: Path, size: int, seed: int) -> int:
    ids = draw(db, size, seed)
    with labels.open(encoding="utf-8", newline="") as f:
        got = {int(r["actor_id"]): r for r in csv.DictReader(f)}
    missing = [i for i in ids if i not in got]
    extra = [i for i in got if i not in set(ids)]
    marks = {i: set(r["label"].split("+")) for i, r in got.items()}
    bad = [r["label"] for i, r in got.items() if not marks[i] <= set(LABELS)]
    if missing or extra or bad:
        print(f"labels do not fit the sample: missing {missing[:10]}, extra {extra[:10]}, "
              f"unknown labels {bad[:10]}", file=sys.stderr)  # fmt: skip
        return 1
    counts = Counter(m for i in ids for m in marks[i])
    n = len(ids)
    print(f"{labels}: {n} actors sampled (seed {seed}) from {db}")
    for label, doc in LABELS.items():
        print(f"  {label:<11} {counts[label]:>4}  {100 * counts[label] / n:5.1f} %  {doc}")
    people = [i for i in ids if got[i]["kind"] == "person"]
    split = sum("split" in marks[i] for i in people)
    merged = sum("merged" in marks[i] for i in people)
    print(f"  persons merging different people: {merged} of {len(people)} persons "
          f"({100 * merged / max(1, len(people)):.1f} %)")  # fmt: skip
    print(f"  persons split into several actors: {split} of {len(people)} persons "
          f"({100 * split / max(1, len(people)):.1f} %)")  # fmt: skip
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("action", choices=["ingest", "sample", "report"])
    p.add_argument("db", help="SQLite file or database URL")
    p.add_argument("labels", nargs="?", type=Path, help="labels CSV (report)")
    p.add_argument("--size", type=int, default=SIZE)
    p.add_argument("--seed", type=int, default=SEED)
    default_data = os.environ.get("SAYSO_DATA", "../shared/data")
    p.add_argument("--data", type=Path, default=Path(default_data))
    args = p.parse_args()
    if args.action == "ingest":
        ingest(args.db, args.data)
        return 0
    if args.action == "sample":
        listing(args.db, args.size, args.seed)
        return 0
    if args.labels is None:
        p.error("report needs the labels file")
    return report(args.db, args.labels, args.size, args.seed)


if __name__ == "__main__":
    raise SystemExit(main())
