"""Whole sentences reporting speech by a reported-speech verb (sentences written for these
tests): their subject as fallback speaker, and verbs used in another sense."""

from __future__ import annotations

from sayso.extract import reported
from sayso.lang import load
from sayso.text.segment import segment


def drafts(text: str) -> list[tuple[str, str]]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    out = []
    for d in reported.reported_sentences(seg, profile, []):
        speaker = " ".join(seg.words[i] for r in d.fallback_speaker for i in range(r.a, r.b))
        out.append((d.rules[0], speaker))
    return out


def test_subject_after_the_verb() -> None:
    got = drafts("Dabei bezeichnete er die Lage in der Stadt als ernst.")
    assert got == [("rule.reported.lexicon.v1", "er")]


def test_subject_before_an_apposition() -> None:
    got = drafts("Anna Berger, die den Verein seit Jahren leitet, nannte den Plan einen Fehler.")
    assert got == [("rule.reported.lexicon.v1", "Anna Berger")]


def test_subject_with_a_von_phrase() -> None:
    got = drafts("Jan Weber von der Bürgerinitiative nannte den Plan einen Fehler.")
    assert got == [("rule.reported.lexicon.v1", "Jan Weber von der Bürgerinitiative")]


def test_no_fallback_speaker_for_a_participle() -> None:
    assert drafts("Der Antrag wurde von der Kommission als unzulässig bezeichnet.") == [
        ("rule.reported.lexicon.v1", "")
    ]


def test_a_verb_in_another_sense_is_no_reported_speech() -> None:
    assert drafts("Der Minister sprach am Abend mit seiner Frau.") == []
    assert drafts("Der Sturm forderte in der Region zwölf Todesopfer.") == []
    assert drafts("Der Minister sprach am Abend von einem Fehler.") != []


def test_a_quoted_phrase_inside_is_allowed_a_quotation_is_not() -> None:
    got = drafts("Die Gewerkschaft warnte vor einem „schleichenden Abbau“ der Arbeitsplätze.")
    assert got == [("rule.reported.lexicon.v1", "Die Gewerkschaft")]
    assert drafts("Die Gewerkschaft warnte: „Wir werden jeden Abbau bekämpfen.“") == []


def test_sprechen_and_berichten_report_only_with_von_or_ueber() -> None:
    # reported.json only_with: "sprach ein Gebet", "sprach für …" are no reported speech
    assert drafts("Eine Pfarrerin aus dem Ort sprach zum Abschluss ein kurzes Gebet.") == []
    assert drafts("Die Umfragen im Bundesland sprechen klar für die Amtsinhaberin.") == []
    assert drafts("Das berichtete die Zeitung am Montag in ihrer Ausgabe.") == []
    assert drafts("Die Zeitung berichtete am Montag über einen Streit im Rathaus.") == [
        ("rule.reported.lexicon.v1", "Die Zeitung")
    ]
