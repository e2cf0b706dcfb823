"""Content comparison: the gist of a content and whether two contents are incompatible.

Used within an article (inferred ``contradicts`` relations, :mod:`sayso.evidence.disputes`)
and across articles (the ledger's competing accounts, :mod:`sayso.ledger.accounts`): opposite
polarity, antonyms (``lang/<lang>/evidence.json``), competing explanations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sayso.lang import LangProfile


@dataclass(frozen=True, slots=True)
class Gist:
    """What the contradiction test needs of one content: its words, its content-word
    stems, its polarity and an explanation phrase it gives, if any."""

    words: frozenset[str]  # lowercase words
    stems: frozenset[str]  # content words cut to 6 letters
    negated: bool  # a negation that flips it (not a contrast, not a correction)
    cause: tuple[str, ...] | None  # "als Reaktion auf", "in response to"
    precedence: tuple[str, ...] | None  # "lange vor", "long before"
    contrastive: bool = False  # "nicht so sehr X, sondern Y": no plain polarity


_FIRSTS: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}


def _first_words(profile: LangProfile) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """First words of the cause, precedence and counterfactual phrases (a cheap test
    before matching)."""
    got = _FIRSTS.get(profile.lang)
    if got is None:
        ev = profile.evidence
        got = (
            frozenset(p[0] for p in ev.causes),
            frozenset(p[0] for p in ev.precedence),
            frozenset(p[0] for p in ev.hypotheticals),
        )
        _FIRSTS[profile.lang] = got
    return got


def gist(profile: LangProfile, words: Sequence[str]) -> Gist:
    """The :class:`Gist` of a content given as its words (any case)."""
    ev = profile.evidence
    low = [w.lower() for w in words]
    found = set(low)
    cause = prec = None
    firsts = _first_words(profile)
    if found & firsts[0]:
        cause = next(
            (p for i, w in enumerate(low) if w in firsts[0] and (p := ev.match(ev.causes, low, i))),
            None,
        )
    if found & firsts[1]:
        prec = next(
            (
                p
                for i, w in enumerate(low)
                if w in firsts[1] and (p := ev.match(ev.precedence, low, i))
            ),
            None,
        )
    stems = frozenset(
        w[:6]
        for w in low
        if w[:1].isalnum() and w not in ev.function_words and w not in ev.negations
    )
    # any negation, not their parity: a content repeating "not" ("I'm not there yet. I'm
    # not there yet.") is still negated, and a double negation in one clause is rare
    flips, contrastive = _negations(profile, low)
    return Gist(frozenset(found), stems, flips > 0, cause, prec, contrastive)


def _negations(profile: LangProfile, low: Sequence[str]) -> tuple[int, bool]:
    """How many negations flip the content's polarity — not one that opens a contrastive
    phrase ("nicht so sehr …", "not only …"), nor one a corrective word later in the
    content turns into a correction ("nicht X, sondern Y") — and whether there was such
    a contrast (its content has no plain polarity to oppose: "nicht getrennt, sondern
    gemeinsam" says both "nicht getrennt" and "gemeinsam")."""
    ev = profile.evidence
    found = [
        i
        for i, w in enumerate(low)
        if w in ev.negations or (ev.negation_suffixes and w.endswith(ev.negation_suffixes))
    ]
    if not found:
        return 0, False
    last_corrective = max((i for i, w in enumerate(low) if w in ev.correctives), default=-1)
    flips = sum(
        1
        for i in found
        if i >= last_corrective
        and ev.match(ev.contrastive_negations, low, i) is None
        # "X, not Y" and "X but not Y" contrast; "if not countered", "if the act
        # doesn't pass" set a condition
        and (i == 0 or (low[i - 1] != "," and low[i - 1] not in ev.correctives))
        and ev.conditionals.isdisjoint(low[max(0, i - 4) : i])
    )
    # "we would not have rescued it": a counterfactual states no plain polarity either
    firsts = _first_words(profile)[2]
    hypothetical = any(
        w in firsts and ev.match(ev.hypotheticals, low, i) for i, w in enumerate(low)
    )
    return flips, flips < len(found) or hypothetical


def incompatible(profile: LangProfile, a: Gist, b: Gist) -> tuple[str, float] | None:
    """Why two contents on one subject cannot both be true, with a confidence: opposite
    polarity (with enough shared words), antonyms (``evidence.json``), or competing
    explanations ("eine Reaktion auf X" vs "lange vor X geplant"). None when compatible
    or not about the same thing."""
    ev = profile.evidence
    explanations = (a.cause and b.precedence) or (a.precedence and b.cause)
    antonymous = ev.antonyms.keys()
    antonyms = a.words & antonymous and b.words & antonymous
    if a.negated == b.negated and not explanations and not antonyms:
        return None
    shared = a.stems & b.stems
    if not shared:
        return None
    jacc = len(shared) / len(a.stems | b.stems)
    tail = f"; shared: {', '.join(sorted(shared)[:5])}"
    plain = not (a.contrastive or b.contrastive)
    if len(shared) >= 3 and jacc >= 0.3 and a.negated != b.negated and plain:
        return "opposite polarity on the same subject" + tail, min(0.9, 0.4 + jacc)
    if jacc >= 0.15:
        pair = next(((w, v) for w in a.words for v in ev.antonyms.get(w, ()) if v in b.words), None)
        if pair is not None:
            return f"incompatible words: {pair[0]} / {pair[1]}" + tail, min(0.8, 0.4 + jacc)
    c, p = (a.cause, b.precedence) if a.cause and b.precedence else (b.cause, a.precedence)
    # not on one word or a few of many ("because" … "regardless of" far apart)
    if c is not None and p is not None and len(shared) >= 2 and jacc >= 0.15:
        reason = f"competing explanations: '{' '.join(c)}' vs '{' '.join(p)}'"
        return reason + tail, min(0.7, 0.4 + jacc)
    return None
