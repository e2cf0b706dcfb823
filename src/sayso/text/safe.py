"""Safe terminal output: text from data with its control characters made visible.

A site, title, author or URL from a CSV file, a feed or a web page can hold terminal
escape sequences: an OSC sequence (``ESC ] 0 ; … BEL``) sets the window title, writes the
clipboard (OSC 52) or fakes a hyperlink (OSC 8); CSI sequences clear the screen or move
the cursor; the bidi overrides U+202E and U+2066–U+2069 reorder what is shown. Printed
raw, any of them reaches the reader's terminal. :func:`safe` writes each such character
as its escape (``\\u001b``), which a reader sees and a JSON reader decodes back to the
same character, so the escaped text of a JSON document is still the same JSON.

Stored data is never changed: escaping happens when text is printed. The CLI wraps
``stdout`` and ``stderr`` in :class:`SafeStream` for every command; text it builds
itself with its own colour codes (``sayso analyze`` on a terminal) escapes the data with
:func:`safe` and is written to the stream underneath (:attr:`SafeStream.trusted`).
"""

from __future__ import annotations

import re
from typing import Any, TextIO

#: C0 controls but tab and newline, DEL, C1 controls (U+009B is a one-character CSI),
#: the bidi marks, embeddings, overrides and isolates, line/paragraph separators, lone
#: surrogates
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2066-\u2069\ud800-\udfff]"
)


def _escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def safe(text: object) -> str:
    """``text`` (``str()`` of anything) with every control, bidi-override and separator
    character written as ``\\uXXXX``; tab and newline stay. Idempotent on its output."""
    s = text if isinstance(text, str) else str(text)
    return _UNSAFE.sub(_escape, s)


def has_unsafe(text: str) -> bool:
    """Whether :func:`safe` would change ``text``."""
    return _UNSAFE.search(text) is not None


class SafeStream:
    """A text stream that writes :func:`safe` of everything written to it.

    Everything else (``isatty``, ``encoding``, ``buffer``, ``fileno``) is the wrapped
    stream's; :attr:`trusted` is the wrapped stream itself, for text whose data has been
    escaped already (coloured output, a progress bar's carriage returns).
    """

    def __init__(self, stream: TextIO) -> None:
        self.trusted = stream

    def write(self, text: str) -> int:
        self.trusted.write(safe(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.trusted, name)


def trusted(stream: Any) -> TextIO:
    """The stream under a :class:`SafeStream` (``stream`` itself otherwise)."""
    inner = getattr(stream, "trusted", stream)
    return inner  # type: ignore[no-any-return]
