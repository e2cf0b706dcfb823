"""The shape of a speaker phrase, read from its words (English data: ``clause.json``).

Small helpers the speaker rules share: whether a cue verb is coordinated with the main
verb (and so shares its subject), whether a phrase holds an embedded clause that a
trailing time phrase belongs to, and where a speaker phrase that runs on into its clause's
verb should end, and whether a speaker with an apposition takes the comma that closes it.
"""

from __future__ import annotations

from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import Draft, Seg, speaker_head
from sayso.lang import LangProfile, NonfiniteCue
from sayso.lang.reporting import framing_words
from sayso.text.segment import Segmented


def coordinated_verb(
    profile: LangProfile, nf: NonfiniteCue, words: list[str], a: int, c: int
) -> bool:
    """Whether the finite cue at ``c`` is coordinated with an earlier verb of its sentence
    ("… and suggested", "… but then said"): a coordinator, perhaps an adverb between."""
    k = c - 1
    if k > a and words[k].lower() in profile.verb_companions and words[k][:1].islower():
        low = words[k].lower()
        if low not in profile.relative_pronouns and low not in profile.complementizers:
            k -= 1
    return k > a + 1 and words[k].lower() in nf.coordinators and words[c][:1].islower()


def embedded_clause(profile: LangProfile, words: list[str], a: int, b: int) -> bool:
    """Whether ``words[a:b]`` holds a relative pronoun or a lower-case past participle
    after its first word: the start of a clause that a following time phrase belongs to."""
    rel = profile.relative_pronouns
    past = profile.past_endings
    return bool(past) and any(
        w.lower() in rel or (w[:1].islower() and w.endswith(past)) for w in words[a + 1 : b]
    )


def clause_end(seg: Segmented, profile: LangProfile, a: int, b: int) -> int | None:
    """Where a speaker phrase ``[a, b)`` that ran on into its clause's verb should end:
    before the first verb form ("[Former speechwriter Jon Favreau] published a column, …",
    "[a district judge] sided with the Democrats, saying …") — a lower-case word with a
    past ending or an auxiliary — when a name or noun stands right before it and words
    follow it. None when a comma, dash, bracket or relative pronoun comes first, or the
    past form is followed by a passive's agent ("by"): an apposition, a relative clause or
    a passive participle ("surveyed by Reuters") belongs to the source."""
    words = seg.words
    if b - a < 3:
        return None
    rel = profile.relative_pronouns
    for v in range(a + 1, b - 1):
        w = words[v]
        low = w.lower()
        if low in rel or not w[:1].isalnum():
            return None
        if not (w.isalpha() and w.islower()):
            continue
        verb = low.endswith(profile.past_endings) or low in profile.finite_auxiliaries
        if verb and words[v + 1].lower() in framing_words(profile.lang).relay_agent:
            # a passive participle modifying the source, not its verb: "economists
            # surveyed by Reuters", "a lawyer hired by the family"
            return None
        if verb:
            head = words[v - 1]
            ok = speaker_head(profile, head) and head.lower() not in profile.determiners
            return v if ok else None
    return None


def cut_at_clause(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """Speakers that run on into their clause's verb end with the subject (``clause.json``
    ``speaker_trim``): the tagger sometimes takes a whole main clause as the speaker of a
    participle cue after it ("Sanders won the caucus, claiming …")."""
    if not profile.speaker_trim:
        return
    for d in drafts:
        if len(d.speaker) != 1 or d.speaker_spans is not None:
            continue
        r = d.speaker[0]
        e = clause_end(seg, profile, r.a, r.b)
        if e is not None:
            d.speaker = [Seg(r.a, e, r.tag, r.sent)]
            d.rules.append("group.speaker.clause_cut.v1")


@component("extract.speaker_phrases.clause_cut.v1", Stage.REFINE)
def refine_clause_cut(w: Work) -> None:
    """A speaker that ran on into its clause's verb ends with the subject."""
    cut_at_clause(w.seg, w.profile, w.drafts)


def speaker_closing_comma(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A speaker phrase that holds an apposition set off by commas takes the comma that
    closes it ("[Anna Berg, the mayor,] said"), one without an inner comma does not
    ("[Trump], speaking in Ohio, said") — the corpus convention (``clause.json``
    ``speaker_extension``: ``closing_comma``; PolNeAR train and dev alike, 9 to 1)."""
    if "closing_comma" not in profile.speaker_extension:
        return
    words = seg.words
    for d in drafts:
        if len(d.speaker) != 1:
            continue
        r = d.speaker[0]
        a, b = r.a, r.b
        while b - a > 1 and words[b - 1] == ",":
            b -= 1
        inner = any(words[i] == "," and not seg.quote_depth[i] for i in range(a + 1, b))
        _, sent_end = seg.sentences[r.sent]
        if inner and b < sent_end and words[b] == ",":
            b += 1
        if (a, b) != (r.a, r.b):
            d.speaker = [Seg(a, b, r.tag, r.sent)]
            d.rules.append("group.speaker.closing_comma.v1")
