"""Token features for the sequence taggers.

Features are strings (crfsuite, which trains the models, treats each as a binary
indicator). Everything that depends only on the word is computed once per distinct word and
cached per language profile; only quotation state and sentence-level context are computed
per occurrence. At run time the taggers do not build these lists token by token:
:mod:`sayso.tagging.scoring` sums the weights of the same feature groups (tested to give
the same scores), so a change to a feature here needs the same change there.

Lexicon features come from the language data files (cue verbs, role nouns, according-to
triggers, markers, Konjunktiv forms): the taggers learn *how* the corpus uses them, the
data says *which* words they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sayso.lang import LangProfile
from sayso.tagging.wordflags import WordFlags, shape
from sayso.text.segment import Segmented

_CONTEXT = (-2, -1, 1, 2)
_SENTENCE_FLAGS = frozenset(
    ("cue", "acc", "mk=reportative", "mk=hedge", "ncue", "colon", "comp", "mood=K1", "mood=K2")
)
_ANCHORS = frozenset(("cue", "acc", "ncue"))
_HAS = frozenset(("role", "pron", "ncue", "acc"))
_POS = [f"pos={k}" for k in range(6)]
_RPOS = [f"rpos={k}" for k in range(6)]


def bigram_ends(names: Iterable[str]) -> frozenset[str]:
    """Every text after a "|" of a bigram feature among ``names`` ("bi=laut|polizei"): a
    superset of the bigrams' second words (a word may itself be "|"), to look up only
    the bigrams that can be known."""
    return frozenset(
        f[k + 1 :] for f in names if f.startswith("bi=") for k in range(3, len(f)) if f[k] == "|"
    )


class FeatureCache:
    """Word-level features for one language profile, memoised per distinct word."""

    def __init__(self, profile: LangProfile) -> None:
        self.profile = profile
        self._base: dict[str, list[str]] = {}
        self._flags: dict[str, tuple[str, ...]] = {}
        self._ctx4: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {}
        self._anchor: dict[str, bool] = {}
        self._rel_b: dict[str, list[str]] = {}
        self._rel_a: dict[str, list[str]] = {}
        self._bag: dict[str, tuple[list[str], bool, bool]] = {}
        self._signals: dict[str, tuple[str, ...]] = {}
        self.word_flags = WordFlags(profile)
        #: when set (by the taggers, see ``restrict``), the per-word feature lists leave out
        #: features no model knows (their weight is zero): fewer weights to look up when a
        #: word's rows are summed
        self.known: frozenset[str] | None = None
        self.bigram_ends: frozenset[str] = frozenset()
        self.known_relative: frozenset[str] | None = None
        self.known_whole: frozenset[str] | None = None
        #: memoise the per-word feature lists (training reads them again and again; the
        #: taggers sum each word's lists once into rows and keep only those)
        self.keep_lists = True

    def restrict(
        self, known: frozenset[str], known_relative: frozenset[str], known_whole: frozenset[str]
    ) -> None:
        """Leave out features unknown to the models that read them: ``known`` for the
        sentence features (read by the content, roles and frame taggers), ``known_relative``
        for the statement-relative ones (roles and frame), ``known_whole`` for the words of
        the whole-sentence classifier. Exact: an attribute a model does not have weighs
        nothing, and the order of the others is kept."""
        self.known = known
        self.bigram_ends = bigram_ends(known)
        self.known_relative = known_relative
        self.known_whole = known_whole
        self.trim(-1)  # forget what was memoised unfiltered

    def _keep(self, feats: list[str], known: frozenset[str] | None) -> list[str]:
        return feats if known is None else [f for f in feats if f in known]

    def flags(self, word: str) -> tuple[str, ...]:
        """Lexicon flags of a word (shared by the word's own and its neighbours' features;
        :class:`~sayso.tagging.wordflags.WordFlags`)."""
        got = self._flags.get(word)
        if got is None:
            got = self._flags[word] = self.word_flags(word)
        return got

    def base(self, word: str) -> list[str]:
        got = self._base.get(word)
        if got is not None:
            return got
        low = word.lower()
        out = [
            "w=" + low,
            "s3=" + low[-3:],
            "s2=" + low[-2:],
            "p3=" + low[:3],
            "sh=" + shape(word),
        ]
        out.extend(self.flags(word))
        out = self._keep(out, self.known)
        if self.keep_lists:
            self._base[word] = out
        return out

    def contexts(self, word: str) -> tuple[list[str], list[str], list[str], list[str]]:
        """The context features of ``word`` seen from offsets -2, -1, 1 and 2 at once."""
        got = self._ctx4.get(word)
        if got is None:
            ctx = self.context(word)
            m2, m1, p1, p2 = (self._keep([f"{o}:{x}" for x in ctx], self.known) for o in _CONTEXT)
            got = (m2, m1, p1, p2)
            if self.keep_lists:
                self._ctx4[word] = got
        return got

    def relative(self, word: str, rel: str) -> list[str]:
        """The flags and the word of a token outside a statement's content, prefixed with
        where it stands (``B`` before, ``A`` after the content)."""
        table = self._rel_b if rel == "B" else self._rel_a
        got = table.get(word)
        if got is None:
            got = [f"{rel}|{x}" for x in self.flags(word)]
            got.append(f"{rel}|w={word.lower()}")
            got = self._keep(got, self.known_relative)
            if self.keep_lists:
                table[word] = got
        return got

    def bag_of_words(self, word: str) -> tuple[list[str], bool, bool]:
        """A word's part of the whole-sentence features: its lexicon flags that matter for
        a whole sentence (``has|…``) and the word itself (``bow=…``); and whether it is the
        stem of a separable cue verb ("cuestem") and a cue ("cue")."""
        got = self._bag.get(word)
        if got is None:
            fl = self.flags(word)
            feats = [
                "has|" + x
                for x in fl
                if x.startswith(("cue=", "mood=", "mk=", "kind=")) or x in _HAS
            ]
            feats.append("bow=" + word.lower())
            got = (self._keep(feats, self.known_whole), "cuestem" in fl, "cue" in fl)
            self._bag[word] = got
        return got

    def sentence_signals(self, word: str) -> tuple[str, ...]:
        """The word's flags that count as signals of its whole sentence."""
        got = self._signals.get(word)
        if got is None:
            got = tuple(x for x in self.flags(word) if x in _SENTENCE_FLAGS)
            self._signals[word] = got
        return got

    def is_anchor(self, word: str) -> bool:
        """A cue verb, according-to trigger or nominal cue (an anchor of the cue distance)."""
        got = self._anchor.get(word)
        if got is None:
            got = not _ANCHORS.isdisjoint(self.flags(word))
            self._anchor[word] = got
        return got

    def trim(self, limit: int = 200_000) -> None:
        """Keep memory flat over millions of articles: forget the memo past ``limit`` words."""
        if len(self._flags) > limit:
            self._flags.clear()
            self._base.clear()
            self._ctx4.clear()
            self._anchor.clear()
            self._rel_b.clear()
            self._rel_a.clear()
            self._bag.clear()
            self._signals.clear()

    def context(self, word: str) -> list[str]:
        """Unprefixed context features of a word; callers prefix them with the offset (and
        memoise the prefixed lists: :meth:`contexts`)."""
        out = ["w=" + word.lower()]
        out.extend(f for f in self.flags(word) if not f.startswith(("med=", "stance=")))
        return out


def _bucket(d: int) -> str:
    sign = "L" if d > 0 else "R"  # the anchor lies to the left (L) or right (R)
    d = abs(d)
    return sign + ("1" if d == 1 else "2" if d == 2 else "3-5" if d <= 5 else "6+")


def sentence_features(
    cache: FeatureCache, seg: Segmented, sent_index: int, sent_flags: Sequence[frozenset[str]]
) -> list[list[str]]:
    """Features for every token of sentence ``sent_index``.

    What the models are trained on (:mod:`sayso.tagging.train`); at run time
    :meth:`sayso.tagging.scoring.Scorer.document` sums the same groups. Per-word parts come
    from the cache (the word's own features and how it looks from each neighbour's
    position); the order of the features is fixed."""
    a, b = seg.sentences[sent_index]
    words = seg.words[a:b]
    depth = seg.quote_depth[a:b]
    here = sent_flags[sent_index]
    prev = sent_flags[sent_index - 1] if sent_index > 0 else frozenset()
    nxt = sent_flags[sent_index + 1] if sent_index + 1 < len(sent_flags) else frozenset()
    sentence_level = [f"S.{f}" for f in here]
    sentence_level += [f"P.{f}" for f in prev]
    sentence_level += [f"N.{f}" for f in nxt]
    n = b - a
    clause, anchors = _clauses(cache, words, depth)
    anchor_feats = _anchor_features(clause, anchors, n)
    qpos = _quote_positions(depth, n)
    contexts = cache.contexts
    ctx = [contexts(w) for w in words]
    base = cache.base
    bigrams = _bigrams(cache, [w.lower() for w in words])
    seq: list[list[str]] = []
    for r in range(n):
        d = depth[r]
        f = base(words[r]) + sentence_level
        f += qpos[r]
        if r == 0:
            f.append("BOS")
        elif r == n - 1:
            f.append("EOS")
        f += bigrams[r]
        f += anchor_feats[r]
        f.append(_POS[r if r < 5 else 5])
        f.append(_RPOS[n - 1 - r if n - 1 - r < 5 else 5])
        if r >= 2:
            f += ctx[r - 2][0]
            if depth[r - 2] != d:
                f.append(f"-2:qd{depth[r - 2] - d:+d}")
        if r >= 1:
            f += ctx[r - 1][1]
            if depth[r - 1] != d:
                f.append(f"-1:qd{depth[r - 1] - d:+d}")
        else:
            f.append("-1:OUT")
        if r + 1 < n:
            f += ctx[r + 1][2]
            if depth[r + 1] != d:
                f.append(f"1:qd{depth[r + 1] - d:+d}")
        else:
            f.append("1:OUT")
        if r + 2 < n:
            f += ctx[r + 2][3]
            if depth[r + 2] != d:
                f.append(f"2:qd{depth[r + 2] - d:+d}")
        seq.append(f)
    return seq


def _clauses(
    cache: FeatureCache, words: Sequence[str], depth: Sequence[int]
) -> tuple[list[int], list[int]]:
    """The clause number of each position and the cue anchors (cue verbs, according-to
    triggers, nominal cues) outside quotations; commas, colons and dashes outside
    quotations end a clause."""
    breaks = cache.profile.clause_breaks
    anchor_of = cache.is_anchor
    clause = [0] * len(words)
    anchors: list[int] = []
    c = 0
    for r, w in enumerate(words):
        if not depth[r]:
            if w in breaks:
                c += 1
            elif anchor_of(w):
                anchors.append(r)
        clause[r] = c
    return clause, anchors


def _anchor_features(clause: list[int], anchors: list[int], n: int) -> list[list[str]]:
    """Per position: the distance to the nearest anchor (by two sweeps) and whether the
    token's clause holds one, or "noanchor"."""
    if not anchors:
        return [_NO_ANCHOR] * n
    anchor_clauses = {clause[r] for r in anchors}
    anchors_set = set(anchors)
    near = [0] * n
    last = -(1 << 30)
    for r in range(n):
        if r in anchors_set:
            last = r
        near[r] = r - last
    last = 1 << 30
    for r in range(n - 1, -1, -1):
        if r in anchors_set:
            last = r
        if last - r < abs(near[r]):
            near[r] = r - last
    return [
        [
            _CUE_D[near[r]] if -6 < near[r] < 6 else _cue_d(near[r]),
            "cuecl" if clause[r] in anchor_clauses else "nocuecl",
        ]
        for r in range(n)
    ]


def _quote_positions(depth: Sequence[int], n: int) -> list[list[str]]:
    """The quotation feature of each position: inside (and how deep), or before the first
    quotation, between quotations, after the last one."""
    if not any(depth):
        return [[] for _ in range(n)]
    first_q = next(r for r in range(n) if depth[r])
    last_q = next(r for r in range(n - 1, -1, -1) if depth[r])
    return [
        _INQ[depth[r] == 1] if depth[r] else _BQ if r < first_q else _AQ if r > last_q else _MQ
        for r in range(n)
    ]


def _bigrams(cache: FeatureCache, lows: list[str]) -> list[list[str]]:
    """The bigram feature of each position (with the word before, ``<S>`` first)."""
    known = cache.known
    if known is None:
        return [[f"bi={x}|{y}"] for x, y in zip(["<S>", *lows], lows, strict=False)]
    # most bigrams are unknown to the models: build only those whose second word ends a
    # known bigram
    seconds = cache.bigram_ends
    return [
        [x] if y in seconds and (x := f"bi={w}|{y}") in known else []
        for w, y in zip(["<S>", *lows], lows, strict=False)
    ]


def _cue_d(dist: int) -> str:
    return "cueD=" + ("0" if dist == 0 else _bucket(dist))


_CUE_D = {d: _cue_d(d) for d in range(-5, 6)}
_NO_ANCHOR = ["noanchor"]
_INQ = {True: ["inq"], False: ["inq2"]}
_BQ = ["bq"]
_AQ = ["aq"]
_MQ = ["mq"]


def sentence_flags(cache: FeatureCache, seg: Segmented) -> list[frozenset[str]]:
    """Coarse per-sentence signals used as context by this and the neighbouring sentences."""
    out = []
    words = seg.words
    depth = seg.quote_depth
    signals = cache.sentence_signals
    for a, b in seg.sentences:
        fl: set[str] = set()
        for i in range(a, b):
            if depth[i]:
                fl.add("q")
            else:
                fl.update(signals(words[i]))
        out.append(frozenset(fl))
    return out


def _dist_bucket(d: int) -> str:
    return "1" if d <= 1 else "2" if d == 2 else "3-5" if d <= 5 else "6-10" if d <= 10 else "11+"


def statement_features(
    cache: FeatureCache,
    seg: Segmented,
    sent_feats: Sequence[list[list[str]]],
    window: range,
    content: frozenset[int],
    form: str,
) -> list[list[str]]:
    """Features for tagging the roles of *one* statement, in the window of sentences around
    its content (the sentences of the content plus the one before it).

    Every token learns where it stands relative to this content — inside, before or after
    it, how far, across how many clause breaks, in the same or the previous sentence — so
    that the tagger answers "who said *this*?" rather than "who speaks in this sentence?".
    """
    lo = min(content)
    hi = max(content)
    first_sent = window[-1]
    for s in window:
        a, b = seg.sentences[s]
        if a <= lo < b:
            first_sent = s
            break
    breaks = cache.profile.clause_breaks
    words = seg.words
    depth = seg.quote_depth
    relative = cache.relative
    tails = {
        (where, rel): [where, f"{where}|{rel}", f"form={form}|{rel}"]
        for where in ("same", "prev")
        for rel in ("IN", "B", "A")
    }
    out: list[list[str]] = []
    for s in window:
        a, b = seg.sentences[s]
        where = "same" if s >= first_sent else "prev"
        feats = sent_feats[s]
        # clause breaks between each token and the content edge
        before_breaks = [0] * (b - a)
        n = 0
        for i in range(min(b, lo) - 1, a - 1, -1):
            before_breaks[i - a] = n
            if words[i] in breaks and not depth[i]:
                n += 1
        n = 0
        for i in range(max(a, hi + 1), b):
            if words[i] in breaks and not depth[i]:
                n += 1
            before_breaks[i - a] = n
        tail_in = tails[where, "IN"]
        tail_b = tails[where, "B"]
        tail_a = tails[where, "A"]
        for i in range(a, b):
            if i in content:
                f = feats[i - a] + _IN_MARKS[i == lo, i == hi]
                f += tail_in
            elif i < lo:
                f = feats[i - a] + _B_DIST[min(lo - i, 11)]
                f.append(_B_BR[before_breaks[i - a]])
                f += relative(words[i], "B")
                f += tail_b
            else:
                # i - hi < 1 in a gap of a content cut in two: the bucket of 1
                f = feats[i - a] + _A_DIST[min(max(i - hi, 1), 11)]
                f.append(_A_BR[before_breaks[i - a]])
                f += relative(words[i], "A")
                f += tail_a
            out.append(f)
    return out


_IN_MARKS = {
    (first, last): ["IN"] + (["Qfirst"] if first else []) + (["Qlast"] if last else [])
    for first in (False, True)
    for last in (False, True)
}
_B_DIST = [[f"B{_dist_bucket(d)}"] for d in range(12)]
_A_DIST = [[f"A{_dist_bucket(d)}"] for d in range(12)]


class _Clamped(dict[int, str]):
    """Clause-break counts as features, 2 meaning "2 or more"."""

    def __init__(self, rel: str) -> None:
        super().__init__((k, f"{rel}br{k}") for k in range(3))
        self.rel = rel

    def __missing__(self, key: int) -> str:
        return self[2]


_B_BR = _Clamped("B")
_A_BR = _Clamped("A")


def _size(n: int) -> str:
    return "<6" if n < 6 else "<12" if n < 12 else "<25" if n < 25 else "25+"


def whole_sentence_features(
    cache: FeatureCache,
    seg: Segmented,
    s: int,
    sent_flags: Sequence[frozenset[str]],
    prev_has_statement: bool,
    bag: bool = True,
    cues: Sequence[int] | None = None,
) -> list[str]:
    """One feature list describing sentence ``s`` as a whole, for the classifier of
    sentences that are statements in their entirety: reported speech ("Die Opposition wies
    die Änderungen zurück."), free indirect speech in Konjunktiv ("Die Lage sei ernst.").
    ``bag=False`` leaves out the words' own features (:meth:`FeatureCache.bag_of_words`
    of each word outside quotations), which the tagger sums per word instead; then
    ``cues``, the sentence's tokens outside quotations that have the "cue" flag, spares
    looking at every word."""
    a, b = seg.sentences[s]
    words = seg.words
    f = [f"S.{x}" for x in sent_flags[s]]
    f += [f"P.{x}" for x in sent_flags[s - 1]] if s > 0 else ["BOD"]
    f.append("prevstmt" if prev_has_statement else "noprevstmt")
    f.append("len" + _size(b - a))
    f.append("first=" + words[a].lower())
    f.extend("first|" + x for x in cache.flags(words[a]))
    if words[b - 1] not in (".", "!", "?"):
        f.append("noend")
    n_cue = 0
    depth = seg.quote_depth
    bag_of = cache.bag_of_words
    for i in range(a, b) if bag or cues is None else cues:
        if depth[i]:
            continue
        feats, stem, cue = bag_of(words[i])
        if bag:
            f += feats
        if stem:
            # a separable verb is a cue only with its particle later in the clause
            low = words[i].lower()
            for j in range(i + 1, b):
                entry = cache.profile.cue_with_particle(low, words[j].lower())
                if entry is not None:
                    f.append("has|cue=" + entry.lemma)
                    break
        if cue:
            n_cue += 1
            rel = i - a
            f.append(
                "cuepos="
                + ("1" if rel <= 1 else "2-3" if rel <= 3 else "4-8" if rel <= 8 else "9+")
            )
    f.append(f"ncue={min(n_cue, 2)}")
    f.extend(_clause_shape(cache, seg, a, b))
    return f


def _clause_shape(cache: FeatureCache, seg: Segmented, a: int, b: int) -> list[str]:
    """Subject-verb shape of a sentence for the whole-sentence classifier: a sentence-
    initial noun phrase before a cue verb or modal ("Die Gewerkschaft fordert …", "Die
    Partei will …") and what kind of actor it is (role noun, pronoun, actor kind). (The
    sentence's last word was tried too and measured worse on wikinews-de dev.)"""
    p = cache.profile
    words = seg.words
    out: list[str] = []
    verb = None
    for i in range(a, min(b, a + 8)):
        w = words[i]
        if seg.quote_depth[i]:
            break
        low = w.lower()
        if w[:1].islower() and (
            p.cue(low) is not None or p.particle_cues(low) or low in p.reportative_modals
        ):
            verb = i
            break
        if not (w[:1].isupper() or low in p.determiners or w == "-"):
            break
    if verb is None or verb == a or words[a].lower() in p.prepositions:
        return out  # no subject, or an adverbial first ("Im Herbst will …")
    low = words[verb].lower()
    kind = "modal" if low in p.reportative_modals else "cue"
    out.append("sv=" + kind)
    if kind == "modal":
        out.append("sv=modal|" + low[:4])
    for i in range(a, verb):
        for x in cache.flags(words[i]):
            if x in ("role", "pron") or x.startswith("kind="):
                out.append("subj|" + x)
    return out


def medium_features(
    cache: FeatureCache,
    seg: Segmented,
    form: str,
    content: Sequence[int],
    cue: Sequence[int],
    frame: Sequence[int],
) -> list[str]:
    """One feature list for classifying a statement's medium (speech, writing, thought and
    the corpus' mixed values): the cue's lemma and lexicon medium, the form, and the words
    of the frame ("in einer Pressemitteilung", "auf Twitter", "im Interview")."""
    words = seg.words
    f = ["form=" + form]
    for i in cue:
        f.append("cuew=" + words[i].lower())
        f.extend("cue|" + x for x in cache.flags(words[i]) if x.startswith(("cue=", "med=")))
    for i in frame:
        if i not in cue:
            f.append("fw=" + words[i].lower())
            f.extend("f|" + x for x in cache.flags(words[i]) if x.startswith(("kind=", "ncue")))
    if content:
        a = content[0]
        s = seg.sentence_of[a]
        sa, sb = seg.sentences[s]
        f.extend("sw=" + words[i].lower() for i in range(sa, sb) if i not in content)
        f.append("q" if seg.quote_depth[a] else "noq")
    return f
