"""``direct.cued_fragments`` (sentences written for these tests): a quoted fragment that opens
with a lowercase word, in a sentence with a cue verb and no statement, is direct speech."""

from __future__ import annotations

from sayso.extract import direct, draft
from sayso.lang import load
from sayso.text.segment import segment


def fragments(text: str) -> list[tuple[str, str, list[str]]]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    return [
        (
            " ".join(w[d.parts[0].a : d.parts[0].b]),
            " ".join(w[i] for r in d.cue for i in range(r.a, r.b)),
            d.rules,
        )
        for d in direct.cued_fragments(seg, profile, [])
    ]


def test_a_lowercase_fragment_after_a_cue_verb() -> None:
    assert fragments("Der Verband nannte den Plan der Stadtwerke „sehr riskant“.") == [
        ("„ sehr riskant “", "nannte", ["rule.direct.cued_fragment.v1"])
    ]


def test_titles_and_single_marks_are_no_fragments() -> None:
    assert fragments("Der Kritiker lobte den Film „Odyssee im Weltraum“ sehr.") == []
    assert fragments("Die Stadt erklärte, man prüfe den 'neuen Tarif' genau.") == []


def beside_indirect(text: str, start: str, skip: int = 0) -> list[str]:
    """The fragments found when an indirect statement runs from the word ``start`` (its
    first occurrence at or after word ``skip``) to the end of the sentence."""
    from sayso.model import Form

    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    other = draft.Draft(
        parts=[draft.Seg(w.index(start, skip), len(w) - 1, "indirect", 0)], form=Form.INDIRECT
    )
    got = direct.cued_fragments(seg, profile, [other])
    return [" ".join(w[d.parts[0].a : d.parts[0].b]) for d in got]


def test_a_fragment_outside_another_statements_content() -> None:
    text = "Die Gewerkschaft sprach von einem „schweren Fehler“, der Vorstand schwieg."
    assert beside_indirect(text, "der") == ["„ schweren Fehler “"]
    # after a word that introduces names it is left alone when the sentence has a statement
    text = "Das meldete der Dienst von „radio eins“, der Vorstand schwieg."
    assert beside_indirect(text, "der", 3) == []
