"""The evidence layer's own steps: actors and source chains, the relations' numbering,
and the plain actors of an analysis without the evidence layer.

Order matters (see :data:`sayso.pipeline.PIPELINE`): chains need the hop mentions resolved
to actors; disputes need the hearsay and stance facets (a disputed report is often
hearsay); the confirmation facet needs the disputes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sayso import errors
from sayso.evidence import actors as actor_mod
from sayso.evidence import (
    chains,
    cited_sources,
    disputes,
    document_authors,
    forward_scope,
    interview_scope,
)
from sayso.extract.component import Stage, Work, component
from sayso.model import Actor, ActorKind, Relation, RelationKind, Statement, Warning


@component("evidence.layer.chains.v1", Stage.EVIDENCE, setting=("evidence", True))
def evidence_chains(w: Work) -> None:
    """Resolve speakers and source mentions to actors and give every statement its source
    chain (outermost first); a statement without source gets the unknown source."""
    seg, profile = w.seg, w.profile
    statements = w.statements
    hops = chains.find_hops(seg, profile, statements, w.settings.according_min_confidence)
    scopes = chains.find_scopes(
        seg, profile, statements, w.settings.evidence_windows.chain_scope_sentences
    )
    forward = forward_scope.forward_openers(seg, profile, statements)
    mentions = [h.mention for hs in hops.values() for h in hs]
    mentions += [sc.mention for sc in scopes] + [sc.cited for sc in scopes if sc.cited]
    mentions += disputes.owner_mentions(seg, profile, statements)
    authors = document_authors.author_mentions(seg, profile, statements)
    mentions += list(authors.values())
    statements, actors, actor_of = actor_mod.resolve(
        seg, profile, statements, mentions, w.entity_links
    )
    unknown = Actor(
        id=f"a{len(actors) + 1}",
        name="(unknown source)",
        kind=ActorKind.UNKNOWN,
        rules=("actor.unknown_source.v1",),
    )
    statements, cut = chains.assemble(statements, hops, scopes, forward, actor_of, unknown.id)
    kind_of = {a.id: a.kind for a in actors}
    statements = interview_scope.carry(
        seg,
        profile,
        statements,
        kind_of,
        w.settings.evidence_windows,
        {a.id: a.name for a in actors},
    )
    statements = document_authors.attach(statements, authors, actor_of, kind_of)
    statements = cited_sources.promote(statements, kind_of)
    if any(s.actor == unknown.id for s in statements):
        actors = (*actors, unknown)
    w.warnings.extend(
        Warning(errors.W108.code, errors.W108.format(statement=sid, actor=aid)) for sid, aid in cut
    )
    w.statements, w.actors, w.actor_of = statements, actors, actor_of


@component("evidence.layer.relations.v1", Stage.EVIDENCE, setting=("evidence", True))
def evidence_relations(w: Work) -> None:
    """Number the relations: nested statements, then stated, then inferred ones."""
    w.relations = tuple(
        replace(r, id=f"r{k + 1}")
        for k, r in enumerate([*nested(w.statements), *w.stated, *w.inferred])
    )


@component("evidence.layer.plain_actors.v1", Stage.EVIDENCE, setting=("evidence", False))
def plain_actors(w: Work) -> None:
    """Without the evidence layer: actors of the speakers and the nested relations only."""
    resolved, w.actors, _ = actor_mod.resolve(w.seg, w.profile, w.statements, links=w.entity_links)
    w.statements = resolved
    w.relations = tuple(nested(resolved))


def nested(statements: Sequence[Statement]) -> list[Relation]:
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
