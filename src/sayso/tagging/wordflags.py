"""The lexicon flags of a word, the part of the taggers' features that the language data
gives (:meth:`sayso.tagging.features.FeatureCache.flags` memoises them per word).

On text a process has not seen, computing them for each new word was about a third of
``analyze()``, most of it the compound-head search: four noun tables (anonymous groups,
documents, organizations, roles), each asked in turn whether a word or one of its
inflected bases is a head noun or ends in a head suffix, by slicing the word at every
suffix length of the table. Here the four tables are one dict of bitmasks for whole
words and one for word endings (every ending of every suffix, so a search stops at the
first ending no suffix has), searched once per base for all four tables. The answers are
those of :meth:`~sayso.lang.LangProfile.is_role_noun` and
:meth:`~sayso.lang.LangProfile.actor_kind_hint` (tested on every word of a corpus).
"""

from __future__ import annotations

from collections.abc import Callable

from sayso.lang import LangProfile
from sayso.text.quotes import MARK_RE

#: the noun tables, in the order :meth:`LangProfile.actor_kind_hint` asks them
ANONYMOUS, DOCUMENT, ORGANIZATION, ROLE = 1, 2, 4, 8
_TABLES = (
    (ANONYMOUS, "anonymous_heads", "anonymous_suffixes"),
    (DOCUMENT, "document_heads", "document_suffixes"),
    (ORGANIZATION, "org_heads", "org_suffixes"),
    (ROLE, "role_nouns", "role_suffixes"),
)
_KIND = {ANONYMOUS: "anonymous", DOCUMENT: "document", ORGANIZATION: "organization", ROLE: "person"}
PUNCT_CLASSES = {",": "comma", ":": "colon", ".": "period", "(": "lpar", ")": "rpar"}


class NounHeads:
    """Which of the four noun tables a word's head belongs to, as a bitmask."""

    def __init__(self, profile: LangProfile) -> None:
        #: the inflection endings by their last letter (most words end in none of them)
        self.inflections: dict[str, list[tuple[str, str]]] = {}
        for suffix, repl in profile.inflections:
            if not suffix:
                raise ValueError(f"an empty inflection ending in {profile.lang}")
            self.inflections.setdefault(suffix[-1], []).append((suffix, repl))
        self.nouns: dict[str, int] = {}
        #: every ending of every suffix: the tables the ending is a suffix of (0 when it
        #: is only the end of a longer one)
        self.endings: dict[str, int] = {}
        for bit, nouns, suffixes in _TABLES:
            for word in getattr(profile, nouns):
                self.nouns[word] = self.nouns.get(word, 0) | bit
            for suffix in getattr(profile, suffixes):
                if not suffix:
                    raise ValueError(f"an empty suffix in {profile.lang} {suffixes}")
                for k in range(1, len(suffix)):
                    self.endings.setdefault(suffix[-k:], 0)
                self.endings[suffix] = self.endings.get(suffix, 0) | bit

    def mask(self, token: str) -> int:
        """The tables in which the lowercased token, or a base of it with an inflection
        ending taken off ("Sprecherinnen", "Ministers"), is a noun or ends in a suffix."""
        t = token.lower()
        out = self._of(t)
        for suffix, repl in self.inflections.get(t[-1:], ()):
            if t.endswith(suffix) and len(t) > len(suffix) + 2:
                out |= self._of(t[: len(t) - len(suffix)] + repl)
        return out

    def _of(self, base: str) -> int:
        out = self.nouns.get(base, 0)
        endings = self.endings
        # a suffix of k letters counts when the word is longer than k + 1
        for k in range(1, len(base) - 1):
            got = endings.get(base[-k:])
            if got is None:
                break
            out |= got
        return out


def shape(word: str) -> str:
    """The word's first six characters by class (X upper, x other letters, d digit, else
    the character), a run of one class written once ("Berlin" "Xx", "12.5" "d.d")."""
    out = []
    last = ""
    for ch in word[:6]:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if c != last:
            out.append(c)
        last = c
    return "".join(out)


def kind_of(mask: int) -> str | None:
    """The actor kind a head mask suggests (after outlets): the first table it is in."""
    for bit in (ANONYMOUS, DOCUMENT, ORGANIZATION, ROLE):
        if mask & bit:
            return _KIND[bit]
    return None


def mood_function(profile: LangProfile) -> Callable[[str], str]:
    """German verb mood as a short label ("K1", "K2", "amb"); other languages have none.
    A capitalised word outside the closed Konjunktiv lists is a noun to :func:`mood`
    (no mood): that answer is given without asking."""
    if profile.lang != "de":
        return lambda _w: ""
    from sayso.lang import load
    from sayso.lang.mood import Mood, mood

    labels = {Mood.K1: "K1", Mood.K2: "K2", Mood.INDICATIVE_OR_K1: "amb"}
    k = load("de").konjunktiv
    assert k is not None, "de/konjunktiv.json is part of the package"
    closed = k.k1 | k.k2 | k.indicative | k.ambiguous_plural

    def label(word: str) -> str:
        if not word or (word[0].isupper() and word.lower() not in closed):
            return ""
        return labels.get(mood(word), "")

    return label


class WordFlags:
    """Computes a word's lexicon flags ("cue", "cue=sagen", "role", "kind=person", …)."""

    def __init__(self, profile: LangProfile) -> None:
        self.profile = profile
        self.heads = NounHeads(profile)
        self.mood = mood_function(profile)
        p = profile
        #: every (lowercase) word some lexicon below looks up: most new words are in none
        self.lexical = frozenset().union(
            p.cue_forms,
            p.split_forms,
            p.particles,
            p.nominal_cues,
            p.according_to_triggers,
            p.markers,
            p.pronouns,
            p.outlets,
            p.complementizers,
            p.tagger_determiners,
            p.prepositions,
        )

    def __call__(self, word: str) -> tuple[str, ...]:
        low = word.lower()
        if low in self.lexical:
            return self._lexical(word, low)
        # in no lexicon (lowercasing twice gives what lowercasing once does): only the
        # noun tables, the mood and the word's look can give flags
        out: list[str] = []
        heads = self.heads.mask(word)
        if heads & ROLE:
            out.append("role")
        kind = kind_of(heads)
        if kind is not None:
            out.append("kind=" + kind)
        mood = self.mood(word)
        if mood:
            out.append("mood=" + mood)
        if MARK_RE.fullmatch(word):
            out.append("qmark")
        elif word in PUNCT_CLASSES:
            out.append(PUNCT_CLASSES[word])
        elif word[:1].isupper():
            out.append("cap")
        return tuple(out)

    def _lexical(self, word: str, low: str) -> tuple[str, ...]:
        p = self.profile
        out: list[str] = []
        cue = p.cue(low)
        if cue is not None:
            out.append("cue")
            out.append("cue=" + cue.lemma)
            out.append("med=" + cue.medium.value)
            if cue.stance.value != "neutral":
                out.append("stance=" + cue.stance.value)
        elif p.particle_cues(low):
            out.append("cue")
            out.append("cuestem")
        if low in p.particles:
            out.append("ptcl")
        if p.nominal_cue(word) is not None:
            out.append("ncue")
        if p.according_to_at(low):
            out.append("acc")
        marker = p.marker(low)
        if marker is not None:
            out.append("mk=" + marker.value)
        heads = self.heads.mask(word)
        if heads & ROLE:
            out.append("role")
        if p.is_speaker_pronoun(low):
            out.append("pron")
        kind = "outlet" if p.is_outlet(word) else kind_of(heads)
        if kind is not None:
            out.append("kind=" + kind)
        mood = self.mood(word)
        if mood:
            out.append("mood=" + mood)
        if low in p.complementizers:
            out.append("comp")
        if low in p.tagger_determiners:
            out.append("det")
        if low in p.prepositions:
            out.append("prep")
        if MARK_RE.fullmatch(word):
            out.append("qmark")
        elif word in PUNCT_CLASSES:
            out.append(PUNCT_CLASSES[word])
        elif word[:1].isupper():
            out.append("cap")
        return tuple(out)
