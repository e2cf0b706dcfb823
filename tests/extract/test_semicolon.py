"""``indirect.semicolon_clauses`` (sentences written for these tests)."""

from __future__ import annotations

from sayso.extract import draft, indirect
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def cut(text: str, first: str) -> str:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    d = draft.Draft(
        parts=[draft.Seg(w.index(first), len(w) - 1, "indirect", 0)], form=Form.INDIRECT
    )
    indirect.semicolon_clauses(seg, profile, [d])
    return " ".join(w[d.parts[0].a : d.parts[0].b])


def test_an_indicative_main_clause_after_a_semicolon_is_the_authors() -> None:
    text = "Die Mieter gaben an, dass die Heizung ausgefallen sei; die Stadt prüft den Fall."
    assert cut(text, "dass") == "dass die Heizung ausgefallen sei"


def test_reported_speech_goes_on_after_a_semicolon_in_the_konjunktiv() -> None:
    text = "Er sagte, dass die Heizung ausgefallen sei; die Reparatur sei teuer."
    assert cut(text, "dass") == "dass die Heizung ausgefallen sei ; die Reparatur sei teuer"
