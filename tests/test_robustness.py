"""Bad input never crashes: it gives an Analysis with a coded warning, or a SaysoError with
a code and a hint. Offsets always refer to a text of the caller's length."""

from __future__ import annotations

import time
import zlib
from typing import Any

import pytest

import sayso
from sayso import SaysoError
from sayso.errors import CATALOGUE
from sayso.model import Analysis
from sayso.pipeline import analyze as pipeline_analyze
from sayso.settings import Settings

# Hand-written German news prose with direct and indirect speech.
GERMAN = (
    "„Wir werden die Brücke im Frühjahr sanieren“, sagte Bürgermeisterin Anna Berger am "
    "Dienstag. Die Opposition erklärte, der Plan komme viel zu spät. Ein Sprecher der "
    "Stadtwerke sagte, man sei auf die Bauarbeiten gut vorbereitet.\n\n"
)
FRENCH = (
    "Le maire a déclaré mardi que la ville allait rénover le pont au printemps. Les "
    "commerçants du quartier craignent une baisse de leur chiffre d'affaires pendant les "
    "travaux, qui doivent durer plusieurs mois.\n\n"
)
SPANISH = (
    "La alcaldesa dijo el martes que la ciudad renovará el puente en primavera. Los "
    "comerciantes del barrio temen perder clientes durante las obras, que durarán varios "
    "meses según el ayuntamiento.\n\n"
)


def codes(a: Analysis) -> set[str]:
    return {w.code for w in a.warnings}


def raises_coded(code: str, *args: Any, **kwargs: Any) -> SaysoError:
    with pytest.raises(SaysoError) as info:
        sayso.analyze(*args, **kwargs)
    return check_error(info.value, code)


def check_error(err: SaysoError, code: str) -> SaysoError:
    assert err.code == code
    assert err.code in CATALOGUE
    assert err.hint.strip(), "every error says what to do"
    assert err.message.strip()
    assert code in str(err) and err.hint in str(err)
    return err


def assert_inside(a: Analysis) -> None:
    n = len(a.text)
    spans = [*a.paragraphs, *a.sentences]
    for s in a.statements:
        for role in s.roles().values():
            spans.extend(role)
    for actor in a.actors:
        spans.extend(actor.mentions)
    spans.extend(w.span for w in a.warnings if w.span is not None)
    for sp in spans:
        assert 0 <= sp.start <= sp.end <= n


# --- empty input ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \t\r\n \u00a0 ", "\u2003\u2002"])
def test_robustness_empty_or_whitespace_gives_w102(text: str) -> None:
    a = sayso.analyze(text)
    assert isinstance(a, Analysis)
    assert "W102" in codes(a)
    assert a.statements == () and a.actors == ()
    assert len(a.text) == len(text)
    assert Analysis.from_json(a.to_json()) == a


def test_robustness_empty_bytes_gives_w102() -> None:
    a = sayso.analyze(b"")
    assert "W102" in codes(a)
    assert a.text == ""


def test_robustness_only_control_characters_gives_w102_and_w105() -> None:
    a = sayso.analyze("\x00\x01\x7f")
    assert {"W102", "W105"} <= codes(a)
    assert a.text == "   "


# --- very long input --------------------------------------------------------------------


@pytest.mark.slow
def test_robustness_ten_megabytes_of_prose() -> None:
    text = GERMAN * (10_000_000 // len(GERMAN) + 1)
    assert len(text) >= 10_000_000
    started = time.perf_counter()
    a = sayso.analyze(text)
    elapsed = time.perf_counter() - started
    assert isinstance(a, Analysis)
    assert a.lang == "de"
    assert len(a.text) == len(text)
    assert a.statements, "the repeated quotations are still found"
    last = a.statements[-1]
    assert last.content[-1].end <= len(text)
    # linear, not quadratic: 10 MB in well under ten minutes
    assert elapsed < 600


def test_robustness_long_input_under_the_limit_is_analysed() -> None:
    text = GERMAN * 200  # ~50 000 characters
    a = sayso.analyze(text)
    assert a.lang == "de"
    assert len(a.statements) >= 200
    assert_inside(a)


# --- bytes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00",
        bytes(range(256)) * 8,
        b"\x00" * 100,
        zlib.compress(GERMAN.encode("utf-8") * 40, 9),
    ],
    ids=["png", "all-bytes", "nul", "zlib"],
)
def test_robustness_binary_bytes_raise_e001(data: bytes) -> None:
    err = raises_coded("E001", data)
    assert "binary" in err.message


def test_robustness_stray_nul_byte_in_text_is_cleaned_not_rejected() -> None:
    data = GERMAN.encode("utf-8").replace(b"Dienstag", b"Diens\x00tag")
    a = sayso.analyze(data)
    assert "W105" in codes(a)
    assert "Diens tag" in a.text
    assert a.statements


def test_robustness_bytearray_is_accepted() -> None:
    a = sayso.analyze(bytearray(GERMAN.encode("utf-8")))
    assert a.text == GERMAN
    assert a.statements


def test_robustness_utf8_with_bom_is_decoded() -> None:
    a = sayso.analyze(b"\xef\xbb\xbf" + GERMAN.encode("utf-8"))
    assert a.text == GERMAN


def test_robustness_cp1252_bytes_are_decoded_and_analysed() -> None:
    # „ “ – are cp1252-only bytes (0x84, 0x93, 0x96): invalid UTF-8
    text = "„Das Stadion wird rechtzeitig fertig“, sagte Bauleiter Jörg Maier – ganz ruhig."
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    a = sayso.analyze(data, "de")
    assert a.text == text
    assert any(a.spans_text(s.cue) == "sagte" for s in a.statements)


def test_robustness_latin1_bytes_are_decoded_and_analysed() -> None:
    # 0x81 is undefined in cp1252 as well, so this only decodes as latin-1
    text = "Die Bürgerin sagte, die Straße sei seit März gesperrt. »Wir warten«, sagte Jörg Maier."
    data = text.encode("latin-1") + b"\x81"
    a = sayso.analyze(data, "de")
    assert a.text == text + " "  # the C1 control became a space
    assert "W105" in codes(a)
    assert a.statements


# --- control characters and surrogates -------------------------------------------------


@pytest.mark.parametrize(
    "dirt",
    ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ud800", "\udfff", "\ufffe", "\x0b\x0c"],
)
def test_robustness_control_characters_are_replaced_offsets_unchanged(dirt: str) -> None:
    text = (
        f"Anna Berger sagte{dirt}, die Lage sei ernst.{dirt} „Wir handeln{dirt} jetzt“, sagte sie."
    )
    a = sayso.analyze(text)
    assert len(a.text) == len(text)
    assert "W105" in codes(a)
    assert dirt not in a.text
    # every other character is untouched, so offsets are the caller's offsets
    for i, (x, y) in enumerate(zip(text, a.text, strict=True)):
        if x not in dirt:
            assert y == x, i
    assert_inside(a)
    assert a.statements


def test_robustness_lone_surrogates_survive_json() -> None:
    text = "Er sagte\ud800, es gehe voran.\udc00"
    a = sayso.analyze(text, "de")
    assert len(a.text) == len(text)
    payload = a.to_json().encode("utf-8")  # a lone surrogate would make this raise
    assert Analysis.from_json(payload.decode("utf-8")) == a


def test_robustness_crlf_keeps_offsets() -> None:
    text = GERMAN.replace("\n", "\r\n") + "\rDie Stadt sagte, es gebe keinen Plan B."
    a = sayso.analyze(text)
    assert len(a.text) == len(text)
    assert "\r" not in a.text
    assert_inside(a)


# --- quotation marks --------------------------------------------------------------------


def test_robustness_thousands_of_quote_marks_give_w106() -> None:
    sentence = "„Ja“, sagte Anna Berger. „Nein“, sagte Jörg Maier. "
    text = sentence * 1600  # 6400 marks, more than the pairing limit
    a = sayso.analyze(text)
    assert "W106" in codes(a)
    assert len(a.text) == len(text)
    assert_inside(a)


def test_robustness_quote_marks_only_do_not_crash() -> None:
    for text in ["„" * 6000, "»«" * 3000, '"' * 7001, "'‘’‚" * 2000]:
        a = sayso.analyze(text, "de")
        assert "W106" in codes(a)
        assert len(a.text) == len(text)
        assert_inside(a)


def test_robustness_unbalanced_quote_is_warned_and_the_rest_is_found() -> None:
    text = (
        "Die Ministerin sagte am Dienstag: „Wir werden das Gesetz prüfen.\n\n"
        "Anna Berger sagte, die Lage sei ernst. „Wir müssen jetzt handeln“, sagte Berger."
    )
    a = sayso.analyze(text)
    assert codes(a) & {"W101", "W107"}
    later = text.index("Anna Berger")
    found = [s for s in a.statements if s.content[0].start > later]
    assert found, "statements after the broken quotation are still found"
    assert any(a.spans_text(s.content) == "„Wir müssen jetzt handeln“" for s in found)


def test_robustness_stray_closing_mark_gives_w101() -> None:
    text = "Die Lage ist ernst“ und unklar. „Wir warten ab“, sagte Anna Berger."
    a = sayso.analyze(text, "de")
    w101 = [w for w in a.warnings if w.code == "W101"]
    assert w101
    assert w101[0].span is not None and a.span_text(w101[0].span) == "“"
    assert any(a.spans_text(s.content) == "„Wir warten ab“" for s in a.statements)


def test_robustness_nested_quotes_do_not_crash() -> None:
    text = (
        "„Er hat mir gesagt: ‚Das ist »völlig« unmöglich‘, und ich glaube ihm“, sagte "
        "Anna Berger. „„„Drei Ebenen“, sagte Jörg Maier. Die Stadt erklärte, alles sei gut."
    )
    a = sayso.analyze(text, "de")
    assert codes(a) & {"W101", "W107"}
    assert_inside(a)
    assert any(a.spans_text(s.speaker) == "Anna Berger" for s in a.statements)


# --- languages --------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "lang"), [(FRENCH, "fr"), (SPANISH, "es")])
def test_robustness_unsupported_language_gives_w104_and_no_statements(text: str, lang: str) -> None:
    a = sayso.analyze(text * 3)
    assert "W104" in codes(a)
    assert a.lang == lang
    assert a.statements == ()
    assert a.actors == ()


@pytest.mark.parametrize("text", ["„" * 6000, "!!! ??? ...", "12 345 678", "»« – —"])
def test_robustness_text_without_letters_has_no_language(text: str) -> None:
    a = sayso.analyze(text)
    assert a.lang == "und"
    assert "W104" in codes(a)
    assert a.statements == ()


@pytest.mark.parametrize("lang", ["fr", "DE", "german", "", "de-DE"])
def test_robustness_explicit_unsupported_language_raises_e002(lang: str) -> None:
    err = raises_coded("E002", GERMAN, lang)
    assert "lang=" in err.hint


def test_robustness_explicit_supported_language_overrides_detection() -> None:
    a = sayso.analyze(FRENCH, "de")
    assert a.lang == "de"
    assert "W104" not in codes(a)


# --- wrong types and limits -------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [None, 42, 3.5, ["a", "list"], {"text": "x"}, memoryview(b"abc"), object()],
    ids=["none", "int", "float", "list", "dict", "memoryview", "object"],
)
def test_robustness_non_text_input_raises_e001(value: Any) -> None:
    raises_coded("E001", value)


def test_robustness_too_long_input_raises_e003() -> None:
    with pytest.raises(SaysoError) as info:
        pipeline_analyze(GERMAN, settings=Settings(max_chars=50))
    err = check_error(info.value, "E003")
    assert str(len(GERMAN)) in err.message and "50" in err.message


def test_robustness_too_long_bytes_raise_e003() -> None:
    with pytest.raises(SaysoError) as info:
        pipeline_analyze(GERMAN.encode("utf-8"), settings=Settings(max_chars=50))
    check_error(info.value, "E003")


def test_robustness_input_at_the_limit_is_accepted() -> None:
    a = pipeline_analyze(GERMAN, settings=Settings(max_chars=len(GERMAN)))
    assert a.statements


def test_robustness_every_catalogued_error_has_a_hint() -> None:
    for code, entry in CATALOGUE.items():
        assert entry.hint.strip(), code
        assert entry.message.strip(), code
