"""Issue 16, third round: shapes that fired wrongly on unseen text (gnad rows outside the
gold sets, PolNeAR train), written for these tests — an outlet named in a sentence but not
the place of the speech act, a refused comment "for this story", a refused comment on
reports named in its own sentence, and more (one test per shape read on unseen text)."""

from __future__ import annotations

from evidence_helpers import by_content, chain

import sayso
from sayso.model import Confirmation, RelationKind


def test_unseen_precision_common_noun_is_no_outlet_hop() -> None:
    # "Zeit" (also the weekly "Die Zeit") is here only the common noun
    text = "Bei Interesse öffne sich ein Chat, um Zeit und Ort zu vereinbaren, sagte der Gründer."
    a = sayso.analyze(text, "de")
    s = by_content(a, "Chat")
    assert [k for _, k in chain(a, s)] == ["person"]


def test_unseen_precision_outlet_later_in_the_sentence_is_no_hop() -> None:
    text = (
        "Beide Lager kommen auf 41 Prozent, sagte der Forscher über eine Umfrage für die "
        "Zeitung Kurier."
    )
    a = sayso.analyze(text, "de")
    s = by_content(a, "41 Prozent")
    assert "outlet" not in [k for _, k in chain(a, s)]


def test_unseen_precision_outlet_behind_a_link_word_is_a_hop() -> None:
    for text in (
        "Das sind gemischte Gefühle, sagte der Trainer Klaus Berger im ZDF.",
        "Das ist nicht nachvollziehbar, sagte Bergführer Anton Moser gegenüber der APA.",
        "Die Fähren seien ausgebucht, sagte die Behördenchefin Eva Moser am Sonntag der "
        "Belgrader Zeitung Danas.",
        "Es werde alles fertig, sagte die Bürgermeisterin im Gespräch mit der Frankfurter "
        "Allgemeinen Sonntagszeitung.",
    ):
        a = sayso.analyze(text, "de")
        kinds = [k for s in a.statements for _, k in chain(a, s)]
        assert "outlet" in kinds, text


def test_unseen_precision_comment_for_this_story_leaves_the_report_alone() -> None:
    text = (
        "The newspaper reported that the senator had taken bribes. A spokesman for the "
        "senator declined to comment for this story."
    )
    a = sayso.analyze(text, "en")
    report = by_content(a, "taken bribes")
    assert report.framing.confirmation is Confirmation.UNKNOWN


def test_unseen_precision_comment_on_the_report_still_unconfirms_it() -> None:
    text = (
        "The newspaper reported that the senator had taken bribes. A spokesman for the "
        "senator declined to comment on the report."
    )
    a = sayso.analyze(text, "en")
    assert by_content(a, "taken bribes").framing.confirmation is Confirmation.UNCONFIRMED


def test_unseen_precision_comment_on_reports_named_in_its_own_sentence() -> None:
    text = (
        "The dean spoke about his regret at the hearing. The school declined to comment "
        "on reports that the dean had been fired."
    )
    a = sayso.analyze(text, "en")
    assert by_content(a, "his regret").framing.confirmation is Confirmation.UNKNOWN
    fired = by_content(a, "been fired")
    assert fired.framing.confirmation is Confirmation.UNCONFIRMED


def _kinds(a: sayso.Analysis, words: str) -> list[str]:
    return [k for _, k in chain(a, by_content(a, words))]


def test_unseen_precision_embedded_speaker_needs_a_finite_speech_verb() -> None:
    # an adjective ("Clinton's reported contributions"), an infinitive after another
    # verb ("misspoke and intended to say"), a noun ("his home state") embed no one
    for text, words in (
        (
            "Nearly half of the senator's reported contributions came from women, "
            "according to the group.",
            "contributions came",
        ),
        (
            "A campaign aide later said that Clinton misspoke and intended to say that it "
            "was a mistake.",
            "misspoke",
        ),
        ("Analysts say that if Rubio can't win his home state, his campaign is over.", "home"),
    ):
        a = sayso.analyze(text, "en")
        assert len(chain(a, by_content(a, words))) == 1, text


def test_unseen_precision_embedded_indefinite_subject_is_no_speaker() -> None:
    a = sayso.analyze("Jeder hat gesagt, wohin die Reise gehen soll, erklärte Berger.", "de")
    assert _kinds(a, "Reise") == ["person"]


def test_unseen_precision_embedded_speaker_still_relayed() -> None:
    a = sayso.analyze(
        "Mr. Ross said Mr. Obama had told Jewish leaders that he would not change course.",
        "en",
    )
    assert [n for n, _ in chain(a, by_content(a, "change course"))][-1].endswith("Obama")
    b = sayso.analyze(
        "Die Zeitung Kurier berichtet, der General habe seinem Kollegen gesagt, die Lage "
        "sei ernst.",
        "de",
    )
    assert _kinds(b, "Lage sei ernst") == ["outlet", "person"]


def test_unseen_precision_a_person_citing_gives_a_reason_not_a_source() -> None:
    a = sayso.analyze(
        "Unter Verweis auf eine hausinterne Studie erklärte Finanzminister Karl Huber, der "
        "Austritt werde der Wirtschaft schaden.",
        "de",
    )
    assert _kinds(a, "Wirtschaft schaden") == ["person"]


def test_unseen_precision_an_outlet_citing_keeps_its_source() -> None:
    a = sayso.analyze(
        "Der Sender NBC berichtete unter Berufung auf die Küstenwache, die Suche sei "
        "eingestellt worden.",
        "de",
    )
    assert _kinds(a, "Suche sei") == ["outlet", "organization"]


def test_unseen_precision_according_to_an_outlet_after_the_cue_relays() -> None:
    a = sayso.analyze(
        '"We disagree strongly with those claims," spokesman Jamal Ware said in a '
        "statement, according to The Blaze.",
        "en",
    )
    s = by_content(a, "disagree strongly")
    assert [k for _, k in chain(a, s)] == ["outlet", "person"]


REPORT_DE = "Nach Angaben der Beobachtungsstelle wurden bei dem Angriff 20 Menschen getötet. "
REPORT_EN = "According to the monitoring group, 20 people were killed in the attack. "


def _first(text: str, lang: str) -> Confirmation:
    return sayso.analyze(text, lang).statements[0].framing.confirmation


def test_unseen_precision_non_confirmation_shapes_of_real_articles() -> None:
    for remark in (
        "Überprüfen ließen sich diese Angaben nicht.",
        "Überprüfbar waren die Angaben nicht.",
        "Eine unabhängige Überprüfung war nicht möglich.",
        "Die Angaben waren von unabhängiger Seite nicht zu überprüfen.",
        "Bestätigen konnte das niemand.",
    ):
        assert _first(REPORT_DE + remark, "de") is Confirmation.UNCONFIRMED, remark
    for remark in (
        "The figures were impossible to verify.",
        "Independent verification was not possible.",
        "Nobody could confirm that.",
    ):
        assert _first(REPORT_EN + remark, "en") is Confirmation.UNCONFIRMED, remark


def test_unseen_precision_sentences_that_are_no_non_confirmation() -> None:
    for remark in (
        "Eine Überprüfung ist erst morgen möglich.",
        "Die Regierung äußerte sich nicht dazu, ob die Geiseln noch leben.",
    ):
        assert _first(REPORT_DE + remark, "de") is Confirmation.UNKNOWN, remark
    for remark in (
        "It is unclear whether voters will follow the party.",
        "Davis made it clear that she did not view the comment in isolation.",
        "It is not clear whether he can comment freely about his former boss.",
        "The company did not respond to questions about how much leave it offers.",
        "The inquiry found no evidence that the mayor intervened in the case.",
        "Officials declined to confirm the ad buys.",
    ):
        assert _first(REPORT_EN + remark, "en") is Confirmation.UNKNOWN, remark


def test_unseen_precision_claimant_without_proof_and_unverified_tale() -> None:
    a = sayso.analyze(
        "She also said, without evidence, that the group recruits fighters with videos.", "en"
    )
    assert by_content(a, "recruits fighters").framing.confirmation is Confirmation.UNCONFIRMED
    b = sayso.analyze(
        "He spoke about taxes at the rally before he told the unsubstantiated tale that a "
        "general had shot rebels with bullets dipped in pig's blood.",
        "en",
    )
    tale = [s for s in b.statements if "general had shot" in b.spans_text(s.content)]
    others = [s for s in b.statements if s not in tale]
    assert all(s.framing.confirmation is Confirmation.UNKNOWN for s in others)
    # the tale itself is the one the adjective marks
    assert tale and all(s.framing.confirmation is Confirmation.UNCONFIRMED for s in tale)


def _disputed(a: sayso.Analysis, s_words: str) -> list[str | None]:
    src = by_content(a, s_words)
    return [r.target for r in a.relations if r.kind is RelationKind.DISPUTES and r.source == src.id]


def test_unseen_precision_disputed_as_adjective_or_noun_disputes_nothing() -> None:
    a = sayso.analyze(
        "The mayor said the fence would be built. The disputed territory lies east of the "
        "river, and many disputes remain.",
        "en",
    )
    assert by_content(a, "fence").framing.confirmation is Confirmation.UNKNOWN
    assert not [r for r in a.relations if r.kind is RelationKind.DISPUTES]


def test_unseen_precision_a_spelled_out_account_needs_a_statement_saying_it() -> None:
    text = (
        "The governor said the budget would pass in May. The senator rejected rumors that "
        "the president might resign before the summit."
    )
    a = sayso.analyze(text, "en")
    assert by_content(a, "budget").framing.confirmation is Confirmation.UNKNOWN


def test_unseen_precision_criticism_of_someones_words_is_not_his_account() -> None:
    text = (
        "Mr. Trump said he had been viciously attacked by the family. The chairman "
        "dismissed criticism of Mr. Trump's comments as talking points."
    )
    a = sayso.analyze(text, "en")
    assert by_content(a, "viciously attacked").framing.confirmation is Confirmation.UNKNOWN


def test_unseen_precision_author_distancing_denies_the_claim_it_spells_out() -> None:
    text = (
        "Mr. Trump said the lists were a disgrace. Mr. Trump has said that his net worth "
        "exceeds ten billion dollars. Despite Mr. Trump's claims that his net worth exceeds "
        "ten billion dollars, the research firms rank him far lower."
    )
    a = sayso.analyze(text, "en")
    assert by_content(a, "a disgrace").framing.confirmation is Confirmation.UNKNOWN
    # the spelled-out claim is the one denied
    assert by_content(a, "net worth").framing.confirmation is Confirmation.DENIED


def test_unseen_precision_could_not_be_reached_leaves_the_report_unconfirmed() -> None:
    a = sayso.analyze(
        "The paper reported that Senator Bair had taken money from the firm. Bair could "
        "not be immediately reached for comment.",
        "en",
    )
    assert by_content(a, "taken money").framing.confirmation is Confirmation.UNCONFIRMED
    b = sayso.analyze(
        "Der Vatikan teilte mit, Börsig habe seinen Posten geräumt. Börsig war zunächst "
        "nicht für eine Stellungnahme zu erreichen.",
        "de",
    )
    assert by_content(b, "Posten geräumt").framing.confirmation is Confirmation.UNCONFIRMED


def test_unseen_precision_unreachable_without_a_comment_asked_is_nothing() -> None:
    a = sayso.analyze(
        "Die Polizei sagte, der Fahrer sei betrunken gewesen. Der Bürgermeister war am "
        "Abend nicht erreichbar.",
        "de",
    )
    assert by_content(a, "betrunken").framing.confirmation is Confirmation.UNKNOWN


def test_unseen_precision_refusing_to_deny_is_unconfirmed_not_denied() -> None:
    a = sayso.analyze(
        "Kritiker warnen, der Entwurf könne Links kostenpflichtig machen. Der Kommissar "
        "wollte das nicht dementieren.",
        "de",
    )
    assert by_content(a, "Entwurf").framing.confirmation is Confirmation.UNCONFIRMED
    b = sayso.analyze(
        "The paper reported that the firm would bid. The firm denied the reports and no "
        "bid materialized.",
        "en",
    )
    assert by_content(b, "would bid").framing.confirmation is Confirmation.DENIED
