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
    by_word: dict[str, set[str]] | None = None
    by_actor: dict[str, list[Statement]] = {}
    order = {s.id: k for k, s in enumerate(statements)}
    own_stems: dict[str, set[str]] = {}

    def stems_of(s: Statement) -> set[str]:
        got = own_stems.get(s.id)
        if got is None:
            got = own_stems[s.id] = _stems(seg, profile, tokens_of(seg, s.content))
        return got

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
        if by_word is None:  # once per document: actor name words, statements per actor
            by_word, by_actor = _indexes(statements, actors)
        owners = {a for n in names for a in by_word.get(n, ())}
        if not owners:
            continue
        said = [s for a in sorted(owners) for s in by_actor.get(a, ())]
        said.sort(key=lambda s: order[s.id])
        after = range(end + 1, min(end + 3, len(words)))  # the phrase may end the text
        if any(seg.lows[k] in profile.complementizers for k in after):
            # "Despite Mr. Trump's claims that his net worth exceeds …": the claim it
            # spells out, not all his statements
            b = seg.sentences[seg.sentence_of[i]][1]
            claim = _stems(seg, profile, range(end + 1, b))
            said = [s for s in said if len(claim & stems_of(s)) >= 2]
        for s in said:
            out.setdefault(s.id, (i, end + 1))
    return out


def _indexes(
    statements: Sequence[Statement], actors: Sequence[Actor]
) -> tuple[dict[str, set[str]], dict[str, list[Statement]]]:
    """Actor ids by the lowercase words of their names, and each actor's statements."""
    by_word: dict[str, set[str]] = {}
    for x in actors:
        for w in x.name.split():
            by_word.setdefault(w.lower(), set()).add(x.id)
    by_actor: dict[str, list[Statement]] = {}
    for s in statements:
        if s.actor is not None:
            by_actor.setdefault(s.actor, []).append(s)
    return by_word, by_actor
