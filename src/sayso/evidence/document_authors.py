"""The author of a document named in the same noun phrase as the document.

"Laut einem Bericht des Währungsfonds …", "a 46-page analysis released by the Department
of Veterans Affairs reveals …", "according to a new report by Politico": the speaker
phrase is a document, and its author stands in the same phrase after a genitive article,
"von", "by" or "from" (``author_links`` in ``lang/<lang>/authors.json``). The guidelines
(section 3, rule 5) make the document a hop and its author the next one: [document,
organization]; an outlet's own report is the outlet ([outlet]), not a document.

:func:`author_mentions` finds the author phrases before the actors are resolved (so they
become actors like any source); :func:`attach` then gives such a statement the chain
document → author, or the outlet alone (``chain.document_owner.v1``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache

from sayso.evidence.chains import tokens_of
from sayso.evidence.interview_scope import dates_in
from sayso.lang import LangProfile
from sayso.lang.loader import _read
from sayso.model import ActorKind, Evidence, Span, Statement
from sayso.text.segment import Segmented

RULE = "chain.document_owner.v1"
#: how sure the author hop is (dev and gnad samples in docs/evidence-framing.md)
CONFIDENCE = 0.8


@cache
def author_links(lang: str) -> frozenset[str]:
    """Words linking a document to its author in one noun phrase (``authors.json``)."""
    raw = _read(lang, "authors.json", required=False)
    return frozenset(w.lower() for w in raw.get("author_links", ()))


@cache
def not_authors(lang: str) -> frozenset[str]:
    """Words before the link that name a holder or reporter ("obtained by")."""
    raw = _read(lang, "authors.json", required=False)
    return frozenset(w.lower() for w in raw.get("not_authors", ()))


def _number(word: str) -> bool:
    """Is the word a number ("491.000", "2,5"), not a name starting with a digit?"""
    return word.replace(".", "").replace(",", "").isdigit()


def _author_in(seg: Segmented, profile: LangProfile, toks: Sequence[int]) -> Span | None:
    """The author phrase after a document head inside the speaker phrase ``toks``: from
    the first capitalised word after a linking word to the end of the phrase."""
    links = author_links(profile.lang)
    if not any(seg.lows[i] in links for i in toks):
        return None  # most speaker phrases name no author (a cheap first test)
    head = next((k for k, i in enumerate(toks) if profile.is_document_head(seg.words[i])), None)
    if head is None or any(seg.words[i] == "," for i in toks[:head]):
        return None  # "Bill Dombrowski, chief executive of …": a person's apposition
    for k in range(head + 1, len(toks)):
        if seg.lows[toks[k]] not in links:
            continue
        if seg.lows[toks[k - 1]] in not_authors(profile.lang):
            return None  # "an email obtained by the group": a holder, not the author
        rest = toks[k + 1 :]
        first = next(
            (j for j, i in enumerate(rest[:3]) if seg.words[i][:1].isupper()),
            None,
        )
        if first is None:
            return None
        span = rest[first:]
        # the name ends before a number or a date ("des Instituts 491.000 Tonnen")
        end = next((n for n, i in enumerate(span) if _number(seg.words[i])), len(span))
        while end > 0 and not seg.words[span[end - 1]][:1].isalnum():
            end -= 1
        if end == 0 or any(t != span[0] + n for n, t in enumerate(span[:end])):
            return None  # the phrase must be one run of words
        if dates_in(seg, profile, span[:1]):
            return None  # "dem Bericht vom Donnerstag": a date, not an author
        return seg.token_span(span[0], span[end - 1] + 1)
    return None


def author_mentions(
    seg: Segmented, profile: LangProfile, statements: Sequence[Statement]
) -> dict[str, Span]:
    """statement id -> the author phrase inside its document speaker phrase."""
    if not author_links(profile.lang):
        return {}
    out: dict[str, Span] = {}
    for s in statements:
        toks = sorted(tokens_of(seg, s.speaker))
        if not toks:
            continue
        span = _author_in(seg, profile, toks)
        if span is None:
            span = _antecedent_author(seg, profile, toks)
        if span is not None:
            out[s.id] = span
    return out


#: how many sentences back a document named by its head alone is looked for
ANTECEDENT_SENTENCES = 3


def _antecedent_author(seg: Segmented, profile: LangProfile, toks: Sequence[int]) -> Span | None:
    """The author of a document named by its head noun alone ("heißt es im Schreiben") that
    an earlier mention of that noun, a few sentences back, names ("ein Schreiben von Stadträtin
    Anna Berger an die Vereine"; the nearest such mention)."""
    from sayso.extract.according import noun_phrase_end

    heads = [i for i in toks if profile.is_document_head(seg.words[i])]
    if len(heads) != 1 or len(toks) > 3:
        return None
    head = seg.lows[heads[0]]
    s0 = seg.sentence_of[toks[0]]
    lo = seg.sentences[max(0, s0 - ANTECEDENT_SENTENCES)][0]
    for i in range(toks[0] - 1, lo - 1, -1):
        if seg.lows[i] != head or seg.quote_depth[i]:
            continue
        e = noun_phrase_end(seg, profile, i, seg.sentences[seg.sentence_of[i]][1])
        got = _author_in(seg, profile, list(range(i, e))) if e > i + 1 else None
        if got is not None:
            return got
    return None


def attach(
    statements: Sequence[Statement],
    authors: Mapping[str, Span],
    actor_of: Mapping[Span, str],
    kind_of: Mapping[str, ActorKind],
) -> list[Statement]:
    """The statements whose source is a document with its author in the same phrase,
    with the chain document → author (the author as the original speaker), or the
    outlet alone when the author is an outlet."""
    out = list(statements)
    for k, s in enumerate(statements):
        span = authors.get(s.id)
        doc = s.actor
        if span is None or doc is None or s.chain != (doc,):
            continue
        author = actor_of.get(span)
        if author is None or author == doc or kind_of.get(doc) is not ActorKind.DOCUMENT:
            continue
        kind = kind_of.get(author)
        if kind is ActorKind.OUTLET:
            chain: tuple[str, ...] = (author,)
            note = "an outlet's own report is the outlet"
        elif kind in (ActorKind.ORGANIZATION, ActorKind.PERSON):
            chain = (doc, author)
            note = "the document's author, named in the same phrase"
        else:
            continue
        ev = Evidence(RULE, None, span, note, CONFIDENCE)
        out[k] = replace(s, actor=author, chain=chain, evidence=(*s.evidence, ev))
    return out
