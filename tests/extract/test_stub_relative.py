"""``indirect.stub_contents`` and ``indirect.prepositional_relatives`` (sentences written for
these tests)."""

from __future__ import annotations

from sayso.extract import draft, indirect
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def _seg(text: str):  # type: ignore[no-untyped-def]
    profile = load("de")
    return profile, segment(text, profile.abbreviations, profile.months)


def test_a_stub_before_another_content_is_its_start() -> None:
    profile, seg = _seg("Das Gericht entschied so, weil der Vermieter die Frist versäumt habe.")
    w = seg.words
    k = w.index("weil")
    stub = draft.Draft(parts=[draft.Seg(k, k + 1, "indirect", 0)], form=Form.INDIRECT)
    rest = draft.Draft(
        parts=[draft.Seg(k + 1, len(w) - 1, "indirect", 0)], form=Form.INDIRECT, rules=["x"]
    )
    out = indirect.stub_contents(seg, [stub, rest], profile.content_clause.stub_tokens)
    assert out == [rest]
    assert [w[p.a] for p in rest.parts] == ["weil", "der"]
    assert "group.content.stub_start.v1" in rest.rules


def test_a_long_content_is_no_stub() -> None:
    profile, seg = _seg(
        "Er sagte, die alte Halle sei sehr marode, und die Stadt müsse sie sanieren."
    )
    w = seg.words
    c = w.index(",", w.index("marode"))
    first = draft.Draft(parts=[draft.Seg(3, c, "indirect", 0)], form=Form.INDIRECT)
    second = draft.Draft(parts=[draft.Seg(c + 2, len(w) - 1, "indirect", 0)], form=Form.INDIRECT)
    assert (
        len(indirect.stub_contents(seg, [first, second], profile.content_clause.stub_tokens)) == 2
    )


def _tagged(text: str, first: str) -> tuple[list[draft.Draft], list[draft.Draft]]:
    profile, seg = _seg(text)
    w = seg.words
    d = draft.Draft(
        parts=[draft.Seg(w.index(first), len(w) - 1, "indirect", 0)],
        form=Form.INDIRECT,
        rules=["crf.quote.indirect"],
    )
    return [d], indirect.prepositional_relatives(seg, profile, [d])


def test_a_prepositional_relative_clause_is_no_content() -> None:
    text = "Am Abend gab es ein Feuer in der Halle, bei dem es zu drei Verletzten kam."
    assert _tagged(text, "bei")[1] == []


def test_a_prepositional_phrase_opening_a_content_clause_stays() -> None:
    ds, out = _tagged("Die Ministerin sagte, mit dem Gesetz werde alles besser.", "mit")
    assert out == ds
    ds, out = _tagged("Der Sender berichtete, in den alten Akten fehlten Seiten.", "in")
    assert out == ds
