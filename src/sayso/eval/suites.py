"""Named evaluations: which reader and which scorer belong to a corpus.

A *corpus* (``wikinews-de``, ``polnear``) pairs a reader with a scorer; a *suite* is a corpus
split under the data root (``wikinews-de/dev``). The quality gate runs the dev suites.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sayso.eval import attribution, polnear, spkatt, wikinews
from sayso.eval.corpus import GoldDoc
from sayso.eval.data import REPO_ROOT, data_root
from sayso.eval.metrics import System, run_system
from sayso.model import Analysis


class Report(Protocol):
    """What every scorer's report offers: the flat metric table, errors per document."""

    @property
    def warnings(self) -> tuple[str, ...]: ...

    def metrics(self) -> dict[str, float]: ...

    def doc_errors(self) -> dict[str, int]: ...

    def to_dict(self) -> dict[str, Any]: ...


Reader = Callable[[Path], list[GoldDoc]]
Scorer = Callable[[Sequence[GoldDoc], Sequence[Analysis]], Report]


def _same(analysis: Analysis) -> Analysis:
    return analysis


@dataclass(frozen=True, slots=True)
class Corpus:
    """A reader and a scorer; ``view`` maps an analysis onto the corpus' annotation
    conventions where they differ from sayso's data model (applied before scoring and
    when showing errors, never to what sayso returns)."""

    name: str
    read: Reader
    score: Scorer
    view: Callable[[Analysis], Analysis] = _same


CORPORA: dict[str, Corpus] = {
    "wikinews-de": Corpus(
        "wikinews-de", wikinews.read_corpus, spkatt.score_analyses, wikinews.corpus_view
    ),
    "polnear": Corpus(
        "polnear", polnear.read_corpus, attribution.score_analyses, polnear.corpus_view
    ),
}

#: The suites the quality gate always runs, as ``corpus/split`` under the data root; it
#: also runs every other suite pinned in the floors file, such as ``evidence/gold`` and
#: ``evidence/heldout``: the project's own evidence annotation sets
#: (``quality/evidence/<set>.jsonl``) over documents under the data root, and
#: ``speakers/dev`` (``quality/speakers/dev.jsonl``, the entity-level speaker gold; its
#: held-out part is only measured, never pinned).
EVIDENCE_SUITES = ("evidence/gold", "evidence/heldout")
GATE_SUITES: tuple[str, ...] = ("wikinews-de/dev", "polnear/dev")


@dataclass(frozen=True, slots=True)
class Run:
    """One evaluation: the gold documents, the system's analyses and the scores."""

    corpus: str
    docs: tuple[GoldDoc, ...]
    analyses: tuple[Analysis, ...]
    report: Report


def run_corpus(
    corpus: str,
    path: Path,
    system: System | None = None,
    limit: int | None = None,
    reader: Reader | None = None,
) -> Run:
    """Read the corpus at ``path`` (first ``limit`` documents), run the system, score it."""
    spec = CORPORA[corpus]
    docs = (reader or spec.read)(path)
    if limit is not None:
        docs = docs[: max(limit, 0)]
    analyses = run_system(docs, system)
    report = spec.score(docs, [spec.view(a) for a in analyses])
    return Run(corpus, tuple(docs), tuple(analyses), report)


def run_suite(suite: str, data_root: Path, system: System | None = None) -> Run:
    """Run a ``corpus/split`` suite below ``data_root``."""
    if suite.startswith("evidence/"):
        # evidence/<set>: quality/evidence/<set>.jsonl, our own annotations
        from sayso.eval import evidence

        gold = evidence.default_gold().with_name(suite.split("/", 1)[1] + ".jsonl")
        docs, analyses, report = evidence.run(data_root, gold, system=system)
        return Run("evidence", tuple(docs), tuple(analyses), report)
    if suite.startswith("speakers/"):
        # speakers/<part>: quality/speakers/<part>.jsonl, our own entity-level speaker gold
        from sayso.eval import speakers

        gold = speakers.default_gold(suite.split("/", 1)[1])
        sdocs, sanalyses, sreport = speakers.run(data_root, gold, system=system)
        return Run("speakers", tuple(sdocs), tuple(sanalyses), sreport)
    corpus = suite.split("/", 1)[0]
    return run_corpus(corpus, data_root / suite, system)


__all__ = ["CORPORA", "GATE_SUITES", "REPO_ROOT", "Corpus", "Report", "Run", "data_root"]
