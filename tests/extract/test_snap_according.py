"""Contents around an according-to construction inside their clause (written for these
tests)."""

from __future__ import annotations

from sayso.extract import group
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def test_the_construction_bounds_a_frame_the_tagger_ran_on() -> None:
    profile = load("de")
    text = "Die Firma plant nach Angaben der Gewerkschaft den Abbau von Stellen."
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    nach, den, end = w.index("nach"), w.index("den"), len(w) - 1
    d = group.Draft(
        parts=[group.Seg(0, nach, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[group.Seg(nach, nach + 1, "C", 0)],
        speaker=[group.Seg(nach + 1, den, "S", 0)],
        frame=[group.Seg(nach, end, "F", 0)],  # runs on into the content
    )
    group.snap_content(seg, profile, [d])
    assert [" ".join(w[p.a : p.b]) for p in d.parts] == [
        "Die Firma plant",
        "den Abbau von Stellen",
    ]
