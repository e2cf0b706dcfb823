"""Names with lowercase particles as speakers: "Ursula von der Leyen", "Ludwig van
Beethoven", "Jean de la Fontaine".

The tagger and the rules that read a speaker as a run of capitalised words stopped at the
particle: "…, sagte Ursula von der Leyen." gave the speaker "Ursula", and "Ursula von der
Leyen sagte, …" none at all (the sentence-initial subject must be capitalised words and
determiners). A name's particles follow a lone given name and open with one of
``names.json`` ``lead_particles`` (not German "von" or "zu" alone: "sagte Merkel zu
Beginn"), then any of its ``particles`` (not its coordinators: "Anna und Tom" are two
speakers), then one surname; after a full name "von Greenpeace" is an affiliation. Names
whose given name has two words ("Abu Bakr al …") are not read.
"""

from __future__ import annotations

import functools

from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import Draft, Seg, content_tokens
from sayso.lang import LangProfile
from sayso.lang.names import name_words
from sayso.text.segment import Segmented


@functools.cache
def _leads(lang: str) -> tuple[tuple[str, ...], ...]:
    """``names.json`` ``lead_particles`` as word tuples, longest first."""
    leads = {tuple(p.split()) for p in name_words(lang).lead_particles}
    return tuple(sorted(leads, key=len, reverse=True))


def _surname_end(seg: Segmented, profile: LangProfile, at: int, end: int) -> int | None:
    """The end of the particles and surname that start at token ``at`` after a given name
    ("von der Leyen", "van Beethoven", "al Baghdadi"), None when none start there: a lead
    particle, more particles, then one capitalised word that is no organisation, outlet or
    role word ("von Greenpeace" is an affiliation)."""
    nw = name_words(profile.lang)
    words = seg.words
    lead = next((len(p) for p in _leads(profile.lang) if tuple(words[at : at + len(p)]) == p), 0)
    if at >= end or not lead:
        return None
    j = at + lead
    while j < end and words[j] in nw.particles and words[j] not in nw.coordinators:
        j += 1
    if j >= end or not words[j][:1].isupper() or seg.quote_depth[j]:
        return None
    if profile.actor_kind_hint(words[j]) is not None or profile.is_role_noun(words[j]):
        return None
    if j + 1 < len(words) and words[j + 1][:1].isupper():
        return None  # "Hilfe von den Vereinten Nationen": a name of several words, no surname
    return j + 1


def _given_name(seg: Segmented, profile: LangProfile, k: int, start: int) -> bool:
    """Token ``k`` is a lone given name: capitalised, no role or organisation word, and the
    word before it (inside the speaker, from ``start``) no name word."""
    words = seg.words
    w = words[k]
    if not w[:1].isupper() or profile.actor_kind_hint(w) is not None or profile.is_role_noun(w):
        return False
    if k == start:
        return True
    before = words[k - 1]
    return not before[:1].isupper() or profile.is_role_noun(before)


def extend_names(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A speaker ending on a lone given name followed by the particles and surname of a
    name ("…, sagte Ursula" + "von der Leyen") grows over them."""
    for d in drafts:
        if not d.speaker:
            continue
        last = d.speaker[-1]
        if not _given_name(seg, profile, last.b - 1, last.a):
            continue
        end = seg.sentences[last.sent][1]
        b = _surname_end(seg, profile, last.b, end)
        blocked = content_tokens(d) | {i for r in d.cue for i in range(r.a, r.b)}
        if b is None or any(i in blocked for i in range(last.b, b)):
            continue
        d.speaker = [*d.speaker[:-1], Seg(last.a, b, last.tag, last.sent)]
        d.rules.append("group.speaker.name_particles.v1")


def particle_name(seg: Segmented, profile: LangProfile, a: int, b: int) -> bool:
    """Tokens ``a``..``b`` are one name with particles: a lone given name, its particles
    and surname ("Ursula von der Leyen"); the sentence-initial subject rule takes such a
    run as a speaker (``sayso.extract.speakers.sentence_initial_subject``)."""
    return (
        b - a > 2 and _given_name(seg, profile, a, a) and _surname_end(seg, profile, a + 1, b) == b
    )


@component("extract.name_particles.extend.v1", Stage.REFINE)
def refine_name_particles(w: Work) -> None:
    """A speaker cut before the particles of its name ("von der", "van") grows over them
    (the sentence-initial subject rule reads such a name whole itself)."""
    extend_names(w.seg, w.profile, w.drafts)
