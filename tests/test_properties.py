"""Properties of ``analyze`` over generated texts: German and English words, every quote
mark sayso knows, punctuation, newlines, control characters and stray Unicode.

Whatever the text, the analysis is returned (never an exception), every span lies inside
the text, the JSON round-trips, references resolve, and a statement's roles never overlap
its content."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import sayso
from sayso import SaysoError
from sayso.errors import CATALOGUE
from sayso.model import Analysis, Span


def vocabulary(words: str) -> list[str]:
    return words.split()


WORDS_DE = vocabulary(
    "sagte sagten erklärte betonte teilte mit kündigte an berichtete sei seien habe werde "
    "würden Anna Berger Steffen Hebestreit Regierungssprecher Ministerin Polizei Reuters "
    "Militärkreise er sie es die der das den dem ein eine und aber dass nicht laut nach "
    "Angaben zufolge Brücke Stadt Plan Lage ernst marode heute Dienstag Berlin Köln Er Sie "
    # the evidence layer's words: hearsay, hedges, disputes, scope, citing, explanations
    "soll sollen gesagt haben worden gewesen sein angeblich offenbar dementierte wies zurück "
    "Bericht Vorwürfe alle Darstellung des Ministeriums Das Dies berichtet Spiegel unter "
    "Berufung auf Demnach bestätigte Bestätigung gab es Reaktion lange vor wollen"
)
WORDS_EN = vocabulary(
    "said says told according to reporters officials he she they it the a and but that not "
    "Peskov Kremlin spokesman Linda Hart Mayor bridge city plan would will is was on Monday "
    "reportedly allegedly apparently denied rejected report claims could be independently "
    "verified citing agreed with disagrees response to long before"
)
MARKS = list("„“”\"»«‚‘’'›‹")
PUNCT = [".", ",", ":", ";", "!", "?", "…", "-", "–", "—", "(", ")", "...", "5'", "2.54"]
SPACE = [" ", " ", " ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028"]
DIRT = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ud800", "\udc00", "\ufeff", "\ufffe", "\u200b"]

fragment = st.one_of(
    st.sampled_from(WORDS_DE),
    st.sampled_from(WORDS_EN),
    st.sampled_from(MARKS),
    st.sampled_from(PUNCT),
    st.sampled_from(SPACE),
    st.sampled_from(DIRT),
    st.text(max_size=3),
)
noise = st.lists(
    st.tuples(fragment, st.sampled_from(["", " ", " ", "\n"])).map("".join),
    max_size=12,
).map("".join)
speakers = st.sampled_from(
    [
        "Anna Berger",
        "Regierungssprecher Steffen Hebestreit",
        "die Ministerin",
        "Reuters",
        "Militärkreise",
        "er",
        "Peskov",
        "officials",
        "Mayor Linda Hart",
    ]
)
cues = st.sampled_from(["sagte", "erklärte", "betonte", "teilte mit", "said", "told reporters"])
pairs = st.sampled_from(["„“", "»«", "«»", "“”", '""', "‚‘", "‘’", "„", "“", '"', ""])
# sentences shaped like attributions, with noise inside, so statements are actually found
attributions = st.one_of(
    st.builds(
        lambda q, c, n, cue, spk: f"{q[:1]}{c}{n}{q[1:]}, {cue} {spk}.",
        pairs,
        noise,
        noise,
        cues,
        speakers,
    ),
    st.builds(lambda spk, cue, c: f"{spk} {cue}, {c}.", speakers, cues, noise),
    st.builds(
        lambda spk, cue, q, c: f"{spk} {cue}: {q[:1]}{c}{q[1:]}", speakers, cues, pairs, noise
    ),
)
# hostile shapes the fuzzer (tools/fuzz.py) found: an unclosed bracket after a hearsay
# modal at the end of the text, unbalanced brackets, speech running on into a report
# sentence that names a source, chains of "dass" clauses
modals = st.sampled_from(["soll", "sollen", "Sie sollen", "Er soll", "soll er", "will"])
brackets = st.sampled_from(["(", "((", "(x", "( (", ")(", "(rund", "[", "(„", "“("])
unclosed_after_modal = st.builds(
    lambda m, n1, br, n2: f"{m} {n1} {br}{n2}", modals, noise, brackets, noise
)
report_run_on = st.builds(
    lambda q, c, dies, spk, tail: f"{q[:1]}{c}.{dies} berichte {spk}{tail}",
    pairs,
    noise,
    st.sampled_from(["Dies", "Das", " Dies", "\nDas"]),
    speakers,
    st.sampled_from(["", ".", "‚", "“", " unter Berufung auf Kreise."]),
)
dass_chain = st.builds(
    lambda spk, cue, k: f"{spk} {cue}, " + "dass es so sei, " * k + "und ging.",
    speakers,
    cues,
    st.integers(1, 30),
)
hostile = st.lists(
    st.one_of(unclosed_after_modal, report_run_on, dass_chain, attributions, noise),
    min_size=1,
    max_size=5,
).map(lambda parts: " ".join(parts))
texts = st.lists(
    st.one_of(noise, attributions, attributions),
    max_size=8,
).map(" ".join)
langs = st.sampled_from([None, "de", "en"])

# Hand-written seed texts that exercise the statement machinery on every run.
SEEDS = [
    "„Die Brücke wird saniert“, sagte Anna Berger. Sie sagte, die Lage sei ernst.",
    "Anna Berger sagte, das sei eine „historische Wende für das ganze Land“ gewesen.",
    "„Wir sind bereit“, sagte Anna Berger, „aber wir brauchen Zeit.“\n\n„Noch",
    '"We will not back down," Peskov told reporters. He said the talks would go on.',
    "Er sagte\x00: „offen\ud800 ‚innen »tief« ‘ “ ”",
    "",
]

# Derandomised so that CI runs the same examples every time (and the strict xfails below
# stay reliable); SAYSO_EXPLORE=1 draws fresh random examples, SAYSO_EXAMPLES=N more of them.
EXPLORE = bool(os.environ.get("SAYSO_EXPLORE"))
EXAMPLES = int(os.environ.get("SAYSO_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not EXPLORE,
    database=None if not EXPLORE else settings.default.database,
    suppress_health_check=[HealthCheck.too_slow],
)
FEW = settings(SETTINGS, max_examples=max(1, EXAMPLES // 3))


def run(text: str, lang: str | None) -> Analysis:
    return sayso.analyze(text, lang)


def all_spans(a: Analysis) -> Iterator[tuple[str, Span]]:
    for i, p in enumerate(a.paragraphs):
        yield f"paragraph {i}", p
    for i, s in enumerate(a.sentences):
        yield f"sentence {i}", s
    for st_ in a.statements:
        for role, spans in st_.roles().items():
            for sp in spans:
                yield f"{st_.id}.{role}", sp
        for ev in st_.evidence:
            if ev.span is not None:
                yield f"{st_.id}.evidence", ev.span
        for ev in st_.framing.evidence:
            if ev.span is not None:
                yield f"{st_.id}.framing", ev.span
    for actor in a.actors:
        for sp in actor.mentions:
            yield f"{actor.id}.mention", sp
    for r in a.relations:
        for sp in r.evidence:
            yield f"{r.id}.evidence", sp
    for w in a.warnings:
        if w.span is not None:
            yield f"warning {w.code}", w.span


def check(a: Analysis, text: str) -> None:
    n = len(text)
    assert len(a.text) == n, "offsets refer to a text of the caller's length"
    for where, sp in all_spans(a):
        assert 0 <= sp.start <= sp.end <= n, (where, sp, n)
    for w in a.warnings:
        assert w.code in CATALOGUE and w.code.startswith("W"), w
    # JSON carries the text and the offsets; slicing it gives the same strings
    back = Analysis.from_json(a.to_json())
    assert back == a
    for (where, sp), (_, sp2) in zip(all_spans(a), all_spans(back), strict=True):
        assert back.text[sp2.start : sp2.end] == a.text[sp.start : sp.end], where
    # references resolve
    ids = [s.id for s in a.statements]
    assert len(set(ids)) == len(ids)
    actor_ids = {x.id for x in a.actors}
    for s in a.statements:
        assert s.content, s.id
        assert all(len(c) > 0 for c in s.content), s.id
        assert any(not a.span_text(c).isspace() for c in s.content), s.id
        assert s.actor is None or s.actor in actor_ids
        assert set(s.chain) <= actor_ids
        # every statement has a source, if only the explicit unknown one
        assert s.chain and len(set(s.chain)) == len(s.chain), (s.id, s.chain)
        assert s.parent is None or (s.parent in ids and s.parent != s.id)
    for r in a.relations:
        assert r.source in ids and (r.target is None or r.target in ids)
        assert r.target_actor is None or r.target_actor in actor_ids
        assert r.source != r.target and 0 <= r.confidence <= 1
        assert r.evidence, r  # a relation always shows the words behind it


def check_roles_outside_content(a: Analysis, roles: tuple[str, ...]) -> None:
    for s in a.statements:
        for role in roles:
            for r in getattr(s, role):
                for c in s.content:
                    assert not r.overlaps(c), (s.id, role, a.span_text(r), a.span_text(c))


def check_content_has_words(a: Analysis) -> None:
    for s in a.statements:
        assert any(ch.isalnum() for ch in a.spans_text(s.content, "")), (
            s.id,
            s.form.value,
            a.spans_text(s.content),
        )


@pytest.mark.parametrize("text", SEEDS)
def test_properties_seed_texts(text: str) -> None:
    a = run(text, None)
    check(a, text)
    check_roles_outside_content(a, ("cue", "addressee", "frame", "speaker"))
    check_content_has_words(a)


@SETTINGS
@given(text=texts, lang=langs)
def test_properties_analyze_never_raises_and_spans_are_inside(text: str, lang: str | None) -> None:
    check(run(text, lang), text)


@SETTINGS
@given(text=hostile, lang=langs)
@example(text="Sie sollen (x", lang="de")  # IndexError in framing's clause end, once
@example(text="“tot rn.Dies berichte ein‚", lang=None)  # speaker inside content, once
def test_properties_hostile_shapes_keep_every_invariant(text: str, lang: str | None) -> None:
    a = run(text, lang)
    check(a, text)
    check_roles_outside_content(a, ("cue", "addressee", "frame", "speaker"))
    check_content_has_words(a)


def test_properties_dash_only_indirect_content_does_not_crash() -> None:
    # found by the properties: snapping this clause used to leave an empty content part
    # and the pipeline raised ValueError for Span(24, 23)
    text = "die Ministerin sagte, — ."
    check(sayso.analyze(text, "de"), text)


@SETTINGS
@given(text=texts, lang=langs)
def test_properties_speaker_cue_addressee_do_not_overlap_content(
    text: str, lang: str | None
) -> None:
    check_roles_outside_content(run(text, lang), ("cue", "addressee", "speaker"))


@SETTINGS
@given(text=texts, lang=langs)
@example(text="sagtesagte laut „sagte“, sagte die Ministerin. betonte", lang="de")
def test_properties_frame_does_not_overlap_content(text: str, lang: str | None) -> None:
    check_roles_outside_content(run(text, lang), ("frame",))


@SETTINGS
@given(text=texts, lang=langs)
@example(text="Anna Berger sagte: „“", lang="de")
def test_properties_content_has_a_word(text: str, lang: str | None) -> None:
    check_content_has_words(run(text, lang))


@FEW
@given(text=texts)
def test_properties_deterministic(text: str) -> None:
    assert run(text, "de").to_json() == run(text, "de").to_json()


@FEW
@given(text=texts)
def test_properties_utf8_bytes_give_the_same_analysis_or_e001(text: str) -> None:
    assume(not any("\ud800" <= ch <= "\udfff" for ch in text))  # not encodable
    assume(not text.startswith("\ufeff"))  # a leading BOM is dropped when decoding bytes
    try:
        from_bytes = sayso.analyze(text.encode("utf-8"), "de")
    except SaysoError as err:
        # only text that looks binary (NUL or control bytes) is refused
        assert err.code == "E001" and err.hint
        return
    assert from_bytes == sayso.analyze(text, "de")


@FEW
@given(text=texts)
def test_properties_unsupported_lang_is_e002(text: str) -> None:
    with pytest.raises(SaysoError) as info:
        sayso.analyze(text, "xx")
    assert info.value.code == "E002" and info.value.hint.strip()


@FEW
@given(junk=st.one_of(st.none(), st.integers(), st.floats(), st.lists(st.text(max_size=3))))
def test_properties_non_text_is_e001(junk: object) -> None:
    with pytest.raises(SaysoError) as info:
        sayso.analyze(junk)  # type: ignore[arg-type]
    assert info.value.code == "E001" and info.value.hint.strip()
