"""The lexicon flags of a word, the part of the taggers' features that the language data
gives (:meth:`sayso.tagging.features.FeatureCache.flags` memoises them per word).

On text a process has not seen, computing them for each new word was about a third of
``analyze()``, most of it the compound-head search: four noun tables (anonymous groups,
documents, organizations, roles), each asked whether a word or one of its inflected bases
is a head noun or ends in a head suffix. :meth:`sayso.lang.LangProfile.head_bits` answers
for all four tables at once (one dict of bitmasks for whole words, one for word endings,
a search that stops at the first ending no suffix has) and keeps the answer for the other
components that ask about the same word.
"""

from __future__ import annotations

from collections.abc import Callable

from sayso.lang import LangProfile
from sayso.lang.profile import HEAD_ANONYMOUS, HEAD_DOCUMENT, HEAD_ORGANIZATION, HEAD_ROLE
from sayso.text.quotes import MARK_RE

#: the noun tables, in the order :meth:`LangProfile.actor_kind_hint` asks them
ANONYMOUS, DOCUMENT, ORGANIZATION, ROLE = (
    HEAD_ANONYMOUS,
    HEAD_DOCUMENT,
    HEAD_ORGANIZATION,
    HEAD_ROLE,
)
_KIND = {ANONYMOUS: "anonymous", DOCUMENT: "document", ORGANIZATION: "organization", ROLE: "person"}
PUNCT_CLASSES = {",": "comma", ":": "colon", ".": "period", "(": "lpar", ")": "rpar"}


class NounHeads:
    """Which of the four noun tables a word's head belongs to, as a bitmask: the
    profile's :meth:`~sayso.lang.LangProfile.head_bits`, memoised there, so the speaker
    ranker and the evidence layer find the words the taggers looked up."""

    def __init__(self, profile: LangProfile) -> None:
        self.mask = profile.head_bits


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
