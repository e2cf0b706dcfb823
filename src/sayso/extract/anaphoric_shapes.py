"""The shapes of an anaphoric attribution sentence beyond "Das sagte X." (used by
``attributions.anaphoric_attributions``): the agent of a passive ("Das wurde vom Presseamt
mitgeteilt.") and a name apposed at the sentence end ("Das bestätigte ihr Chef, Karl
Huber.")."""

from __future__ import annotations

from sayso.extract.draft import speaker_head
from sayso.lang import LangProfile
from sayso.text.segment import Segmented

#: the reported rule's statements, which a passive anaphoric attribution replaces
REPORTED_RULE = "rule.reported.lexicon.v1"


def passive_attribution(
    seg: Segmented, profile: LangProfile, v: int, end: int
) -> tuple[tuple[int, int], list[int]] | None:
    """``(agent phrase, cue)`` of a passive attribution after an anaphoric opener: "Das
    wurde vom Presseamt des Kremls am Montag mitgeteilt." — a passive auxiliary, an agent
    phrase (``clause.json`` ``passive_agents``: the corpus counts the preposition to the
    speaker) and the cue participle closing the sentence."""
    from sayso.extract.according import noun_phrase_end

    words = seg.words
    if end - v < 4 or words[v].lower() not in profile.passive_auxiliaries:
        return None
    if words[v + 1].lower() not in profile.passive_agents:
        return None
    last = end - 1
    if profile.cue(words[last].lower()) is None:
        # a participle written apart from its first part ("bekannt gegeben")
        if profile.cue((words[last - 1] + words[last]).lower()) is None:
            return None
        last -= 1
    if any(seg.quote_depth[i] for i in range(v, end)):
        return None
    e = noun_phrase_end(seg, profile, v + 2, last)
    if e == v + 2 or not speaker_head(profile, words[e - 1]):
        return None
    if any(w in profile.clause_breaks for w in words[e:last]):
        return None
    return (v + 1, e), [v, *range(last, end)]


def closing_apposition(seg: Segmented, profile: LangProfile, e: int, end: int) -> int:
    """The end of a speaker with the name apposed after a comma that closes the sentence
    ("Das bestätigte der Präsident Indonesiens, Susilo Bambang Yudhoyono."), else ``e``."""
    from sayso.extract.according import noun_phrase_end

    words = seg.words
    if e + 1 >= end or words[e] != "," or not words[e + 1][:1].isupper():
        return e
    if noun_phrase_end(seg, profile, e + 1, end) != end or not speaker_head(
        profile, words[end - 1]
    ):
        return e
    return end
