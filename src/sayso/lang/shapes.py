"""The words of the attribution shapes the taggers miss (``lang/<lang>/shapes.json``):
colon introductions ("analysierte Trainer Huber: …"), relays ("zitierte die Agentur den
Premier mit den Worten …"), causative cues ("ließ mitteilen"), outlets as dative
addressees ("sagte der Minister der Zeitung …") and anonymous-source modifiers ("an official
familiar with the matter"). Read on its own, like ``search.json``: the taggers' lexicon
features never see these words, so adding one needs no retraining. The ``_doc`` of each
file says what every list is for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sayso.lang.loader import _read


def _words(raw: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in raw.get(key, ()))


def _phrases(raw: Mapping[str, Any], key: str) -> tuple[tuple[str, ...], ...]:
    """Phrases as word tuples, longest first (the first match is the longest)."""
    got = {tuple(p.lower().split()) for p in raw.get(key, ())}
    return tuple(sorted(got, key=lambda p: (-len(p), p)))


@dataclass(frozen=True, slots=True)
class Shapes:
    """``shapes.json`` of one language; an empty section switches its rule off."""

    #: verb forms that introduce speech before a colon besides the cue lexicon's
    intro_cues: frozenset[str] = frozenset()
    #: multi-word cues before a colon ("gab zu Protokoll")
    intro_phrases: tuple[tuple[str, ...], ...] = ()
    #: prepositions opening the addressee or medium of an introduction ("zum Sender")
    intro_addressee_prepositions: frozenset[str] = frozenset()
    #: those of them that also open a topic ("erklärte zu einem Projekt"): only with an
    #: outlet or a role noun
    intro_topic_prepositions: frozenset[str] = frozenset()
    #: impersonal subjects: an introduction with one names no speaker ("heißt es:")
    intro_impersonal: frozenset[str] = frozenset()
    #: words before the verb that are no subject ("So heißt …", "Dazu sagte er:")
    intro_not_subjects: frozenset[str] = frozenset()
    #: conjunctions that open a new introduction after a comma ("…, und B ergänzte:")
    intro_coordinators: frozenset[str] = frozenset()
    #: finite active forms of a verb whose object is the quoted speaker ("zitierte")
    relay_verbs: frozenset[str] = frozenset()
    #: phrases after the object that hand over to the words ("mit den Worten")
    relay_phrases: tuple[tuple[str, ...], ...] = ()
    #: forms of a causative verb ("ließ") ...
    causative_verbs: frozenset[str] = frozenset()
    #: ... and the infinitives that make it a cue with it ("ließ … mitteilen")
    causative_infinitives: frozenset[str] = frozenset()
    #: prepositions of the channel between them ("ließ über seinen Anwalt mitteilen")
    causative_channels: frozenset[str] = frozenset()
    #: nouns naming an outlet ("Zeitung", "Sender") for a dative addressee after the speaker
    outlet_nouns: frozenset[str] = frozenset()
    #: role nouns that take an outlet as genitive ("der Sprecher der Zeitung")
    outlet_genitive_roles: frozenset[str] = frozenset()
    #: prepositions of the medium spoken in ("sagte der Minister im Deutschlandfunk")
    outlet_medium_prepositions: frozenset[str] = frozenset()
    #: articles of an outlet after the verb that is its addressee ("sagte hierzu der Zeitung")
    outlet_after_verb_articles: frozenset[str] = frozenset()
    #: verb forms of denial and insistence with their object as content ("denied")
    denial_verbs: frozenset[str] = frozenset()
    #: those that count only with "as" or an account noun after them ("dismissed")
    denial_needs_as: frozenset[str] = frozenset()
    #: the words of "as" ("dismissed the report as fake")
    denial_as_words: frozenset[str] = frozenset()
    #: adverbs of the verb group besides those in -ly ("later", "again")
    denial_adverbs: frozenset[str] = frozenset()
    #: post-modifiers of an anonymous source ("familiar with", "close to")
    source_modifiers: tuple[tuple[str, ...], ...] = ()
    #: first-person words that make an unquoted sentence next to unquoted speech more of
    #: it ("ich", "unser"; empty: no such continuation)
    first_person: frozenset[str] = frozenset()

    @classmethod
    def read(cls, raw: Mapping[str, Any]) -> Shapes:
        intro = raw.get("intro", {})
        relay = raw.get("relay", {})
        causative = raw.get("causative", {})
        outlet = raw.get("outlet_dative", {})
        return cls(
            intro_cues=_words(intro, "cues"),
            intro_phrases=_phrases(intro, "phrases"),
            intro_addressee_prepositions=_words(intro, "addressee_prepositions"),
            intro_topic_prepositions=_words(intro, "topic_prepositions"),
            intro_impersonal=_words(intro, "impersonal"),
            intro_not_subjects=_words(intro, "not_subjects"),
            intro_coordinators=_words(intro, "coordinators"),
            relay_verbs=_words(relay, "verbs"),
            relay_phrases=_phrases(relay, "phrases"),
            causative_verbs=_words(causative, "verbs"),
            causative_infinitives=_words(causative, "infinitives"),
            causative_channels=_words(causative, "channels"),
            outlet_nouns=_words(outlet, "outlet_nouns"),
            outlet_genitive_roles=_words(outlet, "genitive_roles"),
            outlet_medium_prepositions=_words(outlet, "medium_prepositions"),
            outlet_after_verb_articles=_words(outlet, "after_verb_articles"),
            source_modifiers=_phrases(raw, "source_modifiers"),
            denial_verbs=_words(raw.get("denial", {}), "verbs"),
            denial_needs_as=_words(raw.get("denial", {}), "needs_as"),
            denial_as_words=_words(raw.get("denial", {}), "as_words"),
            denial_adverbs=_words(raw.get("denial", {}), "adverbs"),
            first_person=_words(raw.get("continued", {}), "first_person"),
        )


@cache
def shapes(lang: str) -> Shapes:
    """The shape words of ``lang`` (empty for a language without the file)."""
    return Shapes.read(_read(lang, "shapes.json", required=False))
