"""The author's own distancing from a named source: "anders als vom Ministerium
behauptet", "contrary to the ministry's claims", "Despite Mr. Trump's claims that …" — the
statements of that source are ``denied`` by the article itself (used by
:mod:`sayso.evidence.confirmation`). When the distancing phrase spells out the claim
("claims *that* his net worth exceeds …"), only the statements saying it are denied (on
unseen text all of the source's statements were marked, most of them about other things).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sayso.evidence.chains import tokens_of
from sayso.lang import LangProfile
from sayso.lang.reporting import FramingWords
from sayso.model import Actor, Statement
from sayso.text.segment import Segmented

RULE = "framing.confirmation.denied.author.v1"


def _stems(seg: Segmented, profile: LangProfile, toks: Iterable[int]) -> set[str]:
    """Content words of these tokens, cut to six letters."""
    fw = profile.evidence.function_words
    return {
        seg.lows[j][:6]
        for j in toks
        if len(seg.lows[j]) > 3 and seg.lows[j] not in fw and seg.words[j][:1].isalnum()
    }


def denied(
    seg: Segmented,
    profile: LangProfile,
    fw: FramingWords,
    statements: Sequence[Statement],
    actors: Sequence[Actor],
) -> dict[str, tuple[int, int]]:
    """ "anders als vom Ministerium behauptet": the statements the author denies (those of
    an actor whose name shares a word with the source phrase), each with the tokens of
    the distancing words."""
    out: dict[str, tuple[int, int]] = {}
    if not fw.distancing_openers:
        return out
    content: set[int] | None = None
    words = seg.words
    first = fw.distancing_first
    for i in range(len(words)):
        if seg.lows[i] not in first or seg.quote_depth[i]:
            continue
        if content is None:
            content = {j for s in statements for j in tokens_of(seg, s.content)}
        if i in content:
            continue
        ph = profile.evidence.match(fw.distancing_openers, words, i)
        if ph is None:
            continue
        end = next(
            (
                j
                for j in range(i + len(ph), min(i + len(ph) + 8, len(words)))
                if seg.lows[j] in fw.distancing_participles or words[j] in profile.clause_breaks
            ),
            None,
        )
        if end is None or words[end] in profile.clause_breaks:
            continue
        names = {words[j].lower() for j in range(i + len(ph), end) if words[j][:1].isupper()}
        owners = {x.id for x in actors if names & {w.lower() for w in x.name.split()}}
        if not owners:
            continue
        said = [s for s in statements if s.actor in owners]
        if any(seg.lows[k] in profile.complementizers for k in range(end + 1, end + 3)):
            # "Despite Mr. Trump's claims that his net worth exceeds …": the claim it
            # spells out, not all his statements
            b = seg.sentences[seg.sentence_of[i]][1]
            claim = _stems(seg, profile, range(end + 1, b))
            said = [
                s for s in said if len(claim & _stems(seg, profile, tokens_of(seg, s.content))) >= 2
            ]
        for s in said:
            out.setdefault(s.id, (i, end + 1))
    return out
