"""Input hygiene: turn whatever a caller passes into analysable text of the same length.

Offsets must stay valid for the caller's text, so characters are replaced one for one,
never removed.
"""

from __future__ import annotations

import re

from sayso import errors
from sayso.errors import SaysoError
from sayso.model import Warning

# C0/C1 controls except tab/newline/carriage return, lone surrogates, non-characters
_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BINARY_SAMPLE = 4096
# C0 control bytes that never occur in text files (tab, newline, form feed, carriage return
# and escape do); compressed or image data has about 11% of them, NUL bytes only 0.4%
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0c\r\x1b") + b"\x7f"


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8, falling back to cp1252 and latin-1 (common in news archives).

    Raises E001 for binary data: in the first kilobytes, more than one NUL byte per hundred,
    or more than one control byte per twenty (a stray NUL in text is only cleaned later).
    """
    head = data[:_BINARY_SAMPLE]
    if head.count(0) > max(1, len(head) // 100):
        raise SaysoError(errors.E001, detail="binary data (NUL bytes)")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(head) // 20):
        raise SaysoError(errors.E001, detail="binary data (control bytes)")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


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
