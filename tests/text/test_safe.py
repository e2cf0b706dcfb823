"""``sayso.text.safe``: control characters from data made visible for a terminal."""

from __future__ import annotations

import io
import json

import pytest

from sayso.text.safe import SafeStream, has_unsafe, safe, trusted

#: a window title (OSC 0), a clipboard write (OSC 52), a hyperlink (OSC 8), a screen
#: clear (CSI), a one-character CSI (U+009B), a right-to-left override
EVIL = [
    "\x1b]0;owned\x07",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\",
    "\x1b[2J\x1b[H",
    "\x9b31m",
    "abc\u202edcba",
    "\u2066isolated\u2069",
    "a\rb\x08c\x7f",
]


@pytest.mark.parametrize("text", EVIL)
def test_safe_leaves_no_control_character(text: str) -> None:
    out = safe(text)
    assert not has_unsafe(out)
    assert all(c.isprintable() for c in out), repr(out)
    assert safe(out) == out  # escaping the escaped text changes nothing


def test_safe_keeps_ordinary_text_tabs_and_newlines() -> None:
    text = "„Zitat“, sagte sie.\tÄrger\n— «ok» ‚gut‘ 😀"
    assert safe(text) == text


def test_safe_escape_is_json_escape_so_json_stays_the_same_json() -> None:
    value = {"title": "".join(EVIL)}
    raw = json.dumps(value, ensure_ascii=False)
    assert has_unsafe(raw)  # C1 controls and bidi marks are raw in json.dumps' output
    assert json.loads(safe(raw)) == value


def test_safe_stream_escapes_writes_and_trusted_is_the_stream_underneath() -> None:
    inner = io.StringIO()
    stream = SafeStream(inner)
    print("title: \x1b]0;x\x07", file=stream)  # type: ignore[arg-type]
    assert inner.getvalue() == "title: \\u001b]0;x\\u0007\n"
    assert trusted(stream) is inner and trusted(inner) is inner
    assert stream.getvalue() == inner.getvalue()  # other attributes are the stream's
