"""Map character spans onto a corpus tokenisation.

The gold metrics count tokens, but sayso reports character spans. :class:`TokenIndex`
maps any character span onto the corpus' own tokens by one rule: **a token is covered
when the span overlaps at least one of its characters**. Consequences, all intended:

- nothing is lost: every span that touches a non-space character maps to at least that
  character's token (a span ending mid-word covers the whole word);
- a span that covers only whitespace (or only characters between tokens) maps to no token;
- gold spans of the German corpus are token-aligned, so they map back to exactly their
  ``tokenIds``.

Token ids are positions in ``GoldDoc.tokens``; results are sorted and duplicate-free, the
same normalisation the reference scorer applies to ``tokenIds`` lists.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import pairwise

from sayso.model import Span

TokenIds = tuple[int, ...]


class TokenIndex:
    """Answers "which tokens does this character span cover?" in O(log n) per span."""

    __slots__ = ("_ends", "_starts", "tokens")

    def __init__(self, tokens: Sequence[Span]) -> None:
        for prev, cur in pairwise(tokens):
            if cur.start < prev.end:
                raise ValueError(f"tokens must be sorted and disjoint: {prev} then {cur}")
        self.tokens: tuple[Span, ...] = tuple(tokens)
        self._starts = [t.start for t in self.tokens]
        self._ends = [t.end for t in self.tokens]

    def __len__(self) -> int:
        return len(self.tokens)

    def span_ids(self, span: Span) -> range:
        """The ids of the tokens overlapping ``span`` (empty for an empty span)."""
        if span.start >= span.end:
            return range(0)
        first = bisect_right(self._ends, span.start)  # first token ending after the start
        stop = bisect_left(self._starts, span.end)  # first token starting at/after the end
        return range(first, max(first, stop))

    def ids(self, spans: Iterable[Span]) -> TokenIds:
        """The sorted, de-duplicated ids of the tokens covered by any of ``spans``."""
        found: set[int] = set()
        for span in spans:
            found.update(self.span_ids(span))
        return tuple(sorted(found))

    def spans(self, ids: Iterable[int]) -> tuple[Span, ...]:
        """Token ids back to character spans, adjacent tokens merged (for display)."""
        merged: list[Span] = []
        last = -2
        for i in sorted(set(ids)):
            tok = self.tokens[i]
            if merged and i == last + 1:
                merged[-1] = Span(merged[-1].start, tok.end)
            else:
                merged.append(tok)
            last = i
        return tuple(merged)
