"""What an executor makes of a document (:mod:`sayso.spark.rows`), without Spark: the
ledger's columns, error rows instead of failures, the time budget; and the light start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import sayso
from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest import Document
from sayso.ledger import claims
from sayso.ledger.rows import DOCUMENT_ACTORS, DOCUMENTS, RELATIONS, STATEMENTS
from sayso.spark import rows
from sayso.spark.tables import COLUMNS

TEXT = (
    "Die Stadt werde die Brücke im Sommer sanieren, sagte Bürgermeisterin Anna Berger am "
    "Montag. „Wir beginnen im Juni“, sagte Berger. Kritiker bezweifeln das."
)

#: columns the Parquet tables add to the ledger's: the partition, the input order, the
#: claim fingerprint, the identity key, the statement's own key
EXTRA = {
    "documents": {"month", "position"},
    "statements": {"month", "claim_text", "claim_bands"},
    "actors": {"month", "key", "surname", "local", "lang"},
    "relations": {"month"},
}
LEDGER = {
    "documents": DOCUMENTS,
    "statements": STATEMENTS,
    "actors": DOCUMENT_ACTORS,
    "relations": RELATIONS,
}


def _doc(text: str = TEXT, **fields: str) -> Document:
    return Document.create(text, "test:1", published="2024-05-06", **fields)


def test_rows_tables_have_the_ledgers_columns() -> None:
    for table, ledger_table in LEDGER.items():
        ours = {name for name, _ in COLUMNS[table]}
        theirs = {c.name for c in ledger_table.c}
        if table == "actors":
            theirs -= {"id"}  # document_actors' serial id: its rows are keyed by document
        assert ours - EXTRA[table] == theirs, table


def test_rows_of_a_document_are_the_ledgers_rows_with_content_keys() -> None:
    doc = _doc()
    analysis = sayso.analyze(doc.text, "de", published=doc.published)
    got = rows.document_rows(doc, analysis, position="000000000.0000000000")
    by_table: dict[str, list[dict[str, object]]] = {}
    for table, row in got:
        by_table.setdefault(table, []).append(row)
    for table, found in by_table.items():
        names = [name for name, _ in COLUMNS[table]]
        for row in found:
            assert set(row) == set(names), table
    statements = by_table["statements"]
    assert [s["local_id"] for s in statements] == [s.id for s in analysis.statements]
    first = statements[0]
    assert first["id"] == f"{doc.id}:{analysis.statements[0].id}"
    assert first["month"] == "2024-05"
    content = analysis.spans_text(analysis.statements[0].content)
    fp = claims.fingerprints([content])[0]
    assert (first["claim_id"], first["claim_bands"]) == (fp.key, list(fp.bands))
    # the actor's id is its identity key: the statement and the actor row agree
    actor_ids = {a["local_id"]: a["actor_id"] for a in by_table["actors"]}
    assert first["actor_id"] == actor_ids[analysis.statements[0].actor]
    assert str(first["actor_id"]).startswith("person:")
    (document,) = by_table["documents"]
    assert document["id"] == doc.id and document["statement_count"] == len(statements)


def test_rows_a_failing_document_is_an_error_row_not_an_exception() -> None:
    bad = Document(id="x" * 64, text="Kein Artikel.", source="bad:1", lang="xx-invalid")
    items = [{"error": {"source": "in.jsonl:3", "code": "E029", "message": "empty"}}]
    items.append(bad.to_dict())
    got = list(rows.analyse_items(items))
    codes = [row["code"] for table, row in got if table == "errors"]
    assert codes[0] == "E029"
    assert codes == ["E029", "E002"]  # the read error as it came, then the analysis's
    bad_row = [row for table, row in got if table == "errors"][1]
    assert bad_row["source"] == "bad:1" and "xx-invalid" in bad_row["message"]
    assert [table for table, _ in got] == ["errors", "errors"]  # no half-written rows
    again = list(rows.analyse_items(items))
    assert [r["key"] for _, r in again] == [r["key"] for _, r in got]  # stable keys


def test_rows_the_time_budget_makes_an_e035_row() -> None:
    doc = _doc(" ".join([TEXT] * 40))
    got = rows.analyse_one(doc, sayso.settings.DEFAULT, budget=1e-6)
    assert [(t, r["code"]) for t, r in got] == [("errors", errors.E035.code)]


def test_rows_import_sayso_and_the_commands_do_not_import_pyspark() -> None:
    script = (
        "import sys, sayso, sayso.spark, sayso.spark.rows, sayso.spark.load\n"
        "from sayso.cli.main import build_parser\n"
        "build_parser('claims'); build_parser('spark')\n"
        "print('pyspark' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_rows_spark_without_pyspark_is_e240(monkeypatch: pytest.MonkeyPatch) -> None:
    from sayso.spark import job

    for name in [m for m in sys.modules if m == "pyspark" or m.startswith("pyspark.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark raises ImportError
    with pytest.raises(SaysoError) as info:
        job.session("local[1]")
    assert info.value.code == "E240" and "sayso[spark]" in str(info.value)


def test_rows_load_of_a_folder_that_is_no_output_is_e243(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sayso.cli.main import main

    (tmp_path / "out").mkdir()
    code = main(["load", str(tmp_path / "out"), "--db", f"sqlite:///{tmp_path / 'l.db'}"])
    assert code == 1 and "E243" in capsys.readouterr().err


def test_rows_the_spark_submit_entry_point_names_its_file() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sayso.spark", "--path"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.strip())
    assert path.name == "__main__.py" and path.parent.name == "spark" and path.is_file()


@pytest.mark.parametrize(
    ("table", "content", "said"),
    [
        ("documents/month=2024-05/part-0.parquet", b"not parquet at all", "a.parquet"),
        ("errors/part-0.parquet", b"junk", "part-0.parquet"),
        ("documents/month=2024-05/part-0.parquet", None, "position"),  # other columns
    ],
)
def test_rows_load_of_unreadable_parquet_is_e243_before_a_run(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    table: str,
    content: bytes | None,
    said: str,
) -> None:
    """A corrupt file, or a Parquet file that is not sayso's, is one E243 line naming the
    file (not E019, 'a bug in sayso'), and no run is started in the ledger."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from sayso.cli.main import main
    from sayso.ledger import Ledger

    out = tmp_path / "out"
    path = out / table
    path.parent.mkdir(parents=True)
    (out / "documents").mkdir(exist_ok=True)
    if content is None:
        pq.write_table(pa.table({"id": ["x"], "text": ["y"]}), path)
    else:
        path.write_bytes(content)
    said = path.name if said.endswith(".parquet") else said
    url = f"sqlite:///{tmp_path / 'l.db'}"
    assert main(["load", str(out), "--db", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sayso: error E243:") and said in err, err
    with Ledger.open(url) as ledger:
        assert ledger.runs() == []


def test_rows_spark_with_a_missing_input_or_a_file_as_output_fails_before_spark_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sayso.cli.main import main
    from sayso.spark import job

    def no_session(*_args: object) -> None:
        raise AssertionError("Spark was started for an input that is not there")

    monkeypatch.setattr(job, "session", no_session)
    (tmp_path / "there.jsonl").write_text("", "utf-8")
    missing = str(tmp_path / "not-there.jsonl")
    argv = ["spark", str(tmp_path / "there.jsonl"), missing, "--output", str(tmp_path / "o")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("sayso: error E242:") and missing in err, err
    assert not (tmp_path / "o").exists()
    (tmp_path / "file").write_text("", "utf-8")
    argv = ["spark", str(tmp_path / "there.jsonl"), "--output", str(tmp_path / "file")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("sayso: error E243:") and "is a file" in err, err


def test_rows_spark_reads_records_with_the_options_ingest_reads_them() -> None:
    """``--text-column``, ``--column`` and ``--doc-timeout`` mean the same in ``sayso
    spark`` and ``sayso ingest`` (one definition serves both)."""
    from sayso.cli.ingest_cmd import record_options
    from sayso.cli.main import build_parser

    given = ["--text-column", "body", "--column", "title=headline", "--doc-timeout", "-5"]
    spark = build_parser("spark").parse_args(["spark", "x.jsonl", "--output", "o", *given])
    ingest = build_parser("ingest").parse_args(["ingest", "x.jsonl", *given])
    got = record_options(spark)
    assert got == record_options(ingest)
    assert (got.text_column, got.columns, got.doc_timeout) == ("body", {"title": "headline"}, 0.0)


def test_rows_only_named_entities_are_linkable_across_articles() -> None:
    text = "„Wir prüfen das“, sagte der Minister. „Es bleibt dabei“, sagte Anna Berger."
    doc = _doc(text)
    got = rows.document_rows(doc, sayso.analyze(text, "de"), position="0.0")
    local = {str(r["name"]): r["local"] for t, r in got if t == "actors"}
    assert local.get("Anna Berger") is False
    assert local.get("Minister") is True  # a bare role noun stays this article's own
