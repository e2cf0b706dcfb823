"""Scoring the evidence layer against sayso's own standoff annotations.

No public gold exists for source chains, evidential framing or disputes, so the project
keeps its own set: ``quality/evidence/gold.jsonl`` (guidelines in
``docs/evidence-guidelines.md``). Each line is one attributed statement in a real article,
referenced by document id and character offsets only — the corpora's text is never copied:

- ``gnad:<row>``: row ``<row>`` (0-based) of ``gnad/articles.csv`` (column 2);
- ``polnear:<split>/<stem>``: ``polnear/<split>/text/<stem>.txt``.

Gold and system statements of a document are paired by content overlap (the share of the
gold content's characters the system content covers, at least :data:`MIN_OVERLAP`; each
statement pairs at most once, best pairs first). Then, per label:

- ``hearsay``, ``hedged``, ``stance_distancing``, ``stance_endorsing``,
  ``confirmation_denied|unconfirmed|confirmed``: a system statement with the label counts
  as a true positive when its gold partner has it too, and as a false positive otherwise
  — also when it has no gold partner, because documents are annotated exhaustively and a
  wrong "denied" is worse than a missing one; a gold label without a labelled partner is
  a false negative;
- ``chain_hops``: over paired statements, the hops beyond the first (outer and inner
  sources); a system hop matches a gold hop of the same kind whose mention overlaps one of
  the actor's mentions (or, for a gold hop without a mention, any hop of that kind);
- ``disputes``, ``confirms``, ``contradicts``: a system relation matches a gold one of the
  same kind whose source is its source's partner and whose target is its target's
  partner, or which is implicit when the system relation dangles;
- ``statements``: how many gold statements have a partner (recall) and how many system
  statements do (precision) — the attribution engine's share, for context.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sayso.errors import E004, E005, SaysoError
from sayso.eval.corpus import GoldDoc
from sayso.eval.data import REPO_ROOT, read_gold_lines
from sayso.eval.metrics import PRF
from sayso.model import Analysis, Span, Spans, Statement, framing_labels

GOLD_RELATIVE = Path("quality") / "evidence" / "gold.jsonl"
MIN_OVERLAP = 0.3
LABELS = (
    "hearsay",
    "hedged",
    "stance_distancing",
    "stance_endorsing",
    "confirmation_denied",
    "confirmation_unconfirmed",
    "confirmation_confirmed",
)
RELATION_KINDS = ("disputes", "confirms", "contradicts")


@dataclass(frozen=True, slots=True)
class GoldHop:
    kind: str
    mention: Span | None


@dataclass(frozen=True, slots=True)
class GoldRelation:
    kind: str
    target: str | None  # a gold statement id, or None for an implicit account
    evidence: Spans


@dataclass(frozen=True, slots=True)
class GoldStatement:
    """One annotated statement (see the module docstring and the guidelines)."""

    id: str
    doc: str
    content: Spans
    chain: tuple[GoldHop, ...]
    labels: frozenset[str]
    relations: tuple[GoldRelation, ...]


def _spans(value: Iterable[Sequence[int]]) -> Spans:
    return tuple(Span(int(a), int(b)) for a, b in value)


def parse_line(data: Mapping[str, Any]) -> GoldStatement:
    """One gold line -> :class:`GoldStatement` (KeyError/ValueError on a bad line)."""
    labels = set(
        framing_labels(
            bool(data["hearsay"]),
            bool(data["hedged"]),
            data["stance"],
            data["confirmation"],
            qualified=True,
        )
    )
    chain = tuple(
        GoldHop(h["kind"], Span.from_list(h["span"]) if h.get("span") else None)
        for h in data["chain"]
    )
    relations = tuple(
        GoldRelation(
            r["kind"],
            None if str(r["target"]).startswith("implicit") else str(r["target"]),
            _spans(r.get("evidence", ())),
        )
        for r in data["relations"]
    )
    return GoldStatement(
        id=str(data["id"]),
        doc=str(data["doc"]),
        content=_spans(data["content"]),
        chain=chain,
        labels=frozenset(labels),
        relations=relations,
    )


def read_gold(path: Path) -> list[GoldStatement]:
    """Read the gold file; a malformed line raises E004 naming the line."""
    return read_gold_lines(path, parse_line)


def document_texts(data_root: Path, doc_ids: Iterable[str]) -> dict[str, str]:
    """The texts of the annotated documents, read from the corpora under ``data_root``."""
    wanted = sorted(set(doc_ids))
    out: dict[str, str] = {}
    gnad = [d for d in wanted if d.startswith("gnad:")]
    if gnad:
        path = data_root / "gnad" / "articles.csv"
        if not path.is_file():
            raise SaysoError(E005, path=path)
        csv.field_size_limit(sys.maxsize)
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
        for d in gnad:
            row = d.split(":", 1)[1]
            if not row.isdigit() or int(row) >= len(rows) or len(rows[int(row)]) < 2:
                raise SaysoError(E004, path=d, detail=f"{path} has no article row {row}")
            out[d] = rows[int(row)][1]
    for d in wanted:
        if d.startswith("polnear:") and "/" not in d:
            raise SaysoError(E004, path=d, detail="unknown document id (polnear:SPLIT/STEM)")
        if d.startswith("polnear:"):
            split, stem = d.split(":", 1)[1].split("/", 1)
            path = data_root / "polnear" / split / "text" / f"{stem}.txt"
            if not path.is_file():
                raise SaysoError(E005, path=path)
            with path.open(encoding="utf-8", newline="") as fh:
                out[d] = fh.read()
        elif not d.startswith("gnad:"):
            raise SaysoError(
                E004, path=d, detail="unknown document id (gnad:N, polnear:SPLIT/STEM)"
            )
    return out


def _chars(spans: Spans) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def pair(gold: Sequence[GoldStatement], system: Sequence[Statement]) -> dict[str, str]:
    """gold id -> system id, best content overlap first, each at most once."""
    cands = []
    for g in gold:
        gc = _chars(g.content)
        for s in system:
            ov = len(gc & _chars(s.content)) / max(1, len(gc))
            if ov >= MIN_OVERLAP:
                cands.append((ov, g.id, s.id))
    out: dict[str, str] = {}
    used: set[str] = set()
    for _, gid, sid in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if gid not in out and sid not in used:
            out[gid] = sid
            used.add(sid)
    return out


def system_labels(s: Statement) -> frozenset[str]:
    return frozenset(s.framing.labels(qualified=True))


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> PRF:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return PRF.of(p, r)


@dataclass(slots=True)
class EvidenceReport:
    """Per-label counts; ``metrics()`` gives the flat table the quality gate pins."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    mistakes: list[str] = field(default_factory=list)  # readable FP/FN lines
    warnings: tuple[str, ...] = ()

    def tally(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())

    def metrics(self) -> dict[str, float]:
        out = {}
        for name, t in sorted(self.tallies.items()):
            prf = t.prf()
            out[f"{name}_precision"] = round(100 * prf.precision, 1)
            out[f"{name}_recall"] = round(100 * prf.recall, 1)
            out[f"{name}_f1"] = round(100 * prf.f1, 1)
        return out

    def doc_errors(self) -> dict[str, int]:
        return dict(self.errors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "metrics": self.metrics(),
            "counts": {k: [t.tp, t.fp, t.fn] for k, t in sorted(self.tallies.items())},
            "mistakes": list(self.mistakes),
            "warnings": list(self.warnings),
        }


def score(gold: Sequence[GoldStatement], analyses: Mapping[str, Analysis]) -> EvidenceReport:
    """Score the analyses (by document id) against the gold statements."""
    report = EvidenceReport()
    for name in ("statements", *LABELS, "chain_hops", *RELATION_KINDS):
        report.tally(name)
    by_doc: dict[str, list[GoldStatement]] = {}
    for g in gold:
        by_doc.setdefault(g.doc, []).append(g)
    for doc, golds in sorted(by_doc.items()):
        a = analyses[doc]
        errors_before = sum(t.fp + t.fn for t in report.tallies.values())
        paired = pair(golds, a.statements)
        back = {sid: gid for gid, sid in paired.items()}
        sys_by_id = {s.id: s for s in a.statements}
        st = report.tally("statements")
        st.tp += len(paired)
        st.fn += len(golds) - len(paired)
        st.fp += len(a.statements) - len(paired)
        for label in LABELS:
            t = report.tally(label)
            for g in golds:
                s = sys_by_id.get(paired.get(g.id, ""))
                has = s is not None and label in system_labels(s)
                if label in g.labels and has:
                    t.tp += 1
                elif label in g.labels:
                    t.fn += 1
                    report.mistakes.append(f"FN {label} {g.id}")
                elif has:
                    t.fp += 1
                    report.mistakes.append(f"FP {label} {g.id} ~ {s.id if s else ''}")
            for s in a.statements:
                if s.id not in back and label in system_labels(s):
                    t.fp += 1
                    report.mistakes.append(f"FP {label} {doc} {s.id} (no gold statement)")
        _score_chains(report, a, golds, paired, sys_by_id)
        _score_relations(report, a, golds, back, doc)
        report.errors[doc] = sum(t.fp + t.fn for t in report.tallies.values()) - errors_before
    return report


def _score_chains(
    report: EvidenceReport,
    a: Analysis,
    golds: Sequence[GoldStatement],
    paired: Mapping[str, str],
    sys_by_id: Mapping[str, Statement],
) -> None:
    t = report.tally("chain_hops")
    for g in golds:
        s = sys_by_id.get(paired.get(g.id, ""))
        if s is None:
            continue
        gold_hops = list(g.chain[:-1]) if len(g.chain) > 1 else []  # all but the speaker
        sys_hops = [a.actor(x) for x in s.chain if x != s.actor]
        free = list(gold_hops)
        for actor in sys_hops:
            if actor is None:
                continue
            hit = next(
                (
                    h
                    for h in free
                    if h.kind == actor.kind.value
                    and (h.mention is None or any(h.mention.overlaps(m) for m in actor.mentions))
                ),
                None,
            )
            if hit is not None:
                free.remove(hit)
                t.tp += 1
            else:
                t.fp += 1
                report.mistakes.append(f"FP chain hop {actor.kind.value} {g.id} ~ {s.id}")
        t.fn += len(free)
        for h in free:
            report.mistakes.append(f"FN chain hop {h.kind} {g.id}")


def _score_relations(
    report: EvidenceReport,
    a: Analysis,
    golds: Sequence[GoldStatement],
    back: Mapping[str, str],
    doc: str,
) -> None:
    gold_rel = [(g.id, r) for g in golds for r in g.relations if r.kind in RELATION_KINDS]
    matched: set[int] = set()
    for r in a.relations:
        if r.kind.value not in RELATION_KINDS:
            continue
        t = report.tally(r.kind.value)
        src = back.get(r.source)
        tgt = back.get(r.target) if r.target is not None else None
        hit = next(
            (
                k
                for k, (gid, gr) in enumerate(gold_rel)
                if k not in matched
                and gr.kind == r.kind.value
                and gid == src
                and (gr.target == tgt if r.target is not None else gr.target is None)
            ),
            None,
        )
        if hit is None:
            t.fp += 1
            report.mistakes.append(f"FP {r.kind.value} {doc} {r.source}->{r.target}")
        else:
            matched.add(hit)
            t.tp += 1
    for k, (gid, gr) in enumerate(gold_rel):
        if k not in matched:
            report.tally(gr.kind).fn += 1
            report.mistakes.append(f"FN {gr.kind} {gid}->{gr.target}")


def default_gold() -> Path:
    return REPO_ROOT / GOLD_RELATIVE


def gold_docs(gold: Sequence[GoldStatement], data_root: Path) -> list[GoldDoc]:
    """The annotated documents as :class:`GoldDoc` records (text and language; the
    evidence gold itself is scored by :func:`score`)."""
    texts = document_texts(data_root, (g.doc for g in gold))
    return [
        GoldDoc(id=d, text=t, lang="de" if d.startswith("gnad:") else "en", quotes=(), tokens=())
        for d, t in sorted(texts.items())
    ]


def run(
    data_root: Path, gold_path: Path | None = None, system: Any = None
) -> tuple[list[GoldDoc], list[Analysis], EvidenceReport]:
    """Read the gold set and its documents, analyse them, score the evidence layer."""
    from sayso.eval.metrics import run_system

    gold = read_gold(gold_path or default_gold())
    docs = gold_docs(gold, data_root)
    analyses = run_system(docs, system)
    return docs, analyses, score(gold, {d.id: a for d, a in zip(docs, analyses, strict=True)})
