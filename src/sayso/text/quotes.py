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
    text: str, paragraphs: list[tuple[int, int]], max_marks: int
) -> tuple[list[Quotation], list[Warning]]:
    """Pair the quotation marks of ``text``; ``paragraphs`` are (start, end) offsets. Only
    the first ``max_marks`` marks are paired (a W106 warning says so)."""
    pairer = _Pairer(text, paragraphs)
    marks = [m.start() for m in MARK_RE.finditer(text)]
    if len(marks) > max_marks:
        pairer.warnings.append(
            Warning(
                errors.W106.code,
                errors.W106.format(count=len(marks), limit=max_marks),
            )
        )
        marks = marks[:max_marks]
    for i in marks:
        pairer.mark(i)
    for q in range(pairer.current_para, len(paragraphs)):
        pairer.flush_paragraph(q, None)
    pairer.quotes.sort(key=lambda q: (q.open, -q.end))
    return pairer.quotes, pairer.warnings


class _Pairer:
    """The state of one left-to-right pass over the marks: the stack of open marks
    (mark char, offset, paragraph index where it opened), the paragraph being read, and
    the quotations and warnings found so far."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.quotes: list[Quotation] = []
        self.warnings: list[Warning] = []
        self.stack: list[tuple[str, int, int]] = []
        self.para_idx = 0
        self.current_para = 0

    def para_of(self, offset: int) -> int:
        n_para = len(self.paragraphs)
        while self.para_idx < n_para - 1 and offset >= self.paragraphs[self.para_idx][1]:
            self.para_idx += 1
        return self.para_idx

    def unbalanced(self, ch: str, off: int) -> None:
        self.warnings.append(
            Warning(errors.W101.code, errors.W101.format(mark=ch, offset=off), Span(off, off + 1))
        )

    def flush_paragraph(self, p: int, next_first_mark: str | None) -> None:
        """Close what paragraph ``p`` left open (or carry it into the next paragraph)."""
        stack = self.stack
        if not stack:
            return
        # English convention: the next paragraph re-opens with the same mark family.
        if next_first_mark is not None and len(stack) == 1:
            ch = stack[0][0]
            if next_first_mark == ch or (ch in '“”"' and next_first_mark in '“"'):
                return
        for ch, off, _ in reversed(stack):
            end = self.paragraphs[p][1]
            if ch in SINGLE or ch == '"':
                # a lone straight or single mark is far more often noise than a quote
                self.unbalanced(ch, off)
                continue
            self.warnings.append(
                Warning(errors.W107.code, errors.W107.format(offset=off), Span(off, end))
            )
            self.quotes.append(_make(off, end, len(stack) - 1, False, self.paragraphs))
        self.stack = []

    def mark(self, i: int) -> None:
        """Read the mark at offset ``i``: open, close, or warn."""
        text = self.text
        p = self.para_of(i)
        if p != self.current_para:
            nxt_first = None
            ps = self.paragraphs[p][0]
            if i == ps or text[ps:i].isspace():
                nxt_first = text[i]
            for q in range(self.current_para, p):
                self.flush_paragraph(q, nxt_first if q == p - 1 else None)
            self.current_para = p
            if self.stack and nxt_first is not None:
                return  # continuation: the re-opening mark is not a new quotation
        ch = text[i]
        if ch in "'’" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            return  # apostrophe inside a word
        can_open, can_close = _flanking(text, i)
        if ch in OPEN_ONLY:
            can_open, can_close = True, False
        if (can_close or not can_open) and self.close(ch, i):
            return
        if can_open:
            self.stack.append((ch, i, p))
        elif ch not in "'’":  # (a trailing apostrophe: the parents' house)
            self.unbalanced(ch, i)

    def close(self, ch: str, i: int) -> bool:
        """Close the innermost open mark that ``ch`` closes; False when none."""
        stack = self.stack
        for k in range(len(stack) - 1, -1, -1):
            if ch in CLOSERS.get(stack[k][0], ""):
                # marks opened after the matching opener were never closed
                for ch2, off2, _ in stack[k + 1 :]:
                    self.unbalanced(ch2, off2)
                _, off, _ = stack[k]
                self.quotes.append(_make(off, i + 1, k, True, self.paragraphs))
                del stack[k:]
                return True
        return False


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
