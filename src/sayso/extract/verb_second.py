"""The finite verb in second place of a German cue that is split: the stem of a particle
verb ("Elshorst wies darauf hin"), a perfect auxiliary before the participle ("Die
Universität hatte erklärt"), a stem before a cue that is only its particle ("wies dies als
„…“ zurück"). Used by ``speakers.sentence_initial_subject``: the words before that verb are
the sentence-initial subject."""

from __future__ import annotations

from sayso.extract.draft import Draft
from sayso.lang import LangProfile
from sayso.text.segment import Segmented


def stem_before(profile: LangProfile, words: list[str], a: int, c: int, d: Draft) -> int | None:
    """The stem of a particle verb before a cue that is only its particle ("Die Ministerin
    wies dies als „Unverschämtheit“ [zurück]"): the first lowercase word of the sentence."""
    k = next((i for i in range(a, c) if words[i][:1].islower()), c)
    if k == c or k - a > 6:
        return None
    rest = [words[i].lower() for r in d.cue for i in range(r.a, r.b)]
    low = words[k].lower()
    return k if any(profile.cue_with_particle(low, t) is not None for t in rest) else None


def auxiliary_before(seg: Segmented, profile: LangProfile, a: int, c: int) -> int | None:
    """The perfect auxiliary in second place before a cue participle the tagger took
    alone ("Amnesty International hat [darauf hingewiesen]"): the first lowercase word of
    the sentence, at most 6 words in and 12 before the participle."""
    words = seg.words
    if c - a > 12 or not profile.perfect_finite:
        return None
    k = next((i for i in range(a, c) if words[i][:1].islower()), c)
    if k == c or k - a > 6 or words[k].lower() not in profile.perfect_finite:
        return None
    if any(seg.quote_depth[i] or words[i] in profile.clause_breaks for i in range(k, c)):
        return None
    return k


def second_place_verb(profile: LangProfile, words: list[str], c: int, d: Draft) -> bool:
    """Whether the cue's first word ``c`` is the finite verb of a split cue: the stem of a
    particle verb whose particle closes the cue ("Elshorst wies darauf hin, …", "Sony gab
    bekannt, …") or a perfect auxiliary before the cue's participle ("Die Universität hatte
    erklärt, …"; ``clause.json`` ``perfect_finite``; not the passive's "wurde")."""
    if not words[c][:1].islower():
        return False
    rest = [words[i].lower() for r in d.cue for i in range(r.a, r.b) if i > c]
    low = words[c].lower()
    if any(profile.cue_with_particle(low, t) is not None for t in rest):
        return True
    return low in profile.perfect_finite and any(profile.cue(t) is not None for t in rest)
