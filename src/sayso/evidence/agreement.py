"""Agreement with a person: "agreed with Ivana Trump" confirms and "disagrees with her
former boss" disputes that person's latest statement before it in the article
(``agreement_words`` and ``agreement_prepositions`` in ``lang/<lang>/evidence.json``).
Used by :mod:`sayso.evidence.disputes`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sayso.evidence.chains import noun_phrase
from sayso.lang import LangProfile
from sayso.model import Relation, RelationKind, Span, Statement
from sayso.text.segment import Segmented


def agreement(
    seg: Segmented, profile: LangProfile, own: Sequence[int]
) -> tuple[RelationKind, tuple[int, int], Span] | None:
    """ "agreed with Ivana Trump", "disagrees with her former boss": (confirms or disputes,
    the agreed-with phrase, the words)."""
    ev = profile.evidence
    words = seg.words
    lows = seg.lows
    if ev.agreement.keys().isdisjoint([lows[i] for i in own]):
        return None
    for i in own:
        kind = ev.agreement.get(lows[i])
        if kind is None or seg.quote_depth[i]:
            continue
        for j in range(i + 1, min(i + 3, len(words))):
            if words[j].lower() in ev.agreement_prepositions:
                np_ = noun_phrase(seg, profile, j + 1, len(words))
                if np_ is not None:
                    return RelationKind(kind), np_, seg.token_span(i, np_[1])
    return None


def agreement_relation(
    seg: Segmented,
    d: Statement,
    agreed: tuple[RelationKind, tuple[int, int], Span],
    statements: Sequence[Statement],
    actor_of: Mapping[Span, str],
) -> list[Relation]:
    """The relation of "agreed with X" to X's latest statement before it (none when X
    says nothing in the article: agreeing with a person is not agreeing with a claim)."""
    kind, owner, words = agreed
    aid = actor_of.get(seg.token_span(*owner))
    target = next(
        (
            t
            for t in reversed(statements)
            if aid is not None
            and aid in t.chain
            and t.id != d.id
            and t.content[0].start < d.content[0].start
        ),
        None,
    )
    if target is None:
        return []
    return [
        Relation(
            id="",
            kind=kind,
            source=d.id,
            target=target.id,
            evidence=(words,),
            confidence=0.7,
            reason=f"{'agrees' if kind is RelationKind.CONFIRMS else 'disagrees'} with its speaker",
            rules=(f"relation.{kind.value}.agreement.v1",),
        )
    ]
