"""The account level of one article and the disputes between accounts (issue 16, class 3)."""

from __future__ import annotations

import sayso
from sayso.evidence.accounts import account_links, accounts
from sayso.model import Analysis, RelationKind

OFFICIAL = (
    "Ein Regierungssprecher sagte am Montag, die Soldaten hätten nur auf Angriffe reagiert. "
    "Auch Präsident Müller erklärte, die Armee habe sich an alle Regeln gehalten. "
    "Die Menschenrechtsorganisation Amnesty widersprach der offiziellen Darstellung. "
    "Augenzeugen berichteten, die Soldaten hätten ohne Vorwarnung geschossen. "
    "Der Regierungssprecher sagte später, man werde die Vorfälle prüfen."
)


def _text_of(a: Analysis, sid: str | None) -> str:
    s = next(x for x in a.statements if x.id == sid)
    return " ".join(c.text(a.text) for c in s.content)


def test_disputes_the_official_account_links_the_officials_statements() -> None:
    a = sayso.analyze(OFFICIAL, "de")
    got = [r for r in a.relations if r.kind is RelationKind.DISPUTES]
    targets = {_text_of(a, r.target) for r in got}
    assert any("reagiert" in t for t in targets) and any("Regeln" in t for t in targets)
    assert all(r.rules == ("relation.disputes.official.v1",) for r in got)
    assert all(
        "offiziellen Darstellung" in " ".join(e.text(a.text) for e in r.evidence) for r in got
    )


def test_disputes_an_official_account_the_article_does_not_report_dangles() -> None:
    text = (
        "Die Menschenrechtsorganisation Amnesty widersprach der offiziellen Darstellung der "
        "Regierung. Augenzeugen berichteten, die Soldaten hätten ohne Vorwarnung geschossen."
    )
    a = sayso.analyze(text, "de")
    (r,) = [r for r in a.relations if r.kind is RelationKind.DISPUTES]
    assert r.target is None and r.target_actor is not None
    owner = next(x for x in a.actors if x.id == r.target_actor)
    assert "Regierung" in owner.name


def test_accounts_one_source_one_account_and_links_between_accounts() -> None:
    a = sayso.analyze(OFFICIAL, "de")
    found = accounts(a)
    by_text = {_text_of(a, sid): acc for acc in found for sid in acc.statements}
    spokesman = by_text[next(t for t in by_text if "reagiert" in t)]
    later = by_text[next(t for t in by_text if "prüfen" in t)]
    assert spokesman is later and len(spokesman.statements) == 2  # one speaker, one account
    links = account_links(a, found)
    disputes = [x for x in links if x.kind is RelationKind.DISPUTES]
    assert {x.target for x in disputes} >= {spokesman.id}
    assert all(x.source != x.target for x in links)


def test_disputes_a_predicate_calls_the_owners_account_unfounded() -> None:
    text = (
        "The White House has said the bill could lead to retaliation abroad. "
        "Many families say the president's claims about retaliation are unfounded."
    )
    a = sayso.analyze(text, "en")
    (r,) = [r for r in a.relations if r.kind is RelationKind.DISPUTES]
    assert "retaliation abroad" in _text_of(a, r.target)
    assert r.rules == ("relation.disputes.official.v1",)
    text = "Berger said the claims were not unfounded. Peskov said the report was wrong."
    rels = sayso.analyze(text, "en").relations
    assert not [r for r in rels if r.kind is RelationKind.DISPUTES and r.source == "s1"]


def test_contradictions_a_denial_of_what_was_said_about_the_speaker() -> None:
    text = (
        "The newspaper reported that the minister had seen the letter before the vote. "
        "The minister insisted he had never seen the letter."
    )
    a = sayso.analyze(text, "en")
    (r,) = [r for r in a.relations if r.kind is RelationKind.CONTRADICTS]
    assert (r.source, r.target) == ("s2", "s1")
    assert r.rules == ("relation.contradicts.denial.v1",)
    # someone else's "never" about another thing is no denial
    text = (
        "The newspaper reported that the minister had seen the letter before the vote. "
        "The mayor said he had never seen such a storm."
    )
    rels = sayso.analyze(text, "en").relations
    assert not [r for r in rels if r.kind is RelationKind.CONTRADICTS]


def test_contradictions_competing_explanations_lange_vorher_geplant() -> None:
    text = (
        "Die Regierung erklärte, der Angriff auf die Stadt sei eine Reaktion auf die "
        "Provokationen gewesen. Die Rebellen sagten, der Angriff auf die Stadt sei lange "
        "vorher geplant gewesen."
    )
    a = sayso.analyze(text, "de")
    (r,) = [r for r in a.relations if r.kind is RelationKind.CONTRADICTS]
    assert "competing explanations" in (r.reason or "")
    # one shared word and a generic "because" / "regardless of" is no dispute of a cause
    text = (
        "The mayor said the city grew because of the new port. "
        "A historian said the election was held regardless of the weather."
    )
    rels = sayso.analyze(text, "en").relations
    assert not [r for r in rels if r.kind is RelationKind.CONTRADICTS]


def test_disputes_a_refutation_disputes_the_statement_before_it() -> None:
    text = (
        "Die Gewerkschaft sagte, die Firma wolle 300 Stellen streichen. "
        "Das sei völlig falsch, sagte ein Sprecher des Unternehmens."
    )
    a = sayso.analyze(text, "de")
    (r,) = [r for r in a.relations if r.kind is RelationKind.DISPUTES]
    assert (r.source, r.target, r.rules) == ("s2", "s1", ("relation.disputes.refutation.v1",))
    # negated, it refutes nothing; with no other source before it, nothing either
    text = (
        "Die Gewerkschaft sagte, die Firma wolle 300 Stellen streichen. "
        "Das sei nicht falsch, sagte ein Sprecher des Unternehmens."
    )
    assert not [r for r in sayso.analyze(text, "de").relations if r.kind is RelationKind.DISPUTES]
    assert not sayso.analyze("„Das stimmt nicht“, sagte Berger.", "de").relations


def test_disputes_rejected_accusations_against_the_addressee() -> None:
    text = (
        "Die Opposition wirft dem Bürgermeister vor, Aufträge an Freunde vergeben zu haben. "
        "Der Bürgermeister bestreitet die Vorwürfe."
    )
    a = sayso.analyze(text, "de")
    (r,) = [r for r in a.relations if r.kind is RelationKind.DISPUTES]
    assert (r.source, r.target) == ("s2", "s1")


def test_disputes_a_that_clause_is_no_refutation() -> None:
    text = "The union said the plan was fair. Trump said that the voters got it wrong."
    assert not [r for r in sayso.analyze(text, "en").relations if r.kind is RelationKind.DISPUTES]
    text = "The union said the company plans to cut 300 jobs. A spokesman said that was not true."
    (r,) = [r for r in sayso.analyze(text, "en").relations if r.kind is RelationKind.DISPUTES]
    assert r.target == "s1"


def _reparented(a: Analysis, parents: dict[str, str]) -> Analysis:
    import dataclasses

    statements = [
        dataclasses.replace(s, parent=parents[s.id]) if s.id in parents else s for s in a.statements
    ]
    return dataclasses.replace(a, statements=statements)


def test_accounts_a_nested_statement_joins_its_parent_listed_after_it() -> None:
    """The account of a nested quotation is its parent's, wherever the parent stands in
    the list (an analysis read back from JSON need not list parents first)."""
    a = sayso.analyze(OFFICIAL, "de")
    first, last = a.statements[0], a.statements[-1]
    other = next(s for s in a.statements if s.chain[-1:] != first.chain[-1:])
    moved = _reparented(a, {first.id: other.id})
    by_id = {sid: acc for acc in accounts(moved) for sid in acc.statements}
    assert by_id[first.id] is by_id[other.id]
    assert by_id[first.id].source == (other.chain[-1] if other.chain else other.actor)
    assert last.id in by_id


def test_accounts_a_parent_cycle_ends() -> None:
    """Parents that point at each other (a hand-edited or corrupt analysis) put both in
    one account instead of looping for ever."""
    a = sayso.analyze(OFFICIAL, "de")
    one, two = a.statements[0].id, a.statements[1].id
    found = accounts(_reparented(a, {one: two, two: one}))
    by_id = {sid: acc for acc in found for sid in acc.statements}
    assert by_id[one] is by_id[two]
    assert sorted(sid for acc in found for sid in acc.statements) == sorted(
        s.id for s in a.statements
    )
