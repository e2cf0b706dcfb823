"""Human-readable output of evaluations: score tables and side-by-side error listings.

The error listing pairs gold and system quotations with the SpkAtt pairing (for every
corpus, so PolNeAR errors read the same way) and shows, per unit, each role's gold text
next to the system text. Perfect units are counted, not shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sayso.eval.attribution import PolnearReport
from sayso.eval.corpus import ROLES, GoldDoc, GoldQuote
from sayso.eval.evidence import EvidenceReport
from sayso.eval.floors import Check
from sayso.eval.metrics import PRF
from sayso.eval.spkatt import PairScore, SpkAttReport, doc_groups, score_document
from sayso.eval.suites import CORPORA, Report, Run
from sayso.model import Analysis, Span, Statement

CLIP = 160


def pct(value: float) -> str:
    return f"{100 * value:5.1f}"


def prf_cells(prf: PRF) -> str:
    return f"{pct(prf.precision)}  {pct(prf.recall)}  {pct(prf.f1)}"


def render_report(corpus: str, report: Report) -> str:
    """The score table of one evaluation, warnings last."""
    if isinstance(report, SpkAttReport):
        lines = _spkatt_lines(corpus, report)
    elif isinstance(report, PolnearReport):
        lines = _polnear_lines(corpus, report)
    elif isinstance(report, EvidenceReport):
        lines = _evidence_lines(corpus, report)
    else:
        lines = [corpus] + [f"  {k:<32}{v:6.1f}" for k, v in report.metrics().items()]
    lines += [f"warning: {w}" for w in report.warnings]
    return "\n".join(lines)


def _evidence_lines(corpus: str, r: EvidenceReport) -> list[str]:
    lines = [
        f"{corpus}: per-label precision / recall on sayso's own annotation set",
        f"{'':26}{'P':>5}  {'R':>5}  {'F1':>5}   tp  fp  fn",
    ]
    for name, t in r.tallies.items():
        lines.append(f"  {name:<24}{prf_cells(t.prf())}  {t.tp:>3} {t.fp:>3} {t.fn:>3}")
    return lines


def _spkatt_lines(corpus: str, r: SpkAttReport) -> list[str]:
    lines = [
        f"{corpus}: {r.docs} documents, {r.gold_quotes} gold quotations, "
        f"{r.system_quotes} system statements",
        f"{'':14}{'P':>5}  {'R':>5}  {'F1':>5}",
    ]
    for name in ("messages", "roles", "joint", "form", "medium"):
        lines.append(f"{name.capitalize():<14}{prf_cells(getattr(r, name))}")
    lines.append("per role")
    lines += [f"  {role:<12}{prf_cells(prf)}" for role, prf in r.per_role.items()]
    lines.append(
        f"{'per gold form':<24}{'gold':>5}{'found':>7}{'found%':>8}{'msgF1':>7}{'jointF1':>8}"
    )
    for form, b in r.per_form.items():
        lines.append(
            f"  {form:<22}{b.gold:>5}{b.found:>7}{100 * b.found_recall:>8.1f}"
            f"{100 * b.messages.f1:>7.1f}{100 * b.joint.f1:>8.1f}"
        )
    return lines


def _polnear_lines(corpus: str, r: PolnearReport) -> list[str]:
    lines = [
        f"{corpus}: {r.docs} documents, {r.gold_attributions} gold attributions, "
        f"{r.system_attributions} system statements",
        f"{'':14}{'exact P':>7}  {'R':>5}  {'F1':>5}   {'overlap P':>9}  {'R':>5}  {'F1':>5}",
    ]
    for role in r.exact:
        lines.append(
            f"{role.capitalize():<16}{prf_cells(r.exact[role])}       {prf_cells(r.overlap[role])}"
        )
    lines.append(
        f"{'Attribution':<16}{prf_cells(r.attribution_exact)}       "
        f"{prf_cells(r.attribution_overlap)}"
    )
    return lines


def render_checks(checks: Sequence[Check]) -> str:
    """The gate table: every pinned metric, current score, floor, verdict."""
    lines = [f"{'suite':<18}{'metric':<28}{'current':>8}{'floor':>8}  status"]
    for c in checks:
        value = "—" if c.value is None else f"{c.value:.1f}"
        lines.append(
            f"{c.suite:<18}{c.metric:<28}{value:>8}{c.floor:>8.1f}  {'ok' if c.ok else 'BELOW'}"
        )
    return "\n".join(lines)


# --- error listing ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoleView:
    role: str
    gold: str
    system: str
    correct: bool


@dataclass(frozen=True, slots=True)
class UnitView:
    """A pair, or a missed (gold only) or spurious (system only) quotation."""

    kind: str
    overlap: float
    gold_label: str
    system_label: str
    roles: tuple[RoleView, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "overlap": self.overlap,
            "gold_label": self.gold_label,
            "system_label": self.system_label,
            "roles": [
                {"role": r.role, "gold": r.gold, "system": r.system, "correct": r.correct}
                for r in self.roles
            ],
        }


@dataclass(frozen=True, slots=True)
class DocView:
    doc_id: str
    errors: int
    correct_units: int
    units: tuple[UnitView, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "errors": self.errors,
            "correct_units": self.correct_units,
            "units": [u.to_dict() for u in self.units],
        }


def clip(text: str, limit: int = CLIP) -> str:
    """One line: whitespace collapsed, the middle elided when longer than ``limit``."""
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= limit:
        return flat
    half = (limit - 3) // 2
    return f"{flat[:half]} … {flat[-half:]}"


def spans_text(text: str, spans: Sequence[Span]) -> str:
    return clip(" … ".join(s.text(text) for s in spans))


def _label(form: object, medium: object) -> str:
    if form is None and medium is None:
        return "—"
    return "/".join(getattr(x, "value", "—") for x in (form, medium))


def _unit(doc: GoldDoc, analysis: Analysis, pair: PairScore) -> UnitView:
    gold_quote: GoldQuote | None = doc.quotes[pair.gold] if pair.gold is not None else None
    statement: Statement | None = (
        analysis.statements[pair.system] if pair.system is not None else None
    )
    system_roles = statement.roles() if statement else {}
    roles = []
    for role in ROLES:
        g = gold_quote.roles[role] if gold_quote else ()
        s = system_roles.get(role, ())
        if g or s:
            c = pair.counts[role]
            roles.append(
                RoleView(
                    role, spans_text(doc.text, g), spans_text(analysis.text, s), not c.fp + c.fn
                )
            )
    kind = "pair" if gold_quote and statement else ("missed" if gold_quote else "spurious")
    return UnitView(
        kind,
        pair.overlap,
        _label(pair.gold_form, pair.gold_medium) if gold_quote else "",
        _label(pair.system_form, pair.system_medium) if statement else "",
        tuple(roles),
    )


def _is_correct(pair: PairScore) -> bool:
    return (
        pair.gold is not None
        and pair.system is not None
        and pair.errors == 0
        and pair.gold_form == pair.system_form
        and pair.gold_medium == pair.system_medium
    )


def doc_view(doc: GoldDoc, analysis: Analysis, errors: int) -> DocView:
    gold, system = doc_groups(doc, analysis)
    pairs = score_document(doc.id, gold, system)
    wrong = [p for p in pairs if not _is_correct(p)]
    units = tuple(_unit(doc, analysis, p) for p in wrong)
    return DocView(doc.id, errors, len(pairs) - len(wrong), units)


def worst_docs(run: Run, n: int) -> list[DocView]:
    """The ``n`` documents with the most wrong tokens (ties: document order)."""
    errors = run.report.doc_errors()
    order = sorted(range(len(run.docs)), key=lambda i: (-errors.get(run.docs[i].id, 0), i))
    view = CORPORA[run.corpus].view if run.corpus in CORPORA else (lambda a: a)
    return [
        doc_view(run.docs[i], view(run.analyses[i]), errors.get(run.docs[i].id, 0))
        for i in order[: max(n, 0)]
    ]


def render_doc(view: DocView, rank: int) -> str:
    lines = [
        f"#{rank}  {view.doc_id}  ({view.errors} wrong tokens; "
        f"{view.correct_units} correct quotations not shown)"
    ]
    for unit in view.units:
        if unit.kind == "pair":
            head = (
                f"  pair (content overlap {unit.overlap:.2f})  "
                f"gold {unit.gold_label}  system {unit.system_label}"
            )
        elif unit.kind == "missed":
            head = f"  missed (gold only)  {unit.gold_label}"
        else:
            head = f"  spurious (system only)  {unit.system_label}"
        lines.append(head)
        for r in unit.roles:
            mark = "=" if r.correct else "≠"
            lines.append(f"    {mark} {r.role:<10}gold:   {r.gold or '—'}")
            lines.append(f"      {'':<10}system: {r.system or '—'}")
    return "\n".join(lines)


def render_errors(views: Sequence[DocView]) -> str:
    return "\n\n".join(render_doc(v, i) for i, v in enumerate(views, 1))
