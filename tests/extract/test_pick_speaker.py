"""Which of several speaker runs the tagger marked is the speaker (written for these tests)."""

from __future__ import annotations

from sayso.extract import draft, roles
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def test_a_run_without_a_noun_head_loses_to_a_name() -> None:
    profile = load("de")
    seg = segment("Lange gewartet sagte heute Anna Berger.", profile.abbreviations, profile.months)
    d = draft.Draft(
        parts=[draft.Seg(0, 1, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(2, 3, "C", 0)],
        speaker=[draft.Seg(0, 2, "S", 0), draft.Seg(4, 6, "S", 0)],
    )
    best = roles._pick_speaker(seg, profile, d)
    assert seg.words[best.a : best.b] == ["Anna", "Berger"]


def test_an_object_of_a_verbal_cue_loses_to_the_subject() -> None:
    profile = load("de")
    text = "Der Abgeordnete Huber nannte den Bericht eine Ente."
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    d = draft.Draft(
        parts=[draft.Seg(w.index("eine"), w.index("Ente") + 1, "direct", 0)],
        form=Form.DIRECT,
        cue=[draft.Seg(w.index("nannte"), w.index("nannte") + 1, "C", 0)],
        speaker=[
            draft.Seg(0, 3, "S", 0),
            draft.Seg(w.index("den"), w.index("Bericht") + 1, "S", 0),
        ],
    )
    best = roles._pick_speaker(seg, profile, d)
    assert w[best.a : best.b] == ["Der", "Abgeordnete", "Huber"]


def test_a_dative_source_of_an_according_to_cue_stays_possible() -> None:
    profile = load("de")
    seg = segment("Dem Zeugen zufolge floh der Mann.", profile.abbreviations, profile.months)
    d = draft.Draft(
        parts=[draft.Seg(3, 6, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(2, 3, "C", 0)],
        speaker=[draft.Seg(0, 2, "S", 0), draft.Seg(4, 6, "S", 0)],
    )
    best = roles._pick_speaker(seg, profile, d)
    assert seg.words[best.a : best.b] == ["Dem", "Zeugen"]


def _pick(text: str, cue: str, runs: list[tuple[str, str]], lang: str = "de") -> list[str]:
    """The words of the run chosen among ``runs`` (first and last word of each)."""
    profile = load(lang)
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    k = w.index(cue)
    d = draft.Draft(
        parts=[draft.Seg(len(w) - 3, len(w) - 1, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(k, k + 1, "C", 0)],
        speaker=[draft.Seg(w.index(a), w.index(b) + 1, "S", 0) for a, b in runs],
    )
    best = roles._pick_speaker(seg, profile, d)
    return w[best.a : best.b]


def test_an_adverb_or_a_date_loses_to_a_name() -> None:
    text = "Weiterhin erklärte die Ministerin Anna Berger, die Lage sei ernst."
    assert _pick(text, "erklärte", [("Weiterhin", "Weiterhin"), ("die", "Berger")])[-1] == "Berger"
    text = "Anfang Juli hatte der Sender Radio Nord berichtet, die Lage sei ernst."
    got = _pick(text, "berichtet", [("Anfang", "Juli"), ("der", "Nord")])
    assert got == ["der", "Sender", "Radio", "Nord"]


def test_a_phrase_after_a_preposition_loses_to_the_subject() -> None:
    text = "Nach der Sitzung sagte Minister Karl Berg, die Lage sei ernst."
    assert _pick(text, "sagte", [("der", "Sitzung"), ("Minister", "Berg")])[-1] == "Berg"
