"""The vocabulary round-trips through JSON without loss."""

from __future__ import annotations

import pytest

from sayso.model import (
    Actor,
    ActorKind,
    Analysis,
    Evidence,
    Form,
    Medium,
    Relation,
    RelationKind,
    Span,
    Statement,
    Warning,
)


def sample() -> Analysis:
    text = "„Ja“, sagte sie."
    s1 = Statement(
        id="s1",
        content=(Span(0, 4),),
        form=Form.DIRECT,
        cue=(Span(6, 11),),
        speaker=(Span(12, 15),),
        medium=Medium.SPEECH,
        actor="a1",
        chain=("a1",),
        rules=("crf.quote.direct",),
        evidence=(Evidence("lexicon.cue", "de/cues.json#sagen", Span(6, 11)),),
    )
    return Analysis(
        text=text,
        lang="de",
        statements=(s1,),
        actors=(Actor("a1", "sie", ActorKind.PERSON, (Span(12, 15),)),),
        relations=(Relation("r1", RelationKind.DISPUTES, "s1", None, (Span(6, 11),), 0.5),),
        warnings=(Warning("W101", "x", Span(0, 1)),),
        paragraphs=(Span(0, 16),),
        sentences=(Span(0, 16),),
        title="T",
    )


def test_model_analysis_json_round_trip_is_lossless() -> None:
    a = sample()
    assert Analysis.from_json(a.to_json()) == a


def test_model_span_rejects_negative_or_reversed() -> None:
    with pytest.raises(ValueError):
        Span(3, 1)
    with pytest.raises(ValueError):
        Span(-1, 2)


def test_model_span_text_matches_offsets() -> None:
    a = sample()
    assert a.spans_text(a.statements[0].speaker) == "sie"


@pytest.mark.parametrize(
    "bad",
    ["{", "[]", '{"lang": "de"}', '{"text": "x", "lang": "de", "statements": [{"id": "s1"}]}'],
)
def test_model_from_json_rejects_garbage_with_e007(bad: str) -> None:
    from sayso.errors import SaysoError

    with pytest.raises(SaysoError) as err:
        Analysis.from_json(bad)
    assert err.value.code == "E007"
    assert err.value.hint


def test_analysis_pickles_to_an_equal_analysis() -> None:
    """Ingest workers send analyses to the storing process by pickle (field values only)."""
    import pickle

    import sayso

    a = sayso.analyze(
        "„Wir bleiben hart“, sagte Ministerin Anna Berger. Die Opposition bezweifelt, "
        "dass das reicht. Laut Polizei soll es Verletzte gegeben haben.",
        "de",
    )
    assert a.statements and a.actors
    back = pickle.loads(pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == a and back.to_dict() == a.to_dict()
    assert type(back.statements[0].content[0]) is type(a.statements[0].content[0])
    assert Span(2, 5).__reduce__() == (Span, (2, 5))  # built by __init__: still validated


def test_model_framing_why_takes_labels_as_well_as_facets() -> None:
    from sayso.model import Confirmation, Evidence, Framing, Span, Stance

    ev = (
        Evidence("framing.confirmation.unconfirmed.v1", "gab es nicht", Span(0, 4)),
        Evidence("framing.hedge.marker.v1", "offenbar", Span(5, 9)),
    )
    framing = Framing(
        hearsay=False,
        hedged=True,
        stance=Stance.NEUTRAL,
        confirmation=Confirmation.UNCONFIRMED,
        evidence=ev,
    )
    assert framing.why("unconfirmed") == (ev[0],)
    assert framing.why("confirmation") == (ev[0],)
    assert framing.why("hedged") == framing.why("hedge") == (ev[1],)
    assert framing.why("hearsay") == ()
