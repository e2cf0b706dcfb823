"""The shape of a speaker phrase, read from its words (English data: ``clause.json``).

Small helpers the speaker rules share: whether a cue verb is coordinated with the main
verb (and so shares its subject), whether a phrase holds an embedded clause that a
trailing time phrase belongs to, and where a speaker phrase that runs on into its clause's
verb should end.
"""

from __future__ import annotations

from sayso.lang import LangProfile, NonfiniteCue


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
