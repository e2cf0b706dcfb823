"""A party that could not be reached for comment: "X war zunächst nicht für eine
Stellungnahme erreichbar", "Bei X war niemand für eine Stellungnahme zu erreichen", "X
could not be reached for comment". Said right after a report about X, it is the article's
only word on whether that report holds, so the report's statements — with the Konjunktiv
continuations of the same source — are ``unconfirmed`` (evidence guidelines §12). A party
no earlier statement mentions leaves nothing unconfirmed.

The words are ``unreachable`` (forms of reaching) and ``comment_nouns`` ("Stellungnahme",
"comment") in ``lang/<lang>/reporting.json``; :mod:`sayso.evidence.confirmation` makes the
marker and asks :func:`about` what it is about.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from sayso.evidence.chains import sentences_of, tokens_of
from sayso.lang import LangProfile
from sayso.lang.reporting import FramingWords
from sayso.model import Statement
from sayso.text.segment import Segmented

RULE = "framing.confirmation.unconfirmed.unreachable.v1"
#: how many sentences back the report about the party may stand
REACH = 4
#: at most this many statements of the report take the marker
MAX_TARGETS = 6


def find(seg: Segmented, fw: FramingWords, lo: int, hi: int, i: int) -> bool:
    """Is token ``i`` (a form of reaching) in a negated clause ``[lo, hi)`` that asks
    for a comment ("nicht für eine Stellungnahme erreichbar", "could not be reached for
    comment")?"""
    lows = seg.lows
    if lows[i] not in fw.unreachable or fw.comment_nouns.isdisjoint(lows[lo:hi]):
        return False
    return any(lows[j] in fw.negations for j in range(lo, i))


def _party(seg: Segmented, profile: LangProfile, lo: int, i: int) -> set[str]:
    """The capitalised words naming who could not be reached (before the marker)."""
    skip = profile.determiners | profile.prepositions | profile.evidence.function_words
    return {
        seg.lows[j][:6]
        for j in range(lo, i)
        if seg.words[j][:1].isupper() and len(seg.words[j]) > 2 and seg.lows[j] not in skip
    }


def about(
    seg: Segmented,
    profile: LangProfile,
    lo: int,
    i: int,
    k: int,
    statements: Sequence[Statement],
    order: Mapping[str, int],
    reports: AbstractSet[str],
) -> list[Statement]:
    """The statements a party that could not be reached leaves unconfirmed: in the
    ``REACH`` sentences before sentence ``k``, the latest statement whose sentence names
    the party (not one the party made), else a report (``reports``) or any statement of
    the sentence right before; with the statements of the same source before it and its
    cue-less continuations up to the marker."""
    party = _party(seg, profile, lo, i)
    if not party:
        return []
    recent = []
    by_first = _by_first_sentence(seg, statements)
    for n in range(k - 1, max(-1, k - 1 - REACH), -1):
        for s in reversed(by_first.get(n, ())):
            speaker = {seg.lows[j][:6] for j in tokens_of(seg, s.speaker)}
            if not party & speaker:
                recent.append((s, n))
    # the latest statement whose sentence names the party; else a report, or any
    # statement, of the sentence right before ("Bei X war niemand … zu erreichen" after
    # what insiders told an agency about X's sale)
    named = [s for s, n in recent if party & {seg.lows[j][:6] for j in range(*seg.sentences[n])}]
    before = [s for s, n in recent if n == k - 1]
    fallback = [s for s in before if s.id in reports] or before
    if not (named or fallback):
        return []
    anchor = (named or fallback)[0]
    at = order[anchor.id]
    picked = [anchor]
    # its continuations up to the marker, then the report's statements before it
    for s in statements[at + 1 :]:
        sents = sentences_of(seg, s)
        if not sents or sents[0] >= k or s.chain[:1] != anchor.chain[:1] or s.cue:
            break
        picked.append(s)
    for s in reversed(statements[max(0, at - MAX_TARGETS) : at]):
        if s.parent is not None:
            continue
        if s.chain[:1] != anchor.chain[:1] or len(picked) >= MAX_TARGETS:
            break
        picked.append(s)
    return picked


def _by_first_sentence(
    seg: Segmented, statements: Sequence[Statement]
) -> dict[int, list[Statement]]:
    """The statements by the first sentence they stand in, in document order (once per
    document: a walk over all statements per marker was quadratic in a long text)."""
    key = ("unreachable.by_first", id(statements))
    cached = seg.memo.get(key)
    if cached is not None and cached[0] is statements:  # the memo holds the list: no id reuse
        return cached[1]  # type: ignore[no-any-return]
    got: dict[int, list[Statement]] = {}
    for s in statements:
        sents = sentences_of(seg, s)
        if sents:
            got.setdefault(sents[0], []).append(s)
    seg.memo[key] = (statements, got)
    return got
