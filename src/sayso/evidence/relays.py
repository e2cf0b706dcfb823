"""Relays: who passed a statement on, and who only looks like a speaker.

Three shapes the chain module alone reads wrongly (see :mod:`sayso.evidence.chains`):

- an *interview*: "…, sagte der Minister der Zeitung Le Monde" — the tagger's speaker
  phrase runs on into the outlet, which is where the minister spoke, not who spoke; the
  speaker is cut before the outlet (which stays an outer hop, ``chain.outlet_in_frame``);
- a *scope opener* taken for a speaker: "Demnach sei …" — "Demnach" points back at the
  latest report and names no one; the statement loses the speaker and takes that report's
  whole chain (``chain.scope.forward``);
- a *relay verb*: "Die Agentur X zitierte den Premier mit den Worten …", "Reuters quoted
  the minister as saying …", "Der Minister wird von der Zeitung mit den Worten zitiert"
  — the quoted person is the speaker, the subject (or the passive's agent) of the quoting
  verb an outer hop (``chain.relay.v1``).

The words are the language's ``reporting.json`` (``relay_cues``, ``relay_agent``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sayso.evidence import chains
from sayso.evidence.chains import Hop, noun_phrase, tokens_of
from sayso.evidence.interview_scope import dates_in, interview_fillers
from sayso.evidence.phrases import phrase_at, phrase_opening
from sayso.extract.component import Stage, Work, component
from sayso.lang import LangProfile
from sayso.lang.reporting import framing_words
from sayso.model import Span, Statement
from sayso.text.segment import Segmented

INTERVIEW_RULE = "group.speaker.interview.v1"
OPENER_RULE = "group.speaker.scope_opener.v1"
RELAYED_SUBJECT_RULE = "group.speaker.relayed_subject.v1"
RELAY_RULE = "chain.relay.v1"
PREFIELD_RULE = "chain.interview_prefield.v1"
HELD_RULE = "chain.held_by.v1"
INTERVIEW_HOP_RULE = "chain.interview.v1"
AUTHOR_RULE = "chain.document_author.v1"


def _cut_interview(
    seg: Segmented, profile: LangProfile, s: Statement, contents: frozenset[int]
) -> Statement | None:
    """``s`` with its speaker cut before an outlet it spoke to, or None when its speaker
    phrase holds no such outlet."""
    speaker = tokens_of(seg, s.speaker)
    cue = tokens_of(seg, s.cue)
    if not speaker or not cue or len(s.speaker) != 1:
        return None
    sents = chains.sentences_of(seg, s)
    if not sents:
        return None
    a, b = seg.sentences[sents[0]][0], seg.sentences[sents[-1]][1]
    outlet = chains._outlet_in_frame(seg, profile, a, b, contents, speaker, min(cue))
    if outlet is None:
        return None
    span = chains.token_range(seg, outlet)
    first = span.start
    if first not in speaker:
        return None
    if len(span) == 1 and not profile.is_outlet(seg.words[first]):
        # a bare outlet noun without a name ("sagte der Sprecher der Zeitung") reads as a
        # genitive: the newspaper's spokesman, one speaker
        return None
    # back over the outlet's determiner and adjectives ("der französischen Zeitung", "der
    # Belgrader Zeitung")
    k = first
    det = next(
        (
            j
            for j in range(first - 1, first - 4, -1)
            if j in speaker and seg.lows[j] in profile.determiners
        ),
        None,
    )
    if det is not None:
        k = det
    while k - 1 in speaker and seg.words[k - 1][:1].islower():
        k -= 1
    lo = min(speaker)
    # a time phrase between the speaker and the outlet ends the speaker ("ein Offizier am
    # Dienstag der Agentur AFP")
    tails = framing_words(profile.lang).speaker_tails
    k = next((j for j in range(lo + 1, k) if seg.lows[j] in tails), k)
    if k <= lo or not any(seg.words[i][:1].isupper() for i in range(lo, k)):
        return None
    rules = (*s.rules, INTERVIEW_RULE)
    return replace(s, speaker=(seg.token_span(lo, k),), rules=rules)


def _subject_after_cue(seg: Segmented, profile: LangProfile, s: Statement) -> Span | None:
    """The subject right after a speech verb of a statement whose speaker is the source
    of an according-to phrase before that verb ("Nach Angaben von X sagte ein Sprecher")."""
    cue = sorted(tokens_of(seg, s.cue))
    speaker = tokens_of(seg, s.speaker)
    if len(cue) < 2 or not speaker or seg.lows[cue[0]] not in profile.according_to_triggers:
        return None
    verb = next((i for i in cue[1:] if profile.cue(seg.lows[i]) is not None), None)
    if verb is None or max(speaker) > verb or verb + 1 >= len(seg.words):
        return None
    j = verb + 1
    if not (seg.lows[j] in profile.determiners or seg.words[j][:1].isupper()):
        return None
    np_ = noun_phrase(seg, profile, j, seg.sentences[seg.sentence_of[verb]][1])
    if np_ is None or set(range(*np_)) & tokens_of(seg, s.content):
        return None
    return seg.token_span(*np_)


def _opener_speaker(seg: Segmented, profile: LangProfile, s: Statement) -> bool:
    """Is the statement's speaker only a scope opener at the start of its sentence
    ("Demnach", "Dem Bericht zufolge")?"""
    speaker = tokens_of(seg, s.speaker)
    sents = chains.sentences_of(seg, s)
    if not speaker or not sents:
        return False
    a, b = seg.sentences[sents[0]]
    ph = phrase_opening(seg.words, a, b, profile.evidence.forward_scope)
    return ph is not None and speaker <= set(range(a, a + len(ph)))


def fix_speakers(
    seg: Segmented, profile: LangProfile, statements: list[Statement]
) -> list[Statement]:
    """Interview outlets cut from the speaker phrase; scope openers are no speakers."""
    contents: frozenset[int] = frozenset(i for s in statements for i in tokens_of(seg, s.content))
    out = []
    cut: dict[tuple[Span, ...], tuple[Span, ...]] = {}  # old speaker -> cut speaker
    for s in statements:
        if _opener_speaker(seg, profile, s) or (s.speaker and cut.get(s.speaker) == ()):
            # also a continuation that inherited the opener as its speaker; the tagger's
            # phrase stays (the extraction's answer), the chain ignores it
            cut[s.speaker] = ()
            s = replace(s, rules=(*s.rules, OPENER_RULE))
        elif (subject := _subject_after_cue(seg, profile, s)) is not None:
            # "Nach Angaben der Agentur Reuters sagte ein Regierungssprecher, …": the
            # spokesman speaks, the agency (an according-to hop) relays him
            s = replace(s, speaker=(subject,), rules=(*s.rules, RELAYED_SUBJECT_RULE))
        elif s.speaker in cut:
            # a continuation inheriting the interview's speaker phrase
            s = replace(s, speaker=cut[s.speaker], rules=(*s.rules, INTERVIEW_RULE))
        else:
            new = _cut_interview(seg, profile, s, contents)
            if new is not None:
                cut[s.speaker] = new.speaker
                s = new
            elif (joined := _split_outlet_dative(seg, s)) is not None:
                # the extraction already split "der Minister | der Zeitung W" (addressee);
                # a continuation that inherited the whole phrase takes the speaker part
                cut[joined] = s.speaker
        out.append(s)
    return out


def _split_outlet_dative(seg: Segmented, s: Statement) -> tuple[Span, ...] | None:
    """The speaker phrase before the extraction cut an outlet addressee right after it
    ("der Minister" + "der Zeitung W"), or None."""
    if len(s.speaker) != 1 or len(s.addressee) != 1:
        return None
    sp, ad = s.speaker[0], s.addressee[0]
    if sp.end > ad.start or seg.text[sp.end : ad.start].strip():
        return None
    return (Span(sp.start, ad.end),)


def _subject_before(
    seg: Segmented, profile: LangProfile, a: int, cue: int, skip: frozenset[int]
) -> tuple[int, int] | None:
    """The noun phrase opening the clause of the cue at ``cue`` (sentence start ``a``),
    outside ``skip``: the subject of "Die Agentur X zitierte …"."""
    words = seg.words
    for j in range(a, cue):
        if j in skip or seg.quote_depth[j]:
            return None
        if words[j].lower() in profile.determiners or words[j][:1].isupper():
            np_ = noun_phrase(seg, profile, j, cue)
            if np_ is not None and np_[1] == cue:
                return np_
            return None
    return None


def relay_hops(
    seg: Segmented, profile: LangProfile, statements: Sequence[Statement]
) -> dict[str, list[Hop]]:
    """Outer hops of statements a relay verb passes on: statement id -> hops."""
    fw = framing_words(profile.lang)
    words = seg.words
    out: dict[str, list[Hop]] = {}
    for s in statements:
        cue = sorted(tokens_of(seg, s.cue))
        speaker = tokens_of(seg, s.speaker)
        sents = chains.sentences_of(seg, s)
        if not cue or not speaker or not sents:
            continue
        a, b = seg.sentences[sents[0]]
        lemma = profile.cue_lemma_at(words, cue[0], b)
        skip = speaker | tokens_of(seg, s.content)
        hops = [
            _relay_source(seg, profile, a, b, cue[0], skip) if lemma in fw.relay_cues else None,
            _prefield_outlet(seg, profile, a, cue[0], speaker),
            _held_by(seg, profile, b, speaker),
            _interview(seg, profile, a, b, tokens_of(seg, s.content)),
            _addressee_outlet(seg, profile, s),
        ]
        got = [h for h in hops if h is not None]
        if got:
            out[s.id] = got
    _document_authors(seg, profile, statements, out)
    return out


def _outlet_np(seg: Segmented, profile: LangProfile, i: int, b: int) -> tuple[int, int] | None:
    """An outlet's name or an outlet head noun with its name, starting at token ``i``."""
    words = seg.words
    owner = profile.possessive_base(words[i])
    if owner is not None and profile.is_outlet(owner):
        return i, i + 1  # "on MSNBC's show"
    named = profile.match_outlet(words, i)
    if named is not None and words[i][:1].isupper():
        return i, i + named[1]
    if words[i].lower() in profile.evidence.outlet_heads and words[i][:1].isupper():
        j = i + 1
        while j < b and words[j][:1].isupper() and not seg.quote_depth[j]:
            j += 1
        return i, j
    return None


def _prefield_outlet(
    seg: Segmented, profile: LangProfile, a: int, cue: int, speaker: frozenset[int]
) -> Hop | None:
    """ "Dem Telegraph sagte er, …": a dative outlet alone before the cue, the speaker after
    it, is where the speaker spoke (an interview's outer hop)."""
    fw = framing_words(profile.lang)
    if not fw.dative_determiners or not speaker or min(speaker) < cue or cue - a < 2:
        return None
    if seg.lows[a] not in fw.dative_determiners:
        return None
    np_ = _outlet_np(seg, profile, a + 1, cue)
    if np_ is None or np_[1] != cue:
        return None
    return Hop(seg.token_span(a + 1, cue), True, PREFIELD_RULE, seg.token_span(a, cue + 1))


def _addressee_outlet(seg: Segmented, profile: LangProfile, s: Statement) -> Hop | None:
    """ "told CNN's Jake Tapper", "sagte dem ORF-Moderator": an addressee opening with an
    outlet's possessive names the outlet the speaker spoke to (an outer hop)."""
    toks = sorted(tokens_of(seg, s.addressee))
    for i in toks[:2]:
        owner = profile.possessive_base(seg.words[i])
        if owner is not None and profile.is_outlet(owner):
            return Hop(
                seg.token_span(i, i + 1), True, INTERVIEW_HOP_RULE, seg.token_span(i, toks[-1] + 1)
            )
    return None


def _interview(
    seg: Segmented, profile: LangProfile, a: int, b: int, content: frozenset[int]
) -> Hop | None:
    """ "in an interview with CNN", "speaking on MSNBC's …", "im Interview mit dem ORF":
    the outlet is where the speaker spoke (an outer hop), also where the tagger's content
    swallowed the phrase at its start ("said in an interview with CNN that …")."""
    fw = framing_words(profile.lang)
    if not fw.interview:
        return None
    first = min(content, default=b)
    for i, j in phrase_at(seg, fw.interview, a, b, set()):
        if i in content and i > first + 2:
            continue  # inside someone's words
        k = j
        fillers = interview_fillers(profile.lang)
        # "in an interview broadcast Sunday on CBS": fillers and dates before the outlet
        while (
            k < b
            and k < j + 5
            and (
                seg.lows[k] in profile.determiners
                or seg.lows[k] in fillers
                or dates_in(seg, profile, (k,))
            )
        ):
            k += 1
        np_ = _outlet_np(seg, profile, k, b) if k < b else None
        if np_ is not None:
            return Hop(seg.token_span(*np_), True, INTERVIEW_HOP_RULE, seg.token_span(i, np_[1]))
    return _outlet_piece(seg, profile, a, b, content)


def _outlet_piece(
    seg: Segmented, profile: LangProfile, a: int, b: int, content: frozenset[int]
) -> Hop | None:
    """ "In a Wall Street Journal essay, Ivanka Trump wrote …", "in a CNN interview", "at
    the NBC forum": a preposition (``piece_prepositions``) and an article, an outlet's name
    and a piece or broadcast noun (``outlet_pieces``) outside the content — the outlet is
    where the speaker wrote or spoke (a broadcaster's forum or town hall: guidelines
    section 11)."""
    fw = framing_words(profile.lang)
    pieces = fw.outlet_pieces
    if not pieces:
        return None
    first = min(content, default=b)
    for i in range(a, b - 3):
        if seg.lows[i] not in fw.piece_prepositions or (i in content and i > first + 2):
            continue  # inside someone's words (not swallowed at the content's start)
        if seg.lows[i + 1] not in profile.determiners:
            continue
        named = profile.match_outlet(seg.words, i + 2)
        if named is None or not seg.words[i + 2][:1].isupper():
            continue
        end = i + 2 + named[1]
        while end + 1 < b and seg.words[end] == "/":  # "the NBC/MSNBC forum"
            also = profile.match_outlet(seg.words, end + 1)
            if also is None:
                break
            end += 1 + also[1]
        if end < b and seg.lows[end] in pieces:
            return Hop(
                seg.token_span(i + 2, end), True, INTERVIEW_HOP_RULE, seg.token_span(i, end + 1)
            )
    return None


def _held_by(seg: Segmented, profile: LangProfile, b: int, speaker: frozenset[int]) -> Hop | None:
    """ "Laut Dokumenten, die der Wiener Zeitung vorliegen, …": the outlet holding the
    speaker's document (in a relative clause right after it) is the outer hop."""
    fw = framing_words(profile.lang)
    end = max(speaker) + 1
    if not fw.held_by or end + 3 >= b or seg.words[end] != ",":
        return None
    for j in range(end + 2, min(end + 9, b)):
        if seg.words[j] in profile.clause_breaks:
            return None
        ph = profile.evidence.match(fw.held_by, seg.words, j)
        if ph is None:
            continue
        for i in range(end + 1, j):
            np_ = _outlet_np(seg, profile, i, j)
            if np_ is not None:
                return Hop(seg.token_span(*np_), True, HELD_RULE, seg.token_span(j, j + len(ph)))
        return None
    return None


def _document_or_outlet(seg: Segmented, profile: LangProfile, span: Span) -> bool:
    """Does the mention name a document or an outlet ("ein Medienbericht", "die Zeitung")?
    Neither writes a further document."""
    toks = chains.token_range(seg, span)
    if not toks:
        return True
    head = seg.words[toks[-1]]
    return (
        profile.is_document_head(head)
        or head.lower() in profile.evidence.outlet_heads
        or any(profile.match_outlet(seg.words, i) for i in toks)
    )


def _document_authors(
    seg: Segmented,
    profile: LangProfile,
    statements: Sequence[Statement],
    out: dict[str, list[Hop]],
) -> None:
    """ "Der Verband wies … zurück. …, hieß es in einer Mitteilung.": a document named with
    an indefinite article has as author the speaker of the sentence just before (an inner
    hop after the document)."""
    words = seg.words
    prev: Statement | None = None
    for s in statements:
        speaker = sorted(tokens_of(seg, s.speaker))
        here = chains.sentences_of(seg, s)
        before = chains.sentences_of(seg, prev) if prev is not None else []
        if (
            prev is not None
            and speaker
            and here
            and before
            and before[-1] == here[0] - 1
            and prev.speaker
            and not tokens_of(seg, prev.speaker) & tokens_of(seg, s.speaker)
            and words[speaker[0]].lower() in framing_words(profile.lang).indefinite_articles
            and profile.is_document_head(words[speaker[-1]])
            and not _document_or_outlet(seg, profile, prev.speaker[-1])
        ):
            out.setdefault(s.id, []).append(
                Hop(
                    prev.speaker[0], False, AUTHOR_RULE, seg.token_span(speaker[0], speaker[-1] + 1)
                )
            )
        prev = s


def _relay_source(
    seg: Segmented, profile: LangProfile, a: int, b: int, cue: int, skip: frozenset[int]
) -> Hop | None:
    """The relaying source of a quoting verb: its subject, or the agent of its passive
    ("wird von der Zeitung … zitiert", "was quoted by Reuters")."""
    fw = framing_words(profile.lang)
    words = seg.words
    subj = _subject_before(seg, profile, a, cue, skip)
    if subj is not None and not (
        subj[1] - subj[0] == 1 and profile.is_speaker_pronoun(words[subj[0]].lower())
    ):
        return Hop(seg.token_span(*subj), True, RELAY_RULE, seg.token_span(cue, cue + 1))
    for j in range(a, b):
        if j in skip or seg.quote_depth[j] or words[j].lower() not in fw.relay_agent:
            continue
        np_ = noun_phrase(seg, profile, j + 1, b)
        if np_ is not None and not skip & set(range(*np_)):
            return Hop(seg.token_span(*np_), True, RELAY_RULE, seg.token_span(cue, cue + 1))
    return None


@component("evidence.relays.speakers.v1", Stage.EVIDENCE, setting=("evidence", True))
def evidence_speakers(w: Work) -> None:
    """Cut an interview's outlet from the speaker phrase; a scope opener is no speaker."""
    w.statements = fix_speakers(w.seg, w.profile, w.statements)
