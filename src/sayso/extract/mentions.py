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
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from sayso.extract.draft import Draft, Seg, speaker_head
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


@dataclass(slots=True)
class Candidate:
    """A possible speaker: tokens ``[a, b)`` in sentence ``sent``, or the spans of the
    previous statement's speaker (``spans``) when it lies outside the window."""

    a: int
    b: int
    sent: int
    spans: tuple[Span, ...] | None = None
    features: list[float] | None = None


class DocMentions:
    """The noun-phrase mentions of one document, chunked per sentence on demand."""

    def __init__(self, seg: Segmented, profile: LangProfile) -> None:
        self.seg = seg
        self.profile = profile
        self._by_sent: dict[int, list[tuple[int, int]]] = {}
        self._lexical: dict[tuple[int, int], dict[str, float | bool]] = {}
        self._role: dict[str, bool] = {}
        #: the draft each token's content belongs to (-1: none), see index_drafts
        self.owner: list[int] = [-1] * len(seg.words)
        self.draft_index: dict[int, int] = {}
        #: lower-cased words of the speakers of the drafts seen so far
        self.spoken: set[str] = set()
        self._kind: dict[str, ActorKind | None] = {}
        self.lower_words = {w for w in seg.words if w[:1].islower()}
        self.counts = Counter(w.lower() for w in seg.words if w[:1].isupper())
        self.para_starts = [a for a, _ in seg.paragraphs]

    def index_drafts(self, drafts: list[Draft]) -> None:
        """Which draft's content each token is (the last one's where contents overlap)."""
        for k, d in enumerate(drafts):
            self.draft_index[id(d)] = k
            for p in d.parts:
                self.owner[p.a : p.b] = [k] * (p.b - p.a)

    def role(self, w: str) -> bool:
        """``profile.is_role_noun``, memoised for the document."""
        got = self._role.get(w)
        if got is None:
            got = self._role[w] = self.profile.is_role_noun(w)
        return got

    def kind(self, w: str) -> ActorKind | None:
        """``profile.actor_kind_hint``, memoised for the document."""
        if w in self._kind:
            return self._kind[w]
        got = self._kind[w] = self.profile.actor_kind_hint(w)
        return got

    def paragraph(self, i: int) -> int:
        return bisect.bisect_right(self.para_starts, self.seg.starts[i]) - 1

    def sentence(self, s: int) -> list[tuple[int, int]]:
        got = self._by_sent.get(s)
        if got is None:
            got = self._by_sent[s] = _chunk(self, s)
        return got


def _chunk(dm: DocMentions, s: int) -> list[tuple[int, int]]:
    from sayso.extract.according import noun_phrase_end

    seg, profile = dm.seg, dm.profile
    words = seg.words
    a, b = seg.sentences[s]
    out = []
    i = a
    while i < b:
        w = words[i]
        low = w.lower()
        e = i
        if w[:1].isalnum() and (
            w[:1].isupper() or low in profile.determiners or dm.role(w) or dm.kind(w) is not None
        ):
            e = noun_phrase_end(seg, profile, i, b)
        pronoun = profile.is_speaker_pronoun(low) or low in profile.relative_pronouns
        if e - i > 1 or (e > i and not pronoun and low not in profile.determiners):
            out.append((i, e))
            i = e
            continue
        if pronoun:
            out.append((i, i + 1))
        i += 1
    return out


def candidates(dm: DocMentions, d: Draft, prev: Draft | None) -> list[Candidate]:
    """The candidate speakers of draft ``d`` with their feature rows (see
    :data:`FEATURES`); ``prev`` is the draft before it. Call it on the drafts in document
    order, after :meth:`DocMentions.index_drafts`."""
    seg = dm.seg
    s0, s1 = d.parts[0].sent, d.parts[-1].sent
    lo, hi = max(0, s0 - BEFORE), min(len(seg.sentences) - 1, s1 + AFTER)
    content = {i for p in d.parts for i in range(p.a, p.b)}
    cands = [Candidate(a, b, s) for s in range(lo, hi + 1) for a, b in dm.sentence(s)]
    have = {(c.a, c.b) for c in cands}
    for r in d.speaker:
        if (r.a, r.b) not in have:
            cands.append(Candidate(r.a, r.b, r.sent))
            have.add((r.a, r.b))
    prev_spans = _speaker_spans(seg, prev) if prev is not None else ()
    if d.speaker_spans:
        _add_spans(seg, cands, have, d.speaker_spans)
    if prev_spans:
        _add_spans(seg, cands, have, prev_spans)
    anchor = d.cue[0].a if d.cue else d.a
    cands.sort(key=lambda c: abs(c.a - anchor))
    cands = cands[:MAX_CANDIDATES]
    cands.sort(key=lambda c: c.a)
    _features(dm, d, prev, prev_spans, content, cands)
    # what the next drafts see as spoken before them
    dm.spoken.update(seg.words[i].lower() for r in d.speaker for i in range(r.a, r.b))
    return cands


def _add_spans(
    seg: Segmented, cands: list[Candidate], have: set[tuple[int, int]], spans: tuple[Span, ...]
) -> None:
    a = bisect.bisect_left(seg.starts, spans[0].start)
    b = max(a + 1, bisect.bisect_left(seg.starts, spans[-1].end))
    if (a, b) in have or a >= len(seg.words):
        return
    cands.append(Candidate(a, b, seg.sentence_of[a], spans=spans))
    have.add((a, b))


def _speaker_spans(seg: Segmented, d: Draft) -> tuple[Span, ...]:
    if d.speaker_spans is not None:
        return d.speaker_spans
    return tuple(seg.token_span(x.a, x.b) for x in d.speaker)


def _overlaps_spans(seg: Segmented, c: Candidate, spans: tuple[Span, ...]) -> bool:
    if not spans:
        return False
    x = c.spans[0] if c.spans else seg.token_span(c.a, c.b)
    return any(x.overlaps(y) for y in spans)


def _overlaps_runs(c: Candidate, runs: list[Seg]) -> bool:
    return any(c.a < r.b and r.a < c.b for r in runs)


def _features(
    dm: DocMentions,
    d: Draft,
    prev: Draft | None,
    prev_spans: tuple[Span, ...],
    content: set[int],
    cands: list[Candidate],
) -> None:
    seg = dm.seg
    words = seg.words
    rule_spans = _speaker_spans(seg, d)
    crf = "crf.roles.statement.v1" in d.rules and not any(
        r.startswith("group.speaker.") for r in d.rules
    )
    inherited = d.speaker_spans is not None
    owner, me = dm.owner, dm.draft_index.get(id(d), -1)

    def in_other(i: int) -> bool:
        return owner[i] >= 0 and owner[i] != me

    cue_a = d.cue[0].a if d.cue else None
    cue_b = d.cue[0].b if d.cue else None
    cue_sent = seg.sentence_of[cue_a] if cue_a is not None else -1
    s0 = d.parts[0].sent
    para = dm.paragraph(d.a)
    first_np = next((m for m in dm.sentence(s0) if not in_other(m[0])), None)
    prev_adjacent = prev is not None and prev.parts[-1].sent >= s0 - 1
    n = len(cands)
    anchor = cue_a if cue_a is not None else d.a
    before = sorted((c for c in cands if c.a < anchor), key=lambda c: -c.a)
    after = sorted((c for c in cands if c.a >= anchor), key=lambda c: c.a)
    side_rank = {id(c): k for group in (before, after) for k, c in enumerate(group)}
    spoken = dm.spoken
    for c in cands:
        toks = range(c.a, c.b)
        gap = c.a - d.b if c.a >= d.b else (c.b - d.a if c.b <= d.a else 0)
        rule = _overlaps_spans(seg, c, rule_spans)
        was_prev = _overlaps_spans(seg, c, prev_spans)
        row = {
            "rule": rule,
            "rule_crf": crf and rule,
            "rule_inherit": inherited and rule,
            "prev": was_prev,
            "prev_same": prev_adjacent and was_prev,
            "addressee": _overlaps_runs(c, d.addressee),
            "in_content": sum(i in content for i in toks) / len(toks),
            "in_other": any(in_other(i) for i in toks),
            "in_quote": any(seg.quote_depth[i] for i in toks),
            "sent_dist": c.sent - s0,
            "para_cross": dm.paragraph(c.a) != para,
            "has_cue": cue_a is not None,
            "cue_dist": c.a - cue_a if cue_a is not None else 0,
            "cue_adj_after": cue_b is not None and c.a == cue_b,
            "cue_adj_before": cue_a is not None and c.b == cue_a,
            "cue_same_sent": c.sent == cue_sent,
            "content_gap": gap,
            "first_in_content_sent": first_np is not None and (c.a, c.b) == first_np,
            "sent_initial": c.a == seg.sentences[c.sent][0],
            "rank_side": side_rank.get(id(c), n),
            "form_direct": d.form is Form.DIRECT,
            "form_indirect": d.form is Form.INDIRECT,
            "form_reported": d.form is Form.REPORTED,
            "form_free": d.form in (Form.FREE_INDIRECT, Form.INDIRECT_FREE_INDIRECT),
            "n_candidates": n,
            "prev_exists": bool(prev_spans),
            "speaker_before": words[c.b - 1].lower() in spoken,
        }
        lex = dm._lexical.get((c.a, c.b))
        if lex is None:
            lex = dm._lexical[(c.a, c.b)] = _lexical(dm, c)
        row.update(lex)
        c.features = [float(row[f]) for f in FEATURES]


def _lexical(dm: DocMentions, c: Candidate) -> dict[str, float | bool]:
    """The features of the candidate's own words and their neighbours."""
    profile, words = dm.profile, dm.seg.words
    first, last = words[c.a], words[c.b - 1]
    low = first.lower()
    prons = profile.pronoun(low) if c.b - c.a == 1 else ()
    kinds = {dm.kind(w) for w in words[c.a : c.b]}
    before_w = words[c.a - 1] if c.a > 0 else ""
    after_w = words[c.b] if c.b < len(words) else ""
    return {
        "n_tokens": c.b - c.a,
        "pronoun": bool(prons),
        "pron_person": any(p.number == "sg" and p.gender in ("m", "f") for p in prons),
        "pron_first": any(p.person == 1 for p in prons),
        "relative": low in profile.relative_pronouns and c.b - c.a == 1,
        "name": all(w[:1].isupper() for w in words[c.a : c.b] if w[:1].isalpha()),
        "role": any(dm.role(w) for w in words[c.a : c.b]),
        "kind_org": ActorKind.ORGANIZATION in kinds,
        "kind_outlet": ActorKind.OUTLET in kinds,
        "kind_anon": ActorKind.ANONYMOUS in kinds,
        "kind_doc": ActorKind.DOCUMENT in kinds,
        "lower_elsewhere": first[:1].isupper() and low in dm.lower_words,
        "det_start": low in profile.determiners,
        "obj_det": low in profile.object_determiners,
        "governed": before_w.lower() in profile.prepositions,
        "addr_prep": before_w.lower() in profile.addressee_prepositions,
        "headed": speaker_head(profile, last),
        "after_comma": before_w == ",",
        "according": bool(profile.according_to_at(before_w.lower()))
        or bool(after_w and profile.according_to_at(after_w.lower())),
        "freq_last": min(dm.counts.get(last.lower(), 0), 20),
        "next_lower": _verbish(profile, after_w),
        "prev_lower": _verbish(profile, before_w),
        "next_cue": profile.cue(after_w) is not None or bool(profile.particle_cues(after_w)),
        "function_word": c.b - c.a == 1
        and (low in profile.determiners or low in profile.prepositions or bool(prons)),
    }


def _verbish(profile: LangProfile, w: str) -> bool:
    """A lower-case word that is no determiner, preposition, pronoun or conjunction: in a
    German or English clause most often a verb."""
    low = w.lower()
    return (
        w[:1].islower()
        and w[:1].isalpha()
        and low not in profile.determiners
        and low not in profile.prepositions
        and low not in profile.complementizers
        and not profile.pronoun(low)
    )
