"""The SpkAtt-2023 / German news quotation metric, reimplemented to give the same numbers.

It follows the reference script of the shared task and the corpus paper (``eval_quotes.py``
in the ``uhh-lt`` repositories) step by step:

1. **Tokens.** Every role of every quotation becomes a sorted, duplicate-free set of corpus
   token ids. System character spans are mapped with :class:`~sayso.eval.align.TokenIndex`
   (a token counts when the span overlaps it).
2. **Pairing, per document.** Gold and system quotations are paired with
   ``scipy.optimize.linear_sum_assignment(maximize=True)`` on the token F1 of the content
   (quote) role, plus tie-breakers of 0.01 for the same form and 0.001 for the same medium
   (only where the contents overlap). *Quirk:* the assignment always pairs
   ``min(#gold, #system)`` quotations, **even pairs whose contents do not overlap at all**;
   such a pair still earns credit for any other role that overlaps.
3. **Counting.** For each pair and each role, TP = shared tokens, FP = system-only, FN =
   gold-only. Unpaired system quotations are scored against an empty gold quotation (all
   FP), unpaired gold ones against an empty system quotation (all FN).
4. **Macro averages over pairs.** A pair's precision for a role is ``tp / (tp + fp)`` and is
   only defined when the system predicted that role; its recall ``tp / (tp + fn)`` only when
   gold has it. Undefined values are *left out* of the average. *Quirk:* leaving a role empty
   therefore costs recall but never precision, and a role that is empty on both sides
   counts nowhere. Messages = content role; Roles = speaker, cue, frame and addressee pooled
   (one average over all their defined values, not a mean of per-role means); Joint = all
   five pooled. F1 is the harmonic mean of the macro P and macro R.
5. **Division by zero.** Where no value is defined (e.g. the system predicts no roles at
   all) the reference reports 0.0; so do we, and the report carries a warning saying so.
6. **Form and medium** are micro-averaged labels over all pairs and unpaired quotations:
   equal labels are a TP, otherwise the system label is an FP and the gold label an FN (an
   unpaired quotation contributes only its own side). Gold medium "none" is
   ``Medium.UNKNOWN``, which is also what a system that does not guess the medium reports.

Beyond the reference, the report has per-role P/R/F1 (same macro rule) and a per-gold-form
breakdown (see :class:`FormBreakdown`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from sayso.eval.align import TokenIds, TokenIndex
from sayso.eval.corpus import ROLES, GoldDoc, GoldQuote
from sayso.eval.metrics import PRF, System, length_warning, pct, ratio, run_system
from sayso.model import Analysis, Form, Medium, Statement

#: The roles pooled into "Roles" (everything but the content).
ARGUMENT_ROLES: tuple[str, ...] = ("speaker", "cue", "frame", "addressee")
FORM_BONUS = 0.01
MEDIUM_BONUS = 0.001


@dataclass(frozen=True, slots=True)
class Group:
    """A quotation reduced to what the metric sees: token ids per role, form, medium."""

    roles: dict[str, TokenIds]
    form: Form | None = None
    medium: Medium | None = None

    @classmethod
    def empty(cls) -> Group:
        """The stand-in partner of an unpaired quotation."""
        return cls({role: () for role in ROLES})


def gold_group(quote: GoldQuote, index: TokenIndex) -> Group:
    return Group({role: index.ids(quote.roles[role]) for role in ROLES}, quote.form, quote.medium)


def system_group(statement: Statement, index: TokenIndex) -> Group:
    spans = statement.roles()
    return Group(
        {role: index.ids(spans.get(role, ())) for role in ROLES},
        statement.form,
        statement.medium,
    )


@dataclass(frozen=True, slots=True)
class Counts:
    """Token TP/FP/FN of one role in one pair."""

    tp: int
    fp: int
    fn: int

    @classmethod
    def of(cls, gold: TokenIds, system: TokenIds) -> Counts:
        g, s = set(gold), set(system)
        both = len(g & s)
        return cls(both, len(s) - both, len(g) - both)

    @property
    def precision(self) -> float | None:
        """Defined only when the system predicted the role."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """Defined only when gold has the role."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def content_overlap(gold: TokenIds, system: TokenIds) -> float:
    """Token F1 of two content roles, the pairing score (0.0 when either is empty)."""
    both = len(set(gold) & set(system))
    if not both:
        return 0.0
    precision, recall = both / len(system), both / len(gold)
    return 2 * precision * recall / (precision + recall)


def pairing_score(gold: Group, system: Group) -> float:
    overlap = content_overlap(gold.roles["content"], system.roles["content"])
    if overlap <= 0.0:
        return 0.0
    bonus = FORM_BONUS if gold.form == system.form else 0.0
    bonus += MEDIUM_BONUS if gold.medium == system.medium else 0.0
    return overlap + bonus


def assign(gold: Sequence[Group], system: Sequence[Group]) -> list[tuple[int, int]]:
    """Hungarian pairing as in the reference: ``min(len(gold), len(system))`` pairs
    (gold index, system index), maximising the summed pairing scores; zero-score pairs
    are kept (see the module docstring)."""
    if not gold or not system:
        return []
    scores = np.array([[pairing_score(g, s) for s in system] for g in gold], dtype=float)
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True)]


@dataclass(frozen=True, slots=True)
class PairScore:
    """One scored unit: a pair, or an unpaired quotation (the other index is None)."""

    doc_id: str
    gold: int | None
    system: int | None
    overlap: float
    counts: dict[str, Counts]
    gold_form: Form | None
    system_form: Form | None
    gold_medium: Medium | None
    system_medium: Medium | None

    @property
    def errors(self) -> int:
        """Wrong tokens over all roles (FP + FN), the measure used to rank documents."""
        return sum(c.fp + c.fn for c in self.counts.values())


def score_pair(
    doc_id: str, gold: Group | None, system: Group | None, gi: int | None, si: int | None
) -> PairScore:
    g, s = gold or Group.empty(), system or Group.empty()
    return PairScore(
        doc_id=doc_id,
        gold=gi,
        system=si,
        overlap=content_overlap(g.roles["content"], s.roles["content"]),
        counts={role: Counts.of(g.roles[role], s.roles[role]) for role in ROLES},
        gold_form=gold.form if gold else None,
        system_form=system.form if system else None,
        gold_medium=gold.medium if gold else None,
        system_medium=system.medium if system else None,
    )


def score_document(doc_id: str, gold: Sequence[Group], system: Sequence[Group]) -> list[PairScore]:
    """Pairs first (in gold order), then unpaired system, then unpaired gold quotations."""
    pairs = assign(gold, system)
    scores = [score_pair(doc_id, gold[g], system[s], g, s) for g, s in pairs]
    paired_gold = {g for g, _ in pairs}
    paired_system = {s for _, s in pairs}
    scores += [
        score_pair(doc_id, None, system[s], None, s)
        for s in range(len(system))
        if s not in paired_system
    ]
    scores += [
        score_pair(doc_id, gold[g], None, g, None) for g in range(len(gold)) if g not in paired_gold
    ]
    return scores


def doc_groups(doc: GoldDoc, analysis: Analysis) -> tuple[list[Group], list[Group]]:
    """Gold and system groups of one document on the corpus tokenisation."""
    index = TokenIndex(doc.tokens)
    return (
        [gold_group(q, index) for q in doc.quotes],
        [system_group(s, index) for s in analysis.statements],
    )


# --- aggregation --------------------------------------------------------------------------


def macro(pairs: Iterable[PairScore], roles: Sequence[str]) -> tuple[PRF, bool, bool]:
    """Macro P/R/F1 over pairs for the pooled ``roles``; plus whether P, R were undefined."""
    precisions: list[float] = []
    recalls: list[float] = []
    for pair in pairs:
        for role in roles:
            p, r = pair.counts[role].precision, pair.counts[role].recall
            if p is not None:
                precisions.append(p)
            if r is not None:
                recalls.append(r)
    prf = PRF.of(ratio(sum(precisions), len(precisions)), ratio(sum(recalls), len(recalls)))
    return prf, not precisions, not recalls


def label_prf(pairs: Iterable[PairScore], attr: str) -> PRF:
    """Micro P/R/F1 of a label (``form`` or ``medium``) over all scored units."""
    tp = fp = fn = 0
    for pair in pairs:
        gold, system = getattr(pair, f"gold_{attr}"), getattr(pair, f"system_{attr}")
        if gold is not None and gold == system:
            tp += 1
            continue
        fp += system is not None
        fn += gold is not None
    return PRF.from_counts(tp, tp + fp, tp + fn)


@dataclass(frozen=True, slots=True)
class FormBreakdown:
    """Scores restricted to the gold quotations of one form.

    ``found`` counts gold quotations paired with a system quotation whose content overlaps
    (``found_recall`` = found / gold). ``messages``/``joint`` are the macro scores over the
    units whose gold side has this form (precision therefore only over pairs).
    """

    gold: int
    found: int
    found_recall: float
    messages: PRF
    joint: PRF

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "found": self.found,
            "found_recall": self.found_recall,
            "messages": self.messages.to_dict(),
            "joint": self.joint.to_dict(),
        }


def form_breakdown(pairs: Sequence[PairScore]) -> dict[str, FormBreakdown]:
    result: dict[str, FormBreakdown] = {}
    for form in Form:
        units = [p for p in pairs if p.gold is not None and p.gold_form == form]
        if not units:
            continue
        found = sum(1 for p in units if p.system is not None and p.overlap > 0)
        result[form.value] = FormBreakdown(
            gold=len(units),
            found=found,
            found_recall=ratio(found, len(units)),
            messages=macro(units, ("content",))[0],
            joint=macro(units, ROLES)[0],
        )
    return result


@dataclass(frozen=True, slots=True)
class SpkAttReport:
    """All scores of one evaluation run (fractions in [0, 1]) and the scored units."""

    docs: int
    gold_quotes: int
    system_quotes: int
    messages: PRF
    roles: PRF
    joint: PRF
    form: PRF
    medium: PRF
    per_role: dict[str, PRF]
    per_form: dict[str, FormBreakdown]
    pairs: tuple[PairScore, ...] = field(repr=False)
    warnings: tuple[str, ...] = ()

    def metrics(self) -> dict[str, float]:
        """The flat metric table (percentages, 1 decimal) that floors pin."""
        table: dict[str, float] = {}
        for name in ("messages", "roles", "joint", "form", "medium"):
            table.update(getattr(self, name).flat(name))
        for role, prf in self.per_role.items():
            table.update(prf.flat(role))
        # quotation-level recall per gold form ("recall of reported quotations")
        for form, fb in self.per_form.items():
            table[f"{form}_found_recall"] = pct(fb.found_recall)
        return table

    def doc_errors(self) -> dict[str, int]:
        """Wrong tokens per document (FP + FN over all roles)."""
        errors: dict[str, int] = {}
        for pair in self.pairs:
            errors[pair.doc_id] = errors.get(pair.doc_id, 0) + pair.errors
        return errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": "spkatt",
            "docs": self.docs,
            "gold_quotes": self.gold_quotes,
            "system_quotes": self.system_quotes,
            "messages": self.messages.to_dict(),
            "roles": self.roles.to_dict(),
            "joint": self.joint.to_dict(),
            "form": self.form.to_dict(),
            "medium": self.medium.to_dict(),
            "per_role": {k: v.to_dict() for k, v in self.per_role.items()},
            "per_form": {k: v.to_dict() for k, v in self.per_form.items()},
            "metrics": self.metrics(),
            "warnings": list(self.warnings),
        }


def _undefined_warnings(name: str, undefined_p: bool, undefined_r: bool) -> list[str]:
    out = []
    if undefined_p:
        out.append(
            f"{name} precision is undefined (the system predicted no such tokens in any "
            "quotation); reported as 0.0 like the reference script"
        )
    if undefined_r:
        out.append(
            f"{name} recall is undefined (gold has no such tokens); reported as 0.0 "
            "like the reference script"
        )
    return out


def score_analyses(docs: Sequence[GoldDoc], analyses: Sequence[Analysis]) -> SpkAttReport:
    """Score ready-made analyses (one per document, same order) against the gold."""
    if len(docs) != len(analyses):
        raise ValueError(f"{len(docs)} documents but {len(analyses)} analyses")
    pairs: list[PairScore] = []
    warnings: list[str] = []
    for doc, analysis in zip(docs, analyses, strict=True):
        if warning := length_warning(doc, analysis):
            warnings.append(warning)
        gold, system = doc_groups(doc, analysis)
        pairs.extend(score_document(doc.id, gold, system))
    aggregates: dict[str, PRF] = {}
    for name, roles in (("Messages", ("content",)), ("Roles", ARGUMENT_ROLES), ("Joint", ROLES)):
        prf, undefined_p, undefined_r = macro(pairs, roles)
        aggregates[name] = prf
        warnings += _undefined_warnings(name, undefined_p, undefined_r)
    return SpkAttReport(
        docs=len(docs),
        gold_quotes=sum(len(d.quotes) for d in docs),
        system_quotes=sum(len(a.statements) for a in analyses),
        messages=aggregates["Messages"],
        roles=aggregates["Roles"],
        joint=aggregates["Joint"],
        form=label_prf(pairs, "form"),
        medium=label_prf(pairs, "medium"),
        per_role={role: macro(pairs, (role,))[0] for role in ROLES},
        per_form=form_breakdown(pairs),
        pairs=tuple(pairs),
        warnings=tuple(warnings),
    )


def evaluate(docs: Sequence[GoldDoc], system: System | None = None) -> SpkAttReport:
    """Run ``system`` (default ``sayso.analyze``) on every document and score it."""
    return score_analyses(docs, run_system(docs, system))
