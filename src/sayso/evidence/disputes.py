"""Relations between the statements of one article: who disputes, confirms or contradicts whom.

- ``disputes`` / ``confirms`` are *stated*: a statement whose cue denies or confirms
  ("dementierte", "wies … zurück", "widersprach", "bestätigte", "denied", "rejected",
  "confirmed") and that names what it is about — an account noun ("den Bericht", "die
  Vorwürfe", "the allegations"), maybe with its owner ("die Darstellung des Ministeriums",
  "Moscow's account") — or whose content repeats an earlier statement's content. The
  target is the earlier statement that account points at; when the article names the
  account but does not report it, the relation dangles (``target=None``) with its evidence
  and, where named, the owner as ``target_actor``. A negated confirmation ("bestätigte den
  Bericht nicht") marks the target unconfirmed instead.
- ``contradicts`` is *inferred* (:mod:`sayso.evidence.contradictions`): two statements of
  different sources on the same subject whose contents are incompatible.

This module also adds the statements such relations start from when the taggers missed
them: a sentence in which someone disputes or confirms a named account ("Der Kreml wies
den Bericht zurück.") is a reported statement (``rule.reported.dispute.v1``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from sayso.evidence import agreement, dispute_anaphors, dispute_targets
from sayso.evidence.chains import noun_phrase, tokens_of
from sayso.evidence.compare import gist
from sayso.evidence.framing import REPORTERS
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import Draft, Seg
from sayso.lang import LangProfile
from sayso.model import Actor, ActorKind, Form, Relation, RelationKind, Span, Stance, Statement
from sayso.settings import DEFAULT, EvidenceSettings
from sayso.text.segment import Segmented

_FINAL = (".", "!", "?")
_OWNER_KINDS = frozenset(
    (ActorKind.ORGANIZATION, ActorKind.OUTLET, ActorKind.ANONYMOUS, ActorKind.DOCUMENT)
)


_TRIGGERS: dict[str, frozenset[str]] = {}


def _triggers(profile: LangProfile) -> frozenset[str]:
    """Every word form that can make a statement dispute or confirm (a cheap first test)."""
    got = _TRIGGERS.get(profile.lang)
    if got is None:
        ev = profile.evidence
        forms = set(ev.dispute_words)
        for lemma in ev.dispute_cues | ev.confirm_cues:
            entry = profile.cues.get(lemma)
            if entry is not None:
                forms |= entry.forms | entry.split_forms
        got = _TRIGGERS[profile.lang] = frozenset(forms)
    return got


def _relation_kind(
    profile: LangProfile, words: Sequence[str], i: int, b: int
) -> RelationKind | None:
    ev = profile.evidence
    low = words[i].lower()
    if not words[i][:1].islower() or low not in _triggers(profile):
        return None
    if i > 0 and dispute_targets.noun_reading(profile, words[i - 1].lower()):
        return None  # "the disputed territory", "many disputes", "a dispute"
    if low in ev.dispute_words:
        return RelationKind.DISPUTES
    lemma = profile.cue_lemma_at(words, i, b)
    if lemma in ev.dispute_cues:
        return RelationKind.DISPUTES
    if lemma in ev.confirm_cues:
        return RelationKind.CONFIRMS
    return None


def dispute_sentences(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> list[Draft]:
    """Whole sentences, not yet a statement, in which a subject disputes or confirms a named
    account: "Der Kreml wies den Bericht zurück.", "The ministry denied the allegations."."""
    taken = {p.sent for d in drafts for p in d.parts}
    words = seg.words
    ev = profile.evidence
    accounts = ev.account_nouns
    new: list[Draft] = []
    for s, (a, b) in enumerate(seg.sentences):
        if s in taken or b - a < 4 or words[b - 1] not in _FINAL or not words[a][:1].isupper():
            continue
        rest = seg.lows[a + 1 : b]
        if accounts.keys().isdisjoint(rest) or _triggers(profile).isdisjoint(rest):
            continue  # no account word, or no verb that could dispute or confirm it
        if any(seg.quote_depth[i] for i in range(a, b)):
            continue
        verb = next(
            (i for i in range(a + 1, b) if _relation_kind(profile, words, i, b) is not None), None
        )
        if verb is None:
            continue
        if not any(words[i].lower() in accounts for i in range(a + 1, b) if i != verb):
            continue  # the verb itself was the only "account" word
        cue = [Seg(verb, verb + 1, "C", s)]
        low = words[verb].lower()
        particle = next(
            (j for j in range(verb + 1, b) if profile.cue_with_particle(low, words[j].lower())),
            None,
        )
        entry = profile.cue(low)
        if particle is not None and (entry is None or entry.needs_particle(low)):
            cue.append(Seg(particle, particle + 1, "C", s))  # "wies … zurück"
        # the subject before a verb in second position is the speaker ("Peskow widersprach")
        np_ = noun_phrase(seg, profile, a, verb)
        speaker = [Seg(a, verb, "S", s)] if np_ is not None and np_[1] == verb else []
        new.append(
            Draft(
                parts=[Seg(a, b, "reported", s)],
                form=Form.REPORTED,
                cue=cue,
                speaker=speaker,
                rules=["rule.reported.dispute.v1"],
            )
        )
    return new


def _own_tokens(seg: Segmented, s: Statement) -> list[int]:
    """A statement's sentence tokens that belong to it: content, cue, frame, speaker."""
    toks = (
        tokens_of(seg, s.content)
        | tokens_of(seg, s.cue)
        | tokens_of(seg, s.frame)
        | tokens_of(seg, s.speaker)
    )
    return sorted(toks)


def owner_mentions(
    seg: Segmented, profile: LangProfile, statements: Sequence[Statement]
) -> list[Span]:
    """The owners of disputed or confirmed accounts ("die Darstellung *des Pentagons*"),
    so that the actor module resolves them like any source: a dispute of an account the
    article does not report still points at whose account it is."""
    out = []
    triggers = _triggers(profile)
    lows = seg.lows
    for d in statements:
        own = _own_tokens(seg, d)
        if not own or triggers.isdisjoint([lows[i] for i in own]):
            continue  # no word that could dispute or confirm
        if not any(
            _relation_kind(profile, seg.words, i, own[-1] + 1)
            for i in own
            if not seg.quote_depth[i]
        ):
            continue
        acc = dispute_targets.account(seg, profile, own)
        if acc is not None and acc[3] is not None:
            out.append(seg.token_span(*acc[3]))
    for d in statements:
        agreed = agreement.agreement(seg, profile, _own_tokens(seg, d))
        if agreed is not None:
            out.append(seg.token_span(*agreed[1]))
    return out


def _stems(seg: Segmented, toks: AbstractSet[int]) -> set[str]:
    """Capitalised words of these tokens, cut to 6 letters (German genitive -s and case
    endings: "Wassilews" ~ "Wassilew")."""
    return {
        seg.words[i][:6].lower()
        for i in toks
        if seg.words[i][:1].isupper() and len(seg.words[i]) > 3
    }


def _subject_words(seg: Segmented, d: Statement, cue_tok: int) -> set[str]:
    """Who disputes: the speaker's words, else the capitalised words before the cue."""
    toks: AbstractSet[int] = tokens_of(seg, d.speaker)
    if not toks:
        a = seg.sentences[seg.sentence_of[cue_tok]][0]
        toks = set(range(a, cue_tok))
    return _stems(seg, toks)


def _claims(seg: Segmented, profile: LangProfile, s: Statement) -> bool:
    """Is the content a claim (a that-clause, a quotation, a Konjunktiv clause) rather than
    a noun phrase ("rejects a request to unseal the file")?"""
    from sayso.lang.mood import Mood, mood

    toks = sorted(tokens_of(seg, s.content))
    if not toks:
        return False
    if s.form is Form.DIRECT or seg.words[toks[0]].lower() in profile.complementizers:
        return True
    return profile.lang == "de" and any(mood(seg.words[i]) is Mood.K1 for i in toks)


def _content_words(seg: Segmented, profile: LangProfile, s: Statement) -> frozenset[str]:
    """Content-word stems of a statement (the same as the contradiction test uses)."""
    return gist(profile, [seg.words[i] for i in sorted(tokens_of(seg, s.content))]).stems


#: "the reports" a denial names without owner stand at most this many sentences before it
REPORT_REACH = 3


def _accuses(seg: Segmented, profile: LangProfile, t: Statement) -> bool:
    """Can ``t`` carry an accusation that its subject later rejects: an accusing cue, a
    distancing claim, hearsay? (A plain report of an outlet or an anonymous source about
    him was tried too: it fired once on 1,294 unseen articles, wrongly, and never on dev.)"""
    ev = profile.evidence
    return (
        _lemma_of(seg, profile, t) in ev.accusation_cues
        or t.framing.stance is Stance.DISTANCING
        or t.framing.hearsay
    )


@dataclass(slots=True)
class _Aim:
    """What a stated dispute or confirmation points at, and why."""

    target: Statement | None = None
    target_actor: str | None = None
    confidence: float = 0.0
    reason: str = ""
    also: list[Statement] = field(default_factory=list)  # "alle Vorwürfe": the others
    also_reason: str = "one of all the accusations it rejects"
    rule: str = "stated"  # the rule id's detail: relation.<kind>.<rule>.v1
    generic: bool = False  # found by the account noun's kind alone (any report, accusation)


def link(
    seg: Segmented,
    profile: LangProfile,
    statements: Sequence[Statement],
    actors: Sequence[Actor],
    actor_of: Mapping[Span, str] | None = None,
    windows: EvidenceSettings = DEFAULT.evidence_windows,
) -> tuple[list[Relation], dict[str, tuple[Span, str]]]:
    """Stated disputes and confirmations. Returns the relations (ids empty, numbered by
    the pipeline) and the statements a negated confirmation leaves unconfirmed. Targets
    are looked for among the previous ``windows.dispute_lookback`` statements; "alle
    Vorwürfe", "all allegations" dispute at most ``windows.dispute_max_targets``."""
    ev = profile.evidence
    words = seg.words
    actor_of = actor_of or {}
    kind_of = {a.id: a.kind for a in actors}
    relations: list[Relation] = []
    not_confirmed: dict[str, tuple[Span, str]] = {}
    for n, d in enumerate(statements):
        own = _own_tokens(seg, d)
        if not own:
            continue
        b = own[-1] + 1
        cue = sorted(tokens_of(seg, d.cue)) or own
        rk = next(
            (
                (k, i)
                for i in cue
                if not seg.quote_depth[i] and (k := _relation_kind(profile, words, i, b))
            ),
            None,
        )
        rule = "stated"
        if rk is None and (ptok := dispute_targets.predicate_at(seg, profile, d)) is not None:
            rk, rule = (RelationKind.DISPUTES, ptok), "predicate"  # "die Vorwürfe seien haltlos"
        if rk is None:
            relations.extend(_without_cue(seg, profile, d, own, n, statements, actor_of))
            continue
        kind, cue_tok = rk
        content = tokens_of(seg, d.content)
        # "bestätigte den Bericht nicht": the cue's clause is negated; a negation inside a
        # cued that-clause is the content's own polarity ("bestritt, dass er nicht …")
        negated = any(
            words[i].lower() in ev.negations and not seg.quote_depth[i]
            for i in own
            if i not in content or not d.cue or d.form is Form.REPORTED
        ) or dispute_anaphors.refused(seg, profile, [i for i in own if i not in content])
        before = [
            t
            for t in statements[max(0, n - windows.dispute_lookback) : n]
            if t.id != d.id
            and t.content[0].start < d.content[0].start
            and t.parent != d.id
            and d.parent != t.id
            # one does not dispute oneself, but a hearsay sentence's "speaker" is often its
            # subject: "Wassilew soll … haben" may well be disputed by Wassilew
            and (t.actor is None or t.actor != d.actor or t.framing.hearsay)
        ]
        acc = dispute_targets.account(seg, profile, own, quoted=rule == "predicate")
        if acc is None and rule == "predicate":
            continue
        cue_span = seg.token_span(cue_tok, cue_tok + 1)
        evidence: tuple[Span, ...] = (cue_span,)
        dangling = "the account it names is not reported in the article"
        if acc is not None:
            evidence = (cue_span, seg.token_span(acc[1], acc[2]))
            aim = _named_target(
                seg, profile, d, acc, cue_tok, before, statements, actors, actor_of, kind_of
            )
            aim.also = aim.also[: max(0, windows.dispute_max_targets - 1)]
            if rule == "predicate" and aim.rule == "stated":
                aim.rule = rule
                if aim.generic and not dispute_targets.named_by_cue(seg, profile, d):
                    # "the suggestion - unfounded - that …": no guess ("called the
                    # report false" names the report it disputes)
                    aim.target, aim.also = None, []
        elif (pointed := dispute_anaphors.anaphor_target(seg, profile, d, before)) is not None:
            # "The ministry has denied this.": the statement just before, of another source
            reason = "a pronoun pointing back at the statement before it"
            aim = _Aim(pointed, None, 0.75, reason, rule="anaphor")
        else:
            aim = _repeated_target(seg, profile, d, before)
            if aim.target is None and (
                kind is not RelationKind.DISPUTES or not d.cue or not _claims(seg, profile, d)
            ):
                continue
            # "X bestritt, dass …", "X denied that …": a denial always disputes a claim,
            # here one the article does not attribute; the relation dangles
            dangling = "denies a claim the article does not attribute to anyone"
        if kind is RelationKind.CONFIRMS and negated:
            if aim.target is not None:
                not_confirmed.setdefault(aim.target.id, (evidence[-1], words[cue_tok].lower()))
            continue
        if negated:
            continue  # "wies den Bericht nicht zurück" disputes nothing
        relations.extend(_stated(d, kind, aim, evidence, dangling))
    return relations, not_confirmed


def _without_cue(
    seg: Segmented,
    profile: LangProfile,
    d: Statement,
    own: Sequence[int],
    n: int,
    statements: Sequence[Statement],
    actor_of: Mapping[Span, str],
) -> list[Relation]:
    """Relations of a statement whose cue neither disputes nor confirms: a refutation
    ("Das sei völlig falsch": the statement just before, of another source) or an
    agreement with a person ("agreed with X")."""
    ref = dispute_targets.refutation_at(seg, profile, d)
    if ref is not None:
        tgt = dispute_targets.refuted(d, statements[max(0, n - 5) : n], seg)
        if tgt is None:
            return []
        aim = _Aim(tgt, None, 0.7, "calls the statement before it false", rule="refutation")
        return _stated(d, RelationKind.DISPUTES, aim, (seg.token_span(*ref),), "")
    agreed = agreement.agreement(seg, profile, own)
    if agreed is None:
        return []
    return agreement.agreement_relation(seg, d, agreed, statements, actor_of)


def _named_target(
    seg: Segmented,
    profile: LangProfile,
    d: Statement,
    acc: tuple[str, int, int, tuple[int, int] | None],
    cue_tok: int,
    before: list[Statement],
    statements: Sequence[Statement],
    actors: Sequence[Actor],
    actor_of: Mapping[Span, str],
    kind_of: Mapping[str, ActorKind],
) -> _Aim:
    """The statement an account noun points at: its owner's, a demonstrative's latest, an
    outlet's or hearsay report, or the accusations against the one who rejects them."""
    ev = profile.evidence
    what, a0, a1, owner = acc
    aim = _Aim()
    if owner is None:
        # "der offiziellen Darstellung": what the officials said before it
        official = dispute_targets.official_account(seg, profile, (a0, a1), before, actors)
        if official:
            aim.target, aim.also, aim.rule = official[0], official[1:], "official"
            aim.also_reason = aim.reason = "the official account: an official's statement"
            aim.confidence = 0.75
            return aim
    if owner is not None:
        actor = dispute_targets.owner_actor(seg, profile, actors, owner, actor_of)
        # an owner is someone: a known kind of source, or an actor who speaks here
        # ("die Vorwürfe der Untreue" names what is alleged, not who alleges it)
        if actor is not None and not (
            actor.kind in _OWNER_KINDS or any(actor.id in t.chain for t in statements)
        ):
            actor = None
        if actor is not None:
            aim.target_actor = actor.id
            aim.target = next((t for t in reversed(before) if actor.id in t.chain), None)
            aim.confidence, aim.reason = 0.9, f"names the account of {actor.name}"
        elif dispute_targets.names_official(seg, profile, owner):
            # "the president's claims" with no president speaking: his officials' account
            official = dispute_targets.official_account(seg, profile, None, before, actors)
            if official:
                aim.target, aim.also, aim.rule = official[0], official[1:], "official"
                aim.also_reason = aim.reason = "the officials' account its owner names"
                aim.confidence = 0.7
            return aim  # an owner not found in the article: the dispute dangles
    if owner is None and _modifier_aim(seg, profile, aim, (a0, a1), before, actors):
        return aim  # "disputed the police account"
    if (
        aim.target is None
        and aim.target_actor is None
        and any(seg.words[k].lower() in ev.demonstratives for k in range(a0, a1))
    ):
        # "that argument", "diese Darstellung": the statement just before
        aim.target = before[-1] if before else None
        aim.confidence, aim.reason = 0.8, f"the {what} just before, named with a demonstrative"
    elif aim.target is None and aim.target_actor is None:
        aim.generic = True
        _generic_aim(seg, profile, d, acc, cue_tok, before, kind_of, aim)
        aim.confidence, aim.reason = 0.7, f"the {what} it names"
    return aim


def _generic_aim(
    seg: Segmented,
    profile: LangProfile,
    d: Statement,
    acc: tuple[str, int, int, tuple[int, int] | None],
    cue_tok: int,
    before: list[Statement],
    kind_of: Mapping[str, ActorKind],
    aim: _Aim,
) -> None:
    """Aim an account noun without owner or demonstrative: the account it spells out, a
    recent report, or the accusations against the one who rejects them."""
    ev = profile.evidence
    what, a0, a1, _ = acc
    near = seg.sentence_of[cue_tok] - REPORT_REACH
    if dispute_targets.spelled_out(seg, profile, a1):
        # "rejected rumors that Obama might …", "dismissed the argument that …": the
        # account it spells out, if a statement before says it; else it dangles
        own = set(_own_tokens(seg, d))
        clause = [seg.words[j] for j in range(a1, a1 + 40) if j in own]
        mine = gist(profile, clause).stems
        aim.target = next(
            (t for t in reversed(before) if len(mine & _content_words(seg, profile, t)) >= 2),
            None,
        )
    elif what == "report":
        # an outlet's report first, then any report, hearsay or anonymous account,
        # told shortly before it (a report far back is some other report)
        before = [t for t in before if dispute_targets.sentence_index(seg, t) >= near]
        aim.target = next(
            (
                t
                for t in reversed(before)
                if t.chain and kind_of.get(t.chain[0]) is ActorKind.OUTLET
            ),
            None,
        ) or next(
            (
                t
                for t in reversed(before)
                if (t.chain and kind_of.get(t.chain[0]) in REPORTERS)
                or t.framing.hearsay
                or _lemma_of(seg, profile, t) in ev.report_cues
            ),
            None,
        )
    else:
        # accusations: accusing cues, distancing claims, hearsay allegations
        # ... about the one who rejects them ("Wassilew soll …" / "Wassilew
        # wies alle Anschuldigungen zurück"); without such a link it dangles
        who = _subject_words(seg, d, cue_tok)
        accusations = [
            t
            for t in reversed(before)
            if _accuses(seg, profile, t)
            and who & _stems(seg, tokens_of(seg, t.content) | tokens_of(seg, t.addressee))
        ]
        if accusations and any(seg.words[j].lower() in ev.universal for j in range(a0, a1)):
            # "wies alle Anschuldigungen zurück": every accusation before it
            aim.also = accusations[1:]
        aim.target = accusations[0] if accusations else None


def _modifier_aim(
    seg: Segmented,
    profile: LangProfile,
    aim: _Aim,
    phrase: tuple[int, int],
    before: Sequence[Statement],
    actors: Sequence[Actor],
) -> bool:
    """Aim at the source a modifier of the account noun names ("disputed the police
    account"); whether it did."""
    if aim.target is not None or aim.target_actor is not None:
        return False
    named = dispute_targets.modifier_owner(seg, profile, phrase, before, actors)
    if named is None:
        return False
    aim.target, aim.target_actor = named
    aim.confidence, aim.reason = 0.8, "names the account of a source by a modifier"
    return True


def _repeated_target(
    seg: Segmented, profile: LangProfile, d: Statement, before: list[Statement]
) -> _Aim:
    """The earlier statement whose content this one repeats (most shared content words,
    at least 30 %), if any."""
    mine = _content_words(seg, profile, d)
    best, best_score = None, 0.0
    for t in before:
        theirs = _content_words(seg, profile, t)
        if not mine or not theirs:
            continue
        score = len(mine & theirs) / len(mine | theirs)
        if score > best_score:
            best, best_score = t, score
    if best is not None and best_score >= 0.3:
        reason = f"repeats its content ({best_score:.0%} shared words)"
        return _Aim(target=best, confidence=round(0.4 + best_score / 2, 2), reason=reason)
    return _Aim()


def _stated(
    d: Statement, kind: RelationKind, aim: _Aim, evidence: tuple[Span, ...], dangling: str
) -> list[Relation]:
    """The stated relations of ``d``: to its target (or dangling) and to the others."""
    aims: list[Statement | None] = [aim.target, *aim.also]
    return [
        Relation(
            id="",
            kind=kind,
            source=d.id,
            target=t.id if t is not None else None,
            evidence=evidence,
            confidence=(aim.confidence if n == 0 else 0.6) if t is not None else 0.5,
            reason=(aim.reason if n == 0 else aim.also_reason) if t is not None else dangling,
            rules=(f"relation.{kind.value}.{aim.rule}.v1",),
            target_actor=aim.target_actor,
        )
        for n, t in enumerate(aims)
    ]


def _lemma_of(seg: Segmented, profile: LangProfile, s: Statement) -> str | None:
    cue = sorted(tokens_of(seg, s.cue))
    for i in cue:
        lemma = profile.cue_lemma_at(seg.words, i, cue[-1] + 1)
        if lemma is not None:
            return lemma
    return None


@component("evidence.disputes.sentences.v1", Stage.PROPOSE)
def propose_dispute_sentences(w: Work) -> None:
    """Sentences in which someone disputes or confirms a named account."""
    w.drafts += dispute_sentences(w.seg, w.profile, w.drafts)


@component("evidence.disputes.link.v2", Stage.EVIDENCE, setting=("evidence", True))
def evidence_link(w: Work) -> None:
    """Stated disputes and confirmations between statements."""
    w.stated, w.not_confirmed = link(
        w.seg, w.profile, w.statements, w.actors, w.actor_of, w.settings.evidence_windows
    )
