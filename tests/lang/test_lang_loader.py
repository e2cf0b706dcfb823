"""The language profiles load, are cached, and answer the lookups detectors rely on."""

from __future__ import annotations

import pytest

from sayso.errors import SaysoError
from sayso.lang import SUPPORTED, LangProfile, MarkerKind, Stance, load
from sayso.model import ActorKind, Medium


@pytest.fixture(scope="module")
def de() -> LangProfile:
    return load("de")


@pytest.fixture(scope="module")
def en() -> LangProfile:
    return load("en")


@pytest.mark.parametrize("lang", SUPPORTED)
def test_load_is_cached_and_typed(lang: str) -> None:
    p = load(lang)
    assert p is load(lang)
    assert p.lang == lang
    assert p.cues and p.cue_forms and p.according_to and p.role_nouns


@pytest.mark.parametrize("lang", ["fr", "", "DE", "german"])
def test_unsupported_language_raises_coded_error(lang: str) -> None:
    with pytest.raises(SaysoError) as info:
        load(lang)
    assert info.value.code == "E002"
    assert repr(lang) in info.value.message


def test_profile_is_immutable(de: LangProfile) -> None:
    with pytest.raises(AttributeError):
        de.lang = "en"  # type: ignore[misc]
    with pytest.raises(TypeError):
        de.cues["neu"] = de.cues["sagen"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("sagte", "sagen"),
        ("sagt", "sagen"),
        ("gesagt", "sagen"),
        ("sage", "sagen"),
        ("Erklärte", "erklären"),
        ("berichtete", "berichten"),
        ("schrieb", "schreiben"),
        ("geschrieben", "schreiben"),
        ("bestritt", "bestreiten"),
        ("angekündigt", "ankündigen"),
        ("ankündigte", "ankündigen"),
        ("mitteilte", "mitteilen"),
        ("zurückgewiesen", "zurückweisen"),
        ("räumte", None),  # only with its particle
    ],
)
def test_german_cue_forms(de: LangProfile, form: str, lemma: str | None) -> None:
    entry = de.cue(form)
    assert (entry.lemma if entry else None) == lemma


@pytest.mark.parametrize(
    ("stem", "particle", "lemma"),
    [
        ("kündigte", "an", "ankündigen"),
        ("kündigt", "an", "ankündigen"),
        ("teilte", "mit", "mitteilen"),
        ("wies", "zurück", "zurückweisen"),
        ("wies", "hin", "hinweisen"),
        ("räumte", "ein", "einräumen"),
        ("gab", "bekannt", "bekanntgeben"),
        ("gab", "zu", "zugeben"),
        ("fügte", "hinzu", "hinzufügen"),
    ],
)
def test_german_separable_particle_verbs(
    de: LangProfile, stem: str, particle: str, lemma: str
) -> None:
    entry = de.cue_with_particle(stem, particle)
    assert entry is not None and entry.lemma == lemma
    assert entry.particle == particle
    assert entry.needs_particle(stem)
    assert entry in de.particle_cues(stem)
    assert particle in de.particles


def test_split_stem_alone_is_not_a_full_cue(de: LangProfile) -> None:
    assert de.cue_with_particle("kündigte", "mit") is None
    assert de.is_cue_form("kündigte")
    assert de.cue("ankündigen") is de.cues["ankündigen"]


@pytest.mark.parametrize(
    ("lemma", "stance"),
    [
        ("behaupten", Stance.DISTANCING),
        ("bestätigen", Stance.ENDORSING),
        ("einräumen", Stance.ENDORSING),
        ("sagen", Stance.NEUTRAL),
    ],
)
def test_german_stance(de: LangProfile, lemma: str, stance: Stance) -> None:
    assert de.cues[lemma].stance is stance


@pytest.mark.parametrize(
    ("lemma", "stance"),
    [
        ("claim", Stance.DISTANCING),
        ("insist", Stance.DISTANCING),
        ("admit", Stance.ENDORSING),
        ("confirm", Stance.ENDORSING),
        ("reveal", Stance.ENDORSING),
        ("say", Stance.NEUTRAL),
    ],
)
def test_english_stance(en: LangProfile, lemma: str, stance: Stance) -> None:
    assert en.cues[lemma].stance is stance


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("says", "say"),
        ("said", "say"),
        ("saying", "say"),
        ("told", "tell"),
        ("admitted", "admit"),
        ("denied", "deny"),
        ("tweeted", "tweet"),
        ("wrote", "write"),
    ],
)
def test_english_cue_forms(en: LangProfile, form: str, lemma: str) -> None:
    entry = en.cue(form)
    assert entry is not None and entry.lemma == lemma


def test_english_particle_verb(en: LangProfile) -> None:
    entry = en.cue_with_particle("pointed", "out")
    assert entry is not None and entry.lemma == "point out"
    assert en.cue("pointed") is None


def test_cue_media(de: LangProfile, en: LangProfile) -> None:
    assert de.cues["sagen"].medium is Medium.SPEECH
    assert de.cues["schreiben"].medium is Medium.WRITING
    assert en.cues["write"].medium is Medium.WRITING
    assert en.cues["believe"].medium is Medium.THOUGHT


def test_frequent_cues_have_counts(de: LangProfile, en: LangProfile) -> None:
    assert de.cues["sagen"].count > 50
    assert en.cues["say"].count > 1000


@pytest.mark.parametrize(
    "token",
    [
        "Sprecher",
        "Sprecherin",
        "Sprechers",
        "Regierungssprecher",
        "Polizeisprecherin",
        "Minister",
        "Außenministerin",
        "Innenministerinnen",
        "Parteichef",
        "Konzernchefin",
        "Politologe",
        "Vorsitzende",
        "Bürgermeister",
        "Staatsanwalt",
        "Experten",
        "Stadträtin",  # the feminine with umlaut: a title, not part of "Anna Berger"
        "Gemeinderätin",
    ],
)
def test_german_role_nouns(de: LangProfile, token: str) -> None:
    assert de.is_role_noun(token)


@pytest.mark.parametrize(
    "token", ["Haus", "Chefkoch", "Regierung", "sprach", "er", "Tisch", "Bundesrat"]
)
def test_german_non_role_nouns(de: LangProfile, token: str) -> None:
    assert not de.is_role_noun(token)


@pytest.mark.parametrize(
    "token", ["spokesman", "spokeswoman", "spokesmen", "Senator", "officials", "ministers"]
)
def test_english_role_nouns(en: LangProfile, token: str) -> None:
    assert en.is_role_noun(token)


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("dpa", ActorKind.OUTLET),
        ("Reuters", ActorKind.OUTLET),
        ("Spiegel", ActorKind.OUTLET),
        ("Innenministerium", ActorKind.ORGANIZATION),
        ("Staatsanwaltschaft", ActorKind.ORGANIZATION),
        ("Polizei", ActorKind.ORGANIZATION),
        ("Regierungskreisen", ActorKind.ANONYMOUS),
        ("Militärkreise", ActorKind.ANONYMOUS),
        ("Pressemitteilung", ActorKind.DOCUMENT),
        ("Studie", ActorKind.DOCUMENT),
        ("Regierungssprecher", ActorKind.PERSON),
        ("Tisch", None),
    ],
)
def test_german_actor_kind_hint(de: LangProfile, token: str, kind: ActorKind | None) -> None:
    assert de.actor_kind_hint(token) is kind


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("CNN", ActorKind.OUTLET),
        ("Breitbart", ActorKind.OUTLET),
        ("ministry", ActorKind.ORGANIZATION),
        ("officials", ActorKind.ANONYMOUS),
        ("sources", ActorKind.ANONYMOUS),
        ("memo", ActorKind.DOCUMENT),
        ("spokeswoman", ActorKind.PERSON),
        ("table", None),
    ],
)
def test_english_actor_kind_hint(en: LangProfile, token: str, kind: ActorKind | None) -> None:
    assert en.actor_kind_hint(token) is kind


def test_multiword_outlets(de: LangProfile, en: LangProfile) -> None:
    toks = ["laut", "der", "New", "York", "Times"]
    assert de.match_outlet(toks, 2) == ("New York Times", 3)
    assert en.match_outlet(["The", "Washington", "Post", "said"], 0) == ("Washington Post", 3)
    assert en.match_outlet(["the", "post"], 1) is None


def test_according_to_triggers(de: LangProfile, en: LangProfile) -> None:
    assert {p.id for p in de.according_to_at("laut")} == {"de.laut"}
    assert "de.zufolge" in {p.id for p in de.according_to_at("Zufolge")}
    assert "de.hiess_es" in {p.id for p in de.according_to_at("hieß")}
    assert "en.according_to" in {p.id for p in en.according_to_at("According")}
    (laut,) = de.according_to_at("laut")
    assert laut.elements[1].kind == "source" and laut.source == "slot"


def test_markers(de: LangProfile, en: LangProfile) -> None:
    assert de.marker("angeblich") is MarkerKind.REPORTATIVE
    assert de.marker("offenbar") is MarkerKind.HEDGE
    assert de.marker("dementierte") is MarkerKind.DENIAL
    assert de.marker("bestätigte") is MarkerKind.CONFIRMATION
    assert "soll" in de.reportative_modals
    m = de.match_marker(["Medienberichten", "zufolge", "ist"], 0)
    assert m is not None and m.kind is MarkerKind.REPORTATIVE
    assert en.marker("reportedly") is MarkerKind.REPORTATIVE
    assert en.marker("denied") is MarkerKind.DENIAL
    m = en.match_marker(["it", "could", "not", "be", "independently", "verified"], 1)
    assert m is not None and m.kind is MarkerKind.UNCONFIRMED
    m = en.match_marker(["he", "is", "said", "to"], 1)
    assert m is not None and m.tokens == ("is", "said", "to")


def test_pronouns(de: LangProfile, en: LangProfile) -> None:
    genders = {(p.gender, p.number) for p in de.pronoun("Sie")}
    assert genders == {("f", "sg"), (None, "pl")}
    assert de.is_speaker_pronoun("er")
    assert not de.is_speaker_pronoun("man")
    assert en.pronoun("who")[0].kind == "relative"
    assert en.is_speaker_pronoun("She")
    assert not en.is_speaker_pronoun("him")


def test_abbreviations_and_months(de: LangProfile, en: LangProfile) -> None:
    for tok in ["z.", "B.", "Dr.", "bzw.", "Mio.", "Bzw."]:
        assert de.is_abbreviation(tok), tok
    assert not de.is_abbreviation("Haus.")
    assert de.month("Mai") == 5
    assert de.month("Dez.") == 12
    assert en.is_abbreviation("U.S.")
    assert en.is_abbreviation("Mr.")
    assert not en.is_abbreviation("no.")
    assert en.month("September") == 9


def test_nominal_cues(de: LangProfile, en: LangProfile) -> None:
    for noun in [
        "Erklärung",
        "Angaben",
        "Worten",
        "Aussage",
        "Mitteilung",
        "Bericht",
        "Ansicht",
        "Meinung",
        "Einschätzung",
        "Interview",
    ]:
        assert de.nominal_cue(noun) is not None, noun
    for noun in ["statement", "remarks", "interview", "report"]:
        assert en.nominal_cue(noun) is not None, noun
