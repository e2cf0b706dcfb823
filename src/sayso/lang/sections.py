"""Typed sections of the language data: the nested objects of ``clause.json``
(``content_clause``, ``nonfinite_cue``, ``noun_phrase``) and ``search.json``. Each field
names its key; the words and their use are documented in the file's ``_doc``. A section a
language does not have is ``None`` on the profile (English has no ``content_clause``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


def _words(raw: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in raw.get(key, ()))


@dataclass(frozen=True, slots=True)
class Infinitive:
    """``content_clause.infinitive``: a zu-infinitive content clause ("forderte, die Lizenz
    zu entziehen", "aufzugeben")."""

    #: the word before the infinitive ("zu"); empty: no infinitive clauses
    marker: str = ""
    #: the marker inside a particle verb ("aufzugeben")
    infix: str = ""
    #: the infinitive's ending
    ending: str = ""
    #: words after the infinitive that end its clause besides a comma ("und")
    ends_before: frozenset[str] = frozenset()

    @classmethod
    def read(cls, raw: Mapping[str, Any]) -> Infinitive:
        return cls(
            marker=raw.get("marker", ""),
            infix=raw.get("infix", ""),
            ending=raw.get("ending", ""),
            ends_before=frozenset(raw.get("ends_before", ())),
        )


@dataclass(frozen=True, slots=True)
class V2Clause:
    """``content_clause.v2_clause``: a main clause after the comma of a v2 cue verb."""

    subjects: frozenset[str]
    determiners: frozenset[str]
    not_after_subject: frozenset[str]


@dataclass(frozen=True, slots=True)
class ContentClause:
    """``clause.json`` ``content_clause``: what opens a content clause after a cue verb and
    its comma, what is no content clause, and the sizes of stubs."""

    #: words opening a that-clause ("dass")
    that: frozenset[str] = frozenset()
    infinitive: Infinitive = Infinitive()
    #: words opening a clause that is no content (purpose "um … zu", temporal "nachdem")
    not_after: frozenset[str] = frozenset()
    v2_clause: V2Clause | None = None
    #: relative pronouns after a preposition opening a relative clause ("bei dem")
    relative_pronouns: frozenset[str] = frozenset()
    #: words after them that start the relative clause ("…, bei dem es …")
    relative_clause_starts: frozenset[str] = frozenset()
    #: an indirect content of at most this many words right before another is its start
    #: (0: no such rule)
    stub_tokens: int = 0

    @classmethod
    def read(cls, raw: Mapping[str, Any]) -> ContentClause | None:
        if not raw:
            return None
        v2 = raw.get("v2_clause")
        return cls(
            that=frozenset(raw.get("that", ())),
            infinitive=Infinitive.read(raw.get("infinitive", {})),
            not_after=frozenset(raw.get("not_after", ())),
            v2_clause=(
                V2Clause(
                    frozenset(v2["subjects"]),
                    frozenset(v2["determiners"]),
                    frozenset(v2["not_after_subject"]),
                )
                if v2
                else None
            ),
            relative_pronouns=frozenset(raw.get("relative_pronouns", ())),
            relative_clause_starts=frozenset(raw.get("relative_clause_starts", ())),
            stub_tokens=int(raw.get("stub_tokens", 0)),
        )


@dataclass(frozen=True, slots=True)
class NonfiniteCue:
    """``clause.json`` ``nonfinite_cue``: a cue verb in a non-finite form ("claiming", "to
    admit") whose speaker is the main clause's subject."""

    suffixes: tuple[str, ...] = ()
    preceding: tuple[str, ...] = ()
    #: a finite cue right after one of these (an adverb may stand between) shares the main
    #: clause's subject too: "Cameron criticised the plan and [suggested] that …"
    coordinators: tuple[str, ...] = ()

    @classmethod
    def read(cls, raw: Mapping[str, Any]) -> NonfiniteCue | None:
        if not raw:
            return None
        return cls(
            tuple(raw.get("suffixes", ())),
            tuple(raw.get("preceding", ())),
            tuple(raw.get("coordinators", ())),
        )


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """``clause.json`` ``noun_phrase``: the words that continue or close the noun phrase of
    a source ("Angaben der Polizei", "Angaben von Beobachtern", "officials of the city")."""

    #: determiners that continue a noun phrase after its head (a genitive: "der", "des")
    genitive_determiners: frozenset[str] = frozenset()
    #: prepositions that continue a noun phrase after its head ("von", "of")
    continuations: frozenset[str] = frozenset()
    #: of those, the ones a noun phrase never ends on
    not_final: frozenset[str] = frozenset()
    #: prepositions of an attribute that a source may open with after a noun ("nach
    #: Angaben [von Beobachtern]"), skipped before its head
    attribute_prepositions: frozenset[str] = frozenset()
    #: conjunctions after a truncated compound's hyphen ("Kongress- und …")
    truncation_conjunctions: frozenset[str] = frozenset()
    #: endings of a lowercase word read as an adjective before the head ("jüngsten")
    adjective_endings: tuple[str, ...] = ()
    #: endings of a determinerless genitive plural adjective ("[politischer] Beobachter")
    genitive_adjective_endings: tuple[str, ...] = ()

    @classmethod
    def read(cls, raw: Mapping[str, Any]) -> NounPhrase:
        return cls(
            genitive_determiners=_words(raw, "genitive_determiners"),
            continuations=_words(raw, "continuations"),
            not_final=_words(raw, "not_final"),
            attribute_prepositions=_words(raw, "attribute_prepositions"),
            truncation_conjunctions=_words(raw, "truncation_conjunctions"),
            adjective_endings=tuple(raw.get("adjective_endings", ())),
            genitive_adjective_endings=tuple(raw.get("genitive_adjective_endings", ())),
        )


@dataclass(frozen=True, slots=True)
class Search:
    """``search.json``: the ledger's full-text search words of a language."""

    #: very common words left out of a query
    stop_words: frozenset[str] = frozenset()
    #: inflection endings stripped from a query word before prefix matching, longest
    #: first (German on SQLite, whose stemmer knows only English)
    endings: tuple[str, ...] = ()
    #: at least this many letters stay of a stripped word
    min_stem: int = 4

    @classmethod
    def read(cls, raw: Mapping[str, Any]) -> Search:
        return cls(
            _words(raw, "stop_words"),
            tuple(raw.get("endings", ())),
            int(raw.get("min_stem", 4)),
        )
