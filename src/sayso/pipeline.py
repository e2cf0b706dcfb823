"""``analyze()``: the components in their declared order.

    clean -> language -> segment -> tag -> group (roles, nested, inherited speakers)
          -> actors -> relations -> Analysis

Pure and deterministic: the only state is the per-process cache of read-only language
data and tagger models.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sayso import errors
from sayso.errors import SaysoError
from sayso.evidence import actors as actor_mod
from sayso.evidence import chains, disputes, framing
from sayso.extract import (
    according_to,
    addressees,
    attributions,
    direct,
    draft,
    free_indirect,
    indirect,
    reported,
    roles,
    speakers,
)
from sayso.extract.tagger import Taggers, taggers
from sayso.lang import SUPPORTED, LangProfile, load
from sayso.model import (
    Actor,
    ActorKind,
    Analysis,
    Relation,
    RelationKind,
    Span,
    Spans,
    Statement,
    Warning,
)
from sayso.settings import DEFAULT, Settings
from sayso.text.clean import clean, decode_report
from sayso.text.langid import detect
from sayso.text.segment import Segmented, segment


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
    seg = segment(text, profile.abbreviations, profile.months)
    warnings.extend(seg.warnings)
    tg = taggers(lang)
    tagged = tg.tag(seg)
    drafts = draft.build_drafts(seg, tagged)
    # what the content tagger missed, from rules; each only looks at the sentences and
    # tokens no earlier draft has taken (not at roles), so one sort at the end suffices
    # and all are given their roles together
    drafts += direct.cued_quotations(seg, profile, drafts)
    drafts += reported.reported_sentences(seg, profile, drafts)
    drafts += disputes.dispute_sentences(seg, profile, drafts)
    roles.attach_roles(seg, tg, tagged, drafts)
    if lang == "en":
        drafts += indirect.cue_clauses(seg, profile, tg, tagged, drafts)
    drafts += according_to.according_to_statements(
        seg, profile, drafts, settings.according_min_confidence
    )
    drafts += attributions.postposed_attributions(seg, profile, drafts)
    drafts += attributions.anaphoric_attributions(seg, profile, drafts)
    clauses = indirect.comma_content_clauses(seg, profile, drafts)
    roles.tag_speakers(seg, tg, tagged, clauses)
    drafts += clauses
    drafts += attributions.medial_attributions(seg, profile, drafts)
    drafts = direct.speaker_labels(seg, profile, drafts)
    drafts += reported.whole_sentences(seg, tg, tagged, drafts, settings.whole_sentence_threshold)
    if profile.fragment_marks:
        fragments = direct.cued_fragments(seg, profile, drafts)
        roles.attach_roles(seg, tg, tagged, fragments)
        drafts += fragments
    # the evidence layer's modal reading sorts hearsay "soll … gewesen sein" from plans
    drafts = framing.plan_not_hearsay(seg, profile, drafts)
    hearsay = framing.hearsay_sentences(seg, profile, drafts)
    roles.attach_roles(seg, tg, tagged, hearsay)
    del tagged  # the token scores (a text's size in floats) are not read again
    drafts += hearsay
    drafts.sort(key=lambda d: (d.a, d.b))
    speakers.complete_from_frame(seg, profile, drafts)
    according_to.according_sources(seg, profile, drafts)
    speakers.sentence_initial_subject(seg, profile, drafts)
    speakers.clause_subject(seg, profile, drafts)
    direct.attribution_after_quote(seg, profile, drafts)
    addressees.find_addressees(seg, profile, drafts)
    speakers.extend_speaker_to_cue(seg, profile, drafts)
    indirect.snap_content(seg, profile, drafts)
    according_to.according_clause_content(seg, profile, drafts)
    attributions.postposed_tail_content(seg, profile, drafts)
    drafts = attributions.drop_bare_trigger_cues(seg, profile, drafts)
    free_indirect.framed_continuations(seg, profile, drafts)
    drafts = draft.prune(drafts)
    indirect.semicolon_clauses(seg, profile, drafts)
    if profile.colon_quotation:
        drafts = direct.colon_quotations(seg, drafts)
    if profile.content_clause.get("stub_tokens"):
        drafts = indirect.stub_contents(seg, drafts, profile.content_clause["stub_tokens"])
    drafts = indirect.prepositional_relatives(seg, profile, drafts)
    speakers.trim_speakers(seg, profile, drafts)
    speakers.speaker_closing_comma(seg, profile, drafts)
    drafts = direct.nested_direct(
        seg, drafts, settings.nested_min_tokens, profile.nested_single_lowercase
    )
    free_indirect.previous_sentence_speaker(seg, profile, drafts)
    free_indirect.inherit_speakers(seg, drafts, settings.inherit_window)
    framing.unknown_hearsay_source(drafts)
    found = _finish(seg, profile, drafts, tg)
    if settings.evidence:
        statements, actors, relations, chain_warnings = _evidence(seg, profile, found, settings)
        warnings.extend(chain_warnings)
    else:
        resolved, actors, _ = actor_mod.resolve(seg, profile, found)
        statements, relations = tuple(resolved), tuple(_nested(resolved))
    return replace(
        empty,
        lang=lang,
        statements=tuple(statements),
        actors=actors,
        relations=relations,
        paragraphs=tuple(Span(a, b) for a, b in seg.paragraphs),
        sentences=tuple(seg.sentence_span(i) for i in range(len(seg.sentences))),
        warnings=tuple(warnings),
    )


def _evidence(
    seg: Segmented, profile: LangProfile, statements: list[Statement], settings: Settings
) -> tuple[tuple[Statement, ...], tuple[Actor, ...], tuple[Relation, ...], list[Warning]]:
    """The evidence layer: source chains, actors, framing and relations between statements.

    Order matters: chains need the hop mentions resolved to actors; disputes need the
    hearsay and stance facets (a disputed report is often hearsay); the confirmation facet
    needs the disputes.
    """
    if not statements:
        # nothing to chain, frame or relate (a tenth of news articles): every step below
        # would scan the text for its words and find nothing to attach them to
        return (), (), (), []
    hops = chains.find_hops(seg, profile, statements, settings.according_min_confidence)
    scopes = chains.find_scopes(seg, profile, statements)
    forward = chains.forward_openers(seg, profile, statements)
    mentions = [h.mention for hs in hops.values() for h in hs]
    mentions += [sc.mention for sc in scopes] + [sc.cited for sc in scopes if sc.cited]
    mentions += disputes.owner_mentions(seg, profile, statements)
    statements, actors, actor_of = actor_mod.resolve(seg, profile, statements, mentions)
    unknown = Actor(
        id=f"a{len(actors) + 1}",
        name="(unknown source)",
        kind=ActorKind.UNKNOWN,
        rules=("actor.unknown_source.v1",),
    )
    statements, cut = chains.assemble(statements, hops, scopes, forward, actor_of, unknown.id)
    if any(s.actor == unknown.id for s in statements):
        actors = (*actors, unknown)
    warnings = [
        Warning(errors.W108.code, errors.W108.format(statement=sid, actor=aid)) for sid, aid in cut
    ]
    statements = framing.frame(seg, profile, statements)
    stated, not_confirmed = disputes.link(seg, profile, statements, actors, actor_of)
    inferred = disputes.contradictions(seg, profile, statements, stated)
    statements = framing.confirm(seg, profile, statements, stated, not_confirmed, actors)
    relations = tuple(
        replace(r, id=f"r{k + 1}") for k, r in enumerate([*_nested(statements), *stated, *inferred])
    )
    return tuple(statements), actors, relations, warnings


def _nested(statements: Sequence[Statement]) -> list[Relation]:
    """``nested_in`` relations (ids r1… in order) for statements inside another one."""
    return [
        Relation(
            id=f"r{k + 1}",
            kind=RelationKind.NESTED_IN,
            source=s.id,
            target=s.parent,
            evidence=s.content,
            rules=("rule.nested_direct.v1",),
        )
        for k, s in enumerate(x for x in statements if x.parent)
    ]


def _spans(seg: Segmented, runs: list[draft.Seg]) -> Spans:
    return tuple(sorted({seg.token_span(r.a, r.b) for r in runs}))


def _subtract(content: Spans, holes: Spans) -> Spans:
    """Content minus role spans: the roles of a statement never overlap its content (a
    reported statement's agent sits inside the reported sentence, so it is cut out)."""
    out = list(content)
    for h in holes:
        nxt = []
        for c in out:
            if not c.overlaps(h):
                nxt.append(c)
                continue
            if c.start < h.start:
                nxt.append(Span(c.start, h.start))
            if h.end < c.end:
                nxt.append(Span(h.end, c.end))
        out = nxt
    return tuple(c for c in out if len(c) > 0)


def _trim(text: str, spans: Spans) -> Spans:
    out = []
    for s in spans:
        a, b = s.start, s.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Span(a, b))
    return tuple(out)


def _cut_contraction(text: str, profile: LangProfile, spans: Spans) -> Spans:
    """A speaker that ends in a pronoun with a contracted auxiliary ("He’s claiming",
    "who've said") ends before the auxiliary (``clause.json`` ``speaker_contractions``)."""
    if not spans or not profile.speaker_contractions:
        return spans
    last = spans[-1]
    word = text[last.start : last.end].rsplit(None, 1)[-1]
    for ending in profile.speaker_contractions:
        stem = word[: -len(ending)].lower()
        if (
            word.lower().endswith(ending)
            and stem
            and (profile.is_speaker_pronoun(stem) or stem in profile.relative_pronouns)
        ):
            cut = Span(last.start, last.end - len(ending))
            return (*spans[:-1], cut) if len(cut) > 0 else spans
    return spans


def _finish(
    seg: Segmented,
    profile: LangProfile,
    drafts: list[draft.Draft],
    tagger: Taggers,
) -> list[Statement]:
    """Drafts -> statements with stable ids in document order; a draft whose content is
    empty after cutting out its roles is dropped, and children of dropped parents lose
    their parent link rather than pointing at nothing."""
    kept: list[tuple[draft.Draft, Spans, Spans]] = []
    for d in drafts:
        speaker = d.speaker_spans if d.speaker_spans is not None else _spans(seg, d.speaker)
        cut = _cut_contraction(seg.text, profile, speaker)
        if cut != speaker:
            speaker = cut
            d.rules.append("group.speaker.contraction.v1")
        content = tuple(seg.token_span(p.a, p.b) for p in d.parts)
        holes = (
            _spans(seg, d.cue)
            + _spans(seg, d.addressee)
            + tuple(s for s in speaker if any(s.overlaps(c) for c in content))
        )
        content = _trim(seg.text, _subtract(content, holes))
        if not any(ch.isalnum() for c in content for ch in seg.text[c.start : c.end]):
            continue  # nothing but marks or dashes is not a statement
        kept.append((d, content, speaker))
    ids = {id(d): f"s{k + 1}" for k, (d, _, _) in enumerate(kept)}
    out = []
    for d, content, speaker in kept:
        parent = None
        if d.parent is not None:
            parent = ids.get(id(drafts[d.parent]))
        out.append(
            Statement(
                id=ids[id(d)],
                content=content,
                form=d.form,
                cue=_spans(seg, d.cue),
                speaker=speaker,
                addressee=_spans(seg, d.addressee),
                # a nested quotation shares its parent's frame, which contains the quotation
                frame=_trim(seg.text, _subtract(_spans(seg, d.frame), content)),
                medium=roles.medium_of(
                    seg, profile, tagger, d, tagger.meta.get("medium_by_form", {})
                ),
                parent=parent,
                rules=tuple(dict.fromkeys(d.rules)),
                evidence=roles.cue_evidence(seg, profile, d),
            )
        )
    return out
