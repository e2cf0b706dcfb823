"""German inflection for actor names (:mod:`sayso.evidence.naming`): the nominative of a
mention's first noun group ("des Roten Kreuzes" → "Rotes Kreuz", "Sicherheitskreisen" →
"Sicherheitskreise"), inflected adjectives, genitive stems, plural nouns for people — by
endings and the language data, without a dictionary (a lemmatiser's German dictionary took
seconds to load, more than analysing dozens of articles)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from sayso.lang import LangProfile
from sayso.lang.names import NameWords


def fold(word: str) -> str:
    """Lowercase without diacritics ("Ärzte" → "arzte")."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c)
    )


#: endings of German adjectives and adverbs (the stem before an inflection ending)
_ADJ_SUFFIXES = ("isch", "lich", "ig", "al", "ell", "iv", "är", "ös", "bar", "sam", "haft", "reich",
                 "los")  # fmt: skip
ADV_ENDINGS = ("weise", "mals", "dings", "wärts", "ens", "lich", "ig", "isch")
_SIBILANT = ("s", "z", "x", "ß", "sch")


def word_stem(word: str) -> str:
    """A German adjective without its inflection ending ("Roten" → "Rot")."""
    for ending in ("en", "em", "er", "es", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=50_000)
def adjective(word: str) -> bool:
    """An inflected German adjective ("Roten", "Europäischen", "informierte", "eigenen")."""
    if not word[:1].isalpha() or not word.endswith(("e", "en", "em", "er", "es")):
        return False
    if word[:1].islower():
        return True
    stem = word_stem(word).lower()
    return stem.endswith(_ADJ_SUFFIXES) or stem in _COMMON_ADJECTIVES


_COMMON_ADJECTIVES = frozenset(
    ("rot", "neu", "alt", "groß", "gross", "klein", "hoch", "hoh", "weiß", "schwarz", "grün",
     "blau", "gelb", "jung", "frei", "oberst", "ober", "unter", "link", "recht", "erst",
     "letzt", "nächst", "eigen", "vereinigt", "geeint", "zentral", "national", "deutsch")
)  # fmt: skip


def genitive_stem(noun: str) -> str | None:
    """A noun without its genitive ending ("Kreuzes" → "Kreuz", "Kanzleramts" →
    "Kanzleramt", "Bundesamtes" → "Bundesamt"), None when it has none."""
    if noun.endswith("es") and len(noun) > 5 and noun[-3] not in "aeiouäöü":
        return noun[:-2]
    if noun.endswith("s") and len(noun) > 4 and not noun.endswith(("ss", "us", "is")):
        return noun[:-1]
    return None


def is_plural(word: str, profile: LangProfile) -> bool:
    """A plural noun for people ("Demonstranten", "Ärztinnen", "voters"); German "-s" is
    the genitive singular ("des Ministers"), "-er" nouns are read as singular."""
    low = word.lower()
    if profile.lang != "de":
        return (
            low.endswith("s")
            and not low.endswith("ss")
            and not low.endswith(profile.possessive_clitics)
            and len(low) > 3
        )
    if low.endswith("innen"):
        return True
    if "jährig" in low:  # "die 45-Jährige" is one woman, "die 45-Jährigen" a group
        return low.endswith("jährigen")
    if low.endswith("en") and not low.endswith(("chen", "men")):
        return True
    return low.endswith("e") and any(c in low for c in "äöü") and fold(low) != low


def singular_form(word: str, profile: LangProfile) -> str:
    """A role noun as written, but not in an oblique case ("Ministers" → "Minister")."""
    if profile.lang != "de" or not word.endswith("s"):
        return word
    stem = genitive_stem(word)
    return stem if stem and stem.lower() in profile.role_nouns else word


def canonical(
    words: list[str], before: list[str], profile: LangProfile, nw: NameWords
) -> list[str]:
    """The phrase in the nominative: German genitive singular ("des Roten Kreuzes" →
    "Rotes Kreuz", "Kanzleramts" → "Kanzleramt") and dative plural ("Sicherheitskreisen"
    → "Sicherheitskreise", "Insidern" → "Insider") of the first noun group."""
    if profile.lang != "de":
        return list(words)
    article = before[-1].lower() if before else ""
    out = list(words)
    head = next(
        (
            i
            for i, w in enumerate(out)
            if w[:1].isupper() and not w.endswith("-") and not adjective(w)
        ),
        None,
    )
    if head is None:
        return out
    noun = out[head]
    if not article and not is_plural(noun, profile) and nw.gender(noun) != "f":
        article = {"m": "der", "n": "das"}[nw.gender(noun)]  # "Europäische Gerichtshof"
        if any(adjective(w) and w.endswith("en") for w in out[:head]):
            article = ""  # "Österreichischen Hagelversicherung": an oblique case
    if article in ("der", "das") and nominative_noun(noun, article, profile) == noun:
        # "das Rote Kreuz" → "Rotes Kreuz", "der Europäische Gerichtshof" → "Europäischer …"
        gender = nw.gender(noun)
        for i in range(head):
            if not adjective(out[i]):
                continue
            if out[i].endswith("e") and (article, gender) in (("der", "m"), ("das", "n")):
                out[i] += "r" if article == "der" else "s"
            elif out[i].endswith("en") and article == "der" and gender == "f":
                out[i] = out[i][:-1]  # "der Europäischen Kommission" (genitive, dative)
        return out
    new = nominative_noun(noun, article, profile)
    oblique = ("des", "eines", "dem", "einem", "den", "der", "einer", "")
    if new != noun or article in oblique:
        gender = nw.gender(new)
        for i in range(head):
            if adjective(out[i]) and out[i].endswith("en"):
                plural = is_plural(noun, profile) or (new.endswith(("e", "er")) and new != noun)
                out[i] = strong(out[i], gender, plural=plural)
        out[head] = new
    return out


def nominative_noun(noun: str, article: str, profile: LangProfile) -> str:
    """A head noun in the nominative: a genitive after "des"/"eines" or of a known head
    ("Kanzleramts" → "Kanzleramt"), the dative plural of a group ("Kreisen" →
    "Kreise", "Insidern" → "Insider")."""
    stem = genitive_stem(noun)
    if stem is not None and (
        article in ("des", "eines") or profile.actor_kind_hint(stem) is not None
    ):
        return stem
    low = noun.lower()
    if low.endswith("kreisen") or (low.endswith("ern") and profile.is_anonymous_head(noun)):
        return noun[:-1]  # dative plural
    heads = profile.anonymous_heads
    if low.endswith("en") and low not in heads:  # "Medienberichten" → "Medienberichte"
        plural = low[:-1]
        if plural in heads or any(plural.endswith(h) for h in heads if h[-1] == "e" and len(h) > 5):
            return noun[:-1]
    return noun


def strong(adjective: str, gender: str, *, plural: bool) -> str:
    """An "-en" adjective in the nominative without article: "Roten" → "Rotes" (neuter),
    "Europäischen" → "Europäischer" (masculine) / "Europäische" (feminine, plural)."""
    stem = adjective[:-2]
    if plural or gender == "f":
        return stem + "e"
    return stem + ("es" if gender == "n" else "er")
