"""In-document entities: appositions, short names, descriptions and pronouns joining the
entity they refer to (sentences written for these tests)."""

from __future__ import annotations

import sayso
from sayso.evidence import entities
from sayso.evidence.actors import UNRESOLVED
from sayso.evidence.naming import COMMON_NOUN, describe
from sayso.lang import load
from sayso.model import ActorKind, Analysis


def _speaker_of(a: Analysis, text: str, content_start: str) -> tuple[str, tuple[str, ...]]:
    """(actor name, actor rules) of the statement whose content starts with the words."""
    at = text.index(content_start)
    s = next(s for s in a.statements if s.content[0].start <= at < s.content[-1].end)
    actor = a.actor(s.actor)
    assert actor is not None
    return actor.name, actor.rules


def test_entities_apposition_and_role_description_are_one_person() -> None:
    text = (
        "Regierungssprecherin Maria Vogt sagte am Montag, die Lage sei ernst. "
        "Die Regierungssprecherin fügte hinzu, man prüfe alle Möglichkeiten."
    )
    a = sayso.analyze(text, "de")
    people = [x for x in a.actors if x.kind is ActorKind.PERSON]
    assert [(x.name, x.role) for x in people] == [("Maria Vogt", "Regierungssprecherin")]
    assert entities.ROLE in people[0].rules
    assert {s.actor for s in a.statements} == {people[0].id}


def test_entities_short_name_joins_the_full_name() -> None:
    text = (
        "Innenminister Karl Huber sagte, die Grenze bleibe offen. "
        "Huber betonte, es gebe keinen Grund zur Sorge."
    )
    a = sayso.analyze(text, "de")
    people = [x for x in a.actors if x.kind is ActorKind.PERSON]
    assert [x.name for x in people] == ["Karl Huber"]


def test_entities_age_and_nationality_descriptions_join_the_named_person() -> None:
    text = (
        "Die Läuferin Anna Berg gewann am Sonntag in Wien. "
        "Die 45-Jährige sagte, sie sei sehr müde. "
        "Der niederländische Trainer Kees van Dam sprach von einem guten Rennen. "
        "Der Niederländer sagte, die Bedingungen seien schwierig gewesen."
    )
    a = sayso.analyze(text, "de")
    assert _speaker_of(a, text, "sie sei sehr")[0] == "Anna Berg"
    name, rules = _speaker_of(a, text, "die Bedingungen")
    assert name == "Kees van Dam" and entities.NATIONALITY in rules


def test_entities_pronoun_takes_the_person_of_its_gender() -> None:
    # the speaker before is a woman: "Er" skips her for the man named after her
    text = (
        "„Wir sind bereit“, sagte Ministerin Anna Berg nach dem Treffen mit "
        "Bürgermeister Peter Lang. Er sagte, die Stadt sei zufrieden."
    )
    a = sayso.analyze(text, "de")
    name, rules = _speaker_of(a, text, "die Stadt sei")
    assert name == "Peter Lang" and entities.PRONOUN in rules


def test_entities_pronoun_never_takes_the_person_inside_its_own_content() -> None:
    # Karl Lang is nearer, but he is who the statement is about
    text = "Peter Huber kam am Montag. „Der Bürgermeister Karl Lang hat uns belogen“, sagte er."
    a = sayso.analyze(text, "de")
    assert _speaker_of(a, text, "„Der Bürgermeister")[0] == "Peter Huber"


def test_entities_pronoun_of_the_wrong_gender_stays_unresolved() -> None:
    text = "Minister Karl Lang kam am Montag nach Wien. Sie sagte, die Brücke werde gebaut."
    a = sayso.analyze(text, "de")
    name, rules = _speaker_of(a, text, "die Brücke")
    assert name == "Sie" and UNRESOLVED in rules
    actor = next(x for x in a.actors if x.name == "Sie")
    assert actor.kind is ActorKind.UNKNOWN


def test_entities_english_they_takes_an_organisation_not_a_person() -> None:
    text = (
        "The Exton Police Department said on Monday that the road was closed. "
        "Mayor Tom Reed was not available. They said the road would open on Friday."
    )
    a = sayso.analyze(text, "en")
    name, _ = _speaker_of(a, text, "the road would")
    assert "Police" in name


def test_entities_another_source_is_a_new_entity_and_the_poll_joins_its_poll() -> None:
    text = (
        "A source said the talks had stalled. Another source said the deal was close. "
        "The source added that a vote could come on Friday."
    )
    a = sayso.analyze(text, "en")
    first = a.actor(a.statements[0].actor)
    second = a.actor(a.statements[1].actor)
    third = a.actor(a.statements[2].actor)
    assert first is not None and second is not None and third is not None
    assert first.id != second.id and third.id == second.id
    assert entities.NEW in second.rules and entities.HEAD in second.rules


def test_entities_german_noun_after_an_article_is_no_person_name() -> None:
    de = load("de")
    assert describe(["die", "Jury"], de)[1:4:2] == (ActorKind.ORGANIZATION, COMMON_NOUN)
    assert describe(["die", "Deutsche", "Bahn"], de)[1] is ActorKind.ORGANIZATION
    assert describe(["die", "Läuferin", "Anna", "Berg"], de)[:3] == (
        "Anna Berg",
        ActorKind.PERSON,
        "Läuferin",
    )
    assert describe(["der", "Nigerianer"], de)[1] is ActorKind.PERSON
    assert describe(["Mittwoch"], de)[1] is ActorKind.UNKNOWN


def test_entities_a_share_of_people_is_an_anonymous_group() -> None:
    en = load("en")
    assert describe(["Twelve", "percent"], en)[1] is ActorKind.ANONYMOUS
    assert describe(["Another", "19", "percent"], en)[1] is ActorKind.ANONYMOUS
    assert describe(["zwölf", "Prozent"], load("de"))[1] is ActorKind.ANONYMOUS
