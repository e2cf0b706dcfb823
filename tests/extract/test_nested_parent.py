"""Nested partial quotations point at the statement whose content holds them.

The nested step used to record its parent as an index into the draft list; later steps
insert and drop drafts, so the index went stale and a fragment inside s6 said
``nested_in s5`` (off by the number of earlier fragments). The parent is now a reference
to the draft, checked against the finished contents."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sayso
from sayso.model import Analysis, RelationKind, Span


def _envelope(a: Analysis, sid: str) -> Span:
    s = next(x for x in a.statements if x.id == sid)
    return Span(s.content[0].start, s.content[-1].end)


def _check_nested(a: Analysis) -> int:
    """Every nested_in relation (and parent) points at a statement holding the fragment."""
    n = 0
    for s in a.statements:
        if s.parent is None:
            continue
        assert _envelope(a, s.parent).contains(_envelope(a, s.id)), (s.id, s.parent)
        n += 1
    for r in a.relations:
        if r.kind is RelationKind.NESTED_IN:
            assert r.target is not None
            assert _envelope(a, r.target).contains(_envelope(a, r.source))
    return n


def test_assemble_nested_fragments_point_at_their_own_sentence() -> None:
    text = (
        "Der Minister sagte, die Regierung habe einen „historischen Fehler“ gemacht. "
        "Später erklärte er, die Opposition sei „völlig verantwortungslos“ gewesen "
        "und die Lage „sehr ernst“. "
        "Die Sprecherin betonte, man werde die „nötigen Schritte“ bald einleiten."
    )
    a = sayso.analyze(text, "de")
    parents = {
        s.content[0].text(text): next(p for p in a.statements if p.id == s.parent)
        for s in a.statements
        if s.parent
    }
    assert len(parents) == 4
    assert "Schritte" in parents["„nötigen Schritte“"].content[0].text(text)
    assert "Opposition" in parents["„sehr ernst“"].content[0].text(text)
    assert _check_nested(a) == 4


_SPEAKERS = ["Der Minister", "Die Sprecherin", "Anna Berger", "Der Bürgermeister"]
_CUES = ["sagte", "erklärte", "betonte", "kritisierte"]
_FRAGMENTS = [
    "„völlig verantwortungslos“",
    "„historischen Fehler“",
    "„sehr ernst“",
    "„nötigen Schritte“",
    "„ein klares Signal“",
]
_PLAIN = [
    "Die Sitzung dauerte drei Stunden.",
    "„Wir bleiben dabei“, sagte Anna Berger.",
    "Am Dienstag tagte der Ausschuss erneut.",
]


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(st.sampled_from(_PLAIN))
    who, cue = draw(st.sampled_from(_SPEAKERS)), draw(st.sampled_from(_CUES))
    frags = draw(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=3))
    body = " und ".join(f"die Lage sei {f} gewesen" for f in frags)
    return f"{who} {cue}, {body}."


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_sentence(), min_size=2, max_size=6))
def test_assemble_every_nested_in_holds_its_fragment(sentences: list[str]) -> None:
    _check_nested(sayso.analyze(" ".join(sentences), "de"))
