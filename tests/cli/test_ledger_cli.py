"""The ledger commands end to end: ingest, actors (merge/split), claims, show, accounts,
export — on a SQLite ledger built from articles written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import ingested

from sayso.cli.main import main

ARTICLES = {
    "a.txt": "Kremlsprecher Dmitri Peskow sagte am Dienstag, der Raketenangriff sei lange vor "
    "den Sanktionen geplant worden. „Das ist eine Erfindung“, sagte Peskow.",
    "b.txt": "Präsident Selenskyj sagte, der Raketenangriff auf den Hafen sei eine Reaktion "
    "auf die Sanktionen gewesen. „Das ist eine Erfindung“, sagte Kremlsprecher Peskow.",
    "c.txt": "Kremlin spokesman Dmitry Peskov told reporters the strike had been planned. "
    '"This is an invention," Peskov said.',
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested(tmp_path_factory, ARTICLES)


def test_ledger_cli_actors_one_peskov_for_three_spellings(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["actors", "--db", db, "--name", "Peskov", "--json"]) == 0
    (peskov,) = json.loads(capsys.readouterr().out)
    assert peskov["documents"] == 3 and peskov["statements"] >= 4


def test_ledger_cli_merge_and_undo(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["actors", "--db", db, "--json"])
    actors = {a["name"]: a["id"] for a in json.loads(capsys.readouterr().out)}
    peskov = next(i for n, i in actors.items() if "Pesk" in n)
    other = next(i for n, i in actors.items() if "Selensk" in n)
    assert main(["actors", "merge", str(peskov), str(other), "--db", db]) == 0
    assert "merge" in capsys.readouterr().out
    main(["actors", "merges", "--db", db, "--json"])
    (log,) = json.loads(capsys.readouterr().out)
    assert log["rule"] == "manual.merge" and log["undone_at"] is None
    assert main(["actors", "split", str(log["id"]), "--db", db]) == 0
    capsys.readouterr()
    assert main(["actors", "--db", db, "--name", "Selenskyj", "--json"]) == 0
    out = capsys.readouterr()
    assert [a["id"] for a in json.loads(out.out)] == [other], out
    assert main(["actors", "split", str(log["id"]), "--db", db]) == 1  # E205: already undone
    assert "E205" in capsys.readouterr().err


def test_ledger_cli_claims_across_outlets(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--db", db, "--min", "2", "--json"]) == 0
    claims = json.loads(capsys.readouterr().out)
    assert claims and claims[0]["appearances"] == 2
    assert claims[0]["text"] == "das ist eine erfindung"


def test_ledger_cli_show_accounts_export(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    main(["export", "--db", db, "--format", "jsonl", "--lang", "de"])
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and {r["lang"] for r in rows} == {"de"}
    doc = rows[0]["document_id"]
    assert main(["show", doc[:10], "--db", db]) == 0
    shown = capsys.readouterr().out
    assert f"document {doc}" in shown and "→" in shown
    assert main(["show", "nothing-like-this", "--db", db]) == 1
    assert "E202" in capsys.readouterr().err
    assert main(["accounts", "Raketenangriff", "--db", db, "--json"]) == 0
    (event,) = json.loads(capsys.readouterr().out)
    kinds = {r["kind"] for r in event["relations"]}
    assert "contradicts" in kinds and len(event["accounts"]) == 2
    pytest.importorskip("pyarrow")
    out = tmp_path / "s.parquet"
    assert main(["export", "--db", db, "--format", "parquet", "--out", str(out)]) == 0
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows > len(rows)  # German and English


def test_ledger_cli_ingest_no_evidence_stores_statements_without_relations(
    tmp_path: Path,
) -> None:
    from importlib import resources

    from sayso.ledger import Ledger

    sample = resources.files("sayso") / "examples" / "sample_de.txt"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(sample.read_text("utf-8"), encoding="utf-8")
    plain, full = f"sqlite:///{tmp_path / 'plain.db'}", f"sqlite:///{tmp_path / 'full.db'}"
    common = [str(folder), "--jobs", "0", "--progress", "never"]
    assert main(["ingest", *common, "--db", plain, "--no-evidence"]) == 0
    assert main(["ingest", *common, "--db", full]) == 0
    with Ledger.open(plain) as a, Ledger.open(full) as b:
        without, with_ = a.stats(), b.stats()
    assert without["statements"] == with_["statements"] > 0
    assert without["relations"] == 0 < with_["relations"]
