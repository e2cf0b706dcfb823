"""``analyze()``: clean, identify the language, segment, then run the declared components.

:data:`PIPELINE` is the whole extraction in order: every step is a
:class:`~sayso.extract.component.Component` with a versioned name, a stage, the languages,
profile flags and setting it runs for, and one calling convention (``run(work) -> None``).
``docs/architecture.md`` draws the flow; ``sayso rules`` lists the rule ids the components
record.

Pure and deterministic: the only state is the per-process cache of read-only language
data and tagger models.
"""

from __future__ import annotations

from dataclasses import replace

from sayso import errors
from sayso.errors import SaysoError
from sayso.evidence import contradictions, disputes, entities, framing, layer
from sayso.evidence import relays as evidence_relays
from sayso.extract import (
    according,
    according_to,
    addressees,
    adverb_speakers,
    anonymous,
    assemble,
    attributions,
    continued,
    coordinated,
    denials,
    direct,
    free_indirect,
    headline_label,
    indirect,
    intros,
    name_particles,
    ranker,
    relays,
    reported,
    roles,
    speaker_phrases,
    speakers,
)
from sayso.extract.component import Component, Work, run_all
from sayso.lang import SUPPORTED, load
from sayso.model import Analysis, Span, Warning
from sayso.settings import DEFAULT, Settings
from sayso.tagging.tagger import taggers
from sayso.text.clean import clean, decode_report
from sayso.text.langid import detect
from sayso.text.segment import segment

#: every step after segmentation, in the order it runs
PIPELINE: tuple[Component, ...] = (
    # propose: what the content tagger found, then what it missed, from rules; each rule
    # only looks at the sentences and tokens no earlier draft has taken (not at roles)
    assemble.from_tagger,
    direct.propose_cued_quotations,
    reported.propose_reported,
    disputes.propose_dispute_sentences,
    roles.attach,
    indirect.propose_cue_clauses,
    according_to.propose_according_to,
    attributions.propose_postposed,
    anonymous.propose_postposed,
    denials.propose_denials,
    attributions.propose_anaphoric,
    indirect.propose_comma_clauses,
    coordinated.propose_coordinated,
    attributions.propose_medial,
    direct.propose_speaker_labels,
    reported.propose_whole_sentences,
    direct.propose_fragments,
    # the evidence layer's modal reading sorts hearsay "soll … gewesen sein" from plans
    framing.filter_plan_not_hearsay,
    framing.propose_hearsay,
    assemble.order,
    # refine and filter: roles, contents and speakers of the drafts in document order
    speakers.refine_complete_from_frame,
    coordinated.refine_coordinated,
    according_to.refine_sources,
    speakers.refine_sentence_initial,
    adverb_speakers.refine_replace,
    speakers.refine_clause_subject,
    direct.refine_attribution_after_quote,
    relays.refine_quoted_with,
    relays.refine_causative,
    addressees.refine_addressees,
    addressees.refine_outlet_dative,
    speakers.refine_extend_to_cue,
    indirect.refine_snap,
    according_to.refine_clause_content,
    attributions.refine_postposed_tail,
    attributions.filter_bare_trigger,
    free_indirect.refine_framed_continuations,
    assemble.prune,
    indirect.refine_semicolon,
    direct.filter_colon_quotations,
    intros.refine_colon_speakers,
    headline_label.refine_headline_label,
    indirect.filter_stubs,
    indirect.filter_prepositional_relatives,
    speakers.refine_trim,
    speaker_phrases.refine_clause_cut,
    speakers.refine_closing_comma,
    name_particles.refine_name_particles,
    anonymous.refine_extend,
    direct.filter_nested,
    free_indirect.refine_previous_sentence,
    continued.refine_konjunktiv,
    free_indirect.refine_inherit,
    free_indirect.refine_first_person,
    framing.refine_unknown_hearsay_source,
    # the speaker ranker chooses among the rules' speaker and every other candidate
    ranker.refine_rank_speakers,
    assemble.statements,
    # evidence: chains need the hop mentions resolved to actors; disputes need the hearsay
    # and stance facets (a disputed report is often hearsay); confirmation needs disputes
    evidence_relays.evidence_speakers,
    entities.link_entities,
    layer.evidence_chains,
    framing.evidence_frame,
    disputes.evidence_link,
    contradictions.evidence_contradictions,
    framing.evidence_confirm,
    layer.evidence_relations,
    layer.plain_actors,
)


def analyze(
    text: str | bytes,
    lang: str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    settings: Settings = DEFAULT,
) -> Analysis:
    """Find every attributed statement in a news article (German or English).

    ``lang=None`` detects the language; ``text`` may be bytes (UTF-8, UTF-16,
    cp1252, latin-1; a few damaged bytes in UTF-8 become U+FFFD with warning W110).
    Pure and deterministic: the only state is the per-process cache of read-only language
    data and tagger models. Bad input gives an Analysis with warnings or a coded
    ``SaysoError`` (E001 not text, E002 unsupported language, E003 too long).
    """
    decoded: list[Warning] = []
    if isinstance(text, bytes | bytearray):
        text, decoded = decode_report(bytes(text))
    if not isinstance(text, str):
        raise SaysoError(errors.E001, detail=f"got {type(text).__name__}")
    if len(text) > settings.max_chars:
        raise SaysoError(errors.E003, size=len(text), limit=settings.max_chars)
    if lang is not None and lang not in SUPPORTED:
        raise SaysoError(errors.E002, lang=lang)
    text, warnings = clean(text)
    warnings[:0] = decoded
    empty = Analysis(text=text, lang=lang or "und", title=title, url=url, published=published)
    if not text.strip():
        warnings.append(Warning(errors.W102.code, errors.W102.format()))
        return replace(empty, warnings=tuple(warnings))
    if lang is None:
        guess, score = detect(text, settings.langid_chars)
        if guess not in SUPPORTED:
            warnings.append(Warning(errors.W104.code, errors.W104.format(lang=guess)))
            return replace(empty, lang=guess, warnings=tuple(warnings))
        if score < settings.langid_min_confidence:
            warnings.append(Warning(errors.W103.code, errors.W103.format(lang=guess, score=score)))
        lang = guess
    profile = load(lang)
    seg = segment(text, profile.abbreviations, profile.months, settings.text)
    warnings.extend(seg.warnings)
    seg.memo[according.LIMITS_KEY] = settings.extract  # the shared phrase helpers' reach
    work = Work(seg, profile, settings, taggers(lang), warnings=warnings)
    run_all(work, PIPELINE)
    return replace(
        empty,
        lang=lang,
        statements=tuple(work.statements),
        actors=work.actors,
        relations=work.relations,
        paragraphs=tuple(Span(a, b) for a, b in seg.paragraphs),
        sentences=tuple(seg.sentence_span(i) for i in range(len(seg.sentences))),
        warnings=tuple(work.warnings),
    )
