"""``rule.according_to.main_clause.v1``: an according-to construction in a main clause
after a semicolon is a statement of its own, also when the sentence already holds one."""

from __future__ import annotations

from sayso.extract import according_to, draft
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment

RULE = "rule.according_to.main_clause.v1"


def _drafts(text: str, taken: tuple[int, int]) -> list[draft.Draft]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    other = draft.Draft(parts=[draft.Seg(taken[0], taken[1], "indirect", 0)], form=Form.INDIRECT)
    return according_to.according_to_statements(seg, profile, [other], 0.7)


def test_a_second_main_clause_with_nach_angaben_gets_its_own_statement() -> None:
    text = (
        "Der Brand sei in der Küche ausgebrochen; nach Angaben der Feuerwehr "
        "wurde niemand verletzt."
    )
    (d,) = _drafts(text, (0, 6))
    assert d.rules == [RULE]
    profile = load("de")
    words = segment(text, profile.abbreviations, profile.months).words
    assert " ".join(words[p.a] for p in d.parts[:1]) == "wurde"
    assert " ".join(w for r in d.speaker for w in words[r.a : r.b]) == "Angaben der Feuerwehr"


def test_a_main_clause_that_holds_a_statement_gets_none() -> None:
    text = "Der Brand sei laut Polizei in der Küche ausgebrochen; danach gingen alle nach Hause."
    assert _drafts(text, (0, 9)) == []


def test_without_a_semicolon_a_taken_sentence_stays_taken() -> None:
    text = "Der Brand sei in der Küche ausgebrochen, nach Angaben der Feuerwehr blieb alles ruhig."
    assert _drafts(text, (0, 6)) == []


def test_prune_keeps_the_main_clause_statement_apart_from_one_sharing_its_cue() -> None:
    cue = [draft.Seg(7, 8, "C", 0)]
    first = draft.Draft(parts=[draft.Seg(0, 6, "indirect", 0)], form=Form.INDIRECT, cue=cue)
    second = draft.Draft(
        parts=[draft.Seg(9, 14, "indirect", 0)], form=Form.INDIRECT, cue=cue, rules=[RULE]
    )
    assert len(draft.prune([first, second])) == 2
    second.rules = []
    assert len(draft.prune([first, second])) == 1
