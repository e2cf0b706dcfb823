"""Denials and confirmations of "this": "Das Ministerium bestritt dies.", "The ministry
has denied this." When the tagger makes such a sentence a statement whose whole content is
a pronoun pointing back (``anaphors`` in ``lang/<lang>/reporting.json``), the pronoun
stands for the statement just before it of another source, in its sentence or the two
before (``relation.disputes.anaphor.v1``, ``relation.confirms.anaphor.v1``); the target's
confirmation follows from the relation. A refusal or a negation in the frame ("was unable
to confirm this", "declined to confirm the report") leaves the target unconfirmed instead:
:func:`refused` tells :func:`sayso.evidence.disputes.link` so.
"""

from __future__ import annotations

from collections.abc import Sequence

from sayso.evidence import dispute_targets
from sayso.evidence.chains import tokens_of
from sayso.lang import LangProfile
from sayso.lang.reporting import framing_words
from sayso.model import Statement
from sayso.text.segment import Segmented


def is_anaphor(seg: Segmented, profile: LangProfile, d: Statement) -> bool:
    """Is the statement's whole content one pronoun pointing back ("this", "dies"), or is
    the cue's object such a pronoun outside the content ("Die Veranstalter wiesen das
    zurück: Die Demonstration sei friedlich gewesen.")?"""
    anaphors = framing_words(profile.lang).anaphors
    content = tokens_of(seg, d.content)
    toks = [i for i in sorted(content) if seg.words[i][:1].isalnum()]
    if len(toks) == 1 and seg.lows[toks[0]] in anaphors:
        return True
    cue = sorted(tokens_of(seg, d.cue))
    return bool(cue) and any(
        i + 1 < len(seg.lows)
        and i + 1 not in content
        and not seg.quote_depth[i + 1]
        and seg.lows[i + 1] in anaphors
        for i in cue[:1]
    )


def anaphor_target(
    seg: Segmented, profile: LangProfile, d: Statement, before: Sequence[Statement]
) -> Statement | None:
    """The statement a pronoun content points back to: the latest one before it, of
    another source, at most two sentences back; None if there is none."""
    if not is_anaphor(seg, profile, d):
        return None
    return dispute_targets.refuted(d, before, seg)


def refused(seg: Segmented, profile: LangProfile, own: Sequence[int]) -> bool:
    """Does the statement's frame refuse or fail the act ("declined to confirm", "was
    unable to confirm", "lehnte … ab")?"""
    refusals = framing_words(profile.lang).refusals
    return any(seg.lows[i] in refusals and not seg.quote_depth[i] for i in own)
