"""The words of in-document entities (``lang/<lang>/entities.json``): what tells a
description's gender (a role noun's female ending, nouns and titles of one sex, the
determiner before it), the age description pattern, and the nationality nouns with the
word beginnings that introduce such a person. Read by :mod:`sayso.evidence.entities`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class EntityWords:
    """One language's entity vocabulary (all lowercase)."""

    lang: str
    female_endings: tuple[str, ...]
    gendered: dict[str, str]
    determiners: dict[str, str]
    age: re.Pattern[str]
    #: nationality noun (masculine form) -> word beginnings that introduce such a person
    nationalities: dict[str, tuple[str, ...]]
    #: words that introduce a new entity of a kind already named ("another source")
    new_markers: frozenset[str]
    #: words before a predicative noun ("als Opfer", "as mayor"): no referent
    predicative: frozenset[str]
    #: nouns of a share of people ("12 percent said"): poll respondents
    shares: frozenset[str]
    #: prepositions of place: a name after one is a place ("in New York")
    places: frozenset[str]
    #: determiners of a definite description ("der", "the"): it may refer back
    definite_determiners: frozenset[str] = frozenset()

    def nationality(self, noun: str) -> tuple[str, ...]:
        """The introducing word beginnings of a nationality noun ("Niederländer",
        "Niederländerin", "Niederländers"), empty when it is none."""
        low = noun.lower()
        for form in (low, low[:-2] if low.endswith("in") else low, low.rstrip("sn")):
            got = self.nationalities.get(form)
            if got:
                return got
        return ()


@cache
def entity_words(lang: str) -> EntityWords:
    """The vocabulary of ``lang`` (read once)."""
    ref = resources.files("sayso.lang").joinpath(lang, "entities.json")
    raw = json.loads(ref.read_text(encoding="utf-8"))
    return EntityWords(
        lang=lang,
        female_endings=tuple(str(x) for x in raw.get("female_endings", ())),
        gendered={str(k).lower(): str(v) for k, v in raw.get("gendered", {}).items()},
        determiners={str(k).lower(): str(v) for k, v in raw.get("determiners", {}).items()},
        age=re.compile(str(raw["age"])),
        nationalities={
            str(k).lower(): tuple(str(x).lower() for x in v)
            for k, v in raw.get("nationalities", {}).items()
        },
        new_markers=frozenset(str(x).lower() for x in raw.get("new_markers", ())),
        predicative=frozenset(str(x).lower() for x in raw.get("predicative", ())),
        shares=frozenset(str(x).lower() for x in raw.get("shares", ())),
        places=frozenset(str(x).lower() for x in raw.get("places", ())),
        definite_determiners=frozenset(str(x).lower() for x in raw.get("definite_determiners", ())),
    )
