"""The PolNeAR attribution scorer on hand-made English documents, scores worked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_builders import analysis, doc, gold, oracle, stmt

from sayso.eval import attribution, polnear
from sayso.eval.attribution import triple_match
from sayso.eval.corpus import GoldQuote, regex_tokens
from sayso.model import Analysis, Form, Span, Statement

TEXT = "The senator said the plan would fail , but aides insisted it was sound ."
# 0 The 1 senator 2 said 3 the 4 plan 5 would 6 fail 7 , 8 but 9 aides 10 insisted 11 it
# 12 was 13 sound 14 .
TOKENS = regex_tokens(TEXT)


def t(first: int, stop: int | None = None) -> tuple[Span, ...]:
    last = first if stop is None else stop - 1
    return (Span(TOKENS[first].start, TOKENS[last].end),)


def g(source: tuple[Span, ...], cue: tuple[Span, ...], content: tuple[Span, ...]) -> GoldQuote:
    return gold(content, speaker=source, cue=cue, form=None, medium=None)


def s(source: tuple[Span, ...], cue: tuple[Span, ...], content: tuple[Span, ...]) -> Statement:
    return stmt(content, speaker=source, cue=cue, form=Form.INDIRECT)


SENATOR = g(t(0, 2), t(2), t(3, 7))
AIDES = g(t(9), t(10), t(11, 14))


def score(golds: list[GoldQuote], systems: list[Statement]) -> attribution.PolnearReport:
    return attribution.score_analyses(
        [doc(*golds, text=TEXT, lang="en")], [analysis(*systems, text=TEXT, lang="en")]
    )


def approx(value: float) -> object:
    return pytest.approx(value, abs=1e-9)


def test_perfect() -> None:
    report = score([SENATOR, AIDES], [s(t(0, 2), t(2), t(3, 7)), s(t(9), t(10), t(11, 14))])
    assert all(v == 100.0 for v in report.metrics().values())
    assert report.doc_errors() == {"d1": 0}


def test_exact_versus_overlap() -> None:
    # content misses "fail": not exact, but 3 of 4 gold tokens
    report = score([SENATOR], [s(t(0, 2), t(2), t(3, 6))])
    assert report.exact["content"].f1 == 0.0
    assert report.overlap["content"].precision == 1.0
    assert report.overlap["content"].recall == approx(3 / 4)
    assert report.exact["source"].f1 == report.exact["cue"].f1 == 1.0
    assert report.attribution_exact.f1 == 0.0
    assert report.attribution_overlap.f1 == 1.0
    assert report.doc_errors() == {"d1": 1}


def test_missing_and_spurious_attributions() -> None:
    report = score([SENATOR, AIDES], [s(t(0, 2), t(2), t(3, 7)), s((), t(7), t(8))])
    assert report.exact["content"].precision == approx(1 / 2)
    assert report.exact["content"].recall == approx(1 / 2)
    assert report.exact["source"].precision == 1.0  # the spurious one has no source
    assert report.exact["source"].recall == approx(1 / 2)
    assert report.overlap["cue"].precision == approx(1 / 2)
    assert report.attribution_exact.precision == approx(1 / 2)
    assert report.attribution_exact.recall == approx(1 / 2)


def test_shared_source_counts_once_for_exact() -> None:
    first = g(t(9), t(10), t(11, 14))
    second = g(t(9), t(2), t(3, 7))
    report = score([first, second], [s(t(9), t(10), t(11, 14))])
    assert report.exact["source"].f1 == 1.0
    assert report.exact["content"].recall == approx(1 / 2)


def test_empty_source_matches_only_empty_source() -> None:
    no_source = g((), t(2), t(3, 7))
    assert score([no_source], [s((), t(2), t(3, 7))]).attribution_exact.f1 == 1.0
    assert score([no_source], [s((), t(2), t(3, 7))]).attribution_overlap.f1 == 1.0
    assert score([no_source], [s(t(0, 2), t(2), t(3, 7))]).attribution_overlap.f1 == 0.0
    assert score([SENATOR], [s((), t(2), t(3, 7))]).attribution_overlap.f1 == 0.0


def test_overlap_matching_is_one_to_one() -> None:
    # two gold attributions overlap the one system attribution in every role
    a = g(t(0, 2), t(2), t(3, 5))
    b = g(t(1), t(2), t(5, 7))
    report = score([a, b], [s(t(0, 2), t(2), t(3, 7))])
    assert report.attribution_overlap.precision == 1.0
    assert report.attribution_overlap.recall == approx(1 / 2)


def test_triple_match() -> None:
    assert triple_match(((1,), (2,), (3, 4)), ((1,), (2,), (4, 5)))
    assert not triple_match(((1,), (2,), (3,)), ((1,), (7,), (3,)))


def test_empty_everything() -> None:
    report = score([], [])
    assert all(v == 0.0 for v in report.metrics().values())
    assert attribution.score_analyses([], []).docs == 0
    with pytest.raises(ValueError):
        attribution.score_analyses([doc()], [])


def test_evaluate_with_callable() -> None:
    def system(d: object) -> Analysis:
        return analysis(s(t(0, 2), t(2), t(3, 7)), text=TEXT, lang="en")

    report = attribution.evaluate([doc(SENATOR, text=TEXT, lang="en")], system)
    assert report.attribution_exact.f1 == 1.0
    assert report.to_dict()["metric"] == "polnear"


@pytest.mark.corpus
def test_gold_as_system_scores_100_on_dev(polnear_dev: Path) -> None:
    docs = polnear.read_corpus(polnear_dev)

    report = attribution.evaluate(docs, oracle)
    assert all(v == 100.0 for v in report.metrics().values())
