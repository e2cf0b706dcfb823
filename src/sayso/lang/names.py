"""The words of actor names (``lang/<lang>/names.json``): what is never a name, what ends
one, party names glued to a person, outlets and states beyond ``actors.json``, the heads
whose complement is the real source, the gender of German head nouns. Read by
:mod:`sayso.evidence.naming` (one article) and :mod:`sayso.ledger.identity` (across
articles), so both judge a name with the same words."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from sayso.lang import SUPPORTED


@dataclass(frozen=True, slots=True)
class NameWords:
    """One language's name vocabulary (all lowercase but ``countries`` and ``outlets``,
    which map a lowercased token tuple to the canonical name)."""

    lang: str
    not_names: frozenset[str]
    prepositions: frozenset[str]
    stops: frozenset[str]
    parties: frozenset[str]
    particles: frozenset[str]
    #: the particles that open a name's particles after a given name ("von der Leyen")
    lead_particles: frozenset[str]
    source_of: frozenset[str]
    voice_of: frozenset[str]
    document_heads: frozenset[str]
    organization_suffixes: tuple[str, ...]
    outlet_heads: frozenset[str]
    person_nouns: frozenset[str]
    countries: dict[tuple[str, ...], str]
    outlets: dict[tuple[str, ...], str]
    genders: tuple[tuple[str, str], ...]  # (ending, gender), longest ending first
    #: the lengths of the person nouns a compound may end in (six letters and more)
    person_lengths: tuple[int, ...] = ()
    #: conjunctions between names and after a truncated compound ("und", "and")
    coordinators: frozenset[str] = frozenset()
    #: prepositions that introduce a source ("aus Kreisen", "by Reuters")
    source_prepositions: frozenset[str] = frozenset()
    #: words between a source_of/voice_of head and its complement ("Angaben von …")
    complement_links: frozenset[str] = frozenset()
    #: words between a document noun and its outlet ("ein Bericht der Times", "by")
    report_links: frozenset[str] = frozenset()
    #: time adverbs never part of a name ("gestern", "today")
    time_words: frozenset[str] = frozenset()
    #: the endings of the weekdays among ``stops`` ("Montag", "Tuesday")
    weekday_endings: tuple[str, ...] = ()
    #: prepositions of a date after a name ("am Montag", "on Tuesday")
    date_prepositions: frozenset[str] = frozenset()
    #: determiners of one person ("des Vorsitzenden", "a spokeswoman")
    singular_determiners: frozenset[str] = frozenset()
    #: determiners of a person the article does not identify ("ein anderer", "a")
    indefinite_determiners: frozenset[str] = frozenset()
    #: German: determiners before an adjective used as a person ("der Angeklagte")
    masculine_determiners: frozenset[str] = frozenset()
    #: German: endings of agent nouns that describe a person ("Stürmer", "Läuferin")
    agent_endings: tuple[str, ...] = ()
    #: English: words that open the complement after a noun phrase's head ("released")
    head_cuts: frozenset[str] = frozenset()

    def gender(self, noun: str) -> str:
        """ "m", "f" or "n" of a German head noun by its ending (default "m")."""
        low = noun.lower()
        return next((g for end, g in self.genders if low.endswith(end)), "m")

    def is_person_noun(self, word: str) -> bool:
        """A noun for people that is a description, never a name ("Frau", "Wissenschafter",
        "Demonstranten"); German compounds by their last part ("Chefentwickler")."""
        low = word.lower()
        if low in self.person_nouns:
            return True
        # compounds by a long last part only: "Chefentwickler", but not the surname
        # "Wößmann" by "Mann"
        # (one set lookup per listed length, not a scan of the list)
        size, nouns = len(low), self.person_nouns
        return any(size - n >= 3 and low[-n:] in nouns for n in self.person_lengths)

    def is_org_word(self, word: str) -> bool:
        return word.lower().endswith(self.organization_suffixes)

    def match(
        self, table: dict[tuple[str, ...], str], words: list[str], i: int
    ) -> tuple[str, int] | None:
        """Longest entry of ``table`` starting at ``words[i]``: (canonical, token count)."""
        best: tuple[str, int] | None = None
        for n in range(1, min(5, len(words) - i) + 1):
            got = table.get(tuple(w.lower() for w in words[i : i + n]))
            if got is not None:
                best = (got, n)
        return best


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in raw.get(key, ()))


def _read(lang: str) -> dict[str, Any]:
    ref = resources.files("sayso.lang").joinpath(lang, "names.json")
    data: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    return data


def _table(pairs: dict[str, list[str]] | list[str]) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    items = pairs.items() if isinstance(pairs, dict) else ((p, []) for p in pairs)
    for canonical, aliases in items:
        for form in (canonical, *aliases):
            out[tuple(form.lower().split())] = canonical
    return out


@cache
def name_words(lang: str) -> NameWords:
    """The vocabulary of ``lang``; outlets are shared by every language (an English
    article quotes "Der Standard" as a German one quotes "Politico")."""
    raw = _read(lang)
    outlets: dict[tuple[str, ...], str] = {}
    for other in SUPPORTED:
        outlets.update(_table(_read(other).get("outlets", {})))
    genders = sorted(raw.get("genders", {}).items(), key=lambda kv: -len(kv[0]))
    person_nouns = _words(raw, "person_nouns")
    return NameWords(
        lang=lang,
        not_names=_words(raw, "not_names"),
        prepositions=_words(raw, "prepositions"),
        stops=_words(raw, "stops"),
        parties=_words(raw, "parties"),
        particles=_words(raw, "particles"),
        lead_particles=_words(raw, "lead_particles"),
        source_of=_words(raw, "source_of"),
        voice_of=_words(raw, "voice_of"),
        document_heads=_words(raw, "document_heads"),
        organization_suffixes=tuple(sorted(_words(raw, "organization_suffixes"))),
        outlet_heads=_words(raw, "outlet_heads"),
        person_nouns=person_nouns,
        countries=_table(list(raw.get("countries", ()))),
        outlets=outlets,
        genders=tuple((str(k), str(v)) for k, v in genders),
        person_lengths=tuple(sorted({len(n) for n in person_nouns if len(n) >= 6})),
        coordinators=_words(raw, "coordinators"),
        source_prepositions=_words(raw, "source_prepositions"),
        complement_links=_words(raw, "complement_links"),
        report_links=_words(raw, "report_links"),
        time_words=_words(raw, "time_words"),
        weekday_endings=tuple(str(w).lower() for w in raw.get("weekday_endings", ())),
        date_prepositions=_words(raw, "date_prepositions"),
        singular_determiners=_words(raw, "singular_determiners"),
        indefinite_determiners=_words(raw, "indefinite_determiners"),
        masculine_determiners=_words(raw, "masculine_determiners"),
        agent_endings=tuple(str(w).lower() for w in raw.get("agent_endings", ())),
        head_cuts=_words(raw, "head_cuts"),
    )
