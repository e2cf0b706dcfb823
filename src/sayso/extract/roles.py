"""Roles: the tagger's cue, speaker, addressee and frame runs given to each draft, the
medium of a statement and the evidence its cue leaves.
"""

from __future__ import annotations

from sayso.extract import according
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import Draft, Seg, distance, runs, speaker_head
from sayso.lang import LangProfile
from sayso.lang.names import name_words
from sayso.model import Evidence, Medium
from sayso.tagging.features import medium_features
from sayso.tagging.tagger import Tagged, Taggers
from sayso.text.segment import Segmented


def attach_roles(seg: Segmented, tagger: Taggers, tagged: Tagged, drafts: list[Draft]) -> None:
    """Tag the roles of each draft in the window around its content (see
    ``Taggers.tag_statement``): speaker, cue and addressee runs, and the frame."""
    tagged_roles = tagger.tag_statements(
        seg, tagged, [([i for p in d.parts for i in range(p.a, p.b)], d.form.value) for d in drafts]
    )
    for d, (span, roles, frame) in zip(drafts, tagged_roles, strict=True):
        sent = d.parts[0].sent
        for r in runs(roles, span.start, sent):
            r.sent = seg.sentence_of[r.a]
            if r.tag == "S":
                d.speaker.append(r)
            elif r.tag == "C":
                d.cue.append(r)
            elif r.tag == "A":
                d.addressee.append(r)
        for r in runs(frame, span.start, sent):
            r.sent = seg.sentence_of[r.a]
            d.frame.append(r)
        d.rules.append("crf.roles.statement.v1")
        # the window includes the previous sentence for continued speech; when the
        # content's own sentence has a cue or speaker, those of the previous one are not it
        own = d.parts[0].sent
        for name in ("cue", "speaker"):
            found: list[Seg] = getattr(d, name)
            if any(r.sent == own for r in found):
                setattr(d, name, [r for r in found if r.sent >= own])
        if len(d.speaker) > 1:
            d.speaker = [_pick_speaker(seg, tagger.cache.profile, d)]
            d.rules.append("group.speaker.nearest.v1")
        if not d.speaker and not d.cue and d.fallback_speaker:
            d.speaker = list(d.fallback_speaker)
            d.rules.append("group.speaker.reported_subject.v1")


def tag_speakers(seg: Segmented, tagger: Taggers, tagged: Tagged, drafts: list[Draft]) -> None:
    """Speaker and addressee from the role tagger for drafts whose cue and frame a rule
    already set (the rule's cue and frame stay)."""
    kept = [(d.cue, d.frame) for d in drafts]
    for d in drafts:
        d.cue, d.frame = [], []
    attach_roles(seg, tagger, tagged, drafts)
    for d, (cue, frame) in zip(drafts, kept, strict=True):
        d.cue, d.frame = cue, frame


def _pick_speaker(seg: Segmented, profile: LangProfile, d: Draft) -> Seg:
    """Of several speaker runs, the one closest to the cue (or to the content), preferring
    a subject to a prepositional phrase ("Anna Berger schrieb auf X, …") or to an object
    of a verbal cue ("Wiefelspütz nannte den Bericht eine „Ente“")."""
    anchor = d.cue[0] if d.cue else None
    # with a verb as cue an object ("nannte den Bericht eine Ente") is no speaker; with an
    # according-to trigger a dative may be ("dem Zeugen zufolge")
    verbal = bool(d.cue) and not any(
        profile.according_to_at(seg.words[i]) for r in d.cue for i in range(r.a, r.b)
    )

    nw = name_words(profile.lang)
    choice = profile.speaker_choice

    def adverbial(x: Seg) -> bool:
        # "So", "Dazu", "Weiterhin", "Anfang Juli": adverbs and time phrases are no
        # speaker (measured on a 2-fold split of wikinews-de train)
        words = seg.words[x.a : x.b]
        return all(w.lower() in nw.not_names or w.lower() in nw.stops for w in words) or any(
            profile.month(w) is not None for w in words
        )

    def source(x: Seg) -> bool:
        matches = according.find(seg, profile, seg.sentence_of[x.a], 0.0)
        return any(x.a <= i < x.b for m in matches for i in m.source)

    def rank(x: Seg) -> tuple[bool, bool, bool, int]:
        before = seg.words[x.a - 1].lower() if x.a > 0 else ""
        # a phrase after a preposition is an adverbial ("Nach [der Sitzung] sagte
        # Berg") unless it is an according-to source ("nach [Angaben der Polizei]")
        governed = seg.words[x.a].lower() in profile.prepositions or (
            "after_preposition" in choice and before in profile.prepositions and not source(x)
        )
        objective = verbal and seg.words[x.a].lower() in profile.object_determiners
        # a noun phrase ends in a noun, name or pronoun: not "den Standpunkt vertreten"
        headless = not speaker_head(profile, seg.words[x.b - 1]) or (
            "adverbial" in choice and adverbial(x)
        )
        near = abs(x.a - anchor.a) if anchor is not None else distance(x, d)
        return governed, objective, headless, near

    return min(d.speaker, key=rank)


def cue_evidence(seg: Segmented, profile: LangProfile, d: Draft) -> tuple[Evidence, ...]:
    ev = []
    for x in d.cue:
        for i in range(x.a, x.b):
            entry = profile.cue(seg.words[i].lower())
            if entry is not None:
                ev.append(
                    Evidence(
                        rule="lexicon.cue",
                        entry=f"{profile.lang}/cues.json#{entry.lemma}",
                        span=seg.token_span(i, i + 1),
                    )
                )
    return tuple(ev)


def medium_of(
    seg: Segmented, profile: LangProfile, tagger: Taggers, d: Draft, fallback: dict[str, str]
) -> Medium:
    """The medium classifier where the language has one (trained on the corpus' media),
    else the cue's lexicon medium, else the most frequent medium of the form."""
    if d.medium is not None:
        return d.medium
    content = [i for p in d.parts for i in range(p.a, p.b)]
    cue = [i for r in d.cue for i in range(r.a, r.b)]
    frame = [i for r in d.frame for i in range(r.a, r.b)]
    label = tagger.classify_medium(
        medium_features(tagger.cache, seg, d.form.value, content, cue, frame)
    )
    if label is not None:
        d.rules.append("crf.medium.v1")
        return Medium(label)
    for i in cue:
        entry = profile.cue(seg.words[i].lower())
        if entry is not None:
            return entry.medium
    value = fallback.get(d.form.value)
    return Medium(value) if value else Medium.UNKNOWN


@component("extract.roles.attach.v1", Stage.REFINE, scores=True)
def attach(w: Work) -> None:
    """Give every draft so far the tagger's cue, speaker, addressee and frame runs of its
    sentence."""
    attach_roles(w.seg, w.taggers, w.scores, w.drafts)
