"""Nouns of proof in confirmation markers: "He offered no evidence for the claim", "He did
not provide any evidence", "Beweise legte er nicht vor".

Unlike a refused confirmation ("Brega äußerte sich nicht dazu", which is not about
Brega's own words), a claimant who offers no proof leaves *his own* claim unconfirmed, so
:func:`sayso.evidence.confirmation` does not exclude the marker's subject for these
nouns; and a negation anywhere in the noun's clause counts (German puts it after the noun:
"Belege nannte er nicht"). The nouns are ``proof_nouns`` in ``lang/<lang>/proof.json``.
"""

from __future__ import annotations

from functools import cache

from sayso.lang.loader import _read
from sayso.text.segment import Segmented


@cache
def proof_nouns(lang: str) -> frozenset[str]:
    """The nouns of proof of ``lang``."""
    raw = _read(lang, "proof.json", required=False)
    return frozenset(w.lower() for w in raw.get("proof_nouns", ()))


def is_proof(seg: Segmented, lang: str, start: int, end: int) -> bool:
    """Does the marker ``[start, end)`` hold a noun of proof?"""
    nouns = proof_nouns(lang)
    return any(seg.lows[j] in nouns for j in range(start, end))
