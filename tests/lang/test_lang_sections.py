"""The typed sections of the language data (``sayso.lang.sections``) and the words that
moved there from the code."""

from __future__ import annotations

import json
from importlib import resources

from sayso.extract import according
from sayso.lang import ContentClause, load, search
from sayso.ledger import fulltext
from sayso.text.segment import segment


def test_lang_sections_content_clause_is_typed_and_german_only() -> None:
    de, en = load("de"), load("en")
    assert isinstance(de.content_clause, ContentClause)
    assert de.content_clause.infinitive.marker == "zu"
    assert "und" in de.content_clause.infinitive.ends_before
    assert de.content_clause.v2_clause is not None and de.content_clause.stub_tokens > 0
    assert en.content_clause is None
    assert en.nonfinite_cue is not None and "ing" in en.nonfinite_cue.suffixes
    assert de.nonfinite_cue is None


def test_lang_sections_passive_auxiliaries_are_per_language() -> None:
    de, en = load("de"), load("en")
    assert {"wurde", "worden"} <= de.passive_auxiliaries
    assert "was" not in de.passive_auxiliaries  # German "was" is "what"
    assert {"was", "were", "been"} <= en.passive_auxiliaries


def test_lang_sections_noun_phrase_continues_with_von_in_german_only() -> None:
    de, en = load("de"), load("en")
    seg = segment("nach Angaben von Beobachtern", de.abbreviations, de.months)
    assert according.noun_phrase_end(seg, de, 1, len(seg.words)) == 4
    seg = segment("officials of the Pentagon", en.abbreviations, en.months)
    assert according.noun_phrase_end(seg, en, 0, len(seg.words)) == 4
    assert "von" not in en.noun_phrase.continuations


def test_lang_sections_noun_phrase_takes_an_adjective_after_a_genitive_determiner() -> None:
    de = load("de")
    seg = segment("ein Sprecher des britischen Ministeriums sagte", de.abbreviations, de.months)
    assert according.noun_phrase_end(seg, de, 0, len(seg.words)) == 5
    # a genitive that finds no noun is cut off
    seg = segment("ein Sprecher des neuen", de.abbreviations, de.months)
    assert according.noun_phrase_end(seg, de, 0, len(seg.words)) == 2


def test_lang_sections_search_words_drive_the_german_stemmer() -> None:
    german = search("de")
    assert list(german.endings) == sorted(german.endings, key=len, reverse=True)
    assert fulltext.german_stem("sanktionen") == "sanktion"
    assert search("en").endings == () and "the" in search("en").stop_words
    assert fulltext.words("die Sanktionen und the sanctions", None) == ["sanktionen", "sanctions"]


def test_lang_sections_moved_words_are_documented() -> None:
    moved = {
        "clause.json": ("noun_phrase", "passive_auxiliaries"),
        "evidence.json": ("owner_prepositions", "possessive_endings"),
        "search.json": ("stop_words",),
    }
    for lang in ("de", "en"):
        for name, keys in moved.items():
            raw = json.loads(resources.files("sayso.lang").joinpath(lang, name).read_text())
            for key in keys:
                assert key in raw and key in raw["_doc"], (lang, name, key)
