"""Where an interview's passage ends, for languages that limit the interview scope by
paragraphs (English; ``carry_paragraphs`` in ``lang/<lang>/occasions.json``).

English news quotes one speaker from a debate, a town hall, a rally and a TV interview in
neighbouring paragraphs, so :func:`sayso.evidence.interview_scope.carry` carries a
broadcaster's outlet there only within its passage (read on unseen PolNeAR train text,
docs/evidence-framing.md, "Fourth round"):

- at most ``carry_paragraphs`` paragraphs after the interview, or before it only in the
  article's lead ("Sanders says …" above "…, Sanders said in an interview with CNN");
- no paragraph from the one after the interview to the statement's own names another
  occasion in its frame (``occasion_words``: "At a town hall in Laconia, he repeated …",
  "has said", "in a different media appearance") or another outlet outside quotations
  ("Clinton reiterated to ABC News …" after a CNN interview);
- a statement with a cue of its own needs a cue of speech (``carry_media``): "Mr. Trump,
  it turned out, knew their voters better" is the author's, not the interview's.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import cache

from sayso.evidence.chains import tokens_of
from sayso.lang import LangProfile
from sayso.lang.loader import _read
from sayso.model import Statement
from sayso.text.segment import Segmented


@cache
def carry_window(lang: str) -> int:
    """``carry_paragraphs`` of ``occasions.json`` (0: no paragraph limit, as in German,
    whose gnad texts have lost their paragraphs)."""
    return int(_read(lang, "occasions.json", required=False).get("carry_paragraphs", 0))


@cache
def carry_media(lang: str) -> frozenset[str]:
    """The media (``Medium`` values) a carried statement with a cue may have."""
    return frozenset(_read(lang, "occasions.json", required=False).get("carry_media", ()))


def paragraph_of(seg: Segmented, char: int) -> int:
    """The index of the paragraph holding character ``char`` (-1 if none)."""
    k = bisect.bisect_right([a for a, _ in seg.paragraphs], char) - 1
    return k if k >= 0 and char < seg.paragraphs[k][1] else -1


def _tokens(seg: Segmented, k: int) -> range:
    a, b = seg.paragraphs[k]
    return range(bisect.bisect_left(seg.starts, a), bisect.bisect_left(seg.starts, b))


def _names_outlet(seg: Segmented, profile: LangProfile, i: int, carried: str) -> bool:
    """Does token ``i`` start an outlet name other than ``carried``?"""
    if not seg.words[i][:1].isupper():
        return False
    hit = profile.match_outlet(seg.words, i)
    return hit is not None and hit[0] != carried


def within(
    seg: Segmented,
    profile: LangProfile,
    statements: Sequence[Statement],
    at: int,
    k: int,
    carried: str,
    words: Collection[str],
    contents: AbstractSet[int],
) -> bool:
    """May statement ``k`` take the outlet ``carried`` of the interview statement ``at``
    (see the module docstring)? Always true where ``carry_paragraphs`` is not set."""
    window = carry_window(profile.lang)
    if not window:
        return True
    s = statements[k]
    media = carry_media(profile.lang)
    if s.cue and media and s.medium.value not in media:
        return False
    here = paragraph_of(seg, s.span().start)
    there = paragraph_of(seg, statements[at].span().start)
    if here < 0 or there < 0 or abs(here - there) > window:
        return False
    if at > k:
        return here <= window  # the lead sums up an interview reported below it
    heads = profile.evidence.outlet_heads
    for p in range(there + 1, here + 1):
        for i in _tokens(seg, p):
            if seg.quote_depth[i]:
                continue
            if _names_outlet(seg, profile, i, carried):
                return False
            low = seg.lows[i]
            if i not in contents and (low in words or low in heads):
                return False
    return True


def statement_contents(seg: Segmented, statements: Sequence[Statement]) -> set[int]:
    """The tokens inside any statement's content."""
    return {i for s in statements for i in tokens_of(seg, s.content)}


def outlet_names(name_of: Mapping[str, str] | None, outlet: str) -> str:
    return (name_of or {}).get(outlet, "")
