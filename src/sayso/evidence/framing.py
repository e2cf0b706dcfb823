"""Evidential framing: how the article presents a statement's truth.

Four facets, each value with the words that justify it (``Framing.evidence``):

- ``hearsay``: a reportative marker ("angeblich", "Berichten zufolge", "heißt es",
  "reportedly", "is said to") or a reportative modal with a perfect or copula infinitive
  ("soll … gesagt haben", "sollen … getötet worden sein", "soll der Drahtzieher sein" —
  not the plan "soll im März stattfinden");
- ``hedged``: the author's inferential hedges ("offenbar", "vermutlich", "apparently") on
  the attribution — next to its speaker and cue, in their clause ("Clinton apparently
  believes", "hat offenbar … angeboten") — or in a sourceless report the author marks as
  hearsay ("Der Täter soll offenbar geflüchtet sein"); hedges inside a content, also of a
  sourceless Konjunktiv continuation, are the speaker's, not the author's;
- ``stance`` of the cue: from the cue lexicon, corrected by ``evidence.json`` for framing
  (a denial is the speaker's act, not the reporter's doubt), plus the claim modal
  "will … gesehen haben" (distancing);
- ``confirmation``: ``denied`` or ``confirmed`` when another statement disputes or
  confirms this one (see :mod:`sayso.evidence.disputes`), ``unconfirmed`` from explicit
  non-confirmation ("eine Bestätigung gab es nicht", "could not be independently
  verified") in the statement's sentence or the sentence after it.

Markers inside direct quotations are the quoted speaker's words and never count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from sayso.evidence import confirmation as markers_mod
from sayso.evidence.chains import sentences_of, tokens_of
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import Draft, Seg
from sayso.extract.roles import attach_roles
from sayso.lang import LangProfile, MarkerKind
from sayso.lang.reporting import framing_words
from sayso.model import (
    Actor,
    ActorKind,
    Confirmation,
    Evidence,
    Form,
    Framing,
    Relation,
    RelationKind,
    Span,
    Stance,
    Statement,
)
from sayso.text.segment import Segmented

#: actor kinds whose statements are reports of something heard or found elsewhere
REPORTERS = frozenset(
    (ActorKind.OUTLET, ActorKind.ANONYMOUS, ActorKind.UNKNOWN, ActorKind.DOCUMENT)
)


def _markers(
    seg: Segmented, profile: LangProfile, toks: Sequence[int]
) -> list[tuple[MarkerKind, int, int, str]]:
    """Markers ``(kind, first token, end token, entry)`` starting at ``toks`` (in order,
    outside quotations, all tokens of a multi-word marker in ``toks``)."""
    words = seg.words
    lows = seg.lows
    depth = seg.quote_depth
    firsts = profile.markers  # a cheap first test: most words start no marker
    tokset: set[int] | None = None
    out = []
    for i in toks:
        if depth[i] or lows[i] not in firsts:
            continue
        m = profile.match_marker(words, i)
        if m is None:
            continue
        end = i + len(m.tokens)
        if tokset is None:
            tokset = set(toks)
        if all(j in tokset for j in range(i, end)):
            out.append((m.kind, i, end, " ".join(m.tokens)))
    return out


def _clause_end(seg: Segmented, profile: LangProfile, i: int, b: int) -> int:
    """One past the last token of the clause that token ``i`` is in (before ``b``)."""
    words = seg.words
    j = i + 1
    while j < b and not seg.quote_depth[j]:
        if words[j] == "(":  # a parenthesis does not end the clause: "(rund 190.000 Euro)"
            while j < b and words[j] != ")":
                j += 1
            # an unclosed "(" runs to the end of the clause, never past it ("Sie sollen (x")
            j = min(j + 1, b)
            continue
        if words[j] in profile.clause_breaks or words[j].lower() in profile.complementizers:
            break
        j += 1
    while j > i + 1 and not words[j - 1][:1].isalnum():
        j -= 1
    return j


def modal_reading(
    seg: Segmented, profile: LangProfile, i: int, b: int, modals: frozenset[str]
) -> tuple[int, str] | None:
    """Does modal token ``i`` have the reportative reading? Returns (the infinitive's
    token, "perfect" | "copula") when its clause ends in a perfect infinitive ("gesagt
    haben", "getötet worden sein", "gewesen sein") or, for hearsay modals, in the copula
    "sein" ("soll der Drahtzieher sein")."""
    ev = profile.evidence
    if seg.words[i].lower() not in modals:
        return None
    end = _clause_end(seg, profile, i, b)
    last = end - 1
    if last <= i + 1:
        return None
    w = seg.words[last].lower()
    before = seg.words[last - 1]
    # a participle (or "worden"/"gewesen") before the auxiliary: "gesagt haben"
    low = before.lower()
    participle = (
        low in ev.perfect_auxiliaries
        or low.startswith(ev.participle_prefixes)
        or low.endswith(ev.participle_endings)
    )
    if w in ev.perfect_auxiliaries and before[:1].islower() and last - 1 > i and participle:
        return last, "perfect"
    if modals is ev.hearsay_modals and w in ev.copula_infinitives:
        # the copula reading only for the indicative "soll" without a time ahead: the
        # reported "solle … stehen" and "soll künftig … sein" are mostly plans
        fw = framing_words(profile.lang)
        if seg.lows[i] in fw.author_hearsay_modals and fw.plan_words.isdisjoint(
            seg.lows[i + 1 : last]
        ):
            return last, "copula"
    return None


#: speakers whose "showed" or "found" is a finding the article presents as true
FINDERS = frozenset((ActorKind.DOCUMENT, ActorKind.ORGANIZATION))


def _stance(
    seg: Segmented, profile: LangProfile, s: Statement, finder: bool
) -> tuple[Stance, Evidence] | None:
    """The stance of the statement's cue; ``finder``: its speaker is a document or an
    organisation, whose "zeigen", "found" (``finding_cues``) endorse."""
    findings = framing_words(profile.lang).finding_cues
    words = seg.words
    cue = sorted(tokens_of(seg, s.cue))
    for i in cue:
        low = words[i].lower()
        entry = profile.cue(low)
        if entry is None or entry.needs_particle(low):
            entry = next(
                (e for j in cue if (e := profile.cue_with_particle(low, words[j].lower()))),
                None,
            )
        if entry is None:
            continue
        stance = profile.evidence.stance.get(entry.lemma, entry.stance)
        if stance is Stance.NEUTRAL or (entry.lemma in findings and not finder):
            continue  # "agreed … also contended": a later cue may still distance
        if stance is Stance.ENDORSING and _negated_cue(seg, profile, i):
            continue  # "konnte den Bericht nicht bestätigen" commits to nothing
        span = seg.token_span(i, i + 1)
        return stance, Evidence(f"framing.stance.cue.{stance.value}.v1", entry.lemma, span)
    return None


def _in_document(seg: Segmented, profile: LangProfile, i: int) -> bool:
    """Does the sentence of token ``i`` name a document ("In dem Vertrag ist die Rede von
    …")? Then "ist die Rede" cites it and is no hearsay."""
    a, b = seg.sentences[seg.sentence_of[i]]
    return any(
        seg.words[j][:1].isupper() and profile.is_document_head(seg.words[j]) for j in range(a, b)
    )


def _negated_cue(seg: Segmented, profile: LangProfile, i: int) -> bool:
    """Is cue token ``i`` negated in its clause ("nicht bestätigt", "did not confirm",
    "bestätigte das nicht")? Looks a few words either way, up to a clause break."""
    a, b = seg.sentences[seg.sentence_of[i]]
    neg = profile.evidence.negations
    for step in (-1, 1):
        j = i + step
        while a <= j < b and abs(j - i) <= 5 and seg.words[j] not in profile.clause_breaks:
            if seg.lows[j] in neg:
                return True
            j += step
    return False


#: words that end the clause a hedge must share with the attribution
_CLAUSE_BREAKS = frozenset(",;:-–—()[]\"„“”»«‚‘’'")


def _on_attribution(
    seg: Segmented,
    i: int,
    frame_toks: Sequence[int],
    cue: Sequence[int],
    profile: LangProfile,
) -> bool:
    """Is the hedge at token ``i`` on the attribution: from two words before its speaker
    or cue to two after the cue, in the cue's clause (no clause break between the hedge
    and the nearest cue word), and not the cue's last word unless a verb of saying comes
    before it in the cue ("sagte offenbar"; not "halten es für wahrscheinlich", "X
    seemed")? "Die Ministerin hat offenbar … angeboten", "Clinton apparently believes",
    "likely said" — not a hedge in a relative clause, in a neighbouring clause ("Clinton
    seemed to be ready …, telling the crowd") or in a sentence part that is not the report
    ("war nach Angaben der Polizei wohl der Auslöser: Der Täter sagte …")."""
    if not cue or not frame_toks[0] - 2 <= i <= cue[-1] + 2:
        return False
    if (
        i == cue[-1]
        and (
            (i > 0 and seg.lows[i - 1] in profile.prepositions)  # "für wahrscheinlich halten"
            or not any(profile.is_cue_form(seg.words[k]) for k in cue[:-1])
        )
    ):
        # the cue's own predicate, or a cue that is only the hedge ("X seemed", "Voters
        # now seem"): a state, not an attribution the author hedges
        return False
    c = min(cue, key=lambda k: abs(k - i))
    lo, hi = (i, c) if i < c else (c, i)
    return not any(seg.words[k] in _CLAUSE_BREAKS for k in range(lo + 1, hi))


def frame(
    seg: Segmented,
    profile: LangProfile,
    statements: Sequence[Statement],
    actors: Sequence[Actor] = (),
) -> list[Statement]:
    """Every statement with the hearsay, hedge and stance facets of its :class:`Framing`
    (confirmation needs the relations: :func:`confirm`)."""
    ev = profile.evidence
    # "hieß es in einer Mitteilung des Verbands": a named source makes "heißt es" a cue
    named = {a.id for a in actors if a.kind not in (ActorKind.ANONYMOUS, ActorKind.UNKNOWN)}
    kinds = {a.id: a.kind for a in actors}
    words = framing_words(profile.lang)
    sourceless = words.sourceless_markers
    owner = _owners(seg, statements)
    out = []
    for s in statements:
        content = tokens_of(seg, s.content)
        sents = sentences_of(seg, s)
        # the statement's own words: its sentences minus other statements' contents
        toks = [
            i
            for k in sents
            for i in range(*seg.sentences[k])
            if i in content or owner.get(i) in (None, s.id)
        ]
        cued = bool(s.cue)
        hearsay = False
        hedged = False
        stance = Stance.NEUTRAL
        evidence: list[Evidence] = []
        sourceless_hedges: list[Evidence] = []
        frame_toks = sorted(tokens_of(seg, s.speaker) | tokens_of(seg, s.cue))
        cue_toks = sorted(tokens_of(seg, s.cue))
        # an attribution the hedge can qualify: a named speaker and a verb of saying, not
        # an according-to phrase ("laut X offenbar …": the hedge is in X's content)
        on_verb = bool(s.speaker) and not any(
            profile.according_to_at(seg.words[k]) for k in tokens_of(seg, s.cue)
        )
        b = seg.sentences[sents[-1]][1] if sents else 0
        for kind, i, j, entry in _markers(seg, profile, toks):
            span = seg.token_span(i, j)
            if kind is MarkerKind.REPORTATIVE:
                if entry in sourceless and (
                    (s.speaker and s.actor in named) or _in_document(seg, profile, i)
                ):
                    continue
                hearsay = True
                evidence.append(Evidence("framing.hearsay.marker.v1", entry, span))
            elif kind is MarkerKind.HEDGE and i not in content:
                attribution_hedge = entry not in words.not_attribution_hedges
                if (
                    on_verb
                    and attribution_hedge
                    and _on_attribution(seg, i, frame_toks, cue_toks, profile)
                ):
                    hedged = True
                    evidence.append(Evidence("framing.hedge.marker.v1", entry, span))
            elif kind is MarkerKind.HEDGE and not (cued or s.speaker):
                # inside the content only for a sourceless report the author marks as
                # hearsay ("Der Täter soll offenbar geflüchtet sein"); a sourceless
                # Konjunktiv or free indirect sentence is someone's continuation, and its
                # hedge ("Die Täter seien offenbar geflohen.") is that speaker's
                sourceless_hedges.append(Evidence("framing.hedge.marker.v1", entry, span))
        modals = ev.hearsay_modals | ev.claim_modals
        for i in toks:
            if seg.quote_depth[i] or seg.lows[i] not in modals:
                continue
            got = modal_reading(seg, profile, i, b, ev.hearsay_modals)
            if got is not None:
                hearsay = True
                span = Span(seg.starts[i], seg.ends[got[0]])
                evidence.append(Evidence(f"framing.hearsay.modal_{got[1]}.v1", seg.words[i], span))
                continue
            got = modal_reading(seg, profile, i, b, ev.claim_modals)
            if got is not None and (i not in content or not cued):
                # "will nichts gesehen haben": the subject's own claim, reported at a distance
                hearsay = True
                stance = Stance.DISTANCING
                span = Span(seg.starts[i], seg.ends[got[0]])
                evidence.append(Evidence("framing.hearsay.claim_modal.v1", seg.words[i], span))
                evidence.append(Evidence("framing.stance.claim_modal.v1", seg.words[i], span))
        if hearsay and sourceless_hedges:
            hedged = True
            evidence.extend(sourceless_hedges)
        if stance is Stance.NEUTRAL and s.parent is None:
            # a nested quotation shares its parent's cue; the parent carries the stance
            got_stance = _stance(seg, profile, s, kinds.get(s.actor or "") in FINDERS)
            if got_stance is not None and got_stance[0] is not Stance.NEUTRAL:
                stance = got_stance[0]
                evidence.append(got_stance[1])
        framing = Framing(hearsay=hearsay, hedged=hedged, stance=stance, evidence=tuple(evidence))
        out.append(replace(s, framing=framing))
    return out


def confirm(
    seg: Segmented,
    profile: LangProfile,
    statements: Sequence[Statement],
    relations: Sequence[Relation],
    not_confirmed: Mapping[str, tuple[Span, str]] | None = None,
    actors: Sequence[Actor] = (),
) -> list[Statement]:
    """The confirmation facet: ``denied``/``confirmed`` from the disputes and confirmations
    aimed at a statement, ``unconfirmed`` from explicit non-confirmation, either a marker
    near it or a statement declining to confirm it (``not_confirmed``)."""
    aimed: dict[str, list[Relation]] = {}
    for r in relations:
        if r.target is not None and r.kind in (RelationKind.DISPUTES, RelationKind.CONFIRMS):
            aimed.setdefault(r.target, []).append(r)
    unconfirmed = dict(not_confirmed or {})
    markers = markers_mod.targets(seg, profile, statements, actors)
    out = []
    for s in statements:
        confirmation = Confirmation.UNKNOWN
        evidence: list[Evidence] = []
        for r in aimed.get(s.id, []):
            value = (
                Confirmation.DENIED if r.kind is RelationKind.DISPUTES else Confirmation.CONFIRMED
            )
            if confirmation is Confirmation.UNKNOWN or value is Confirmation.DENIED:
                confirmation = value
            for span in r.evidence[-1:]:  # the disputing words with their object
                evidence.append(
                    Evidence(
                        f"framing.confirmation.{value.value}.v1",
                        r.source,
                        span,
                        r.id,
                        r.confidence,
                    )
                )
        endorsing = s.framing.stance is Stance.ENDORSING
        if confirmation is Confirmation.UNKNOWN and s.id in unconfirmed and not endorsing:
            confirmation = Confirmation.UNCONFIRMED
            span, entry = unconfirmed[s.id]
            evidence.append(Evidence("framing.confirmation.unconfirmed.v1", entry, span))
        if confirmation is Confirmation.UNKNOWN and s.id in markers:
            m, span = markers[s.id]
            if not (m.value is Confirmation.UNCONFIRMED and endorsing):
                # an endorsing cue ("bestätigte") is never also unconfirmed
                confirmation = m.value
                entry = seg.text[span.start : span.end]
                evidence.append(Evidence(m.rule, entry, span, None, m.confidence))
        if evidence:
            f = s.framing
            s = replace(
                s,
                framing=replace(
                    f, confirmation=confirmation, evidence=f.evidence + tuple(evidence)
                ),
            )
        out.append(s)
    return out


def _owners(seg: Segmented, statements: Sequence[Statement]) -> dict[int, str]:
    """token -> id of the (first) statement whose content holds it."""
    owner: dict[int, str] = {}
    for s in statements:
        for i in tokens_of(seg, s.content):
            owner.setdefault(i, s.id)
    return owner


HEARSAY_RULE = "rule.free_indirect.hearsay.v1"
HEARSAY_UNKNOWN_RULE = "chain.hearsay_unknown.v1"


def hearsay_sentences(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> list[Draft]:
    """Sentences no statement covers that present their content as hearsay with a
    reportative or claim modal ("Der Täter soll geflohen sein.", "Drei Menschen sollen
    getötet worden sein.", "Prüfer wollen Lücken entdeckt haben."): free indirect statements
    (their chain is the unknown source unless a report sentence names one)."""
    taken = {p.sent for d in drafts for p in d.parts}
    ev = profile.evidence
    modals = ev.hearsay_modals | ev.claim_modals
    new: list[Draft] = []
    for k, (a, b) in enumerate(seg.sentences):
        if k in taken or b - a < 4 or modals.isdisjoint(seg.lows[a:b]):
            continue
        if any(seg.quote_depth[i] for i in range(a, b)):
            continue
        # the modal makes the whole sentence second-hand; a marker may qualify a noun only
        # ("die angeblichen Geheimflüge"), so markers alone do not make a statement
        hit = any(
            modal_reading(seg, profile, i, b, ev.hearsay_modals) is not None
            or modal_reading(seg, profile, i, b, ev.claim_modals) is not None
            for i in range(a, b)
            if seg.lows[i] in modals
        )
        if hit:
            new.append(
                Draft(
                    parts=[Seg(a, b, "free_indirect", k)],
                    form=Form.FREE_INDIRECT,
                    rules=[HEARSAY_RULE],
                )
            )
    return new


def plan_not_hearsay(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> list[Draft]:
    """Drop whole-sentence free indirect statements whose only hearsay signal is a modal
    in its plan reading ("Die Konferenz soll im März stattfinden.")."""
    ev = profile.evidence
    out = []
    for d in drafts:
        if d.rules and d.rules[0] == "crf.sentence.free_indirect" and not d.cue:
            a, b = d.a, d.b
            modals = [i for i in range(a, b) if seg.words[i].lower() in ev.hearsay_modals]
            if modals and not any(
                modal_reading(seg, profile, i, b, ev.hearsay_modals) for i in modals
            ):
                continue
        out.append(d)
    return out


def unknown_hearsay_source(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A hearsay sentence ("Angeblich soll X zugestimmt haben.") names no source; it does
    not inherit the previous statement's speaker (that is what the hearsay marker avoids
    saying). Undoes ``group.speaker.inherit`` for the drafts of :func:`hearsay_sentences`;
    any other cue-less draft whose sentence is the author's hearsay (an indicative
    reportative modal, "soll … zugestimmt haben", not the reported "solle"; or a
    reportative marker, "angeblich", outside quotations) keeps the tagger's speaker
    phrase but is marked ``chain.hearsay_unknown.v1``: its chain is the unknown source."""
    for d in drafts:
        if "group.speaker.inherit.v1" not in d.rules:
            continue
        if d.rules and d.rules[0] == HEARSAY_RULE:
            d.speaker_spans = None
            d.rules.remove("group.speaker.inherit.v1")
        elif not d.cue and _author_hearsay(seg, profile, d):
            d.rules.append(HEARSAY_UNKNOWN_RULE)


def _author_hearsay(seg: Segmented, profile: LangProfile, d: Draft) -> bool:
    """Does the draft's sentence carry the author's own hearsay marker?"""
    a, b = seg.sentences[d.parts[0].sent]
    fw = framing_words(profile.lang)
    for i in range(a, b):
        if seg.quote_depth[i]:
            continue
        if seg.lows[i] in fw.author_hearsay_modals and modal_reading(
            seg, profile, i, b, profile.evidence.hearsay_modals
        ):
            return True
    return any(kind is MarkerKind.REPORTATIVE for kind, *_ in _markers(seg, profile, range(a, b)))


@component("evidence.framing.plan_not_hearsay.v1", Stage.FILTER)
def filter_plan_not_hearsay(w: Work) -> None:
    """Drop whole-sentence statements whose only hearsay signal is a modal of plan."""
    w.drafts = plan_not_hearsay(w.seg, w.profile, w.drafts)


@component("evidence.framing.hearsay_sentences.v1", Stage.PROPOSE, scores=True)
def propose_hearsay(w: Work) -> None:
    """Sentences presenting their content as hearsay ("soll … haben") become statements."""
    hearsay = hearsay_sentences(w.seg, w.profile, w.drafts)
    attach_roles(w.seg, w.taggers, w.scores, hearsay)
    w.drafts += hearsay


@component("evidence.framing.unknown_hearsay_source.v1", Stage.REFINE)
def refine_unknown_hearsay_source(w: Work) -> None:
    """A hearsay sentence does not inherit the previous speaker."""
    unknown_hearsay_source(w.seg, w.profile, w.drafts)


@component("evidence.framing.frame.v1", Stage.EVIDENCE, setting=("evidence", True))
def evidence_frame(w: Work) -> None:
    """The hearsay, hedge and stance facets of every statement."""
    w.statements = frame(w.seg, w.profile, w.statements, w.actors)


@component("evidence.framing.confirm.v1", Stage.EVIDENCE, setting=("evidence", True))
def evidence_confirm(w: Work) -> None:
    """The confirmation facet, from the disputes and confirmations."""
    w.statements = confirm(w.seg, w.profile, w.statements, w.stated, w.not_confirmed, w.actors)
