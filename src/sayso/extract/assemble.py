"""The draft list's own steps: drafts from the taggers' runs, document order, overlaps
pruned, and the statements the drafts become (ids, roles cut out of the content).
"""

from __future__ import annotations

from sayso.extract import confidence, draft
from sayso.extract.component import Stage, Work, component
from sayso.extract.roles import cue_evidence, medium_of
from sayso.lang import LangProfile
from sayso.model import Evidence, Span, Spans, Statement
from sayso.tagging.tagger import Taggers
from sayso.text.segment import Segmented


@component("extract.assemble.tagged.v1", Stage.PROPOSE, scores=True)
def from_tagger(w: Work) -> None:
    """Tag the tokens (content, cue, speaker, addressee, frame) and make a draft of every
    content run."""
    w.tagged = w.taggers.tag(w.seg)
    w.drafts = draft.build_drafts(w.seg, w.tagged)


@component("extract.assemble.order.v1", Stage.REFINE)
def order(w: Work) -> None:
    """Put the drafts in document order.

    The proposing rules each only look at the sentences and tokens no earlier draft has
    taken (not at roles), so one sort after them suffices.
    """
    w.drafts.sort(key=lambda d: (d.a, d.b))


@component("extract.assemble.prune.v1", Stage.FILTER)
def prune(w: Work) -> None:
    """Drop what is not a statement after all (no cue, no speaker; a quoted name) and merge
    contents that overlap."""
    w.drafts = draft.prune(w.drafts)


@component("extract.assemble.statements.v2", Stage.FINISH)
def statements(w: Work) -> None:
    """Drafts become statements with ids in document order, each with its confidence."""
    w.statements = finish(w.seg, w.profile, w.drafts, w.taggers)
    confidence.apply(w)


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


def _parents(kept: list[tuple[draft.Draft, Spans, Spans]], ids: dict[int, str]) -> dict[int, str]:
    """The statement id each nested draft sits in: its parent's when the parent was kept
    and its content still holds the fragment, else the kept outer statement whose content
    holds it (a parent merged into another); none when no statement holds it.

    Parents are draft references, not list indices: the list changes after the nested
    step (drafts inserted, dropped, reordered), and an index went stale."""
    outer = [(d, Span(c[0].start, c[-1].end)) for d, c, _ in kept if d.parent is None]
    where = {id(d): Span(c[0].start, c[-1].end) for d, c, _ in kept}
    out: dict[int, str] = {}
    for d, content, _ in kept:
        if d.parent is None:
            continue
        frag = Span(content[0].start, content[-1].end)
        own = where.get(id(d.parent))
        if own is not None and own.contains(frag):
            out[id(d)] = ids[id(d.parent)]
            continue
        host = next((p for p, env in outer if p is not d and env.contains(frag)), None)
        if host is not None:
            out[id(d)] = ids[id(host)]
    return out


def _relay_evidence(seg: Segmented, d: draft.Draft) -> tuple[Evidence, ...]:
    """The relay of a statement (``Draft.relay``) as evidence ``group.relay.mention.v1``: the hook
    from which the source chain takes it as a hop before the speaker."""
    return tuple(
        Evidence(
            "group.relay.mention.v1", None, seg.token_span(r.a, r.b), "relays the speaker's words"
        )
        for r in d.relay
    )


def finish(
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
    parents = _parents(kept, ids)
    out = []
    for d, content, speaker in kept:
        parent = parents.get(id(d))
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
                medium=medium_of(seg, profile, tagger, d, tagger.meta.get("medium_by_form", {})),
                parent=parent,
                confidence=d.confidence,
                rules=tuple(dict.fromkeys(d.rules)),
                evidence=cue_evidence(seg, profile, d)
                + _relay_evidence(seg, d)
                + ((d.model_evidence,) if d.model_evidence is not None else ()),
            )
        )
    return out
