"""Colon introductions: a clause that ends in a colon and names who speaks next.

"Nach dem Spiel analysierte Trainer Max Huber: „Wir waren zu passiv.“", "„…“, sagte er
zum Branchendienst Kontext: „…“", "Der Angeklagte gab zu Protokoll: Er habe …", and the
second of two coordinated speakers: "Der Bürgermeister meinte, …, und die Stadträtin
ergänzte: „…“" — whose quotation the taggers give the first speaker, or lose. The
introduction runs back from the colon to the nearest clause break (a coordinator after
it opens a new one); it holds a cue (the lexicon's, or ``shapes.json`` ``intro``) and its
subject, before the verb ("die Stadträtin ergänzte") or after it when an adverbial comes
first ("Nach dem Spiel analysierte Trainer Huber"); an addressee may follow the subject
("zum Branchendienst Kontext"). What follows the colon — a quotation, or the rest of the
sentence — is the content; the statement there (the tagger's) takes the introduction's
roles. Contents after an introduction that no tagger found are not proposed: measured on
the two train halves, such statements cost more than they gained (docs/history.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from sayso.extract.according import noun_phrase_end
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, Draft, Seg, as_runs, cue_tokens, speaker_head, tok_at
from sayso.lang import LangProfile
from sayso.lang.shapes import Shapes, shapes
from sayso.text.quotes import MARK_RE
from sayso.text.segment import Segmented

#: an introduction has at most this many words (longer clauses are rarely one)
MAX_INTRO = 14


@dataclass(frozen=True, slots=True)
class Intro:
    """One colon introduction and the content it introduces (token ranges)."""

    colon: int
    start: int  # the introduction's first token
    cue: tuple[int, ...]
    speaker: tuple[int, int]
    addressee: tuple[int, int] | None
    content: tuple[int, int]  # from the first token after the colon
    quoted: bool


def _cues(seg: Segmented, profile: LangProfile, sh: Shapes, lo: int, hi: int) -> tuple[int, ...]:
    """The cue tokens of an introduction ``[lo, hi)``: a multi-word cue ("gab zu
    Protokoll"), else the lexicon's cue verbs and ``intro.cues``, lowercase only."""
    lows = seg.lows
    for i in range(lo, hi):
        for ph in sh.intro_phrases:
            if i + len(ph) <= hi and tuple(lows[i : i + len(ph)]) == ph:
                return tuple(range(i, i + len(ph)))
    toks = list(range(lo, hi))
    got = [i for i in cue_tokens(profile, seg.words, toks) if seg.words[i][:1].islower()]
    got += [i for i in toks if lows[i] in sh.intro_cues and i not in got]
    return tuple(sorted(got))


def _subject_after(
    seg: Segmented, profile: LangProfile, j: int, end: int
) -> tuple[int, int] | None:
    """The subject right after the verb: a pronoun, or a noun phrase ending in a head."""
    words = seg.words
    if j >= end:
        return None
    low = words[j].lower()
    if _pronoun(profile, low):
        return j, j + 1
    if low in profile.object_determiners or low in profile.prepositions:
        return None
    if not (words[j][:1].isupper() or low in profile.determiners):
        return None
    e = noun_phrase_end(seg, profile, j, end)
    while e > j + 1 and not speaker_head(profile, words[e - 1]):
        e -= 1
    if e <= j or not speaker_head(profile, words[e - 1]):
        return None
    return j, e


def _pronoun(profile: LangProfile, low: str) -> bool:
    """A personal pronoun that can be a speaker ("er", "sie"; not the article "das")."""
    return profile.is_speaker_pronoun(low) and low not in profile.determiners


def _outlet(profile: LangProfile, sh: Shapes, head: str) -> bool:
    """Does ``head`` name an outlet ("Zeitung", "Spiegel")?"""
    kind = profile.actor_kind_hint(head)
    return head.lower() in sh.outlet_nouns or (kind is not None and kind.value == "outlet")


def _subject_before(
    seg: Segmented, profile: LangProfile, sh: Shapes, lo: int, v: int
) -> tuple[int, int] | bool | None:
    """The subject filling ``[lo, v)`` before the verb; False when an adverbial comes
    first (the subject follows the verb); None when the words there start like a noun
    phrase but are none."""
    words = seg.words
    if v == lo:
        return False
    low = words[lo].lower()
    if v == lo + 1 and _pronoun(profile, low):
        return lo, v
    if low in profile.object_determiners:
        return None  # a fronted object ("Den Namen gab das ZDF bekannt:"): no speech
    if low in profile.prepositions:
        return False
    if not (words[lo][:1].isupper() or low in profile.determiners):
        return False
    if v == lo + 1 and low in sh.intro_not_subjects:
        return False
    if noun_phrase_end(seg, profile, lo, v) == v and speaker_head(profile, words[v - 1]):
        return lo, v
    return None  # a noun phrase of unclear extent: no guess


def _start(seg: Segmented, profile: LangProfile, sh: Shapes, a: int, k: int) -> tuple[int, bool]:
    """The first token of the introduction ending at colon ``k``, and whether a
    coordinator opens it."""
    words, depth = seg.words, seg.quote_depth
    lo = k
    while lo > a:
        w = words[lo - 1]
        ordinal = w == "." and lo > 1 and words[lo - 2].isdigit()  # "am 9. November"
        if depth[lo - 1] or w in profile.clause_breaks or MARK_RE.fullmatch(w):
            break
        if w in FINAL and not ordinal:
            break
        lo -= 1
    # a coordinator opens a clause only after a comma: "…, und B ergänzte:", not
    # "Fraktions- und Parteivorsitzenden betont:"
    coordinated = lo < k and seg.lows[lo] in sh.intro_coordinators
    if coordinated and not (lo > a and words[lo - 1] == ","):
        return k, False  # no introduction here
    return lo + coordinated, coordinated


def _speaker(
    seg: Segmented,
    profile: LangProfile,
    sh: Shapes,
    lo: int,
    cue: tuple[int, ...],
    k: int,
    coordinated: bool,
) -> tuple[int, int] | None:
    """The subject of the introduction ``[lo, k)`` with cue tokens ``cue``, or None when
    it is not clear which noun phrase is the subject."""
    words = seg.words
    v = cue[0]
    contiguous = cue[-1] == cue[0] + len(cue) - 1
    after_at = cue[-1] + 1 if len(cue) > 1 and contiguous else v + 1
    if after_at < k and seg.lows[after_at] in sh.intro_impersonal:
        return None  # "So heißt es in dem Schreiben:": no one named
    after = _subject_after(seg, profile, after_at, k)
    before = _subject_before(seg, profile, sh, lo, v)
    pronoun_after = after is not None and _pronoun(profile, seg.lows[after[0]])
    if isinstance(before, tuple):
        if seg.lows[before[0]] in sh.intro_impersonal:
            return None
        if after is None:
            return before
        if pronoun_after or _outlet(profile, sh, words[before[1] - 1]):
            return after  # "Der Zeitung sagte er:", "Der Zeitung sagte Karma:"
        # "Die Stadträtin sagte der Zeitung:" or "Dem Sender sagte die Ministerin:":
        # which is the subject only the case tells
        return before if seg.lows[after[0]] in profile.object_determiners else None
    if before is None:
        return None
    # "X, Chef von Y, kritisierte die Pläne:": the subject stands before an apposition's
    # comma; only a quotation's comma ("„…“, sagte er:") opens an introduction
    after_comma = v == lo and lo > 0 and words[lo - 1] == "," and not coordinated
    if after_comma and not (lo > 1 and MARK_RE.fullmatch(words[lo - 2])):
        return None
    return after


def find_intros(seg: Segmented, profile: LangProfile, sh: Shapes) -> list[Intro]:
    """Every colon introduction of the document with its speaker, cue and content."""
    words, depth = seg.words, seg.quote_depth
    opened = {q.open: q for q in seg.quotations if q.closed}
    out: list[Intro] = []
    for k in range(1, len(words) - 2):
        if words[k] != ":" or depth[k]:
            continue
        s = seg.sentence_of[k]
        a, b = seg.sentences[s]
        lo, coordinated = _start(seg, profile, sh, a, k)
        if k - lo < 2 or k - lo > MAX_INTRO:
            continue
        if any(seg.lows[i] in profile.complementizers for i in range(lo, k)):
            continue  # a subordinate clause ("…, wie er sagte:") is not an introduction
        cue = _cues(seg, profile, sh, lo, k)
        if not cue or any(seg.lows[i] in sh.relay_verbs for i in cue):
            continue  # "zitierte X mit den Worten:": the relays module's
        speaker = _speaker(seg, profile, sh, lo, cue, k, coordinated)
        if speaker is None:
            continue
        rest = max(speaker[1], cue[-1] + 1)
        addressee = None
        if rest < k and seg.lows[rest] in sh.intro_addressee_prepositions:
            e = noun_phrase_end(seg, profile, rest + 1, k)
            # "zu" also opens a topic ("erklärte zu einem Projekt"): only an outlet or a
            # person is addressed with it ("zum Branchendienst Kontext")
            heads = [seg.words[i] for i in range(rest + 1, e)]
            topic = seg.lows[rest] in sh.intro_topic_prepositions and not any(
                _outlet(profile, sh, h) or profile.is_role_noun(h) for h in heads
            )
            if e > rest + 1 and not topic:
                addressee = (rest + 1, e)
        c0 = k + 1
        if seg.starts[c0] in opened:
            q = opened[seg.starts[c0]]
            end = tok_at(seg, q.end - 1) + 1
            quoted = True
        elif words[c0][:1].isupper() and not depth[c0]:
            end = b
            while end > c0 and words[end - 1] in FINAL:
                end -= 1
            quoted = False
        else:
            continue
        if end - c0 < 3:
            continue
        out.append(Intro(k, lo, cue, speaker, addressee, (c0, end), quoted))
    return out


def _apply(d: Draft, it: Intro, sent: int, rule: str) -> None:
    d.speaker = [Seg(it.speaker[0], it.speaker[1], "S", sent)]
    d.speaker_spans = None
    d.cue = as_runs(list(it.cue), sent)
    if it.addressee is not None:
        d.addressee = [Seg(it.addressee[0], it.addressee[1], "A", sent)]
    d.frame = [Seg(it.start, it.colon + 1, "F", sent)]
    d.rules.append(rule)


def _draft_at(drafts: list[Draft], c0: int) -> Draft | None:
    """The draft whose content starts at ``c0`` (or one token later, after a mark)."""
    return next((d for d in drafts if d.a in (c0, c0 + 1)), None)


def refine_intro_speakers(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A draft right after a colon introduction whose speaker is not the introduction's
    subject (another clause's, an inherited one, one that swallowed the addressee) takes
    the introduction's speaker, cue and addressee."""
    sh = shapes(profile.lang)
    for it in find_intros(seg, profile, sh):
        d = _draft_at(drafts, it.content[0])
        if d is None:
            continue
        own = (it.speaker[0], it.speaker[1])
        if d.speaker_spans is None and [(x.a, x.b) for x in d.speaker] == [own]:
            if it.addressee is not None and not d.addressee:
                d.addressee = [Seg(*it.addressee, "A", seg.sentence_of[it.colon])]
                d.rules.append("group.intro.colon_addressee.v1")
            continue
        _apply(d, it, seg.sentence_of[it.colon], "group.intro.colon_speaker.v1")


@component("extract.intros.colon_speakers.v1", Stage.REFINE, langs=frozenset({"de"}))
def refine_colon_speakers(w: Work) -> None:
    """A statement after a colon introduction takes its speaker ("…, und B ergänzte: …")."""
    refine_intro_speakers(w.seg, w.profile, w.drafts)
