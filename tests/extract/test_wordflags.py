"""A word's lexicon flags come from one search of the four noun tables at once: the answers
must be those of the language profile's own table-by-table lookups."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.extract.wordflags import NounHeads, WordFlags, kind_of
from sayso.lang import load

WORDS = [
    "Sprecher",
    "Polizeisprecher",
    "Regierungssprecherinnen",
    "Ministerin",
    "Ministers",
    "Gewerkschaft",
    "Bundesregierung",
    "Zeitung",
    "Bericht",
    "Kreise",
    "Er",
    "sagte",
    "ihr",
    "Reuters",
    "spokesmen",
    "officials",
    "report",
    "Chef",
    "chef",
    "er",
    "in",
    "nen",
    "",
    "„",
    ",",
]


def _suffix_parts(lang: str) -> list[str]:
    p = load(lang)
    parts = {
        s for t in ("role", "org", "anonymous", "document") for s in getattr(p, f"{t}_suffixes")
    }
    parts |= {s for s, _ in p.inflections}
    return [*sorted(parts), "a", "Bundes", "s", "X"]


def _kind(lang: str, word: str) -> str | None:
    got = load(lang).actor_kind_hint(word)
    return None if got is None else got.value


@pytest.mark.parametrize("lang", ["de", "en"])
def test_wordflags_heads_answer_as_the_profile(lang: str) -> None:
    p = load(lang)
    heads = NounHeads(p)
    for word in WORDS:
        mask = heads.mask(word)
        assert bool(mask & 8) == p.is_role_noun(word), word
        assert ("outlet" if p.is_outlet(word) else kind_of(mask)) == _kind(lang, word), word


@pytest.mark.parametrize("lang", ["de", "en"])
def test_wordflags_count_a_suffix_only_after_two_letters(lang: str) -> None:
    """A compound suffix needs two letters before it, an inflection ending three: each
    suffix of every table with one and two letters before it, inflected or not."""
    p = load(lang)
    heads = NounHeads(p)
    for suffix in _suffix_parts(lang):
        for word in (suffix, "x" + suffix, "xy" + suffix, "Xy" + suffix):
            for ending, _ in (("", ""), *p.inflections):
                mask = heads.mask(word + ending)
                assert bool(mask & 8) == p.is_role_noun(word + ending), word + ending
                assert bool(mask & 4) == p.is_org_head(word + ending), word + ending
                assert bool(mask & 2) == p.is_document_head(word + ending), word + ending
                assert bool(mask & 1) == p.is_anonymous_head(word + ending), word + ending


@pytest.mark.parametrize("lang", ["de", "en"])
def test_wordflags_of_compounds_answer_as_the_profile(lang: str) -> None:
    parts = _suffix_parts(lang)
    p = load(lang)
    heads = NounHeads(p)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(parts), min_size=1, max_size=3), st.booleans())
    def check(pieces: list[str], title: bool) -> None:
        word = "".join(pieces)
        word = word[:1].upper() + word[1:] if title else word
        mask = heads.mask(word)
        assert bool(mask & 8) == p.is_role_noun(word)
        assert bool(mask & 4) == p.is_org_head(word)
        assert bool(mask & 2) == p.is_document_head(word)
        assert bool(mask & 1) == p.is_anonymous_head(word)

    check()


def test_wordflags_give_the_flags_of_a_cue_and_a_role_noun() -> None:
    flags = WordFlags(load("de"))
    assert flags("sagte")[:2] == ("cue", "cue=sagen")
    assert "role" in flags("Polizeisprecherin")
    assert "kind=person" in flags("Polizeisprecherin")
    assert flags(",") == ("comma",)
    assert "role" not in flags("Haus")
