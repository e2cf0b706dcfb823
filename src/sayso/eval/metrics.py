"""Small shared pieces of the scorers: precision/recall/F1 records and the system runner."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sayso.eval.corpus import GoldDoc
from sayso.model import Analysis

#: A system under evaluation: gold document in, analysis of ``doc.text`` out.
System = Callable[[GoldDoc], Analysis]


def default_system(doc: GoldDoc) -> Analysis:
    """sayso itself: ``sayso.analyze(doc.text, lang=doc.lang)``."""
    import sayso

    return sayso.analyze(doc.text, lang=doc.lang)


def run_system(docs: Sequence[GoldDoc], system: System | None = None) -> list[Analysis]:
    """Analyse every document with ``system`` (default: :func:`default_system`)."""
    run = system or default_system
    return [run(doc) for doc in docs]


def length_warning(doc: GoldDoc, analysis: Analysis) -> str | None:
    """A warning when the analysed text is not as long as the gold text (offsets would drift)."""
    if len(analysis.text) == len(doc.text):
        return None
    return (
        f"{doc.id}: analysed text has {len(analysis.text)} characters, gold "
        f"{len(doc.text)}; offsets may not line up"
    )


def ratio(num: float, den: float) -> float:
    """``num / den``, and 0.0 where the reference scripts catch a ZeroDivisionError."""
    return num / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean; 0.0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 as fractions in [0, 1]."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        return cls(precision, recall, f1(precision, recall))

    @classmethod
    def from_counts(cls, tp: int, n_system: int, n_gold: int) -> PRF:
        """Micro P/R/F1 from a true-positive count and the two totals."""
        return cls.of(ratio(tp, n_system), ratio(tp, n_gold))

    def to_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}

    def flat(self, prefix: str) -> dict[str, float]:
        """``{prefix_precision, prefix_recall, prefix_f1}`` as percentages (1 decimal)."""
        return {
            f"{prefix}_precision": pct(self.precision),
            f"{prefix}_recall": pct(self.recall),
            f"{prefix}_f1": pct(self.f1),
        }


def pct(value: float) -> float:
    """A fraction as a percentage rounded to one decimal, the unit of the floors file."""
    return round(100.0 * value, 1)
