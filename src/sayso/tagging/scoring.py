"""State scores of the sentence and statement taggers, without building feature strings.

The taggers' features (:mod:`sayso.tagging.features`) are strings, which is what crfsuite
trains on. A linear-chain CRF scores a token by summing, per label, the weights of its
features, and every feature of a token belongs to one of a few groups: the word's own
features, the features of the words up to two tokens away (as seen from the token),
the sentence's signals, and a handful of position features (first/last token, position,
quotation position, distance to the nearest cue, quotation-depth changes, the bigram).
So the sums are taken per group instead — once per distinct group of a word's features
(memoised rows, :mod:`sayso.tagging.wordrows`), once per model for the position groups
(small tables) — and a token's scores are a dozen row lookups, done for a whole document
at once with NumPy.

Every group here mirrors a part of :func:`~sayso.tagging.features.sentence_features` and
:func:`~sayso.tagging.features.statement_features`; the tests check that both give the
same scores, token by token, and the same labels as crfsuite.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sayso.tagging.crf import Floats, LinearChain
from sayso.tagging.features import (
    _A_BR,
    _A_DIST,
    _AQ,
    _B_BR,
    _B_DIST,
    _BQ,
    _INQ,
    _MQ,
    _POS,
    _RPOS,
    _SENTENCE_FLAGS,
    FeatureCache,
    _cue_d,
    bigram_ends,
)
from sayso.tagging.wordids import FeatureIds
from sayso.tagging.wordrows import Table, WordRows
from sayso.text.segment import Segmented

Ints = NDArray[np.intp]

#: a pseudo word: the left neighbour of a sentence's first token in bigrams
_BOS_WORD = "<S>"
#: quotation position codes: none, inside (depth 1), inside (deeper), before the first
#: quotation, after the last one, between quotations
_QPOS: tuple[list[str], ...] = ([], _INQ[True], _INQ[False], _BQ, _AQ, _MQ)
#: distances to the nearest cue anchor are features up to 5 tokens; beyond, one bucket
_NEAR = 6
_QD = re.compile(r"-?\d:qd([+-]\d+)")
#: a sentence's signals (see ``sentence_flags``) as bits: the words' lexicon signals
#: outside quotations, and "q" for a quoted token
_SIGNALS = (*sorted(_SENTENCE_FLAGS), "q")
_BIT = {name: 1 << k for k, name in enumerate(_SIGNALS)}
_QUOTED = _BIT["q"]
#: words whose rows are gathered at once in a document (bounds the memory of huge texts)
_BLOCK = 1 << 16
#: distinct words kept (with their rows, a few hundred bytes a word) before all are forgotten
WORD_LIMIT = 60_000


@dataclass(frozen=True, slots=True)
class Document:
    """A document's token scores and what statement windows read of it."""

    scores: Floats  # tokens × the three models' labels
    words: Ints  # word ids
    sentence: Ints  # sentence index of each token
    sentence_end: Ints  # the end of each token's sentence
    breaks: Ints  # 1 for a clause break outside quotations
    flags: list[frozenset[str]]  # each sentence's signals


class Scorer:
    """State scores of the quote, roles and frame models for every token of a document,
    and of the roles and frame models for one statement's window.

    The three models' weights are side by side in one matrix (columns ``quote``, then
    ``roles``, then ``frame``), so one lookup scores all three."""

    def __init__(
        self,
        cache: FeatureCache,
        quote: LinearChain,
        roles: LinearChain,
        frame: LinearChain,
        whole: LinearChain | None = None,
    ) -> None:
        self.cache = cache
        #: the whole-sentence classifier, whose word features are summed per word too
        self.whole = whole
        self.models = (quote, roles, frame)
        widths = [len(m.labels) for m in self.models]
        self.quote_cols = slice(0, widths[0])
        #: the statement layers' columns (roles, then frame)
        self.stmt_cols = slice(widths[0], sum(widths))
        index: dict[str, int] = {}
        for m in self.models:
            for name in m.attributes:
                index.setdefault(name, len(index))
        weights = np.zeros((len(index) + 1, sum(widths)))  # the last row: unknown, zero
        col = 0
        for m, w in zip(self.models, widths, strict=True):
            rows = np.fromiter((index[a] for a in m.attributes), dtype=np.intp)
            order = np.fromiter(m.attributes.values(), dtype=np.intp)
            weights[rows, col : col + w] = m.state[order]
            col += w
        self.index = index
        self.weights = weights
        self.unknown = len(index)
        self.width = sum(widths)
        self.stmt_width = widths[1] + widths[2]
        # position groups: small tables, one row per code
        self.pos = self._rows([[f] for f in _POS])
        self.rpos = self._rows([[f] for f in _RPOS])
        self.edge = self._rows([[], ["BOS"], ["EOS"]])
        self.qpos = self._rows([list(x) for x in _QPOS])
        anchors = [["noanchor"]]
        for d in range(-_NEAR, _NEAR + 1):
            for cl in ("nocuecl", "cuecl"):
                anchors.append([_cue_d(d), cl])
        self.anchor = self._rows(anchors)
        # quotation-depth changes towards each neighbour: codes are the change + span
        # (clipped: a change beyond the known ones is unknown to every model)
        self.qd_span = 1 + max(
            (abs(int(x[1])) for name in index if (x := _QD.fullmatch(name))), default=0
        )
        self.qd = {
            off: self._rows(
                [
                    [f"{off}:qd{d:+d}"] if d and abs(d) < self.qd_span else []
                    for d in range(-self.qd_span, self.qd_span + 1)
                ]
            )
            for off in (-2, -1, 1, 2)
        }
        # a token's place relative to a statement's content: inside (marked first or
        # last), or before/after it at a distance and across clause breaks
        places = [["IN"], ["IN", "Qlast"], ["IN", "Qfirst"], ["IN", "Qfirst", "Qlast"]]
        for dist, br in ((_B_DIST, _B_BR), (_A_DIST, _A_BR)):
            places += [[*dist[d], br[k]] for d in range(12) for k in range(3)]
        self.place = self._rows(places, self.stmt_cols)
        self.bigram_ends = bigram_ends(index)
        #: the bigrams by their second word, then their first ("bi=laut|polizei": every
        #: "|" may be the one between the words), to look them up without their names
        self.bigram_ids: dict[str, dict[str, int]] = {}
        for name, attr in index.items():
            if name.startswith("bi="):
                for k in range(3, len(name)):
                    if name[k] == "|":
                        self.bigram_ids.setdefault(name[k + 1 :], {})[name[3:k]] = attr
        self.out_left = self._rows([["-1:OUT"]])[0]
        self.out_right = self._rows([["1:OUT"]])[0]
        self.ids = FeatureIds(
            cache,
            index,
            self.unknown,
            whole.attributes if whole is not None else None,
            whole.unknown if whole is not None else 0,
            _BIT,
        )
        self._tail_rows: dict[str, Floats] = {}
        self._sentence_memo: dict[int, int] = {}
        self.sentences = Table.empty(self.width)
        self._flag_sets: dict[int, frozenset[str]] = {}
        self._reset_words()

    # -- rows -------------------------------------------------------------------------

    def _ids(self, feats: Sequence[str]) -> list[int]:
        get = self.index.get
        unknown = self.unknown
        return [get(f, unknown) for f in feats]

    def _rows(self, groups: Sequence[Sequence[str]], cols: slice | None = None) -> Floats:
        """One row per feature group: the sum of its features' weights."""
        out = np.zeros((len(groups), self.width))
        for k, feats in enumerate(groups):
            if feats:
                out[k] = self.weights[self._ids(feats)].sum(axis=0)
        return out if cols is None else out[:, cols]

    def _reset_words(self) -> None:
        """Forget every word (memory stays bounded, see ``FeatureCache.trim``)."""
        self.rows = WordRows(
            self.cache,
            self.ids,
            self.weights,
            self.stmt_cols,
            self.whole.state if self.whole is not None else None,
            self.bigram_ends,
        )
        self._bigram: dict[int, int] = {}
        self.bigrams = Table.empty(self.width)
        self.bigrams.extend(np.zeros((1, self.width)))  # row 0: no known bigram
        self.bos = int(self.rows.word_ids([_BOS_WORD])[0])
        self.rows.lows[self.bos] = _BOS_WORD  # as the features spell it, not lowercased

    @property
    def vocab(self) -> dict[str, int]:
        """The words met since the memo was last started afresh, by word id."""
        return self.rows.vocab

    def bags(self, seg: Segmented, doc: Document) -> tuple[Floats, list[int]]:
        """Per sentence, the sum of its words' whole-sentence rows; and the document's
        tokens with the "cue" flag (both outside quotations)."""
        starts = np.asarray([a for a, _ in seg.sentences], dtype=np.intp)
        if not len(doc.words):
            return np.zeros((0, self.rows.bags.table.rows.shape[1])), []
        outside = ~np.asarray(seg.quote_depth, dtype=bool)
        rows = self.rows.bags.table.rows[self.rows.bag_of[doc.words]]
        rows[~outside] = 0.0
        cues = np.flatnonzero(self.rows.cue_of[doc.words] & outside).tolist()
        return np.add.reduceat(rows, starts, axis=0), cues

    def _bigram_rows(self, prev: Ints, cur: Ints) -> Ints:
        """The row of each token's bigram (0 for one no model knows); only tokens whose
        word ends a known bigram are looked up, by the pair of word ids."""
        out = np.zeros(len(cur), dtype=np.intp)
        todo = np.flatnonzero(self.rows.ends_bigram[cur])
        if not len(todo):
            return out
        keys = ((prev[todo].astype(np.int64) << 32) | cur[todo]).tolist()
        memo = self._bigram
        rows: list[int | None] = list(map(memo.get, keys))
        if None in rows:
            lows = self.rows.lows
            by_second = self.bigram_ids
            for k, key in enumerate(keys):
                if rows[k] is None:
                    row = memo.get(key)  # met earlier in this text
                    if row is None:
                        firsts = by_second.get(lows[key & 0xFFFFFFFF])
                        attr = None if firsts is None else firsts.get(lows[key >> 32])
                        row = 0 if attr is None else self.bigrams.extend(self.weights[attr][None])
                        memo[key] = row
                    rows[k] = row
        out[todo] = np.array(rows, dtype=np.intp)
        return out

    def _flag_set(self, mask: int) -> frozenset[str]:
        got = self._flag_sets.get(mask)
        if got is None:
            got = frozenset(name for name in _SIGNALS if mask & _BIT[name])
            self._flag_sets[mask] = got
        return got

    def _sentence_rows(self, keys: list[int]) -> Ints:
        """Rows of the sentence-level features ("S.…", "P.…", "N.…": the signals of the
        sentence and of its neighbours), by the three signal masks packed in one key."""
        memo = self._sentence_memo
        rows: list[int | None] = list(map(memo.get, keys))
        if None in rows:
            n = len(_SIGNALS)
            for k, key in enumerate(keys):
                if rows[k] is None and (known := memo.get(key)) is not None:
                    rows[k] = known  # met earlier in this text
                elif rows[k] is None:
                    feats = [
                        f"{prefix}.{name}"
                        for shift, prefix in ((0, "S"), (n, "P"), (2 * n, "N"))
                        for name in self._flag_set((key >> shift) & ((1 << n) - 1))
                    ]
                    memo[key] = rows[k] = self.sentences.extend(self._rows([feats]))
        return np.array(rows, dtype=np.intp)

    # -- a document --------------------------------------------------------------------

    def _add_word_rows(
        self, total: Floats, words: WordRows, wid: Ints, r: Ints, left: Ints
    ) -> None:
        """Add to each token's scores its word's own group and the groups of the words up
        to two tokens away in its sentence (``r`` tokens before it, ``left`` after it)."""
        n_tok = len(wid)
        # the word's own features and those of its neighbours as seen from it: token i
        # gets group k of the word at i + off when that word is in its sentence. The rows
        # are gathered a block of words at a time (all at once, a 10 MB text took 1.4 GB)
        table = words.groups.table.rows
        has = {off: (r >= -off) if off < 0 else (left >= off) for off in (-2, -1, 1, 2)}
        for c0 in range(0, n_tok, _BLOCK):
            c1 = min(n_tok, c0 + _BLOCK)
            slots = words.slots[wid[c0:c1]]
            total[c0:c1] += table[slots[:, 0]]
            for off, k in ((-2, 1), (-1, 2), (1, 3), (2, 4)):
                i0, i1 = max(0, c0 - off), min(n_tok, c1 - off)  # whom these words serve
                if i0 < i1:
                    src = table[slots[i0 + off - c0 : i1 + off - c0, k]]
                    out = total[i0:i1]
                    np.add(out, src, out=out, where=has[off][i0:i1, None])

    def document(self, seg: Segmented) -> Document:
        """The state scores (tokens × the three models' labels) of every token, as
        :func:`~sayso.tagging.features.sentence_features` would give them, and the
        sentences' signals (as :func:`~sayso.tagging.features.sentence_flags`)."""
        n_tok = len(seg.words)
        if n_tok == 0:
            empty = np.zeros(0, dtype=np.intp)
            return Document(np.zeros((0, self.width)), empty, empty, empty, empty, [])
        if len(self.vocab) > WORD_LIMIT:
            self._reset_words()
        words = self.rows
        wid = words.word_ids(seg.words)
        depth = np.asarray(seg.quote_depth, dtype=np.intp)
        bounds = np.asarray(seg.sentences, dtype=np.intp)
        sa, sb = bounds[:, 0], bounds[:, 1]
        sent = np.asarray(seg.sentence_of, dtype=np.intp)
        idx = np.arange(n_tok)
        r = idx - sa[sent]
        left = sb[sent] - 1 - idx  # tokens after this one in the sentence
        quoted = depth > 0
        # the sentences' signals, and the sentence-level features they give
        masks = np.bitwise_or.reduceat(np.where(quoted, _QUOTED, words.signals_of[wid]), sa)
        n = len(_SIGNALS)
        prev_masks = np.concatenate(([0], masks[:-1]))
        next_masks = np.concatenate((masks[1:], [0]))
        keys = (masks | (prev_masks << n) | (next_masks << (2 * n))).tolist()
        flags = [self._flag_set(m) for m in masks.tolist()]
        sentence_rows = self._sentence_rows(keys)  # may grow the table
        total = self.sentences.rows[sentence_rows][sent]
        self._add_word_rows(total, words, wid, r, left)
        # one token beyond the sentence: the "-1:OUT" / "1:OUT" features
        total[sa] += self.out_left
        total[sb - 1] += self.out_right
        # position in the sentence, first and last token (the per-token tables are added
        # block by block at the end: a table row per token at once is a text's size again)
        tables: list[tuple[Floats, Ints]] = [
            (self.pos, np.minimum(r, 5)),
            (self.rpos, np.minimum(left, 5)),
        ]
        total[sa] += self.edge[1]
        last = sb - 1
        total[last[last > sa]] += self.edge[2]  # a one-token sentence is only first
        # quotation position and depth changes towards the neighbours
        if quoted.any():
            big = n_tok + 1
            first_q = np.minimum.reduceat(np.where(quoted, idx, big), sa)[sent]
            last_q = np.maximum.reduceat(np.where(quoted, idx, -1), sa)[sent]
            qpos = np.where(
                quoted,
                np.where(depth == 1, 1, 2),
                np.where(last_q < 0, 0, np.where(idx < first_q, 3, np.where(idx > last_q, 4, 5))),
            )
            tables.append((self.qpos, qpos))
            span = self.qd_span
            pad_d = np.concatenate(([0, 0], depth, [0, 0]))
            for off in (-2, -1, 1, 2):
                inside = (r >= -off) if off < 0 else (left >= off)
                change = np.where(inside, pad_d[idx + 2 + off] - depth, 0)
                at = np.flatnonzero(change)
                if len(at):
                    total[at] += self.qd[off][np.clip(change[at], -span, span) + span]
        # the nearest cue anchor outside quotations and whether the clause holds one
        brk = words.break_of[wid] & ~quoted
        anchor = words.anchor_of[wid] & ~quoted
        if anchor.any():
            starts = np.zeros(n_tok, dtype=bool)
            starts[sa] = True
            clause = np.cumsum(brk | starts)
            has_anchor = np.zeros(int(clause[-1]) + 1, dtype=bool)
            has_anchor[clause[anchor]] = True
            cuecl = has_anchor[clause]
            big = n_tok + 1
            li = np.maximum.accumulate(np.where(anchor, idx, -1))
            ri = np.minimum.accumulate(np.where(anchor, idx, big)[::-1])[::-1]
            far = 1 << 30
            dl = np.where(li >= sa[sent], idx - li, far)
            dr = np.where(ri < sb[sent], ri - idx, far)
            near = np.where(dr < dl, -dr, dl)
            sentence_has = np.add.reduceat(anchor.astype(np.intp), sa)[sent] > 0
            code = np.where(sentence_has, 1 + (np.clip(near, -_NEAR, _NEAR) + _NEAR) * 2 + cuecl, 0)
            tables.append((self.anchor, code))
        else:
            total += self.anchor[0]
        # the bigram ending at each token
        prev = np.empty(n_tok, dtype=np.intp)
        prev[1:] = wid[:-1]
        prev[sa] = self.bos
        bigram_rows = self._bigram_rows(prev, wid)  # may grow the table
        tables.append((self.bigrams.rows, bigram_rows))
        for c0 in range(0, n_tok, _BLOCK):
            block = total[c0 : c0 + _BLOCK]
            for table, code_of in tables:
                block += table[code_of[c0 : c0 + _BLOCK]]
        return Document(total, wid, sent, sb[sent], brk.astype(np.intp), flags)

    def _tails(self, form: str) -> Floats:
        """Rows of the statement's form and the sentence a token is in: same/previous ×
        inside/before/after the content."""
        rows = self._tail_rows.get(form)
        if rows is None:
            rows = self._rows(
                [
                    [where, f"{where}|{rel}", f"form={form}|{rel}"]
                    for where in ("same", "prev")
                    for rel in ("IN", "B", "A")
                ],
                self.stmt_cols,
            )
            self._tail_rows[form] = rows
        return rows

    def statement(
        self,
        seg: Segmented,
        doc: Document,
        window: range,
        content: frozenset[int],
        form: str,
    ) -> Floats:
        """The roles and frame state scores of one statement's window, as
        :func:`~sayso.tagging.features.statement_features` would give them."""
        a0 = seg.sentences[window[0]][0]
        b0 = seg.sentences[window[-1]][1]
        lo, hi = min(content), max(content)
        n = b0 - a0
        idx = np.arange(a0, b0)
        wid = doc.words[a0:b0]
        sent = doc.sentence[a0:b0]
        inside = np.zeros(n, dtype=bool)
        inside[[i - a0 for i in content if a0 <= i < b0]] = True
        kind = np.where(inside, 0, np.where(idx < lo, 1, 2))
        # clause breaks between each token and the content's edge, within its sentence
        cum = np.concatenate(([0], np.cumsum(doc.breaks[a0:b0])))
        k = idx - a0
        before = np.minimum(cum[np.minimum(doc.sentence_end[a0:b0], lo) - a0] - cum[k + 1], 2)
        after = np.where(idx > hi, np.minimum(cum[k + 1] - cum[hi + 1 - a0], 2), 0)
        place = np.where(
            inside,
            (idx == lo) * 2 + (idx == hi),
            np.where(
                kind == 1,
                4 + np.minimum(lo - idx, 11) * 3 + before,
                40 + np.minimum(np.maximum(idx - hi, 1), 11) * 3 + after,
            ),
        )
        w = self.stmt_width
        out = doc.scores[a0:b0, self.stmt_cols] + self.place[place]
        out += self._tails(form)[(sent < seg.sentence_of[lo]) * 3 + kind]
        words = self.rows
        rel = words.relative.table.rows[words.relative_of[wid]].reshape(n, 3, w)
        out += rel[np.arange(n), kind]
        return out
