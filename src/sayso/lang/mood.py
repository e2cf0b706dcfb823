"""German verb mood: Konjunktiv I / II versus indicative, driven by ``de/konjunktiv.json``.

Reported speech in German news is marked by Konjunktiv I ("Er sagte, er sei müde"), with
Konjunktiv II substituting where K1 equals the indicative ("sie hätten"). :func:`mood`
classifies one token, :func:`sentence_mood` gives the strongest signal in a clause.

Known limitations (a token-level classifier without a parser):

- the regular K1 rule ("er sage" vs "er sagt") only applies to forms in the cue lexicon
  (cues.json) and to "-iere" verbs; other regular verbs need listing in konjunktiv.json;
- 1st person singular indicative looks like 3sg K1 ("ich sage"): :func:`mood` cannot tell
  them apart unless ``first_person=True``; :func:`sentence_mood` checks for a preceding
  "ich";
- weak-verb K2 equals the preterite ("sagte") and is read as INDICATIVE;
- plural forms ("sie sagen", "haben") are INDICATIVE_OR_K1 unless the subject is known
  to be singular (then NONE: an infinitive).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from sayso.lang import Konjunktiv, load

__all__ = ["Mood", "mood", "sentence_mood"]


class Mood(StrEnum):
    K1 = "k1"
    K2 = "k2"
    INDICATIVE_OR_K1 = "indicative_or_k1"
    INDICATIVE = "indicative"
    NONE = "none"


# strength of a Konjunktiv signal, highest first (for sentence_mood)
_RANK = {Mood.K1: 4, Mood.K2: 3, Mood.INDICATIVE_OR_K1: 2, Mood.INDICATIVE: 1, Mood.NONE: 0}


def _tables() -> Konjunktiv:
    k = load("de").konjunktiv
    assert k is not None, "de/konjunktiv.json is part of the package"
    return k


def mood(
    token: str,
    *,
    plural_subject: bool | None = None,
    first_person: bool = False,
    sentence_initial: bool = False,
) -> Mood:
    """The mood a German finite verb form signals.

    ``plural_subject``: True/False when the subject's number is known, None when not.
    ``first_person``: the subject is "ich" (then "sage" is indicative).
    ``sentence_initial``: the token starts a sentence, so its capital letter says nothing;
    otherwise a capitalised token is a noun (NONE), except closed-class forms like "Sei".
    """
    if not token or not token[0].isalpha():
        return Mood.NONE
    k = _tables()
    low = token.lower()
    closed = low in k.k1 or low in k.k2 or low in k.indicative or low in k.ambiguous_plural
    if token[0].isupper() and not sentence_initial and not closed:
        return Mood.NONE
    if low in k.k2:
        return Mood.K2
    if low in k.k1:
        if first_person and low.endswith("e") and low not in ("sei",):
            return Mood.INDICATIVE
        return Mood.K1
    if low in k.indicative:
        return Mood.INDICATIVE
    if low in k.ambiguous_plural:
        return Mood.NONE if plural_subject is False else Mood.INDICATIVE_OR_K1
    if low in k.k1_regular_exceptions:
        return Mood.NONE
    return _regular(low, plural_subject=plural_subject, first_person=first_person)


def _regular(low: str, *, plural_subject: bool | None, first_person: bool) -> Mood:
    de = load("de")
    entry = de.cue(low)
    if entry is None:
        split = de.particle_cues(low)
        entry = split[0] if split else None
    if entry is None:
        if low.endswith("iere"):
            return Mood.INDICATIVE if first_person else Mood.K1
        if low.endswith("ieren"):
            return Mood.NONE if plural_subject is False else Mood.INDICATIVE_OR_K1
        if low.endswith("iert"):
            return Mood.INDICATIVE
        return Mood.NONE
    forms = entry.forms
    stem = low[:-1]
    if low.endswith("e") and stem in forms:
        return Mood.INDICATIVE  # weak preterite "forderte" (= 3sg "fordert" + e)
    if low.endswith("e") and (stem + "t" in forms or stem + "et" in forms):
        return Mood.INDICATIVE if first_person else Mood.K1
    if low.endswith("est") and low[:-3] + "st" in forms:
        return Mood.K1  # du sagest
    if low.endswith("en") and not low.startswith("ge") and low[:-2] + "e" in forms:
        # "sagen": plural or infinitive; "sagten" (preterite plural) handled below
        if low[:-2].endswith("t") and low[:-3] + "e" not in forms and low[:-1] in forms:
            return Mood.INDICATIVE
        return Mood.NONE if plural_subject is False else Mood.INDICATIVE_OR_K1
    if low.endswith(("t", "te", "ten", "st")):
        return Mood.INDICATIVE
    return Mood.NONE


def sentence_mood(tokens: Sequence[str], *, plural_subject: bool | None = None) -> Mood:
    """The strongest Konjunktiv signal among ``tokens`` (one clause or sentence).

    K1 > K2 > INDICATIVE_OR_K1 > INDICATIVE > NONE. The first token is treated as
    sentence-initial; a form right after "ich" is read as 1st person.
    """
    best = Mood.NONE
    for i, tok in enumerate(tokens):
        m = mood(
            tok,
            plural_subject=plural_subject,
            first_person=i > 0 and tokens[i - 1].lower() == "ich",
            sentence_initial=i == 0,
        )
        if _RANK[m] > _RANK[best]:
            best = m
            if best is Mood.K1:
                break
    return best
