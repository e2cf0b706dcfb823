"""Agreement between two independent annotations of the evidence gold set.

Two annotators label the same documents by ``docs/evidence-guidelines.md`` in the gold file
format (:func:`sayso.eval.evidence.read_gold`). Their statements are aligned per document by
content overlap, like the evidence scorer aligns gold and system, but symmetrically (swapping
the annotators gives the same figures): a pair needs at least :data:`MIN_OVERLAP` of *each*
content's characters covered by the other; pairs are taken best first (overlap over union),
each statement at most once. Then:

- ``statements``: how many statements of A have a partner in B and vice versa, as a
  precision/recall/F1 of B against A (F1 = 2 * pairs / (|A| + |B|));
- per label, over the aligned pairs: raw agreement, Cohen's kappa, and the counts (pairs,
  positives of A, of B, of both), since kappa swings with few positives:
  ``hearsay``, ``hedged`` (yes/no), ``stance`` (neutral/distancing/endorsing),
  ``confirmation`` (unknown/confirmed/unconfirmed/denied), ``chain_outer`` (whether the
  chain has a hop before the speaker), ``chain_kinds`` (the sequence of hop kinds), and
  ``disputes``, ``contradicts``, ``confirms``, ``nested_in`` (whether the statement has
  such an outgoing relation); the counts are of pairs whose value is not the default
  (for ``chain_kinds`` every value counts, and "both" means the same sequence);
- ``chain_hops`` and each relation kind also as matched items (precision/recall/F1 of B
  against A): a hop matches a hop of the same kind whose mention overlaps (or which has no
  mention on either side); a relation matches one of the same kind from the partner of its
  source to the partner of its target (or implicit on both sides).

``disagreements`` lists every unpaired statement and every label on which a pair differs,
with offsets, so that the kind of disagreement can be read off without opening the files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sayso.errors import E004, SaysoError
from sayso.eval.data import REPO_ROOT
from sayso.eval.evidence import GoldStatement, document_texts, read_gold
from sayso.eval.metrics import PRF
from sayso.model import Spans

MIN_OVERLAP = 0.3
STANCES = ("endorsing", "distancing")
CONFIRMATIONS = ("confirmed", "unconfirmed", "denied")
RELATION_KINDS = ("disputes", "contradicts", "confirms", "nested_in")


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> tuple[float, float | None]:
    """Raw agreement and Cohen's kappa of paired category values; kappa is None when
    chance agreement is 1 (both annotators used one and the same value throughout)."""
    n = len(pairs)
    if not n:
        return 0.0, None
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[c] * right[c] for c in left) / (n * n)
    if expected >= 1.0:
        return observed, None
    return observed, (observed - expected) / (1.0 - expected)


def _chars(spans: Spans) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def align(a: Sequence[GoldStatement], b: Sequence[GoldStatement]) -> dict[str, str]:
    """A id -> B id for the statements of one document (see the module docstring)."""
    cands = []
    b_chars = [(s.id, _chars(s.content)) for s in b]
    for s in a:
        ac = _chars(s.content)
        for bid, bc in b_chars:
            ov = len(ac & bc)
            if ov and min(ov / max(1, len(ac)), ov / max(1, len(bc))) >= MIN_OVERLAP:
                cands.append((ov / len(ac | bc), s.id, bid))
    out: dict[str, str] = {}
    used: set[str] = set()
    for _, aid, bid in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if aid not in out and bid not in used:
            out[aid] = bid
            used.add(bid)
    return out


def stance(s: GoldStatement) -> str:
    return next((x for x in STANCES if f"stance_{x}" in s.labels), "neutral")


def confirmation(s: GoldStatement) -> str:
    return next((x for x in CONFIRMATIONS if f"confirmation_{x}" in s.labels), "unknown")


def _outer(s: GoldStatement) -> str:
    return "yes" if len(s.chain) > 1 else "no"


def _kinds(s: GoldStatement) -> str:
    return ">".join(h.kind for h in s.chain)


def _flag(label: str) -> Callable[[GoldStatement], str]:
    return lambda s: "yes" if label in s.labels else "no"


def _has_relation(kind: str) -> Callable[[GoldStatement], str]:
    return lambda s: "yes" if any(r.kind == kind for r in s.relations) else "no"


#: label name -> (value of a statement, the value that counts as "negative" in the counts)
CATEGORICAL: dict[str, tuple[Callable[[GoldStatement], str], str]] = {
    "hearsay": (_flag("hearsay"), "no"),
    "hedged": (_flag("hedged"), "no"),
    "stance": (stance, "neutral"),
    "confirmation": (confirmation, "unknown"),
    "chain_outer": (_outer, "no"),
    "chain_kinds": (_kinds, ""),
    **{kind: (_has_relation(kind), "no") for kind in RELATION_KINDS},
}


@dataclass(frozen=True, slots=True)
class LabelAgreement:
    """Agreement on one label over the aligned pairs."""

    name: str
    pairs: int
    observed: float
    kappa: float | None
    a_positive: int  # pairs where A's value is not the default
    b_positive: int
    both_positive: int  # pairs where both have the same non-default value

    def to_dict(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "observed": round(self.observed, 3),
            "kappa": None if self.kappa is None else round(self.kappa, 3),
            "a_positive": self.a_positive,
            "b_positive": self.b_positive,
            "both_positive": self.both_positive,
        }


@dataclass(slots=True)
class Matches:
    """Items matched between the annotators (hops, relations): A's count, B's, matched."""

    a: int = 0
    b: int = 0
    matched: int = 0

    def prf(self) -> PRF:
        """B measured against A."""
        return PRF.from_counts(self.matched, self.b, self.a)


@dataclass(slots=True)
class AgreementReport:
    docs: tuple[str, ...] = ()
    statements: Matches = field(default_factory=Matches)
    labels: dict[str, LabelAgreement] = field(default_factory=dict)
    items: dict[str, Matches] = field(default_factory=dict)
    disagreements: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def prf(m: Matches) -> dict[str, Any]:
            return {"a": m.a, "b": m.b, "matched": m.matched, **m.prf().flat("")}

        return {
            "docs": list(self.docs),
            "statements": prf(self.statements),
            "labels": {k: v.to_dict() for k, v in self.labels.items()},
            "items": {k: prf(v) for k, v in self.items.items()},
            "disagreements": list(self.disagreements),
        }


def _by_doc(statements: Iterable[GoldStatement]) -> dict[str, list[GoldStatement]]:
    out: dict[str, list[GoldStatement]] = {}
    for s in statements:
        out.setdefault(s.doc, []).append(s)
    return out


def _where(s: GoldStatement, texts: Mapping[str, str]) -> str:
    spans = ",".join(f"{x.start}-{x.end}" for x in s.content)
    text = texts.get(s.doc)
    if text is None:
        return f"{s.id} [{spans}]"
    words = " … ".join(text[x.start : x.end] for x in s.content)
    words = " ".join(words.split())
    return f"{s.id} [{spans}] {words[:70]!r}"


def agreement(
    a: Sequence[GoldStatement],
    b: Sequence[GoldStatement],
    docs: Iterable[str] | None = None,
    texts: Mapping[str, str] | None = None,
) -> AgreementReport:
    """Compare annotations A and B on ``docs`` (default: the documents B annotated).

    ``texts`` (document id -> text) only adds the words of each content to the listed
    disagreements; the figures do not depend on it.
    """
    texts = texts or {}
    a_docs, b_docs = _by_doc(a), _by_doc(b)
    wanted = tuple(sorted(set(docs) if docs is not None else set(b_docs)))
    report = AgreementReport(docs=wanted)
    values: dict[str, list[tuple[str, str]]] = {name: [] for name in CATEGORICAL}
    for kind in ("chain_hops", *RELATION_KINDS):
        report.items[kind] = Matches()
    for doc in wanted:
        left, right = a_docs.get(doc, []), b_docs.get(doc, [])
        pairs = align(left, right)
        report.statements.a += len(left)
        report.statements.b += len(right)
        report.statements.matched += len(pairs)
        a_by_id, b_by_id = {s.id: s for s in left}, {s.id: s for s in right}
        back = {bid: aid for aid, bid in pairs.items()}
        for s in left:
            if s.id not in pairs:
                report.disagreements.append(f"only A: {_where(s, texts)}")
        for s in right:
            if s.id not in back:
                report.disagreements.append(f"only B: {_where(s, texts)}")
        for aid, bid in pairs.items():
            sa, sb = a_by_id[aid], b_by_id[bid]
            for name, (value, _) in CATEGORICAL.items():
                va, vb = value(sa), value(sb)
                values[name].append((va, vb))
                if va != vb:
                    report.disagreements.append(
                        f"{name}: A={va or '-'} B={vb or '-'} {aid} ~ {bid}"
                    )
            _match_hops(report, sa, sb)
        _match_relations(report, left, right, pairs, back)
    for name, (_, default) in CATEGORICAL.items():
        observed, kappa = cohen_kappa(values[name])
        pairs_ = values[name]
        report.labels[name] = LabelAgreement(
            name=name,
            pairs=len(pairs_),
            observed=observed,
            kappa=kappa,
            a_positive=sum(x != default for x, _ in pairs_),
            b_positive=sum(y != default for _, y in pairs_),
            both_positive=sum(x == y != default for x, y in pairs_),
        )
    return report


def _match_hops(report: AgreementReport, sa: GoldStatement, sb: GoldStatement) -> None:
    """The outer hops (all but the speaker) of a pair, matched by kind and mention."""
    t = report.items["chain_hops"]
    hops_a, hops_b = list(sa.chain[:-1]), list(sb.chain[:-1])
    t.a += len(hops_a)
    t.b += len(hops_b)
    for hb in hops_b:
        hit = next(
            (
                ha
                for ha in hops_a
                if ha.kind == hb.kind
                and (ha.mention is None or hb.mention is None or ha.mention.overlaps(hb.mention))
            ),
            None,
        )
        if hit is not None:
            hops_a.remove(hit)
            t.matched += 1
        else:
            report.disagreements.append(f"chain hop only B: {hb.kind} {sa.id} ~ {sb.id}")
    for ha in hops_a:
        report.disagreements.append(f"chain hop only A: {ha.kind} {sa.id} ~ {sb.id}")


def _match_relations(
    report: AgreementReport,
    left: Sequence[GoldStatement],
    right: Sequence[GoldStatement],
    pairs: Mapping[str, str],
    back: Mapping[str, str],
) -> None:
    rel_a = [(s.id, r) for s in left for r in s.relations if r.kind in RELATION_KINDS]
    used: set[int] = set()
    for s in right:
        for r in s.relations:
            if r.kind not in RELATION_KINDS:
                continue
            t = report.items[r.kind]
            t.b += 1
            src = back.get(s.id)
            tgt = back.get(r.target) if r.target is not None else None
            hit = next(
                (
                    k
                    for k, (aid, ra) in enumerate(rel_a)
                    if k not in used
                    and ra.kind == r.kind
                    and aid == src
                    # a target B names must be aligned to A's; an unaligned one matches
                    # nothing (not A's implicit target, which is None too)
                    and (
                        ra.target is None
                        if r.target is None
                        else tgt is not None and ra.target == tgt
                    )
                ),
                None,
            )
            if hit is None:
                target = r.target or "implicit"
                report.disagreements.append(f"{r.kind} only B: {s.id} -> {target}")
            else:
                used.add(hit)
                t.matched += 1
    for k, (aid, ra) in enumerate(rel_a):
        report.items[ra.kind].a += 1
        if k not in used:
            target = ra.target or "implicit"
            partner = pairs.get(aid, "unpaired")
            report.disagreements.append(f"{ra.kind} only A: {aid} -> {target} (~ {partner})")


def render(report: AgreementReport, names: tuple[str, str] = ("A", "B")) -> str:
    """A plain-text table of the report."""
    a, b = names
    st = report.statements
    prf = st.prf()
    lines = [
        f"agreement {a} vs {b} on {len(report.docs)} documents",
        f"statements: {a} {st.a}, {b} {st.b}, aligned {st.matched}; "
        f"F1 {100 * prf.f1:.1f} (P {100 * prf.precision:.1f}, R {100 * prf.recall:.1f})",
        "",
        f"{'label':<14}{'pairs':>6}{'raw':>7}{'kappa':>7}{a + '+':>6}{b + '+':>6}{'both':>6}",
    ]
    for name, la in report.labels.items():
        kappa = "n/a" if la.kappa is None else f"{la.kappa:.2f}"
        lines.append(
            f"{name:<14}{la.pairs:>6}{100 * la.observed:>6.1f}%{kappa:>7}"
            f"{la.a_positive:>6}{la.b_positive:>6}{la.both_positive:>6}"
        )
    lines += ["", f"{'items':<14}{a:>6}{b:>6}{'match':>7}{'F1':>7}"]
    for name, m in report.items.items():
        lines.append(f"{name:<14}{m.a:>6}{m.b:>6}{m.matched:>7}{100 * m.prf().f1:>7.1f}")
    return "\n".join(lines)


#: the first annotation: every line of the evidence gold set (dev and held-out)
REFERENCE = (
    Path("quality") / "evidence" / "gold.jsonl",
    Path("quality") / "evidence" / "heldout.jsonl",
)


def default_reference() -> list[Path]:
    return [REPO_ROOT / p for p in REFERENCE]


def run(
    second: Path, reference: Sequence[Path] | None = None, data_root: Path | None = None
) -> AgreementReport:
    """Compare ``second`` (B) with the reference annotation (A, default: the whole evidence
    gold set) on the documents B annotated. With ``data_root`` the listed disagreements
    show the words of each content. Unreadable, malformed or empty files raise E004."""
    b = read_gold(second)
    if not b:  # nothing to compare: a table of zeros would read as total disagreement
        raise SaysoError(E004, path=second, detail="it holds no statements")
    a = [s for path in (reference or default_reference()) for s in read_gold(path)]
    docs = sorted({s.doc for s in b})
    texts = document_texts(data_root, docs) if data_root is not None else {}
    return agreement(a, b, docs, texts)
