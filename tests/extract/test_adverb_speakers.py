"""A sentence-initial adverb taken for the speaker gives way to the subject after the verb
(``extract.adverb_speakers``); drafts built by hand, so the taggers play no part."""

from __future__ import annotations

from sayso.extract import adverb_speakers, draft
from sayso.lang import load
from sayso.lang.shapes import shapes
from sayso.model import Form
from sayso.text.segment import segment


def run(text: str, cue: list[str], content_from: str) -> tuple[str, list[str]]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    lo = words.index(content_from)
    d = draft.Draft(
        parts=[draft.Seg(lo, len(words) - 1, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(words.index(w), words.index(w) + 1, "C", 0) for w in cue],
        speaker=[draft.Seg(0, 1, "S", 0)],  # the tagger's pick: the first word
    )
    adverb_speakers.replace_adverb_speakers(seg, profile, shapes("de"), [d])
    return " ".join(words[i] for r in d.speaker for i in range(r.a, r.b)), d.rules


def test_adverb_gives_way_to_the_subject_after_the_verb() -> None:
    got, rules = run("Dazu erklärte die Ministerin, sie sei froh.", ["erklärte"], "sie")
    assert got == "die Ministerin"
    assert rules == ["group.speaker.after_adverb.v1"]


def test_adverb_without_a_subject_after_the_verb_is_cleared() -> None:
    got, rules = run("Dazu erklärte, die Zahl sei gestiegen.", ["erklärte"], "die")
    assert got == ""
    assert rules == ["group.speaker.adverb_cleared.v1"]


def test_a_name_in_first_place_stays_the_speaker() -> None:
    got, rules = run("Weber erklärte, die Zahl sei gestiegen.", ["erklärte"], "die")
    assert got == "Weber"
    assert rules == []
