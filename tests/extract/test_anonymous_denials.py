"""``extract.anonymous`` and ``extract.denials``: modified anonymous sources and English
denials (sentences written for these tests)."""

from __future__ import annotations

import pytest

import sayso
from sayso.extract import anonymous, denials, draft
from sayso.lang import load
from sayso.lang.shapes import shapes
from sayso.model import Form
from sayso.text.segment import segment


def roles(text: str) -> list[tuple[str, str, str]]:
    """(content, speaker, cue) of every statement."""
    a = sayso.analyze(text, "en")
    t = a.text

    def w(spans: tuple[object, ...]) -> str:
        return " ".join(t[s.start : s.end] for s in spans)  # type: ignore[attr-defined]

    return [(w(s.content), w(s.speaker), w(s.cue)) for s in a.statements]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The talks had stalled, an official familiar with the matter said.",
            [("The talks had stalled", "an official familiar with the matter", "said")],
        ),
        (
            "The talks had stalled, two people familiar with the negotiations said on Tuesday.",
            [("The talks had stalled", "two people familiar with the negotiations", "said")],
        ),
    ],
)
def test_anonymous_postposed_modified_source_speaks(
    text: str, want: list[tuple[str, str, str]]
) -> None:
    assert roles(text) == want


def test_anonymous_postposed_needs_a_cue_verb_after_the_source() -> None:
    # "close to the border" describes where the troops are: no cue follows
    got = roles("The town was quiet, and soldiers close to the border waited.")
    assert not any(sp.startswith("soldiers close") for _, sp, _ in got)


def test_anonymous_speaker_cut_before_its_modifier_is_extended() -> None:
    profile = load("en")
    text = "An official familiar with the matter said the talks had stalled."
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    said = w.index("said")
    d = draft.Draft(
        parts=[draft.Seg(said + 1, len(w) - 1, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(said, said + 1, "C", 0)],
        speaker=[draft.Seg(0, 2, "S", 0)],
    )
    anonymous.extend_speakers(seg, profile, shapes("en"), [d])
    assert " ".join(w[d.speaker[0].a : d.speaker[0].b]) == "An official familiar with the matter"
    assert "group.speaker.source_modifier.v1" in d.rules


def test_anonymous_speaker_after_its_cue_is_extended_without_the_period() -> None:
    # the cue before the speaker: the modifier's object runs to the sentence end, but the
    # sentence-final period is no part of the source
    profile = load("en")
    text = "The bridge will reopen in May, said a person briefed on the repairs."
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    said = w.index("said")
    d = draft.Draft(
        parts=[draft.Seg(0, said - 1, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(said, said + 1, "C", 0)],
        speaker=[draft.Seg(said + 1, said + 3, "S", 0)],
    )
    anonymous.extend_speakers(seg, profile, shapes("en"), [d])
    assert " ".join(w[d.speaker[0].a : d.speaker[0].b]) == "a person briefed on the repairs"
    assert "group.speaker.source_modifier.v1" in d.rules


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Smith has repeatedly denied wrongdoing.",
            [("wrongdoing", "Smith", "has repeatedly denied")],
        ),
    ],
)
def test_denials_object_of_a_denial_is_the_content(
    text: str, want: list[tuple[str, str, str]]
) -> None:
    assert roles(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "The club dismissed its coach on Monday.",  # fired, not denied
        "The coach was dismissed on Monday.",  # a passive
        "Smith has denied.",  # nothing denied
    ],
)
def test_denials_near_misses_make_no_statement(text: str) -> None:
    assert not any(
        "rule.denial.sentence.v1" in s.rules for s in sayso.analyze(text, "en").statements
    )


def test_denials_dismissed_as_counts() -> None:
    profile = load("en")
    text = "The mayor dismissed the claims as nonsense."
    seg = segment(text, profile.abbreviations, profile.months)
    got = denials.denial_statements(seg, profile, shapes("en"), [])
    assert [" ".join(seg.words[d.a : d.b]) for d in got] == ["the claims as nonsense"]
    assert [" ".join(seg.words[d.speaker[0].a : d.speaker[0].b]) for d in got] == ["The mayor"]


def test_denials_a_title_case_headline_is_no_denial() -> None:
    statements = sayso.analyze("Mayor Denies Plan To Close The Old Bridge", "en").statements
    assert not any("rule.denial.sentence.v1" in s.rules for s in statements)
