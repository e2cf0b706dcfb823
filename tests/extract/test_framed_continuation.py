"""``free_indirect.framed_continuations`` (sentences written for these tests): a whole-sentence free
indirect statement opened by an indicative cue clause is indirect speech after the comma."""

from __future__ import annotations

from sayso.extract import draft, free_indirect
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def run(text: str, form: Form = Form.INDIRECT_FREE_INDIRECT) -> tuple[str, str, str, list[str]]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    a, b = seg.sentences[0]
    d = draft.Draft(parts=[draft.Seg(a, b, form.value, 0)], form=form)
    free_indirect.framed_continuations(seg, profile, [d])
    show = lambda runs: " ".join(w[i] for r in runs for i in range(r.a, r.b))  # noqa: E731
    return d.form.value, show(d.parts), show(d.cue), d.rules


def test_an_indicative_cue_clause_frames_indirect_speech() -> None:
    assert run(
        "Die Anwälte der Stadt argumentierten am Montag, der Vertrag sei längst ungültig."
    ) == (
        "indirect",
        "der Vertrag sei längst ungültig",
        "argumentierten",
        ["group.content.framed_continuation.v1"],
    )


def test_a_konjunktiv_cue_clause_is_itself_reported_speech() -> None:
    text = "Die Mieterin sei davon ausgegangen, dass der Vermieter die Heizung repariere."
    assert run(text)[0] == "indirect_free_indirect"


def test_a_cue_verb_after_the_first_clause_is_left_alone() -> None:
    text = "Der Bau verzögert sich, die Firma teilte mit, dass Material fehle."
    assert run(text)[0] == "indirect_free_indirect"


def test_a_reported_sentence_with_a_cue_clause_is_indirect_speech_after_the_comma() -> None:
    text = "Der Elternbeirat fordert, dass die Schule den Pausenhof bis Mai saniert."
    assert run(text, Form.REPORTED)[:3] == (
        "indirect",
        "dass die Schule den Pausenhof bis Mai saniert",
        "fordert",
    )
