"""Speakers read off the shape of the cue's clause (``speakers.clause_subject``), on drafts
built by hand so that the taggers play no part."""

from __future__ import annotations

import pytest
from hand_drafts import hand_draft, words_of

from sayso.extract import addressees, draft, free_indirect, speakers
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def speaker_of(text: str, cue: list[str], content_from: str) -> tuple[str, str, list[str]]:
    seg, profile, d = hand_draft(text, cue, content_from)
    speakers.clause_subject(seg, profile, [d])
    return words_of(seg, d.speaker), words_of(seg, d.cue), d.rules


@pytest.mark.parametrize(
    ("text", "cue", "content_from", "speaker", "rule"),
    [
        (
            "Anna Berger, die Sprecherin des Vereins, sagte, dass der Termin verschoben werde.",
            ["sagte"],
            "dass",
            "Anna Berger , die Sprecherin des Vereins",
            "group.speaker.apposition.v1",
        ),
        (
            "Otto Brandl, der seit Jahren im Vorstand sitzt, erklärte, dass er zurücktrete.",
            ["erklärte"],
            "dass",
            "Otto Brandl",
            "group.speaker.apposition.v1",
        ),
        (
            "Wie Karl Huber, Chef des Vereins, mitteilte, bleibt der See gesperrt.",
            ["mitteilte"],
            "bleibt",
            "Karl Huber , Chef des Vereins",
            "group.speaker.wie_clause.v1",
        ),
        (
            "Wie das Umweltamt gestern mitteilte, bleibt der See gesperrt.",
            ["mitteilte"],
            "bleibt",
            "das Umweltamt",
            "group.speaker.wie_clause.v1",
        ),
        (
            "Am Freitag erklärte die Stadtverwaltung, dass die Brücke saniert werde.",
            ["erklärte"],
            "dass",
            "die Stadtverwaltung",
            "group.speaker.inverted.v1",
        ),
    ],
)
def test_clause_subject(
    text: str, cue: list[str], content_from: str, speaker: str, rule: str
) -> None:
    sp, _cue, rules = speaker_of(text, cue, content_from)
    assert sp == speaker
    assert rules == [rule]


def test_wie_clause_adds_wie_to_the_cue() -> None:
    _sp, cue, _rules = speaker_of(
        "Wie das Umweltamt gestern mitteilte, bleibt der See gesperrt.", ["mitteilte"], "bleibt"
    )
    assert cue == "Wie mitteilte"


def test_object_after_the_verb_is_not_a_speaker() -> None:
    sp, _cue, rules = speaker_of(
        "Am Freitag erklärte dem Rat niemand, dass die Brücke saniert werde.", ["erklärte"], "dass"
    )
    assert sp == "" and rules == []


def _free_indirect_after(text: str) -> tuple[str, list[str]]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    a, b = seg.sentences[1]
    d = draft.Draft(parts=[draft.Seg(a, b, "free_indirect", 1)], form=Form.FREE_INDIRECT)
    free_indirect.previous_sentence_speaker(seg, profile, [d])
    sp = " ".join(seg.text[x.start : x.end] for x in d.speaker_spans or ())
    return sp, d.rules


def test_previous_sentence_subject_speaks_on() -> None:
    sp, rules = _free_indirect_after(
        "Der Elternbeirat äußerte Bedenken gegen den Umbau. Die Kosten seien viel zu hoch."
    )
    assert sp == "Der Elternbeirat"
    assert rules == ["group.speaker.previous_sentence.v1"]


def test_previous_sentence_demonstrative_then_subject() -> None:
    sp, _rules = _free_indirect_after(
        "Das teilte die Stadtverwaltung mit. Die Brücke bleibe bis Juni gesperrt."
    )
    assert sp == "die Stadtverwaltung"


def test_previous_sentence_adverb_is_not_a_speaker() -> None:
    sp, rules = _free_indirect_after(
        "Nach dem Treffen erklärte man nichts weiter. Die Kosten seien viel zu hoch."
    )
    assert sp == "" and rules == []


def test_dative_object_is_cut_from_the_speaker() -> None:
    profile = load("de")
    text = "Gestern berichtete die Ärztin Eva Roth dem Stadtrat, die Station sei überlastet."
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    v = words.index("berichtete")
    comma = words.index(",")
    d = draft.Draft(
        parts=[draft.Seg(comma + 1, len(words) - 1, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(v, v + 1, "C", 0)],
        speaker=[draft.Seg(v + 1, comma, "S", 0)],  # the tagger ran on into the object
    )
    addressees.find_addressees(seg, profile, [d])
    assert " ".join(words[i] for r in d.speaker for i in range(r.a, r.b)) == "die Ärztin Eva Roth"
    assert " ".join(words[i] for r in d.addressee for i in range(r.a, r.b)) == "dem Stadtrat"
    assert "group.addressee.split_speaker.v1" in d.rules


def test_cue_that_swallowed_the_subject_after_its_verb_gives_it_back() -> None:
    profile = load("de")
    text = "Beim Empfang sagte Franziskus, dass er eine arme Kirche wolle."
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    v = words.index("sagte")
    lo = words.index("dass")
    d = draft.Draft(
        parts=[draft.Seg(lo, len(words) - 1, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(v, v + 2, "C", 0)],  # the tagger's "sagte Franziskus"
    )
    speakers.clause_subject(seg, profile, [d])
    assert [words[i] for r in d.cue for i in range(r.a, r.b)] == ["sagte"]
    assert [words[i] for r in d.speaker for i in range(r.a, r.b)] == ["Franziskus"]
    assert "group.cue.released_subject.v1" in d.rules


def test_released_subject_leaves_a_shared_cue_run_alone() -> None:
    # a direct part holds its statement's cue runs (Draft.direct_part): giving the
    # subject back changes the statement's cue only, never the run they share
    profile = load("de")
    text = "Beim Empfang sagte Franziskus, dass er eine arme Kirche wolle."
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    v = words.index("sagte")
    lo = words.index("dass")
    shared = draft.Seg(v, v + 2, "C", 0)  # the tagger's "sagte Franziskus"
    d = draft.Draft(
        parts=[draft.Seg(lo, len(words) - 1, "indirect", 0)], form=Form.INDIRECT, cue=[shared]
    )
    part = d.direct_part(lo + 1, len(words) - 1, "test.part")
    speakers.clause_subject(seg, profile, [d])
    assert [words[i] for r in d.cue for i in range(r.a, r.b)] == ["sagte"]
    assert (shared.a, shared.b) == (v, v + 2)
    assert [words[i] for r in part.cue for i in range(r.a, r.b)] == ["sagte", "Franziskus"]


def test_attribution_after_its_content_skips_a_reflexive_pronoun() -> None:
    profile = load("de")
    text = "„Ich bin froh“, äußerte sich die Ministerin gegenüber der Zeitung."
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    v = words.index("äußerte")
    d = draft.Draft(
        parts=[draft.Seg(0, v - 1, "direct", 0)],
        form=Form.DIRECT,
        cue=[draft.Seg(v, v + 1, "C", 0)],
    )
    speakers.clause_subject(seg, profile, [d])
    assert [words[i] for r in d.speaker for i in range(r.a, r.b)] == ["die", "Ministerin"]
    assert "group.speaker.postposed.v1" in d.rules


def test_attribution_after_a_quotation_with_its_comma_inside() -> None:
    profile = load("de")
    text = "„Wir bleiben dabei,“ betont sie."
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    v = words.index("betont")
    d = draft.Draft(
        parts=[draft.Seg(0, v, "direct", 0)],
        form=Form.DIRECT,
        cue=[draft.Seg(v, v + 1, "C", 0)],
    )
    speakers.clause_subject(seg, profile, [d])
    assert [words[i] for r in d.speaker for i in range(r.a, r.b)] == ["sie"]


def test_a_quoted_name_may_be_part_of_the_subject() -> None:
    text = "Im Herbst verkündete der „Verband Alpiner Imker“, dass man die Preise senke."
    speaker, _, _ = speaker_of(text, ["verkündete"], "dass")
    assert speaker == "der „ Verband Alpiner Imker “"


def test_a_quoted_sentence_is_no_subject() -> None:
    text = "Im Herbst verkündete „Wir senken jetzt die Preise“, dass man die Preise senke."
    speaker, _, _ = speaker_of(text, ["verkündete"], "dass")
    assert speaker == ""
