"""The evidence layer on sentences written for these tests: chains, framing, relations."""

from __future__ import annotations

import pytest
from evidence_helpers import by_content, chain

import sayso
from sayso.model import Analysis, Confirmation, RelationKind, Stance, Statement

GERMAN = (
    "Die Washington Post berichtet, der Minister habe seinem Kollegen gesagt, die Rakete sei "
    "abgefangen worden. Laut Verteidigungskreisen soll der General gesagt haben, der Angriff "
    "sei eine Reaktion auf die Sanktionen gewesen. Der Kreml wies den Bericht zurück. „Das ist "
    "eine Erfindung“, sagte Kremlsprecher Dmitri Peskow vor Journalisten. Eine offizielle "
    "Bestätigung gab es nicht.\n"
    "Der Präsident behauptete, der Angriff sei lange vor den Sanktionen geplant worden. "
    "Peskow widersprach der Darstellung des Pentagons."
)


@pytest.fixture(scope="module")
def de() -> Analysis:
    return sayso.analyze(GERMAN, "de")


def test_evidence_outlet_report_with_embedded_speaker_is_a_two_hop_chain(de: Analysis) -> None:
    s = by_content(de, "Rakete sei abgefangen")
    assert chain(de, s) == [("Washington Post", "outlet"), ("Minister", "person")]
    assert any(e.rule == "chain.embedded_speaker.v1" for e in s.evidence)


def test_evidence_according_to_anonymous_then_person_with_hearsay(de: Analysis) -> None:
    s = by_content(de, "Reaktion auf die Sanktionen")
    assert [k for _, k in chain(de, s)] == ["anonymous", "person"]
    assert s.framing.hearsay
    (why,) = s.framing.why("hearsay")
    assert de.span_text(why.span).startswith("soll") and why.rule.endswith("modal_perfect.v1")


def test_evidence_named_report_denied_by_dispute_statement(de: Analysis) -> None:
    report = by_content(de, "Rakete sei abgefangen")
    denial = by_content(de, "den Bericht")
    assert denial.rules[0] == "rule.reported.dispute.v1"
    assert de.spans_text(denial.cue) == "wies … zurück"
    rel = [r for r in de.relations if r.kind is RelationKind.DISPUTES and r.source == denial.id]
    assert [r.target for r in rel] == [report.id]
    assert report.framing.confirmation is Confirmation.DENIED
    assert "wies den Bericht" in [de.span_text(e) for e in rel[0].evidence]


def test_evidence_dispute_of_an_unreported_account_dangles_with_its_owner(de: Analysis) -> None:
    s = by_content(de, "Darstellung des Pentagons")
    (rel,) = [r for r in de.relations if r.source == s.id]
    assert rel.kind is RelationKind.DISPUTES and rel.target is None
    owner = de.actor(rel.target_actor)
    assert owner is not None and owner.name.startswith("Pentagon")
    assert rel.evidence  # the words that say so, never a silent drop


def test_evidence_unconfirmed_marker_applies_to_the_earlier_reports(de: Analysis) -> None:
    s = by_content(de, "Reaktion auf die Sanktionen")
    assert s.framing.confirmation is Confirmation.UNCONFIRMED
    (why,) = s.framing.why("confirmation")
    assert "Bestätigung gab es nicht" in de.span_text(why.span)
    quote = by_content(de, "Erfindung")
    assert quote.framing.confirmation is Confirmation.UNKNOWN


def test_evidence_distancing_cue_and_competing_explanations(de: Analysis) -> None:
    claim = by_content(de, "lange vor den Sanktionen")
    assert claim.framing.stance is Stance.DISTANCING
    report = by_content(de, "Reaktion auf die Sanktionen")
    rel = [r for r in de.relations if r.kind is RelationKind.CONTRADICTS]
    assert [(r.source, r.target) for r in rel] == [(claim.id, report.id)]
    assert rel[0].reason and "competing explanations" in rel[0].reason
    assert 0 < rel[0].confidence < 1


def test_evidence_backward_scope_sentence_names_the_source() -> None:
    text = (
        "Die Armee habe die Stellung bereits am Montag geräumt. Die Soldaten seien angeblich "
        "in Sicherheit. Das berichtet der Spiegel unter Berufung auf Regierungskreise."
    )
    a = sayso.analyze(text, "de")
    s = by_content(a, "angeblich")
    assert chain(a, s)[0] == ("Der Spiegel", "outlet")  # the gazetteer's canonical name
    assert ("Regierungskreise", "anonymous") in chain(a, s)
    assert s.framing.hearsay


def test_evidence_plan_sollen_is_not_hearsay_but_perfect_infinitive_is() -> None:
    from sayso.evidence.framing import modal_reading
    from sayso.lang import load
    from sayso.text.segment import segment

    de = load("de")
    for text, want in (
        ("Die Konferenz soll im März stattfinden.", None),
        ("Der Täter soll das Geld genommen haben.", "perfect"),
        ("Drei Menschen sollen getötet worden sein.", "perfect"),
        ("Er soll der Drahtzieher sein.", "copula"),
    ):
        seg = segment(text, de.abbreviations, de.months)
        i = next(k for k, w in enumerate(seg.words) if w.startswith("soll"))
        got = modal_reading(seg, de, i, len(seg.words), de.evidence.hearsay_modals)
        assert (got[1] if got else None) == want, text


def test_evidence_hedge_outside_a_cued_content_only() -> None:
    a = sayso.analyze("Der Minister sagte offenbar, die Lage sei ernst.", "de")
    assert a.statements and a.statements[0].framing.hedged
    b = sayso.analyze("Der Minister sagte, die Lage sei offenbar ernst.", "de")
    assert b.statements and not b.statements[0].framing.hedged


def _hedged(text: str, lang: str) -> list[bool]:
    return [s.framing.hedged for s in sayso.analyze(text, lang).statements]


def test_evidence_hedge_only_on_the_attribution_or_in_sourceless_hearsay() -> None:
    assert _hedged("The senator apparently said that the plan would fail.", "en") == [True]
    assert _hedged("Der Täter soll offenbar über die Grenze geflüchtet sein.", "de") == [True]
    # a relative clause about the speaker, not the attribution
    assert True not in _hedged(
        "Der Minister, der offenbar müde war, sagte, die Lage sei ernst.", "de"
    )
    # an according-to content: the hedge is the source's
    assert True not in _hedged("Laut Polizei war offenbar ein Streit der Auslöser.", "de")
    # the cue's own predicate, and a comparative reading
    assert True not in _hedged(
        "34 Prozent halten es für wahrscheinlich, dass die Preise steigen.", "de"
    )
    assert True not in _hedged("Voters were more likely to say that taxes are too high.", "en")
    # a sourceless Konjunktiv continuation: its hedge is the earlier speaker's
    assert _hedged(
        "Der Minister sagte, die Lage sei ernst. Die Vorräte reichten womöglich nicht.", "de"
    )[-1:] != [True]


def test_evidence_statement_without_source_has_the_unknown_actor() -> None:
    a = sayso.analyze("Die Lage war unklar. Der Täter soll über die Grenze geflohen sein.", "de")
    assert a.statements
    s = a.statements[0]
    assert not s.speaker  # the subject of hearsay is not its source
    actor = a.actor(s.chain[-1])
    assert actor is not None and s.actor == actor.id
    assert actor.kind.value == "unknown" and actor.name == "(unknown source)"
    assert s.framing.hearsay


def test_evidence_circular_chain_is_cut_with_a_warning() -> None:
    from sayso.evidence.chains import Hop, assemble
    from sayso.model import Form, Span

    s = Statement(id="s1", content=(Span(0, 4),), form=Form.INDIRECT, actor="a1", chain=("a1",))
    hops = {
        "s1": [
            Hop(Span(10, 12), True, "chain.according_to.v1", Span(8, 9)),
            Hop(Span(20, 22), False, "chain.citing.v1", Span(18, 19)),
        ]
    }
    actor_of = {Span(10, 12): "a2", Span(20, 22): "a2"}
    out, cut = assemble([s], hops, [], {}, actor_of, "a9")
    assert out[0].chain == ("a2", "a1")
    assert cut == [("s1", "a2")]
    assert any(e.rule == "chain.loop_cut.v1" for e in out[0].evidence)


def test_evidence_english_denial_and_unverified_claim() -> None:
    text = (
        "The Times reported that the general had privately admitted the strike. "
        "The ministry denied the report. The claim could not be independently verified."
    )
    a = sayso.analyze(text, "en")
    report = by_content(a, "general had privately admitted")
    assert report.framing.confirmation in (Confirmation.DENIED, Confirmation.UNCONFIRMED)
    assert any(r.kind is RelationKind.DISPUTES and r.target == report.id for r in a.relations)


def test_evidence_json_round_trip_keeps_framing_and_dangling_relations(de: Analysis) -> None:
    back = Analysis.from_json(de.to_json())
    assert back == de


def test_evidence_claim_modal_is_hearsay_and_distancing() -> None:
    a = sayso.analyze(
        "Die Lage blieb ruhig. Prüfer wollen im vergangenen Jahr Lücken in der Bilanz "
        "entdeckt haben.",
        "de",
    )
    s = by_content(a, "Lücken in der Bilanz")
    assert s.framing.hearsay and s.framing.stance is Stance.DISTANCING
    assert s.rules[0] == "rule.free_indirect.hearsay.v1"


def test_evidence_parenthesis_does_not_end_the_reportative_clause() -> None:
    a = sayso.analyze(
        "Die Firma baute das Haus. Das Unternehmen soll Arbeiten im Wert von 700.000 Euro "
        "(rund 3,5 Millionen Real) vorgenommen haben.",
        "de",
    )
    assert by_content(a, "Arbeiten im Wert").framing.hearsay


def test_evidence_rejecting_all_accusations_disputes_those_about_the_speaker() -> None:
    text = (
        "Der Bankier Petrow soll Kredite an Strohmänner vergeben haben. Die Gelder sollen "
        "über Briefkastenfirmen an Petrow zurückgeflossen sein. Die Bahn soll dagegen "
        "pünktlich gewesen sein. Petrow weist alle Vorwürfe der Untreue entschieden zurück."
    )
    a = sayso.analyze(text, "de")
    denial = by_content(a, "Vorwürfe der Untreue")
    targets = {r.target for r in a.relations if r.source == denial.id}
    assert by_content(a, "Kredite an Strohmänner").id in targets
    assert by_content(a, "Briefkastenfirmen").id in targets
    assert by_content(a, "pünktlich").id not in targets  # not about Petrow
    # "der Untreue" names what is alleged, not whose account it is
    assert all(r.target_actor is None for r in a.relations if r.source == denial.id)


def test_evidence_rejecting_a_request_is_no_dispute() -> None:
    a = sayso.analyze("A judge rejected a request to unseal the divorce file on Monday.", "en")
    assert not [r for r in a.relations if r.kind is RelationKind.DISPUTES]


def test_evidence_outlet_given_an_interview_is_the_outer_hop() -> None:
    a = sayso.analyze(
        "„Die Frage ist nicht, ob wir helfen“, sagte Notenbankchef Paul Weber der Zeitung "
        "Le Monde.",
        "de",
    )
    s = by_content(a, "Die Frage ist nicht")
    kinds = [k for _, k in chain(a, s)]
    assert kinds[0] == "outlet" and kinds[-1] == "person"


def test_evidence_agreeing_with_a_speaker_confirms_their_statement() -> None:
    a = sayso.analyze(
        "Ivana Trump argued that she should not have to give up her privacy. The judge "
        "agreed with Ivana Trump that there was no reason to intrude on her privacy.",
        "en",
    )
    claim = by_content(a, "give up her privacy")
    (rel,) = [r for r in a.relations if r.kind is RelationKind.CONFIRMS]
    assert rel.target == claim.id and rel.rules == ("relation.confirms.agreement.v1",)
    assert claim.framing.confirmation is Confirmation.CONFIRMED


def test_evidence_a_finding_endorses_only_for_a_document_or_an_organisation() -> None:
    def stances(text: str, lang: str) -> list[str]:
        return [s.framing.stance.value for s in sayso.analyze(text, lang).statements]

    assert stances("A new poll showed that Clinton leads in Ohio.", "en") == ["endorsing"]
    assert stances("The senator showed that he can win the state.", "en") == ["neutral"]
    de_org = "Der Rechnungshof stellte fest, dass die Werbung verboten war."
    assert stances(de_org, "de") == ["endorsing"]
    de_person = "Der Minister stellte fest, dass die Werbung verboten war."
    assert stances(de_person, "de") == ["neutral"]
