"""The Spark job on ``local[2]`` and a small corpus of every input kind: statements equal
``sayso.analyze`` per document, loading the Parquet gives the ledger rows of ``sayso
ingest``, a re-run adds nothing, a stopped commit is finished, and names and claims are
linked across documents. One run of the job serves all the tests (Spark is slow to start)."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, text

import sayso
from sayso import errors
from sayso.ingest import IngestOptions, read_sources, unique
from sayso.ingest.document import Document
from sayso.ledger import Ledger, identity
from sayso.spark import job
from sayso.spark.load import load

# articles written for these tests
DE_FULL = (
    "Präsident Wolodymyr Selenskyj sagte am Montag, die Armee werde die Stadt im Osten des "
    "Landes weiter verteidigen. „Wir geben nicht auf“, sagte Selenskyj in Kiew."
)
DE_SHORT = (
    "Selenskyj sagte am Dienstag, die Armee werde die Stadt im Osten des Landes weiterhin "
    "verteidigen. Die Lage bleibe schwierig."
)
EN_TALKS = (
    '"The talks will continue next week," a government spokeswoman said on Friday. '
    "Zelensky said the army would hold the line."
)
EN_NOTE = (
    "The council will vote on the new budget in March, chairman Tom Baker told reporters. "
    '"It is a fair plan," Baker said.'
)
DE_HTML = (
    "<html><head><title>Schule</title></head><body><article><p>Die Schule werde im Herbst "
    "saniert, teilte Schulleiterin Maria Roth am Mittwoch mit. „Wir freuen uns“, sagte "
    "Roth den Eltern.</p></article></body></html>"
)
EN_WARC = (
    "<html><body><article><p>The mayor said the bridge would reopen in May after repairs. "
    '"We are on schedule," said Mayor Linda Fox on Thursday.</p></article></body></html>'
)
DE_WARC = (
    "<html><body><article><p>Die Polizei teilte mit, der Verkehr rolle wieder normal. "
    "Ein Sprecher sagte, die Straße sei seit dem Morgen frei.</p></article></body></html>"
)
DE_PARQUET = (
    "Der Verband erklärte am Freitag, die Preise würden im nächsten Jahr steigen. "
    "„Das ist unvermeidlich“, sagte Verbandschef Klaus Weber."
)


def _warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        body = html.encode()
        http = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        rec = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http
        )
        writer.write_record(rec)
    return out.getvalue()


def _corpus(root: Path) -> list[str]:
    """JSONL (a repeat, an empty text), a text and HTML folder, a WARC.gz, a Parquet."""
    root.mkdir()
    records = [
        {"text": DE_FULL, "url": "https://a.example/1", "published": "2024-03-04"},
        {"text": DE_SHORT, "url": "https://b.example/1", "published": "2024-03-05"},
        {"text": EN_TALKS, "url": "https://c.example/1", "published": "2024-04-01"},
        {"text": "  "},
        {"text": DE_FULL, "url": "https://d.example/copy"},
    ]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    (root / "news.jsonl").write_text(lines + "\n", encoding="utf-8")
    folder = root / "notes"
    folder.mkdir()
    (folder / "a.txt").write_text(EN_NOTE, encoding="utf-8")
    (folder / "b.html").write_text(DE_HTML, encoding="utf-8")
    (folder / ".hidden.txt").write_text("not read", encoding="utf-8")
    pages = [("https://e.example/bridge", EN_WARC), ("https://f.example/verkehr", DE_WARC)]
    (root / "crawl.warc.gz").write_bytes(_warc(pages))
    table = pa.table({"text": [DE_PARQUET], "title": ["Preise"], "published": ["2024-05-10"]})
    pq.write_table(table, root / "extra.parquet")
    # dated articles first, in month order, so that the input order is the order
    # `sayso load` stores them in (month by month)
    return [str(root / "news.jsonl"), str(root / "extra.parquet"), str(folder),
            str(root / "crawl.warc.gz")]  # fmt: skip


def _documents(inputs: list[str], out: Path) -> list[Document]:
    """The documents of the input in order, as ingest reads them; the Parquet file's by
    ingest's record reader (ingest itself reads no Parquet), named as Spark names it."""
    from sayso.ingest.records import record_document

    docs: list[Document] = []
    for source in inputs:
        if source.endswith(".parquet"):
            row = pq.read_table(source).to_pylist()[0]
            doc = record_document(row, source, IngestOptions())
            assert isinstance(doc, Document)
            spark_source = {d["id"]: d["source"] for d in _table(out, "documents")}[doc.id]
            docs.append(dataclasses.replace(doc, source=spark_source))
        else:
            docs += [x for x in read_sources([source]) if isinstance(x, Document)]
    return docs


def _table(out: Path, name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = (
        ds.dataset(str(out / name), format="parquet", partitioning="hive").to_table().to_pylist()
    )
    return rows


def _files(out: Path) -> list[str]:
    tables = ("documents", "statements", "actors", "relations", "errors")
    return sorted(str(p) for t in tables for p in (out / t).rglob("*.parquet"))


@pytest.fixture(scope="module")
def run(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The corpus and one run of the job on it (three files per batch: two batches)."""
    base = tmp_path_factory.mktemp("spark")
    inputs = _corpus(base / "in")
    out = base / "out"
    options = job.SparkOptions(files_per_batch=3, partitions=3)
    summary = job.run(spark, inputs, str(out), options)
    return {"base": base, "inputs": inputs, "out": out, "summary": summary, "options": options}


def test_spark_job_statements_equal_analyze_per_document(run: dict[str, Any]) -> None:
    out: Path = run["out"]
    documents = {d["id"]: d for d in _table(out, "documents")}
    read = _documents(run["inputs"], out)
    expected = {x.id: x for x in unique(read) if isinstance(x, Document)}
    assert set(documents) == set(expected)  # every document once, the repeat dropped
    statements = _table(out, "statements")
    for doc_id, doc in expected.items():
        analysis = sayso.analyze(
            doc.text, doc.lang, title=doc.title, url=doc.url, published=doc.published
        )
        got = sorted((s for s in statements if s["document_id"] == doc_id),
                     key=lambda s: s["local_id"])  # fmt: skip
        want = sorted(analysis.statements, key=lambda s: s.id)
        assert [(s["local_id"], s["content"], s["speaker"], s["cue"], s["form"]) for s in got] == [
            (s.id, analysis.spans_text(s.content), analysis.spans_text(s.speaker) or None,
             analysis.spans_text(s.cue) or None, s.form.value)
            for s in want
        ]  # fmt: skip
        stored = json.loads(documents[doc_id]["analysis"])
        assert stored == {k: v for k, v in analysis.to_dict().items() if k != "text"}
    months = {d["month"] for d in documents.values()}
    assert {"2024-03", "2024-04", "2024-05", "unknown"} <= months
    summary = run["summary"]
    assert summary.codes == {"E029": 1} and summary.skipped == 1
    assert summary.documents == len(expected) and summary.batches == 2


def _ledger_rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """The ledger's rows without the columns a run sets anew (times, run ids)."""
    queries = {
        "documents": "SELECT id, url, version, title, author, published, published_date, site, "
        "lang, text, source, meta, statement_count, analysis FROM documents ORDER BY id",
        "statements": "SELECT document_id, local_id, content, speaker, cue, actor_id, chain, "
        "claim_id, framing, rules FROM statements ORDER BY document_id, local_id",
        "document_actors": "SELECT document_id, local_id, actor_id, name, kind, role, mentions, "
        "match_rule, match_score FROM document_actors ORDER BY document_id, local_id",
        "actors": "SELECT id, name, key, kind, role, aliases, surname FROM actors ORDER BY id",
        "claims": "SELECT id, key, text, lang, appearances, first_seen, last_seen FROM claims "
        "ORDER BY id",
        "relations": "SELECT document_id, local_id, kind, source_id, target_id, confidence "
        "FROM relations ORDER BY document_id, local_id",
        "errors": "SELECT source, url, code, message FROM errors ORDER BY source, code",
    }
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {name: [tuple(r) for r in conn.execute(text(q))] for name, q in queries.items()}
    finally:
        engine.dispose()


def test_spark_load_gives_the_ledger_rows_of_ingest(run: dict[str, Any]) -> None:
    base: Path = run["base"]
    loaded, ingested = f"sqlite:///{base / 'loaded.db'}", f"sqlite:///{base / 'ingested.db'}"
    with Ledger.open(loaded) as ledger:
        first = load(ledger, run["out"])
        again = load(ledger, run["out"])
    with Ledger.open(ingested) as ledger:
        ledger_summary = ledger.ingest(_documents(run["inputs"], run["out"]))
    assert first.added == ledger_summary.added and first.failed == 1
    assert (again.added, again.failed, again.duplicates) == (0, 0, first.added)
    got, want = _ledger_rows(loaded), _ledger_rows(ingested)
    del got["errors"], want["errors"]  # ingest's own error rows come from its readers
    assert got == want


def test_spark_rerun_on_the_same_input_adds_nothing(
    run: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    from sayso.cli.main import main

    out: Path = run["out"]
    before = _files(out)
    # through the command line this time (the session of the tests is the active one)
    argv = ["spark", *run["inputs"], "--output", str(out), "--files-per-batch", "3"]
    assert main(argv) == 0
    err = capsys.readouterr().err
    n = len(_table(out, "documents"))
    assert f"0 documents analysed, 0 statements, {n + 1} skipped as already there" in err
    assert ", 0 errors" in err  # the empty record's error row is there already
    assert _files(out) == before


def test_spark_a_staged_batch_is_finished_by_the_next_run(
    spark: Any, run: dict[str, Any], tmp_path: Path
) -> None:
    from sayso.spark.tables import STAGING, Output

    out = tmp_path / "out"
    # a run that stopped after staging a batch: its files are under _staging only (here
    # the documents and statements of the first run)
    output = Output(spark, str(out))
    done = {t: spark.read.parquet(str(run["out"] / t)) for t in ("documents", "statements")}
    tables = done | {t: done["documents"].limit(0) for t in ("errors", "relations", "actors")}
    output.stage("stopped", tables, frozenset({"errors", "relations", "actors"}))
    assert (out / STAGING / "stopped").is_dir()
    said: list[str] = []
    summary = job.run(
        spark, [run["inputs"][0]], str(out), job.SparkOptions(link=False), said.append
    )
    assert summary.recovered == 1 and any(errors.W112.code in s for s in said)
    assert not (out / STAGING).exists()
    ids = [d["id"] for d in _table(out, "documents")]
    assert len(ids) == len(set(ids)) == len(_table(run["out"], "documents"))
    assert summary.documents == 0  # the staged batch had them all


def test_spark_links_names_and_claims_across_documents(run: dict[str, Any]) -> None:
    out: Path = run["out"]
    links = {r["ref"]: r for r in _table(out, "actor_links")}
    full = f"person:{identity.name_key('Wolodymyr Selenskyj')}"
    short = f"person:{identity.name_key('Selenskyj')}"
    assert short in links and full in links
    assert links[short]["actor_id"] == full and links[short]["match_rule"] == "identity.surname"
    # "Zelensky" has the key of "Selenskyj": the same actor id in the statements already
    assert identity.name_key("Zelensky") == identity.name_key("Selenskyj")
    claims = _table(out, "claims")
    contents = {s["claim_id"]: s["content"] for s in _table(out, "statements")}
    army = [c for c in claims if "armee" in c["text"]]
    assert len(army) == 2 and len({c["claim_id"] for c in army}) == 1
    assert {c["match_rule"] for c in army} == {"identity.claim.key", "identity.claim.similar"}
    assert all(c["claim_key"] in contents for c in claims)


def test_spark_an_input_that_is_not_there_is_e242(spark: Any, tmp_path: Path) -> None:
    with pytest.raises(sayso.errors.SaysoError) as info:
        job.run(spark, [str(tmp_path / "no-such.jsonl")], str(tmp_path / "out"))
    assert info.value.code == "E242" and "no-such.jsonl" in str(info.value)
