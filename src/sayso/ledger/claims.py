"""The same claim in many articles: one claim, many appearances.

Agencies' copy runs in dozens of outlets, lightly edited: a quotation re-punctuated, an
indirect report with one word changed. A claim is found again by its *fingerprint*:

- ``key``: a hash of the normalised content (lowercase, no diacritics, no punctuation or
  quotation marks, single spaces) — identical quotations share it;
- ``bands``: MinHash locality-sensitive hashing over word 3-shingles (``BANDS`` bands of
  ``ROWS`` hashes), so that near-identical reports share at least one band with high
  probability while unrelated ones almost never do; a store indexes the band keys and
  only compares candidates that share one.

:func:`similarity` then decides with rapidfuzz (token-set ratio over the normalised
texts), so the band index only proposes and the text decides: a merge is explainable by
its score.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from sayso.ledger.identity import fold

#: LSH layout: 16 bands of 4 hashes; two texts with shingle Jaccard 0.7 share a band with
#: probability 1 - (1 - 0.7**4)**16 ≈ 0.99, texts with Jaccard 0.2 with ≈ 0.02
BANDS = 16
ROWS = 4
SHINGLE = 3
#: the token-set ratio (0–100) at or above which two contents are one claim
SAME_CLAIM = 88.0
#: contents shorter than this many words are compared exactly (short quotes are generic)
MIN_WORDS = 5


def normalise(text: str) -> str:
    """Comparable form of a content: "„Das ist eine Erfindung“" -> "das ist eine erfindung"."""
    return " ".join(fold(text).split())


#: each shingle's ``BANDS * ROWS`` independent 64-bit hashes come from one SHAKE-128 call
#: (an extendable-output function: every 8 bytes of its output are a fresh hash)
_HASHES = struct.Struct(f"<{BANDS * ROWS}Q")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    text: str  # the normalised content
    key: str  # hash of ``text``
    bands: tuple[str, ...]  # LSH band keys; empty for short contents (matched by key only)


@lru_cache(maxsize=65536)
def fingerprint(content: str) -> Fingerprint:
    """The fingerprint of one statement's content."""
    text = normalise(content)
    key = hashlib.sha1(text.encode("utf-8")).hexdigest()
    words = text.split()
    if len(words) < MIN_WORDS:
        return Fingerprint(text, key, ())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    # MinHash: per hash function, the least value over the shingles (the digests of all
    # shingles read as one array of little-endian 64-bit hashes, a row per shingle)
    digests = b"".join(
        hashlib.shake_128(sh.encode("utf-8")).digest(_HASHES.size) for sh in shingles
    )
    mins = np.frombuffer(digests, dtype="<u8").reshape(-1, BANDS * ROWS).min(axis=0).tolist()
    bands = tuple(
        f"{b}:"
        + hashlib.sha1(struct.pack(f"<{ROWS}Q", *mins[b * ROWS : (b + 1) * ROWS])).hexdigest()[:16]
        for b in range(BANDS)
    )
    return Fingerprint(text, key, bands)


def similarity(a: str, b: str) -> float:
    """Token-set ratio (0–100) of two normalised contents."""
    return float(fuzz.token_set_ratio(a, b))


def same_claim(a: Fingerprint, b: Fingerprint) -> float | None:
    """The similarity when ``a`` and ``b`` are one claim, else None."""
    if a.key == b.key:
        return 100.0
    if not a.bands or not b.bands or not set(a.bands) & set(b.bands):
        return None
    score = similarity(a.text, b.text)
    # token-set ratio is 100 when one text contains the other: require similar lengths
    la, lb = len(a.text.split()), len(b.text.split())
    if min(la, lb) < 0.6 * max(la, lb):
        return None
    return score if score >= SAME_CLAIM else None
