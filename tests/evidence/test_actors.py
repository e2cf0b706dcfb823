"""Speakers within one article: ``describe`` names and classifies a mention, ``resolve``
groups mentions into actors (full name, short name, pronoun, bare role noun)."""

from __future__ import annotations

import pytest

import sayso
from sayso.evidence.actors import resolve
from sayso.evidence.naming import describe
from sayso.lang import LangProfile, load
from sayso.model import ActorKind, Form, Span, Statement
from sayso.text.segment import segment


@pytest.fixture(scope="module")
def de() -> LangProfile:
    return load("de")


@pytest.fixture(scope="module")
def en() -> LangProfile:
    return load("en")


def profile(lang: str) -> LangProfile:
    return load(lang)


# --- describe ---------------------------------------------------------------------------


def test_actors_describe_role_and_name(de: LangProfile) -> None:
    name, kind, role, rule = describe(["Regierungssprecher", "Steffen", "Hebestreit"], de)
    assert (name, kind, role) == ("Steffen Hebestreit", ActorKind.PERSON, "Regierungssprecher")
    assert rule.startswith("actor.")


def test_actors_describe_role_and_name_with_article(de: LangProfile) -> None:
    name, kind, role, _ = describe(["die", "Oppositionsführerin", "Anna", "Berger"], de)
    assert (name, kind, role) == ("Anna Berger", ActorKind.PERSON, "Oppositionsführerin")


def test_actors_describe_plain_name(de: LangProfile) -> None:
    assert describe(["Anna", "Berger"], de)[:3] == ("Anna Berger", ActorKind.PERSON, None)
    assert describe(["Hebestreit"], de)[:3] == ("Hebestreit", ActorKind.PERSON, None)


def test_actors_describe_bare_role_noun(de: LangProfile) -> None:
    _, kind, role, _ = describe(["der", "Regierungssprecher"], de)
    assert kind is ActorKind.PERSON
    assert role == "Regierungssprecher"


@pytest.mark.parametrize(
    ("lang", "mention", "name"),
    [
        ("de", "Reuters", "Reuters"),
        ("de", "die New York Times", "New York Times"),
        ("de", "der Spiegel", "Der Spiegel"),  # the outlet's own name
        ("de", "dpa", "dpa"),
        ("en", "Reuters", "Reuters"),
        ("en", "The New York Times", "New York Times"),
    ],
)
def test_actors_describe_outlet(lang: str, mention: str, name: str) -> None:
    got_name, kind, _, rule = describe(mention.split(), profile(lang))
    assert kind is ActorKind.OUTLET
    assert got_name == name
    assert rule == "actor.kind.outlet.v1"


@pytest.mark.parametrize(
    ("lang", "mention"),
    [
        ("de", "Militärkreise"),
        ("de", "Regierungskreise"),
        ("de", "informierte Kreise"),
        ("de", "Augenzeugen"),
        ("en", "officials"),
        ("en", "senior officials"),
    ],
)
def test_actors_describe_anonymous(lang: str, mention: str) -> None:
    name, kind, _, _ = describe(mention.split(), profile(lang))
    assert kind is ActorKind.ANONYMOUS
    assert name


def test_actors_describe_anonymous_keeps_the_head_noun(en: LangProfile) -> None:
    name, kind, _, _ = describe(["U.S.", "officials"], en)
    assert kind is ActorKind.ANONYMOUS
    assert name == "U.S. officials"


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("das Innenministerium", ActorKind.ORGANIZATION),
        ("die Polizei", ActorKind.ORGANIZATION),
        ("der Bericht", ActorKind.DOCUMENT),
        ("die Studie", ActorKind.DOCUMENT),
    ],
)
def test_actors_describe_organisation_and_document(
    de: LangProfile, mention: str, kind: ActorKind
) -> None:
    assert describe(mention.split(), de)[1] is kind


@pytest.mark.parametrize(("lang", "word"), [("de", "er"), ("de", "Sie"), ("en", "he")])
def test_actors_describe_pronoun(lang: str, word: str) -> None:
    name, kind, role, rule = describe([word], profile(lang))
    assert (name, kind, role, rule) == (word, ActorKind.UNKNOWN, None, "actor.pronoun.v1")


def test_actors_describe_english_name(en: LangProfile) -> None:
    assert describe(["Linda", "Hart"], en)[:3] == ("Linda Hart", ActorKind.PERSON, None)


def test_actors_describe_english_role_and_name(en: LangProfile) -> None:
    name, kind, role, _ = describe(["Kremlin", "spokesman", "Dmitry", "Peskov"], en)
    assert (name, kind, role) == ("Dmitry Peskov", ActorKind.PERSON, "spokesman")


# --- resolve with hand-built statements -------------------------------------------------

ARTICLE = (
    "Regierungssprecher Steffen Hebestreit sagte, die Gespräche gingen weiter. "
    "Hebestreit betonte, es gebe keinen Zeitplan. "
    "Er fügte hinzu, man sei geduldig. "
    "Anna Berger sagte, das reiche nicht."
)


def mention(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words))


def statement(sid: str, text: str, speaker: str, content: str, nth: int = 0) -> Statement:
    """An indirect statement whose speaker is the ``nth`` occurrence of ``speaker``."""
    return Statement(
        id=sid,
        content=(mention(text, content),),
        form=Form.INDIRECT,
        speaker=(mention(text, speaker, nth),),
    )


def test_actors_resolve_name_short_name_and_pronoun(de: LangProfile) -> None:
    seg = segment(ARTICLE, de.abbreviations, de.months)
    statements = [
        statement("s1", ARTICLE, "Regierungssprecher Steffen Hebestreit", "die Gespräche"),
        statement("s2", ARTICLE, "Hebestreit", "es gebe", nth=1),
        statement("s3", ARTICLE, "Er", "man sei geduldig"),
        statement("s4", ARTICLE, "Anna Berger", "das reiche nicht"),
    ]
    out, actors, _ = resolve(seg, de, statements)
    assert [s.id for s in out] == ["s1", "s2", "s3", "s4"]
    assert out[0].actor == out[1].actor == out[2].actor
    assert out[3].actor is not None and out[3].actor != out[0].actor
    assert [s.chain for s in out] == [(s.actor,) for s in out]
    heb, berger = actors
    assert heb.name == "Steffen Hebestreit"
    assert heb.kind is ActorKind.PERSON
    assert heb.role == "Regierungssprecher"
    assert "Hebestreit" in heb.aliases
    assert [ARTICLE[m.start : m.end] for m in heb.mentions] == [
        "Regierungssprecher Steffen Hebestreit",
        "Hebestreit",
        "Er",
    ]
    assert "actor.coref.pronoun.v1" in heb.rules
    assert berger.name == "Anna Berger"


def test_actors_resolve_statement_without_speaker_keeps_no_actor(de: LangProfile) -> None:
    text = "Es hieß, die Gespräche gingen weiter."
    seg = segment(text, de.abbreviations, de.months)
    s = Statement(
        id="s1", content=(mention(text, "die Gespräche gingen weiter"),), form=Form.REPORTED
    )
    out, actors, _ = resolve(seg, de, [s])
    assert out == [s]
    assert actors == ()


def test_actors_resolve_same_last_name_different_first_names(de: LangProfile) -> None:
    text = "Anna Berger sagte, es sei gut. Thomas Berger sagte, es sei schlecht."
    seg = segment(text, de.abbreviations, de.months)
    out, actors, _ = resolve(
        seg,
        de,
        [
            statement("s1", text, "Anna Berger", "es sei gut"),
            statement("s2", text, "Thomas Berger", "es sei schlecht"),
        ],
    )
    assert out[0].actor != out[1].actor
    assert [a.name for a in actors] == ["Anna Berger", "Thomas Berger"]


def test_actors_resolve_short_name_before_full_name_is_improved(de: LangProfile) -> None:
    text = "Hebestreit sagte, es gehe weiter. Steffen Hebestreit sagte, es gebe Zeit."
    seg = segment(text, de.abbreviations, de.months)
    out, actors, _ = resolve(
        seg,
        de,
        [
            statement("s1", text, "Hebestreit", "es gehe weiter"),
            statement("s2", text, "Steffen Hebestreit", "es gebe Zeit"),
        ],
    )
    assert out[0].actor == out[1].actor
    assert len(actors) == 1
    assert actors[0].name == "Steffen Hebestreit"
    assert actors[0].aliases == ("Hebestreit",)


# --- resolve through analyze() ----------------------------------------------------------


def test_actors_in_an_analysed_article() -> None:
    text = (
        "Regierungssprecher Steffen Hebestreit sagte am Montag, die Gespräche würden "
        "fortgesetzt. Hebestreit sagte, es gebe noch keinen Zeitplan. Er sagte außerdem, "
        "man sei geduldig. Die Oppositionsführerin Anna Berger sagte, das reiche nicht."
    )
    a = sayso.analyze(text)
    assert [s.form for s in a.statements] == [Form.INDIRECT] * 4
    speakers = [a.spans_text(s.speaker) for s in a.statements]
    assert speakers[1:3] == ["Hebestreit", "Er"]
    s1, s2, s3, s4 = a.statements
    assert s1.actor == s2.actor == s3.actor is not None
    assert s4.actor is not None and s4.actor != s1.actor
    heb = a.actor(s1.actor)
    assert heb is not None
    assert (heb.name, heb.kind, heb.role) == (
        "Steffen Hebestreit",
        ActorKind.PERSON,
        "Regierungssprecher",
    )
    assert len(heb.mentions) == 3
    berger = a.actor(s4.actor)
    assert berger is not None
    assert (berger.name, berger.role) == ("Anna Berger", "Oppositionsführerin")


def test_actors_bare_role_noun_in_an_analysed_article() -> None:
    text = (
        "Regierungssprecher Steffen Hebestreit sagte am Montag, die Gespräche würden "
        "fortgesetzt. Die Oppositionsführerin Anna Berger sagte, das reiche nicht. "
        "Der Regierungssprecher sagte, man sei geduldig."
    )
    a = sayso.analyze(text)
    assert len(a.statements) == 3
    assert a.statements[0].actor == a.statements[2].actor
    assert a.statements[1].actor != a.statements[0].actor


def test_actors_outlet_and_anonymous_in_an_analysed_article() -> None:
    a = sayso.analyze("Reuters berichtete, die Verhandlungen seien gescheitert.")
    actor = a.actor(only_actor(a))
    assert actor is not None and (actor.name, actor.kind) == ("Reuters", ActorKind.OUTLET)
    a = sayso.analyze("Militärkreise berichteten, die Truppen seien abgezogen worden.")
    actor = a.actor(only_actor(a))
    assert actor is not None and actor.kind is ActorKind.ANONYMOUS


def only_actor(a: sayso.Analysis) -> str | None:
    assert len(a.statements) == 1
    return a.statements[0].actor


def test_actors_english_outlet_in_an_analysed_article() -> None:
    a = sayso.analyze("The New York Times reported that the president would resign.")
    actor = a.actor(only_actor(a))
    assert actor is not None
    assert (actor.name, actor.kind) == ("New York Times", ActorKind.OUTLET)


def test_actors_english_anonymous_in_an_analysed_article() -> None:
    a = sayso.analyze("U.S. officials said the talks would continue.")
    actor = a.actor(only_actor(a))
    assert actor is not None
    assert (actor.name, actor.kind) == ("U.S. officials", ActorKind.ANONYMOUS)


def test_actors_english_role_and_name_in_an_analysed_article() -> None:
    a = sayso.analyze("Kremlin spokesman Dmitry Peskov said the talks would continue.")
    actor = a.actor(only_actor(a))
    assert actor is not None
    assert (actor.name, actor.kind, actor.role) == (
        "Dmitry Peskov",
        ActorKind.PERSON,
        "spokesman",
    )


@pytest.mark.parametrize(
    ("lang", "mention", "name"),
    [
        ("de", "Anna Berger vom Institut für Energieforschung", "Anna Berger"),
        ("de", "Jonas Weber von der Stadtverwaltung", "Jonas Weber"),
        ("en", "Linda Hart of the Brookings Institute", "Linda Hart"),
    ],
)
def test_actors_a_person_named_with_the_body_they_belong_to_is_the_person(
    lang: str, mention: str, name: str
) -> None:
    got_name, kind, _, rule = describe(mention.split(), profile(lang))
    assert (got_name, kind, rule) == (name, ActorKind.PERSON, "actor.kind.name_of.v1")


@pytest.mark.parametrize(
    "mention",
    [
        "Ursula von der Leyen",  # a name particle: a name follows
        "Aktienkurse von Banken",  # one capitalised word: a German common noun
        "Sprecher von der Polizei",  # a role noun heads it
    ],
)
def test_actors_name_of_needs_a_full_name_and_a_body_after_it(mention: str) -> None:
    assert describe(mention.split(), profile("de"))[3] != "actor.kind.name_of.v1"


def test_actors_name_of_is_no_title_case_phrase_the_article_writes_in_lowercase() -> None:
    import sayso

    text = "The criticism was harsh. Prices will rise, said Harsh Criticism of the Institute."
    a = sayso.analyze(text, "en")
    assert all(x.name != "Harsh Criticism" for x in a.actors)
