"""The typed entries of the language data: cue verbs and nouns, according-to patterns,
markers, pronouns, Konjunktiv forms and the evidence layer's lexicon (one per file or
entry of ``sayso/lang/<lang>/``; :mod:`sayso.lang.loader` builds them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

from sayso.model import ActorKind, Medium, Stance

SUPPORTED: Final = ("de", "en")

FRAMES: Final = frozenset({"dass", "direct", "np", "v2", "zu", "ob"})


class MarkerKind(StrEnum):
    REPORTATIVE = "reportative"  # soll, angeblich, reportedly: hearsay without a named source
    HEDGE = "hedge"  # offenbar, vermutlich, apparently
    DENIAL = "denial"  # dementierte, denied
    CONFIRMATION = "confirmation"  # bestätigte, confirmed
    UNCONFIRMED = "unconfirmed"  # "bestätigte nicht", "could not be independently verified"


@dataclass(frozen=True, slots=True)
class CueEntry:
    """A cue verb. ``split_forms`` need ``particle`` later in the clause."""

    lemma: str
    forms: frozenset[str]
    split_forms: frozenset[str]
    particle: str | None
    medium: Medium
    stance: Stance
    frames: frozenset[str]
    count: int

    def needs_particle(self, form: str) -> bool:
        """True when ``form`` is a bare finite stem ("kündigte") that needs the particle."""
        return self.particle is not None and form in self.split_forms


@dataclass(frozen=True, slots=True)
class NominalCue:
    """A noun acting as cue ("Erklärung", "statement")."""

    lemma: str
    forms: frozenset[str]
    medium: Medium
    count: int


@dataclass(frozen=True, slots=True)
class PatternElement:
    """One position of an according-to pattern.

    ``kind`` is ``"word"`` (one of ``words``, lowercase), ``"source"`` (the source noun
    phrase), ``"cue"`` (any cue-verb form), ``"punct"`` (one of ``words``) or ``"mods"``
    (up to three lowercase modifiers: determiners, adjectives, adverbs). ``suffixes``
    (written ``*angaben`` in the data) match the last part of a compound word
    ("Armeeangaben", "NASA-Angaben").
    """

    kind: str
    words: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()

    def matches_word(self, token_lower: str) -> bool:
        if self.kind not in ("word", "punct"):
            return False
        return token_lower in self.words or any(
            token_lower.endswith(x) and len(token_lower) > len(x) for x in self.suffixes
        )


@dataclass(frozen=True, slots=True)
class AccordingPattern:
    """An according-to construction ("laut X", "X zufolge", "according to X").

    ``anchor`` is the index of the literal element used as trigger (indexed in
    ``LangProfile.according_to_triggers``); ``source`` says where the speaker is:
    ``"slot"`` (the SOURCE element), ``"none"`` (agentless, "hieß es"), ``"self"``
    ("nach eigenen Angaben": the clause subject) or ``"anaphoric"`` ("demnach": a
    previously mentioned source). ``content`` is ``"clause"`` (the host clause),
    ``"before"`` or ``"after"`` (a quote adjacent to the pattern).
    """

    id: str
    elements: tuple[PatternElement, ...]
    anchor: int
    source: str
    content: str
    medium: Medium
    confidence: float
    source_kinds: frozenset[ActorKind] = frozenset()
    note: str = ""
    #: the final CUE element may close its clause after adverbials ("wie X am Montag
    #: mitteilte")
    verb_final: bool = False
    source_to_break: bool = False
    #: the statement takes ``medium`` rather than the medium classifier's guess
    fixed_medium: bool = False


@dataclass(frozen=True, slots=True)
class Marker:
    """A (possibly multi-word) marker; ``tokens`` are lowercase words."""

    kind: MarkerKind
    tokens: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Pronoun:
    """One reading of a pronoun. ``gender``: m/f/n/None; ``number``: sg/pl/None."""

    form: str
    kind: str  # personal | relative | demonstrative | indefinite | possessive
    person: int
    gender: str | None
    number: str | None
    speaker: bool  # can head a speaker phrase


@dataclass(frozen=True, slots=True)
class Konjunktiv:
    """German Konjunktiv forms (see konjunktiv.json)."""

    k1: frozenset[str]
    k2: frozenset[str]
    ambiguous_plural: frozenset[str]
    indicative: frozenset[str]
    k1_regular_exceptions: frozenset[str]
    k2_stems_exceptions: frozenset[str]


Phrase = tuple[str, ...]


def _phrases(items: Iterable[str]) -> tuple[Phrase, ...]:
    """Lowercase phrases as token tuples, longest first (so matching prefers them)."""
    return tuple(sorted({tuple(x.lower().split()) for x in items}, key=lambda t: (-len(t), t)))


@dataclass(frozen=True, slots=True)
class EvidenceLexicon:
    """What the evidence layer reads from ``evidence.json`` (see its ``_doc``)."""

    citing: tuple[Phrase, ...] = ()
    attribute_endings: tuple[str, ...] = ()  # "mit den Plänen vertraute Personen"
    backward_scope: tuple[Phrase, ...] = ()
    forward_scope: tuple[Phrase, ...] = ()
    hearsay_modals: frozenset[str] = frozenset()
    claim_modals: frozenset[str] = frozenset()
    perfect_auxiliaries: frozenset[str] = frozenset()
    copula_infinitives: frozenset[str] = frozenset()
    stance: Mapping[str, Stance] = field(default_factory=dict)  # cue lemma -> stance
    account_nouns: Mapping[str, str] = field(default_factory=dict)  # noun -> what it names
    negations: frozenset[str] = frozenset()
    contrastive_negations: tuple[Phrase, ...] = ()  # "nicht so sehr", "not only"
    correctives: frozenset[str] = frozenset()  # "sondern": "nicht X, sondern Y"
    negation_suffixes: tuple[str, ...] = ()  # "n't": "doesn't" negates
    conditionals: frozenset[str] = frozenset()  # "wenn nicht", "if not"
    hypotheticals: tuple[Phrase, ...] = ()  # "would have": a counterfactual
    non_claim_openers: frozenset[str] = frozenset()  # "ob", "whether", "about": no claim
    official_words: frozenset[str] = frozenset()  # "offiziellen Darstellung"
    official_heads: tuple[str, ...] = ()  # "sprecher", "white house": official speakers
    dispute_predicates: tuple[Phrase, ...] = ()  # "haltlos", "unfounded"
    predicate_links: frozenset[str] = frozenset()  # "seien", "are", "als"
    refuting_pronouns: frozenset[str] = frozenset()  # "das", "that"
    refutations: tuple[Phrase, ...] = ()  # "stimmt nicht", "not true"
    function_words: frozenset[str] = frozenset()
    causes: tuple[Phrase, ...] = ()
    precedence: tuple[Phrase, ...] = ()
    antonyms: Mapping[str, frozenset[str]] = field(default_factory=dict)
    dispute_cues: frozenset[str] = frozenset()  # cue lemmas
    confirm_cues: frozenset[str] = frozenset()
    dispute_words: frozenset[str] = frozenset()  # literal forms
    accusation_cues: frozenset[str] = frozenset()
    report_cues: frozenset[str] = frozenset()
    scope_cues: frozenset[str] = frozenset()
    scope_auxiliaries: frozenset[str] = frozenset()
    outlet_heads: frozenset[str] = frozenset()
    #: words linking an outlet to the speech act right before it ("im", "gegenüber",
    #: "told … on", "to"): an outlet after the cue is an interview's only behind one
    outlet_links: frozenset[str] = frozenset()
    universal: frozenset[str] = frozenset()
    agreement: Mapping[str, str] = field(default_factory=dict)  # word -> confirms|disputes
    agreement_prepositions: frozenset[str] = frozenset()
    embedding_cues: frozenset[str] = frozenset()
    #: words between an embedded subject and its speech verb, or right after the verb,
    #: that make the verb no finite speech act of that subject ("and", "to", "zu")
    embedding_blockers: frozenset[str] = frozenset()
    #: subjects that name no one in particular ("jeder", "everyone")
    embedding_non_speakers: frozenset[str] = frozenset()
    #: the only words besides auxiliaries and -ly adverbs that may stand between an
    #: embedded subject and its verb (English); empty: any words (German objects)
    embedding_fillers: frozenset[str] = frozenset()
    demonstratives: frozenset[str] = frozenset()
    #: the owner of an account noun after it: a genitive or a preposition
    owner_genitives: frozenset[str] = frozenset()
    owner_prepositions: frozenset[str] = frozenset()
    #: prepositions that after an accusation noun name what is alleged, not who alleges
    #: it ("criticism of his comments", "charges of fraud")
    topic_prepositions: frozenset[str] = frozenset()
    #: endings of a possessive owner before an account noun
    possessive_endings: tuple[str, ...] = ()
    #: the shape of a past participle before a perfect auxiliary
    participle_prefixes: tuple[str, ...] = ()
    participle_endings: tuple[str, ...] = ()
    #: the word before an infinitive ("zu", "to"): a dispute word after it is a verb
    infinitive_markers: frozenset[str] = frozenset()

    @staticmethod
    def match(phrases: Sequence[Phrase], tokens: Sequence[str], i: int) -> Phrase | None:
        """The longest of ``phrases`` starting at ``tokens[i]`` (tokens in any case)."""
        for ph in phrases:
            n = len(ph)
            if i + n <= len(tokens) and all(tokens[i + k].lower() == ph[k] for k in range(n)):
                return ph
        return None
