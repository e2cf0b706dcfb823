"""The article with its statements marked, built from the analysis's offsets.

:func:`segments` cuts the text at every span boundary; each piece is plain text (the
template escapes it) with the statement it belongs to (the innermost) and its role there
(content, cue or speaker). No HTML is built here, so no text can become markup.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from sayso.model import Analysis

#: colours of the actor palette (CSS classes ``a0`` … ``a7``)
PALETTE = 8

ROLES = ("content", "cue", "speaker")


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    statement: str | None = None  # the innermost statement covering it
    role: str | None = None  # content, cue or speaker
    colour: int | None = None  # the statement's actor colour


def colours(analysis: Analysis) -> dict[str, int]:
    """Actor id -> palette index (in order of first appearance)."""
    return {a.id: i % PALETTE for i, a in enumerate(analysis.actors)}


def segments(analysis: Analysis) -> list[Segment]:
    """The text in pieces, each marked with the statement and role covering it."""
    text = analysis.text
    palette = colours(analysis)
    marks: list[tuple[int, int, int, str, str, int | None]] = []
    for s in analysis.statements:
        colour = palette.get(s.actor) if s.actor else None
        for role in ROLES:
            for span in getattr(s, role):
                # shorter spans win (nested quotes, a cue inside a sentence)
                marks.append((span.start, span.end, span.end - span.start, s.id, role, colour))
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        if start >= end or start >= len(text):
            continue
        covering = [m for m in marks if m[0] <= start and end <= m[1]]
        if not covering:
            out.append(Segment(text[start:end]))
            continue
        best = min(covering, key=lambda m: (m[4] == "content", m[2]))
        out.append(Segment(text[start:end], best[3], best[4], best[5]))
    return out
