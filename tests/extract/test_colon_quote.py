"""``direct.colon_quotations``: an indirect content running through a colon into a quotation
ends at the colon, the quotation becomes a direct statement (sentences written for these
tests)."""

from __future__ import annotations

from sayso.extract import direct, draft
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def split(text: str, first: str) -> list[tuple[str, str, list[str]]]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    w = seg.words
    a = w.index(first)
    b = seg.sentences[0][1] - (1 if w[-1] == "." else 0)
    d = draft.Draft(
        parts=[draft.Seg(a, b, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(2, 3, "C", 0)],
        speaker=[draft.Seg(0, 2, "S", 0)],
    )
    out = direct.colon_quotations(seg, [d])
    return [(x.form.value, " ".join(w[x.parts[0].a : x.parts[-1].b]), x.rules) for x in out]


def test_the_quotation_after_the_colon_is_direct_speech() -> None:
    got = split(
        "Die Ministerin sagte, die Krise werde länger dauern: „Wir müssen uns auf einen "
        "harten Winter einstellen.“",
        "die",
    )
    assert got == [
        ("indirect", "die Krise werde länger dauern", ["group.content.colon_quote.v1"]),
        (
            "direct",
            "„ Wir müssen uns auf einen harten Winter einstellen . “",
            ["rule.direct.colon_quote.v1"],
        ),
    ]


def test_a_quoted_name_in_a_parenthesis_is_left_alone() -> None:
    got = split(
        "Die Gewerkschaft (kurz: „IG Bau“) befürchtet einen Abbau von Stellen.",
        "Die",
    )
    assert got == [
        (
            "indirect",
            "Die Gewerkschaft ( kurz : „ IG Bau “ ) befürchtet einen Abbau von Stellen",
            [],
        )
    ]
