"""Exports with names: the chain as actor names, framing with its words, the sentence
around each statement, ids kept for joins; CSV in a spreadsheet dialect — on SQLite and
PostgreSQL. The article is written for this test."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sayso.errors import SaysoError
from sayso.ledger import Ledger
from sayso.ledger.export import COLUMNS, export, rows
from sayso.model import Actor, ActorKind, Analysis, Evidence, Form, Framing, Span, Statement

TEXT = (
    "Laut der Washington Post soll der Minister gesagt haben, die Brücke sei marode; "
    "sie koste 1,5 Millionen. Ein zweiter Satz folgt."
)


def span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part))


def analysis() -> Analysis:
    first = TEXT.index(". ") + 1
    return Analysis(
        text=TEXT,
        lang="de",
        sentences=(Span(0, first), Span(first + 1, len(TEXT))),
        statements=(
            Statement(
                id="s1",
                content=(span("die Brücke sei marode; sie koste 1,5 Millionen"),),
                form=Form.INDIRECT,
                speaker=(span("der Minister"),),
                cue=(span("gesagt haben"),),
                actor="a2",
                chain=("a1", "a2"),
                framing=Framing(
                    hearsay=True,
                    evidence=(Evidence("framing.hearsay.modal", "sollen", span("soll")),),
                ),
            ),
        ),
        actors=(
            Actor("a1", "Washington Post", ActorKind.OUTLET, mentions=(span("Washington Post"),)),
            Actor("a2", "Minister", ActorKind.PERSON, mentions=(span("der Minister"),)),
        ),
    )


@pytest.fixture
def stored(ledger: Ledger) -> Ledger:
    ledger.add({"url": "https://x.example/1", "site": "X", "published": "2024-06-01"}, analysis())
    return ledger


def test_export_rows_name_the_chain_framing_words_and_sentence(stored: Ledger) -> None:
    (row,) = rows(stored)
    assert row["chain"] == "Washington Post > Minister"
    assert json.loads(row["chain_ids"]) == [a.id for a in ledger_actors(stored)]
    assert row["speaker"] == "der Minister" and row["actor"] == "Minister"
    assert row["framing"] == "hearsay" and row["framing_words"] == "hearsay: soll"
    assert row["sentence"] == TEXT[: TEXT.index(". ") + 1]
    assert list(row) == list(COLUMNS)


def ledger_actors(ledger: Ledger) -> list[object]:
    by_name = {a.name: a for a in ledger.actors()}
    return [by_name["Washington Post"], by_name["Minister"]]


def test_export_csv_spreadsheet_dialect(stored: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    assert export(stored, "csv", out, excel=True) == 1
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 2
    assert data.split(b"\r\n")[0].decode("utf-8-sig").split(";")[:3] == list(COLUMNS[:3])
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";")
    assert row["content"] == "die Brücke sei marode; sie koste 1,5 Millionen"
    assert row["chain"] == "Washington Post > Minister"
    plain = io.StringIO(newline="")
    export(stored, "csv", plain)
    assert not plain.getvalue().startswith("\ufeff")
    (row,) = csv.DictReader(io.StringIO(plain.getvalue(), newline=""))
    assert row["sentence"].startswith("Laut der Washington Post")
    with pytest.raises(SaysoError, match="E206"):
        export(stored, "jsonl", io.StringIO(), excel=True)


def test_export_jsonl_and_parquet_carry_the_same_names(stored: Ledger, tmp_path: Path) -> None:
    lines = io.StringIO()
    export(stored, "jsonl", lines)
    (row,) = [json.loads(x) for x in lines.getvalue().splitlines()]
    assert row["chain"] == "Washington Post > Minister" and row["framing_words"]
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "s.parquet"
    export(stored, "parquet", out)
    table = pq.read_table(out).to_pylist()
    assert table[0]["chain"] == row["chain"] and table[0]["sentence"] == row["sentence"]
    assert table[0]["chain_ids"] == row["chain_ids"]


def test_export_excel_cells_that_would_be_formulas_are_plain_text() -> None:
    from sayso.ledger.export import inert

    row = {"content": '=HYPERLINK("http://x.example","klick")', "speaker": "@someone",
           "title": "-3 Grad", "cue": "sagte", "confidence": 1.0, "chain": None}  # fmt: skip
    safe = inert(row)
    assert safe["content"].startswith("'=") and safe["speaker"] == "'@someone"
    assert safe["title"] == "'-3 Grad"
    assert safe["cue"] == "sagte" and safe["confidence"] == 1.0 and safe["chain"] is None
