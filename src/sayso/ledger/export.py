"""Exports of the ledger's statements: JSON lines, CSV, Parquet.

One row per statement with its document's URL, outlet and date, the speaker (as written
and the ledger actor's name), the source chain as names ("Washington Post > Minister"),
form, framing labels and the words behind them, the sentence around the statement, claim
and content; the ids (``actor_id``, ``chain_ids``, ``claim_id``) stay as columns of their
own for joins. Rows are read page by page, so a ledger of millions of statements is
exported in constant memory (Parquet in row groups).

CSV comes in two dialects: plain (RFC 4180: commas, CRLF, UTF-8) and ``excel=True`` for
spreadsheets set to a German locale, which read a comma as the decimal separator and a
file without a byte-order mark as Windows-1252: semicolons, CRLF and a UTF-8 BOM. In that
dialect a cell that a spreadsheet would run as a formula (one starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return: an article quoting "=HYPERLINK(…)" is data, not a
formula) starts with an apostrophe; the plain dialect keeps every value as stored.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sayso import errors
from sayso.errors import SaysoError
from sayso.ledger.export_fields import Namer
from sayso.ledger.query import StatementQuery
from sayso.ledger.records import StatementRecord
from sayso.ledger.store import Ledger

FORMATS = ("jsonl", "csv", "parquet")
PAGE = 5000
COLUMNS = (
    "id", "document_id", "local_id", "url", "title", "site", "published", "published_date",
    "lang", "form", "medium", "speaker", "cue", "actor", "actor_kind", "chain", "content",
    "sentence", "framing", "framing_words", "confidence", "hearsay", "hedged", "stance",
    "confirmation", "claim_id", "actor_id", "chain_ids", "corrections",
)  # fmt: skip
#: the spreadsheet dialect of ``excel=True`` (see the module doc)
EXCEL = {"delimiter": ";", "lineterminator": "\r\n"}
#: the first characters with which a spreadsheet cell is read as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with every text value that a spreadsheet would evaluate as a formula made
    plain text by a leading apostrophe (CSV injection)."""
    return {
        k: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v
        for k, v in row.items()
    }


def rows(ledger: Ledger, where: StatementQuery | None = None) -> Iterator[dict[str, Any]]:
    """Every statement ``where`` selects (its page aside; see ``Ledger.statements``) as a
    flat dict of :data:`COLUMNS`."""
    where = where or StatementQuery()
    offset = 0
    with ledger.engine.connect() as conn:
        namer = Namer(conn)
        while True:
            page = ledger.statements(where.page(PAGE, offset))
            for r, names in zip(page, namer.page(page), strict=True):
                yield _flat(r, names)
            if len(page) < PAGE:
                return
            offset += PAGE


def _flat(r: StatementRecord, names: dict[str, Any]) -> dict[str, Any]:
    d = r.to_dict()
    out = {k: d.get(k) for k in COLUMNS}
    out.update(names)
    out["chain_ids"] = json.dumps(list(r.chain))
    out["framing"] = ",".join(r.framing)
    return out


def export(
    ledger: Ledger,
    fmt: str,
    out: str | Path | IO[str],
    where: StatementQuery | None = None,
    *,
    excel: bool = False,
    **filters: Any,
) -> int:
    """Write the statements ``where`` selects (or those matching the ``filters`` of
    ``Ledger.statements``) to ``out`` (a path, or a text stream for jsonl/csv); returns
    the number of rows. ``excel``: CSV for spreadsheets (semicolons,
    CRLF, UTF-8 byte-order mark). Parquet needs pyarrow (``pip install 'sayso[parquet]'``)."""
    query = where or StatementQuery()
    if filters:
        query = dataclasses.replace(query, **filters)
    if fmt not in FORMATS:
        raise SaysoError(errors.E010, fmt=fmt, choices=", ".join(FORMATS))
    if excel and fmt != "csv":
        raise SaysoError(errors.E206, detail=f"the spreadsheet dialect is CSV, not {fmt}")
    if fmt == "parquet":
        return _parquet(rows(ledger, query), out)
    stream: IO[str]
    close = False
    if isinstance(out, str | Path):
        stream = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed below)
        close = True
    else:
        stream = out
    if excel:
        stream.write("\ufeff")  # the byte-order mark: spreadsheets then read UTF-8
    n = 0
    try:
        if fmt == "jsonl":
            for row in rows(ledger, query):
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
        else:
            dialect: dict[str, Any] = EXCEL if excel else {}
            writer = csv.DictWriter(stream, fieldnames=COLUMNS, **dialect)
            writer.writeheader()
            for row in rows(ledger, query):
                writer.writerow(inert(row) if excel else row)
                n += 1
    finally:
        if close:
            stream.close()
    return n


def _parquet(items: Iterator[dict[str, Any]], out: str | Path | IO[str]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise SaysoError(errors.E206, detail="pyarrow is not installed") from exc
    if not isinstance(out, str | Path):
        raise SaysoError(errors.E206, detail="Parquet needs a file path (--out FILE)")
    names = COLUMNS
    writer = None
    n = 0
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer
        table = pa.Table.from_pylist(batch, schema=schema)
        if writer is None:
            writer = pq.ParquetWriter(str(out), schema)
        writer.write_table(table)
        batch.clear()

    schema = pa.schema(
        [
            (k, pa.int64() if k in ("id", "actor_id", "claim_id") else
             pa.float64() if k == "confidence" else
             pa.bool_() if k in ("hearsay", "hedged") else pa.string())
            for k in names
        ]
    )  # fmt: skip
    for row in items:
        if row.get("published_date") is not None:
            row["published_date"] = str(row["published_date"])
        batch.append(row)
        n += 1
        if len(batch) >= PAGE:
            flush()
    if batch or writer is None:
        flush()
    if writer is not None:
        writer.close()
    return n
