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
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
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
    terms: list[str]  # the event's most telling words, as they are written
    label: str = ""  # the earliest article's title, else its most telling words
    accounts: dict[str, list[Item]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _words(item: Item, lead: str | None = None) -> list[tuple[str, str, bool]]:
    """The content words of a statement and its article's title (or, given ``lead``, of
    its article's lead): (key, surface form, telling). The key folds case and diacritics
    and cuts to 6 letters, so that "Sanktionen" and "Sanktion" meet; a capitalised word
    that does not open a sentence (a name, a German noun) is telling and weighs double."""
    ev = load(item.lang).evidence if item.lang in ("de", "en") else None
    out = []
    for text in (lead,) if lead is not None else (item.content, item.title):
        prev = "."
        for m in _WORD.finditer(text):
            w = m.group()
            key = fold(w).replace(" ", "")
            if len(key) > 3 and (ev is None or key not in ev.function_words):
                telling = w[:1].isupper() and prev not in '.!?:"„“«»'
                out.append((key[:6], w.strip("'’-"), telling))
            prev = text[m.start() - 2 : m.start()].strip()[-1:] or prev
    return out


def _tfidf(bags: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (sublinear tf, smoothed idf as scikit-learn)."""
    df: Counter[str] = Counter()
    for b in bags:
        df.update(b.keys())
    n = len(bags)
    out = []
    for b in bags:
        v = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in b.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({t: x / norm for t, x in v.items()})
    return out


def _bag(words: Sequence[tuple[str, str, bool]]) -> Counter[str]:
    bag: Counter[str] = Counter()
    for key, _, telling in words:
        bag[key] += 2 if telling else 1
    return bag


def _day(value: str | None) -> date | None:
    """The day of an ISO date string (None when absent or unreadable: fits any window)."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _cosines(vecs: Sequence[dict[str, float]]) -> npt.NDArray[np.float64]:
    """All pairwise cosines of unit vectors at once (a sparse matrix product: the
    pairwise loop in Python cost 40-70 ms for the 200 candidates of a topic query)."""
    n = len(vecs)
    vocab: dict[str, int] = {}
    cols = [vocab.setdefault(term, len(vocab)) for v in vecs for term in v]
    vals = [x for v in vecs for x in v.values()]
    rows = np.repeat(np.arange(n), [len(v) for v in vecs])
    m = csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))))
    return np.asarray((m @ m.T).toarray(), dtype=np.float64)


def _units(items: Sequence[Item]) -> list[list[int]]:
    """The statements of one article form one unit (a reader does not split an
    article's statements, least of all one speaker's two, into two events); a statement
    without a known article is a unit of its own."""
    by_doc: dict[str, list[int]] = {}
    units: list[list[int]] = []
    for i, it in enumerate(items):
        if it.document is None:
            units.append([i])
        elif it.document in by_doc:
            by_doc[it.document].append(i)
        else:
            by_doc[it.document] = [i]
            units.append(by_doc[it.document])
    return units


def _linked(
    items: Sequence[Item],
    units: Sequence[Sequence[int]],
    words: Sequence[Sequence[tuple[str, str, bool]]],
    settings: LedgerSettings,
    leads: Mapping[str, str],
) -> list[int]:
    """The event of each unit: connected components of the graph joining units whose
    TF-IDF cosine is at least ``event_article_similarity`` at most ``event_days`` apart, or that
    carry one claim (single link)."""
    n = len(units)
    bags = []
    for u in units:
        doc = items[u[0]].document
        bag = _bag(_words(items[u[0]], leads.get(doc or "", "")))  # the article's lead, once
        for i in u:
            bag.update(_bag(words[i]))
        bags.append(bag)
    close = _cosines(_tfidf(bags)) >= settings.event_article_similarity - 1e-12
    days = [_day(next((items[i].published for i in u if items[i].published), None)) for u in units]
    known = np.array([d is not None for d in days])
    ordinal = np.array([d.toordinal() if d is not None else 0 for d in days])
    apart = np.abs(ordinal[:, None] - ordinal[None, :]) > settings.event_days
    close &= ~(apart & known[:, None] & known[None, :])
    claims: dict[str, int] = {}
    for k, u in enumerate(units):
        for i in u:
            c = items[i].claim
            if c is not None:
                j = claims.setdefault(c, k)
                close[j, k] = close[k, j] = True  # one claim carried by two articles
    _, labels = connected_components(csr_matrix(close), directed=False)
    return [int(x) for x in labels[:n]]


def _label(
    members: Sequence[int],
    items: Sequence[Item],
    words: Sequence[Sequence[tuple[str, str, bool]]],
    weight: dict[str, float],
) -> tuple[str, list[str]]:
    """An event's label and terms in readable words: the title of its earliest article
    when articles have titles, else its most telling words; the terms are the surface
    forms (the most frequent spelling in the event) of its heaviest stems, names and
    nouns first."""
    surface: dict[str, Counter[str]] = {}
    telling: Counter[str] = Counter()
    for i in members:
        for key, form, tell in words[i]:
            surface.setdefault(key, Counter())[form] += 1
            telling[key] += tell
    ranked = sorted(weight, key=lambda t: (-(weight[t] * (1.5 if telling[t] else 1.0)), t))
    terms = []
    for key in ranked:
        if key in surface:
            terms.append(surface[key].most_common(1)[0][0])
        if len(terms) == 6:
            break
    dated = sorted(
        (items[i] for i in members if items[i].title),
        key=lambda it: (it.published is None, it.published or "", it.id),
    )
    label = dated[0].title if dated else ", ".join(terms[:4])
    return label, terms


def group_events(
    items: Sequence[Item],
    settings: LedgerSettings = _DEFAULT,
    leads: Mapping[str, str] | None = None,
) -> list[Event]:
    """Single-link grouping of statements into events (largest event first): one article's
    statements stay together; articles join by TF-IDF cosine of their statements, title
    and lead (``leads``: document id -> its opening words; names and nouns weigh double),
    dates and shared claims."""
    if not items:
        return []
    words = [_words(it) for it in items]
    units = _units(items)
    labels = _linked(items, units, words, settings, leads or {})
    groups: dict[int, list[int]] = {}
    for u, group in zip(units, labels, strict=True):
        groups.setdefault(group, []).extend(u)
    vecs = _tfidf([_bag(w) for w in words])
    events = []
    for members in sorted(groups.values(), key=lambda m: (-len(m), min(m))):
        members.sort()
        weight: dict[str, float] = {}
        for i in members:
            for t, x in vecs[i].items():
                weight[t] = weight.get(t, 0.0) + x
        label, terms = _label(members, items, words, weight)
        event = Event([items[i] for i in members], terms, label=label)
        for it in event.items:
            event.accounts.setdefault(it.actor, []).append(it)
        if len(members) > 1:  # accounts are compared where they talk about the same thing
            close = _cosines([vecs[i] for i in members]) >= settings.event_similarity - 1e-12
            ii, jj = np.nonzero(close)
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
            if pairs is not None and (a.id, b.id) not in pairs and not _one_claim(a, b):
                continue
            if a.actor == b.actor:
                # one source's account in two articles: the same text carried by two
                # outlets is the link a reader wants to see; nothing else is compared
                if a.document != b.document and (a.outlet != b.outlet or a.outlet is None):
                    link = _same_claim_link(a, b, print_of, settings)
                    if link is not None:
                        links.append(link)
                continue
            link = _same_claim_link(a, b, print_of, settings)
            if link is not None:
                links.append(link)
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


def _one_claim(a: Item, b: Item) -> bool:
    return a.claim is not None and a.claim == b.claim


def _same_claim_link(
    a: Item, b: Item, print_of: Callable[[Item], Fingerprint], settings: LedgerSettings
) -> Link | None:
    """The same-claim link of two statements: their ledger claims are one (statements
    with claims are told apart by them, no fingerprint needed), or, without claims,
    their fingerprints are alike."""
    if a.claim is not None and b.claim is not None:
        return Link("same_claim", b.id, a.id, 1.0, "the same claim") if a.claim == b.claim else None
    score = same_claim(print_of(a), print_of(b), settings.same_claim, settings.claim_length_ratio)
    if score is None:
        return None
    return Link("same_claim", b.id, a.id, score / 100, f"{score:.0f}% alike")
