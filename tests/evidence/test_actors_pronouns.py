"""Speaker pronouns: resolved to the actor before them, or kept unresolved."""

from __future__ import annotations

import sayso
from sayso.evidence.actors import UNRESOLVED
from sayso.model import ActorKind


def test_actors_pronoun_without_antecedent_stays_an_unresolved_pronoun_actor() -> None:
    a = sayso.analyze("Er sagte, die Brücke werde gebaut.", "de")
    (actor,) = a.actors
    assert actor.name == "Er" and actor.kind is ActorKind.UNKNOWN
    assert UNRESOLVED in actor.rules


def test_actors_pronoun_after_a_name_joins_that_person() -> None:
    a = sayso.analyze("Anna Berger sagte, sie komme. Sie fügte hinzu, es werde spät.", "de")
    people = [x for x in a.actors if x.kind is ActorKind.PERSON]
    assert [x.name for x in people] == ["Anna Berger"]
    assert "entity.pronoun.v1" in people[0].rules  # the in-document entity step
    assert all(UNRESOLVED not in x.rules for x in a.actors)
