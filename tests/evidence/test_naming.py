"""Canonical actor names and kinds (``sayso.evidence.naming``): nominative singular, no
glued words, no non-entity names, kinds from the gazetteers and patterns. Every mention
and article here is written for these tests."""

from __future__ import annotations

import pytest

import sayso
from sayso.evidence.naming import NON_ENTITY, UNKNOWN_NAME, describe
from sayso.lang import LangProfile, load
from sayso.model import ActorKind
from sayso.text.segment import segment


def profile(lang: str) -> LangProfile:
    return load(lang)


@pytest.mark.parametrize(
    ("mention", "name", "kind"),
    [
        ("Sicherheitskreisen", "Sicherheitskreise", ActorKind.ANONYMOUS),
        ("aus informierten Kreisen", "informierte Kreise", ActorKind.ANONYMOUS),
        ("Insidern", "Insider", ActorKind.ANONYMOUS),
        ("Quellen", "Quellen", ActorKind.ANONYMOUS),
        ("Zeugen", "Zeugen", ActorKind.ANONYMOUS),
        ("Regierungs - und Parteikreisen", "Regierungs- und Parteikreise", ActorKind.ANONYMOUS),
        ("Kanzleramts", "Kanzleramt", ActorKind.ORGANIZATION),
        ("des Bundesamts für Migration", "Bundesamt für Migration", ActorKind.ORGANIZATION),
        ("des Roten Kreuzes", "Rotes Kreuz", ActorKind.ORGANIZATION),
        ("das Rote Kreuz", "Rotes Kreuz", ActorKind.ORGANIZATION),
        ("der Europäischen Kommission", "Europäische Kommission", ActorKind.ORGANIZATION),
        ("des Ministers", "Minister", ActorKind.PERSON),
    ],
)
def test_naming_german_names_are_nominative(mention: str, name: str, kind: ActorKind) -> None:
    got = describe(mention.split(), profile("de"))
    assert got[:2] == (name, kind)


@pytest.mark.parametrize(
    ("lang", "mention", "name"),
    [
        ("de", "Karin Hollweg SPÖ", "Karin Hollweg"),
        ("de", "Karin Hollweg ( SPÖ )", "Karin Hollweg"),
        ("de", "Karin Hollweg in Anspielung", "Karin Hollweg"),
        ("de", "Karin Hollweg am Montag", "Karin Hollweg"),
        ("de", "Karin Hollweg der APA", "Karin Hollweg"),
        ("de", "Ursula von der Brenken", "Ursula von der Brenken"),
        ("en", "Tom Reddle's", "Tom Reddle"),
        ("en", "NBC’s Tom Reddle", "Tom Reddle"),
        ("de", "Karl Huber wiederum", "Karl Huber"),
        ("de", "Anna Berger ihrerseits", "Anna Berger"),
        ("en", "Tom Reddle himself", "Tom Reddle"),
        ("en", "Tom Reddle , however ,", "Tom Reddle"),
    ],
)
def test_naming_glued_words_are_cut(lang: str, mention: str, name: str) -> None:
    got = describe(mention.split(), profile(lang))
    assert got[:2] == (name, ActorKind.PERSON)


@pytest.mark.parametrize(
    ("lang", "mention"),
    [
        ("de", "Demnach"),
        ("de", "Später"),
        ("de", "Gleichzeitig"),
        ("de", "Man"),
        ("de", "Auf Frage"),
        ("de", "In Wien"),
        ("en", "his"),
        ("en", "Meanwhile"),
    ],
)
def test_naming_non_entities_are_the_unknown_source(lang: str, mention: str) -> None:
    assert describe(mention.split(), profile(lang)) == (
        UNKNOWN_NAME,
        ActorKind.UNKNOWN,
        None,
        NON_ENTITY,
    )


@pytest.mark.parametrize(
    ("mention", "pronoun"),
    [
        ("wir Ihnen", "wir"),
        ("er , ohne", "er"),
        ("sie", "sie"),
        ("er , wolle sich mehr als zwei Wochen Zeit nehmen", "er"),
    ],
)
def test_naming_pronoun_fragments_are_the_pronoun(mention: str, pronoun: str) -> None:
    assert describe(mention.split(), profile("de")) == (
        pronoun,
        ActorKind.UNKNOWN,
        None,
        "actor.pronoun.v1",
    )


def test_naming_a_surname_that_is_also_an_adverb_needs_the_article() -> None:
    """ "Kurz" is an adverb where the article writes "kurz"; written capitalised inside a
    sentence it is a name."""
    de = profile("de")
    text = "Der Zug hielt nur kurz. Kurz sagte, er bleibe."
    assert describe(["Kurz"], de, segment(text, de.abbreviations, de.months))[1] is (
        ActorKind.UNKNOWN
    )
    text = "Der Minister Jonas Kurz kam spät. Kurz sagte, er bleibe."
    got = describe(["Kurz"], de, segment(text, de.abbreviations, de.months))
    assert got[:2] == ("Kurz", ActorKind.PERSON)
    text = "Zahlreiche Gäste kamen. Zahlreiche sagten, es sei kalt."
    assert describe(["Zahlreiche"], de, segment(text, de.abbreviations, de.months))[1] is (
        ActorKind.UNKNOWN
    )


@pytest.mark.parametrize(
    ("lang", "mention", "name", "kind"),
    [
        ("de", "Nachrichtenagentur AFP", "AFP", ActorKind.OUTLET),
        ("de", "der Spiegel", "Der Spiegel", ActorKind.OUTLET),
        ("de", "Kurier“", "Kurier", ActorKind.OUTLET),
        ("de", "das Fachmagazin Technikwelt", "Technikwelt", ActorKind.OUTLET),
        ("de", "ein Bericht der New York Times", "New York Times", ActorKind.OUTLET),
        ("de", "Pressestelle der Stadtwerke", "Stadtwerke", ActorKind.ORGANIZATION),
        ("de", "Angaben der Feuerwehr", "Feuerwehr", ActorKind.ORGANIZATION),
        ("de", "Aussendung ÖGB", "ÖGB", ActorKind.ORGANIZATION),
        ("de", "Frankreich", "Frankreich", ActorKind.ORGANIZATION),
        ("de", "Demonstranten", "Demonstranten", ActorKind.ANONYMOUS),
        ("de", "ein Polizist", "Polizist", ActorKind.ANONYMOUS),
        ("de", "ein Sprecher des Ministeriums", "Sprecher des Ministeriums", ActorKind.PERSON),
        ("en", "the Exton / Vale poll", "Exton / Vale poll", ActorKind.DOCUMENT),
        ("en", "the latest Reuters survey", "latest Reuters survey", ActorKind.DOCUMENT),
        ("en", "a report by Politico", "Politico", ActorKind.OUTLET),
        (
            "en",
            "the mayor's longtime campaign adviser",
            "mayor's longtime campaign adviser",
            ActorKind.PERSON,
        ),
        ("en", "fellow voters", "fellow voters", ActorKind.ANONYMOUS),
    ],
)
def test_naming_kinds_from_gazetteers_and_patterns(
    lang: str, mention: str, name: str, kind: ActorKind
) -> None:
    assert describe(mention.split(), profile(lang))[:2] == (name, kind)


def test_naming_in_an_analysis_no_adverb_becomes_an_actor() -> None:
    text = (
        "Die Stadträtin Karin Hollweg (SPÖ) sagte am Montag, der Park bleibe offen. "
        "Demnach sei die Sanierung bezahlt. Aus Sicherheitskreisen hieß es, alles sei ruhig."
    )
    a = sayso.analyze(text, "de")
    names = {x.name for x in a.actors}
    assert "Demnach" not in names
    assert "Karin Hollweg" in names
    assert not any("SPÖ" in n or "Montag" in n for n in names)


def test_naming_outlet_whose_title_begins_with_its_article() -> None:
    """ "The Hill" and "The Intercept" are gazetteer names with their article: the article
    was dropped before the lookup, and "Hill" became a person. Lowercase "der Presse" (the
    press) is not the newspaper "Die Presse"."""
    en = profile("en")
    assert describe(["The", "Hill"], en)[:2] == ("The Hill", ActorKind.OUTLET)
    assert describe(["The", "Intercept"], en)[:2] == ("The Intercept", ActorKind.OUTLET)
    assert describe(["der", "Presse"], profile("de"))[1] is not ActorKind.OUTLET
    a = sayso.analyze('"We will not back down," the senator told The Hill on Monday.', "en")
    assert ("The Hill", ActorKind.OUTLET) in {(x.name, x.kind) for x in a.actors}


def test_naming_english_groups_of_people_are_anonymous_sources() -> None:
    # "the rebels" was the unknown source (a lowercase word the lexicon did not know), so
    # "They" found no antecedent and a non-verifiability remark covered only one statement
    text = (
        "The rebels said 25 soldiers were killed. They also said two tanks were destroyed. "
        "The claims could not be independently verified."
    )
    a = sayso.analyze(text, "en")
    actors = [a.actor(s.actor) for s in a.statements if s.actor]
    assert [(x.name, x.kind) for x in actors if x] == [("rebels", ActorKind.ANONYMOUS)] * 2
    assert [s.framing.confirmation.value for s in a.statements] == ["unconfirmed"] * 2


@pytest.mark.parametrize(
    ("lang", "mention", "name"),
    [
        ("de", "die staatliche Nachrichtenagentur Sana", "Sana"),
        ("de", "der bahrainischen Zeitung Mira", "Mira"),
        ("de", "der Fernsehsender Sky News und BBC", "Sky News und BBC"),
        ("en", "the local newspaper Example Gazette", "Example Gazette"),
    ],
)
def test_naming_an_outlet_noun_after_adjectives_names_the_outlet(
    lang: str, mention: str, name: str
) -> None:
    # "staatliche Nachrichtenagentur Sana" was an organisation beside the outlet "Sana"
    assert describe(mention.split(), profile(lang))[:2] == (name, ActorKind.OUTLET)


def test_naming_time_words_are_per_language() -> None:
    # English time words do not cut an English outlet name quoted in a German text
    # (``names.json`` ``time_words``); German ones still end a German name
    assert describe(["die", "Zeitung", "USA", "Today"], profile("de"))[:2] == (
        "USA Today",
        ActorKind.OUTLET,
    )
    assert describe(["Anna", "Berger", "gestern"], profile("de"))[0] == "Anna Berger"
    assert describe(["Anna", "Berger", "am", "Montag"], profile("de"))[0] == "Anna Berger"
    assert describe(["John", "Smith", "today"], profile("en"))[0] == "John Smith"
