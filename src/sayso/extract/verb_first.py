"""Verb-first attributions after their content: ", sagte X" / ", teilte X mit" / ", said X",
and with a verb that takes a quotation but no bare clause (", kritisierte Präsident X") only
when a person follows it.
"""

from __future__ import annotations

from sayso.extract.clauses import has_infinitive
from sayso.extract.draft import finite_cue, speaker_head
from sayso.lang import LangProfile
from sayso.lang.shapes import shapes
from sayso.text.segment import Segmented


def verb_first_tail(
    seg: Segmented, profile: LangProfile, first: int, end: int
) -> tuple[tuple[int, int], list[int]] | None:
    """Speaker range and cue tokens of ", said X" / ", sagte X" / ", teilte X mit"."""
    words = seg.words
    w = words[first]
    lo = first + 1
    if lo >= end or not (
        words[lo][:1].isupper()
        or words[lo].lower() in profile.determiners
        or profile.is_speaker_pronoun(words[lo].lower())
    ):
        return None
    if any(
        words[i].lower() in profile.complementizers
        and not (words[i].lower() in profile.relative_pronouns and i > lo)
        for i in range(lo, end)
    ):
        return None  # ", sagte er Reportern, dass …": the content follows; "who" after
        # the name opens a relative clause of the speaker (", said X, a lawyer who …")
    entry = profile.cue(w.lower()) if finite_cue(profile, w) else None
    if entry is None and w[:1].islower():
        entry = profile.cue_with_particle(w.lower(), words[end - 1].lower())
    if entry is None:
        return _phrase_tail(seg, profile, first, lo, end)
    # verbs that take a bare clause ("sagte", "teilte … mit"); one that takes only a
    # quotation or an object ("…, kritisierte die Pläne") where the language allows it
    # and a person follows ("…, kritisierte Kammerpräsident Karl Huber.", see _person)
    if entry is None:
        return None
    quoting = "v2" not in entry.frames
    if quoting and not (
        "direct" in entry.frames and "direct_frame" in profile.postposed_attribution
    ):
        return None
    got = _verb_first_speaker(seg, profile, first, lo, end)
    if got is None or not quoting:
        return got
    if not _person(seg, profile, *got[0]) or end - got[0][1] > QUOTING_TAIL:
        return None  # "…, lobte er im Bericht den Bäcker": an object follows
    cc = profile.content_clause
    if cc is not None and has_infinitive(seg.words, lo + 1, end, cc.infinitive):
        return None  # ", empfiehlt Berger Gästen, Schirme mitzubringen": content after it
    return got


#: words a quoting verb's attribution may have after its speaker ("am Montag in Wien")
QUOTING_TAIL = 3


def _person(seg: Segmented, profile: LangProfile, lo: int, hi: int) -> bool:
    """A speaker phrase that names a person, so that it is the subject of a verb that
    could also take it as object: a role noun ("Kammerpräsident Karl Huber", "die
    Sprecherin"), a lone speaker pronoun ("er") or a name without a determiner ("Anna
    Berg"; "die Pläne", "die Opposition" are not)."""
    words = seg.words[lo:hi]
    cut = next((k for k, x in enumerate(words) if x in (",", "(")), len(words))
    words = words[:cut]  # the name before an apposition or a party label
    if not words:
        return False
    if any(profile.is_role_noun(x) for x in words):
        return True
    readings = profile.pronoun(words[0]) if len(words) == 1 else ()
    if readings:
        # "er", "sie"; not "ihr", which is also a dative ("…, droht ihr eine Strafe")
        return words[0][:1].islower() and all(p.speaker and p.person == 3 for p in readings)
    return all(x[:1].isupper() or x == "-" for x in words) and not any(
        x.lower() in profile.determiners or profile.actor_kind_hint(x) is not None for x in words
    )


def _verb_first_speaker(
    seg: Segmented, profile: LangProfile, first: int, lo: int, end: int
) -> tuple[tuple[int, int], list[int]] | None:
    words = seg.words
    w = words[first]
    if not finite_cue(profile, w):
        # a separable verb whose particle closes the sentence: the speaker runs up to it
        hi = end - 1
        if hi <= lo or not any(speaker_head(profile, words[i]) for i in range(lo, hi)):
            return None
        if any(profile.cue(words[i].lower()) is not None for i in range(lo, hi)):
            return None
        while hi - 1 > lo and words[hi - 1].lower() in profile.closing_adverbs:
            hi -= 1  # ", stellten die Forscher außerdem fest."
        return (lo, hi), [first, end - 1]
    hi = lo
    while (
        hi < end
        and words[hi] not in profile.clause_breaks
        and (hi == lo or words[hi].lower() not in profile.prepositions)
        and not (hi > lo and profile.according_to_at(words[hi]))
    ):
        hi += 1  # ", sagte Berg [laut einer Aussendung]": the relay is no speaker
    while hi - 1 > lo and words[hi - 1].lower() in profile.closing_adverbs:
        hi -= 1  # ", sagte die Anwältin weiter."
    if not speaker_head(profile, words[hi - 1]):
        return None
    if hi < end and words[hi] == "(":
        # a short label after the name: ", said Rep. Anna Berg (D-Ore.), head of …"
        close = next((k for k in range(hi + 1, min(end, hi + 6)) if words[k] == ")"), None)
        if close is not None:
            hi = close + 1
    if hi < end and words[hi] == ",":
        hi = end  # an apposition runs to the end: ", said X, head of Y."
    if any(profile.cue(words[i].lower()) is not None for i in range(lo, end)):
        return None
    return (lo, hi), [first]


def _phrase_tail(
    seg: Segmented, profile: LangProfile, first: int, lo: int, end: int
) -> tuple[tuple[int, int], list[int]] | None:
    """ ", gab Berg zu bedenken.": a multi-word cue of ``shapes.json`` ``intro.phrases``
    whose verb stands first and whose other words close the sentence; a person between
    them is the speaker."""
    lows = seg.lows
    for phrase in shapes(profile.lang).intro_phrases:
        rest = len(phrase) - 1
        if not rest or lows[first] != phrase[0] or end - rest <= lo + 0:
            continue
        if tuple(lows[end - rest : end]) != phrase[1:]:
            continue
        hi = end - rest
        while hi - 1 > lo and lows[hi - 1] in profile.closing_adverbs:
            hi -= 1
        stop = next(
            (i for i in range(lo + 1, hi) if profile.according_to_at(seg.words[i])), hi
        )  # ", gab Berg [laut einer Aussendung] zu bedenken": a relay
        if stop - lo > QUOTING_TAIL + 3 or not _person(seg, profile, lo, stop):
            return None
        return (lo, stop), [first, *range(end - rest, end)]
    return None
