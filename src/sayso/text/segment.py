"""Segmentation with character offsets: paragraphs, tokens, quotations, sentences.

Tokens are kept as parallel lists (starts, ends, words) rather than objects: analysis runs
on millions of articles and this is the innermost loop.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sayso.model import Span, Warning
from sayso.settings import TextSettings
from sayso.text.quotes import MARK_RE, Quotation, pair_quotes

# dotted initialisms (U.S., z.B.) first, then numbers with inner separators (3.000, 4,6,
# 90:9, 24/7), then words with inner
# hyphens/apostrophes (34-jährigen, Wieczorek-Zeul, don't, Clinton’s), then any other char
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,:/]\d+)+|\w+(?:[-‐'’]\w+)*|[^\w\s]")
PARA_RE = re.compile(r"[^\n]+")
_TERMINAL = frozenset(".!?…")
_CLOSING = frozenset("“”\"'’‘«»‹›)]")
_DASHES = frozenset("-–—")
DEFAULT_TEXT = TextSettings()


@dataclass(slots=True)
class Segmented:
    """The segmentation of one text. Sentences and paragraphs are token index ranges
    ``[first, last)``; ``quote_depth[i]`` is how many quotations contain token ``i``
    (its marks included)."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]
    paragraphs: list[tuple[int, int]]  # char offsets
    sentences: list[tuple[int, int]]  # token ranges
    quotations: list[Quotation]
    quote_depth: list[int]
    warnings: list[Warning] = field(default_factory=list)
    sentence_of: list[int] = field(default_factory=list)  # token -> sentence index
    lows: list[str] = field(default_factory=list)  # the words in lowercase
    #: per-document results that several components ask for (tokens of spans,
    #: according-to matches per sentence): the text is read-only, so they never change
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def sentence_span(self, i: int) -> Span:
        a, b = self.sentences[i]
        return Span(self.starts[a], self.ends[b - 1])

    def token_span(self, a: int, b: int) -> Span:
        """Character span of tokens ``[a, b)``."""
        return Span(self.starts[a], self.ends[b - 1])


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    """Each non-blank line is a paragraph (news dumps put one paragraph per line)."""
    out = []
    for m in PARA_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def segment(
    text: str,
    abbreviations: Collection[str] = (),
    months: Collection[str] = (),
    limits: TextSettings = DEFAULT_TEXT,
) -> Segmented:
    """Split ``text`` into paragraphs, tokens, quotations and sentences.

    ``abbreviations`` are tokens with their period after which a sentence does not end
    ("Dr.", "z.", "bzw."); ``months`` make "am 3. Mai" an ordinal, not a sentence end.
    A sentence of more than ``limits.max_sentence_tokens`` tokens is cut into pieces of
    that many: no news sentence is longer (the dev corpora's longest has 280 tokens); a
    longer "sentence" (a text without punctuation, an unclosed quotation) is cut so that
    the rules that look at a statement's whole sentence stay linear in the text.
    """
    paragraphs = paragraphs_of(text)
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    for m in TOKEN_RE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
        words.append(m.group())
    quotations, warnings = pair_quotes(text, paragraphs, limits.max_quote_marks)
    n = len(words)
    quote_depth = [0] * n
    # end offset of the outermost quotation covering each token (0 when none)
    quote_end = [0] * n
    if quotations:
        import bisect
        from itertools import accumulate

        # depth by a difference array: nested or unclosed quotations (thousands of them in
        # hostile text) cost their number, not their number times their length
        delta = [0] * (n + 1)
        for q in quotations:
            for part in q.parts:
                a = bisect.bisect_left(starts, part.start)
                b = bisect.bisect_left(starts, part.end)
                delta[a] += 1
                delta[b] -= 1
                if q.depth == 0 and b > a:  # outermost quotations do not overlap
                    quote_end[a:b] = [q.end] * (b - a)
        quote_depth = list(accumulate(delta[:n]))
    sentences = _sentences(text, starts, ends, words, paragraphs, quote_end, abbreviations, months)
    max_tokens = limits.max_sentence_tokens
    if any(b - a > max_tokens for a, b in sentences):
        sentences = [
            (k, min(k + max_tokens, b)) for a, b in sentences for k in range(a, b, max_tokens)
        ]
    sentence_of = [0] * n
    for k, (a, b) in enumerate(sentences):
        sentence_of[a:b] = [k] * (b - a)
    return Segmented(
        text=text,
        starts=starts,
        ends=ends,
        words=words,
        paragraphs=paragraphs,
        sentences=sentences,
        quotations=quotations,
        quote_depth=quote_depth,
        warnings=warnings,
        sentence_of=sentence_of,
        lows=[w.lower() for w in words],
    )


def _sentences(
    text: str,
    starts: list[int],
    ends: list[int],
    words: list[str],
    paragraphs: list[tuple[int, int]],
    quote_end: list[int],
    abbreviations: Collection[str],
    months: Collection[str],
) -> list[tuple[int, int]]:
    n = len(words)
    out: list[tuple[int, int]] = []
    if n == 0:
        return out
    para_ends = [pe for _, pe in paragraphs]
    p = 0
    first = 0
    i = 0
    while i < n:
        while p < len(para_ends) - 1 and starts[i] >= para_ends[p]:
            p += 1
        w = words[i]
        # a paragraph boundary always ends a sentence
        if i + 1 < n and starts[i + 1] >= para_ends[p]:
            out.append((first, i + 1))
            first = i + 1
            i += 1
            continue
        if w in _TERMINAL:
            j = i + 1
            while (
                j < n
                and (words[j] in _CLOSING or words[j] in _TERMINAL)
                and starts[j] == ends[j - 1]
            ):
                j += 1
            if j >= n:
                break
            if starts[j] >= para_ends[p]:
                # closing marks end the paragraph: the sentence ends with them
                out.append((first, j))
                first = j
                i = j
                continue
            # inside a quotation that goes on after this point: not a sentence end
            if quote_end[i] and quote_end[i] > ends[j - 1]:
                i = j
                continue
            if w == "." and _no_break_after_period(words, i, j, abbreviations, months):
                i = j
                continue
            nxt = words[j]
            c = nxt[0]
            if c.isupper() or c.isdigit() or MARK_RE.match(c) or c in _DASHES or c == "(":
                out.append((first, j))
                first = j
            i = j
            continue
        i += 1
    if first < n:
        out.append((first, n))
    return out


def _no_break_after_period(
    words: list[str], i: int, j: int, abbreviations: Collection[str], months: Collection[str]
) -> bool:
    if i == 0:
        return False
    prev = words[i - 1]
    if prev + "." in abbreviations:
        return True
    # initials: "J. R. Smith", "U. S."
    if len(prev) == 1 and prev.isalpha() and prev.isupper():
        return True
    # German ordinals: "am 3. Mai", "der 2. Weltkrieg" (lowercase next word is handled by caller)
    return prev.isdigit() and len(prev) <= 2 and j < len(words) and words[j].lower() in months
