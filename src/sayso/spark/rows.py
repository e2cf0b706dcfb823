"""What an executor makes of one document: the rows of the five tables, built by the
ledger's own row functions (:mod:`sayso.ledger.writer`), so that every column is the
ledger's. Plain Python without Spark: the job maps these functions over partitions, and
the tests call them directly.

The ledger's ids are integers allocated by the database; here they are content keys that
any executor computes alone and that stay the same on every run:

* a document: its content hash (as in the ledger);
* a statement or relation: ``"<document id>:<local id>"``;
* an actor: ``"<kind>:<identity key>"``, the key of :func:`sayso.ledger.resolve.actor_identity`
  (the phonetic key without titles that the ledger links spellings by: "Selenskyj" and
  "Zelensky" have one); names linked by the other rules (a surname, a typo) are grouped
  by :mod:`sayso.spark.link` across the whole output;
* a claim: the fingerprint key of the content (:func:`sayso.ledger.claims.fingerprints`),
  with its MinHash bands in ``claim_bands`` for the linking step.

JSON columns of the ledger (a document's analysis and meta, a statement's framing) are JSON
text; spans stay lists of ``[start, end]``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from sayso import errors
from sayso.ingest.document import Document
from sayso.ledger import claims
from sayso.ledger.resolve import actor_identity
from sayso.ledger.workers import Failure, analyse_with_alarm
from sayso.ledger.write import label, pending, titles
from sayso.ledger.writer import document_actor_row, document_row, relation_row, statement_row
from sayso.model import Analysis
from sayso.settings import DEFAULT, Settings

#: the tables of a ``sayso spark`` output, in the order a batch writes them: documents last,
#: as they are what a later run checks for "already done"
TABLES = ("errors", "relations", "actors", "statements", "documents")
#: the partition of a document without a publication date
NO_MONTH = "unknown"

Row = tuple[str, dict[str, Any]]  # (table, row)


def month(day: dt.date | None) -> str:
    """The partition of a document published on ``day``: ``"2024-05"``, or ``"unknown"``."""
    return NO_MONTH if day is None else f"{day.year:04d}-{day.month:02d}"


def _json(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode("utf-8")


def actor_ref(kind: str, key: str) -> str:
    """An actor's id in the tables: its kind and identity key."""
    return f"{kind}:{key}"


def document_rows(
    doc: Document, analysis: Analysis, settings: Settings = DEFAULT, position: str = ""
) -> list[Row]:
    """The rows of one analysed document: its document, actors, statements and relations;
    ``position`` its place in the input (the order ``sayso load`` stores documents in)."""
    p = pending(doc, analysis)
    part = month(p.day)
    lang_titles = titles(p.lang)
    out: list[Row] = []
    ids: dict[str, str] = {}
    for actor in sorted(analysis.actors, key=lambda a: a.id):
        kind, key, surname, local = actor_identity(actor, lang_titles, p.doc_id, p.lang)
        ids[actor.id] = actor_ref(kind, key)
        row = document_actor_row(p, actor, ids[actor.id], "identity.key", 1.0)
        row.update(key=key, surname=surname, local=local, lang=p.lang, month=part)
        out.append(("actors", row))
    contents = [analysis.spans_text(s.content) for s in analysis.statements]
    prints = claims.fingerprints(contents, settings.ledger.claim_min_words)
    for s, content, fp in zip(analysis.statements, contents, prints, strict=True):
        row = statement_row(p, s, content, ids, fp.key)
        row.update(
            id=f"{p.doc_id}:{s.id}",
            framing=_json(row["framing"]),
            claim_text=fp.text,
            claim_bands=list(fp.bands),
            month=part,
        )
        out.append(("statements", row))
    for r in analysis.relations:
        row = relation_row(p, r, lambda local: f"{p.doc_id}:{local}", ids)
        row.update(id=f"{p.doc_id}:{r.id}", month=part)
        out.append(("relations", row))
    row = document_row(p, None, None)
    row.update(
        analysis=_json(row["analysis"]), meta=_json(row["meta"]), month=part, position=position
    )
    out.append(("documents", row))
    return out


def error_row(source: str | None, url: str | None, code: str, message: str) -> Row:
    """An ``errors`` row; its ``key`` (source, code and message hashed) lets a re-run of
    the same input add no second row for the same failure."""
    digest = hashlib.sha256(f"{source}\x00{url}\x00{code}\x00{message}".encode()).hexdigest()
    row = {
        "key": digest,
        "source": source,
        "url": url,
        "code": code,
        "message": message,
        "at": dt.datetime.now(dt.UTC),
    }
    return ("errors", row)


def analyse_one(doc: Document, settings: Settings, budget: float, position: str = "") -> list[Row]:
    """The rows of ``doc``, or one error row: a document that fails (a coded error, a bug,
    its ``budget`` of seconds spent: E035) never fails the job."""
    from sayso.ledger.runner import analyse_document

    result = analyse_with_alarm(lambda d: analyse_document(d, settings), doc, budget)
    if isinstance(result, Failure):
        return [error_row(label(doc), doc.url, result.code, result.message)]
    try:
        return document_rows(doc, result, settings, position)
    except Exception as exc:  # a row that cannot be built costs only its document
        detail = errors.E203.format(kind=type(exc).__name__, source=label(doc), detail=exc)
        return [error_row(label(doc), doc.url, errors.E203.code, f"E203: {detail}")]


def analyse_items(
    items: Iterable[dict[str, Any]], settings: Settings = DEFAULT, budget: float = 0.0
) -> Iterator[Row]:
    """An executor's partition: documents (``Document.to_dict()``) become their rows,
    errors of the readers (``{"error": …}``) error rows. The models load on the first
    document of the Python worker and stay loaded for its next partitions."""
    for item in items:
        if "error" in item:
            e = item["error"]
            yield error_row(e["source"], e.get("url"), e["code"], e["message"])
            continue
        yield from analyse_one(Document.from_dict(item), settings, budget, item.get("_pos", ""))
