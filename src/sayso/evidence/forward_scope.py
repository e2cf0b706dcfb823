"""Statements that carry the latest report forward: a sentence opening with "Demnach",
"Dem Bericht zufolge", "The report said", or a cue that is such a phrase ("…, heißt es
weiter."); :func:`sayso.evidence.chains.assemble` gives them that report's chain."""

from __future__ import annotations

from collections.abc import Sequence

from sayso.evidence.chains import sentences_of, tokens_of
from sayso.evidence.phrases import phrase_opening
from sayso.lang import LangProfile
from sayso.model import Span, Statement
from sayso.text.segment import Segmented


def forward_openers(
    seg: Segmented, profile: LangProfile, statements: Sequence[Statement]
) -> dict[str, Span]:
    """Statements in sentences opening with "Demnach", "Dem Bericht zufolge", "The report
    said", or whose cue is such a phrase ("…, heißt es weiter."): statement id -> the
    opener's words."""
    words = seg.words
    out: dict[str, Span] = {}
    for s in statements:
        sents = sentences_of(seg, s)
        if not sents:
            continue
        a, b = seg.sentences[sents[0]]
        ph = phrase_opening(words, a, b, profile.evidence.forward_scope)
        if ph is not None:
            out[s.id] = seg.token_span(a, a + len(ph))
            continue
        # or its cue is one ("…, heißt es weiter.")
        cue = sorted(tokens_of(seg, s.cue))
        if cue:
            ph = phrase_opening(words, cue[0], cue[-1] + 1, profile.evidence.forward_scope)
            if ph is not None:
                out[s.id] = seg.token_span(cue[0], cue[0] + len(ph))
    return out
