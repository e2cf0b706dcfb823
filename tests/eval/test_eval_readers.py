"""Reader tests on tiny hand-written corpus files (own sentences, upstream formats)."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_builders import (
    ANN_A,
    ANN_B,
    TEXT_DE,
    TEXT_EN,
    brat_entity,
    role,
    texts_of,
    wikinews_doc,
    write_json,
    write_polnear,
)

from sayso.errors import SaysoError
from sayso.eval import polnear, wikinews
from sayso.eval.corpus import ROLES, GoldQuote, make_roles, regex_tokens
from sayso.model import Form, Medium, Span

# --- wikinews ---------------------------------------------------------------------------


def test_wikinews_reads_roles_form_medium(tmp_path: Path) -> None:
    write_json(tmp_path, "1 - Brücke.pretty.json", wikinews_doc())
    [doc] = wikinews.read_corpus(tmp_path)
    assert doc.id == "1 - Brücke"
    assert doc.lang == "de"
    assert doc.text == TEXT_DE
    assert doc.tokens == regex_tokens(TEXT_DE)
    first, second = doc.quotes
    assert set(first.roles) == set(ROLES)
    assert [s.text(doc.text) for s in first.roles["content"]] == ["die Brücke werde im Mai fertig"]
    assert [s.text(doc.text) for s in first.roles["speaker"]] == ["Der Bürgermeister"]
    assert first.roles["addressee"] == ()
    assert (first.form, first.medium, first.nested) == (Form.INDIRECT, Medium.SPEECH, False)
    assert (second.form, second.medium, second.nested) == (Form.DIRECT, Medium.SPEECH_WRITING, True)


def test_wikinews_discontinuous_quote(tmp_path: Path) -> None:
    text = TEXT_DE + " Das Wetter, meinte der Forscher, wird besser."
    data = wikinews_doc(text)
    data["annotations"][1]["quote"] = role(text, data["tokens"], "Das Wetter", "wird besser")
    write_json(tmp_path, "a.json", data)
    [doc] = wikinews.read_corpus(tmp_path)
    assert [s.text(text) for s in doc.quotes[1].content] == ["Das Wetter", "wird besser"]


@pytest.mark.parametrize(
    ("raw", "form", "medium"),
    [
        ("FreeIndirect", Form.FREE_INDIRECT, "Thought"),
        ("IndirectFreeIndirect", Form.INDIRECT_FREE_INDIRECT, "Writing"),
        ("Reported", Form.REPORTED, "TW"),
        ("Reported", Form.REPORTED, "ST"),
        ("Reported", Form.REPORTED, "none"),
    ],
)
def test_wikinews_label_mapping(tmp_path: Path, raw: str, form: Form, medium: str) -> None:
    data = wikinews_doc()
    data["annotations"][0]["type"] = raw
    data["annotations"][0]["medium"] = medium
    write_json(tmp_path, "a.json", data)
    quote = wikinews.read_corpus(tmp_path)[0].quotes[0]
    assert quote.form == form
    expected = {
        "Thought": Medium.THOUGHT,
        "Writing": Medium.WRITING,
        "TW": Medium.THOUGHT_WRITING,
        "ST": Medium.SPEECH_THOUGHT,
        "none": Medium.UNKNOWN,
    }[medium]
    assert quote.medium == expected


def test_wikinews_rejects_shifted_offsets(tmp_path: Path) -> None:
    data = wikinews_doc()
    data["annotations"][0]["speaker"]["spans"][0]["charBegin"] += 1
    write_json(tmp_path, "a.json", data)
    with pytest.raises(SaysoError) as err:
        wikinews.read_corpus(tmp_path)
    assert err.value.code == "E004"


def test_wikinews_rejects_wrong_token_text(tmp_path: Path) -> None:
    data = wikinews_doc()
    data["tokens"][0]["text"] = "Die"
    write_json(tmp_path, "a.json", data)
    with pytest.raises(SaysoError, match="E004"):
        wikinews.read_corpus(tmp_path)


def test_wikinews_rejects_bad_json(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{", encoding="utf-8")
    with pytest.raises(SaysoError, match="E004"):
        wikinews.read_corpus(tmp_path)


def test_wikinews_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SaysoError, match="E005"):
        wikinews.read_corpus(tmp_path / "nope")
    with pytest.raises(SaysoError, match="E005"):
        wikinews.read_corpus(tmp_path)  # exists but holds no JSON


# --- polnear ----------------------------------------------------------------------------


def test_polnear_reads_events(tmp_path: Path) -> None:
    write_polnear(tmp_path, {"4e07": ANN_A})
    [doc] = polnear.read_corpus(tmp_path)
    assert (doc.id, doc.lang) == ("a", "en")
    assert doc.tokens == regex_tokens(TEXT_EN)
    first, second = doc.quotes
    assert texts_of(doc.text, first.roles["speaker"]) == ["The mayor"]
    assert texts_of(doc.text, first.roles["cue"]) == ["said"]
    assert texts_of(doc.text, first.content) == ["the bridge will open in May"]
    assert first.roles["frame"] == first.roles["addressee"] == ()
    assert (first.form, first.medium) == (None, None)
    # fragments come back in text order
    assert texts_of(doc.text, second.content) == ["We will celebrate,", "and then\nrest."]


def test_polnear_no_source_and_content2(tmp_path: Path) -> None:
    write_polnear(tmp_path, {"5fec": ANN_B})
    [quote] = polnear.read_corpus(tmp_path)[0].quotes
    assert quote.roles["speaker"] == ()
    assert texts_of(TEXT_EN, quote.content) == ["the bridge will open", "in May"]


def test_polnear_event_role_wins_over_entity_type(tmp_path: Path) -> None:
    ann = "\n".join(
        [
            brat_entity("T1", "Source", "The mayor"),
            brat_entity("T2", "Source", "the bridge will open in May"),
            "E1\tContent:T2 Source:T1",
        ]
    )
    write_polnear(tmp_path, {"4e07": ann})
    [quote] = polnear.read_corpus(tmp_path)[0].quotes
    assert texts_of(TEXT_EN, quote.content) == ["the bridge will open in May"]


def test_polnear_skips_event_without_content(tmp_path: Path) -> None:
    ann = brat_entity("T1", "Cue", "said") + "\nE1\tCue:T1\n"
    write_polnear(tmp_path, {"4e07": ann})
    assert polnear.read_corpus(tmp_path)[0].quotes == ()


def test_polnear_double_annotation_policies(tmp_path: Path) -> None:
    write_polnear(tmp_path, {"d473": ANN_A, "5fec": ANN_B})
    [first] = polnear.read_corpus(tmp_path)  # default "first": lowest annotator id, 5fec
    assert len(first.quotes) == 1
    both = polnear.read_corpus(tmp_path, policy="all")
    assert [d.id for d in both] == ["a#5fec", "a#d473"]
    assert [len(d.quotes) for d in both] == [1, 2]
    with pytest.raises(ValueError, match="policy"):
        polnear.read_corpus(tmp_path, policy="union")  # type: ignore[arg-type]


def test_polnear_skips_unannotated_article(tmp_path: Path) -> None:
    write_polnear(tmp_path, {"4e07": ANN_A})
    write_polnear(tmp_path, {}, name="b")
    assert [d.id for d in polnear.read_corpus(tmp_path)] == ["a"]


def test_polnear_rejects_offset_mismatch(tmp_path: Path) -> None:
    write_polnear(tmp_path, {"4e07": "T1\tSource 0 9\tThe Mayor\n"})
    with pytest.raises(SaysoError, match="E004"):
        polnear.read_corpus(tmp_path)
    write_polnear(tmp_path, {"4e07": "T1\tSource 0 999\tThe Mayor\n"})
    with pytest.raises(SaysoError, match="E004"):
        polnear.read_corpus(tmp_path)


def test_polnear_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SaysoError, match="E005"):
        polnear.read_corpus(tmp_path)


# --- shared -----------------------------------------------------------------------------


def test_make_roles_fills_sorts_and_rejects_unknown() -> None:
    roles = make_roles({"content": [Span(5, 9), Span(0, 3), Span(5, 9)]})
    assert roles["content"] == (Span(0, 3), Span(5, 9))
    assert all(roles[r] == () for r in ROLES if r != "content")
    with pytest.raises(ValueError):
        make_roles({"source": [Span(0, 1)]})
    assert GoldQuote(roles, None, None).content == roles["content"]


def test_regex_tokens() -> None:
    text = "Er sagte: „Ja.“"
    assert [s.text(text) for s in regex_tokens(text)] == ["Er", "sagte", ":", "„", "Ja", ".", "“"]


# --- corpus-backed ----------------------------------------------------------------------


@pytest.mark.corpus
def test_wikinews_dev_loads(wikinews_dev: Path) -> None:
    docs = wikinews.read_corpus(wikinews_dev)
    assert len(docs) == 150
    assert sum(len(d.quotes) for d in docs) == 653
    assert all(q.form is not None for d in docs for q in d.quotes)


@pytest.mark.corpus
def test_polnear_dev_loads(polnear_dev: Path) -> None:
    docs = polnear.read_corpus(polnear_dev)
    assert len(docs) == 84
    assert len({d.id for d in docs}) == 84
    assert sum(len(d.quotes) for d in docs) > 1000
    assert len(polnear.read_corpus(polnear_dev, policy="all")) == 94
