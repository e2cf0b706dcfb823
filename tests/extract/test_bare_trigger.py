"""``attributions.drop_bare_trigger_cues`` on hand-built drafts (no taggers involved)."""

from __future__ import annotations

from sayso.extract import attributions, draft
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def kept(text: str, cue: str, content_from: str, speaker: str | None = None) -> bool:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    b = seg.sentences[0][1]
    c = words.index(cue)
    d = draft.Draft(
        parts=[draft.Seg(words.index(content_from), b - 1, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(c, c + 1, "C", 0)],
    )
    if speaker is not None:
        s = words.index(speaker)
        d.speaker = [draft.Seg(s, s + 1, "S", 0)]
    return bool(attributions.drop_bare_trigger_cues(seg, profile, [d]))


def test_temporal_nach_is_not_a_cue() -> None:
    assert not kept("Nach zwei Treffen mit dem Minister zogen die Soldaten ab.", "Nach", "zogen")


def test_according_to_nach_is_kept() -> None:
    assert kept("Nach Angaben der Polizei wurden zwei Menschen verletzt.", "Nach", "wurden")


def test_a_speaker_keeps_the_statement() -> None:
    assert kept("Nach Müller zogen die Soldaten ab.", "Nach", "zogen", speaker="Müller")


def test_a_lone_particle_is_a_preposition() -> None:
    # "aus" without its verb in the cue is the preposition of "aus dem Lager"
    assert not kept("Die Kisten, die aus dem Lager stammen, wurden verkauft.", "aus", "wurden")


def test_a_particle_with_its_verb_is_kept() -> None:
    profile = load("de")
    text = "Die Firma schloss einen Verkauf des Werks am Montag aus."
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    d = draft.Draft(
        parts=[draft.Seg(w.index("einen"), w.index("aus"), "indirect", 0)],
        form=Form.INDIRECT,
        cue=[
            draft.Seg(w.index("schloss"), w.index("schloss") + 1, "C", 0),
            draft.Seg(w.index("aus"), w.index("aus") + 1, "C", 0),
        ],
    )
    assert attributions.drop_bare_trigger_cues(seg, profile, [d]) == [d]
