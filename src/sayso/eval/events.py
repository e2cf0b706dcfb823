"""Event grouping against a reader's grouping: pairwise precision, recall and F1.

The gold (``quality/events/gold.jsonl``, guidelines in ``docs/events.md``) holds, per
topic, the query a reader would type and the groups of articles (row numbers of
``gnad/articles.csv``) that report one event; an article in no group is an event of its
own. A statement belongs to its article's event. A pair of retrieved statements is
*together* in the gold when their articles are one event, in the system when
``sayso accounts`` put them in one event; precision, recall and F1 count the pairs
together in the system, in the gold, and in both. Pairs within one article and pairs
across articles are also reported apart (the cross-article pairs are what an event view
adds; the within-article pairs are "do not split one article").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from sayso.eval.data import read_gold_lines


@dataclass(frozen=True, slots=True)
class Topic:
    """One topic of the event gold: a query and the article groups that are one event."""

    topic: str
    query: str
    events: tuple[frozenset[int], ...]

    def event_of(self, article: int) -> tuple[str, int]:
        """The gold event of an article: its group, or the article alone."""
        for n, group in enumerate(self.events):
            if article in group:
                return ("group", n)
        return ("article", article)


def _topic(row: dict[str, Any]) -> Topic:
    return Topic(row["topic"], row["query"], tuple(frozenset(g) for g in row["events"]))


def read_gold(path: Path) -> list[Topic]:
    """The topics of an event gold file (JSON lines: topic, query, events); an unreadable
    file or a malformed line raises E004 naming the line, as for the other gold files."""
    return read_gold_lines(path, _topic)


@dataclass(slots=True)
class PairCounts:
    """Pairs together in the system, in the gold, and in both."""

    system: int = 0
    gold: int = 0
    both: int = 0

    def add(self, other: PairCounts) -> None:
        self.system += other.system
        self.gold += other.gold
        self.both += other.both

    @property
    def precision(self) -> float:
        return self.both / self.system if self.system else 1.0

    @property
    def recall(self) -> float:
        return self.both / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(
    topic: Topic, article_of: Mapping[str, int], system: Sequence[Sequence[str]]
) -> dict[str, PairCounts]:
    """Pair counts of one topic: ``system`` is the statement ids of each event sayso made,
    ``article_of`` maps a statement id to its article; statements of unknown articles
    are left out. Keys: ``all``, ``within`` (same article), ``across``."""
    event_of = {sid: n for n, ids in enumerate(system) for sid in ids if sid in article_of}
    out = {k: PairCounts() for k in ("all", "within", "across")}
    for a, b in combinations(sorted(event_of), 2):
        same_article = article_of[a] == article_of[b]
        sys_together = event_of[a] == event_of[b]
        gold_together = same_article or (
            topic.event_of(article_of[a]) == topic.event_of(article_of[b])
        )
        for key in ("all", "within" if same_article else "across"):
            c = out[key]
            c.system += sys_together
            c.gold += gold_together
            c.both += sys_together and gold_together
    return out
