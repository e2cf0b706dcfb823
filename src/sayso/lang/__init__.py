"""Language knowledge as data: cue verbs and nouns, according-to patterns, markers, roles,
pronouns, actor heads, abbreviations and (German) Konjunktiv forms.

The knowledge lives in JSON files under ``sayso/lang/<lang>/`` (each with a ``_doc`` key);
:mod:`sayso.lang.loader` loads them into an immutable :class:`LangProfile`
(:mod:`sayso.lang.profile`) built of typed entries (:mod:`sayso.lang.entries`) and
sections (:mod:`sayso.lang.sections`), with O(1) lookups. No detection logic lives here.

>>> de = load("de")
>>> de.cue("sagte").lemma
'sagen'
>>> de.cue_with_particle("kündigte", "an").lemma
'ankündigen'
>>> de.is_role_noun("Regierungssprecherin")
True
"""

from __future__ import annotations

from sayso.lang.entries import (
    FRAMES,
    SUPPORTED,
    AccordingPattern,
    CueEntry,
    EvidenceLexicon,
    Konjunktiv,
    Marker,
    MarkerKind,
    NominalCue,
    PatternElement,
    Phrase,
    Pronoun,
)
from sayso.lang.loader import _element, load, search
from sayso.lang.profile import LangProfile
from sayso.lang.sections import (
    ContentClause,
    Infinitive,
    NonfiniteCue,
    NounPhrase,
    Search,
    V2Clause,
)
from sayso.model import Stance

__all__ = [
    "FRAMES",
    "SUPPORTED",
    "AccordingPattern",
    "ContentClause",
    "CueEntry",
    "EvidenceLexicon",
    "Infinitive",
    "Konjunktiv",
    "LangProfile",
    "Marker",
    "MarkerKind",
    "NominalCue",
    "NonfiniteCue",
    "NounPhrase",
    "PatternElement",
    "Phrase",
    "Pronoun",
    "Search",
    "Stance",
    "V2Clause",
    "_element",
    "load",
    "search",
]
