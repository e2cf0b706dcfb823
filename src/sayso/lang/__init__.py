"""Language knowledge as data: cue verbs and nouns, according-to patterns, markers, roles,
pronouns, actor heads, abbreviations and (German) Konjunktiv forms.

The knowledge lives in JSON files under ``sayso/lang/<lang>/`` (each with a ``_doc`` key);
this module only loads them into an immutable :class:`LangProfile` and offers O(1)
lookups. No detection logic lives here.

>>> de = load("de")
>>> de.cue("sagte").lemma
'sagen'
>>> de.cue_with_particle("kündigte", "an").lemma
'ankündigen'
>>> de.is_role_noun("Regierungssprecherin")
True
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Final

from sayso.errors import E002, SaysoError
from sayso.model import ActorKind, Medium, Stance

__all__ = [
    "SUPPORTED",
    "AccordingPattern",
    "CueEntry",
    "EvidenceLexicon",
    "Konjunktiv",
    "LangProfile",
    "Marker",
    "MarkerKind",
    "NominalCue",
    "PatternElement",
    "Pronoun",
    "Stance",
    "load",
]

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
    backward_scope: tuple[Phrase, ...] = ()
    forward_scope: tuple[Phrase, ...] = ()
    hearsay_modals: frozenset[str] = frozenset()
    claim_modals: frozenset[str] = frozenset()
    perfect_auxiliaries: frozenset[str] = frozenset()
    copula_infinitives: frozenset[str] = frozenset()
    stance: Mapping[str, Stance] = field(default_factory=dict)  # cue lemma -> stance
    account_nouns: Mapping[str, str] = field(default_factory=dict)  # noun -> what it names
    negations: frozenset[str] = frozenset()
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
    universal: frozenset[str] = frozenset()
    agreement: Mapping[str, str] = field(default_factory=dict)  # word -> confirms|disputes
    agreement_prepositions: frozenset[str] = frozenset()
    embedding_cues: frozenset[str] = frozenset()
    demonstratives: frozenset[str] = frozenset()

    @staticmethod
    def match(phrases: Sequence[Phrase], tokens: Sequence[str], i: int) -> Phrase | None:
        """The longest of ``phrases`` starting at ``tokens[i]`` (tokens in any case)."""
        for ph in phrases:
            n = len(ph)
            if i + n <= len(tokens) and all(tokens[i + k].lower() == ph[k] for k in range(n)):
                return ph
        return None


def _evidence(raw: Mapping[str, Any]) -> EvidenceLexicon:
    stance: dict[str, Stance] = {}
    for value, lemmas in raw.get("stance", {}).items():
        for lemma in lemmas:
            stance[lemma.lower()] = Stance(value)
    accounts: dict[str, str] = {}
    for what, nouns in raw.get("account_nouns", {}).items():
        for noun in nouns:
            accounts.setdefault(noun.lower(), what)
    antonyms: dict[str, set[str]] = defaultdict(set)
    for a, b in raw.get("antonyms", ()):
        antonyms[a.lower()].add(b.lower())
        antonyms[b.lower()].add(a.lower())
    expl = raw.get("competing_explanations", {})
    return EvidenceLexicon(
        citing=_phrases(raw.get("citing", ())),
        backward_scope=_phrases(raw.get("backward_scope", ())),
        forward_scope=_phrases(raw.get("forward_scope", ())),
        hearsay_modals=_lower_set(raw.get("hearsay_modals", ())),
        claim_modals=_lower_set(raw.get("claim_modals", ())),
        perfect_auxiliaries=_lower_set(raw.get("perfect_auxiliaries", ())),
        copula_infinitives=_lower_set(raw.get("copula_infinitives", ())),
        stance=_ro(stance),
        account_nouns=_ro(accounts),
        negations=_lower_set(raw.get("negations", ())),
        function_words=_lower_set(raw.get("function_words", ())),
        causes=_phrases(expl.get("cause", ())),
        precedence=_phrases(expl.get("precedence", ())),
        antonyms=_ro({k: frozenset(v) for k, v in antonyms.items()}),
        dispute_cues=_lower_set(raw.get("dispute_cues", ())),
        confirm_cues=_lower_set(raw.get("confirm_cues", ())),
        dispute_words=_lower_set(raw.get("dispute_words", ())),
        accusation_cues=_lower_set(raw.get("accusation_cues", ())),
        report_cues=_lower_set(raw.get("report_cues", ())),
        scope_cues=_lower_set(raw.get("scope_cues", ())),
        scope_auxiliaries=_lower_set(raw.get("scope_auxiliaries", ())),
        outlet_heads=_lower_set(raw.get("outlet_heads", ())),
        universal=_lower_set(raw.get("universal", ())),
        agreement=_ro(
            {
                w.lower(): kind
                for kind, words in raw.get("agreement_words", {}).items()
                for w in words
            }
        ),
        agreement_prepositions=_lower_set(raw.get("agreement_prepositions", ())),
        embedding_cues=_lower_set(raw.get("embedding_cues", ())),
        demonstratives=_lower_set(raw.get("demonstratives", ())),
    )


def _ro(d: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(d))


@dataclass(frozen=True, slots=True)
class LangProfile:
    """Everything sayso knows about one language. Build it with :func:`load`.

    All string keys are lowercase unless noted; lookups lowercase their argument.
    """

    lang: str
    cues: Mapping[str, CueEntry]  # lemma -> entry
    cue_forms: Mapping[str, CueEntry]  # standalone form -> most frequent entry
    split_cues: Mapping[tuple[str, str], CueEntry]  # (stem form, particle) -> entry
    split_forms: Mapping[str, tuple[CueEntry, ...]]  # stem form -> particle verbs
    particles: frozenset[str]
    nominal_cues: Mapping[str, NominalCue]  # form -> entry
    according_to: tuple[AccordingPattern, ...]
    according_to_triggers: Mapping[str, tuple[AccordingPattern, ...]]
    markers: Mapping[str, tuple[Marker, ...]]  # first token -> markers starting with it
    reportative_modals: frozenset[str]
    role_nouns: frozenset[str]
    role_suffixes: frozenset[str]
    inflections: tuple[tuple[str, str], ...]  # (suffix, replacement) tried in order
    pronouns: Mapping[str, tuple[Pronoun, ...]]
    outlets: Mapping[str, str]  # lowercase name -> canonical name
    outlet_first: Mapping[str, tuple[tuple[str, ...], ...]]  # first token -> token tuples
    org_heads: frozenset[str]
    org_suffixes: frozenset[str]
    anonymous_heads: frozenset[str]
    anonymous_suffixes: frozenset[str]
    document_heads: frozenset[str]
    document_suffixes: frozenset[str]
    abbreviations: frozenset[str]  # case-sensitive, with the final period
    months: Mapping[str, int]
    konjunktiv: Konjunktiv | None = None
    complementizers: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    tagger_determiners: frozenset[str] = frozenset()  # the taggers' "det" feature
    prepositions: frozenset[str] = frozenset()
    clause_breaks: frozenset[str] = frozenset()
    main_clause_breaks: frozenset[str] = frozenset()
    object_determiners: frozenset[str] = frozenset()
    addressee_prepositions: frozenset[str] = frozenset()
    addressee_verbs: frozenset[str] = frozenset()
    addressee_object_starts: frozenset[str] = frozenset()
    nonfinite_cue: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    reported_lemmas: frozenset[str] = frozenset()
    #: words that may be the verb of a reported sentence: standalone forms of a reported
    #: lemma and stems of its particle verbs (a cheap first test per sentence)
    reported_forms: frozenset[str] = frozenset()
    #: every standalone cue form and split stem (a cheap first test per sentence)
    cue_words: frozenset[str] = frozenset()
    reported_not_with: Mapping[str, frozenset[str]] = field(default_factory=dict)
    reported_only_with: Mapping[str, frozenset[str]] = field(default_factory=dict)
    evidence: EvidenceLexicon = field(default_factory=EvidenceLexicon)
    postposed_attribution: frozenset[str] = frozenset()
    anaphoric_openers: frozenset[str] = frozenset()
    nested_single_lowercase: bool = False
    colon_quotation: bool = False
    fragment_marks: frozenset[str] = frozenset()
    fragment_not_after: frozenset[str] = frozenset()
    closing_adverbs: frozenset[str] = frozenset()
    content_clause: Mapping[str, Any] = field(default_factory=dict)
    passive_auxiliaries: frozenset[str] = frozenset()
    speaker_label_exclude: frozenset[str] = frozenset()
    ambiguous_cue_forms: frozenset[str] = frozenset()
    verb_companions: frozenset[str] = frozenset()
    finite_auxiliaries: frozenset[str] = frozenset()
    speaker_trim: bool = False
    speaker_extension: frozenset[str] = frozenset()
    speaker_contractions: tuple[str, ...] = ()  # "’s" of "He’s": not the speaker's
    relative_pronouns: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    time_prepositions: frozenset[str] = frozenset()
    _suffix_lengths: Mapping[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    _memo: dict[tuple[str, str], bool] = field(
        default_factory=dict, repr=False, compare=False, hash=False
    )

    # --- cues ---------------------------------------------------------------------------
    def cue(self, token: str) -> CueEntry | None:
        """The cue verb that ``token`` is a standalone form of ("sagte", "said")."""
        return self.cue_forms.get(token.lower())

    def cue_with_particle(self, token: str, particle: str) -> CueEntry | None:
        """The particle verb for a split stem and its particle ("kündigte", "an")."""
        return self.split_cues.get((token.lower(), particle.lower()))

    def particle_cues(self, token: str) -> tuple[CueEntry, ...]:
        """Particle verbs that ``token`` may be the finite stem of ("gab": bekanntgeben...)."""
        return self.split_forms.get(token.lower(), ())

    def cue_lemma_at(self, tokens: Sequence[str], i: int, end: int) -> str | None:
        """The cue lemma of ``tokens[i]`` when it is a lowercase cue form: a standalone form
        ("sagte"), or a split stem whose particle stands later before ``end`` ("wies … zurück")."""
        word = tokens[i]
        if not word[:1].islower():
            return None
        low = word.lower()
        entry = self.cue(low)
        if entry is not None and not entry.needs_particle(low):
            return entry.lemma
        if low not in self.split_forms:  # the stem of no particle verb: nothing to find
            return None
        for j in range(i + 1, end):
            e = self.cue_with_particle(low, tokens[j].lower())
            if e is not None:
                return e.lemma
        return None

    def is_cue_form(self, token: str) -> bool:
        t = token.lower()
        return t in self.cue_forms or t in self.split_forms

    def nominal_cue(self, token: str) -> NominalCue | None:
        return self.nominal_cues.get(token.lower())

    # --- according-to and markers -------------------------------------------------------
    def according_to_at(self, token: str) -> tuple[AccordingPattern, ...]:
        """Patterns whose anchor word is ``token`` ("laut", "zufolge", "according")."""
        return self.according_to_triggers.get(token.lower(), ())

    def markers_at(self, token: str) -> tuple[Marker, ...]:
        """Markers (longest first) whose first word is ``token``."""
        return self.markers.get(token.lower(), ())

    def marker(self, token: str) -> MarkerKind | None:
        """The kind of a single-word marker ("angeblich", "reportedly"), else None."""
        for m in self.markers.get(token.lower(), ()):
            if len(m.tokens) == 1:
                return m.kind
        return None

    def match_marker(self, tokens: Sequence[str], i: int) -> Marker | None:
        """The longest marker starting at ``tokens[i]`` (tokens in any case)."""
        for m in self.markers.get(tokens[i].lower(), ()):
            n = len(m.tokens)
            if i + n <= len(tokens) and all(
                tokens[i + k].lower() == m.tokens[k] for k in range(1, n)
            ):
                return m
        return None

    # --- nouns ----------------------------------------------------------------------------
    def _bases(self, token: str) -> Iterable[str]:
        t = token.lower()
        yield t
        for suffix, repl in self.inflections:
            if t.endswith(suffix) and len(t) > len(suffix) + 2:
                yield t[: len(t) - len(suffix)] + repl

    def _has_suffix(self, word: str, table: str, suffixes: frozenset[str]) -> bool:
        for n in self._suffix_lengths.get(table, ()):
            if len(word) > n + 1 and word[-n:] in suffixes:
                return True
        return False

    def _head_in(self, token: str, nouns: frozenset[str], table: str) -> bool:
        # memoised per (table, word): the suffix search is the costliest lookup of all, and
        # speaker phrases, chains and features ask about the same words again and again
        key = (table, token)
        got = self._memo.get(key)
        if got is None:
            suffixes: frozenset[str] = getattr(self, table)
            got = any(
                b in nouns or self._has_suffix(b, table, suffixes) for b in self._bases(token)
            )
            if len(self._memo) > 500_000:  # bounded over millions of articles
                self._memo.clear()
            self._memo[key] = got
        return got

    def is_role_noun(self, token: str) -> bool:
        """Role/title nouns ("Sprecher", "Ministerin", "Polizeisprecher", "spokesmen")."""
        return self._head_in(token, self.role_nouns, "role_suffixes")

    def is_org_head(self, token: str) -> bool:
        return self._head_in(token, self.org_heads, "org_suffixes")

    def is_anonymous_head(self, token: str) -> bool:
        return self._head_in(token, self.anonymous_heads, "anonymous_suffixes")

    def is_document_head(self, token: str) -> bool:
        return self._head_in(token, self.document_heads, "document_suffixes")

    def is_outlet(self, token: str) -> bool:
        """A single-token outlet name ("dpa", "Spiegel", "Reuters")."""
        return token.lower() in self.outlets

    def match_outlet(self, tokens: Sequence[str], i: int) -> tuple[str, int] | None:
        """Longest outlet name starting at ``tokens[i]``: (canonical name, token count)."""
        for cand in self.outlet_first.get(tokens[i].lower(), ()):
            n = len(cand)
            if i + n <= len(tokens) and all(tokens[i + k].lower() == cand[k] for k in range(1, n)):
                return self.outlets[" ".join(cand)], n
        return None

    def actor_kind_hint(self, token: str) -> ActorKind | None:
        """What kind of actor a head word suggests, or None when it says nothing.

        Order: outlet name, anonymous group, document, organization, role (person).
        """
        if self.is_outlet(token):
            return ActorKind.OUTLET
        if self.is_anonymous_head(token):
            return ActorKind.ANONYMOUS
        if self.is_document_head(token):
            return ActorKind.DOCUMENT
        if self.is_org_head(token):
            return ActorKind.ORGANIZATION
        if self.is_role_noun(token):
            return ActorKind.PERSON
        return None

    def pronoun(self, token: str) -> tuple[Pronoun, ...]:
        """All readings of a pronoun ("sie": 3sg f and 3pl), empty if none."""
        return self.pronouns.get(token.lower(), ())

    def is_speaker_pronoun(self, token: str) -> bool:
        return any(p.speaker for p in self.pronoun(token))

    # --- text ---------------------------------------------------------------------------
    def is_abbreviation(self, token: str) -> bool:
        """A period-final token that does not end a sentence ("Dr.", "z.", "U.S.")."""
        return token in self.abbreviations

    def month(self, token: str) -> int | None:
        """Month number for a month name or abbreviation ("Mai" 5, "Sept." 9)."""
        return self.months.get(token.lower())


# --------------------------------------------------------------------------------------------
# loading
# --------------------------------------------------------------------------------------------
def _read(lang: str, name: str, *, required: bool = True) -> dict[str, Any]:
    ref = resources.files("sayso.lang").joinpath(lang, name)
    if not ref.is_file():
        if required:
            raise FileNotFoundError(f"sayso/lang/{lang}/{name} is missing")
        return {}
    data: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    data.pop("_doc", None)
    return data


def _lower_set(items: Iterable[str]) -> frozenset[str]:
    return frozenset(s.lower() for s in items)


def _cues(raw: Mapping[str, Any]) -> tuple[dict[str, CueEntry], ...]:
    cues: dict[str, CueEntry] = {}
    for lemma, d in raw.items():
        cues[lemma] = CueEntry(
            lemma=lemma,
            forms=_lower_set(d["forms"]),
            split_forms=_lower_set(d.get("split_forms", ())),
            particle=d.get("particle"),
            medium=Medium(d["medium"]),
            stance=Stance(d["stance"]),
            frames=frozenset(d["frames"]),
            count=int(d["count"]),
        )
    return (cues,)


def _index_cues(
    cues: Mapping[str, CueEntry],
) -> tuple[dict[str, CueEntry], dict[tuple[str, str], CueEntry], dict[str, tuple[CueEntry, ...]]]:
    by_count = sorted(cues.values(), key=lambda c: (-c.count, c.lemma))
    forms: dict[str, CueEntry] = {}
    split: dict[tuple[str, str], CueEntry] = {}
    split_by_form: dict[str, list[CueEntry]] = defaultdict(list)
    for c in by_count:
        for f in c.forms - c.split_forms:
            forms.setdefault(f, c)
        if c.particle:
            for f in c.split_forms:
                split.setdefault((f, c.particle), c)
                split_by_form[f].append(c)
    return forms, split, {k: tuple(v) for k, v in split_by_form.items()}


def _element(raw: str) -> PatternElement:
    if raw == "SOURCE":
        return PatternElement("source")
    if raw == "CUE":
        return PatternElement("cue")
    if raw == "MODS":
        return PatternElement("mods")
    if raw.startswith("PUNCT:"):
        return PatternElement("punct", frozenset(raw[6:].split("|")))
    alternatives = raw.lower().split("|")
    return PatternElement(
        "word",
        frozenset(w for w in alternatives if not w.startswith("*")),
        tuple(w[1:] for w in alternatives if w.startswith("*")),
    )


def _patterns(raw: Sequence[Mapping[str, Any]]) -> tuple[AccordingPattern, ...]:
    out = []
    for d in raw:
        elements = tuple(_element(e) for e in d["tokens"])
        anchor = int(d.get("anchor", next(i for i, e in enumerate(elements) if e.kind == "word")))
        out.append(
            AccordingPattern(
                id=d["id"],
                elements=elements,
                anchor=anchor,
                source=d.get("source", "slot"),
                content=d.get("content", "clause"),
                medium=Medium(d.get("medium", "unknown")),
                confidence=float(d.get("confidence", 0.8)),
                source_kinds=frozenset(ActorKind(k) for k in d.get("source_kinds", ())),
                note=d.get("note", ""),
                verb_final=bool(d.get("verb_final", False)),
                source_to_break=bool(d.get("source_to_break", False)),
                fixed_medium=bool(d.get("fixed_medium", False)),
            )
        )
    return tuple(out)


def _markers(raw: Mapping[str, Any], cues: Mapping[str, CueEntry]) -> dict[str, tuple[Marker, ...]]:
    found: dict[str, list[Marker]] = defaultdict(list)
    seen: set[tuple[str, ...]] = set()
    for kind in MarkerKind:
        phrases = list(raw.get(kind.value, ()))
        for lemma in raw.get(f"{kind.value}_cues", ()):
            phrases.extend(sorted(cues[lemma].forms - cues[lemma].split_forms))
        for phrase in phrases:
            toks = tuple(phrase.lower().split())
            if toks in seen:
                continue
            seen.add(toks)
            found[toks[0]].append(Marker(kind, toks))
    return {k: tuple(sorted(v, key=lambda m: -len(m.tokens))) for k, v in found.items()}


def _pronouns(raw: Mapping[str, Any]) -> dict[str, tuple[Pronoun, ...]]:
    out: dict[str, list[Pronoun]] = defaultdict(list)
    for d in raw["pronouns"]:
        form = d["form"].lower()
        out[form].append(
            Pronoun(
                form=form,
                kind=d["kind"],
                person=int(d.get("person", 3)),
                gender=d.get("gender"),
                number=d.get("number"),
                speaker=bool(d.get("speaker", True)),
            )
        )
    return {k: tuple(v) for k, v in out.items()}


def _suffix_lengths(**tables: frozenset[str]) -> dict[str, tuple[int, ...]]:
    return {
        name: tuple(sorted({len(s) for s in suffixes}, reverse=True))
        for name, suffixes in tables.items()
    }


def _abbreviations(raw: Sequence[str]) -> frozenset[str]:
    out: set[str] = set()
    for a in raw:
        for piece in a.split():
            out.add(piece)
            out.add(piece[:1].upper() + piece[1:])
    return frozenset(out)


def _konjunktiv(raw: Mapping[str, Any]) -> Konjunktiv | None:
    if not raw:
        return None
    return Konjunktiv(
        k1=_lower_set(raw["k1"]),
        k2=_lower_set(raw["k2"]),
        ambiguous_plural=_lower_set(raw["ambiguous_plural"]),
        indicative=_lower_set(raw["indicative"]),
        k1_regular_exceptions=_lower_set(raw.get("k1_regular_exceptions", ())),
        k2_stems_exceptions=_lower_set(raw.get("k2_regular_exceptions", ())),
    )


@cache
def load(lang: str) -> LangProfile:
    """The :class:`LangProfile` of ``lang`` ("de" or "en"), loaded once and cached.

    Raises ``SaysoError(E002)`` for an unsupported language.
    """
    if lang not in SUPPORTED:
        raise SaysoError(E002, lang=lang)
    (cues,) = _cues(_read(lang, "cues.json"))
    cue_forms, split_cues, split_forms = _index_cues(cues)

    nominal: dict[str, NominalCue] = {}
    for lemma, d in sorted(
        _read(lang, "nominal_cues.json").items(), key=lambda kv: -kv[1]["count"]
    ):
        entry = NominalCue(lemma, _lower_set(d["forms"]), Medium(d["medium"]), int(d["count"]))
        for f in entry.forms:
            nominal.setdefault(f, entry)

    patterns = _patterns(_read(lang, "according_to.json")["patterns"])
    triggers: dict[str, list[AccordingPattern]] = defaultdict(list)
    for p in patterns:
        for w in p.elements[p.anchor].words:
            triggers[w].append(p)

    markers_raw = _read(lang, "markers.json")
    roles = _read(lang, "roles.json")
    actors = _read(lang, "actors.json")
    abbrev = _read(lang, "abbreviations.json")
    clause = _read(lang, "clause.json")

    outlets: dict[str, str] = {}
    outlet_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for canonical, aliases in actors["outlets"].items():
        for name in [canonical, *aliases]:
            toks = tuple(name.lower().split())
            outlets[" ".join(toks)] = canonical
            outlet_first[toks[0]].append(toks)

    role_suffixes = _lower_set(roles.get("suffixes", ()))
    org_suffixes = _lower_set(actors["organization"].get("suffixes", ()))
    anon_suffixes = _lower_set(actors["anonymous"].get("suffixes", ()))
    doc_suffixes = _lower_set(actors["document"].get("suffixes", ()))

    return LangProfile(
        lang=lang,
        cues=_ro(cues),
        cue_forms=_ro(cue_forms),
        cue_words=frozenset(cue_forms) | frozenset(split_forms),
        split_cues=MappingProxyType(split_cues),
        split_forms=_ro(split_forms),
        particles=frozenset(c.particle for c in cues.values() if c.particle),
        nominal_cues=_ro(nominal),
        according_to=patterns,
        according_to_triggers=_ro({k: tuple(v) for k, v in triggers.items()}),
        markers=_ro(_markers(markers_raw, cues)),
        reportative_modals=_lower_set(markers_raw.get("reportative_modals", ())),
        role_nouns=_lower_set(roles["nouns"]),
        role_suffixes=role_suffixes,
        inflections=tuple((s, r) for s, r in roles.get("inflections", ())),
        pronouns=_ro(_pronouns(_read(lang, "pronouns.json"))),
        outlets=_ro(outlets),
        outlet_first=_ro(
            {k: tuple(sorted(v, key=len, reverse=True)) for k, v in outlet_first.items()}
        ),
        org_heads=_lower_set(actors["organization"]["heads"]),
        org_suffixes=org_suffixes,
        anonymous_heads=_lower_set(actors["anonymous"]["heads"]),
        anonymous_suffixes=anon_suffixes,
        document_heads=_lower_set(actors["document"]["heads"]),
        document_suffixes=doc_suffixes,
        abbreviations=_abbreviations(abbrev["abbreviations"]),
        months=_ro({k.lower(): int(v) for k, v in abbrev["months"].items()}),
        konjunktiv=_konjunktiv(_read(lang, "konjunktiv.json", required=False)),
        complementizers=_lower_set(clause["complementizers"]),
        determiners=_lower_set([*clause["determiners"], *clause.get("more_determiners", ())]),
        tagger_determiners=_lower_set(clause["determiners"]),
        prepositions=_lower_set(clause["prepositions"]),
        clause_breaks=frozenset(clause["clause_breaks"]),
        main_clause_breaks=frozenset(clause.get("main_clause_breaks", ())),
        object_determiners=_lower_set(clause.get("object_determiners", ())),
        addressee_prepositions=_lower_set(clause.get("addressee_prepositions", ())),
        addressee_verbs=_lower_set(clause.get("addressee_verbs", ())),
        addressee_object_starts=_lower_set(clause.get("addressee_object_starts", ())),
        nonfinite_cue=_ro(
            {k: tuple(v) for k, v in clause.get("nonfinite_cue", {}).items() if k != "_doc"}
        ),
        reported_lemmas=(reported := _lower_set(_read(lang, "reported.json")["lemmas"])),
        reported_forms=frozenset(f for f, e in cue_forms.items() if e.lemma in reported)
        | frozenset(s for s, es in split_forms.items() if any(e.lemma in reported for e in es)),
        reported_not_with=_ro(
            {k: _lower_set(v) for k, v in _read(lang, "reported.json").get("not_with", {}).items()}
        ),
        reported_only_with=_ro(
            {k: _lower_set(v) for k, v in _read(lang, "reported.json").get("only_with", {}).items()}
        ),
        evidence=_evidence(_read(lang, "evidence.json")),
        postposed_attribution=frozenset(clause.get("postposed_attribution", ())),
        anaphoric_openers=_lower_set(clause.get("anaphoric_openers", ())),
        nested_single_lowercase=bool(clause.get("nested_single_lowercase", False)),
        colon_quotation=bool(clause.get("colon_quotation", False)),
        fragment_marks=frozenset(clause.get("fragment_marks", ())),
        fragment_not_after=_lower_set(clause.get("fragment_not_after", ())),
        closing_adverbs=_lower_set(clause.get("closing_adverbs", ())),
        content_clause=_ro(clause.get("content_clause", {})),
        passive_auxiliaries=_lower_set(clause.get("passive_auxiliaries", ())),
        speaker_label_exclude=_lower_set(clause.get("speaker_label_exclude", ())),
        ambiguous_cue_forms=_lower_set(clause.get("ambiguous_cue_forms", ())),
        verb_companions=_lower_set(clause.get("verb_companions", ())),
        finite_auxiliaries=_lower_set(clause.get("finite_auxiliaries", ())),
        speaker_trim=bool(clause.get("speaker_trim", False)),
        speaker_extension=frozenset(clause.get("speaker_extension", ())),
        speaker_contractions=tuple(clause.get("speaker_contractions", ())),
        relative_pronouns=_lower_set(clause.get("relative_pronouns", ())),
        time_words=_lower_set(clause.get("time_words", ())),
        time_prepositions=_lower_set(clause.get("time_prepositions", ())),
        _suffix_lengths=_ro(
            _suffix_lengths(
                role_suffixes=role_suffixes,
                org_suffixes=org_suffixes,
                anonymous_suffixes=anon_suffixes,
                document_suffixes=doc_suffixes,
            )
        ),
    )
