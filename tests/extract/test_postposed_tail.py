"""``group.content.postposed_tail.v1``: a whole-sentence content that runs on into the
sentence's own closing attribution ends at its comma; the attribution gives the roles."""

from __future__ import annotations

from sayso.extract import attributions, draft
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment

RULE = "group.content.postposed_tail.v1"


def trimmed(text: str, form: Form = Form.INDIRECT_FREE_INDIRECT) -> tuple[str, str, str, Form]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    d = draft.Draft(parts=[draft.Seg(0, len(words) - 1, "x", 0)], form=form)
    attributions.postposed_tail_content(seg, profile, [d])
    show = lambda runs: " ".join(w for r in runs for w in words[r.a : r.b])  # noqa: E731
    return show(d.parts), show(d.speaker), show(d.cue), d.form


def test_so_with_an_addressee_phrase_ends_the_content() -> None:
    text = "Die Frist sei viel zu kurz gewesen, so Anna Berger gegenüber der Zeitung."
    assert trimmed(text) == (
        "Die Frist sei viel zu kurz gewesen",
        "Anna Berger",
        "so",
        Form.INDIRECT,
    )


def test_a_verb_first_attribution_ends_the_content() -> None:
    text = "Die Frist sei viel zu kurz gewesen, erklärte ein Sprecher des Vereins."
    content, speaker, cue, _ = trimmed(text)
    assert (content, cue) == ("Die Frist sei viel zu kurz gewesen", "erklärte")
    assert speaker.startswith("ein Sprecher")


def test_a_consecutive_so_with_a_verb_is_no_attribution() -> None:
    text = "Der Verkehr war stark behindert, so wurde der Hafen in Varna geschlossen."
    assert trimmed(text)[2] == ""


def test_an_object_after_the_verb_is_no_speaker() -> None:
    text = "Der frühere Bürgermeister, Heinz Berg, schätzt den Vorgang als Niederlage ein."
    assert trimmed(text)[2] == ""


def test_reported_sentences_keep_their_content() -> None:
    text = "Die Frist sei viel zu kurz gewesen, so Anna Berger gegenüber der Zeitung."
    assert trimmed(text, Form.REPORTED)[2] == ""


def test_the_attribution_gives_the_medium() -> None:
    from sayso.model import Medium

    profile = load("de")
    text = "Die Frist sei viel zu kurz gewesen, so Anna Berger gegenüber der Zeitung."
    seg = segment(text, profile.abbreviations, profile.months)
    d = draft.Draft(
        parts=[draft.Seg(0, len(seg.words) - 1, "x", 0)], form=Form.INDIRECT_FREE_INDIRECT
    )
    attributions.postposed_tail_content(seg, profile, [d])
    assert d.medium is Medium.SPEECH


def test_a_pronoun_speaker_and_a_closing_adverb() -> None:
    text = "Der Fahrplan müsse überprüft werden, forderte er vom Verkehrsverbund."
    assert trimmed(text)[:3] == ("Der Fahrplan müsse überprüft werden", "er", "forderte")
    text = "Die Zeugin sei unter Druck gesetzt worden, sagte die Anwältin weiter."
    assert trimmed(text)[:3] == (
        "Die Zeugin sei unter Druck gesetzt worden",
        "die Anwältin",
        "sagte",
    )
