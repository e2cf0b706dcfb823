"""Free indirect speech: continuations of a framed statement, speakers inherited from
the previous statement or sentence.
"""

from __future__ import annotations

import bisect

from sayso.extract.clauses import cue_clause
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import (
    FINAL,
    Draft,
    Seg,
    as_runs,
    finite_cue,
    konjunktiv_in,
    np_start,
    spans_of_speaker,
    tok_at,
)
from sayso.extract.headline_label import RULE as HEADLINE_RULE
from sayso.lang import LangProfile
from sayso.lang.shapes import shapes
from sayso.model import Form, Span
from sayso.text.quotes import MARK_RE
from sayso.text.segment import Segmented


def inherit_speakers(seg: Segmented, drafts: list[Draft], window: int = 3, reach: int = 0) -> None:
    """A statement without a speaker continues the previous statement's speaker when it is
    close by (same or next paragraph): "Der Minister sagte, … Die Lage sei ernst." With
    ``reach`` (``clause.json`` ``inherit_reach``) a quotation's inherited speaker must be
    named at most that many sentences back."""

    def sentence_at(sp: Span) -> int:
        return seg.sentence_of[tok_at(seg, sp.start)]

    prev: Draft | None = None
    for d in drafts:
        if HEADLINE_RULE in d.rules:
            continue  # the article after a labelled headline starts afresh
        # indirect speech names its own speaker in its clause; measured on wikinews-de
        # dev, an inherited one was never right
        if d.form is Form.INDIRECT and d.parent is None:
            prev = d if d.speaker else prev
            continue
        if not d.speaker and d.speaker_spans is None and prev is not None:
            sp = spans_of_speaker(seg, prev)
            # measured on wikinews-de train (2-fold): a mention further back was the
            # speaker less often than not; the reader has met other sources since
            far = (
                bool(sp)
                and reach > 0
                and d.form is Form.DIRECT
                and d.parts[0].sent - sentence_at(sp[-1]) > reach
            )
            if sp and not far and d.parts[0].sent - prev.parts[-1].sent <= window:
                d.speaker_spans = sp
                d.rules.append("group.speaker.inherit.v1")
        if d.speaker or d.speaker_spans:
            prev = d


def framed_continuations(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A whole-sentence free indirect or reported statement that is the author's report of
    indirect speech: the sentence opens with an indicative cue clause and a comma ("Die
    Verteidiger argumentierten außerdem, [er habe nicht zu fliehen versucht]", "Der Verband
    fordert, [dass …]"). The statement becomes
    indirect speech with the clause after the comma as content and the verb as cue (shapes
    as for :func:`comma_content_clauses`, a bare Konjunktiv I clause included). A cue clause
    in the Konjunktiv ("Sie sei davon ausgegangen, dass …") is itself reported speech and
    stays."""
    cc = profile.content_clause
    if not cc or profile.konjunktiv is None:
        return
    that, inf, not_after = cc.that, cc.infinitive, cc.not_after
    words = seg.words
    for d in drafts:
        if (
            d.form not in (Form.FREE_INDIRECT, Form.INDIRECT_FREE_INDIRECT, Form.REPORTED)
            or len(d.parts) != 1
        ):
            continue
        p = d.parts[0]
        a, b = seg.sentences[p.sent]
        if p.a != a or words[a].lower() in not_after:
            continue
        end = min(p.b, b)
        while end > a and words[end - 1] in FINAL:
            end -= 1
        got = cue_clause(seg, profile, a, end, that, inf, not_after, v2=True)
        if got is None:
            continue
        cue, lo, _, _ = got  # the content runs to the end, as the statement did
        hi = end
        if cue[0] > lo or any(words[i] in profile.clause_breaks for i in range(a, cue[0])):
            continue  # the cue verb must stand in the sentence's first clause
        if konjunktiv_in(words, a, lo - 1, clause=False):
            continue
        d.parts = [Seg(lo, hi, "indirect", p.sent)]
        d.form = Form.INDIRECT
        d.cue = as_runs(cue, p.sent)
        d.frame = [Seg(a, lo - 1, "F", p.sent)]
        d.speaker = [r for r in d.speaker if r.b <= lo]
        d.rules.append("group.content.framed_continuation.v1")


_CONTINUED_FORMS = frozenset((Form.FREE_INDIRECT, Form.INDIRECT_FREE_INDIRECT, Form.DIRECT))


def previous_sentence_speaker(
    seg: Segmented,
    profile: LangProfile,
    drafts: list[Draft],
    forms: frozenset[Form] = _CONTINUED_FORMS,
) -> None:
    """Free indirect speech right after a sentence that reports a speech act without being
    a statement itself takes that sentence's subject as speaker ("Die Stadtreinigung
    äußerte Zweifel an der Darstellung. Für eine Frist sei es rechtens, …"), before a more
    distant statement's speaker is inherited. The subject is the sentence-initial noun
    phrase before the cue verb, or the one after it when a demonstrative opens the sentence
    ("Das teilte die Polizei mit.")."""
    from sayso.extract.according import noun_phrase_end

    words = seg.words
    taken = {p.sent for d in drafts for p in d.parts}
    lower_words: set[str] | None = None
    for d in drafts:
        if d.speaker or d.speaker_spans is not None or d.form not in forms:
            continue
        p = d.parts[0].sent - 1
        if p < 0 or p in taken:
            continue
        a, b = seg.sentences[p]
        toks = list(range(a, b))
        v = next(
            (
                i
                for i in toks
                if words[i][:1].islower()
                and not seg.quote_depth[i]
                and profile.cue(words[i].lower()) is not None
            ),
            None,
        )
        if v is None:
            v = next(
                (
                    i
                    for i in toks
                    if words[i][:1].islower()
                    and any(
                        profile.cue_with_particle(words[i].lower(), words[j].lower())
                        for j in range(i + 1, b)
                    )
                ),
                None,
            )
        if v is None or v == a:
            continue
        span: tuple[int, int] | None = None
        if lower_words is None:
            lower_words = {w for w in words if w[:1].islower()}
        first = words[a].lower()
        # a capitalised word that the text also writes in lower case is sentence-initial
        # function word or adverb ("Jetzt", "Nach", "Als"), not a name
        name_like = (
            first not in lower_words
            and first not in profile.determiners
            and first not in profile.prepositions
            and first not in profile.complementizers
        )
        if v - a <= 8 and all(np_start(profile, words[i]) or words[i] == "-" for i in range(a, v)):
            if first in profile.determiners:
                if v - a > 1:
                    span = (a, v)
                else:
                    # "Das teilte Feuerwehrsprecher X mit": the subject follows the verb
                    e = noun_phrase_end(seg, profile, v + 1, b)
                    span = (v + 1, e) if e > v + 1 else None
            elif (profile.is_speaker_pronoun(first) and v - a == 1) or name_like:
                span = (a, v)
        if span is None:
            continue
        d.speaker_spans = (seg.token_span(span[0], span[1]),)
        d.rules.append("group.speaker.previous_sentence.v1")


@component("extract.free_indirect.framed_continuations.v1", Stage.REFINE)
def refine_framed_continuations(w: Work) -> None:
    """A whole-sentence statement opening with an indicative cue clause and a comma
    becomes indirect speech after the comma."""
    framed_continuations(w.seg, w.profile, w.drafts)


@component("extract.free_indirect.previous_sentence.v1", Stage.REFINE)
def refine_previous_sentence(w: Work) -> None:
    """A speakerless continuation takes the speaker named at the end of the sentence before."""
    previous_sentence_speaker(w.seg, w.profile, w.drafts)


@component("extract.free_indirect.inherit.v1", Stage.REFINE)
def refine_inherit(w: Work) -> None:
    """A speakerless statement inherits the previous statement's speaker (nearby)."""
    inherit_speakers(w.seg, w.drafts, w.settings.inherit_window, w.profile.inherit_reach)


#: the forms of a statement whose unquoted neighbours may continue it
_SPOKEN = frozenset((Form.DIRECT, Form.INDIRECT, Form.INDIRECT_FREE_INDIRECT))
FIRST_PERSON_RULE = "rule.continued.first_person.v1"
FIRST_PERSON_SPEAKER_RULE = "group.speaker.first_person.v1"


def first_person_continuations(
    seg: Segmented,
    profile: LangProfile,
    first_person: frozenset[str],
    attributed: frozenset[str],
    drafts: list[Draft],
) -> list[Draft]:
    """Sentences in the first person next to unquoted speech of a named speaker are more
    of that speech: news texts that drop quotation marks (gnad) leave "Ich war überrascht.
    Aber der Kuchen ist gelungen, lobte Huber." with only the second sentence
    attributed. A sentence before or after such a statement (and the next one on, while
    each qualifies) becomes a direct statement of its speaker when it holds no quotation
    mark or colon (a label "Berg: Ich …" names its own speaker), has a first-person word
    (``first_person``) and no cue verb but one of the first person ("Ich glaube, …", "Ich
    hatte gehofft, …"; "…,
    sagte Trainer X" is an attribution of its own) and no role noun before a name, lies in
    the same paragraph and no
    statement covers it; a statement in it whose speaker is a first-person pronoun ("Ich
    hatte gehofft, dass …") is that speaker's too. The statement continued is unquoted and
    attributed after its content (one of ``attributed``'s rules). Returns the new drafts."""
    if not first_person:
        return []
    words, lows, depth = seg.words, seg.lows, seg.quote_depth
    in_sent: dict[int, list[Draft]] = {}
    for d in drafts:
        for s in {p.sent for p in d.parts}:
            in_sent.setdefault(s, []).append(d)
    para_starts = [a for a, _ in seg.paragraphs]

    def para(s: int) -> int:
        return bisect.bisect_right(para_starts, seg.starts[seg.sentences[s][0]]) - 1

    def first_person_speaker(d: Draft) -> bool:
        return len(d.speaker) == 1 and all(
            lows[i] in first_person for i in range(d.speaker[0].a, d.speaker[0].b)
        )

    def fits(s: int, p: int) -> bool:
        a, b = seg.sentences[s]
        return (
            para(s) == p
            and all(first_person_speaker(d) for d in in_sent.get(s, ()))
            and not any(
                depth[i] or MARK_RE.fullmatch(words[i]) or words[i] == ":" for i in range(a, b)
            )
            and any(lows[i] in first_person for i in range(a, b))
            and not any(other_cue(i) or introduced(i, b) for i in range(a, b))
        )

    def introduced(i: int, b: int) -> bool:
        # a role noun before a name is the author introducing someone ("Für den Verband
        # sprach dann Kassierin Anna Berg"), not the speaker's voice
        return i + 1 < b and profile.is_role_noun(words[i]) and words[i + 1][:1].isupper()

    def other_cue(i: int) -> bool:
        near = {lows[k] for k in (i - 2, i - 1, i + 1) if 0 <= k < len(lows)}
        # "meine" is a cue form and a possessive
        return (
            lows[i] not in first_person
            and finite_cue(profile, words[i])
            and not near & first_person
        )

    new: list[Draft] = []
    for d in list(drafts):
        if d.form not in _SPOKEN or not (d.speaker or d.speaker_spans) or first_person_speaker(d):
            continue
        toks = [i for p in d.parts for i in range(p.a, p.b)]
        if any(depth[i] for i in toks):
            continue
        if not attributed & set(d.rules):
            continue
        p = para(d.parts[0].sent)
        found: list[int] = []
        for step, s in ((-1, d.parts[0].sent - 1), (1, d.parts[-1].sent + 1)):
            while 0 <= s < len(seg.sentences) and fits(s, p):
                found.append(s)
                s += step
        spans = spans_of_speaker(seg, d)
        for s in found:
            for o in in_sent.get(s, ()):
                o.speaker, o.speaker_spans = [], spans
                o.rules.append(FIRST_PERSON_SPEAKER_RULE)
            if s in in_sent:
                continue
            a, b = seg.sentences[s]
            while b > a + 1 and words[b - 1] in FINAL:
                b -= 1
            c = Draft(parts=[Seg(a, b, "direct", s)], form=Form.DIRECT, speaker_spans=spans)
            c.rules.append(FIRST_PERSON_RULE)
            new.append(c)
            in_sent[s] = [c]
    return new


#: rules of an attribution after its content: what it attributes reads as direct speech
ATTRIBUTED = frozenset(
    ("rule.postposed_attribution.v1", "group.postposed_attribution.v1", "rule.according_to.de.so")
)


@component("extract.free_indirect.first_person.v1", Stage.REFINE)
def refine_first_person(w: Work) -> None:
    """Unquoted first-person sentences next to a speaker's unquoted speech continue it."""
    new = first_person_continuations(
        w.seg, w.profile, shapes(w.profile.lang).first_person, ATTRIBUTED, w.drafts
    )
    if new:
        w.drafts += new
        w.drafts.sort(key=lambda d: (d.a, d.b))
