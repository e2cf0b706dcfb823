"""``reporting.json``: the words of relays, confirmation and the author's distancing, read
by :mod:`sayso.evidence.relays` and :mod:`sayso.evidence.confirmation` (each key is
documented in the file's ``_doc``). Read on its own, like ``search.json``, so that the
profile's loader stays as it is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sayso.lang.entries import Phrase, _phrases
from sayso.lang.loader import _read


def _words(raw: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in raw.get(key, ()))


@dataclass(frozen=True, slots=True)
class FramingWords:
    """What relays, confirmation and distancing need besides ``evidence.json``."""

    #: cue lemmas of quoting someone else ("zitieren", "quote")
    relay_cues: frozenset[str] = frozenset()
    #: the preposition of a passive's agent ("von", "by")
    relay_agent: frozenset[str] = frozenset()
    #: indicative reportative modals: the author's hearsay ("soll", not the reported "solle")
    author_hearsay_modals: frozenset[str] = frozenset()
    #: words of a time ahead that make "soll … sein" a plan ("künftig", "ab 2020")
    plan_words: frozenset[str] = frozenset()
    #: prepositions that end a speaker phrase before an interview's outlet ("am Dienstag")
    speaker_tails: frozenset[str] = frozenset()
    #: determiners of a dative outlet before the cue ("Dem Telegraph sagte er")
    dative_determiners: frozenset[str] = frozenset()
    #: reportative markers that are hearsay only without a named source ("hieß es")
    sourceless_markers: frozenset[str] = frozenset()
    #: phrases before an outlet the speaker spoke to ("in an interview with")
    interview: tuple[Phrase, ...] = ()
    #: nouns of a piece an outlet published, after the outlet's name ("In a Wall Street
    #: Journal essay, X wrote"): the outlet is where the speaker wrote or spoke
    outlet_pieces: frozenset[str] = frozenset()
    #: prepositions before such a piece ("in a CNN interview", "at the NBC forum")
    piece_prepositions: frozenset[str] = frozenset()
    #: words saying a document is held by an outlet ("die der Zeitung vorliegen")
    held_by: tuple[Phrase, ...] = ()
    #: indefinite articles ("einer Mitteilung": a document whose author the text gave before)
    indefinite_articles: frozenset[str] = frozenset()
    #: verbs of verifying (any form): "bestätigen", "verify"
    verify_stems: tuple[str, ...] = ()
    #: prefixes of adjectives saying "not confirmed" ("unbestätigt", "unverified")
    unverified: tuple[str, ...] = ()
    #: nouns of verification or proof: "Bestätigung", "Belege", "evidence"
    verify_nouns: frozenset[str] = frozenset()
    #: words that negate a clause or a noun ("nicht", "keine", "no", "without")
    negations: frozenset[str] = frozenset()
    #: predicates of an open question ("unklar"): about a report the sentence names
    uncertain: frozenset[str] = frozenset()
    #: words asking whether something is true ("ob"): an open question about a report
    truth_questions: frozenset[str] = frozenset()
    #: verb forms of commenting: refused, they leave a named report unconfirmed
    comment_verbs: frozenset[str] = frozenset()
    #: negative determiners and prepositions before a noun ("keine", "no", "without")
    negative_determiners: frozenset[str] = frozenset()
    #: existential verbs whose "nicht" negates their subject noun ("gab es", "there was")
    existential: tuple[Phrase, ...] = ()
    #: negations opening a circumstantial clause about the statement itself ("without")
    circumstantial: frozenset[str] = frozenset()
    #: verbs that report a failed or refused verification without a negation
    #: ("declined to confirm", "lehnte … ab")
    refusals: frozenset[str] = frozenset()
    #: predicates that call an account false ("frei erfunden", "falsch", "untrue")
    false_words: tuple[Phrase, ...] = ()
    #: every word that may start a confirmation marker besides the stems (a cheap first test)
    triggers: frozenset[str] = frozenset()
    #: the first three letters of ``verify_stems`` and ``unverified`` (a cheap first test)
    stem_heads: frozenset[str] = frozenset()
    #: the first words of ``distancing_openers`` (a cheap first test)
    distancing_first: frozenset[str] = frozenset()
    #: the first words of ``false_words`` (a cheap first test)
    false_first: frozenset[str] = frozenset()
    #: verb forms of denial that need no account noun ("denied", "dementierte")
    denial_forms: frozenset[str] = frozenset()
    #: verb forms of confirmation ("bestätigte", "confirmed")
    confirm_forms: frozenset[str] = frozenset()
    #: words pointing back at an earlier report ("das", "dies", "this", "the report")
    anaphors: frozenset[str] = frozenset()
    #: the author's distancing: "anders als", "entgegen", "contrary to"
    distancing_openers: tuple[Phrase, ...] = ()
    #: participles of claiming after a distancing opener ("behauptet", "dargestellt")
    distancing_participles: frozenset[str] = frozenset()
    #: words that make a sentence speak about the future or a condition, not a report
    #: of non-confirmation ("wenn", "if")
    conditions: frozenset[str] = frozenset()
    #: verb forms that name an object with a predicate ("called the report false",
    #: "nannte den Bericht falsch"): the cue links the predicate to the account noun
    naming_cues: frozenset[str] = frozenset()
    #: prepositions naming the purpose of a request ("declined to comment *for* this
    #: story"): the account noun after them is the asking outlet's own piece, not a report
    request_purposes: frozenset[str] = frozenset()
    #: hedge-lexicon entries that never qualify an attribution: adjectival or comparative
    #: readings ("more likely to say", "die mutmaßlichen Täter", "could have requested")
    not_attribution_hedges: frozenset[str] = frozenset()
    #: endorsing cue lemmas (evidence.json "stance") that endorse only a finding, a
    #: document's or an organisation's ("a poll found", "wie Daten zeigen", "stellte der
    #: Rechnungshof fest"); a person's "showed" or "found" is neutral
    finding_cues: frozenset[str] = frozenset()
    #: predicates of possibility: negated after a noun of verifying, they refuse it ("Eine
    #: Überprüfung war nicht möglich")
    possible: frozenset[str] = frozenset()
    #: words asking about truth ("stimmt", "true"): an open question ("unklar, ob …") is
    #: about a report only with one of them or an account noun
    truth_words: frozenset[str] = frozenset()
    #: forms of reaching someone ("erreichbar", "reached"): negated with a comment noun,
    #: the party could not be reached for comment
    unreachable: frozenset[str] = frozenset()
    #: nouns of a comment asked for ("Stellungnahme", "comment")
    comment_nouns: frozenset[str] = frozenset()
    #: endings that make a capitalised word of verifying opening its sentence a verb or
    #: adjective ("Bestätigt ist das nicht", "Überprüfbar"), not a noun ("Bestätigung")
    verify_opener_endings: tuple[str, ...] = ()
    #: words after a negation that make it "not only" ("nicht nur", "not only")
    restrictive_particles: frozenset[str] = frozenset()
    #: words after an anaphor that is also an article that show it stands alone ("denied
    #: that was true"); any other lower-case word after it is its noun (English only)
    anaphor_verbs: frozenset[str] = frozenset()

    @classmethod
    def read(cls, raw: Mapping[str, Any]) -> FramingWords:
        return cls(
            relay_cues=_words(raw, "relay_cues"),
            not_attribution_hedges=_words(raw, "not_attribution_hedges"),
            finding_cues=_words(raw, "finding_cues"),
            relay_agent=_words(raw, "relay_agent"),
            author_hearsay_modals=_words(raw, "author_hearsay_modals"),
            dative_determiners=_words(raw, "dative_determiners"),
            speaker_tails=_words(raw, "speaker_tails"),
            plan_words=_words(raw, "plan_words"),
            indefinite_articles=_words(raw, "indefinite_articles"),
            held_by=_phrases(raw.get("held_by", ())),
            interview=_phrases(raw.get("interview", ())),
            outlet_pieces=_words(raw, "outlet_pieces"),
            piece_prepositions=_words(raw, "piece_prepositions"),
            sourceless_markers=_words(raw, "sourceless_markers"),
            verify_stems=tuple(w.lower() for w in raw.get("verify_stems", ())),
            verify_nouns=_words(raw, "verify_nouns"),
            unverified=tuple(w.lower() for w in raw.get("unverified", ())),
            negations=_words(raw, "negations"),
            refusals=_words(raw, "refusals"),
            circumstantial=_words(raw, "circumstantial"),
            negative_determiners=_words(raw, "negative_determiners"),
            comment_verbs=_words(raw, "comment_verbs"),
            uncertain=_words(raw, "uncertain"),
            truth_questions=_words(raw, "truth_questions"),
            existential=_phrases(raw.get("existential", ())),
            false_words=_phrases(raw.get("false_words", ())),
            triggers=frozenset(
                w.lower()
                for key in (
                    "verify_nouns",
                    "denial_forms",
                    "uncertain",
                    "comment_verbs",
                    "unreachable",
                )
                for w in raw.get(key, ())
            )
            | frozenset(p[0] for p in _phrases(raw.get("false_words", ())) if p),
            stem_heads=frozenset(
                w.lower()[:3] for w in (*raw.get("verify_stems", ()), *raw.get("unverified", ()))
            ),
            distancing_first=frozenset(
                p[0] for p in _phrases(raw.get("distancing_openers", ())) if p
            ),
            false_first=frozenset(p[0] for p in _phrases(raw.get("false_words", ())) if p),
            denial_forms=_words(raw, "denial_forms"),
            confirm_forms=_words(raw, "confirm_forms"),
            anaphors=_words(raw, "anaphors"),
            distancing_openers=_phrases(raw.get("distancing_openers", ())),
            distancing_participles=_words(raw, "distancing_participles"),
            conditions=_words(raw, "conditions"),
            naming_cues=_words(raw, "naming_cues"),
            request_purposes=_words(raw, "request_purposes"),
            possible=_words(raw, "possible"),
            truth_words=_words(raw, "truth_words"),
            unreachable=_words(raw, "unreachable"),
            comment_nouns=_words(raw, "comment_nouns"),
            verify_opener_endings=tuple(w.lower() for w in raw.get("verify_opener_endings", ())),
            restrictive_particles=_words(raw, "restrictive_particles"),
            anaphor_verbs=_words(raw, "anaphor_verbs"),
        )


@cache
def framing_words(lang: str) -> FramingWords:
    """The framing words of ``lang`` (empty for a language without ``reporting.json``)."""
    return FramingWords.read(_read(lang, "reporting.json", required=False))
