"""Issue 16 recall shapes on sentences written for these tests: the interview scope of a
speaker's further statements, denials and confirmations of "this", refused
confirmations, and a verification marker whose subject is an account noun."""

from __future__ import annotations

from evidence_helpers import by_content, chain

import sayso
from sayso.model import Confirmation, RelationKind

INTERVIEW_DE = (
    "Ich bin nicht die richtige Wahl, sagte Senator Rubio dem Sender CNN. Die Partei "
    "beriet am Abend über die Kandidaten. Er wolle Trump trotzdem unterstützen, sagte "
    "Rubio."
)


def test_recall_shapes_interview_outlet_carries_to_the_same_speakers_later_statement() -> None:
    a = sayso.analyze(INTERVIEW_DE, "de")
    later = by_content(a, "trotzdem unterstützen")
    assert chain(a, later) == [("CNN", "outlet"), ("Rubio", "person")]
    assert any(e.rule == "chain.interview_scope.v1" for e in later.evidence)


def test_recall_shapes_interview_lead_before_the_interview_gets_the_outlet() -> None:
    text = (
        "Der Abgeordnete Adam Walsh forderte, der Präsident müsse im Handelsstreit handeln. "
        "„Wir können nicht länger warten“, sagte Walsh am Sonntag dem Sender CNN."
    )
    a = sayso.analyze(text, "de")
    lead = by_content(a, "Handelsstreit")
    assert [k for _, k in chain(a, lead)] == ["outlet", "person"]


def test_recall_shapes_english_does_not_carry_a_print_interview() -> None:
    """English carries broadcasters' interviews only (``carry`` in en/occasions.json): a
    print outlet told something was often the article's own on unseen PolNeAR train text
    (docs/evidence-framing.md, fourth round)."""
    text = (
        "Rep. Adam Walsh urged the president to act on trade. "
        '"We cannot wait any longer," Walsh told Politico on Sunday.'
    )
    a = sayso.analyze(text, "en")
    lead = by_content(a, "act on trade")
    assert [k for _, k in chain(a, lead)] == ["person"]
    told = by_content(a, "cannot wait")
    assert [k for _, k in chain(a, told)] == ["outlet", "person"]  # the interview itself


def test_recall_shapes_other_occasion_keeps_the_speaker_alone() -> None:
    text = (
        "Senator Rubio sagte im Interview mit CNN, er sei nicht die richtige Wahl. Die "
        "Partei beriet am Abend. Auf Twitter schrieb Rubio später, er unterstütze Trump."
    )
    a = sayso.analyze(text, "de")
    later = by_content(a, "unterstütze Trump")
    assert [k for _, k in chain(a, later)] == ["person"]


def test_recall_shapes_another_speaker_does_not_inherit_the_interview() -> None:
    text = (
        "Senator Rubio sagte im Interview mit CNN, er sei nicht die richtige Wahl. "
        "Die Ministerin sagte, sie unterstütze den Senator."
    )
    a = sayso.analyze(text, "de")
    other = by_content(a, "unterstütze den Senator")
    assert [k for _, k in chain(a, other)] == ["person"]


def test_recall_shapes_denial_of_this_disputes_the_statement_before() -> None:
    text = "The newspaper reported that the minister had resigned. The ministry has denied this."
    a = sayso.analyze(text, "en")
    report = by_content(a, "minister had resigned")
    assert report.framing.confirmation is Confirmation.DENIED
    rel = [r for r in a.relations if r.kind is RelationKind.DISPUTES]
    assert [r.target for r in rel] == [report.id]
    assert rel[0].rules == ("relation.disputes.anaphor.v1",)


def test_recall_shapes_unable_to_confirm_leaves_the_report_unconfirmed() -> None:
    text = (
        "The newspaper reported that the minister had resigned. "
        "Reuters was unable to confirm the report."
    )
    a = sayso.analyze(text, "en")
    report = by_content(a, "minister had resigned")
    assert report.framing.confirmation is Confirmation.UNCONFIRMED
    assert not [r for r in a.relations if r.kind is RelationKind.CONFIRMS]


def test_recall_shapes_confirmed_report_stays_confirmed() -> None:
    text = "The newspaper reported that the mayor had resigned. The city confirmed the report."
    a = sayso.analyze(text, "en")
    assert by_content(a, "mayor had resigned").framing.confirmation is Confirmation.CONFIRMED


def test_recall_shapes_account_noun_subject_of_a_verification_marker() -> None:
    text = (
        "Nach Angaben von Aktivisten wurden 20 Menschen getötet. "
        "Die Angaben ließen sich nicht unabhängig überprüfen."
    )
    a = sayso.analyze(text, "de")
    s = by_content(a, "20 Menschen getötet")
    assert s.framing.confirmation is Confirmation.UNCONFIRMED


def test_recall_shapes_own_pronoun_denial_of_another_event_links_nothing() -> None:
    # the same speaker denies "this" about nothing another source said before
    text = "Der Minister sagte, er habe das Geld zurückgegeben. Er bestritt dies nicht."
    a = sayso.analyze(text, "de")
    assert not [r for r in a.relations if r.kind is RelationKind.DISPUTES]


def test_recall_shapes_agentless_passive_non_confirmation_is_about_the_report() -> None:
    # the tagger gives the passive sentence the report's speaker; it still says the
    # report was not confirmed
    text = (
        "The newspaper reported that the minister had cancelled the meeting. "
        "The report could not be confirmed."
    )
    a = sayso.analyze(text, "en")
    s = by_content(a, "cancelled the meeting")
    assert s.framing.confirmation is Confirmation.UNCONFIRMED


def test_recall_shapes_naming_cue_calls_the_report_false() -> None:
    for text, lang, words in (
        (
            "The newspaper reported that the minister had cancelled the meeting. "
            "The ministry called the report false.",
            "en",
            "cancelled the meeting",
        ),
        (
            "Die Zeitung Kurier berichtet, der Minister habe das Treffen abgesagt. "
            "Das Ministerium nannte den Bericht falsch.",
            "de",
            "Treffen abgesagt",
        ),
    ):
        a = sayso.analyze(text, lang)
        report = by_content(a, words)
        assert report.framing.confirmation is Confirmation.DENIED, text
        (rel,) = [r for r in a.relations if r.kind is RelationKind.DISPUTES]
        assert rel.target == report.id and rel.rules == ("relation.disputes.predicate.v1",)


def test_recall_shapes_naming_cue_without_a_falsity_word_disputes_nothing() -> None:
    text = (
        "The newspaper reported that the minister had cancelled the meeting. "
        "The ministry called the report important."
    )
    a = sayso.analyze(text, "en")
    assert not [r for r in a.relations if r.kind is RelationKind.DISPUTES]
    assert by_content(a, "cancelled the meeting").framing.confirmation is Confirmation.UNKNOWN


def test_recall_shapes_document_author_in_the_same_phrase_is_the_next_hop() -> None:
    a = sayso.analyze(
        "Laut einer Studie des Instituts Wifo sinkt die Arbeitslosigkeit im Winter.", "de"
    )
    s = by_content(a, "Arbeitslosigkeit")
    assert [k for _, k in chain(a, s)] == ["document", "organization"]
    assert any(e.rule == "chain.document_owner.v1" for e in s.evidence)
    assert s.actor == s.chain[-1]


def test_recall_shapes_an_outlets_own_report_is_the_outlet() -> None:
    a = sayso.analyze(
        "According to a new report by Politico, the campaign is worried about turnout.", "en"
    )
    s = by_content(a, "worried about turnout")
    assert chain(a, s) == [("Politico", "outlet")]


def test_recall_shapes_holder_and_date_are_not_authors() -> None:
    a = sayso.analyze(
        "An email obtained by the group Citizens Watch shows that the meeting took place.", "en"
    )
    assert all(
        not any(e.rule == "chain.document_owner.v1" for e in s.evidence) for s in a.statements
    )
    b = sayso.analyze(
        "Dem Bericht vom Donnerstag zufolge ist die Zahl der Angriffe gestiegen.", "de"
    )
    assert all(
        not any(e.rule == "chain.document_owner.v1" for e in s.evidence) for s in b.statements
    )


def test_recall_shapes_rejection_of_das_with_a_justification_disputes_the_statement_before() -> (
    None
):
    text = (
        "Die Polizei teilte mit, die Demonstranten hätten Steine geworfen. Die Veranstalter "
        "wiesen das zurück: Die Demonstration sei friedlich gewesen."
    )
    a = sayso.analyze(text, "de")
    report = by_content(a, "Steine geworfen")
    assert report.framing.confirmation is Confirmation.DENIED
    (rel,) = [r for r in a.relations if r.kind is RelationKind.DISPUTES]
    assert rel.target == report.id and rel.source == by_content(a, "friedlich").id


def test_recall_shapes_saying_that_is_no_denial() -> None:
    text = (
        "The police said the protesters had thrown stones. "
        "The organizers said that the march had been peaceful."
    )
    a = sayso.analyze(text, "en")
    assert not [r for r in a.relations if r.kind is RelationKind.DISPUTES]


def test_recall_shapes_claimant_without_proof_leaves_the_claim_unconfirmed() -> None:
    for text, lang, words in (
        (
            "Der Präsident behauptete, Millionen Menschen hätten illegal gewählt. "
            "Beweise legte er nicht vor.",
            "de",
            "illegal gewählt",
        ),
        (
            "Trump said that millions of people had voted illegally. "
            "He did not provide any evidence to support the claim.",
            "en",
            "voted illegally",
        ),
    ):
        a = sayso.analyze(text, lang)
        assert by_content(a, words).framing.confirmation is Confirmation.UNCONFIRMED, text


def test_recall_shapes_not_only_evidence_is_no_non_confirmation() -> None:
    text = (
        "Der Präsident behauptete, Millionen Menschen hätten illegal gewählt. "
        "Er legte nicht nur Belege vor, sondern auch Zeugen."
    )
    a = sayso.analyze(text, "de")
    assert by_content(a, "illegal gewählt").framing.confirmation is Confirmation.UNKNOWN


def test_recall_shapes_prefield_speaker_with_a_masculine_dative_outlet() -> None:
    for text, outlet in (
        ("Der Minister sagte dem Spiegel, die Lage sei ernst.", "Der Spiegel"),
        ("Der Senator sagte dem Sender CNN, er sei nicht die richtige Wahl.", "CNN"),
        ("Die Lage sei ernst, sagte der Minister im Deutschlandfunk.", "Deutschlandfunk"),
    ):
        a = sayso.analyze(text, "de")
        (s,) = a.statements
        names = chain(a, s)
        assert names[0] == (outlet, "outlet") and names[-1][1] == "person", text


def test_recall_shapes_im_with_a_place_stays_in_the_speaker_phrase() -> None:
    a = sayso.analyze("Die Lage sei ernst, sagte der Minister im Parlament.", "de")
    (s,) = a.statements
    assert [k for _, k in chain(a, s)] == ["person"]


def test_recall_shapes_account_named_by_a_modifier_is_that_sources() -> None:
    text = (
        "The police said the officers had fired in self-defense. "
        "Witnesses disputed the police account, saying the man was unarmed."
    )
    a = sayso.analyze(text, "en")
    police = by_content(a, "fired in self-defense")
    assert police.framing.confirmation is Confirmation.DENIED
    (rel,) = [r for r in a.relations if r.kind is RelationKind.DISPUTES]
    assert rel.target == police.id


def test_recall_shapes_rejecting_criticism_from_someone_is_not_a_modifier_owner() -> None:
    text = (
        "Mayor Smith: the unit was closed for good reasons. Mayor Smith rejected criticism "
        "from the governor that closing the unit made the city less safe."
    )
    a = sayso.analyze(text, "en")
    headline = by_content(a, "closed for good reasons")
    assert headline.framing.confirmation is not Confirmation.DENIED


def test_recall_shapes_pending_and_sentence_initial_participle_are_non_confirmations() -> None:
    report = "Die Zeitung Kurier berichtet, der Minister habe das Treffen abgesagt. "
    for tail in ("Eine offizielle Bestätigung steht noch aus.", "Bestätigt ist das nicht."):
        a = sayso.analyze(report + tail, "de")
        s = by_content(a, "Treffen abgesagt")
        assert s.framing.confirmation is Confirmation.UNCONFIRMED, tail
    a = sayso.analyze(
        "The newspaper reported that the minister had cancelled the meeting. "
        "The report has yet to be confirmed.",
        "en",
    )
    assert by_content(a, "cancelled the meeting").framing.confirmation is Confirmation.UNCONFIRMED


def test_recall_shapes_a_pending_decision_is_no_non_confirmation() -> None:
    a = sayso.analyze(
        "Die Zeitung Kurier berichtet, der Minister habe das Treffen abgesagt. "
        "Die Entscheidung steht noch aus.",
        "de",
    )
    assert by_content(a, "Treffen abgesagt").framing.confirmation is Confirmation.UNKNOWN


def test_recall_shapes_source_an_outlet_cites_is_the_original_speaker() -> None:
    a = sayso.analyze(
        "Der Sender NBC berichtete unter Berufung auf die Küstenwache, die Suche sei "
        "eingestellt worden.",
        "de",
    )
    (s,) = a.statements
    assert [k for _, k in chain(a, s)] == ["outlet", "organization"]
    assert s.actor == s.chain[-1]


def test_recall_shapes_a_person_citing_a_reason_keeps_the_words() -> None:
    a = sayso.analyze(
        "Growth will stay weak, the senator said, citing the high unemployment.", "en"
    )
    s = by_content(a, "Growth will stay weak")
    assert s.actor == s.chain[0]
