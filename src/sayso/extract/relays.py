"""Relays: statements whose words reach the reader through someone other than the speaker.

- "Die Agentur Interfax zitierte den Premier mit den Worten: „…“", "The agency quoted the
  premier as saying …": the verb's object is the speaker, its subject the relay;
- "Der Verein ließ über seinen Anwalt mitteilen, …", "ließ verlautbaren": the subject of
  the causative verb is the speaker and the verb with its infinitive the cue; the
  channel ("über seinen Anwalt") is the relay.

The relay is kept on the draft (``Draft.relay``) and becomes the statement's evidence
``group.relay.mention.v1`` with the relay's words as span: the hook from which the source chain
takes the relay as a hop before the speaker. Words: ``shapes.json`` ``relay`` and
``causative``.
"""

from __future__ import annotations

from sayso.extract.according import noun_phrase_end
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, Draft, Seg, as_runs, konjunktiv_in, speaker_head
from sayso.lang import LangProfile
from sayso.lang.shapes import Shapes, shapes
from sayso.model import Form
from sayso.text.segment import Segmented

#: words between a causative verb and its infinitive ("ließ am Montag über X mitteilen")
MAX_CAUSATIVE_GAP = 10


def _clause_start(seg: Segmented, profile: LangProfile, a: int, v: int) -> int:
    lo = v
    while lo > a and seg.words[lo - 1] not in profile.clause_breaks and not seg.quote_depth[lo - 1]:
        lo -= 1
    return lo


def _np(seg: Segmented, profile: LangProfile, j: int, end: int) -> tuple[int, int] | None:
    """A noun phrase starting at ``j`` that ends in a head word (a name, a role noun, a
    pronoun), or None."""
    words = seg.words
    if j >= end:
        return None
    low = words[j].lower()
    if profile.is_speaker_pronoun(low) and low not in profile.determiners:
        return j, j + 1
    if not (words[j][:1].isupper() or low in profile.determiners):
        return None
    e = noun_phrase_end(seg, profile, j, end)
    while e > j + 1 and not speaker_head(profile, words[e - 1]):
        e -= 1
    return (j, e) if e > j and speaker_head(profile, words[e - 1]) else None


def _skip_adverbs(seg: Segmented, profile: LangProfile, j: int, end: int) -> int:
    """Past lowercase adverbs ("zitiert dazu X"): not determiners, pronouns or
    prepositions."""
    words = seg.words
    while (
        j < end
        and words[j][:1].islower()
        and words[j].lower() not in profile.determiners
        and words[j].lower() not in profile.prepositions
        and not profile.is_speaker_pronoun(words[j].lower())
    ):
        j += 1
    return j


def _subject_object(
    seg: Segmented, profile: LangProfile, lo: int, v: int, end: int
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(subject, object) of the relay verb at ``v`` in the clause ``[lo, end)``: the
    subject before the verb and the object after it, or both after it when an adverbial
    opens the clause ("Am Abend zitierte die Agentur den Premier")."""
    words = seg.words
    opener = seg.lows[lo] if lo < v else ""
    adverbial = opener in profile.prepositions or opener in shapes(profile.lang).intro_not_subjects
    before = _np(seg, profile, lo, v) if lo < v and not adverbial else None
    if before is not None and before[1] != v:
        before = None
    if before is not None and words[lo].lower() in profile.object_determiners:
        return None  # "Den Premier zitierte die Agentur": rare, and the order is unclear
    j = _skip_adverbs(seg, profile, v + 1, end)
    first = _np(seg, profile, j, end)
    if first is None:
        return None
    if before is not None:
        return before, first
    if lo < v and not adverbial and words[lo][:1].isupper():
        return None  # a noun phrase of unclear extent before the verb: no guess
    second = _np(seg, profile, _skip_adverbs(seg, profile, first[1], end), end)
    return (first, second) if second is not None else None


def _content_before(seg: Segmented, drafts: list[Draft], s: int, c: int) -> Draft | None:
    """The draft of sentence ``s`` whose content ends right before the comma before the
    causative verb at ``c`` ("Der Plan sei gescheitert, ließ der Minister mitteilen.")."""
    if c < 2 or seg.words[c - 1] != ",":
        return None
    for d in drafts:
        p = d.parts[-1]
        if p.sent == s and c - 2 <= p.b - 1 < c:
            return d
    return None


def _content_after(seg: Segmented, drafts: list[Draft], s: int, j: int) -> Draft | None:
    """The draft of sentence ``s`` whose content starts at ``j`` or up to two tokens
    later (a comma, a colon, a quotation mark); or one that runs through ``j`` from
    before (the whole sentence taken as content), cut to start at ``j``."""
    for d in drafts:
        p = d.parts[0]
        if p.sent != s or p.b <= j:
            continue
        if j <= p.a <= j + 2:
            return d
        if p.a < j and d.form is not Form.DIRECT:
            k = j + 1 if seg.words[j] == "," else j
            end = p.b
            while end > k + 1 and seg.words[end - 1] in FINAL:
                end -= 1
            d.parts[0] = Seg(k, end, "indirect", s)
            d.form = Form.INDIRECT
            d.rules.append("group.relay.content_after.v1")
            return d
    return None


def _phrase_at(seg: Segmented, phrases: tuple[tuple[str, ...], ...], j: int) -> int | None:
    """The end of the first of ``phrases`` starting at ``j``."""
    for ph in phrases:
        if tuple(seg.lows[j : j + len(ph)]) == ph:
            return j + len(ph)
    return None


def quoted_with(seg: Segmented, profile: LangProfile, sh: Shapes, drafts: list[Draft]) -> None:
    """A draft after "X zitierte Y mit den Worten" / "X quoted Y as saying" takes Y as
    speaker, the verb and the phrase as cue, and X as relay."""
    if not sh.relay_verbs:
        return
    words, lows = seg.words, seg.lows
    for s, (a, b) in enumerate(seg.sentences):
        if sh.relay_verbs.isdisjoint(lows[a:b]):
            continue
        for v in range(a, b):
            if lows[v] not in sh.relay_verbs or seg.quote_depth[v] or not words[v][:1].islower():
                continue
            lo = _clause_start(seg, profile, a, v)
            if any(lows[i] in profile.passive_auxiliaries for i in range(lo, v)):
                continue  # "Sie wird mit den Worten zitiert": the subject speaks
            roles = _subject_object(seg, profile, lo, v, b)
            if roles is None:
                continue
            subject, obj = roles
            hand = _phrase_at(seg, sh.relay_phrases, obj[1])
            if hand is None:
                continue
            target = _content_after(seg, drafts, s, hand)
            if target is None:
                continue
            target.speaker = [Seg(obj[0], obj[1], "S", s)]
            target.addressee = [x for x in target.addressee if x.b <= obj[0] or x.a >= obj[1]]
            target.speaker_spans = None
            target.cue = as_runs([v, *range(obj[1], hand)], s)
            target.relay = [Seg(subject[0], subject[1], "R", s)]
            target.rules.append("group.relay.quoted_with.v1")


def _causative(
    seg: Segmented, sh: Shapes, profile: LangProfile, a: int, b: int
) -> tuple[int, int, tuple[int, int] | None] | None:
    """(causative verb, infinitive, channel) of a sentence: "ließ über X mitteilen"."""
    lows = seg.lows
    for c in range(a, b):
        if lows[c] not in sh.causative_verbs or seg.quote_depth[c]:
            continue
        for i in range(c + 1, min(b, c + 1 + MAX_CAUSATIVE_GAP)):
            if seg.words[i] in profile.clause_breaks or seg.quote_depth[i]:
                break
            if lows[i] in sh.causative_infinitives and seg.words[i][:1].islower():
                channel = None
                for j in range(c + 1, i):
                    if lows[j] in sh.causative_channels:
                        np_ = _np(seg, profile, j + 1, i)
                        if np_ is not None:
                            channel = np_
                return c, i, channel
    return None


def causative_cues(seg: Segmented, profile: LangProfile, sh: Shapes, drafts: list[Draft]) -> None:
    """ "X ließ (über Y) mitteilen, …": the statement after it is X's, with "ließ …
    mitteilen" as cue and Y as relay; a Konjunktiv clause after the comma that no draft
    covers becomes one."""
    if not sh.causative_verbs:
        return
    words = seg.words
    for s, (a, b) in enumerate(seg.sentences):
        if sh.causative_verbs.isdisjoint(seg.lows[a:b]):
            continue
        got = _causative(seg, sh, profile, a, b)
        if got is None:
            continue
        c, i, channel = got
        lo = _clause_start(seg, profile, a, c)
        opener = seg.lows[lo] if lo < c else ""
        adverbial = opener in profile.prepositions or opener in sh.intro_not_subjects
        speaker = _np(seg, profile, lo, c) if lo < c and not adverbial else None
        if speaker is None or speaker[1] != c:
            if lo < c and not adverbial:
                continue  # the words before the verb are no clear subject
            speaker = _np(seg, profile, _skip_adverbs(seg, profile, c + 1, i), i)
        if speaker is None or words[speaker[0]].lower() in profile.object_determiners:
            continue
        target = _content_after(seg, drafts, s, i + 1)
        if target is None and lo == c:
            target = _content_before(seg, drafts, s, c)
        if target is None:
            end = b
            while end > i and words[end - 1] in FINAL:
                end -= 1
            if i + 1 >= b or words[i + 1] != "," or end - (i + 2) < 3:
                continue
            if any(d.parts[0].sent == s and d.b > i for d in drafts):
                continue
            if not konjunktiv_in(words, i + 2, end, clause=False) and (
                seg.lows[i + 2] not in profile.complementizers
            ):
                continue
            target = Draft([Seg(i + 2, end, "indirect", s)], Form.INDIRECT)
            target.rules.append("rule.relay.causative.v1")
            drafts.append(target)
        else:
            target.rules.append("group.relay.causative.v1")
        target.speaker = [Seg(speaker[0], speaker[1], "S", s)]
        target.speaker_spans = None
        target.cue = as_runs([c, i], s)
        target.frame = [Seg(lo, i + 1, "F", s)]
        if channel is not None:
            target.relay = [Seg(channel[0], channel[1], "R", s)]


@component("extract.relays.quoted_with.v1", Stage.REFINE)
def refine_quoted_with(w: Work) -> None:
    """A statement after "X zitierte Y mit den Worten" is Y's, relayed by X."""
    quoted_with(w.seg, w.profile, shapes(w.profile.lang), w.drafts)


@component("extract.relays.causative.v1", Stage.REFINE, langs=frozenset({"de"}))
def refine_causative(w: Work) -> None:
    """A statement after "X ließ (über Y) mitteilen" is X's, with "ließ … mitteilen" as cue."""
    causative_cues(w.seg, w.profile, shapes(w.profile.lang), w.drafts)
    w.drafts.sort(key=lambda d: (d.a, d.b))
