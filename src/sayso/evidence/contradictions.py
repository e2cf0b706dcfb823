"""Inferred contradictions: two statements of different sources on one subject whose
contents cannot both be true (opposite polarity, antonyms, competing explanations; the
comparison is :mod:`sayso.evidence.compare`)."""

from __future__ import annotations

from collections.abc import Sequence

from sayso.evidence.chains import tokens_of
from sayso.evidence.compare import gist, incompatible
from sayso.evidence.dispute_targets import denies_about_self
from sayso.extract.component import Stage, Work, component
from sayso.lang import LangProfile
from sayso.model import Actor, Relation, RelationKind, Statement
from sayso.settings import DEFAULT
from sayso.text.segment import Segmented


def _same_source(s: Statement, t: Statement, names: dict[str, str]) -> bool:
    """One source says both: the same innermost source or speaker, also when the actor
    resolution kept two actors of one name apart (a quotation and its own paraphrase
    do not contradict each other)."""
    ids = {s.chain[-1] if s.chain else s.actor, s.actor}
    other = {t.chain[-1] if t.chain else t.actor, t.actor}
    ids.discard(None)
    other.discard(None)
    if ids & other:
        return True
    mine = {names[i] for i in ids if i in names}
    return bool(mine & {names[i] for i in other if i in names})


def contradictions(
    seg: Segmented,
    profile: LangProfile,
    statements: Sequence[Statement],
    existing: Sequence[Relation],
    window: int = DEFAULT.evidence_windows.contradiction_window,
    actors: Sequence[Actor] = (),
) -> list[Relation]:
    """Inferred contradictions between statements of different sources on one subject;
    each statement is compared with the next ``window`` statements."""
    related = {frozenset((r.source, r.target)) for r in existing if r.target is not None}
    names = {a.id: a.name.casefold() for a in actors}
    gists = [
        gist(profile, [seg.words[i] for i in sorted(tokens_of(seg, s.content))]) for s in statements
    ]
    out: list[Relation] = []
    for x, s in enumerate(statements):
        # within a window: contradicting accounts of one event stand in one article's
        # stretch, and a 10 MB "article" must stay linear
        for y in range(x + 1, min(len(statements), x + 1 + window)):
            t = statements[y]
            if _same_source(s, t, names) or s.parent == t.id:
                continue
            if t.parent == s.id or frozenset((s.id, t.id)) in related:
                continue
            rule = "relation.contradicts.inferred.v1"
            got = incompatible(profile, gists[x], gists[y])
            if got is None:
                # "X had seen the letter" / X: "I never saw the letter"
                who = names.get(t.actor or "", "").split()
                why = denies_about_self(profile, gists[x], gists[y], who)
                if why is None:
                    continue
                got, rule = (why, 0.6), "relation.contradicts.denial.v1"
            reason, confidence = got
            out.append(
                Relation(
                    id="",
                    kind=RelationKind.CONTRADICTS,
                    source=t.id,
                    target=s.id,
                    evidence=(*t.content[:1], *s.content[:1]),
                    confidence=round(confidence, 2),
                    reason=reason,
                    rules=(rule,),
                )
            )
    return out


@component("evidence.contradictions.infer.v2", Stage.EVIDENCE, setting=("evidence", True))
def evidence_contradictions(w: Work) -> None:
    """Inferred contradictions between statements of different sources."""
    w.inferred = contradictions(
        w.seg,
        w.profile,
        w.statements,
        w.stated,
        w.settings.evidence_windows.contradiction_window,
        w.actors,
    )
