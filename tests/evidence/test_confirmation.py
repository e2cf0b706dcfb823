"""Confirmation markers on sentences written for these tests: what is unconfirmed, denied
or confirmed, with which words, and what a marker is (not) about."""

from __future__ import annotations

import pytest
from evidence_helpers import by_content

import sayso
from sayso.model import Confirmation, Stance

REPORT_DE = "Die Zeitung berichtet, der Minister habe sich mit dem Botschafter getroffen. "


@pytest.mark.parametrize(
    ("text", "lang", "words", "value", "evidence"),
    [
        (
            REPORT_DE + "Eine Bestätigung des Treffens durch das Ministerium gab es zunächst "
            "nicht.",
            "de",
            "Botschafter getroffen",
            Confirmation.UNCONFIRMED,
            "Bestätigung des Treffens durch das Ministerium gab es zunächst nicht",
        ),
        (
            REPORT_DE + "Das Ministerium konnte das zunächst nicht bestätigen.",
            "de",
            "Botschafter getroffen",
            Confirmation.UNCONFIRMED,
            "nicht bestätigen",
        ),
        (
            "Die Rebellen erklärten, sie hätten einen Kampfjet abgeschossen, was sich nicht "
            "unabhängig überprüfen ließ.",
            "de",
            "Kampfjet",
            Confirmation.UNCONFIRMED,
            "nicht unabhängig überprüfen",
        ),
        (
            "The senator said the vote had been rigged, without offering any evidence.",
            "en",
            "rigged",
            Confirmation.UNCONFIRMED,
            "without offering any evidence",
        ),
        (
            "Rebels said they had shot down a jet. The claim could not be independently verified.",
            "en",
            "shot down",
            Confirmation.UNCONFIRMED,
            "not be independently verified",
        ),
        (
            "Der Bürgermeister soll Geld angenommen haben. Die Berichte sind frei erfunden, "
            "sagte sein Sprecher.",
            "de",
            "Geld angenommen",
            Confirmation.DENIED,
            "frei erfunden",
        ),
        (
            REPORT_DE + "Das Ministerium dementierte das.",
            "de",
            "Botschafter getroffen",
            Confirmation.DENIED,
            "dementierte",
        ),
        (
            "Die Gewerkschaft teilte mit, alle Schiffe seien in den Häfen geblieben. Dies "
            "bestätigte die Küstenwache.",
            "de",
            "Häfen geblieben",
            Confirmation.CONFIRMED,
            "bestätigte",
        ),
        (
            "Das Ministerium erklärte, das Werk sei geschlossen. Anders als vom Ministerium "
            "behauptet, läuft die Produktion weiter.",
            "de",
            "Werk sei geschlossen",
            Confirmation.DENIED,
            "Anders als vom Ministerium behauptet",
        ),
    ],
)
def test_confirmation_markers_with_their_words(
    text: str, lang: str, words: str, value: Confirmation, evidence: str
) -> None:
    a = sayso.analyze(text, lang)
    s = by_content(a, words)
    assert s.framing.confirmation is value
    (why,) = s.framing.why("confirmation")
    assert why.span is not None and a.span_text(why.span) == evidence
    assert why.confidence is not None and 0 < why.confidence <= 1


def test_confirmation_marker_with_no_report_before_it_is_recorded_on_nothing() -> None:
    a = sayso.analyze(
        "Eine Bestätigung gab es zunächst nicht. Der Minister sagte, er komme morgen.", "de"
    )
    assert all(s.framing.confirmation is Confirmation.UNKNOWN for s in a.statements)


def test_confirmation_evidence_never_comes_from_an_unrelated_sentence() -> None:
    a = sayso.analyze(
        "Die Zeitung berichtet, der Minister trete zurück. Die Opposition forderte volle "
        "Aufklärung. Der Verein konnte den neuen Trainer noch nicht bestätigen, weil die "
        "Verhandlungen laufen.",
        "de",
    )
    assert by_content(a, "trete zurück").framing.confirmation is Confirmation.UNKNOWN


def test_confirmation_endorsing_cue_is_never_also_unconfirmed() -> None:
    a = sayso.analyze(
        "Laut Spiegel tritt der Minister zurück. Die Partei bestätigte, dass er gehe, eine "
        "offizielle Bestätigung gab es aber nicht.",
        "de",
    )
    for s in a.statements:
        assert not (
            s.framing.stance is Stance.ENDORSING
            and s.framing.confirmation is Confirmation.UNCONFIRMED
        )


def test_confirmation_negated_confirm_verb_is_not_endorsing() -> None:
    a = sayso.analyze(
        "Die Regierung teilte mit, das Werk werde geschlossen. Der Betriebsrat bestätigte "
        "das nicht.",
        "de",
    )
    assert all(s.framing.stance is not Stance.ENDORSING for s in a.statements)


def test_confirmation_unrelated_uncertainty_is_no_marker() -> None:
    a = sayso.analyze(
        "Die Polizei teilte mit, drei Männer seien festgenommen worden. Die Ursache des "
        "Brandes war zunächst unklar.",
        "de",
    )
    assert by_content(a, "festgenommen").framing.confirmation is Confirmation.UNKNOWN
