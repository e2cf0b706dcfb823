"""The article with its statements marked, for ``sayso show``: what was said in brackets
tagged with the statement's id, the speaker and the cue marked, so a reader checks each
extraction against the text it came from.

    Laut der {Washington Post} soll {der Minister} <gesagt haben>, [s1 die Brücke sei
    marode].

Plain text marks with ASCII brackets (``[s1 …]`` content, ``{…}`` speaker, ``<…>`` cue);
on a terminal colours mark them too. Nested statements nest their brackets; a speaker or
cue shared by several statements is marked once.
"""

from __future__ import annotations

from sayso.model import Analysis
from sayso.text.safe import safe

LEGEND = "[s1 …] what was said (statement s1), {…} speaker, <…> cue"

_COLOR = {"content": "32", "speaker": "1;36", "cue": "1;33", "tag": "2"}


def _c(s: str, style: str, color: bool) -> str:
    return f"\x1b[{_COLOR[style]}m{s}\x1b[0m" if color else s


def marked_text(a: Analysis, *, color: bool = False) -> str:
    """The analysis's text with every statement's content, speaker and cue marked; the
    text's control characters escaped (:func:`sayso.text.safe.safe`), so the only escape
    sequences in it are the colours'."""
    marks: dict[tuple[int, int, str], tuple[str, str]] = {}
    for s in a.statements:
        for i, span in enumerate(s.content):
            tag = f"[{s.id} " if i == 0 else f"[{s.id}… "
            opening = _c(tag, "tag", color) + ("\x1b[" + _COLOR["content"] + "m" if color else "")
            closing = ("\x1b[0m" if color else "") + _c("]", "tag", color)
            marks[(span.start, span.end, f"content{s.id}")] = (opening, closing)
        for part, (o, c) in (("speaker", ("{", "}")), ("cue", ("<", ">"))):
            for span in getattr(s, part):
                if color:
                    o, c = "\x1b[" + _COLOR[part] + "m", "\x1b[0m"
                marks.setdefault((span.start, span.end, part), (o, c))
    keys = [k for k in marks if 0 <= k[0] < k[1] <= len(a.text)]
    events: list[tuple[int, int, int, int]] = []  # (at, close 0 / open 1, order, mark)
    for n, (start, end, _) in enumerate(keys):
        events.append((start, 1, start - end, n))  # the outer of two opens first
        events.append((end, 0, -start, n))  # the inner of two closes first
    events.sort()
    out: list[str] = []
    active: list[int] = []
    pos = 0
    for at, is_open, _, n in events:
        out.append(safe(a.text[pos:at]))
        pos = at
        opening, closing = marks[keys[n]]
        if is_open:
            active.append(n)
            out.append(opening)
            continue
        active.remove(n)
        out.append(closing)
        if color:  # a colour's reset ended the outer marks' colours too: restore them
            out.extend(_style(marks[keys[m]][0]) for m in active)
    out.append(safe(a.text[pos:]))
    return "".join(out)


def _style(opening: str) -> str:
    """The last colour code of an opening mark (its tag's colour comes first)."""
    at = opening.rfind("\x1b[")
    return opening[at:] if at >= 0 else ""
