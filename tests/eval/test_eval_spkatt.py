"""The SpkAtt-2023 scorer on tiny documents whose scores are worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_builders import TEXT, analysis, doc, gold, oracle, stmt, toks

from sayso.eval import spkatt, wikinews
from sayso.eval.corpus import GoldQuote
from sayso.eval.spkatt import Group, assign, content_overlap
from sayso.model import Analysis, Form, Medium, Span, Statement


def approx(value: float) -> object:
    return pytest.approx(value, abs=1e-9)


def score(gold_quotes: list[GoldQuote], statements: list[Statement]) -> spkatt.SpkAttReport:
    return spkatt.score_analyses([doc(*gold_quotes)], [analysis(*statements)])


FULL_GOLD = gold(toks(6, 13), speaker=toks(0, 2), cue=toks(2), frame=toks(0, 3))
FULL_SYS = stmt(toks(6, 13), speaker=toks(0, 2), cue=toks(2), frame=toks(0, 3))


def test_perfect() -> None:
    report = score([FULL_GOLD], [FULL_SYS])
    for prf in (report.messages, report.roles, report.joint, report.form, report.medium):
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
    assert report.warnings == ()
    assert report.doc_errors() == {"d1": 0}


def test_disjoint_contents_are_still_paired_and_score_zero() -> None:
    report = score([gold(toks(6, 13))], [stmt(toks(14, 20))])
    assert len(report.pairs) == 1  # the reference pairs min(#gold, #system) quotations
    assert (report.messages.precision, report.messages.recall) == (0.0, 0.0)
    assert report.pairs[0].errors == 7 + 6


def test_zero_overlap_pair_still_earns_role_credit() -> None:
    """Quirk of the reference: a pair without content overlap keeps its speaker credit."""
    report = score(
        [gold(toks(6, 13), speaker=toks(0, 2))], [stmt(toks(14, 20), speaker=toks(0, 2))]
    )
    assert report.roles.precision == 1.0
    assert report.roles.recall == 1.0
    assert report.messages.f1 == 0.0


def test_partial_overlap_by_hand() -> None:
    # content gold 6..11 (6 tokens), system 8..13 (6 tokens): tp 4, fp 2, fn 2
    # speaker gold {15,16}, system {16}: P 1, R 1/2
    # cue both {17}: P 1, R 1; frame: system only {14}: P 0, R undefined
    g = gold(toks(6, 12), speaker=toks(15, 17), cue=toks(17))
    s = stmt(toks(8, 14), speaker=toks(16), cue=toks(17), frame=toks(14))
    report = score([g], [s])
    assert report.messages.precision == approx(4 / 6)
    assert report.messages.recall == approx(4 / 6)
    assert report.roles.precision == approx((1 + 1 + 0) / 3)
    assert report.roles.recall == approx((0.5 + 1) / 2)
    assert report.joint.precision == approx((4 / 6 + 1 + 1 + 0) / 4)
    assert report.joint.recall == approx((4 / 6 + 0.5 + 1) / 3)
    p, r = 2 / 3, 0.75
    assert report.roles.f1 == approx(2 * p * r / (p + r))
    assert report.per_role["frame"].recall == 0.0
    assert report.per_role["speaker"].recall == approx(0.5)


def test_unpaired_gold_costs_recall_only() -> None:
    report = score([FULL_GOLD, gold(toks(14, 20), cue=toks(17))], [FULL_SYS])
    assert report.messages.precision == 1.0
    assert report.messages.recall == approx(0.5)  # mean(1, 0)
    assert report.roles.recall == approx((1 + 1 + 1 + 0) / 4)
    assert report.form.precision == 1.0 and report.form.recall == approx(0.5)


def test_unpaired_system_costs_precision_only() -> None:
    report = score([FULL_GOLD], [FULL_SYS, stmt(toks(14, 20), cue=toks(17))])
    assert report.messages.precision == approx(0.5)
    assert report.messages.recall == 1.0
    assert report.roles.precision == approx((1 + 1 + 1 + 0) / 4)
    assert report.form.precision == approx(0.5) and report.form.recall == 1.0


def test_leaving_a_role_empty_costs_recall_not_precision() -> None:
    """The role-precision quirk: precision averages only where the system has the role."""
    report = score([FULL_GOLD], [stmt(toks(6, 13), cue=toks(2))])
    assert report.roles.precision == 1.0  # only the cue is predicted, and it is right
    assert report.roles.recall == approx(1 / 3)  # speaker and frame missed
    assert report.warnings == ()


def test_no_roles_at_all_gives_zero_and_a_warning() -> None:
    report = score([FULL_GOLD], [stmt(toks(6, 13))])
    assert report.roles.precision == 0.0
    assert report.roles.recall == 0.0
    assert report.messages.f1 == 1.0
    assert report.joint.precision == 1.0  # joint still has the content precision
    assert any(w.startswith("Roles precision is undefined") for w in report.warnings)


def test_empty_documents() -> None:
    report = spkatt.score_analyses([doc()], [analysis()])
    assert report.pairs == ()
    assert report.joint.f1 == 0.0
    assert len(report.warnings) == 6  # P and R undefined for Messages, Roles and Joint
    only_system = score([], [FULL_SYS])
    assert only_system.messages.precision == 0.0
    assert any("Messages recall is undefined" in w for w in only_system.warnings)
    assert spkatt.score_analyses([], []).joint.f1 == 0.0


def test_macro_average_is_over_pairs_not_tokens() -> None:
    # pair 1: content 1 token, exact (P 1); pair 2: 6 system tokens, 3 right (P 0.5)
    g1, g2 = gold(toks(0)), gold(toks(6, 9))
    s1, s2 = stmt(toks(0)), stmt(toks(6, 12))
    report = score([g1, g2], [s1, s2])
    assert report.messages.precision == approx((1 + 0.5) / 2)  # micro would be 4/7


def test_roles_pool_all_values_instead_of_averaging_role_means() -> None:
    # pair 1: speaker right; pair 2: speaker wrong and cue right.
    # pooled precision = (1 + 0 + 1) / 3; mean of role means would be (0.5 + 1) / 2
    g1 = gold(toks(0, 2), speaker=toks(3))
    g2 = gold(toks(6, 13), speaker=toks(15, 17), cue=toks(17))
    s1 = stmt(toks(0, 2), speaker=toks(3))
    s2 = stmt(toks(6, 13), speaker=toks(18), cue=toks(17))
    report = score([g1, g2], [s1, s2])
    assert report.roles.precision == approx(2 / 3)


def test_form_and_medium_are_micro_labels() -> None:
    g1 = gold(toks(0, 3), form=Form.DIRECT, medium=Medium.SPEECH)
    g2 = gold(toks(6, 13), form=Form.INDIRECT, medium=Medium.WRITING)
    s1 = stmt(toks(0, 3), form=Form.DIRECT, medium=Medium.UNKNOWN)
    s2 = stmt(toks(6, 13), form=Form.REPORTED, medium=Medium.WRITING)
    report = score([g1, g2], [s1, s2])
    assert report.form.precision == approx(0.5) and report.form.recall == approx(0.5)
    assert report.medium.f1 == approx(0.5)


def test_per_form_breakdown() -> None:
    g1 = gold(toks(0, 3), form=Form.DIRECT)
    g2 = gold(toks(6, 13), form=Form.INDIRECT)
    g3 = gold(toks(14, 20), form=Form.INDIRECT)
    report = score([g1, g2, g3], [stmt(toks(0, 3)), stmt(toks(6, 10))])
    direct, indirect = report.per_form["direct"], report.per_form["indirect"]
    assert (direct.gold, direct.found, direct.found_recall) == (1, 1, 1.0)
    assert direct.messages.f1 == 1.0
    assert (indirect.gold, indirect.found) == (2, 1)
    assert indirect.found_recall == approx(0.5)
    assert indirect.messages.precision == 1.0
    assert indirect.messages.recall == approx((4 / 7 + 0) / 2)
    assert "reported" not in report.per_form


def test_assignment_maximises_overlap_and_breaks_ties_by_form() -> None:
    g = [Group({"content": (0, 1, 2, 3)}, Form.DIRECT), Group({"content": (10, 11)}, Form.DIRECT)]
    s = [Group({"content": (10, 11, 12)}, Form.DIRECT), Group({"content": (1, 2)}, Form.DIRECT)]
    assert sorted(assign(g, s)) == [(0, 1), (1, 0)]
    tie_g = [Group({"content": (0, 1)}, Form.DIRECT)]
    tie_s = [Group({"content": (0, 1)}, Form.INDIRECT), Group({"content": (0, 1)}, Form.DIRECT)]
    assert assign(tie_g, tie_s) == [(0, 1)]
    assert assign([], tie_s) == []


def test_content_overlap() -> None:
    assert content_overlap((1, 2, 3, 4), (3, 4, 5, 6)) == approx(0.5)
    assert content_overlap((1,), ()) == 0.0


def test_character_spans_inside_tokens_are_widened_to_tokens() -> None:
    # system spans start/end mid-word: still the same tokens as gold
    g = gold(toks(6, 13), speaker=toks(0, 2))
    start, end = toks(6, 13)[0].start, toks(6, 13)[0].end
    spk = toks(0, 2)[0]
    s = stmt((Span(start + 1, end - 2),), speaker=(Span(spk.start + 2, spk.end - 1),))
    assert score([g], [s]).joint.f1 == 1.0


def test_text_length_mismatch_warns() -> None:
    report = spkatt.score_analyses([doc()], [Analysis(text=TEXT + " extra", lang="de")])
    assert any("offsets may not line up" in w for w in report.warnings)


def test_mismatched_lists_rejected() -> None:
    with pytest.raises(ValueError):
        spkatt.score_analyses([doc()], [])


def test_evaluate_runs_the_system_callable() -> None:
    seen: list[str] = []

    def system(d: object) -> Analysis:
        seen.append(getattr(d, "id", ""))
        return analysis(FULL_SYS)

    report = spkatt.evaluate([doc(FULL_GOLD, doc_id="a"), doc(FULL_GOLD, doc_id="b")], system)
    assert seen == ["a", "b"]
    assert report.joint.f1 == 1.0
    assert report.metrics()["joint_f1"] == 100.0
    assert report.to_dict()["docs"] == 2


# --- corpus-backed ----------------------------------------------------------------------


@pytest.mark.corpus
def test_gold_as_system_scores_100_on_dev(wikinews_dev: Path) -> None:
    docs = wikinews.read_corpus(wikinews_dev)

    report = spkatt.evaluate(docs, oracle)
    assert all(v == 100.0 for v in report.metrics().values())
    assert report.gold_quotes == 653


@pytest.mark.corpus
def test_gold_spans_are_token_aligned(wikinews_dev: Path) -> None:
    """Every gold role span maps onto tokens that start and end exactly with it."""
    from sayso.eval.align import TokenIndex

    for d in wikinews.read_corpus(wikinews_dev):
        index = TokenIndex(d.tokens)
        for q in d.quotes:
            for spans in q.roles.values():
                for span in spans:
                    ids = index.span_ids(span)
                    assert d.tokens[ids[0]].start == span.start
                    assert d.tokens[ids[-1]].end == span.end
