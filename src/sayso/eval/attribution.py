"""The PolNeAR attribution metric: Source, Cue and Content spans, and whole attributions.

Units are corpus tokens (``GoldDoc.tokens``; system character spans are mapped with
:class:`~sayso.eval.align.TokenIndex`). sayso's ``speaker`` is PolNeAR's Source, ``cue`` its
Cue and ``content`` its Content; ``frame`` and ``addressee`` are not scored here.

Per role (``source``, ``cue``, ``content``), micro-averaged over all documents:

- **exact**: a role instance (one attribution's role, all its fragments together, as a
  token set) is correct when the other side has an instance with exactly the same tokens.
  Instances are de-duplicated per document (PolNeAR attributions may share one Source), so
  P = correct system instances / system instances, R = correct gold / gold instances.
- **overlap** (token level): per document the union of the role's tokens on each side;
  P = shared tokens / system tokens, R = shared tokens / gold tokens. PolNeAR gives each
  token at most one label, so this is the usual tagging score.

Whole attributions (an attribution = its source, cue and content):

- **exact**: all three token sets equal (an empty source matches only an empty source);
  counted as a multiset intersection per document.
- **overlap**: every role overlaps its counterpart (a source that is empty on both sides
  counts as matching, empty on one side only does not); pairs are found one-to-one by a
  maximum bipartite matching (``linear_sum_assignment``), so one system attribution is
  never credited twice.

Division by zero (no system or no gold instances) gives 0.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from sayso.eval.align import TokenIds, TokenIndex
from sayso.eval.corpus import GoldDoc
from sayso.eval.metrics import PRF, System, length_warning, run_system
from sayso.model import Analysis, Span

#: Metric role name -> sayso role name.
ROLE_NAMES: dict[str, str] = {"source": "speaker", "cue": "cue", "content": "content"}

Triple = tuple[TokenIds, TokenIds, TokenIds]  # source, cue, content


def gold_triples(doc: GoldDoc, index: TokenIndex) -> list[Triple]:
    return [_triple({r: q.roles[r] for r in ROLE_NAMES.values()}, index) for q in doc.quotes]


def system_triples(analysis: Analysis, index: TokenIndex) -> list[Triple]:
    return [_triple(s.roles(), index) for s in analysis.statements]


def _triple(roles: Mapping[str, Sequence[Span]], index: TokenIndex) -> Triple:
    source, cue, content = (index.ids(roles.get(r, ())) for r in ROLE_NAMES.values())
    return source, cue, content


@dataclass(frozen=True, slots=True)
class Tally:
    """Micro counts: true positives, system total, gold total."""

    tp: int = 0
    system: int = 0
    gold: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.tp + other.tp, self.system + other.system, self.gold + other.gold)

    def prf(self) -> PRF:
        return PRF.from_counts(self.tp, self.system, self.gold)


@dataclass(frozen=True, slots=True)
class DocCounts:
    """Token errors of one document (FP + FN over the three roles), for error ranking."""

    doc_id: str
    errors: int


def _role_sets(triples: Iterable[Triple], i: int) -> set[TokenIds]:
    return {t[i] for t in triples if t[i]}


def _tokens(triples: Iterable[Triple], i: int) -> set[int]:
    return {tok for t in triples for tok in t[i]}


def _overlaps(a: TokenIds, b: TokenIds) -> bool:
    return bool(set(a) & set(b))


def triple_match(gold: Triple, system: Triple) -> bool:
    """The overlap criterion for whole attributions (see the module docstring)."""
    if bool(gold[0]) != bool(system[0]):
        return False
    if gold[0] and not _overlaps(gold[0], system[0]):
        return False
    return _overlaps(gold[1], system[1]) and _overlaps(gold[2], system[2])


def overlap_matches(gold: Sequence[Triple], system: Sequence[Triple]) -> int:
    """Size of a maximum one-to-one matching under :func:`triple_match`."""
    if not gold or not system:
        return 0
    ok = np.array([[1.0 if triple_match(g, s) else 0.0 for s in system] for g in gold])
    rows, cols = linear_sum_assignment(ok, maximize=True)
    return int(ok[rows, cols].sum())


@dataclass(frozen=True, slots=True)
class PolnearReport:
    """Scores (fractions in [0, 1]) per role and for whole attributions."""

    docs: int
    gold_attributions: int
    system_attributions: int
    exact: dict[str, PRF]
    overlap: dict[str, PRF]
    attribution_exact: PRF
    attribution_overlap: PRF
    per_doc: tuple[DocCounts, ...] = ()
    warnings: tuple[str, ...] = ()

    def metrics(self) -> dict[str, float]:
        """The flat metric table (percentages, 1 decimal) that floors pin."""
        table: dict[str, float] = {}
        for role in ROLE_NAMES:
            table.update(self.exact[role].flat(f"{role}_exact"))
            table.update(self.overlap[role].flat(f"{role}_overlap"))
        table.update(self.attribution_exact.flat("attribution_exact"))
        table.update(self.attribution_overlap.flat("attribution_overlap"))
        return table

    def doc_errors(self) -> dict[str, int]:
        return {d.doc_id: d.errors for d in self.per_doc}

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": "polnear",
            "docs": self.docs,
            "gold_attributions": self.gold_attributions,
            "system_attributions": self.system_attributions,
            "exact": {k: v.to_dict() for k, v in self.exact.items()},
            "overlap": {k: v.to_dict() for k, v in self.overlap.items()},
            "attribution_exact": self.attribution_exact.to_dict(),
            "attribution_overlap": self.attribution_overlap.to_dict(),
            "metrics": self.metrics(),
            "warnings": list(self.warnings),
        }


def score_analyses(docs: Sequence[GoldDoc], analyses: Sequence[Analysis]) -> PolnearReport:
    """Score ready-made analyses (one per document, same order) against the gold."""
    if len(docs) != len(analyses):
        raise ValueError(f"{len(docs)} documents but {len(analyses)} analyses")
    exact = {role: Tally() for role in ROLE_NAMES}
    overlap = {role: Tally() for role in ROLE_NAMES}
    att_exact = att_overlap = Tally()
    per_doc = []
    warnings = []
    for doc, analysis in zip(docs, analyses, strict=True):
        if warning := length_warning(doc, analysis):
            warnings.append(warning)
        index = TokenIndex(doc.tokens)
        gold, system = gold_triples(doc, index), system_triples(analysis, index)
        errors = 0
        for i, role in enumerate(ROLE_NAMES):
            g_sets, s_sets = _role_sets(gold, i), _role_sets(system, i)
            exact[role] += Tally(len(g_sets & s_sets), len(s_sets), len(g_sets))
            g_tok, s_tok = _tokens(gold, i), _tokens(system, i)
            overlap[role] += Tally(len(g_tok & s_tok), len(s_tok), len(g_tok))
            errors += len(g_tok ^ s_tok)
        same = sum((Counter(gold) & Counter(system)).values())
        att_exact += Tally(same, len(system), len(gold))
        att_overlap += Tally(overlap_matches(gold, system), len(system), len(gold))
        per_doc.append(DocCounts(doc.id, errors))
    return PolnearReport(
        docs=len(docs),
        gold_attributions=sum(len(d.quotes) for d in docs),
        system_attributions=sum(len(a.statements) for a in analyses),
        exact={r: t.prf() for r, t in exact.items()},
        overlap={r: t.prf() for r, t in overlap.items()},
        attribution_exact=att_exact.prf(),
        attribution_overlap=att_overlap.prf(),
        per_doc=tuple(per_doc),
        warnings=tuple(warnings),
    )


def evaluate(docs: Sequence[GoldDoc], system: System | None = None) -> PolnearReport:
    """Run ``system`` (default ``sayso.analyze``) on every document and score it."""
    return score_analyses(docs, run_system(docs, system))
