"""Character spans onto corpus tokens: overlap covers a token, nothing is lost."""

from __future__ import annotations

import pytest

from sayso.eval.align import TokenIndex
from sayso.eval.corpus import regex_tokens
from sayso.model import Span

TEXT = "Sie sagte:  „Nein.“"
TOKENS = regex_tokens(TEXT)  # Sie | sagte | : | „ | Nein | . | “
INDEX = TokenIndex(TOKENS)


def test_exact_token_span() -> None:
    assert INDEX.ids([Span(4, 9)]) == (1,)


def test_partial_overlap_covers_whole_token() -> None:
    assert INDEX.ids([Span(1, 2)]) == (0,)  # inside "Sie"
    assert INDEX.ids([Span(2, 5)]) == (0, 1)  # end of "Sie", start of "sagte"


def test_whitespace_only_and_empty_spans_cover_nothing() -> None:
    assert INDEX.ids([Span(10, 12)]) == ()  # the two spaces before „
    assert INDEX.ids([Span(4, 4)]) == ()


def test_span_across_gaps_and_multiple_spans() -> None:
    assert INDEX.ids([Span(0, len(TEXT))]) == tuple(range(len(TOKENS)))
    assert INDEX.ids([Span(13, 17), Span(0, 3), Span(14, 15)]) == (0, 4)


def test_span_beyond_text_end_is_clipped() -> None:
    assert INDEX.ids([Span(17, 99)]) == (5, 6)


def test_every_non_space_character_maps_to_a_token() -> None:
    for i, ch in enumerate(TEXT):
        ids = INDEX.ids([Span(i, i + 1)])
        assert bool(ids) == (not ch.isspace())


def test_spans_merge_adjacent_tokens() -> None:
    assert INDEX.spans([4, 3, 5]) == (Span(12, 18),)
    assert INDEX.spans([0, 2]) == (Span(0, 3), Span(9, 10))


def test_rejects_unsorted_or_overlapping_tokens() -> None:
    with pytest.raises(ValueError):
        TokenIndex([Span(5, 8), Span(0, 3)])
    with pytest.raises(ValueError):
        TokenIndex([Span(0, 5), Span(3, 8)])
    assert len(TokenIndex([])) == 0
