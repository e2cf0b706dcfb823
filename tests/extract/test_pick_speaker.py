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
