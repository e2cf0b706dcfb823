"""Speakers: the subject of a sentence or clause as speaker, speakers trimmed to their
noun phrase, extended to the cue, or ended before a closing comma.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from sayso.extract import according, name_particles, verb_second
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import (
    FINAL,
    HARD_BREAKS,
    Draft,
    Seg,
    as_runs,
    content_tokens,
    cue_tokens,
    is_free,
    np_start,
    speaker_head,
)
from sayso.extract.speaker_phrases import (
    coordinated_verb,
    embedded_clause,
    speaker_closing_comma,
)
from sayso.lang import LangProfile, NonfiniteCue
from sayso.model import Form
from sayso.settings import DEFAULT
from sayso.text.segment import Segmented


def complete_from_frame(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """The frame tagger is more reliable than the cue tagger: where a statement has a frame
    but no cue, the frame's lexicon cue words are its cue ("Politische Beobachter wiesen
    darauf hin, …"). (Reading the *speaker* off the frame the same way was measured and
    dropped: on wikinews-de dev its picks were right in fewer than a third of the cases.)
    """
    words = seg.words
    for d in drafts:
        if d.cue:
            continue
        toks = [i for r in d.frame for i in range(r.a, r.b) if not seg.quote_depth[i]]
        if not toks:
            continue
        trig = [i for i in toks if profile.according_to_at(words[i].lower())]
        verbs = cue_tokens(profile, words, toks)
        nominal = [i for i in toks if profile.nominal_cue(words[i]) is not None]
        cue_idx = verbs or trig or nominal
        if cue_idx:
            d.cue = as_runs(cue_idx, seg.sentence_of[toks[0]])
            d.rules.append("group.cue.from_frame.v1")


def sentence_initial_subject(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A statement without speaker whose cue verb stands second in its sentence takes the
    sentence-initial noun phrase as speaker (German and English subject-verb order:
    "Jörg Maier erklärte, …", "Die Polizei teilte mit, …", "The ministry said …")."""
    words = seg.words
    for d in drafts:
        if d.speaker or d.speaker_spans is not None or not d.cue:
            continue
        c = d.cue[0].a
        s = seg.sentence_of[c]
        a = seg.sentences[s][0]
        rule = "group.speaker.sentence_initial.v1"
        aux = verb_second.auxiliary_before(seg, profile, a, c)
        if aux is None:
            aux = verb_second.stem_before(profile, words, a, c, d)
        if aux is not None:
            c, rule = aux, "group.speaker.sentence_initial.split_verb.v1"
        if c == a or c - a > 6:
            continue
        if aux is None and profile.cue(words[c].lower()) is None:
            if not verb_second.second_place_verb(profile, words, c, d):
                continue
            rule = "group.speaker.sentence_initial.split_verb.v1"
        run = range(a, c)
        if any(seg.quote_depth[i] for i in run) or any(i in content_tokens(d) for i in run):
            continue
        if not all(
            words[i][:1].isupper() or words[i].lower() in profile.determiners or words[i] == "-"
            for i in run
        ):
            if not name_particles.particle_name(seg, profile, a, c):  # "Ursula von der Leyen"
                continue
            rule = "group.speaker.name_particles.v1"
        first = words[a].lower()
        if profile.is_speaker_pronoun(first) and first not in profile.determiners and c - a > 1:
            continue
        d.speaker = [Seg(a, c, "S", s)]
        d.rules.append(rule)


def _quoted_speech(seg: Segmented, a: int, b: int) -> set[int]:
    """Tokens of ``[a, b)`` inside quotations, but for quoted names ("der „Verband
    Alpiner Imker“ verkündete"), which may be part of a subject."""
    out: set[int] = set()
    i = a
    while i < b:
        if not seg.quote_depth[i]:
            i += 1
            continue
        k = according.quoted_name_end(seg, i, b)
        if k is not None:
            i = k
            continue
        out.add(i)
        i += 1
    return out


def clause_subject(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """Speakers the tagger left out, from the shape of the cue's clause (German, English
    word order alike), for statements with a cue verb but no speaker:

    - a sentence-initial name with an apposition or relative clause before the verb:
      "Anna Berger, die Sprecherin des Vereins, sagte, …" (the apposition belongs to the
      speaker, a relative clause — ending in its verb — does not);
    - a "wie" clause (``clause.json`` ``comparative_openers``): "Wie das Ministerium am
      Montag mitteilte, …" (the cue gains "wie");
    - the subject right after a verb in second position: "Am Dienstag teilte die Polizei
      mit, …", "Dazu sagte er, …"."""
    words = seg.words
    lower_words: set[str] | None = None
    for d in drafts:
        if d.speaker or d.speaker_spans is not None or not d.cue:
            continue
        c = d.cue[0].a
        s = seg.sentence_of[c]
        a, b = seg.sentences[s]
        cue, released = _release_subject(seg, profile, d.cue, a)
        if released:
            d.cue = cue
            d.rules.extend(["group.cue.released_subject.v1"] * released)
        toks = [i for r in d.cue for i in range(r.a, r.b)]
        v = _finite_cue_verb(profile, words, a, toks)
        low = words[c].lower()
        # a verbal cue: not a nominal one ("die Ansicht") nor an according-to trigger
        if not words[c][:1].islower() or low in profile.determiners or profile.according_to_at(low):
            continue
        blocked = content_tokens(d) | {i for r in d.cue for i in range(r.a, r.b)}
        blocked |= _quoted_speech(seg, a, b)
        free = partial(is_free, blocked)
        got = _apposed_subject(seg, profile, a, c, free)
        if got is None:
            got = _wie_subject(seg, profile, d, a, c, free)
        if got is None and v is not None:
            got = inverted_subject(seg, profile, a, b, v, free)
        if got is None and v is not None:
            got = _postposed_subject(seg, profile, d, b, v, free)
        if got is None and profile.nonfinite_cue:
            if lower_words is None:
                lower_words = {w for w in words if w[:1].islower()}
            got = _main_clause_subject(seg, profile, a, c, free, lower_words)
        if got is None:
            continue
        lo, hi, rule = got
        d.speaker = [Seg(lo, hi, "S", s)]
        d.rules.append(rule)


def _release_subject(
    seg: Segmented, profile: LangProfile, cue: list[Seg], a: int
) -> tuple[list[Seg], int]:
    """A cue run that swallowed the subject after its verb ("[sagte Franziskus], dass …")
    gives it back: capitalised words right after a lowercase cue verb that are neither cue
    verbs nor cue nouns leave the cue, so that the subject after the verb can be read.

    Returns the cue runs, a released one replaced by a new run, and how many were
    released. The runs passed in stay as they are: another draft may hold the same run
    (a direct part copies its statement's cue runs, :meth:`Draft.direct_part`)."""
    words = seg.words
    out = list(cue)
    released = 0
    for n, r in enumerate(cue):
        if r.b - r.a < 2 or profile.cue(words[r.a].lower()) is None or r.a == a:
            continue
        if not words[r.a][:1].islower():
            continue
        k = r.a + 1
        while k < r.b and (
            words[k][:1].isupper()
            and profile.cue(words[k].lower()) is None
            and profile.nominal_cue(words[k]) is None
        ):
            k += 1
        if k > r.a + 1 and k == r.b:
            out[n] = Seg(r.a, r.a + 1, r.tag, r.sent)
            released += 1
    return out, released


def _finite_cue_verb(profile: LangProfile, words: list[str], a: int, toks: list[int]) -> int | None:
    """The cue's finite verb: the first cue token when it is a verb form, else the stem
    of a separable verb earlier in the sentence ("ging … davon aus")."""
    for t in toks:
        if profile.cue(words[t].lower()) is not None and words[t][:1].islower():
            return t
    for v in range(toks[0] - 1, a - 1, -1):
        if any(profile.cue_with_particle(words[v].lower(), words[t].lower()) for t in toks):
            return v
    return None


def _apposed_subject(
    seg: Segmented, profile: LangProfile, a: int, c: int, free: Callable[[int, int], bool]
) -> tuple[int, int, str] | None:
    words = seg.words
    if c - a < 4 or c - a > 25 or words[c - 1] != "," or not free(a, c):
        return None
    f = next((i for i in range(a, c) if words[i] == ","), c)
    if f == a or f - a > 6 or f == c - 1:
        return None
    if not all(np_start(profile, words[i]) or words[i] == "-" for i in range(a, f)):
        return None
    if profile.is_speaker_pronoun(words[a].lower()) or words[a].lower() in (
        profile.comparative_openers
    ):
        return None  # "Wie Karl Huber, Chef der Firma, sagte, …" is a "wie" clause
    last = words[c - 2]
    # an apposition ends in a noun or name, a relative clause in its verb
    if last[:1].isupper() or last == ")":
        return a, c - 1, "group.speaker.apposition.v1"
    return a, f, "group.speaker.apposition.v1"


def _wie_subject(
    seg: Segmented,
    profile: LangProfile,
    d: Draft,
    a: int,
    c: int,
    free: Callable[[int, int], bool],
) -> tuple[int, int, str] | None:
    words = seg.words
    openers = profile.comparative_openers
    w = c - 1
    commas = 0  # an apposition between two commas: "Wie Karl Huber, Chef der Firma, sagte"
    while w > a and words[w].lower() not in openers:
        if words[w] in HARD_BREAKS:
            commas += 1
            if words[w] != "," or commas > 2 or c - w > 14:
                break
        w -= 1
    if words[w].lower() not in openers or c - w < 2 or not free(w + 1, c):
        return None
    if commas and (commas != 2 or w + 1 >= c or words[w + 1] == ","):
        return None
    hi = c
    while hi > w + 1 and (
        words[hi - 1] == ","
        or (words[hi - 1][:1].islower() and words[hi - 1].lower() not in profile.determiners)
    ):
        hi -= 1
    if hi <= w + 1 or not np_start(profile, words[w + 1]):
        return None
    d.cue.insert(0, Seg(w, w + 1, "C", seg.sentence_of[w]))
    return w + 1, hi, "group.speaker.wie_clause.v1"


def _main_clause_subject(
    seg: Segmented,
    profile: LangProfile,
    a: int,
    c: int,
    free: Callable[[int, int], bool],
    lower_words: set[str],
) -> tuple[int, int, str] | None:
    """The sentence subject for a non-finite cue, whose subject is the main clause's:
    "The committee filed a complaint, claiming that …", "Stumpf tried to make the case …"."""
    from sayso.extract.according import noun_phrase_end

    words = seg.words
    w = words[c].lower()
    nf = profile.nonfinite_cue or NonfiniteCue()
    nonfinite = any(w.endswith(x) for x in nf.suffixes) or (
        c > a and words[c - 1].lower() in nf.preceding
    )
    coordinated = not nonfinite and coordinated_verb(profile, nf, words, a, c)
    if not (nonfinite or coordinated) or c - a < 2:
        return None
    first = words[a].lower()
    if first in profile.prepositions or first in profile.complementizers:
        return None
    if first in lower_words and not (
        first in profile.determiners or profile.is_speaker_pronoun(first)
    ):
        return None  # a function word or adverb the text also writes in lower case: "But"
    e = noun_phrase_end(seg, profile, a, c)
    if e == a and profile.is_speaker_pronoun(first):
        e = a + 1
    if e == a or not free(a, e) or not speaker_head(profile, words[e - 1]):
        return None
    if coordinated:
        # the subject of the first verb: a phrase right before a lower-case word, not a
        # participle opener ("Asked about …", "Walking out …") or a lone determiner
        # (the participle endings: ``nonfinite_cue`` ``suffixes`` and ``past_endings``)
        lone = e == a + 1 and first in profile.determiners
        participle = (*nf.suffixes, *profile.past_endings)
        if lone or first.endswith(participle) or not words[e][:1].islower():
            return None
        return a, e, "group.speaker.coordinated_verb.v1"
    return a, e, "group.speaker.main_clause.v1"


def _postposed_subject(
    seg: Segmented,
    profile: LangProfile,
    d: Draft,
    b: int,
    v: int,
    free: Callable[[int, int], bool],
) -> tuple[int, int, str] | None:
    """The subject after the verb of an attribution that follows its content and a comma
    ("„…“, äußerte sich Schavan gegenüber der Zeitung", "„…,“ betont sie"): a reflexive
    pronoun after the verb (``clause.json`` ``reflexive_pronouns``) is skipped."""
    from sayso.extract.according import noun_phrase_end

    words = seg.words
    content = content_tokens(d)
    if v < 2 or not content or max(content) not in (v - 2, v - 1):
        return None
    # "„…“, sagte X" or, the comma inside the quotation, "„…,“ betont sie"
    quoted = d.form is Form.DIRECT and max(content) == v - 1 and seg.quote_depth[v - 1] > 0
    if words[v - 1] != "," and not quoted:
        return None
    k = v + 1
    if k < b and words[k].lower() in profile.reflexive_pronouns:
        k += 1
    if k >= b or words[k].lower() in profile.object_determiners:
        return None
    low = words[k].lower()
    e = noun_phrase_end(seg, profile, k, b)
    if e == k and profile.is_speaker_pronoun(low) and words[k][:1].islower():
        e = k + 1
    if e == k or not free(k, e) or not speaker_head(profile, words[e - 1]):
        return None
    return k, e, "group.speaker.postposed.v1"


def inverted_subject(
    seg: Segmented,
    profile: LangProfile,
    a: int,
    b: int,
    c: int,
    free: Callable[[int, int], bool],
) -> tuple[int, int, str] | None:
    from sayso.extract.according import noun_phrase_end

    words = seg.words
    if c == a or c + 1 >= b or any(words[i] in profile.clause_breaks for i in range(a, c)):
        return None
    k = c + 1
    low = words[k].lower()
    if low in profile.object_determiners:
        return None
    e = noun_phrase_end(seg, profile, k, b)
    if e == k and profile.is_speaker_pronoun(low) and words[k][:1].islower():
        e = k + 1  # "Dazu sagte er, …"
    if e == k or not free(k, e):
        return None
    return k, e, "group.speaker.inverted.v1"


def trim_speakers(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """Cut from a speaker phrase what the corpus does not count as the source
    (``clause.json`` ``speaker_trim``): a dangling relative pronoun ("the study --
    [which]"), a leading relative pronoun before a name ("[which] the agency"), and a
    tail of auxiliaries and adverbs or a time phrase ("the committee [haven't]", "the
    panel [in 2001]", "the ministry [on Saturday]"). A phrase that is only a relative
    pronoun ("who") stays. (Cutting relative clauses after a comma, "Anna Berg, [who
    chairs the board,]", measured worse: PolNeAR annotators differ on them.)"""
    if not profile.speaker_trim:
        return
    words = seg.words
    rel = profile.relative_pronouns
    time_words = profile.time_words
    for d in drafts:
        if len(d.speaker) != 1:
            continue
        r = d.speaker[0]
        a, b = r.a, r.b
        # a dangling relative pronoun after a comma or dash: "the study -- [which]"
        if b - a > 2 and words[b - 1].lower() in rel and words[b - 2] in (",", "-", "–", "—"):
            b -= 1
        # a leading relative pronoun before the phrase it stands for
        if b - a > 1 and words[a].lower() in rel and words[a + 1][:1].isupper():
            a += 1
        while b - a > 1:
            w = words[b - 1]
            low = w.lower()
            if (
                w[:1].islower()
                and low not in rel
                and (low in profile.finite_auxiliaries or low in profile.verb_companions)
            ):
                b -= 1
                continue
            # "in 2001", "on Saturday", "last week" — but not the time of a relative clause
            # or participle inside the phrase ("a poll [conducted last week]", "DeSantis,
            # [who was elected in 2012]"): that belongs to the source
            if (
                b - a > 2
                and (w[:1].isdigit() or low in time_words or low in profile.months)
                and words[b - 2].lower() in profile.time_prepositions
                and not embedded_clause(profile, words, a, b - 2)
            ):
                b -= 2
                continue
            break
        if b < r.b:
            while b > a and words[b - 1] in (",", "--", "–", "—"):
                b -= 1
        if (a, b) != (r.a, r.b) and b > a:
            d.speaker = [Seg(a, b, r.tag, r.sent)]
            d.rules.append("group.speaker.trim.v1")


def extend_speaker_to_cue(
    seg: Segmented,
    profile: LangProfile,
    drafts: list[Draft],
    max_apposition: int = DEFAULT.extract.max_apposition,
) -> None:
    """A speaker that the tagger ended before an apposition or relative clause set off by
    commas runs on over it: up to the cue verb ("[Peter Morgan], a lawyer for the club,
    said …", "[Rep. Anna Berg] (D-Ore.) said"), or, after a sentence-final cue, up to the
    sentence end ("…," said [Peter Morgan], a lawyer for the club, who has fought it."),
    where the corpus counts those as part of the source (``clause.json``
    ``speaker_extension``: ``to_cue``). The stretch lies outside quotations and every
    statement's content; an apposition (a noun phrase) has no comma inside; a relative
    clause (``relative_pronouns``, may hold commas) only at the sentence end (before the
    cue, PolNeAR train leaves it out, dev takes it in); a participle or prepositional
    phrase ("Trump, speaking to veterans, said") is not taken. The stretch has at most
    ``max_apposition`` words."""
    if "to_cue" not in profile.speaker_extension:
        return
    words = seg.words
    # contents of drafts that :func:`prune` will drop (no cue, no speaker, not direct)
    # do not block: the tagger often reads a relative clause's object as content
    taken = {
        i
        for d in drafts
        if d.cue or d.speaker or d.speaker_spans is not None or d.form is Form.DIRECT
        for p in d.parts
        for i in range(p.a, p.b)
    }
    for d in drafts:
        if len(d.speaker) != 1 or not d.cue or d.speaker_spans is not None:
            continue
        sp = d.speaker[0]
        c = d.cue[0].a
        b = seg.sentences[sp.sent][1]
        if sp.b < c <= sp.b + max_apposition:
            stop, closed = c, True
        elif sp.a == d.cue[-1].b:
            stop, closed = b, False
            while stop > sp.b and words[stop - 1] in FINAL:
                stop -= 1
            if stop - sp.b > max_apposition:
                continue
        else:
            continue
        if stop <= sp.b or any(
            i in taken or seg.quote_depth[i] or words[i] in FINAL for i in range(sp.b, stop)
        ):
            continue
        if _apposition_end(profile, words, sp.b, stop, closed) != stop and not (
            not closed and _inside_apposition(profile, words, sp.a, sp.b)
        ):
            continue
        hi = stop
        while hi > sp.b and words[hi - 1] == ",":
            hi -= 1
        d.speaker = [Seg(sp.a, hi, sp.tag, sp.sent)]
        d.rules.append("group.speaker.to_cue.v1")


def _inside_apposition(profile: LangProfile, words: list[str], a: int, b: int) -> bool:
    """The tagger ended a speaker after the cue inside its apposition: "said [Kevin
    Barrett, a lawyer] at Bailey & Glasser, who represents …", "said [Tim Hess, who
    introduced him] to his banks" — the phrase holds a comma followed by an apposition or
    relative clause start, and what follows it opens a prepositional phrase or a relative
    clause."""
    if b >= len(words) or not any(
        words[i] == ","
        and (
            words[i + 1][:1].isupper()
            or words[i + 1].lower() in profile.determiners
            or words[i + 1].lower() in profile.relative_pronouns
        )
        for i in range(a + 1, b - 1)
    ):
        return False
    nxt = words[b].lower()
    if nxt == ",":
        # ", who …" continues the speaker; ", in a statement" does not
        return b + 1 < len(words) and words[b + 1].lower() in profile.relative_pronouns
    return nxt in profile.prepositions or nxt in profile.relative_pronouns


def _apposition_end(
    profile: LangProfile, words: list[str], k: int, c: int, closed: bool
) -> int | None:
    """Where parentheticals and comma-set appositions or relative clauses starting at
    ``k`` end, when they run exactly up to ``c`` (``closed``: the last one is closed by a
    comma right before ``c``, as before a cue verb); else None."""
    while k < c:
        if words[k] == "(":
            # a short label: "(D-Ore.)"
            close = next((j for j in range(k + 1, min(c, k + 6)) if words[j] == ")"), None)
            if close is None:
                return None
            k = close + 1
            continue
        if words[k] != "," or k + 1 >= c:
            return None
        first = words[k + 1]
        low = first.lower()
        relative = low in profile.relative_pronouns and not closed
        if not relative and (
            low in profile.prepositions
            or not (
                first[:1].isupper() or low in profile.determiners or profile.is_role_noun(first)
            )
            or any(low.endswith(x) for x in _nonfinite_suffixes(profile))
        ):
            return None
        close = k + 1
        while close < c and words[close] != ",":
            close += 1
        if relative:
            # a relative clause at the sentence end may hold commas: it runs to the end
            return c
        if close == c:
            return c if not closed else None
        if close == c - 1:
            return c
        k = close
    return k


@component("extract.speakers.complete_from_frame.v1", Stage.REFINE)
def refine_complete_from_frame(w: Work) -> None:
    """A cue word the tagger left in the frame becomes the cue."""
    complete_from_frame(w.seg, w.profile, w.drafts)


@component("extract.speakers.sentence_initial.v1", Stage.REFINE)
def refine_sentence_initial(w: Work) -> None:
    """A speakerless statement takes its sentence's initial subject before the cue."""
    sentence_initial_subject(w.seg, w.profile, w.drafts)


@component("extract.speakers.clause_subject.v1", Stage.REFINE)
def refine_clause_subject(w: Work) -> None:
    """A speakerless statement takes the subject of its cue's clause."""
    clause_subject(w.seg, w.profile, w.drafts)


@component("extract.speakers.extend_to_cue.v1", Stage.REFINE)
def refine_extend_to_cue(w: Work) -> None:
    """A speaker cut short by the tagger grows up to its cue (apposition included)."""
    extend_speaker_to_cue(w.seg, w.profile, w.drafts, w.settings.extract.max_apposition)


@component("extract.speakers.trim.v1", Stage.REFINE)
def refine_trim(w: Work) -> None:
    """A speaker loses leading time phrases, relative pronouns and trailing verbs."""
    trim_speakers(w.seg, w.profile, w.drafts)


@component("extract.speakers.closing_comma.v1", Stage.REFINE)
def refine_closing_comma(w: Work) -> None:
    """A speaker ends before a comma that closes its noun phrase."""
    speaker_closing_comma(w.seg, w.profile, w.drafts)


def _nonfinite_suffixes(profile: LangProfile) -> tuple[str, ...]:
    """The endings of a non-finite cue form (``clause.json`` ``nonfinite_cue``)."""
    return profile.nonfinite_cue.suffixes if profile.nonfinite_cue else ()
