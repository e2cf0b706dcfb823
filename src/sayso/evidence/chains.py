"""Source chains: through whom a statement reached the reader.

A chain is the ordered list of sources from the article to the original speaker, outermost
first. The statement's own speaker is one hop; this module finds the others:

- *outer* hops stand between the article and the speaker: an according-to construction
  next to the statement's own frame ("Laut Verteidigungskreisen soll der General gesagt
  haben …" when the General is the speaker), a report sentence whose scope covers the
  statements before it ("Die Armee habe … geräumt. Das berichtet der Spiegel."), or a
  sentence opener carrying the previous report forward ("Demnach …");
- *inner* hops stand between the speaker and the original source: a source the speaker
  cites ("Reuters, citing two officials …", "unter Berufung auf Regierungskreise") and a
  speaker embedded in the reported content ("Die Washington Post berichtet, der Minister
  habe gesagt, …").

Every hop is a mention in the text; the actor module resolves mentions to actors, and
:func:`assemble` turns hops into actor-id chains with the evidence for each hop. Words
come from ``evidence.json`` (citing phrases, scope pronouns and openers).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from sayso.evidence.embedded import embedded_speaker
from sayso.evidence.phrases import attributed_phrase, phrase_at, phrase_opening
from sayso.extract import according
from sayso.lang import LangProfile
from sayso.model import Evidence, Span, Spans, Statement
from sayso.settings import DEFAULT
from sayso.text.segment import Segmented

EMBEDDED_RULE = "chain.embedded_speaker.v1"


@dataclass(frozen=True, slots=True)
class Hop:
    """A source mention that becomes a hop of a statement's chain."""

    mention: Span  # the source's words ("Verteidigungskreisen", "der Spiegel")
    outer: bool  # before the speaker (True) or after it (False)
    rule: str
    evidence: Span  # the words that make it a hop ("Laut", "unter Berufung auf", "berichtet")


@dataclass(frozen=True, slots=True)
class Scope:
    """A report sentence that attributes other sentences ("Das berichtet der Spiegel.")."""

    mention: Span
    cited: Span | None
    evidence: Span
    statements: tuple[str, ...]  # ids of the statements it covers
    rule: str
    #: "Dies bestätigte X": X confirms what others said; it relays nothing
    confirms: bool = False


def token_range(seg: Segmented, span: Span) -> range:
    """The tokens whose characters lie inside ``span``."""
    a = bisect.bisect_left(seg.starts, span.start)
    b = bisect.bisect_left(seg.starts, span.end)
    return range(a, b)


def tokens_of(seg: Segmented, spans: Spans) -> frozenset[int]:
    """The tokens of ``spans`` (memoised per document: asked for again and again)."""
    key = ("tokens", spans)
    got: frozenset[int] | None = seg.memo.get(key)
    if got is None:
        got = frozenset(i for sp in spans for i in token_range(seg, sp))
        seg.memo[key] = got
    return got


def sentences_of(seg: Segmented, s: Statement) -> list[int]:
    """The sentences holding a statement's content, cue and speaker (in this sentence):
    from the first to the last token of its content and cue (memoised per document: ten
    components ask for every statement)."""
    key = ("sentences", s.content, s.cue)
    got: range | None = seg.memo.get(key)
    if got is None:
        lo = hi = -1
        for sp in (*s.content, *s.cue):
            r = token_range(seg, sp)
            if r:
                lo = r.start if lo < 0 else min(lo, r.start)
                hi = max(hi, r.stop - 1)
        got = range(0) if lo < 0 else range(seg.sentence_of[lo], seg.sentence_of[hi] + 1)
        seg.memo[key] = got
    return list(got)


def _span(seg: Segmented, a: int, b: int) -> Span:
    return seg.token_span(a, b)


def noun_phrase(seg: Segmented, profile: LangProfile, i: int, end: int) -> tuple[int, int] | None:
    """The source noun phrase starting at token ``i`` (skipping nothing), or None."""
    j = according.noun_phrase_end(seg, profile, i, end)
    return (i, j) if j > i else None


def _cited(
    seg: Segmented, profile: LangProfile, a: int, b: int, covered: set[int]
) -> list[tuple[Span, Span]]:
    """(cited source, citing words) in tokens ``[a, b)``: "unter Berufung auf Kreise"."""
    out = []
    for i, j in phrase_at(seg, profile.evidence.citing, a, b, covered):
        np_ = attributed_phrase(seg, profile, j, b) or noun_phrase(seg, profile, j, b)
        if np_ is not None:
            out.append((_span(seg, *np_), _span(seg, i, j)))
    return out


def _source_after(seg: Segmented, profile: LangProfile, i: int, b: int) -> tuple[int, int] | None:
    """The first noun phrase in ``[i, b)``, a quoted title included ("die „Automobilwoche“")."""
    words = seg.words
    for j in range(i, b):
        low = words[j].lower()
        if low in profile.determiners and j + 1 < b and seg.quote_depth[j + 1]:
            k = j + 1
            while k < b and seg.quote_depth[k]:
                k += 1
            if k < b and not words[k][:1].isalnum():
                k += 1  # the closing mark
            return j, k
        if low in profile.determiners or words[j][:1].isupper():
            np_ = noun_phrase(seg, profile, j, b)
            if np_ is not None:
                return np_
    return None


def _outlet_in_frame(
    seg: Segmented,
    profile: LangProfile,
    a: int,
    b: int,
    contents: AbstractSet[int],
    speaker: AbstractSet[int],
    after: int,
) -> Span | None:
    """An outlet the statement was given to or published in, outside every content and
    not the speaker itself ("sagte Coeure der Zeitung Le Monde", "im griechischen
    Rundfunk", "told Yahoo News"): the outlet's name, or its head noun with the name after
    it. An outlet at the start of the speaker phrase is the speaker, not a further hop;
    only outlets after the cue (``after``) count: "Widerstände im ORF, sagt X" is a topic."""
    words = seg.words
    heads = profile.evidence.outlet_heads
    # inside the speaker phrase only after a person's name: "Coeure der Zeitung Le Monde",
    # not "der Bericht der Zeitung", "das Nachrichtenportal Bivol", "a report by Politico"
    first = next((i for i in sorted(speaker) if words[i][:1].isupper()), None)
    person_first = first is not None and not (
        profile.is_document_head(words[first])
        or words[first].lower() in heads
        or profile.match_outlet(words, first)
        or words[first].lower() in profile.evidence.account_nouns
    )
    for i in range(max(a, after), b):
        if i in contents or seg.quote_depth[i]:
            continue
        if i in speaker and (
            first is None
            or not person_first
            or i == first
            or not any(words[k].lower() in profile.determiners for k in range(first, i))
        ):
            continue  # "Coeure der französischen Zeitung Le Monde" passes
        named = profile.match_outlet(words, i)
        if named is not None and words[i][:1].isupper():
            if not _linked(seg, profile, i, after, speaker):
                continue  # "um Zeit und Ort", "eine Umfrage für die Times": no interview
            return _span(seg, i, i + named[1])
        if words[i].lower() in heads and words[i][:1].isupper():
            if not _linked(seg, profile, i, after, speaker):
                continue
            j = i + 1
            while j < b and words[j][:1].isupper() and j not in contents and not seg.quote_depth[j]:
                j += 1
            return _span(seg, i, j)
    return None


def _linked(
    seg: Segmented, profile: LangProfile, i: int, cue: int, speaker: AbstractSet[int]
) -> bool:
    """Is the outlet at token ``i`` the place of the speech act: right after the cue, the
    speaker or a linking word (``outlet_links``: "sagte er im ZDF", "gegenüber der APA",
    "im Gespräch mit der Frankfurter Allgemeinen Sonntagszeitung"), with articles,
    adjectives and dates between them ("sagte X am Sonntag der Belgrader Zeitung Danas")?
    Not an outlet further on in the sentence ("eine Umfrage für die Times", "im Auftrag
    der Bild GmbH") nor a common noun ("um Zeit und Ort"). Languages without
    ``outlet_links`` take every outlet after the cue."""
    links = profile.evidence.outlet_links
    if not links or i in speaker:
        return True  # an outlet inside the speaker phrase was checked before
    from sayso.evidence.interview_scope import day_words  # builds on this module

    words, lows = seg.words, seg.lows
    days = day_words(profile.lang)
    # the adjectives between a linking word and an outlet ("der serbischen
    # Nachrichtenagentur", "der Belgrader Zeitung", "der Frankfurter Allgemeinen")
    adjective_endings = profile.noun_phrase.adjective_endings
    k = i - 1
    if lows[i] in profile.evidence.outlet_heads and k > cue and words[k][:1].isupper():
        k -= 1  # the name before its head: "in Bugün TV"
    while k > cue and (
        lows[k] in profile.determiners
        or lows[k] in days
        or lows[k].isdigit()
        or (lows[k] not in links and lows[k].endswith(adjective_endings))
    ):
        k -= 1  # "der finnischen", "der Frankfurter Allgemeinen", "am Sonntag der"
    if k == cue or k in speaker or lows[k] in links:
        return True
    if k == cue + 1 and profile.is_speaker_pronoun(words[k]):
        return True  # "sagte er NBC"
    # a speaker the tagger did not mark: the outlet still follows the subject in the
    # cue's clause ("sagte seine Frau Ensaf Haidar am Sonntag der Agentur AFP")
    return not speaker and not any(words[j] in profile.clause_breaks for j in range(cue, i))


def find_hops(
    seg: Segmented,
    profile: LangProfile,
    statements: Sequence[Statement],
    min_confidence: float,
) -> dict[str, list[Hop]]:
    """Outer and inner hops of every statement found within its own sentences."""
    out: dict[str, list[Hop]] = {}
    matches: dict[int, list[according.Match]] = {}  # per sentence, shared by its statements
    cited_in: dict[int, list[tuple[Span, Span]]] = {}  # the same
    content_of_any: set[int] = set()
    for s in statements:
        content_of_any |= tokens_of(seg, s.content)
    for s in statements:
        hops: list[Hop] = []
        content = sorted(tokens_of(seg, s.content))
        own = set(content) | tokens_of(seg, s.speaker) | tokens_of(seg, s.cue)
        speaker = tokens_of(seg, s.speaker)
        for sent in sentences_of(seg, s):
            a, b = seg.sentences[sent]
            if sent not in matches:
                matches[sent] = according.find(seg, profile, sent, min_confidence)
            for m in matches[sent]:
                src = set(m.source)
                if not src or src & speaker or src & own or m.pattern.source != "slot":
                    continue
                if m.pattern.id.endswith(".citing"):
                    continue  # handled as an inner hop below
                # after a speaker's cue the source is the one it cites ("X reported that
                # …, according to a witness"), before it the one relaying it
                cue = [c for c in tokens_of(seg, s.cue) if not m.start <= c < m.end]
                # an outlet is never what a speaker cites: "…, he said, according to
                # Reuters" is Reuters relaying him
                relays = any(profile.match_outlet(seg.words, k) for k in src)
                # after an attribution that follows its content it relays the speech act
                # ("…, sagte Berg laut einer Aussendung der Kammer")
                postposed = bool(content) and bool(cue) and content[-1] < min(cue) < m.start
                hops.append(
                    Hop(
                        _span(seg, min(src), max(src) + 1),
                        relays or postposed or not (speaker and cue) or m.start < min(cue),
                        "chain.according_to.v1",
                        _span(seg, m.start, m.end),
                    )
                )
            if s.speaker:
                if sent not in cited_in:  # the same for every statement of the sentence
                    cited_in[sent] = _cited(seg, profile, a, b, content_of_any)
                for cited, words in cited_in[sent]:
                    hops.append(Hop(cited, False, "chain.citing.v1", words))
            cue_toks = tokens_of(seg, s.cue)
            outlet = (
                _outlet_in_frame(seg, profile, a, b, content_of_any, speaker, min(cue_toks))
                if cue_toks
                else None
            )
            if outlet is not None and not any(h.mention.overlaps(outlet) for h in hops):
                hops.append(Hop(outlet, True, "chain.outlet_in_frame.v1", outlet))
        embedded = embedded_speaker(seg, profile, content)
        if embedded is not None:
            hops.append(Hop(embedded[0], False, EMBEDDED_RULE, embedded[1]))
        if hops:
            out[s.id] = hops
    from sayso.evidence.relays import relay_hops  # relays builds on this module

    for sid, relayed in relay_hops(seg, profile, statements).items():
        known = {h.mention for h in out.get(sid, [])}
        out.setdefault(sid, [])[:0] = [h for h in relayed if h.mention not in known]
    return out


#: a report sentence covers at most this many sentences before it
def find_scopes(
    seg: Segmented,
    profile: LangProfile,
    statements: Sequence[Statement],
    max_sentences: int = DEFAULT.evidence_windows.chain_scope_sentences,
) -> list[Scope]:
    """Report sentences whose source covers other sentences (at most ``max_sentences``).

    Backward: a short sentence opening with a scope pronoun and a cue verb ("Das berichtet
    der Spiegel (unter Berufung auf Regierungskreise).", "This was reported by …" is not
    covered) covers the statements of the preceding sentences in its paragraph, or of the
    previous paragraph when it opens its own. Forward: a sentence opening with "Demnach",
    "Dem Bericht zufolge" belongs to the most recent report, so its statements share that
    report's source (handled by :func:`assemble` through the ``forward`` rule).
    """
    ev = profile.evidence
    words = seg.words
    by_sentence: dict[int, list[Statement]] = {}
    for s in statements:
        for sent in sentences_of(seg, s):
            by_sentence.setdefault(sent, []).append(s)
    para_of = paragraph_index(seg)
    para_first: dict[int, int] = {}  # paragraph -> its first sentence
    for k, p in enumerate(para_of):
        para_first.setdefault(p, k)
    out: list[Scope] = []
    for k, (a, b) in enumerate(seg.sentences):
        if b - a > 25:
            continue
        ph = phrase_opening(words, a, b, ev.backward_scope)
        if ph is None:
            continue
        i = a + len(ph)
        # the report verb right after the pronoun ("Das berichtet der Spiegel", "Dies gab
        # … bekannt"), or an auxiliary there and the verb later ("Das hat X berichtet");
        # "Das Ministerium bestätigte …" is a noun phrase, not a scope pronoun
        if i >= b:
            continue
        # a short report sentence of one clause: "Das wird … führen, sagt Ecker." is not one
        if any(words[j] in profile.clause_breaks and not seg.quote_depth[j] for j in range(a, b)):
            continue
        end = b - 1 if b - 1 > i and not words[b - 1][:1].isalnum() else b
        final_participle = profile.cue_lemma_at(words, end - 1, b) in ev.scope_cues
        if not (
            profile.cue_lemma_at(words, i, b) in ev.scope_cues
            or (words[i].lower() in ev.scope_auxiliaries and final_participle)
        ):
            continue
        cue = i
        src = _source_after(seg, profile, cue + 1, b)
        if src is None:
            continue
        cited = _cited(seg, profile, src[1], b, set())
        # the sentences covered: back through the paragraph (or the previous one)
        first = para_first[para_of[k]]
        if first == k and k > 0:
            first = para_first[para_of[k - 1]]
        # no news paragraph has this many sentences: a hostile one stays linear
        first = max(first, k - max_sentences)
        # back from the report sentence: the sentence right before it, and further ones
        # as long as their statements have no speaker of their own (continued speech)
        covered: list[str] = []
        mention = _span(seg, *src)
        for sent in range(k - 1, first - 1, -1):
            here = [s for s in by_sentence.get(sent, []) if sentences_of(seg, s)[0] == sent]
            own = [s for s in here if s.speaker and not _inherited(s)]
            if sent < k - 1 and own:
                break
            # a statement running on into the report sentence does not have it as its
            # source: its speaker would lie inside its content
            here = [s for s in here if not any(c.overlaps(mention) for c in s.content)]
            covered = [s.id for s in here] + covered
        if not covered:
            continue
        out.append(
            Scope(
                mention=mention,
                cited=cited[0][0] if cited else None,
                evidence=_span(seg, a, cue + 1),
                statements=tuple(covered),
                rule="chain.scope.backward.v1",
                confirms=profile.cue_lemma_at(words, cue, b) in ev.confirm_cues,
            )
        )
    return out


def _inherited(s: Statement) -> bool:
    return any(r.startswith("group.speaker.inherit") for r in s.rules)


def paragraph_index(seg: Segmented) -> list[int]:
    """Paragraph number of every sentence."""
    ends = [e for _, e in seg.paragraphs]
    return [min(bisect.bisect_right(ends, seg.starts[a]), len(ends) - 1) for a, _ in seg.sentences]


#: how sure each kind of hop is (the share of such hops a careful reader accepts, rounded
#: from the samples in docs/evidence-framing.md); recorded on the hop's evidence
HOP_CONFIDENCE: Mapping[str, float] = {
    "chain.according_to.v1": 0.9,
    "chain.citing.v1": 0.85,
    "chain.outlet_in_frame.v1": 0.8,
    EMBEDDED_RULE: 0.8,
    "chain.scope.backward.v1": 0.8,
    "chain.scope.forward.v1": 0.75,
    "chain.continued.v1": 0.7,
    "chain.relay.v1": 0.85,
    "chain.interview_prefield.v1": 0.8,
    "chain.document_author.v1": 0.7,
    "chain.held_by.v1": 0.85,
    "chain.interview.v1": 0.8,
}


#: statement rules saying its speaker phrase names no source
_NO_SOURCE = frozenset(("group.speaker.scope_opener.v1", "chain.hearsay_unknown.v1"))


def _hop_evidence(rule: str, span: Span | None, note: str | None = None) -> Evidence:
    return Evidence(rule, None, span, note, HOP_CONFIDENCE.get(rule))


@dataclass(slots=True)
class _Build:
    """One statement's chain under construction."""

    actor: str | None
    speaker: Spans
    outer: list[tuple[str, Evidence]]
    inner: list[tuple[str, Evidence]]
    ev: list[Evidence]


@dataclass(slots=True)
class _Memory:
    """What the chains before the current statement left: the latest chain of every actor,
    the latest chain overall and every actor's latest speaker mention."""

    chain_of: dict[str, tuple[str, ...]]
    last: tuple[str, tuple[str, ...]] | None
    speaker_of: dict[str, Spans]
    prev_spans: Spans = ()


def _scope(b: _Build, sc: Scope, actor_of: Mapping[Span, str], inherited: bool) -> None:
    """A report sentence covering the statement: its speaker, or an outer hop."""
    src = actor_of[sc.mention]
    note = "report sentence covering this statement"
    if b.actor is None or inherited:
        # the report sentence names the source of a speakerless or inherited statement
        b.actor, b.speaker = src, (sc.mention,)
        b.ev.append(Evidence(sc.rule, None, sc.evidence, note + "; it is the speaker"))
        if sc.cited is not None and sc.cited in actor_of:
            b.inner.append((actor_of[sc.cited], _hop_evidence("chain.citing.v1", sc.cited)))
    elif not sc.confirms:
        b.outer.append((src, _hop_evidence(sc.rule, sc.evidence, note)))


def _hops(b: _Build, hops: Sequence[Hop], actor_of: Mapping[Span, str]) -> None:
    for h in hops:
        aid = actor_of.get(h.mention)
        if aid is None:
            continue
        if h.rule == EMBEDDED_RULE and b.actor is not None and aid != b.actor:
            # "Die Zeitung berichtet, der General habe gesagt, …": the general is the
            # original speaker, the paper relays him (an outer hop)
            b.outer.append((b.actor, _hop_evidence(h.rule, h.evidence, "relays the speaker")))
            b.actor = aid  # the tagger's phrase stays its answer
            continue
        (b.outer if h.outer else b.inner).append((aid, _hop_evidence(h.rule, h.evidence)))


def _continued(b: _Build, mem: _Memory) -> None:
    """Continued speech keeps the outer sources of the statement it continues; a relay's
    continuation ("Die Lage sei ernst." after "Die Zeitung berichtet, der General habe
    gesagt, …") goes on with the relayed speaker's words."""
    assert b.actor is not None
    prev_chain = mem.chain_of[b.actor]
    k = prev_chain.index(b.actor)
    if k < len(prev_chain) - 1 and prev_chain[-1] in mem.speaker_of:
        k = len(prev_chain) - 1
        b.actor = prev_chain[k]
    note = "continues the same speaker"
    b.outer = [(x, _hop_evidence("chain.continued.v1", None, note)) for x in prev_chain[:k]]


def _forward(b: _Build, mem: _Memory, opener: Span) -> None:
    """A "Demnach" sentence continues the latest report; with no speaker of its own it
    takes the report's whole chain, its original speaker included."""
    assert mem.last is not None
    sid, prev = mem.last
    b.ev.append(Evidence("chain.scope.forward.v1", None, opener, f"continues {sid}"))
    if b.actor is None:
        b.actor = prev[-1]
        b.speaker = b.speaker or mem.speaker_of.get(prev[-1], ())
    rule = "chain.scope.forward.v1"
    b.outer = [(a, _hop_evidence(rule, opener)) for a in prev if a != b.actor]


def assemble(
    statements: Sequence[Statement],
    hops: Mapping[str, list[Hop]],
    scopes: Sequence[Scope],
    forward: Mapping[str, Span],
    actor_of: Mapping[Span, str],
    unknown: str,
) -> tuple[list[Statement], list[tuple[str, str]]]:
    """Chains as actor ids, outermost first, with one evidence record per hop.

    A statement without any source gets the document's ``unknown`` actor as its only hop
    (and as its actor), so a speakerless statement is explicit, never silently dropped. A
    source that appears twice is kept once; a chain that would loop (A → B → A) is cut at
    the repetition, and the cut is recorded. Returns the statements and, for each chain
    that had to be cut, (statement id, the repeated actor id).
    """
    scope_of: dict[str, Scope] = {}
    for scope in scopes:
        for sid in scope.statements:
            scope_of.setdefault(sid, scope)
    out: list[Statement] = []
    cut: list[tuple[str, str]] = []
    mem = _Memory({}, None, {})
    for s in statements:
        # "Demnach" taken for a speaker, a hearsay sentence given the previous speaker:
        # no source of their own (the tagger's phrase stays as its answer)
        ignored = not _NO_SOURCE.isdisjoint(s.rules)
        b = _Build(None if ignored else s.actor, s.speaker, [], [], [])
        sc = scope_of.get(s.id)
        # continued speech: inherited, or a cue-less statement given its predecessor's
        # speaker phrase by the tagger ("…, sagte er der Zeitung. Die Lage sei ernst.")
        inherited = not ignored and (
            _inherited(s) or (not s.cue and bool(s.speaker) and s.speaker == mem.prev_spans)
        )
        mem.prev_spans = s.speaker
        if sc is not None and sc.mention in actor_of:
            _scope(b, sc, actor_of, inherited)
        _hops(b, hops.get(s.id, []), actor_of)
        if inherited and not b.outer and b.actor is not None and b.actor in mem.chain_of:
            _continued(b, mem)
        if s.id in forward and not b.outer and mem.last is not None:
            _forward(b, mem, forward[s.id])
        if b.actor is None and b.outer and b.outer[-1][1].rule == "chain.according_to.v1":
            # "…, nach Aussagen der Staatsanwaltschaft, …" without any other speaker: the
            # according-to source is the statement's source, not a hop before an unknown
            b.actor = b.outer.pop()[0]
        if b.actor is None:
            b.actor = unknown
            b.ev.append(Evidence("chain.unknown_source.v1", None, None, "no source named"))
        seq = [a for a, _ in b.outer] + [b.actor] + [a for a, _ in b.inner]
        evid = [e for _, e in b.outer] + [e for _, e in b.inner]
        chain, repeated = _without_loops(seq)
        if repeated is not None:
            cut.append((s.id, repeated))
            b.ev.append(Evidence("chain.loop_cut.v1", None, None, "a source repeats; chain cut"))
        for a in chain:
            mem.chain_of[a] = tuple(chain)
        if b.speaker:
            mem.speaker_of[b.actor] = b.speaker
        mem.last = (s.id, tuple(chain))
        out.append(
            replace(
                s,
                actor=b.actor,
                speaker=b.speaker,
                chain=tuple(chain),
                evidence=s.evidence + tuple(evid + b.ev),
            )
        )
    return out, cut


def _without_loops(seq: list[str]) -> tuple[list[str], str | None]:
    """``seq`` with repeated neighbours merged, cut before the first source that comes
    back (A → B → A); that source, if any."""
    chain: list[str] = []
    for a in seq:
        if chain and chain[-1] == a:
            continue
        if a in chain:
            return chain, a
        chain.append(a)
    return chain, None
