"""Cross-document identity in the ledger never merges different people: only named
entities are matched across articles, a typo needs corroboration, glued words are cut
before keying — on SQLite and PostgreSQL. Articles and names are written for these tests."""

from __future__ import annotations

from sayso.ledger import Ledger
from sayso.model import Actor, ActorKind, Analysis, Form, Span, Statement


def article(*speakers: tuple[str, ActorKind, str | None], tag: str = "") -> Analysis:
    """An article in which each speaker (name, kind, role) says one sentence."""
    parts, statements, actors = [], [], []
    at = 0
    for k, (name, kind, role) in enumerate(speakers, 1):
        said = f"Der Plan {tag}{k} sei gut"
        sentence = f"{name} sagte, {said}."
        start = at + len(name) + len(" sagte, ")
        statements.append(
            Statement(
                id=f"s{k}",
                content=(Span(start, start + len(said)),),
                form=Form.INDIRECT,
                speaker=(Span(at, at + len(name)),),
                actor=f"a{k}",
                chain=(f"a{k}",),
            )
        )
        actors.append(Actor(f"a{k}", name, kind, mentions=(Span(at, at + len(name)),), role=role))
        parts.append(sentence)
        at += len(sentence) + 1
    text = " ".join(parts)
    return Analysis(
        text=text,
        lang="de",
        sentences=(Span(0, len(text)),),
        statements=tuple(statements),
        actors=tuple(actors),
    )


P, ORG, OUT = ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.OUTLET


def links(ledger: Ledger) -> list[tuple[str, int, str, float | None]]:
    """(name as written, ledger actor, rule, score) of every document actor."""
    from sqlalchemy import select

    from sayso.ledger import orm as t

    da = t.DocumentActor
    with ledger.session() as s:
        rows = s.execute(select(da.name, da.actor_id, da.match_rule, da.match_score)).all()
    return sorted((r.name, r.actor_id, r.match_rule, r.match_score) for r in rows)


def actor_of(ledger: Ledger, name: str) -> set[int]:
    return {a for n, a, _, _ in links(ledger) if n == name}


def test_identity_ledger_role_nouns_and_generic_names_stay_per_article(ledger: Ledger) -> None:
    generic = [("Minister", P, "Minister"), ("Man", P, None), ("Polizei", ORG, None),
               ("Zeitung", OUT, None)]  # fmt: skip
    ledger.add({}, article(*generic, ("Mann", P, "Mann"), tag="a"))
    ledger.add({}, article(*generic, ("Mann", P, "Mann"), tag="b"))
    for name in ("Minister", "Man", "Polizei", "Zeitung", "Mann"):
        assert len(actor_of(ledger, name)) == 2, name
    assert actor_of(ledger, "Man").isdisjoint(actor_of(ledger, "Mann"))


def test_identity_ledger_named_entities_are_matched(ledger: Ledger) -> None:
    ledger.add({}, article(("Karin Hollweger", P, None), ("Rotes Kreuz", ORG, None), tag="a"))
    ledger.add({}, article(("Hollweger", P, None), ("Rotes Kreuz", ORG, None), tag="b"))
    assert actor_of(ledger, "Karin Hollweger") == actor_of(ledger, "Hollweger")
    assert len(actor_of(ledger, "Rotes Kreuz")) == 1
    rules = {rule for n, _, rule, _ in links(ledger) if n == "Hollweger"}
    assert rules == {"identity.surname"}


def test_identity_ledger_glued_words_are_cut_before_keying(ledger: Ledger) -> None:
    ledger.add({}, article(("Karin Hollweger SPÖ", P, None), tag="a"))
    ledger.add({}, article(("Karin Hollweger in Anspielung", P, None), tag="b"))
    ledger.add({}, article(("Karin Hollweger", P, None), tag="c"))
    ids = {a for n, a, _, _ in links(ledger)}
    assert len(ids) == 1
    assert {rule for *_, rule, _ in links(ledger)} == {"identity.new", "identity.key"}


def test_identity_ledger_a_typo_alone_is_another_person(ledger: Ledger) -> None:
    ledger.add({}, article(("Karl Hollwiger", P, None), tag="a"))
    ledger.add({}, article(("Karl Hollweger", P, None), tag="b"))
    assert actor_of(ledger, "Karl Hollwiger") != actor_of(ledger, "Karl Hollweger")


def test_identity_ledger_a_corroborated_typo_is_merged_with_its_rule(ledger: Ledger) -> None:
    # the same role
    ledger.add({}, article(("Karl Hollwiger", P, "Bürgermeister"), tag="a"))
    ledger.add({}, article(("Karl Hollweger", P, "Bürgermeister"), tag="b"))
    assert actor_of(ledger, "Karl Hollwiger") == actor_of(ledger, "Karl Hollweger")
    (got,) = [(r, s) for n, _, r, s in links(ledger) if n == "Karl Hollweger"]
    assert got[0] == "identity.typo" and got[1] is not None and 0 < got[1] < 1


def test_identity_ledger_a_typo_with_a_shared_name_is_merged(ledger: Ledger) -> None:
    ledger.add({}, article(("Bernhard Stadlinger", P, None), ("Karl Hollwiger", P, None), tag="a"))
    ledger.add({}, article(("Bernhard Stadlinger", P, None), ("Karl Hollweger", P, None), tag="b"))
    assert actor_of(ledger, "Karl Hollwiger") == actor_of(ledger, "Karl Hollweger")


def test_identity_ledger_outlet_and_organisation_abbreviations_stay_apart(
    ledger: Ledger,
) -> None:
    ledger.add({}, article(("NRPA", OUT, None), ("Büro Hollwiger", ORG, None), tag="a"))
    ledger.add({}, article(("NRPB", OUT, None), ("Büro Hollweger", ORG, None), tag="b"))
    assert actor_of(ledger, "NRPA") != actor_of(ledger, "NRPB")
    assert actor_of(ledger, "Büro Hollwiger") != actor_of(ledger, "Büro Hollweger")
