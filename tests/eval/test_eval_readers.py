"""Reader tests on tiny hand-written corpus files (own sentences, upstream formats)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sayso.errors import SaysoError
from sayso.eval import polnear, wikinews
from sayso.eval.corpus import ROLES, GoldQuote, make_roles, regex_tokens
from sayso.model import Form, Medium, Span

# --- wikinews ---------------------------------------------------------------------------

TEXT_DE = "Der Bürgermeister sagte, die Brücke werde im Mai fertig. „Wir feiern“, rief sie."


def _tokens(text: str) -> list[dict[str, Any]]:
    return [
        {"charBegin": m.start(), "charEnd": m.end(), "id": i, "text": m.group()}
        for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))
    ]


def _role(text: str, tokens: list[dict[str, Any]], *parts: str) -> dict[str, Any]:
    """A corpus role dict covering the first occurrence of each part (token-aligned)."""
    spans = []
    for part in parts:
        start = text.index(part)
        end = start + len(part)
        first = next(t["id"] for t in tokens if t["charBegin"] == start)
        last = next(t["id"] for t in tokens if t["charEnd"] == end)
        spans.append({"begin": first, "end": last + 1, "charBegin": start, "charEnd": end})
    ids = [i for s in spans for i in range(s["begin"], s["end"])]
    return {"spans": spans, "text": " ".join(parts), "tokenIds": ids}


def _wikinews_doc(text: str = TEXT_DE) -> dict[str, Any]:
    toks = _tokens(text)
    empty = {"spans": [], "text": "", "tokenIds": []}
    return {
        "documentName": "1 - Brücke",
        "originalText": text,
        "sentences": [],
        "tokens": toks,
        "annotations": [
            {
                "quote": _role(text, toks, "die Brücke werde im Mai fertig"),
                "speaker": _role(text, toks, "Der Bürgermeister"),
                "cue": _role(text, toks, "sagte"),
                "frame": _role(text, toks, "Der Bürgermeister sagte"),
                "addressee": empty,
                "type": "Indirect",
                "medium": "Speech",
                "isNested": False,
                "hasNested": False,
            },
            {
                "quote": _role(text, toks, "Wir feiern"),
                "speaker": _role(text, toks, "sie"),
                "cue": _role(text, toks, "rief"),
                "frame": empty,
                "addressee": empty,
                "type": "Direct",
                "medium": "SW",
                "isNested": True,
                "hasNested": False,
            },
        ],
    }


def _write_json(folder: Path, name: str, data: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def test_wikinews_reads_roles_form_medium(tmp_path: Path) -> None:
    _write_json(tmp_path, "1 - Brücke.pretty.json", _wikinews_doc())
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
    data = _wikinews_doc(text)
    data["annotations"][1]["quote"] = _role(text, data["tokens"], "Das Wetter", "wird besser")
    _write_json(tmp_path, "a.json", data)
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
    data = _wikinews_doc()
    data["annotations"][0]["type"] = raw
    data["annotations"][0]["medium"] = medium
    _write_json(tmp_path, "a.json", data)
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
    data = _wikinews_doc()
    data["annotations"][0]["speaker"]["spans"][0]["charBegin"] += 1
    _write_json(tmp_path, "a.json", data)
    with pytest.raises(SaysoError) as err:
        wikinews.read_corpus(tmp_path)
    assert err.value.code == "E004"


def test_wikinews_rejects_wrong_token_text(tmp_path: Path) -> None:
    data = _wikinews_doc()
    data["tokens"][0]["text"] = "Die"
    _write_json(tmp_path, "a.json", data)
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

TEXT_EN = (
    "The mayor said the bridge will open in May.\n\n"
    "“We will celebrate,” she told reporters, “and then\nrest.”\n"
)


def _brat_entity(ident: str, kind: str, *parts: str, text: str = TEXT_EN) -> str:
    offsets = []
    for part in parts:
        start = text.index(part)
        offsets.append(f"{start} {start + len(part)}")
    return f"{ident}\t{kind} {';'.join(offsets)}\t{' '.join(parts)}"


def _write_polnear(root: Path, ann: dict[str, str], text: str = TEXT_EN, name: str = "a") -> Path:
    (root / "text").mkdir(parents=True, exist_ok=True)
    (root / "attributions").mkdir(parents=True, exist_ok=True)
    (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    for annotator, content in ann.items():
        (root / "attributions" / f"{name}_{annotator}.ann").write_text(content, encoding="utf-8")
    return root


ANN_A = "\n".join(
    [
        _brat_entity("T1", "Source", "The mayor"),
        _brat_entity("T2", "Cue", "said"),
        _brat_entity("T3", "Content", "the bridge will open in May"),
        _brat_entity("T4", "Attribution", "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        # listed out of text order, and the second fragment spans a line break
        _brat_entity("T5", "Content", "and then\nrest.", "We will celebrate,"),
        _brat_entity("T6", "Source", "she"),
        _brat_entity("T7", "Cue", "told"),
        _brat_entity("T8", "Attribution", "told"),
        _brat_entity("T9", "Discuss", "reporters"),
        "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
        "#1\tAnnotatorNotes T5\ta note",
        "",
    ]
)

ANN_B = "\n".join(
    [
        _brat_entity("T1", "Cue", "said"),
        _brat_entity("T2", "Content", "the bridge will open"),
        _brat_entity("T3", "Attribution-no-source", "said"),
        _brat_entity("T4", "Content", "in May"),
        "E1\tAttribution-no-source:T3 Content:T2 Cue:T1 Content2:T4",
        "",
    ]
)


def _texts(doc_text: str, spans: tuple[Span, ...]) -> list[str]:
    return [s.text(doc_text) for s in spans]


def test_polnear_reads_events(tmp_path: Path) -> None:
    _write_polnear(tmp_path, {"4e07": ANN_A})
    [doc] = polnear.read_corpus(tmp_path)
    assert (doc.id, doc.lang) == ("a", "en")
    assert doc.tokens == regex_tokens(TEXT_EN)
    first, second = doc.quotes
    assert _texts(doc.text, first.roles["speaker"]) == ["The mayor"]
    assert _texts(doc.text, first.roles["cue"]) == ["said"]
    assert _texts(doc.text, first.content) == ["the bridge will open in May"]
    assert first.roles["frame"] == first.roles["addressee"] == ()
    assert (first.form, first.medium) == (None, None)
    # fragments come back in text order
    assert _texts(doc.text, second.content) == ["We will celebrate,", "and then\nrest."]


def test_polnear_no_source_and_content2(tmp_path: Path) -> None:
    _write_polnear(tmp_path, {"5fec": ANN_B})
    [quote] = polnear.read_corpus(tmp_path)[0].quotes
    assert quote.roles["speaker"] == ()
    assert _texts(TEXT_EN, quote.content) == ["the bridge will open", "in May"]


def test_polnear_event_role_wins_over_entity_type(tmp_path: Path) -> None:
    ann = "\n".join(
        [
            _brat_entity("T1", "Source", "The mayor"),
            _brat_entity("T2", "Source", "the bridge will open in May"),
            "E1\tContent:T2 Source:T1",
        ]
    )
    _write_polnear(tmp_path, {"4e07": ann})
    [quote] = polnear.read_corpus(tmp_path)[0].quotes
    assert _texts(TEXT_EN, quote.content) == ["the bridge will open in May"]


def test_polnear_skips_event_without_content(tmp_path: Path) -> None:
    ann = _brat_entity("T1", "Cue", "said") + "\nE1\tCue:T1\n"
    _write_polnear(tmp_path, {"4e07": ann})
    assert polnear.read_corpus(tmp_path)[0].quotes == ()


def test_polnear_double_annotation_policies(tmp_path: Path) -> None:
    _write_polnear(tmp_path, {"d473": ANN_A, "5fec": ANN_B})
    [first] = polnear.read_corpus(tmp_path)  # default "first": lowest annotator id, 5fec
    assert len(first.quotes) == 1
    both = polnear.read_corpus(tmp_path, policy="all")
    assert [d.id for d in both] == ["a#5fec", "a#d473"]
    assert [len(d.quotes) for d in both] == [1, 2]
    with pytest.raises(ValueError, match="policy"):
        polnear.read_corpus(tmp_path, policy="union")  # type: ignore[arg-type]


def test_polnear_skips_unannotated_article(tmp_path: Path) -> None:
    _write_polnear(tmp_path, {"4e07": ANN_A})
    _write_polnear(tmp_path, {}, name="b")
    assert [d.id for d in polnear.read_corpus(tmp_path)] == ["a"]


def test_polnear_rejects_offset_mismatch(tmp_path: Path) -> None:
    _write_polnear(tmp_path, {"4e07": "T1\tSource 0 9\tThe Mayor\n"})
    with pytest.raises(SaysoError, match="E004"):
        polnear.read_corpus(tmp_path)
    _write_polnear(tmp_path, {"4e07": "T1\tSource 0 999\tThe Mayor\n"})
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
