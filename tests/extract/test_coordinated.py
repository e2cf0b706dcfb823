"""Coordinated speakers: "meinte A, …, und B ergänzte, …" are two statements with two
speakers (``extract.coordinated``); the taggers' first speaker and both cues on the second
content are what ``roles.attach`` gives it, written here by hand."""

from __future__ import annotations

import sayso
from sayso.extract import coordinated, draft
from sayso.lang import load
from sayso.lang.shapes import shapes
from sayso.model import Form
from sayso.text.segment import segment


def second(text: str, content_from: str) -> tuple[str, str, list[str]]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    lo = len(words) - 1 - words[::-1].index(content_from)
    d = draft.Draft(
        parts=[draft.Seg(lo, len(words) - 1, "indirect", 0)],
        form=Form.INDIRECT,
        speaker=[draft.Seg(0, 2, "S", 0)],
        cue=[draft.Seg(2, 3, "C", 0)],
    )
    coordinated.coordinated_speakers(seg, profile, shapes("de"), [d])
    span = lambda runs: " ".join(words[i] for r in runs for i in range(r.a, r.b))  # noqa: E731
    return span(d.speaker), span(d.cue), d.rules


def test_second_coordinated_speaker_gets_its_own_speaker_and_cue() -> None:
    text = "Der Wirt meinte, die Brücke sei sicher, und die Stadträtin ergänzte, man prüfe sie."
    assert second(text, "man") == ("die Stadträtin", "ergänzte", ["group.speaker.coordinated.v1"])


def test_split_verb_of_the_second_speaker() -> None:
    text = "Der Trainer sagte, es sei verloren, und Kapitän Huber fügte hinzu, man müsse kämpfen."
    assert second(text, "man") == ("Kapitän Huber", "fügte hinzu", ["group.speaker.coordinated.v1"])


def test_coordinated_clause_without_a_cue_verb_is_left_alone() -> None:
    text = "Die Polizei teilte mit, der Täter sei gefasst, und er werde verhört, man wisse mehr."
    assert second(text, "man") == ("Die Polizei", "teilte", [])


def test_analyze_keeps_both_coordinated_statements() -> None:
    text = "Der Wirt meinte, die Brücke sei sicher, und die Stadträtin ergänzte, man prüfe sie."
    a = sayso.analyze(text, lang="de")
    speakers = [" ".join(text[x.start : x.end] for x in s.speaker) for s in a.statements]
    assert speakers == ["Der Wirt", "die Stadträtin"]


def test_first_statement_loses_the_second_verb_from_its_cue() -> None:
    # "doch B erklärte, …" after "A sagte, …": not one content cut by its frame
    text = "Der Präsident sagte vor der Presse, Annabi sei tot, doch ein Sprecher erklärte, "
    text += "den Tod nicht bestätigen zu können."
    a = sayso.analyze(text, lang="de")
    cues = [" ".join(text[x.start : x.end] for x in s.cue) for s in a.statements]
    assert cues == ["sagte", "erklärte"]
