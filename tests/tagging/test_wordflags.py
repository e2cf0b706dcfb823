"""A word's lexicon flags come from one search of the four noun tables at once
(``LangProfile.head_bits``): the answers must be those of a plain table-by-table search
(``_brute_force``: every inflectional base, every suffix of every table)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.lang import LangProfile, load
from sayso.tagging.wordflags import NounHeads, WordFlags, kind_of

_TABLES = (
    ("anonymous_heads", "anonymous_suffixes"),
    ("document_heads", "document_suffixes"),
    ("org_heads", "org_suffixes"),
    ("role_nouns", "role_suffixes"),
)


def _brute_force(p: LangProfile, word: str) -> int:
    """The head bits by brute force: a table's bit when the lowercase word or a base of it
    (an inflection ending off, three letters left) is one of its nouns or ends in one of its
    suffixes with two letters before it."""
    t = word.lower()
    bases = [t] + [
        t[: len(t) - len(s)] + r for s, r in p.inflections if t.endswith(s) and len(t) > len(s) + 2
    ]
    out = 0
    for bit, (nouns, suffixes) in enumerate(_TABLES):
        for b in bases:
            if b in getattr(p, nouns) or any(
                b.endswith(s) and len(b) > len(s) + 1 for s in getattr(p, suffixes)
            ):
                out |= 1 << bit
    return out


def _check(p: LangProfile, heads: NounHeads, word: str) -> None:
    mask, want = heads.mask(word), _brute_force(p, word)
    assert mask == want, word
    assert bool(mask & 8) == p.is_role_noun(word), word
    assert bool(mask & 4) == p.is_org_head(word), word
    assert bool(mask & 2) == p.is_document_head(word), word
    assert bool(mask & 1) == p.is_anonymous_head(word), word


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
        _check(p, heads, word)
        mask = heads.mask(word)
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
                _check(p, heads, word + ending)


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
        _check(p, heads, word)

    check()


def test_wordflags_give_the_flags_of_a_cue_and_a_role_noun() -> None:
    flags = WordFlags(load("de"))
    assert flags("sagte")[:2] == ("cue", "cue=sagen")
    assert "role" in flags("Polizeisprecherin")
    assert "kind=person" in flags("Polizeisprecherin")
    assert flags(",") == ("comma",)
    assert "role" not in flags("Haus")


def _reference(lang: str, word: str) -> tuple[str, ...]:
    """The flags as the profile's own lookups define them, one after the other."""
    from sayso.lang.mood import Mood, mood
    from sayso.text.quotes import MARK_RE

    p = load(lang)
    low = word.lower()
    out: list[str] = []
    cue = p.cue(low)
    if cue is not None:
        out += ["cue", "cue=" + cue.lemma, "med=" + cue.medium.value]
        if cue.stance.value != "neutral":
            out.append("stance=" + cue.stance.value)
    elif p.particle_cues(low):
        out += ["cue", "cuestem"]
    out += ["ptcl"] if low in p.particles else []
    out += ["ncue"] if p.nominal_cue(word) is not None else []
    out += ["acc"] if p.according_to_at(low) else []
    marker = p.marker(low)
    out += ["mk=" + marker.value] if marker is not None else []
    out += ["role"] if p.is_role_noun(word) else []
    out += ["pron"] if p.is_speaker_pronoun(low) else []
    kind = p.actor_kind_hint(word)
    out += ["kind=" + kind.value] if kind is not None else []
    labels = {Mood.K1: "K1", Mood.K2: "K2", Mood.INDICATIVE_OR_K1: "amb"}
    m = labels.get(mood(word), "") if lang == "de" else ""
    out += ["mood=" + m] if m else []
    out += ["comp"] if low in p.complementizers else []
    out += ["det"] if low in p.tagger_determiners else []
    out += ["prep"] if low in p.prepositions else []
    if MARK_RE.fullmatch(word):
        out.append("qmark")
    elif word in {",": 1, ":": 1, ".": 1, "(": 1, ")": 1}:
        out.append({",": "comma", ":": "colon", ".": "period", "(": "lpar", ")": "rpar"}[word])
    elif word[:1].isupper():
        out.append("cap")
    return tuple(out)


SENTENCES = {
    "de": "Laut Polizei sagte der Sprecher, die Ministerin habe angeblich nichts gewusst; "
    "„Wir hätten sie gewarnt“, kündigte er an. Sei es drum: Die Zeitung berichtete (dpa), "
    "dass Sie käme, sofern die Regierungssprecherinnen das bestätigten. Habe er recht?",
    "en": "According to officials, the spokeswoman said (reportedly) that he had warned "
    "them: “We told Reuters,” she added, and the report claims so. Sources say it was.",
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_wordflags_give_the_flags_the_profile_defines(lang: str) -> None:
    flags = WordFlags(load(lang))
    words = SENTENCES[lang].replace(",", " , ").replace(".", " . ").split()
    words += [w.upper() for w in words] + [w.lower() for w in words] + WORDS
    for word in words:
        assert flags(word) == _reference(lang, word), word
