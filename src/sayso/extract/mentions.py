"""Candidate speaker mentions of a statement and the features the speaker ranker reads.

Every noun phrase, name, pronoun, organisation, outlet or anonymous group near a
statement (its sentences, the two before and the one after) is a candidate; so is the
speaker today's rules chose and the speaker of the statement before. Each candidate gets
a row of numbers: where it stands (side of the cue, distance in tokens, sentences and
paragraphs, inside a quotation or the content), what it is (pronoun, name, role noun,
organisation, outlet, anonymous group, a word the text also writes in lower case), its
grammatical signals (governed by a preposition, opened by an object determiner, right
after the cue verb, sentence-initial) and what the rules said (the rules' speaker, the
previous statement's speaker, the addressee). :mod:`sayso.extract.ranker` scores them.

The rows are computed for all candidates of a document at once (:func:`gather` per
statement, then :func:`feature_matrix`): word lookups memoised per process, paragraph and
quotation tables per document, the positional features as numpy columns. The values are
those the shipped model was trained on (``tests/extract/test_mention_features.py``).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

import numpy as np

from sayso.extract.draft import Draft
from sayso.extract.mention_words import (
    B_ACCORDING,
    B_ADDR_PREP,
    B_ANONYMOUS,
    B_COMMA,
    B_CUE,
    B_DET,
    B_DOCUMENT,
    B_HEADED,
    B_LOWER_LETTER,
    B_OBJ_DET,
    B_ORG,
    B_OUTLET,
    B_PREP,
    B_PRON,
    B_PRON_FIRST,
    B_PRON_PERSON,
    B_RELATIVE,
    B_ROLE,
    B_UPPER,
    B_VERBISH,
    Word,
    lookups_of,
    make_word,
)
from sayso.lang import LangProfile
from sayso.model import ActorKind, Form, Span
from sayso.text.segment import Segmented

#: sentences before the content's first and after its last that hold candidates
BEFORE, AFTER = 2, 1
#: at most this many candidates per statement (the nearest ones)
MAX_CANDIDATES = 25

FEATURES: tuple[str, ...] = (
    "rule",  # overlaps the speaker today's rules chose
    "rule_crf",  # ... and the role tagger gave that speaker
    "rule_inherit",  # ... and it was inherited from an earlier statement
    "prev",  # overlaps the previous statement's speaker
    "prev_same",  # the previous statement's speaker and that statement is adjacent
    "addressee",  # overlaps the statement's addressee
    "in_content",  # inside this statement's content
    "in_other",  # inside another statement's content
    "in_quote",  # inside quotation marks
    "sent_dist",  # candidate sentence - content's first sentence
    "para_cross",  # another paragraph than the content
    "has_cue",
    "cue_dist",  # candidate start - cue start (tokens), 0 without cue
    "cue_adj_after",  # starts right after the cue word
    "cue_adj_before",  # ends right before the cue word
    "cue_same_sent",  # in the cue's sentence
    "content_gap",  # tokens between the candidate and the content (signed)
    "first_in_content_sent",  # the first mention of the content's sentence
    "sent_initial",
    "rank_side",  # how many candidates lie between it and the cue/content on its side
    "n_tokens",
    "pronoun",
    "pron_person",  # a 3rd person singular pronoun (er, sie, he, she)
    "pron_first",  # a first person pronoun (ich, wir, I, we)
    "relative",  # a relative pronoun (who, der …)
    "name",  # capitalised words only, not sentence-initial function words
    "role",  # holds a role noun
    "kind_org",
    "kind_outlet",
    "kind_anon",
    "kind_doc",
    "lower_elsewhere",  # its first word is written in lower case elsewhere in the text
    "det_start",  # opens with a determiner
    "obj_det",  # opens with an object (accusative/dative) determiner
    "governed",  # a preposition stands right before it
    "addr_prep",  # an addressee preposition stands right before it
    "headed",  # ends in a word that can head a speaker phrase
    "after_comma",  # a comma stands right before it
    "form_direct",
    "form_indirect",
    "form_reported",
    "form_free",
    "n_candidates",
    "prev_exists",
    "according",  # an according-to word stands right before or after it ("laut X")
    "freq_last",  # how often its last word occurs in the text (salience)
    "speaker_before",  # its last word was in an earlier statement's speaker
    "next_lower",  # a lower-case word (a verb, in V2 order) follows it
    "prev_lower",  # a lower-case word (a verb: an object) stands before it
    "next_cue",  # a cue verb follows it
    "function_word",  # a single determiner, preposition or pronoun form
)


#: column of each feature in a row
COL = {f: k for k, f in enumerate(FEATURES)}
#: the features of a candidate's own words and their neighbours, in the order
#: :func:`_lexical` gives them (the same for every statement that has the candidate)
LEXICAL: tuple[str, ...] = (
    "n_tokens", "pronoun", "pron_person", "pron_first", "relative", "name", "role",
    "kind_org", "kind_outlet", "kind_anon", "kind_doc", "lower_elsewhere", "det_start",
    "obj_det", "governed", "addr_prep", "headed", "after_comma", "according", "freq_last",
    "next_lower", "prev_lower", "next_cue", "function_word",
)  # fmt: skip
_LEX_COLS = [COL[f] for f in LEXICAL]
#: the features of a candidate's place among the statement's candidates
_EXTRA_COLS = [COL[f] for f in ("rank_side", "n_candidates", "prev_exists", "speaker_before")]


@dataclass(slots=True)
class Candidate:
    """A possible speaker: tokens ``[a, b)`` in sentence ``sent``, or the spans of the
    previous statement's speaker (``spans``) when it lies outside the window."""

    a: int
    b: int
    sent: int
    spans: tuple[Span, ...] | None = None
    features: list[float] | None = None


class Chunker:
    """The noun-phrase mentions of a document's sentences, chunked on demand, with the
    memoised word lookups (what :mod:`sayso.evidence.entities` needs without the
    ranker's per-token tables)."""

    def __init__(self, seg: Segmented, profile: LangProfile) -> None:
        self.seg = seg
        self.profile = profile
        self._by_sent: dict[int, list[tuple[int, int]]] = {}
        self._words = lookups_of(profile).words
        #: each token's Word.bits (-1: not looked up yet), and the bits of "" past the end
        self.bits: list[int] = [-1] * len(seg.words) + [self.word("").bits]

    def word(self, w: str) -> Word:
        got = self._words.get(w)
        if got is None:
            got = self._words[w] = make_word(self.profile, w)
        return got

    def role(self, w: str) -> bool:
        """``profile.is_role_noun``, memoised."""
        return self.word(w).role

    def kind(self, w: str) -> ActorKind | None:
        """``profile.actor_kind_hint``, memoised."""
        return self.word(w).kind

    def sentence(self, s: int) -> list[tuple[int, int]]:
        """The mentions of sentence ``s`` as token ranges ``[a, b)``."""
        got = self._by_sent.get(s)
        if got is None:
            got = self._by_sent[s] = _chunk(self, s)
        return got


class DocMentions(Chunker):
    """The noun-phrase mentions of one document, chunked per sentence on demand, with the
    per-token tables the features read (paragraph, quotation, word lookups)."""

    def __init__(self, seg: Segmented, profile: LangProfile) -> None:
        super().__init__(seg, profile)
        #: the draft each token's content belongs to (-1: none), see index_drafts
        self.owner: list[int] = [-1] * len(seg.words)
        self.draft_index: dict[int, int] = {}
        #: lower-cased words of the speakers of the drafts seen so far
        self.spoken: set[str] = set()
        words = seg.words
        self.lower_words = {w for w in words if w[:1].islower()}
        self.counts = Counter([w.lower() for w in words if w[:1].isupper()])
        self.para_starts = [a for a, _ in seg.paragraphs]
        n = len(seg.words)
        starts = np.asarray(seg.starts, dtype=np.int64)
        #: token -> paragraph (as :meth:`paragraph`)
        self.para_of = np.searchsorted(np.asarray(self.para_starts), starts, side="right") - 1
        #: quoted tokens before token i
        self.quoted = np.zeros(n + 1, dtype=np.int64)
        if n:
            np.cumsum(np.asarray(seg.quote_depth) != 0, out=self.quoted[1:])
        self.sent_start = np.asarray([a for a, _ in seg.sentences] or [0], dtype=np.int64)

    def index_drafts(self, drafts: list[Draft]) -> None:
        """Which draft's content each token is (the last one's where contents overlap)."""
        for k, d in enumerate(drafts):
            self.draft_index[id(d)] = k
            for p in d.parts:
                self.owner[p.a : p.b] = [k] * (p.b - p.a)

    def paragraph(self, i: int) -> int:
        return bisect.bisect_right(self.para_starts, self.seg.starts[i]) - 1

    def fill(self, a: int, b: int) -> None:
        """Look up the bits of tokens ``[a, b)`` not looked up yet."""
        bits, words, known = self.bits, self.seg.words, self._words
        for i in range(a, b):
            if bits[i] < 0:
                w = words[i]
                bits[i] = (known.get(w) or self.word(w)).bits


def _chunk(dm: Chunker, s: int) -> list[tuple[int, int]]:
    from sayso.extract.according import noun_phrase_end

    seg, profile = dm.seg, dm.profile
    words = seg.words
    known, word = dm._words, dm.word
    a, b = seg.sentences[s]
    own = [known.get(w) or word(w) for w in words[a:b]]
    dm.bits[a:b] = [x.bits for x in own]
    out = []
    i = a
    while i < b:
        x = own[i - a]
        pronoun = x.speaker_pronoun or x.relative
        if x.opens:
            e = noun_phrase_end(seg, profile, i, b)
            if e - i > 1 or (e > i and not pronoun and not x.det):
                out.append((i, e))
                i = e
                continue
        if pronoun:
            out.append((i, i + 1))
        i += 1
    return out


@dataclass(slots=True)
class Query:
    """One statement's candidates and what its features need from the statements before."""

    d: Draft
    prev: Draft | None
    prev_spans: tuple[Span, ...]
    cands: list[Candidate]
    #: per candidate: its last word was in an earlier statement's speaker
    spoken: list[bool]


def candidates(dm: DocMentions, d: Draft, prev: Draft | None) -> list[Candidate]:
    """The candidate speakers of draft ``d`` with their feature rows (see
    :data:`FEATURES`); ``prev`` is the draft before it. Call it on the drafts in document
    order, after :meth:`DocMentions.index_drafts`; :func:`gather` and
    :func:`feature_matrix` do the same for all drafts of a document at once."""
    q = gather(dm, d, prev)
    for c, row in zip(q.cands, feature_matrix(dm, [q]).tolist(), strict=True):
        c.features = row
    return q.cands


_Found = tuple[int, int, int, tuple[Span, ...] | None]


def gather(dm: DocMentions, d: Draft, prev: Draft | None) -> Query:
    """The candidates of draft ``d`` (features still to compute). Call it on the drafts in
    document order, after :meth:`DocMentions.index_drafts`."""
    seg = dm.seg
    s0, s1 = d.parts[0].sent, d.parts[-1].sent
    lo, hi = max(0, s0 - BEFORE), min(len(seg.sentences) - 1, s1 + AFTER)
    # (a, b, sentence, spans) of each candidate; objects only for those kept
    found: list[_Found] = [(a, b, s, None) for s in range(lo, hi + 1) for a, b in dm.sentence(s)]
    have = {(c[0], c[1]) for c in found}
    for r in d.speaker:
        if (r.a, r.b) not in have:
            found.append((r.a, r.b, r.sent, None))
            have.add((r.a, r.b))
    prev_spans = _speaker_spans(seg, prev) if prev is not None else ()
    if d.speaker_spans:
        _add_spans(seg, found, have, d.speaker_spans)
    if prev_spans:
        _add_spans(seg, found, have, prev_spans)
    anchor = d.cue[0].a if d.cue else d.a
    found.sort(key=lambda c: abs(c[0] - anchor))
    del found[MAX_CANDIDATES:]
    found.sort(key=lambda c: c[0])
    cands = [Candidate(a, b, s, spans) for a, b, s, spans in found]
    words, spoken = seg.words, dm.spoken
    said = [words[c.b - 1].lower() in spoken for c in cands]
    # what the next drafts see as spoken before them
    spoken.update(words[i].lower() for r in d.speaker for i in range(r.a, r.b))
    return Query(d, prev, prev_spans, cands, said)


def _add_spans(
    seg: Segmented, found: list[_Found], have: set[tuple[int, int]], spans: tuple[Span, ...]
) -> None:
    a = bisect.bisect_left(seg.starts, spans[0].start)
    b = max(a + 1, bisect.bisect_left(seg.starts, spans[-1].end))
    if (a, b) in have or a >= len(seg.words):
        return
    found.append((a, b, seg.sentence_of[a], spans))
    have.add((a, b))


def _speaker_spans(seg: Segmented, d: Draft) -> tuple[Span, ...]:
    if d.speaker_spans is not None:
        return d.speaker_spans
    return tuple(seg.token_span(x.a, x.b) for x in d.speaker)


def feature_matrix(dm: DocMentions, queries: list[Query]) -> np.ndarray:
    """The feature rows (:data:`FEATURES`) of every candidate of ``queries``, one row per
    candidate in order: what depends on the statement per candidate, the rest as arrays
    over the whole document."""
    n = sum(len(q.cands) for q in queries)
    x = np.zeros((n, len(FEATURES)), dtype=np.float64)
    if not n:
        return x
    # per candidate, gathered as lists and turned into columns at once
    pos: list[tuple[int, int, int]] = []
    per: list[list[float]] = []
    extra: list[tuple[int, int, bool, bool]] = []  # the _EXTRA columns
    qk: list[int] = []  # the query each candidate belongs to
    for k, q in enumerate(queries):
        m = len(q.cands)
        if not m:
            continue
        pos += [(c.a, c.b, c.sent) for c in q.cands]
        qk += [k] * m
        per += _per_candidate(dm, q)
        extra += zip(_rank_side(q), [m] * m, [bool(q.prev_spans)] * m, q.spoken, strict=True)
    ca, cb, cs = np.asarray(pos, dtype=np.int64).T
    x[:, : len(_PER)] = per
    x[:, _EXTRA_COLS] = extra
    x[:, _LEX_COLS] = _lexical(dm, pos, ca, cb)
    # per query, spread over its candidates
    q_arr = np.asarray([_per_query(dm, q) for q in queries], dtype=np.int64)[qk]
    s0, para, cue_a, cue_b, cue_sent, da, db, fa, fb, form, has_cue = q_arr.T
    cue = has_cue > 0
    x[:, COL["sent_dist"]] = cs - s0
    x[:, COL["para_cross"]] = dm.para_of[ca] != para
    x[:, COL["has_cue"]] = cue
    x[:, COL["cue_dist"]] = np.where(cue, ca - cue_a, 0)
    x[:, COL["cue_adj_after"]] = cue & (ca == cue_b)
    x[:, COL["cue_adj_before"]] = cue & (cb == cue_a)
    x[:, COL["cue_same_sent"]] = cs == cue_sent
    x[:, COL["content_gap"]] = np.where(ca >= db, ca - db, np.where(cb <= da, cb - da, 0))
    x[:, COL["first_in_content_sent"]] = (ca == fa) & (cb == fb)
    x[:, COL["sent_initial"]] = ca == dm.sent_start[cs]
    x[:, COL["in_quote"]] = dm.quoted[cb] > dm.quoted[ca]
    for k, f in enumerate(_FORMS):
        x[:, COL[f]] = form == k
    return x


#: the statement's form as a number: direct, indirect, reported, free (other: -1)
_FORMS = ("form_direct", "form_indirect", "form_reported", "form_free")
_FORM_NO = {
    Form.DIRECT: 0,
    Form.INDIRECT: 1,
    Form.REPORTED: 2,
    Form.FREE_INDIRECT: 3,
    Form.INDIRECT_FREE_INDIRECT: 3,
}


def _per_query(dm: DocMentions, q: Query) -> tuple[int, ...]:
    """What the statement contributes to the array features of its candidates."""
    d, seg = q.d, dm.seg
    me = dm.draft_index.get(id(d), -1)
    owner = dm.owner
    cue_a = d.cue[0].a if d.cue else -1
    cue_b = d.cue[0].b if d.cue else -1
    cue_sent = seg.sentence_of[cue_a] if d.cue else -1
    s0 = d.parts[0].sent
    first = next((m for m in dm.sentence(s0) if not (owner[m[0]] >= 0 and owner[m[0]] != me)), None)
    fa, fb = first if first is not None else (-1, -1)
    form = _FORM_NO.get(d.form, -1)
    return (s0, dm.paragraph(d.a), cue_a, cue_b, cue_sent, d.a, d.b, fa, fb, form, int(bool(d.cue)))


#: the features :func:`_per_candidate` fills, in this order, in the first columns
_PER: tuple[str, ...] = FEATURES[: FEATURES.index("in_other") + 1]


def _per_candidate(dm: DocMentions, q: Query) -> list[list[float]]:
    """The :data:`_PER` features and those that depend on the other candidates."""
    seg, d, cands = dm.seg, q.d, q.cands
    starts, ends = seg.starts, seg.ends
    rule_spans = [(y.start, y.end) for y in _speaker_spans(seg, d)]
    prev_spans = [(y.start, y.end) for y in q.prev_spans]
    addressee = [(r.a, r.b) for r in d.addressee]
    crf = "crf.roles.statement.v1" in d.rules and not any(
        r.startswith("group.speaker.") for r in d.rules
    )
    inherited = d.speaker_spans is not None
    owner, me = dm.owner, dm.draft_index.get(id(d), -1)
    prev_adjacent = q.prev is not None and q.prev.parts[-1].sent >= d.parts[0].sent - 1
    content = {i for p in d.parts for i in range(p.a, p.b)}
    mine = {-1, me}  # owners that make no token another statement's content
    rows = []
    for c in cands:
        a, b = c.a, c.b
        if c.spans:
            s0, s1 = c.spans[0].start, c.spans[0].end
        else:
            s0, s1 = starts[a], ends[b - 1]
        # (character spans overlap as Span.overlaps has it, token runs as Seg runs)
        rule = was_prev = False
        for y0, y1 in rule_spans:
            if s0 < y1 and y0 < s1:
                rule = True
                break
        for y0, y1 in prev_spans:
            if s0 < y1 and y0 < s1:
                was_prev = True
                break
        rows.append(
            [
                rule,
                crf and rule,
                inherited and rule,
                was_prev,
                prev_adjacent and was_prev,
                bool(addressee) and any(a < rb and ra < b for ra, rb in addressee),
                len(content.intersection(range(a, b))) / (b - a),
                not mine.issuperset(owner[a:b]),
            ]
        )
    return rows


def _rank_side(q: Query) -> list[int]:
    """How many candidates lie between each and the cue (the content without one) on its
    side."""
    d, cands = q.d, q.cands
    anchor = d.cue[0].a if d.cue else d.a
    before = sorted((j for j, c in enumerate(cands) if c.a < anchor), key=lambda j: -cands[j].a)
    after = [j for j, c in enumerate(cands) if c.a >= anchor]  # already in order
    rank = [0] * len(cands)
    for group in (before, after):
        for k, j in enumerate(group):
            rank[j] = k
    return rank


def _lexical(
    dm: DocMentions, pos: list[tuple[int, int, int]], ca: np.ndarray, cb: np.ndarray
) -> np.ndarray:
    """The :data:`LEXICAL` columns of the candidates ``[ca, cb)`` (``pos``: the same as
    (a, b, sentence) tuples): their own words and their neighbours, from the tokens' bits
    (:class:`~sayso.extract.mention_words.Word`)."""
    words, bits = dm.seg.words, dm.bits
    n = len(words)
    for a, b, _ in pos:  # the words of candidates outside the chunked sentences
        if -1 in bits[max(a - 1, 0) : b + 1]:
            dm.fill(max(a - 1, 0), min(b + 1, n))
    tb = np.asarray(bits, dtype=np.int64)
    first, last, after = tb[ca], tb[cb - 1], tb[cb]
    before = tb[np.where(ca > 0, ca - 1, n)]
    one = cb - ca == 1

    def spans_any(bit: int) -> np.ndarray:
        """Whether a token of each candidate has ``bit``."""
        run = np.zeros(n + 1, dtype=np.int64)
        np.cumsum((tb[:n] & bit) != 0, out=run[1:])
        out: np.ndarray = run[cb] > run[ca]
        return out

    known = dm._words
    lower, counts = dm.lower_words, dm.counts
    lows = [known[words[a]].low for a, _, _ in pos]
    last_lows = [known[words[b - 1]].low for _, b, _ in pos]
    cols = (
        cb - ca,
        one & (first & B_PRON != 0),
        one & (first & B_PRON_PERSON != 0),
        one & (first & B_PRON_FIRST != 0),
        one & (first & B_RELATIVE != 0),
        ~spans_any(B_LOWER_LETTER),
        spans_any(B_ROLE),
        spans_any(B_ORG),
        spans_any(B_OUTLET),
        spans_any(B_ANONYMOUS),
        spans_any(B_DOCUMENT),
        (first & B_UPPER != 0) & np.asarray([w in lower for w in lows], dtype=bool),
        first & B_DET != 0,
        first & B_OBJ_DET != 0,
        before & B_PREP != 0,
        before & B_ADDR_PREP != 0,
        last & B_HEADED != 0,
        (ca > 0) & (before & B_COMMA != 0),
        (before & B_ACCORDING != 0) | ((cb < n) & (after & B_ACCORDING != 0)),
        np.asarray([min(counts.get(w, 0), 20) for w in last_lows], dtype=np.int64),
        after & B_VERBISH != 0,
        before & B_VERBISH != 0,
        after & B_CUE != 0,
        one & (first & (B_DET | B_PREP | B_PRON) != 0),
    )
    return np.stack(cols, axis=1)
