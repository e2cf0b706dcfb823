"""``group.cued_fragments`` (sentences written for these tests): a quoted fragment that opens
with a lowercase word, in a sentence with a cue verb and no statement, is direct speech."""

from __future__ import annotations

from sayso.extract import group
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
        for d in group.cued_fragments(seg, profile, [])
    ]


def test_a_lowercase_fragment_after_a_cue_verb() -> None:
    assert fragments("Der Verband nannte den Plan der Stadtwerke „sehr riskant“.") == [
        ("„ sehr riskant “", "nannte", ["rule.direct.cued_fragment.v1"])
    ]


def test_titles_and_single_marks_are_no_fragments() -> None:
    assert fragments("Der Kritiker lobte den Film „Odyssee im Weltraum“ sehr.") == []
    assert fragments("Die Stadt erklärte, man prüfe den 'neuen Tarif' genau.") == []


def test_a_fragment_outside_another_statements_content() -> None:
    from sayso.model import Form

    profile = load("de")
    text = "Die Gewerkschaft sprach von einem „schweren Fehler“, der Vorstand schwieg."
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    other = group.Draft(
        parts=[group.Seg(w.index("der"), len(w) - 1, "indirect", 0)], form=Form.INDIRECT
    )
    got = group.cued_fragments(seg, profile, [other])
    assert [" ".join(w[d.parts[0].a : d.parts[0].b]) for d in got] == ["„ schweren Fehler “"]
    # after a word that introduces names it is left alone when the sentence has a statement
    text = "Das meldete der Dienst von „radio eins“, der Vorstand schwieg."
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    other = group.Draft(
        parts=[group.Seg(w.index("der", 3), len(w) - 1, "indirect", 0)], form=Form.INDIRECT
    )
    assert group.cued_fragments(seg, profile, [other]) == []
