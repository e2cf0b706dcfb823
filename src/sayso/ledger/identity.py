"""Who is who across articles: one actor for the spellings of one name.

News archives spell the same person many ways: "Selenskyj", "Zelensky", "Zelenskyy",
"Selenskij", "Wolodymyr Selenskyj", "Präsident Selenskyj"; "Schoigu" and "Shoigu";
"Peskow" and "Peskov"; and a typo now and then. Titles and roles ("Präsident",
"Kremlsprecher") are attributes of a person, not part of the name.

:func:`name_key` folds a name to a phonetic key that the transliteration variants share
(German and English renderings of Cyrillic and Ukrainian names, diacritics, doubled
letters); :func:`same_actor` decides whether two names denote one actor — equal keys,
a surname matching a full name, or a one-letter slip in a long person's name (rapidfuzz)
that something else corroborates (the same role, a name both articles mention) — and says
why, so every merge is explainable. The transliteration rules are data
(``lang/transliteration.json``), not code.

Only named entities are matched across articles (:func:`matchable`): a bare role noun
("Minister", "Forscher"), a description ("die britische Botschafterin in Wien"), a
pronoun, a generic noun ("Polizei", "Zeitung") or a non-entity stays an actor of its
article. :func:`clean_name` cuts the words glued to a name ("Anna Berger SPÖ", "Berger in
Anspielung", "Berger am Montag") before it is keyed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from sayso.model import ActorKind


@cache
def _rules() -> dict[str, Any]:
    path = resources.files("sayso") / "lang" / "transliteration.json"
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


class _Marks(dict[int, int | None]):
    """``str.translate`` table dropping combining marks, filled as characters are met
    (the same test per character as a generator over ``unicodedata.combining``, but
    looked up in C: fold runs over every statement of a topic query and every name)."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_MARKS = _Marks()
_NOT_FOLDED = re.compile(r"[^a-z0-9 ]+")


def fold(text: str) -> str:
    """Lowercase ASCII without diacritics: "Wolodymyr Selenskyj" -> "wolodymyr selenskyj"."""
    text = unicodedata.normalize("NFKD", text).translate(_MARKS)
    text = text.replace("ß", "ss").lower()
    return _NOT_FOLDED.sub(" ", text).strip()


@cache
def _endings() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern + "$"), repl) for pattern, repl in _rules()["endings"])


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=100_000)
def _word_key(word: str) -> str:
    """The phonetic key of one folded word (memoised: names repeat across documents)."""
    w = word
    for a, b in _rules()["replace"]:
        w = w.replace(a, b)
    for pattern, repl in _endings():
        w = pattern.sub(repl, w)
    return _DOUBLED.sub(r"\1", w)  # doubled letters: "zelenskyy", "pollack"


@lru_cache(maxsize=100_000)
def name_key(name: str, titles: frozenset[str] = frozenset()) -> str:
    """The phonetic key of a name, without titles and roles ("Präsident", "Dr.") —
    memoised: the same names come back in article after article, and storing a batch
    keyed each of its names several times."""
    words = [w for w in fold(name).split() if w not in titles and fold(w) not in titles]
    return " ".join(_word_key(w) for w in words)


@dataclass(frozen=True, slots=True)
class Match:
    """Why two names are one actor (or None when they are not)."""

    rule: str
    score: float


def compatible(a: ActorKind, b: ActorKind) -> bool:
    """Kinds that may denote one actor (an unknown kind matches anything but anonymous)."""
    if a is b:
        return True
    if ActorKind.ANONYMOUS in (a, b):
        return False
    return ActorKind.UNKNOWN in (a, b)


def _given_names_agree(a: list[str], b: list[str]) -> bool:
    """The initials of the shorter list of given names all occur among the longer's:
    "John Kennedy" / "John F. Kennedy", "Hillary Clinton" / "Hillary Rodham Clinton" —
    but not "Stadträtin Anna Berger" / "Stadträtin Thomas Berger", where comparing the
    first words alone took a title the lexicon lacks for a shared first name."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return {w[:1] for w in short} <= {w[:1] for w in long}


def same_actor(
    a: str,
    b: str,
    kind_a: ActorKind = ActorKind.PERSON,
    kind_b: ActorKind = ActorKind.PERSON,
    titles: frozenset[str] = frozenset(),
    *,
    surname_min: int = 3,
    typo_min: int = 6,
    corroborated: bool = False,
) -> Match | None:
    """Do names ``a`` and ``b`` denote the same actor? The rule that says so, or None.

    - ``identity.key``: equal phonetic keys ("Zelensky" / "Selenskyj");
    - ``identity.surname``: persons, one name is the other's surname ("Selenskyj" /
      "Wolodymyr Selenskyj"), or both have the same surname and given names whose
      initials agree (the shorter name's all among the longer's: "John Kennedy" /
      "John F. Kennedy");
    - ``identity.typo``: persons with keys of 6+ letters one edit apart ("Selenskij" /
      "Selenskji"), only when ``corroborated`` (the caller knows the same role or a name
      both articles mention: a near surname alone is often another person, and an
      outlet's or organisation's abbreviation one letter off is another body: MTI/PTI).
    Anonymous groups ("officials") are never merged by name: two articles' "officials"
    are not the same people. ``surname_min`` and ``typo_min`` are the least letters of a
    shared surname and of a name with a typo (``LedgerSettings``).
    """
    if not compatible(kind_a, kind_b) or ActorKind.ANONYMOUS in (kind_a, kind_b):
        return None
    ka, kb = name_key(a, titles), name_key(b, titles)
    if not ka or not kb:
        return None
    if ka == kb:
        return Match("identity.key", 1.0)
    person = ActorKind.PERSON in (kind_a, kind_b)
    wa, wb = ka.split(), kb.split()
    if person and wa[-1] == wb[-1] and len(wa[-1]) >= surname_min:
        if len(wa) == 1 or len(wb) == 1:
            return Match("identity.surname", 0.8)
        if _given_names_agree(wa[:-1], wb[:-1]):
            return Match("identity.surname", 0.9)
        return None
    if not (person and corroborated):
        return None
    distance = _levenshtein()
    if len(ka) >= typo_min and len(kb) >= typo_min and distance(ka, kb) <= 1:
        return Match("identity.typo", 0.85)
    surname_typo = len(wa[-1]) >= typo_min and distance(wa[-1], wb[-1]) <= 1
    if surname_typo and (len(wa) == 1 or len(wb) == 1 or wa[0][:1] == wb[0][:1]):
        return Match("identity.typo", 0.75)
    return None


@cache
def _levenshtein() -> Any:
    """rapidfuzz's edit distance, imported on first use (a command that only reads the
    ledger does not load rapidfuzz) and once: an import statement in ``same_actor`` cost
    a tenth of a speaker query's name matching."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance


#: kinds that are never the same actor in two documents: "officials" here are not
#: "officials" there, a document is cited per article, every unknown source is its own
PER_DOCUMENT_KINDS = frozenset(("anonymous", "unknown", "document"))
_QUOTES = '„“”"«»‹›‚‘'


def _vocabulary(lang: str) -> tuple[Any, Any]:
    from sayso.lang import SUPPORTED, load
    from sayso.lang.names import name_words

    code = lang if lang in SUPPORTED else "de"
    return load(code), name_words(code)


def _generic(word: str, profile: Any, nw: Any) -> bool:
    """A word that names no one in particular: a role, organisation, group or document
    noun ("Minister", "Polizei", "Zeitung"), a noun for people ("Frau"), a closed-class
    word ("Man", "Demnach")."""
    low = word.lower()
    if low in nw.not_names or low in profile.determiners or profile.pronoun(low):
        return True
    hint = profile.actor_kind_hint(word)
    if hint is not None and not profile.is_outlet(word):
        return True
    if low in nw.outlet_heads or low in profile.evidence.outlet_heads:
        return True
    return bool(nw.is_person_noun(word) or low in nw.document_heads or nw.is_org_word(word))


def clean_name(name: str, kind: ActorKind | str, lang: str) -> str:
    """``name`` without glued words, for keying: quotation marks, a parenthesised aside,
    a person's leading role nouns ("Chefentwickler Shigeru Miyamoto"), and after a name a
    party, a weekday, a preposition or adverb ("Anna Berger SPÖ", "Berger in Anspielung",
    "Berger am Montag")."""
    profile, nw = _vocabulary(lang)
    words = [w.strip(_QUOTES) for w in re.sub(r"\([^)]*\)", " ", name).split()]
    words = [w for w in words if w]
    if str(getattr(kind, "value", kind)) != "person":
        return " ".join(words)
    while (
        len(words) > 1
        and words[0][:1].isupper()
        and _generic(words[0], profile, nw)
        and words[1][:1].isupper()
        and not _generic(words[1], profile, nw)
    ):
        words = words[1:]
    for k in range(1, len(words)):
        low = words[k].lower()
        glued = low in nw.parties or low in nw.stops or low in nw.prepositions
        if glued and low not in nw.particles:
            return " ".join(words[:k])
    return " ".join(words)


def matchable(name: str, kind: ActorKind | str, lang: str) -> bool:
    """May this actor be matched with actors of other articles? Only a named entity: a
    person's name (capitalised name words and particles, no description), an outlet from
    the gazetteer or with a name, an organisation or state with a name word that is not a
    generic noun. Never anonymous groups, documents, unknown sources, bare role nouns
    ("Minister"), generic nouns ("Polizei", "Zeitung") or non-entities ("Man", "Demnach")."""
    value = str(getattr(kind, "value", kind))
    if value in PER_DOCUMENT_KINDS:
        return False
    profile, nw = _vocabulary(lang)
    words = clean_name(name, value, lang).split()
    if not words:
        return False
    if value == "outlet" and (nw.match(nw.outlets, words, 0) or profile.match_outlet(words, 0)):
        return True
    proper = [w for w in words if w[:1].isupper() and not _generic(w, profile, nw)]
    if value == "person":
        rest = [w for w in words if w.lower() not in nw.particles]
        return bool(proper) and len(proper) == len(rest)
    return bool(proper) and not all(w.lower() in nw.not_names for w in proper)
