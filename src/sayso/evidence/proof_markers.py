"""Nouns of proof in confirmation markers: "He offered no evidence for the claim", "He did
not provide any evidence", "Beweise legte er nicht vor".

Unlike a refused confirmation ("Brega äußerte sich nicht dazu", which is not about
Brega's own words), a claimant who offers no proof leaves *his own* claim unconfirmed, so
:func:`sayso.evidence.confirmation` does not exclude the marker's subject for these
nouns; and a negation anywhere in the noun's clause counts (German puts it after the noun:
"Belege nannte er nicht"). The nouns are ``proof_nouns`` in ``lang/<lang>/proof.json``;
its ``pending`` phrases ("Eine Bestätigung steht noch aus", "has yet to be confirmed")
negate a noun or verb of verifying like "nicht" does.
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


@cache
def pending(lang: str) -> tuple[tuple[str, ...], ...]:
    """Phrases of a verification still pending ("steht noch aus", "has yet to be")."""
    raw = _read(lang, "proof.json", required=False)
    return tuple(tuple(p.lower().split()) for p in raw.get("pending", ()))


def pending_at(seg: Segmented, lang: str, lo: int, hi: int) -> int | None:
    """The first token of a pending phrase in the clause ``[lo, hi)``, or None."""
    phrases = pending(lang)
    for j in range(lo, hi):
        for p in phrases:
            if seg.lows[j] == p[0] and all(
                j + n < hi and seg.lows[j + n] == w for n, w in enumerate(p[1:], 1)
            ):
                return j
    return None


@cache
def giving_verbs(lang: str) -> frozenset[str]:
    """Verb forms of giving proof ("provide", "legte … vor")."""
    raw = _read(lang, "proof.json", required=False)
    return frozenset(w.lower() for w in raw.get("giving_verbs", ()))


def given(seg: Segmented, lang: str, lo: int, hi: int) -> bool:
    """Does the clause ``[lo, hi)`` say that someone gives proof ("did not provide any
    evidence")? Only then is a claimant's claim left unconfirmed by a noun of proof;
    "there is no evidence that …" is someone's finding about another matter."""
    verbs = giving_verbs(lang)
    return any(seg.lows[j] in verbs for j in range(lo, hi))


def is_proof(seg: Segmented, lang: str, start: int, end: int) -> bool:
    """Does the marker ``[start, end)`` hold a noun of proof?"""
    nouns = proof_nouns(lang)
    return any(seg.lows[j] in nouns for j in range(start, end))
