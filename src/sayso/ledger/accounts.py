"""Accounts of one event across articles: who says what about it, and how they relate.

Statements about the same event are grouped by what they talk about — salient terms
(TF-IDF over the candidate statements, with the article title), the names in them, and
their dates — then each source's account is set beside the others', and every pair of
accounts from different sources gets the relation the evidence supports:

- ``same_claim``: one claim in both (see :mod:`sayso.ledger.claims`);
- ``disputes``: a stated dispute found by the evidence layer inside one article;
- ``contradicts``: incompatible contents on the same subject (opposite polarity,
  antonyms, competing explanations — :func:`sayso.evidence.compare.incompatible`);
- ``supports``: similar contents of the same polarity from different sources.

Everything here is pure: the ledger feeds it records and stores or prints the result.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from sayso.evidence.compare import Gist, gist, incompatible
from sayso.lang import load
from sayso.ledger.claims import Fingerprint, fingerprint, normalise, same_claim, similarity
from sayso.ledger.identity import fold
from sayso.model import RelationKind
from sayso.settings import LedgerSettings

#: the thresholds (``LedgerSettings.event_similarity``, ``event_days``, ``supports``)
_DEFAULT = LedgerSettings()


@dataclass(frozen=True, slots=True)
class Item:
    """One statement as the accounts view needs it."""

    id: str  # ledger statement id
    content: str
    lang: str
    actor: str  # ledger actor id or name: whose account it is
    title: str = ""  # the article's title: adds the event's terms
    published: str | None = None  # ISO date of the article
    outlet: str | None = None
    framing: tuple[str, ...] = ()
    claim: str | None = None  # ledger claim id, when known
    document: str | None = None  # ledger document id: one article's statements stay together


@dataclass(frozen=True, slots=True)
class Link:
    """A relation between two accounts' statements, with its evidence."""

    kind: RelationKind | str
    source: str
    target: str
    confidence: float
    reason: str


@dataclass(slots=True)
class Event:
    """Statements about one event, by source."""

    items: list[Item]
    terms: list[str]  # the event's most salient terms
    accounts: dict[str, list[Item]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)


def _terms(item: Item) -> list[str]:
    ev = load(item.lang).evidence if item.lang in ("de", "en") else None
    words = fold(item.content + " " + item.title).split()
    return [w[:6] for w in words if len(w) > 3 and (ev is None or w not in ev.function_words)]


def _vectors(items: Sequence[Item]) -> list[dict[str, float]]:
    bags = [Counter(_terms(it)) for it in items]
    df: Counter[str] = Counter()
    for b in bags:
        df.update(b.keys())
    n = len(items)
    out = []
    for b in bags:
        # smoothed idf (as scikit-learn): terms shared by the event still count
        v = {t: c * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in b.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({t: x / norm for t, x in v.items()})
    return out


def _day(value: str | None) -> date | None:
    """The day of an ISO date string (None when absent or unreadable: fits any window)."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _linked(
    vecs: Sequence[dict[str, float]], days: Sequence[date | None], settings: LedgerSettings
) -> tuple[list[int], npt.NDArray[np.bool_]]:
    """The event of each statement: connected components of the graph whose edges join
    statements with cosine >= ``event_similarity`` at most ``event_days`` apart (single link);
    and that graph as a boolean matrix.

    All pairs at once as a sparse matrix product: the pairwise loop in Python cost
    40-70 ms for the 200 candidates of a topic query."""
    n = len(vecs)
    if n == 0:
        return [], np.zeros((0, 0), dtype=bool)
    vocab: dict[str, int] = {}
    cols = [vocab.setdefault(term, len(vocab)) for v in vecs for term in v]
    vals = [x for v in vecs for x in v.values()]
    rows = np.repeat(np.arange(n), [len(v) for v in vecs])
    m = csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))))
    close = (m @ m.T).toarray() >= settings.event_similarity - 1e-12
    known = np.array([d is not None for d in days])
    ordinal = np.array([d.toordinal() if d is not None else 0 for d in days])
    apart = np.abs(ordinal[:, None] - ordinal[None, :]) > settings.event_days
    close &= ~(apart & known[:, None] & known[None, :])
    _, labels = connected_components(csr_matrix(close), directed=False)
    return [int(x) for x in labels], close


def group_events(items: Sequence[Item], settings: LedgerSettings = _DEFAULT) -> list[Event]:
    """Single-link grouping of statements into events (largest event first)."""
    vecs = _vectors(items)
    labels, close = _linked(vecs, [_day(it.published) for it in items], settings)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    events = []
    for members in sorted(groups.values(), key=lambda m: (-len(m), m[0])):
        if len(members) == 1:  # most events of a topic query: the statement's own terms
            weight = vecs[members[0]]
        else:
            weight = {}
            for i in members:
                for t, x in vecs[i].items():
                    weight[t] = weight.get(t, 0.0) + x
        top = sorted(weight, key=lambda t: -weight[t])[:6]
        event = Event([items[i] for i in members], top)
        for it in event.items:
            event.accounts.setdefault(it.actor, []).append(it)
        # accounts are compared where they talk about the same thing (an edge of the
        # graph), not with every statement the event reached through others
        if len(members) > 1:  # most events of a topic query are single statements
            ii, jj = np.nonzero(close[np.ix_(members, members)])
            pairs = {
                (items[members[i]].id, items[members[j]].id)
                for i, j in zip(ii.tolist(), jj.tolist(), strict=True)
            }
            event.links = relate(event.items, pairs, settings)
        events.append(event)
    return events


def relate(
    items: Sequence[Item],
    pairs: AbstractSet[tuple[str, str]] | None = None,
    settings: LedgerSettings = _DEFAULT,
) -> list[Link]:
    """Relations between statements of different sources (one link per pair at most);
    only between the ``pairs`` of statement ids given (both orders), when given.

    Two statements with ledger claims are the same claim exactly when their claims are
    one (the ledger linked each content to its claim when it was stored, by the same
    test); fingerprints are compared only for statements without a claim. Texts,
    fingerprints and gists are made for the statements that meet a candidate pair only
    (a topic query's statements are many, its candidate pairs few)."""
    # by content, not by statement: agency copy repeats one content across outlets
    texts: dict[str, str] = {}
    gists: dict[tuple[str, str], Gist] = {}

    def text_of(it: Item) -> str:
        got = texts.get(it.content)
        if got is None:
            got = texts[it.content] = normalise(it.content)
        return got

    def print_of(it: Item) -> Fingerprint:
        return fingerprint(it.content)  # memoised by content (sayso.ledger.claims)

    def gist_of(it: Item) -> Gist:
        key = (it.lang, it.content)
        got = gists.get(key)
        if got is None:
            got = gists[key] = gist(load(it.lang), it.content.split())
        return got

    links: list[Link] = []
    for x, a in enumerate(items):
        for b in items[x + 1 :]:
            if a.actor == b.actor or (pairs is not None and (a.id, b.id) not in pairs):
                continue
            if a.claim is not None and b.claim is not None:
                if a.claim == b.claim:
                    links.append(Link("same_claim", b.id, a.id, 1.0, "the same claim"))
                    continue
            else:
                score = same_claim(
                    print_of(a), print_of(b), settings.same_claim, settings.claim_length_ratio
                )
                if score is not None:
                    links.append(Link("same_claim", b.id, a.id, score / 100, f"{score:.0f}% alike"))
                    continue
            if a.lang != b.lang or a.lang not in ("de", "en"):
                continue
            ga, gb = gist_of(a), gist_of(b)
            got = incompatible(load(a.lang), ga, gb)
            if got is not None:
                links.append(Link(RelationKind.CONTRADICTS, b.id, a.id, round(got[1], 2), got[0]))
                continue
            sim = similarity(text_of(a), text_of(b))
            if sim >= settings.supports and ga.negated == gb.negated:
                links.append(
                    Link(
                        RelationKind.SUPPORTS, b.id, a.id, round(sim / 100, 2), f"{sim:.0f}% alike"
                    )
                )
    return links
