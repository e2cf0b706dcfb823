"""A cited source is the original speaker: "Der US-Sender NBC berichtete unter Berufung
auf die Küstenwache, die Familien seien unterrichtet worden", "Reuters, citing two
officials, said …" — an outlet relaying a source (a person "citing low growth" gives a
reason, and keeps the words).

:func:`sayso.evidence.chains.assemble` puts the cited source after the citing speaker
(``chain.citing.v1``), as the guidelines order a chain (outermost first, the original
speaker last), but keeps the citing speaker as the statement's actor. The words came from
the cited source, so :func:`promote` makes it the actor (``chain.cited_speaker.v1``), as
an embedded speaker is ("Die Zeitung berichtet, der General habe gesagt, …"); the chain
itself is unchanged. A person citing something gives a reason or backs his own claim
("citing Mrs. Clinton's emphasis on …", "unter Verweis auf eine hausinterne Studie"): the
cited hop is dropped (``chain.citing_reason.v1``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from sayso.model import ActorKind, Evidence, Statement

RULE = "chain.cited_speaker.v1"
CITING = "chain.citing.v1"
DROPPED = "chain.citing_reason.v1"


def promote(statements: Sequence[Statement], kind_of: Mapping[str, ActorKind]) -> list[Statement]:
    """The statements whose chain ends in a source their speaker cites, with that source
    as the actor (an outlet citing) or without that hop (a person citing)."""
    out = list(statements)
    for k, s in enumerate(statements):
        if len(s.chain) < 2 or s.actor != s.chain[-2] or s.actor == s.chain[-1]:
            continue
        if not any(e.rule == CITING for e in s.evidence):
            continue
        if kind_of.get(s.actor) is ActorKind.PERSON:
            # a person "citing low growth", "unter Verweis auf eine Studie" gives a reason
            # or backs his own claim: no hop (on unseen text 2 of 8 such hops were right)
            ev = Evidence(DROPPED, None, None, "a person's reason or support, not a source")
            kept = tuple(e for e in s.evidence if e.rule != CITING)
            out[k] = replace(s, chain=s.chain[:-1], evidence=(*kept, ev))
            continue
        if kind_of.get(s.actor) is not ActorKind.OUTLET:
            continue
        if kind_of.get(s.chain[-1]) in (None, ActorKind.UNKNOWN):
            continue
        ev = Evidence(RULE, None, None, "the cited source is the original speaker")
        out[k] = replace(s, actor=s.chain[-1], evidence=(*s.evidence, ev))
    return out
