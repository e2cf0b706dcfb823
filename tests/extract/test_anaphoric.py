"""A sentence opened by "Dies"/"Das" that attributes the sentence before it (written for
these tests)."""

from __future__ import annotations

import sayso
from sayso.extract import attributions, draft
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def test_dies_gab_bekannt_attributes_the_previous_sentence() -> None:
    text = (
        "Die Brücke bleibt bis Freitag für den Verkehr gesperrt. "
        "Das teilte die Stadtverwaltung mit."
    )
    a = sayso.analyze(text, lang="de")
    (s,) = a.statements
    assert s.form is Form.INDIRECT
    assert "rule.anaphoric_attribution.v1" in s.rules
    assert (
        a.spans_text(s.content) == "Die Brücke bleibt bis Freitag für den Verkehr gesperrt. … Das"
    )
    assert a.spans_text(s.speaker) == "die Stadtverwaltung"
    assert a.spans_text(s.cue) == "teilte … mit"


def test_opener_tagged_alone_gains_the_previous_sentence() -> None:
    profile = load("de")
    text = "Die Firma wird ein neues Werk in Bremen eröffnen. Dies gab der Vorstand bekannt."
    seg = segment(text, profile.abbreviations, profile.months)
    dies = seg.words.index("Dies")
    bare = draft.Draft(parts=[draft.Seg(dies, dies + 1, "indirect", 1)], form=Form.INDIRECT)
    assert attributions.anaphoric_attributions(seg, profile, [bare]) == []
    assert [(p.a, p.b) for p in bare.parts] == [(0, seg.sentences[0][1]), (dies, dies + 1)]
    assert "group.anaphoric_content.v1" in bare.rules


def test_no_attribution_across_paragraphs_or_without_cue() -> None:
    for text in (
        "Die Brücke bleibt bis Freitag gesperrt.\nDas teilte die Stadtverwaltung mit.",
        "Die Brücke bleibt bis Freitag gesperrt. Das ärgerte die Pendler sehr.",
    ):
        a = sayso.analyze(text, lang="de")
        assert not any("rule.anaphoric_attribution.v1" in s.rules for s in a.statements)


def _anaphoric(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words

    def span(runs: list[draft.Seg]) -> str:
        return " ".join(words[i] for r in runs for i in range(r.a, r.b))

    return [
        (span(d.parts[-1:]), span(d.speaker), span(d.cue), tuple(d.rules))
        for d in attributions.anaphoric_attributions(seg, profile, [])
    ]


def test_anaphoric_attribution_with_an_adverb_before_the_speaker() -> None:
    got = _anaphoric("Die Brücke bleibt gesperrt. Das erklärte gestern ein Sprecher der Stadt.")
    assert got == [
        ("Das", "ein Sprecher der Stadt", "erklärte", ("rule.anaphoric_attribution.v1",))
    ]


def test_anaphoric_attribution_with_a_quoted_name_and_a_closing_apposition() -> None:
    got = _anaphoric("Die Band bricht den Rekord. Das berichtete die Zeitschrift „Klangwelt“.")
    assert got[0][1] == "die Zeitschrift „ Klangwelt “"
    got = _anaphoric("Die Firma schließt das Werk. Das bestätigte ihr Chef, Karl Huber.")
    assert got[0][1] == "ihr Chef , Karl Huber"


def test_passive_anaphoric_attribution_names_the_agent() -> None:
    got = _anaphoric(
        "Die Firma schließt das Werk. Das wurde vom Vorstand am Montag bekannt gegeben."
    )
    assert got == [
        (
            "Das",
            "vom Vorstand",
            "wurde bekannt gegeben",
            ("rule.anaphoric_attribution.passive.v1",),
        )
    ]
