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

#: ``NameWords.is_person_noun`` of compound words and ``is_org_word`` ("org:" + word),
#: per (language, word): each scans a whole word list
_PERSON_NOUNS: dict[tuple[str, str], bool] = {}


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
    source_of: frozenset[str]
    voice_of: frozenset[str]
    document_heads: frozenset[str]
    organization_suffixes: tuple[str, ...]
    outlet_heads: frozenset[str]
    person_nouns: frozenset[str]
    countries: dict[tuple[str, ...], str]
    outlets: dict[tuple[str, ...], str]
    genders: tuple[tuple[str, str], ...]  # (ending, gender), longest ending first

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
        key = (self.lang, low)
        got = _PERSON_NOUNS.get(key)
        if got is None:
            # compounds by a long last part only: "Chefentwickler", but not the surname
            # "Wößmann" by "Mann" (memoised: a scan of every noun per word)
            got = any(
                len(n) >= 6 and low.endswith(n) and len(low) - len(n) >= 3
                for n in self.person_nouns
            )
            if len(_PERSON_NOUNS) > 200_000:  # bounded over millions of articles
                _PERSON_NOUNS.clear()
            _PERSON_NOUNS[key] = got
        return got

    def is_org_word(self, word: str) -> bool:
        low = word.lower()
        key = (self.lang, "org:" + low)
        got = _PERSON_NOUNS.get(key)
        if got is None:
            got = _PERSON_NOUNS[key] = any(low.endswith(s) for s in self.organization_suffixes)
        return got

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
    return NameWords(
        lang=lang,
        not_names=_words(raw, "not_names"),
        prepositions=_words(raw, "prepositions"),
        stops=_words(raw, "stops"),
        parties=_words(raw, "parties"),
        particles=_words(raw, "particles"),
        source_of=_words(raw, "source_of"),
        voice_of=_words(raw, "voice_of"),
        document_heads=_words(raw, "document_heads"),
        organization_suffixes=tuple(sorted(_words(raw, "organization_suffixes"))),
        outlet_heads=_words(raw, "outlet_heads"),
        person_nouns=_words(raw, "person_nouns"),
        countries=_table(list(raw.get("countries", ()))),
        outlets=outlets,
        genders=tuple((str(k), str(v)) for k, v in genders),
    )
