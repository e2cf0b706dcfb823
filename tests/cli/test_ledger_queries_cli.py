"""The ledger's reading commands say what they found: claims counted by article over every
match, speaker typos matched or answered with the nearest names, the article shown with
its statements marked, CSV for spreadsheets. Articles written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import ingested

from sayso.cli.main import main
from sayso.cli.marked import marked_text
from sayso.model import Analysis, Form, Span, Statement

QUOTE = "„Die Brücke bleibt bis zum Ende der Prüfung gesperrt“"
ARTICLES = {
    "a.txt": f"{QUOTE}, sagte Stadtsprecherin Lena Hofbauer. Später wiederholte sie: {QUOTE}.",
    "b.txt": f"{QUOTE}, sagte Lena Hofbauer am Dienstag.",
    "c.txt": "Generalstabschef Waleri Gerassimow sagte, die Truppen seien bereit.",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested(tmp_path_factory, ARTICLES)


def test_ledger_queries_cli_claims_count_articles(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["claims", "--db", db, "--min", "2", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "2 articles" in out and "more in the article" in out
    assert main(["claims", "--db", db, "--min", "2", "--json"]) == 0
    (claim,) = json.loads(capsys.readouterr().out)
    assert claim["appearances"] == 2 and claim["mentions"] == 3 and claim["shown"] == 2
    assert main(["claims", "--db", db, "--min", "3"]) == 0
    assert "no claims in 3 or more articles" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:  # a usage error, coded
        main(["claims", "--db", db, "--min", "0"])
    assert usage.value.code == 2 and "E017" in capsys.readouterr().err


def test_ledger_queries_cli_speaker_typo_and_suggestion(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", db, "--speaker", "Gerasimpv"]) == 0
    (row,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert row["actor"] == "Waleri Gerassimow"
    assert main(["claims", "--db", db, "--speaker", "Hofbaure"]) == 1
    err = capsys.readouterr().err
    assert "E210" in err and "did you mean: Lena Hofbauer" in err


def test_ledger_queries_cli_show_prints_the_marked_article(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["export", "--db", db, "--speaker", "Gerassimow"])
    doc = json.loads(capsys.readouterr().out.splitlines()[0])["document_id"]
    assert main(["show", doc, "--db", db]) == 0
    out = capsys.readouterr().out
    assert "[s1 die Truppen seien bereit]" in out and "Gerassimow} <sagte>" in out
    assert out.index("[s1 ") < out.index("s1  ")  # the text, then the claim map


def test_ledger_queries_cli_marked_text_nests_fragments() -> None:
    text = "Er sagte, der Plan sei „eine Provokation“ gewesen."
    inner, outer = text.index("„"), text.index("der Plan")
    a = Analysis(
        text=text,
        lang="de",
        statements=(
            Statement("s1", (Span(outer, len(text) - 1),), Form.INDIRECT, speaker=(Span(0, 2),)),
            Statement("s2", (Span(inner, text.index("“") + 1),), Form.DIRECT, parent="s1"),
        ),
    )
    assert marked_text(a) == "{Er} sagte, [s1 der Plan sei [s2 „eine Provokation“] gewesen]."
    assert "\x1b[" in marked_text(a, color=True)


def test_ledger_queries_cli_export_excel(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "s.csv"
    assert main(["export", "--db", db, "--format", "csv", "--excel", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid;document_id;") and b"\r\n" in data


def test_ledger_queries_cli_marked_text_escapes_the_article() -> None:
    text = "Er sagte, alles sei gut.\x1b]0;owned\x07"
    a = Analysis(
        text=text,
        lang="de",
        statements=(Statement("s1", (Span(10, 23),), Form.INDIRECT, speaker=(Span(0, 2),)),),
    )
    for color in (False, True):
        out = marked_text(a, color=color)
        assert "\\u001b]0;owned\\u0007" in out and "\x07" not in out
        assert "\x1b]" not in out  # only colour codes (ESC [) remain
