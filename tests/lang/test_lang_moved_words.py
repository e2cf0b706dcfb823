"""Words and affixes that moved from detector code to the language data: each is read
per language and still does its job."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sayso.evidence import dispute_targets, embedded
from sayso.extract import addressees, draft
from sayso.lang import load
from sayso.lang.reporting import framing_words
from sayso.model import Form
from sayso.text.segment import segment

MOVED = {
    "clause.json": ("possessive_clitics", "adverb_endings"),
    "evidence.json": ("infinitive_markers",),
    "reporting.json": ("verify_opener_endings", "restrictive_particles", "anaphor_verbs"),
    "entities.json": ("definite_determiners",),
}
#: names.json keys, documented in the German file (the English one points to it)
NAME_KEYS = (
    "coordinators",
    "source_prepositions",
    "complement_links",
    "report_links",
    "time_words",
    "weekday_endings",
    "date_prepositions",
    "singular_determiners",
    "indefinite_determiners",
    "masculine_determiners",
    "agent_endings",
    "head_cuts",
)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_lang_moved_words_are_documented_keys(lang: str) -> None:
    for name, keys in MOVED.items():
        raw = json.loads(resources.files("sayso.lang").joinpath(lang, name).read_text())
        for key in keys:
            assert key in raw and key in raw["_doc"], (lang, name, key)


def test_lang_moved_words_infinitive_marker_is_no_noun_reading() -> None:
    de, en = load("de"), load("en")
    assert not dispute_targets.noun_reading(en, "to")  # "to deny"
    assert dispute_targets.noun_reading(en, "after")  # "after disputes"
    assert not dispute_targets.noun_reading(de, "zu")  # "zu bestreiten"
    assert dispute_targets.noun_reading(de, "von")


def test_lang_moved_words_possessive_clitic_comes_off() -> None:
    en = load("en")
    assert en.without_possessive("clinton's") == "clinton"
    assert en.without_possessive("trump’s") == "trump"
    assert en.without_possessive("reports") == "reports"


def _embedded(text: str) -> str | None:
    en = load("en")
    seg = segment(text, en.abbreviations, en.months)
    got = embedded.embedded_speaker(seg, en, list(range(len(seg.words))))
    return None if got is None else text[got[0].start : got[0].end]


def test_lang_moved_words_adverb_ending_may_stand_before_the_embedded_verb() -> None:
    # "-ly" (``adverb_endings``) may stand between subject and verb; another word may not
    assert _embedded("Senator Miller had publicly said that the deal was dead .") == (
        "Senator Miller"
    )
    assert _embedded("Senator Miller had public said that the deal was dead .") is None


def test_lang_moved_words_possessive_before_the_verb_makes_it_a_noun() -> None:
    assert _embedded("Senator Miller's said that the deal was dead .") is None


def test_lang_moved_words_reporting_words_are_per_language() -> None:
    de, en = framing_words("de"), framing_words("en")
    assert "bar" in de.verify_opener_endings and "ed" in en.verify_opener_endings
    assert de.restrictive_particles == {"nur"} and en.restrictive_particles == {"only"}
    assert "was" in en.anaphor_verbs and not de.anaphor_verbs


def test_lang_moved_words_outlet_medium_preposition_cuts_the_speaker() -> None:
    # ``outlet_dative`` ``medium_prepositions``: "im" + an outlet is where he spoke
    de = load("de")
    text = "Man prüfe alle Optionen, sagte der Minister im Deutschlandfunk."
    seg = segment(text, de.abbreviations, de.months)
    w = seg.words
    v = w.index("sagte")
    d = draft.Draft(
        parts=[draft.Seg(0, v - 1, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(v, v + 1, "C", 0)],
        speaker=[draft.Seg(v + 1, len(w) - 1, "S", 0)],
    )
    addressees.outlet_datives(seg, de, [d])
    assert " ".join(w[d.speaker[0].a : d.speaker[0].b]) == "der Minister"
    assert "group.speaker.outlet_medium.v1" in d.rules


def test_lang_moved_words_shape_keys_are_documented() -> None:
    de = json.loads(resources.files("sayso.lang").joinpath("de", "shapes.json").read_text())
    for key in ("medium_prepositions", "after_verb_articles"):
        assert key in de["outlet_dative"] and key in de["_doc"]
    en = json.loads(resources.files("sayso.lang").joinpath("en", "shapes.json").read_text())
    assert en["denial"]["as_words"] == ["as"] and "as_words" in en["_doc"]


def test_lang_moved_words_name_keys_are_documented() -> None:
    read = resources.files("sayso.lang").joinpath
    de = json.loads(read("de", "names.json").read_text())
    en = json.loads(read("en", "names.json").read_text())
    for key in NAME_KEYS:
        assert key in de and key in en and key in de["_doc"], key
