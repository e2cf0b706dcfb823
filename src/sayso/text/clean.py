"""Input hygiene: turn whatever a caller passes into analysable text of the same length.

Offsets must stay valid for the caller's text, so characters are replaced one for one,
never removed.
"""

from __future__ import annotations

import codecs
import re

from sayso import errors
from sayso.errors import SaysoError
from sayso.model import Warning

# C0/C1 controls except tab/newline/carriage return, lone surrogates, non-characters
_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BINARY_SAMPLE = 4096
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 control bytes that never occur in text files (tab, newline, form feed, carriage return
# and escape do); compressed or image data has about 11% of them, NUL bytes only 0.4%
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0c\r\x1b") + b"\x7f"


def decode(data: bytes) -> str:
    """Decode bytes (see :func:`decode_report`); the warnings are dropped."""
    return decode_report(data)[0]


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text without a byte-order
    mark: Latin text in UTF-16 has a NUL byte in (nearly) every second position, on the
    odd positions for little-endian and the even ones for big-endian; binary data has its
    NULs everywhere."""
    sample = head[: _BINARY_SAMPLE - _BINARY_SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.02:
        name = "utf-16-le"
    elif even >= pairs * 0.3 and odd <= pairs * 0.02:
        name = "utf-16-be"
    else:
        return None
    text = sample.decode(name, errors="replace")  # binary data decodes to controls
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\x0c") + text.count("\ufffd")
    return name if controls <= max(2, len(text) // 50) else None


def mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """The text and the number of invalid sequences when ``data`` is UTF-8 with a few
    damaged bytes: at least four valid non-ASCII characters per invalid sequence. cp1252
    or latin-1 text almost never holds a valid multi-byte UTF-8 sequence (only by accident,
    as in 'ß' followed by a closing '“'), and has an invalid one at every umlaut."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad <= 0:
        return None
    valid = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return (text, bad) if valid >= 4 * bad else None


def decode_report(data: bytes) -> tuple[str, list[Warning]]:
    """Decode bytes: UTF-16/32 with a byte-order mark, UTF-16 without one (W111), UTF-8,
    UTF-8 with a few damaged bytes replaced by U+FFFD (W110), else cp1252, else latin-1
    (common in news archives).

    Raises E001 for binary data: in the first kilobytes, more than one NUL byte per hundred,
    or more than one control byte per twenty (a stray NUL in text is only cleaned later).
    """
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), []
    head = data[:_BINARY_SAMPLE]
    wide = utf16_without_bom(head) if head.count(0) else None
    if wide is not None:
        try:
            text = data[: len(data) - len(data) % 2].decode(wide)
        except UnicodeDecodeError:
            pass
        else:
            return text, [Warning(errors.W111.code, errors.W111.format(encoding=wide))]
    if head.count(0) > max(1, len(head) // 100):
        raise SaysoError(errors.E001, detail="binary data (NUL bytes)")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(head) // 20):
        raise SaysoError(errors.E001, detail="binary data (control bytes)")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    damaged = mostly_utf8(data[3:] if data.startswith(b"\xef\xbb\xbf") else data)
    if damaged is not None:
        text, bad = damaged
        return text, [Warning(errors.W110.code, errors.W110.format(count=bad))]
    try:
        return data.decode("cp1252"), []
    except UnicodeDecodeError:
        return data.decode("latin-1"), []


def clean(text: str) -> tuple[str, list[Warning]]:
    """Replace control characters and lone surrogates by spaces (same length)."""
    count = 0

    def repl(_m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return " "

    out = _BAD.sub(repl, text)
    # carriage returns become newlines so that "\r\n" and "\r" end paragraphs too
    out = out.replace("\r", "\n")
    warnings = []
    if count:
        warnings.append(Warning(errors.W105.code, errors.W105.format(count=count)))
    return out, warnings
