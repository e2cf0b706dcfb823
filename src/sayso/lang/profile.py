"""The :class:`LangProfile`: everything sayso knows about one language, with O(1) lookups.
Build it with :func:`sayso.lang.load`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sayso.lang.entries import (
    AccordingPattern,
    CueEntry,
    EvidenceLexicon,
    Konjunktiv,
    Marker,
    MarkerKind,
    NominalCue,
    Pronoun,
)
from sayso.lang.sections import ContentClause, NonfiniteCue, NounPhrase
from sayso.model import ActorKind

#: the head tables of :meth:`LangProfile.head_bits`, (nouns, suffixes), one bit each
_HEAD_TABLES = (
    ("anonymous_heads", "anonymous_suffixes"),
    ("document_heads", "document_suffixes"),
    ("org_heads", "org_suffixes"),
    ("role_nouns", "role_suffixes"),
)
HEAD_ANONYMOUS, HEAD_DOCUMENT, HEAD_ORGANIZATION, HEAD_ROLE = 1, 2, 4, 8
#: the actor kind a set of head bits suggests: anonymous group, document, organization,
#: role (person), the first that holds
_KIND_OF_BITS: tuple[ActorKind | None, ...] = tuple(
    ActorKind.ANONYMOUS
    if bits & HEAD_ANONYMOUS
    else ActorKind.DOCUMENT
    if bits & HEAD_DOCUMENT
    else ActorKind.ORGANIZATION
    if bits & HEAD_ORGANIZATION
    else ActorKind.PERSON
    if bits & HEAD_ROLE
    else None
    for bits in range(16)
)


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
    nonfinite_cue: NonfiniteCue | None = None
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
    #: a source label before a colon that opens the text names the speaker of what
    #: follows ("Huber: „…“", German headlines)
    headline_label: bool = False
    #: what rules out a tagged speaker run when a statement has several (see
    #: ``clause.json`` ``speaker_choice``)
    speaker_choice: frozenset[str] = frozenset()
    #: a quotation inherits a speaker only from a mention at most this many sentences
    #: back (0: no limit)
    inherit_reach: int = 0
    content_clause: ContentClause | None = None
    noun_phrase: NounPhrase = field(default_factory=NounPhrase)
    passive_auxiliaries: frozenset[str] = frozenset()
    speaker_label_exclude: frozenset[str] = frozenset()
    ambiguous_cue_forms: frozenset[str] = frozenset()
    verb_companions: frozenset[str] = frozenset()
    finite_auxiliaries: frozenset[str] = frozenset()
    perfect_finite: frozenset[str] = frozenset()  # "hatte" of "hatte … erklärt"
    reflexive_pronouns: frozenset[str] = frozenset()  # "sich" of "äußerte sich X"
    passive_agents: frozenset[str] = frozenset()  # "vom" of "wurde vom Amt mitgeteilt"
    speaker_trim: bool = False
    speaker_extension: frozenset[str] = frozenset()
    speaker_contractions: tuple[str, ...] = ()  # "’s" of "He’s": not the speaker's
    relative_pronouns: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    time_prepositions: frozenset[str] = frozenset()
    comparative_openers: frozenset[str] = frozenset()  # "wie" of "Wie X mitteilte"
    past_endings: tuple[str, ...] = ()  # "-ed" of a past form opening a clause
    possessive_clitics: tuple[str, ...] = ()  # "'s" of "Clinton's", "the president's"
    adverb_endings: tuple[str, ...] = ()  # "-ly" of "had flatly denied"
    #: per word: a bit per head table  the word is headed by
    _heads: dict[str, int] = field(default_factory=dict, repr=False, compare=False, hash=False)
    #: noun -> bits of the tables listing it; every ending of every suffix -> the bits of
    #: the tables it is a suffix of (0: only the end of a longer one); the inflection
    #: endings by their last letter (built once from the tables, see __post_init__)
    _head_nouns: dict[str, int] = field(init=False, repr=False, compare=False, hash=False)
    _head_endings: dict[str, int] = field(init=False, repr=False, compare=False, hash=False)
    _inflections_by_last: dict[str, list[tuple[str, str]]] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        nouns: dict[str, int] = {}
        endings: dict[str, int] = {}
        for bit, (noun_table, suffix_table) in enumerate(_HEAD_TABLES):
            for w in getattr(self, noun_table):
                nouns[w] = nouns.get(w, 0) | 1 << bit
            for suffix in getattr(self, suffix_table):
                if not suffix:
                    raise ValueError(f"an empty suffix in {self.lang} {suffix_table}")
                for k in range(1, len(suffix)):
                    endings.setdefault(suffix[-k:], 0)
                endings[suffix] = endings.get(suffix, 0) | 1 << bit
        by_last: dict[str, list[tuple[str, str]]] = {}
        for suffix, repl in self.inflections:
            if not suffix:
                raise ValueError(f"an empty inflection ending in {self.lang}")
            by_last.setdefault(suffix[-1], []).append((suffix, repl))
        object.__setattr__(self, "_head_nouns", nouns)
        object.__setattr__(self, "_head_endings", endings)
        object.__setattr__(self, "_inflections_by_last", by_last)

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
    def head_bits(self, token: str) -> int:
        """The head tables ``token`` is in, a bit each (``HEAD_ANONYMOUS``,
        ``HEAD_DOCUMENT``, ``HEAD_ORGANIZATION``, ``HEAD_ROLE``): its lowercase form or an
        inflectional base of it ("Sprechern" → "sprecher", the ending taken off when three
        letters stay) is a listed noun or ends in a listed suffix with at least two letters
        before it ("Polizeisprecher"). All four tables in one search per base that stops at
        the first ending no suffix has; memoised per word, shared by the taggers' flags,
        the speaker ranker and the evidence layer (the suffix search is the costliest
        lookup of all on text a process has not seen)."""
        got = self._heads.get(token)
        if got is None:
            t = token.lower()
            got = self._bits_of(t)
            for suffix, repl in self._inflections_by_last.get(t[-1:], ()):
                if t.endswith(suffix) and len(t) > len(suffix) + 2:
                    got |= self._bits_of(t[: len(t) - len(suffix)] + repl)
            if len(self._heads) > 500_000:  # bounded over millions of articles
                self._heads.clear()
            self._heads[token] = got
        return got

    def _bits_of(self, base: str) -> int:
        out = self._head_nouns.get(base, 0)
        endings = self._head_endings
        # a suffix of k letters counts when the word is longer than k + 1
        for k in range(1, len(base) - 1):
            got = endings.get(base[-k:])
            if got is None:
                break
            out |= got
        return out

    def is_role_noun(self, token: str) -> bool:
        """Role/title nouns ("Sprecher", "Ministerin", "Polizeisprecher", "spokesmen")."""
        return bool(self.head_bits(token) & HEAD_ROLE)

    def is_org_head(self, token: str) -> bool:
        return bool(self.head_bits(token) & HEAD_ORGANIZATION)

    def is_anonymous_head(self, token: str) -> bool:
        return bool(self.head_bits(token) & HEAD_ANONYMOUS)

    def is_document_head(self, token: str) -> bool:
        return bool(self.head_bits(token) & HEAD_DOCUMENT)

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
        return _KIND_OF_BITS[self.head_bits(token)]

    def pronoun(self, token: str) -> tuple[Pronoun, ...]:
        """All readings of a pronoun ("sie": 3sg f and 3pl), empty if none."""
        return self.pronouns.get(token.lower(), ())

    def is_speaker_pronoun(self, token: str) -> bool:
        return any(p.speaker for p in self.pronoun(token))

    # --- text ---------------------------------------------------------------------------
    def without_possessive(self, word: str) -> str:
        """``word`` without a possessive clitic ("Clinton's" → "Clinton"; each of
        ``possessive_clitics`` taken off in turn)."""
        for clitic in self.possessive_clitics:
            word = word.removesuffix(clitic)
        return word

    def possessive_base(self, word: str) -> str | None:
        """The owner a possessive names ("CNN's" → "CNN"), None when ``word`` ends in
        none of ``possessive_clitics``."""
        for clitic in self.possessive_clitics:
            if word.endswith(clitic):
                return word[: len(word) - len(clitic)]
        return None

    def is_abbreviation(self, token: str) -> bool:
        """A period-final token that does not end a sentence ("Dr.", "z.", "U.S.")."""
        return token in self.abbreviations

    def month(self, token: str) -> int | None:
        """Month number for a month name or abbreviation ("Mai" 5, "Sept." 9)."""
        return self.months.get(token.lower())
