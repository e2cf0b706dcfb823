"""The scorer's memo of words: for every distinct word a process has met, the rows of
summed weights that :class:`~sayso.tagging.scoring.Scorer` adds for it.

A word has seven groups of features (its own, as seen from each of four neighbours,
before and after a statement's content) and one for the whole-sentence classifier; each
group's row is the sum of its features' weights (:mod:`sayso.tagging.wordids`). Most
words are unknown to the models as words, so their neighbour and statement groups hold
only the ids of their lexicon flags: 35,000 words of news have about 5,500 distinct rows
per neighbour group. So rows are kept once per distinct group (its tuple of ids, summed in
that order: the same row to the last bit) and each word keeps the row numbers of its
groups — a sixth of the memory of a row per word and group, and only new groups summed.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain

import numpy as np
from numpy.typing import NDArray

from sayso.tagging.crf import Floats
from sayso.tagging.features import FeatureCache
from sayso.tagging.wordflags import shape
from sayso.tagging.wordids import FeatureIds, Ids

Ints = NDArray[np.intp]


@dataclass(slots=True)
class Table:
    """A growable array of rows."""

    rows: Floats
    size: int

    @classmethod
    def empty(cls, width: int, capacity: int = 1024) -> Table:
        return cls(np.zeros((capacity, width)), 0)

    def extend(self, block: Floats) -> int:
        """Append rows; returns the index of the first."""
        need = self.size + len(block)
        if need > len(self.rows):
            grown = np.zeros((max(need, 2 * len(self.rows)), self.rows.shape[1]))
            grown[: self.size] = self.rows[: self.size]
            self.rows = grown
        first = self.size
        self.rows[first:need] = block
        self.size = need
        return first


class _Memo:
    """Rows summed once per distinct key, in a growable table: a key stands for ``per``
    groups of ids whose sums lie side by side in its row, after ``lead`` zero groups."""

    def __init__(self, width: int, per: int = 1, lead: int = 0) -> None:
        self.table = Table.empty((lead + per) * width)
        self.width, self.per, self.lead = width, per, lead
        self.row: dict[Hashable, int] = {}
        self.pending: list[Ids] = []

    def __call__(self, key: Hashable, groups: Sequence[Ids]) -> int:
        """The row of a key; a new one is numbered now and summed by :meth:`flush`."""
        got = self.row.get(key)
        if got is None:
            got = self.row[key] = self.table.size + len(self.pending) // self.per
            self.pending.extend(groups)
        return got

    def one(self, group: Ids) -> int:
        """The row of one group (``per`` is 1), the group its own key."""
        got = self.row.get(group)
        if got is None:
            got = self.row[group] = self.table.size + len(self.pending)
            self.pending.append(group)
        return got

    def flush(self, weights: Floats, cols: slice | None = None) -> None:
        """Sum the new keys' groups (of the ``cols`` of ``weights``), each in the order of
        its ids."""
        if not self.pending:
            return
        ids = list(chain.from_iterable(self.pending))
        starts = [0, *accumulate(map(len, self.pending[:-1]))]
        n = len(self.pending) // self.per
        rows = weights[ids] if cols is None else weights[ids][:, cols]
        sums = np.add.reduceat(rows, starts, axis=0).reshape(n, self.per * self.width)
        if self.lead:
            sums = np.hstack((np.zeros((n, self.lead * self.width)), sums))
        self.table.extend(sums)
        self.pending.clear()


class WordRows:
    """Word ids of a scorer's memo, the row numbers of each word's groups, and the
    words' per-word facts (anchor, clause break, signals…) as arrays by word id."""

    def __init__(
        self,
        cache: FeatureCache,
        ids: FeatureIds,
        weights: Floats,
        stmt_cols: slice,
        whole: Floats | None,
        bigram_ends: frozenset[str],
    ) -> None:
        self.cache = cache
        self.ids = ids
        self.weights = weights
        self.stmt_cols = stmt_cols
        self.whole = whole
        self.bigram_ends = bigram_ends
        self.vocab: dict[str, int] = {}
        self.lows: list[str] = []
        width = weights.shape[1]
        stmt_width = stmt_cols.stop - stmt_cols.start
        #: groups of a word's own features and of its features seen from a neighbour
        self.groups = _Memo(width)
        #: a word's place relative to a statement's content: inside it (zero), before
        #: it, after it (a pair of groups)
        self.relative = _Memo(stmt_width, per=2, lead=1)
        self.bags = _Memo(whole.shape[1] if whole is not None else 1)
        if whole is None:
            self.bags.table.extend(np.zeros((1, 1)))  # every word's row
        self.slots = np.zeros((1024, 5), dtype=np.intp)  # rows of the five groups
        self.relative_of = np.zeros(1024, dtype=np.intp)
        self.bag_of = np.zeros(1024, dtype=np.intp)
        self.anchor_of = np.zeros(1024, dtype=bool)
        self.break_of = np.zeros(1024, dtype=bool)
        self.ends_bigram = np.zeros(1024, dtype=bool)
        self.signals_of = np.zeros(1024, dtype=np.int64)
        self.cue_of = np.zeros(1024, dtype=bool)

    def __len__(self) -> int:
        return len(self.vocab)

    def word_ids(self, words: Sequence[str]) -> Ints:
        vocab = self.vocab
        ids = list(map(vocab.get, words))
        if None in ids:
            self.add([w for w in dict.fromkeys(words) if w not in vocab])
            ids = list(map(vocab.__getitem__, words))
        return np.array(ids, dtype=np.intp)

    def _grow(self, n: int) -> None:
        size = max(n, 2 * len(self.anchor_of))
        self.slots = np.resize(self.slots, (size, 5))
        for name in ("relative_of", "bag_of", "anchor_of", "break_of", "ends_bigram"):
            setattr(self, name, np.resize(getattr(self, name), size))
        self.signals_of = np.resize(self.signals_of, size)
        self.cue_of = np.resize(self.cue_of, size)

    def add(self, words: list[str]) -> None:
        """Word ids and rows for words not seen before; only new groups are summed."""
        if not words:
            return
        first = len(self.vocab)
        if first + len(words) > len(self.anchor_of):
            self._grow(first + len(words))
        flags_of = self.cache.word_flags  # not memoised: the word is kept here
        flag_ids = self.ids.flag_ids
        one = self.groups.one
        relative, bags = self.relative, self.bags
        of_groups = self.ids.groups
        of_relative = self.ids.relative
        of_bag = self.ids.bag if self.whole is not None else None
        breaks = self.cache.profile.clause_breaks
        ends = self.bigram_ends
        slots: list[int] = []
        rel: list[int] = []
        bag: list[int] = []
        facts: list[tuple[bool, int, bool, bool, bool]] = []
        vocab = self.vocab
        lows = self.lows
        for k, w in enumerate(words, first):
            low = w.lower()
            fl = flag_ids(flags_of(w))
            slots.extend(map(one, of_groups(w, low, fl, shape(w))))
            pair = of_relative(low, fl)
            rel.append(relative(pair, pair))
            if of_bag is not None:
                ids = of_bag(low, fl)
                bag.append(bags(ids, (ids,)))
            vocab[w] = k
            lows.append(low)
            brk = w in breaks
            facts.append((low in ends, fl.signals, fl.cue, brk, not brk and fl.anchor))
        end = first + len(words)
        self.slots[first:end] = np.array(slots, dtype=np.intp).reshape(-1, 5)
        self.relative_of[first:end] = rel
        self.bag_of[first:end] = bag or 0
        ends_bigram, signals, cue, brks, anchor = zip(*facts, strict=True)
        self.ends_bigram[first:end] = ends_bigram
        self.signals_of[first:end] = signals
        self.cue_of[first:end] = cue
        self.break_of[first:end] = brks
        self.anchor_of[first:end] = anchor
        self.groups.flush(self.weights)
        relative.flush(self.weights, self.stmt_cols)
        if self.whole is not None:
            bags.flush(self.whole)
