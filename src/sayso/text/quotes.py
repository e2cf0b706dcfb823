"""Quotation-mark pairing that never raises.

Marks are classified by context the way CommonMark classifies emphasis delimiters: a mark
can *open* when the next character is not white space and the previous one is white space,
the start of the text, an opening bracket or dash; it can *close* when the previous
character is not white space and the next one is white space, punctuation or the end.
Context alone decides the direction of ambiguous marks, so German „…“ and »…«, French/Swiss
«…», English “…” and straight "…" all pair with one algorithm. A mark between two letters
(don't, Clinton’s) is an apostrophe, never a quote.

Paragraphs bound quotations, except for the English convention where a long quotation
leaves its paragraph open and the next paragraph starts with an opening mark again.
Anything that cannot be paired becomes a warning; the text is still analysed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from sayso import errors
from sayso.model import Span, Warning

# opener -> the closers it accepts
CLOSERS: dict[str, str] = {
    "„": '“”"',
    "‚": "‘’'",
    "“": "”",
    "”": "”",
    "»": "«",
    "«": "»",
    "›": "‹",
    "‹": "›",
    '"': '"',
    "'": "'",
    "‘": "’",
}
# marks that are only ever openers (German low marks)
OPEN_ONLY = frozenset("„‚")
SINGLE = frozenset("‚‘’'‹›")
MARK_RE = re.compile("[„‚“”»«›‹\"'‘’]")
_OPEN_BEFORE = frozenset("([{<-–—/:;,")
_CLOSE_AFTER = frozenset(".,;:!?)]}>-–—/…")
MAX_MARKS = 5000


@dataclass(frozen=True, slots=True)
class Quotation:
    """A paired quotation: ``open`` is the offset of its opening mark, ``end`` the offset
    just after its closing mark (or the paragraph end when it was left open).
    ``parts`` are the per-paragraph pieces, marks included."""

    open: int
    end: int
    depth: int
    closed: bool
    parts: tuple[Span, ...]

    @property
    def span(self) -> Span:
        return Span(self.open, self.end)


def _flanking(text: str, i: int) -> tuple[bool, bool]:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev_space = prev.isspace() or prev in _OPEN_BEFORE or MARK_RE.match(prev) is not None
    next_space = nxt.isspace() or nxt in _CLOSE_AFTER or MARK_RE.match(nxt) is not None
    can_open = not nxt.isspace() and prev_space
    can_close = not prev.isspace() and next_space
    return can_open, can_close


def pair_quotes(
    text: str, paragraphs: list[tuple[int, int]]
) -> tuple[list[Quotation], list[Warning]]:
    """Pair the quotation marks of ``text``; ``paragraphs`` are (start, end) offsets."""
    warnings: list[Warning] = []
    marks = [m.start() for m in MARK_RE.finditer(text)]
    if len(marks) > MAX_MARKS:
        warnings.append(
            Warning(
                errors.W106.code,
                errors.W106.format(count=len(marks), limit=MAX_MARKS),
            )
        )
        marks = marks[:MAX_MARKS]
    quotes: list[Quotation] = []
    # stack entries: (mark char, offset, paragraph index where it opened, part starts)
    stack: list[tuple[str, int, int]] = []
    para_idx = 0
    n_para = len(paragraphs)

    def para_of(offset: int) -> int:
        nonlocal para_idx
        while para_idx < n_para - 1 and offset >= paragraphs[para_idx][1]:
            para_idx += 1
        return para_idx

    def flush_paragraph(p: int, next_first_mark: str | None) -> None:
        """Close what paragraph ``p`` left open (or carry it into the next paragraph)."""
        nonlocal stack
        if not stack:
            return
        # English convention: the next paragraph re-opens with the same mark family.
        if next_first_mark is not None and len(stack) == 1:
            ch = stack[0][0]
            if next_first_mark == ch or (ch in '“”"' and next_first_mark in '“"'):
                return
        for ch, off, _ in reversed(stack):
            end = paragraphs[p][1]
            if ch in SINGLE or ch == '"':
                # a lone straight or single mark is far more often noise than a quote
                warnings.append(
                    Warning(
                        errors.W101.code,
                        errors.W101.format(mark=ch, offset=off),
                        Span(off, off + 1),
                    )
                )
                continue
            warnings.append(
                Warning(errors.W107.code, errors.W107.format(offset=off), Span(off, end))
            )
            quotes.append(_make(off, end, len(stack) - 1, False, paragraphs))
        stack = []

    current_para = 0
    for i in marks:
        p = para_of(i)
        if p != current_para:
            nxt_first = None
            ps = paragraphs[p][0]
            if i == ps or text[ps:i].isspace():
                nxt_first = text[i]
            for q in range(current_para, p):
                flush_paragraph(q, nxt_first if q == p - 1 else None)
            if stack and nxt_first is not None:
                # continuation: the re-opening mark is not a new quotation
                current_para = p
                continue
            current_para = p
        ch = text[i]
        if ch in "'’" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            continue  # apostrophe inside a word
        can_open, can_close = _flanking(text, i)
        if ch in OPEN_ONLY:
            can_open, can_close = True, False
        closed = False
        if can_close or not can_open:
            for k in range(len(stack) - 1, -1, -1):
                if ch in CLOSERS.get(stack[k][0], ""):
                    # marks opened after the matching opener were never closed
                    for ch2, off2, _ in stack[k + 1 :]:
                        warnings.append(
                            Warning(
                                errors.W101.code,
                                errors.W101.format(mark=ch2, offset=off2),
                                Span(off2, off2 + 1),
                            )
                        )
                    _, off, _ = stack[k]
                    quotes.append(_make(off, i + 1, k, True, paragraphs))
                    del stack[k:]
                    closed = True
                    break
        if closed:
            continue
        if can_open:
            stack.append((ch, i, p))
        elif ch in "'’":
            continue  # trailing apostrophe (the parents' house)
        else:
            warnings.append(
                Warning(
                    errors.W101.code,
                    errors.W101.format(mark=ch, offset=i),
                    Span(i, i + 1),
                )
            )
    for q in range(current_para, n_para):
        flush_paragraph(q, None)
    quotes.sort(key=lambda q: (q.open, -q.end))
    return quotes, warnings


def _make(
    start: int, end: int, depth: int, closed: bool, paragraphs: list[tuple[int, int]]
) -> Quotation:
    parts = []
    # the first paragraph ending after ``start`` (paragraphs are sorted and disjoint)
    k = bisect.bisect_right(paragraphs, start, key=lambda p: p[1])
    while k < len(paragraphs) and paragraphs[k][0] < end:
        ps, pe = paragraphs[k]
        parts.append(Span(max(ps, start), min(pe, end)))
        k += 1
    return Quotation(start, end, depth, closed, tuple(parts) or (Span(start, end),))
