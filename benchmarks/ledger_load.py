"""Bulk-loading the synthetic ledger of ``ledger_synth`` into the real schema, after
``Ledger.open`` has run the migrations: executemany on SQLite, COPY on PostgreSQL, then
ANALYZE; and the checks that the loaded ledger is whole."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from ledger_synth import Data
from sayso.ledger import Ledger


def _cols(block: str) -> list[str]:
    return block.split()


# the tables' columns, in the order of the generator's row tuples
DOC_COLS = _cols(
    """id url version title author published published_date site lang text source meta ingested_at
    run_id statement_count analysis"""
)
ACTOR_COLS = _cols("""id name key kind role aliases first_seen surname merged_into""")
DA_COLS = _cols("""document_id local_id actor_id name kind role mentions match_rule match_score""")
ST_COLS = _cols(
    """id document_id local_id lang form medium content content_spans speaker cue actor_id chain
    parent confidence hearsay hedged stance confirmation framing rules claim_id published_date"""
)
REL_COLS = _cols(
    """id document_id local_id kind source_id target_id target_actor_id confidence reason evidence
    rules"""
)
CLAIM_COLS = ["id", "key", "text", "lang", "appearances", "first_seen", "last_seen"]
RUN_COLS = _cols(
    """id started_at finished_at note added new_versions duplicates failed statements"""
)
JSON_COLS = {
    "documents": {"meta", "analysis"},
    "actors": {"aliases"},
    "document_actors": {"mentions"},
    "statements": {"content_spans", "chain", "framing", "rules"},
    "relations": {"evidence", "rules"},
}


def _rows(
    rows: Sequence[tuple[Any, ...]], cols: Sequence[str], table: str, sqlite: bool
) -> Iterator[tuple[Any, ...]]:
    """Rows with JSON columns serialised (and, for SQLite, dates and times as SQLAlchemy
    writes them: ISO text, naive UTC, booleans as 0/1)."""
    json_at = [i for i, c in enumerate(cols) if c in JSON_COLS.get(table, ())]
    for row in rows:
        out = list(row)
        for i in json_at:
            if out[i] is not None:
                out[i] = json.dumps(out[i], ensure_ascii=False)
        if sqlite:
            for i, v in enumerate(out):
                if isinstance(v, dt.datetime):
                    out[i] = v.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ")
                elif isinstance(v, dt.date):
                    out[i] = v.isoformat()
                elif isinstance(v, bool):
                    out[i] = int(v)
        yield tuple(out)


TABLES: list[tuple[str, str, tuple[str, ...] | list[str]]] = [
    ("runs", "run", RUN_COLS),
    ("actors", "actors", ACTOR_COLS),
    ("claims", "claims", CLAIM_COLS),
    ("documents", "documents", DOC_COLS),
    ("document_actors", "document_actors", DA_COLS),
    ("statements", "statements", ST_COLS),
    ("relations", "relations", REL_COLS),
]


def _band_chunks(data: Data, size: int = 5000) -> Iterator[list[tuple[int, int]]]:
    """The claims' LSH band rows (16 per claim), as ingest writes them, a chunk of claims
    at a time (12 M rows for a million statements: not held in memory at once)."""
    from sayso.ledger.claims import fingerprints

    for i in range(0, len(data.claims), size):
        chunk = data.claims[i : i + size]
        prints = fingerprints([row[2] for row in chunk])
        yield [
            (band, row[0])
            for row, fp in zip(chunk, prints, strict=True)
            for band in sorted(set(fp.bands))
        ]


def _table_rows(data: Data, attr: str) -> Sequence[tuple[Any, ...]]:
    rows: Any = getattr(data, attr)
    return [rows] if attr == "run" else rows


def load_sqlite(url: str, data: Data) -> None:
    engine = create_engine(url)
    raw = engine.raw_connection()
    con: Any = raw.driver_connection
    con.isolation_level = None
    con.execute("PRAGMA synchronous = OFF")
    # one big transaction: a rollback journal, not a WAL file growing to the whole database
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("BEGIN")
    for table, attr, cols in TABLES:
        t0 = time.perf_counter()
        rows = _table_rows(data, attr)
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        batch: list[tuple[Any, ...]] = []
        for row in _rows(rows, cols, table, sqlite=True):
            batch.append(row)
            if len(batch) >= 10_000:
                con.executemany(sql, batch)
                batch.clear()
        if batch:
            con.executemany(sql, batch)
        print(f"    {table}: {len(rows):,} rows in {time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    bands = 0
    for chunk in _band_chunks(data):
        con.executemany("INSERT INTO claim_bands (band, claim_id) VALUES (?, ?)", chunk)
        bands += len(chunk)
    print(f"    claim_bands: {bands:,} rows in {time.perf_counter() - t0:.1f} s", flush=True)
    con.execute("COMMIT")
    t0 = time.perf_counter()
    con.execute("ANALYZE")
    print(f"    ANALYZE {time.perf_counter() - t0:.1f} s", flush=True)
    con.execute("PRAGMA journal_mode = WAL")  # as the ledger runs it
    raw.close()
    engine.dispose()


def load_postgresql(url: str, data: Data) -> None:
    engine = create_engine(url)
    raw = engine.raw_connection()
    con: Any = raw.driver_connection
    with con.cursor() as cur:
        cur.execute("SET maintenance_work_mem = '1GB'")
        cur.execute("SET synchronous_commit = off")
        # the GIN index is built once after the load, not maintained row by row
        cur.execute("DROP INDEX IF EXISTS ix_statements_search")
        for table, attr, cols in TABLES:
            t0 = time.perf_counter()
            rows = _table_rows(data, attr)
            with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in _rows(rows, cols, table, sqlite=False):
                    copy.write_row(row)
            print(f"    {table}: {len(rows):,} rows in {time.perf_counter() - t0:.1f} s",
                  flush=True)  # fmt: skip
        t0 = time.perf_counter()
        bands = 0
        # the key's index built once, sorted, after the rows are in (as migration 0005
        # does): maintained row by row, 12 M random keys left it half empty and 70 % larger
        cur.execute("ALTER TABLE claim_bands DROP CONSTRAINT pk_claim_bands")
        with cur.copy("COPY claim_bands (band, claim_id) FROM STDIN") as copy:
            for chunk in _band_chunks(data):
                for row in chunk:
                    copy.write_row(row)
                bands += len(chunk)
        cur.execute(
            "ALTER TABLE claim_bands ADD CONSTRAINT pk_claim_bands PRIMARY KEY (band, claim_id)"
        )
        print(f"    claim_bands: {bands:,} rows in {time.perf_counter() - t0:.1f} s", flush=True)
        t0 = time.perf_counter()
        cur.execute("CREATE INDEX ix_statements_search ON statements USING gin (search)")
        print(f"    GIN index {time.perf_counter() - t0:.1f} s", flush=True)
        for table in ("runs", "actors", "claims", "statements", "relations"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
    con.commit()
    con.autocommit = True
    t0 = time.perf_counter()
    with con.cursor() as cur:
        cur.execute("VACUUM ANALYZE")
    print(f"    VACUUM ANALYZE {time.perf_counter() - t0:.1f} s", flush=True)
    raw.close()
    engine.dispose()


def check(ledger: Ledger, n: int) -> None:
    """The loaded ledger is whole: counts, full-text index, a document's analysis."""
    stats = ledger.stats()
    assert stats["statements"] == n, stats
    with ledger.engine.connect() as conn:
        if ledger.dialect == "sqlite":
            t0 = time.perf_counter()
            conn.exec_driver_sql(
                "INSERT INTO statements_fts(statements_fts, rank) VALUES('integrity-check', 1)"
            )
            print(f"    FTS5 integrity-check against statements: ok "
                  f"({time.perf_counter() - t0:.1f} s)")  # fmt: skip
        else:
            empty = conn.execute(text("SELECT count(*) FROM statements WHERE search IS NULL"))
            assert empty.scalar() == 0
        doc_id = conn.execute(text("SELECT id FROM documents LIMIT 1")).scalar()
    analysis = ledger.analysis(str(doc_id))
    assert analysis.statements and analysis.spans_text(analysis.statements[0].content)
    print(f"    {stats['documents']:,} documents, {stats['actors']:,} actors, "
          f"{stats['statements']:,} statements; a stored analysis round-trips")  # fmt: skip


def db_size(ledger: Ledger, path: Path | None) -> int:
    if path is not None:
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    with ledger.engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())
