"""Loading the language data: the JSON files of ``sayso/lang/<lang>/`` become a
:class:`~sayso.lang.profile.LangProfile` (cached per language)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from sayso.errors import E002, SaysoError
from sayso.lang.entries import (
    SUPPORTED,
    AccordingPattern,
    CueEntry,
    EvidenceLexicon,
    Konjunktiv,
    Marker,
    MarkerKind,
    NominalCue,
    PatternElement,
    Pronoun,
    _phrases,
)
from sayso.lang.profile import LangProfile
from sayso.lang.sections import ContentClause, NonfiniteCue, NounPhrase, Search
from sayso.model import ActorKind, Medium, Stance


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
        attribute_endings=tuple(x.lower() for x in raw.get("attribute_endings", ())),
        backward_scope=_phrases(raw.get("backward_scope", ())),
        forward_scope=_phrases(raw.get("forward_scope", ())),
        hearsay_modals=_lower_set(raw.get("hearsay_modals", ())),
        claim_modals=_lower_set(raw.get("claim_modals", ())),
        perfect_auxiliaries=_lower_set(raw.get("perfect_auxiliaries", ())),
        copula_infinitives=_lower_set(raw.get("copula_infinitives", ())),
        stance=_ro(stance),
        account_nouns=_ro(accounts),
        negations=_lower_set(raw.get("negations", ())),
        contrastive_negations=_phrases(raw.get("contrastive_negations", ())),
        correctives=_lower_set(raw.get("correctives", ())),
        negation_suffixes=tuple(x.lower() for x in raw.get("negation_suffixes", ())),
        non_claim_openers=_lower_set(raw.get("non_claim_openers", ())),
        conditionals=_lower_set(raw.get("conditionals", ())),
        hypotheticals=_phrases(raw.get("hypotheticals", ())),
        official_words=_lower_set(raw.get("official_words", ())),
        official_heads=tuple(h.lower() for h in raw.get("official_heads", ())),
        dispute_predicates=_phrases(raw.get("dispute_predicates", ())),
        predicate_links=_lower_set(raw.get("predicate_links", ())),
        refuting_pronouns=_lower_set(raw.get("refuting_pronouns", ())),
        refutations=_phrases(raw.get("refutations", ())),
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
        outlet_links=_lower_set(raw.get("outlet_links", ())),
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
        embedding_blockers=_lower_set(raw.get("embedding_blockers", ())),
        embedding_non_speakers=_lower_set(raw.get("embedding_non_speakers", ())),
        embedding_fillers=_lower_set(raw.get("embedding_fillers", ())),
        demonstratives=_lower_set(raw.get("demonstratives", ())),
        owner_genitives=_lower_set(raw.get("owner_genitives", ())),
        owner_prepositions=_lower_set(raw.get("owner_prepositions", ())),
        topic_prepositions=_lower_set(raw.get("topic_prepositions", ())),
        possessive_endings=tuple(raw.get("possessive_endings", ())),
        participle_prefixes=tuple(raw.get("participle_prefixes", ())),
        participle_endings=tuple(raw.get("participle_endings", ())),
        infinitive_markers=_lower_set(raw.get("infinitive_markers", ())),
    )


def _ro(d: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(d))


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


def _cue_fields(lang: str) -> dict[str, Any]:
    """Cue verbs and nouns, according-to patterns, markers and reported lemmas."""
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
    reported_raw = _read(lang, "reported.json")
    reported = _lower_set(reported_raw["lemmas"])
    return dict(
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
        reported_lemmas=reported,
        reported_forms=frozenset(f for f, e in cue_forms.items() if e.lemma in reported)
        | frozenset(s for s, es in split_forms.items() if any(e.lemma in reported for e in es)),
        reported_not_with=_ro(
            {k: _lower_set(v) for k, v in reported_raw.get("not_with", {}).items()}
        ),
        reported_only_with=_ro(
            {k: _lower_set(v) for k, v in reported_raw.get("only_with", {}).items()}
        ),
        evidence=_evidence(_read(lang, "evidence.json")),
    )


def _actor_fields(lang: str) -> dict[str, Any]:
    """Role nouns, outlets, organisation, anonymous and document heads, pronouns,
    abbreviations and months."""
    roles = _read(lang, "roles.json")
    actors = _read(lang, "actors.json")
    abbrev = _read(lang, "abbreviations.json")
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
    return dict(
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
    )


def _clause_fields(lang: str) -> dict[str, Any]:
    """The closed-class words and switches of ``clause.json``."""
    clause = _read(lang, "clause.json")
    return dict(
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
        nonfinite_cue=NonfiniteCue.read(clause.get("nonfinite_cue", {})),
        postposed_attribution=frozenset(clause.get("postposed_attribution", ())),
        anaphoric_openers=_lower_set(clause.get("anaphoric_openers", ())),
        nested_single_lowercase=bool(clause.get("nested_single_lowercase", False)),
        colon_quotation=bool(clause.get("colon_quotation", False)),
        fragment_marks=frozenset(clause.get("fragment_marks", ())),
        fragment_not_after=_lower_set(clause.get("fragment_not_after", ())),
        closing_adverbs=_lower_set(clause.get("closing_adverbs", ())),
        inherit_reach=int(clause.get("inherit_reach", 0)),
        speaker_choice=frozenset(clause.get("speaker_choice", ())),
        headline_label=bool(clause.get("headline_label", False)),
        content_clause=ContentClause.read(clause.get("content_clause", {})),
        noun_phrase=NounPhrase.read(clause.get("noun_phrase", {})),
        passive_auxiliaries=_lower_set(clause.get("passive_auxiliaries", ())),
        speaker_label_exclude=_lower_set(clause.get("speaker_label_exclude", ())),
        ambiguous_cue_forms=_lower_set(clause.get("ambiguous_cue_forms", ())),
        verb_companions=_lower_set(clause.get("verb_companions", ())),
        finite_auxiliaries=_lower_set(clause.get("finite_auxiliaries", ())),
        perfect_finite=_lower_set(clause.get("perfect_finite", ())),
        reflexive_pronouns=_lower_set(clause.get("reflexive_pronouns", ())),
        passive_agents=_lower_set(clause.get("passive_agents", ())),
        speaker_trim=bool(clause.get("speaker_trim", False)),
        speaker_extension=frozenset(clause.get("speaker_extension", ())),
        speaker_contractions=tuple(clause.get("speaker_contractions", ())),
        relative_pronouns=_lower_set(clause.get("relative_pronouns", ())),
        time_words=_lower_set(clause.get("time_words", ())),
        time_prepositions=_lower_set(clause.get("time_prepositions", ())),
        comparative_openers=_lower_set(clause.get("comparative_openers", ())),
        past_endings=tuple(clause.get("past_endings", ())),
        possessive_clitics=tuple(clause.get("possessive_clitics", ())),
        adverb_endings=tuple(clause.get("adverb_endings", ())),
    )


@cache
def load(lang: str) -> LangProfile:
    """The :class:`LangProfile` of ``lang`` ("de" or "en"), loaded once and cached.

    Raises ``SaysoError(E002)`` for an unsupported language.
    """
    if lang not in SUPPORTED:
        raise SaysoError(E002, lang=lang)
    return LangProfile(
        lang=lang, **_cue_fields(lang), **_actor_fields(lang), **_clause_fields(lang)
    )


@cache
def search(lang: str) -> Search:
    """The full-text search words of ``lang`` (``search.json``; empty for a language
    without the file). Reads only that file: the ledger uses it without the profile."""
    return Search.read(_read(lang, "search.json", required=False))
