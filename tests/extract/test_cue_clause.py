"""Content clauses after a cue verb and a comma that the tagger missed (sentences written
for these tests)."""

from __future__ import annotations

from sayso.extract import draft, indirect
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def clauses(text: str) -> list[tuple[str, str, str]]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    out = []
    for d in indirect.comma_content_clauses(seg, profile, []):
        content = " ".join(seg.words[d.a : d.b])
        cue = " ".join(seg.words[i] for r in d.cue for i in range(r.a, r.b))
        out.append((content, cue, d.rules[0]))
    return out


def test_zu_infinitive_after_a_cue_verb() -> None:
    assert clauses("Die Stadtverwaltung hat entschieden, das alte Hallenbad abzureißen.") == [
        ("das alte Hallenbad abzureißen", "entschieden", "rule.indirect.cue_clause_infinitive.v1")
    ]


def test_infinitive_ends_at_its_verb() -> None:
    got = clauses("Sie riet ihm, sofort den Arzt zu rufen, falls das Fieber steige.")
    assert got[0][0] == "sofort den Arzt zu rufen"


def test_dass_clause_after_a_separable_cue_verb() -> None:
    assert clauses("Der Bürgermeister räumte ein, dass die Planung zu spät begonnen habe.") == [
        ("dass die Planung zu spät begonnen habe", "räumte ein", "rule.indirect.cue_clause_that.v1")
    ]


def test_purpose_and_temporal_clauses_are_no_content() -> None:
    assert clauses("Die Firma veröffentlichte den Bericht, um die Kritiker zu beruhigen.") == []
    assert clauses("Als sie bemerkte, dass das Fenster offen war, rief sie die Polizei.") == []


def test_a_tagged_content_without_cue_gets_the_rules_cue() -> None:
    profile = load("de")
    text = "Am Montag fordern sie, das alte Hallenbad sofort abzureißen."
    seg = segment(text, profile.abbreviations, profile.months)
    lo = seg.words.index("das")
    bare = draft.Draft(parts=[draft.Seg(lo, len(seg.words) - 1, "indirect", 0)], form=Form.INDIRECT)
    assert indirect.comma_content_clauses(seg, profile, [bare]) == []
    assert [seg.words[r.a] for r in bare.cue] == ["fordern"]
    assert "group.cue_clause_infinitive.v1" in bare.rules


def test_main_clause_after_a_speech_verb_in_any_mood() -> None:
    got = clauses("Am Montag sagte die Stadträtin, die Busse fuhren künftig seltener.")
    assert got == [("die Busse fuhren künftig seltener", "sagte", "rule.indirect.cue_clause_v2.v1")]
    assert clauses("Der Trainer erklärte, er habe keine Zweifel am Team.")[0][0] == (
        "er habe keine Zweifel am Team"
    )


def test_relative_clause_and_first_person_are_no_v2_content() -> None:
    assert clauses("Gestern sagte der Wirt, der am Markt wohnt, nichts mehr.") == []
    assert clauses("Ich sagte, die Busse fuhren künftig seltener.") == []
