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
from sayso.model import Actor, Form, Relation, RelationKind, Span, Statement
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
    theirs = {names[i] for i in other if i in names}
    if mine & theirs:
        return True
    # "Graham" and "Sen. Lindsey Graham", "Washington Post" and "Washington Post's
    # investigative unit": one source the actor resolution kept apart
    last = {n.split()[-1] for n in mine if n.split() and n.split()[-1][:1].isalpha()}
    if last & {n.split()[-1] for n in theirs if n.split()}:
        return True
    return any(a.startswith(b) or b.startswith(a) for a in mine for b in theirs if a and b)


def _claim(seg: Segmented, profile: LangProfile, s: Statement) -> bool:
    """Does the content state something another statement can oppose? Not a reported
    speech act or a noun phrase ("his call to raise the wage", "über die Lage"), not a
    question ("ob er komme", "whether he still believes"), not an English headline in
    title case (it restates the article's statement)."""
    if s.form is Form.REPORTED:
        return False
    toks = sorted(tokens_of(seg, s.content))
    words = [seg.words[i] for i in toks if seg.words[i][:1].isalnum()]
    if not words or words[0].lower() in profile.evidence.non_claim_openers:
        return False
    if "?" in (seg.words[i] for i in toks[-3:]):  # "what happens to me?"
        return False
    if profile.lang == "en":
        long = [w for w in words if len(w) > 3]
        if len(long) >= 3 and sum(w[:1].isupper() for w in long) >= 0.8 * len(long):
            return False
    return True


def _comparable(s: Statement, t: Statement, x: str, y: str) -> bool:
    """Neither content holds the other, in place or as words repeated (``x``, ``y``: their
    plain words): a quoted fragment and the sentence around it, a quotation and the
    paraphrase quoting it again are one saying."""
    a = Span(s.content[0].start, s.content[-1].end)
    b = Span(t.content[0].start, t.content[-1].end)
    if a.overlaps(b):
        return False
    short, long = sorted((x, y), key=len)
    return short.count(" ") < 2 or f" {short} " not in f" {long} "


def _plain_words(text: str, s: Statement) -> str:
    """A content's words, lowercase, marks and punctuation dropped, space-separated."""
    raw = " ".join(c.text(text) for c in s.content).lower()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in raw).split())


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
    claims = [_claim(seg, profile, s) for s in statements]
    plain = [
        _plain_words(seg.text, s) if c else "" for s, c in zip(statements, claims, strict=True)
    ]
    out: list[Relation] = []
    for x, s in enumerate(statements):
        if not claims[x]:
            continue
        # within a window: contradicting accounts of one event stand in one article's
        # stretch, and a 10 MB "article" must stay linear
        for y in range(x + 1, min(len(statements), x + 1 + window)):
            t = statements[y]
            if not claims[y]:
                continue
            if (
                _same_source(s, t, names)
                or s.parent == t.id
                or not _comparable(s, t, plain[x], plain[y])
            ):
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
