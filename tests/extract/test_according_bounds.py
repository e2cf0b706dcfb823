"""Content edges of according-to statements (sentences written for these tests)."""

from __future__ import annotations

from sayso.extract import according_to, attributions, draft, indirect
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def contents(text: str) -> list[str]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    out = []
    for d in according_to.according_to_statements(seg, profile, [], 0.7):
        out.append(" … ".join(" ".join(seg.words[p.a : p.b]) for p in d.parts))
    return out


def test_a_colon_before_a_capital_ends_the_content() -> None:
    got = contents(
        "Nach Angaben der Stadt soll die Brücke im Mai öffnen: Danach beginnt der Umbau."
    )
    assert got == ["soll die Brücke im Mai öffnen"]


def test_a_truncated_compound_in_a_list_is_no_clause_break() -> None:
    got = contents("Auch bei Bus-, Bahn- und Taxifahrten gilt nach Angaben des Verbands die Regel.")
    assert got == ["Auch bei Bus - , Bahn - und Taxifahrten gilt … die Regel"]


def test_so_attribution_keeps_the_apposition_of_its_source_out_of_the_content() -> None:
    profile = load("de")
    text = "Die Lage sei ernst, so Anna Berger, Sprecherin der Stadtwerke, am Montag."
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    so = w.index("so")
    d = draft.Draft(
        parts=[draft.Seg(0, w.index(","), "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(so, so + 1, "C", 0)],
        speaker=[draft.Seg(so + 1, so + 3, "S", 0)],
        frame=[draft.Seg(so - 1, so + 3, "F", 0)],
        rules=["rule.according_to.de.so"],
    )
    indirect.snap_content(seg, profile, [d])
    assert [" ".join(w[p.a : p.b]) for p in d.parts] == ["Die Lage sei ernst"]


def test_a_lead_clause_before_a_colon_is_not_the_content_of_a_closing_attribution() -> None:
    profile = load("de")
    text = "Die Firma will sparen: Künftig wolle sie weniger werben, berichtete die Zeitung."
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    (d,) = attributions.postposed_attributions(seg, profile, [])
    assert [" ".join(w[p.a : p.b]) for p in d.parts] == ["Künftig wolle sie weniger werben"]
    indirect.snap_content(seg, profile, [d])
    assert [" ".join(w[p.a : p.b]) for p in d.parts] == ["Künftig wolle sie weniger werben"]


def test_what_follows_a_closing_so_source_is_no_content() -> None:
    profile = load("de")
    text = "Die Pendler mussten lange warten, so Anna Weber, Leiterin des Bauamts."
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    ds = according_to.according_to_statements(seg, profile, [], 0.7)
    according_to.according_clause_content(seg, profile, ds)
    assert [[" ".join(w[p.a : p.b]) for p in d.parts] for d in ds] == [
        ["Die Pendler mussten lange warten"]
    ]


def test_a_verb_after_so_is_no_source() -> None:
    text = "Die Straßen waren vereist, so wurde der Hafen in Kiel geschlossen."
    assert contents(text) == []


def test_a_truncated_compound_belongs_to_the_source() -> None:
    profile = load("de")
    text = "Die Lage sei ruhig, so Polizei- und Feuerwehrkreise."
    seg = segment(text, profile.abbreviations, profile.months)
    (d,) = according_to.according_to_statements(seg, profile, [], 0.7)
    assert " ".join(seg.words[r.a] for r in d.speaker) == "Polizei"
    assert " ".join(seg.words[d.speaker[0].a : d.speaker[-1].b]) == "Polizei - und Feuerwehrkreise"
