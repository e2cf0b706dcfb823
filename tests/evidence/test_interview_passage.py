"""Issue 16, fourth round: the English interview scope — a broadcaster's outlet carried to
the same speaker's further statements within the interview's passage
(``sayso.evidence.interview_passage``), and the shapes that end the passage. Sentences
written for these tests."""

from __future__ import annotations

from evidence_helpers import by_content, chain

import sayso

ANCHOR = "Senator Dana Walsh told CNN on Sunday that the bill would pass.\n\n"


def kinds(text: str, words: str) -> list[str]:
    a = sayso.analyze(text, "en")
    return [k for _, k in chain(a, by_content(a, words))]


def test_interview_passage_broadcaster_carries_to_the_next_quote() -> None:
    text = ANCHOR + '"We have the votes, and we will use them," Walsh said.'
    a = sayso.analyze(text, "en")
    later = by_content(a, "the votes")
    assert [k for _, k in chain(a, later)] == ["outlet", "person"]
    assert any(e.rule == "chain.interview_scope.v1" for e in later.evidence)


def test_interview_passage_lead_before_a_broadcast_interview() -> None:
    text = (
        "Walsh: the bill will pass.\n\n"
        "Senator Dana Walsh says the bill will pass this month.\n\n"
        '"We have the votes," Walsh said in an interview with CNN on Sunday.'
    )
    assert kinds(text, "pass this month") == ["outlet", "person"]


def test_interview_passage_print_outlet_does_not_carry() -> None:
    text = (
        "Senator Dana Walsh told Politico on Sunday that the bill would pass.\n\n"
        '"We have the votes, and we will use them," Walsh said.'
    )
    assert kinds(text, "the votes") == ["person"]


def test_interview_passage_ends_after_the_window() -> None:
    filler = "The bill has been debated for months in both chambers.\n\n"
    text = ANCHOR + filler * 4 + '"We have the votes, and we will use them," Walsh said.'
    assert kinds(text, "the votes") == ["person"]


def test_interview_passage_other_occasion_in_between_ends_it() -> None:
    text = (
        ANCHOR + "On Monday, Walsh spoke at a town hall in her district.\n\n"
        '"We have the votes, and we will use them," Walsh said.'
    )
    assert kinds(text, "the votes") == ["person"]


def test_interview_passage_other_outlet_in_between_ends_it() -> None:
    text = (
        ANCHOR + "Walsh repeated to ABC News that the bill would pass. She added that the "
        "vote could come in May."
    )
    a = sayso.analyze(text, "en")
    added = by_content(a, "could come in May")
    assert ("CNN", "outlet") not in chain(a, added)


def test_interview_passage_authors_thought_sentence_is_not_carried() -> None:
    text = ANCHOR + "Walsh, it turned out, knew her colleagues better than they did."
    a = sayso.analyze(text, "en")
    thought = [s for s in a.statements if "colleagues" in a.spans_text(s.content)]
    assert all("outlet" not in [k for _, k in chain(a, s)] for s in thought)


def test_interview_passage_poll_of_a_broadcaster_is_no_interview() -> None:
    text = (
        "Turnout will be low, according to Ann Lee, who conducted the CNN/WMUR poll.\n\n"
        '"Nobody has ever won here without the base," Lee said.'
    )
    assert "outlet" not in kinds(text, "Nobody has ever won")


def test_interview_passage_other_statements_words_are_no_occasion() -> None:
    # "email" belongs to the first statement's content, not to the denial's frame
    text = (
        ANCHOR + "Walsh said it was a mistake to use private email, but she denied that she "
        "broke the rules."
    )
    assert kinds(text, "broke the rules") == ["outlet", "person"]
