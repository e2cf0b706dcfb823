"""The same claim in many articles: one claim, many appearances.

Agencies' copy runs in dozens of outlets, lightly edited: a quotation re-punctuated, an
indirect report with one word changed. A claim is found again by its *fingerprint*:

- ``key``: a hash of the normalised content (lowercase, no diacritics, no punctuation or
  quotation marks, single spaces) — identical quotations share it;
- ``bands``: MinHash locality-sensitive hashing over word 3-shingles (``BANDS`` bands of
  ``ROWS`` hashes), so that near-identical reports share at least one band with high
  probability while unrelated ones almost never do; a store indexes the band keys and
  only compares candidates that share one. A shingle's hash combines its words' BLAKE2b
  hashes (memoised: words repeat), and the ``BANDS * ROWS`` hash functions are a
  multiply-add family over it, so :func:`fingerprints` hashes all the contents of a batch
  in a few NumPy operations. Keys are stored: changing how they are made needs a
  migration that recomputes them (see ``0005_integer_bands``).

:func:`similarity` then decides with rapidfuzz (token-set ratio over the normalised
texts), so the band index only proposes and the text decides: a merge is explainable by
its score.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from sayso.ledger.identity import fold
from sayso.settings import LedgerSettings

#: LSH layout: 16 bands of 4 hashes; two texts with shingle Jaccard 0.7 share a band with
#: probability 1 - (1 - 0.7**4)**16 ≈ 0.99, texts with Jaccard 0.2 with ≈ 0.02
BANDS = 16
ROWS = 4
SHINGLE = 3
#: the defaults of the thresholds (``LedgerSettings.same_claim``, ``claim_length_ratio``:
#: the token-set ratio at which two contents are one claim; ``claim_min_words``: shorter
#: contents are compared exactly, short quotes being generic)
_DEFAULT = LedgerSettings()
SAME_CLAIM = _DEFAULT.same_claim
MIN_WORDS = _DEFAULT.claim_min_words


def normalise(text: str) -> str:
    """Comparable form of a content: "„Das ist eine Erfindung“" -> "das ist eine erfindung"."""
    return " ".join(fold(text).split())


#: the seeds of the ``BANDS * ROWS`` hash functions: h_i(x) = a_i * x + b_i (mod 2**64),
#: x a shingle's mixed 64-bit hash; a_i odd (multiply-add hashing: the minimum is decided
#: by the well-mixed high bits). Fixed, so that bands are the same in every process.
_SEEDS = np.frombuffer(
    hashlib.shake_128(b"sayso.claims.minhash").digest(16 * BANDS * ROWS), dtype="<u8"
).reshape(2, BANDS * ROWS)
_A = _SEEDS[0] | np.uint64(1)
_B = _SEEDS[1]
#: the multipliers that combine a shingle's word hashes, and a band's row minima
_WORD_MUL, _ROW_MUL = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F)
#: a band key is its number in the top bits and 59 bits of its rows' hash: a positive
#: 64-bit integer, so that the band index is an integer index in both databases
_BAND_NO = np.arange(BANDS, dtype=np.uint64) << np.uint64(59)


@lru_cache(maxsize=100_000)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every input bit reaches every output bit."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    mixed: np.ndarray = x ^ (x >> np.uint64(31))
    return mixed


@dataclass(frozen=True, slots=True)
class Fingerprint:
    text: str  # the normalised content
    key: str  # hash of ``text``
    bands: tuple[int, ...]  # LSH band keys; empty for short contents (matched by key only)


@lru_cache(maxsize=65536)
def fingerprint(content: str) -> Fingerprint:
    """The fingerprint of one statement's content."""
    return fingerprints([content])[0]


#: words hashed at a time by :func:`fingerprints`: a shingle takes ``BANDS * ROWS`` hashes,
#: so 16 MB at most (a longer content is hashed alone, a block at a time)
_CHUNK = 32_768


def fingerprints(contents: Sequence[str], min_words: int = MIN_WORDS) -> list[Fingerprint]:
    """The fingerprints of many contents, hashed together: a batch's few thousand
    shingles are a handful of NumPy operations instead of a handful per content.
    Contents of fewer than ``min_words`` words get no bands (compared exactly)."""
    texts = [normalise(c) for c in contents]
    words = [t.split() for t in texts]
    long = [i for i, ws in enumerate(words) if len(ws) >= max(min_words, SHINGLE)]
    bands: dict[int, tuple[int, ...]] = {}
    lo = 0
    while lo < len(long):  # up to _CHUNK words at a time (a longer content alone)
        hi, total = lo + 1, len(words[long[lo]])
        while hi < len(long) and total + len(words[long[hi]]) <= _CHUNK:
            total += len(words[long[hi]])
            hi += 1
        chunk = long[lo:hi]
        bands.update(zip(chunk, _minhash([words[i] for i in chunk]), strict=True))
        lo = hi
    return [
        Fingerprint(t, hashlib.sha1(t.encode("utf-8")).hexdigest(), bands.get(i, ()))
        for i, t in enumerate(texts)
    ]


def _minhash(texts: list[list[str]]) -> list[tuple[int, ...]]:
    """LSH band keys of word lists of at least ``MIN_WORDS`` words each."""
    lengths = np.array([len(ws) for ws in texts])
    flat = np.array([_word_hash(w) for ws in texts for w in ws], dtype=np.uint64)
    with np.errstate(over="ignore"):
        # every window of SHINGLE words, those across two texts included, then only
        # the windows inside a text: text k has lengths[k] - SHINGLE + 1 of them
        n = len(flat) - SHINGLE + 1
        windows = flat[:n]
        for k in range(1, SHINGLE):
            windows = windows * _WORD_MUL + flat[k : n + k]
        windows = _mix(windows)
        ends = np.cumsum(lengths)
        keep = np.ones(len(flat), dtype=bool)
        for back in range(1, SHINGLE):
            keep[ends - back] = False
        shingles = windows[keep[: len(windows)]]
        first = np.concatenate(([0], np.cumsum(lengths - SHINGLE + 1)[:-1]))
        # MinHash: per hash function, the least value over a text's shingles
        if len(shingles) <= _CHUNK:
            mins = np.minimum.reduceat(shingles[:, None] * _A + _B, first, axis=0)
        else:  # one very long content (chunks hold at most _CHUNK words otherwise)
            mins = np.full((1, BANDS * ROWS), np.iinfo(np.uint64).max, dtype=np.uint64)
            for i in range(0, len(shingles), _CHUNK):
                block = shingles[i : i + _CHUNK, None] * _A + _B
                mins = np.minimum(mins, block.min(axis=0))
        mins = mins.reshape(len(texts), BANDS, ROWS)
        rows = mins[..., 0]
        for r in range(1, ROWS):
            rows = rows * _ROW_MUL + mins[..., r]
        keys = (_mix(rows) >> np.uint64(64 - 59)) | _BAND_NO
    return [tuple(k) for k in keys.tolist()]


def similarity(a: str, b: str) -> float:
    """Token-set ratio (0–100) of two normalised contents."""
    return float(fuzz.token_set_ratio(a, b))


def same_claim(
    a: Fingerprint,
    b: Fingerprint,
    threshold: float = SAME_CLAIM,
    length_ratio: float = _DEFAULT.claim_length_ratio,
) -> float | None:
    """The similarity when ``a`` and ``b`` are one claim (at least ``threshold``, the
    shorter with at least ``length_ratio`` of the longer's words), else None."""
    if a.key == b.key:
        return 100.0
    if not a.bands or not b.bands or not set(a.bands) & set(b.bands):
        return None
    score = similarity(a.text, b.text)
    # token-set ratio is 100 when one text contains the other: require similar lengths
    la, lb = len(a.text.split()), len(b.text.split())
    if min(la, lb) < length_ratio * max(la, lb):
        return None
    return score if score >= threshold else None
