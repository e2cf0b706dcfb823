"""Phrase lookups over a segmented text: where a list of lowercase phrases occurs, and
which one a token range opens with (shared by the chain, relay and confirmation rules)."""

from __future__ import annotations

from collections.abc import Sequence

from sayso.extract.according import noun_phrase_end
from sayso.lang import LangProfile
from sayso.text.segment import Segmented

#: words an extended attribute may span before its noun ("mit den Plänen vertraute")
ATTRIBUTE_SPAN = 6

#: id of a phrase list -> (the list, its first words, whether it holds an empty phrase)
_OPENERS: dict[int, tuple[Sequence[tuple[str, ...]], frozenset[str], bool]] = {}


def phrase_at(
    seg: Segmented, phrases: Sequence[tuple[str, ...]], a: int, b: int, covered: set[int]
) -> list[tuple[int, int]]:
    """Occurrences ``(start, end)`` of ``phrases`` in tokens ``[a, b)`` outside quotations
    and outside ``covered`` tokens."""
    out: list[tuple[int, int]] = []
    first = first_words(phrases)
    if first.isdisjoint(seg.lows[a:b]):
        return out
    lows = seg.lows
    i = a
    while i < b:
        if lows[i] not in first or seg.quote_depth[i] or i in covered:
            i += 1
            continue
        ph = None
        for cand in phrases:
            n = len(cand)
            if i + n <= b and all(lows[i + k] == cand[k] for k in range(n)):
                ph = cand
                break
        if ph is None:
            i += 1
            continue
        out.append((i, i + len(ph)))
        i += len(ph)
    return out


def first_words(phrases: Sequence[tuple[str, ...]]) -> frozenset[str]:
    """The first words of ``phrases`` (memoised per phrase list)."""
    got = _OPENERS.get(id(phrases))
    if got is None or got[0] is not phrases:
        got = (phrases, frozenset(p[0] for p in phrases if p), not all(phrases))
        _OPENERS[id(phrases)] = got
    return got[1]


def phrase_opening(
    words: Sequence[str], a: int, b: int, phrases: Sequence[tuple[str, ...]]
) -> tuple[str, ...] | None:
    """The first of ``phrases`` that tokens ``[a, b)`` open with, or None; most sentences
    open with none of their first words, which one set lookup tells."""
    first = first_words(phrases)
    if a < b and all(phrases) and words[a].lower() not in first:
        return None
    return next((p for p in phrases if starts(words, a, b, p)), None)


def starts(words: Sequence[str], a: int, b: int, phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return a + n <= b and all(words[a + k].lower() == phrase[k] for k in range(n))


def attributed_phrase(
    seg: Segmented, profile: LangProfile, j: int, b: int
) -> tuple[int, int] | None:
    """A noun phrase opening with an extended attribute: a preposition, its object and an
    inflected participle or adjective (``attribute_endings`` in ``evidence.json``) before
    the noun ("unter Berufung auf *mit den Plänen vertraute Personen*", "*mit der Sache
    befasste Kreise*"): tokens ``(j, end)`` of the whole phrase, or None when token ``j``
    opens no such phrase (languages without ``attribute_endings`` have none)."""
    words = seg.words
    endings = profile.evidence.attribute_endings
    if not endings or j >= b or seg.lows[j] not in profile.prepositions:
        return None
    for k in range(j + 2, min(b - 1, j + ATTRIBUTE_SPAN)):
        w = words[k]
        if not w[:1].isalpha():
            return None  # a comma or a quotation mark: no attribute
        if w[:1].islower() and w.endswith(endings) and words[k + 1][:1].isupper():
            end = noun_phrase_end(seg, profile, k + 1, b)
            return (j, end) if end > k + 1 else None
    return None
