"""Inferred contradictions: two statements of different sources on one subject whose
contents cannot both be true (opposite polarity, antonyms, competing explanations; the
comparison is :mod:`sayso.evidence.compare`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sayso.evidence.chains import tokens_of
from sayso.evidence.compare import gist, incompatible
from sayso.evidence.dispute_targets import denies_about_self
from sayso.extract.component import Stage, Work, component
from sayso.lang import LangProfile
from sayso.model import Actor, Form, Relation, RelationKind, Span, Statement
from sayso.settings import DEFAULT
from sayso.text.segment import Segmented


@dataclass(frozen=True, slots=True)
class _Source:
    """Who says a statement, for telling one source from another: the actor ids of its
    innermost source and speaker, their names and the names' last words."""

    ids: frozenset[str]
    names: frozenset[str]
    last: frozenset[str]


def _source(s: Statement, names: Mapping[str, str]) -> _Source:
    ids = frozenset(i for i in (s.chain[-1] if s.chain else s.actor, s.actor) if i is not None)
    known = frozenset(names[i] for i in ids if names.get(i))
    last = frozenset(n.split()[-1] for n in known if n.split()[-1][:1].isalpha())
    return _Source(ids, known, last)


def _same_source(a: _Source, b: _Source) -> bool:
    """One source says both: the same innermost source or speaker, also when the actor
    resolution kept two actors of one name apart (a quotation and its own paraphrase
    do not contradict each other): "Graham" and "Sen. Lindsey Graham", "Washington Post"
    and "Washington Post's investigative unit"."""
    if a.ids & b.ids or a.names & b.names or a.last & b.last:
        return True
    return any(x.startswith(y) or y.startswith(x) for x in a.names for y in b.names)


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


_WORD = re.compile(r"[^\W_]+")


def _plain_words(text: str, s: Statement) -> str:
    """A content's words, lowercase, marks and punctuation dropped, space-separated."""
    return " ".join(_WORD.findall(" ".join(c.text(text) for c in s.content).lower()))


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
    sources = [_source(s, names) for s in statements]
    plains: dict[int, str] = {}

    def plain(k: int) -> str:
        got = plains.get(k)
        if got is None:
            got = plains[k] = _plain_words(seg.text, statements[k])
        return got

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
                _same_source(sources[x], sources[y])
                or s.parent == t.id
                or not _comparable(s, t, plain(x), plain(y))
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
