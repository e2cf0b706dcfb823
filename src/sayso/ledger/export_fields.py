"""What an export row says in words: the chain as actor names, framing labels with the
words behind them, and the sentence around the statement.

A statement row holds ids (``chain`` is a list of ledger actor ids) and offsets into its
article; a spreadsheet reader needs "Washington Post > Minister", "hearsay: soll" and the
sentence. :class:`Namer` fills them a page of rows at a time — three queries per page
(the chain's actor names, the statements' content spans and framing, their articles'
texts and sentence spans), actor names remembered across pages — so an export of
millions of statements stays a page in memory.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from sayso.ledger.records import StatementRecord
from sayso.ledger.writer import where_in

#: the separator of the chain's names, outermost source first
CHAIN_SEP = " > "
#: the longest sentence context kept (characters, each side of the content)
CONTEXT = 400
#: the framing facets and the prefix of the evidence rules behind each
_FACETS = (
    ("hearsay", "hearsay"),
    ("hedged", "hedge"),
    ("distancing", "stance"),
    ("endorsing", "stance"),
    ("confirmed", "confirmation"),
    ("unconfirmed", "confirmation"),
    ("denied", "confirmation"),
)


def _json(value: Any) -> Any:
    """A JSON column read by the driver: text on SQLite, decoded on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value


class Namer:
    """Fills the name columns of export rows (see the module doc)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.names: dict[int, str] = {}

    def page(self, records: Sequence[StatementRecord]) -> list[dict[str, Any]]:
        """The name columns of each record, in order: ``chain`` (names), ``sentence`` and
        ``framing_words``."""
        self._fetch_names({i for r in records for i in r.chain})
        spans = {
            row[0]: (_json(row[1]) or [], _json(row[2]) or {})
            for row in where_in(
                self.conn,
                "SELECT id, content_spans, framing FROM statements",
                "id",
                [r.id for r in records],
            )
        }
        docs = self._documents(sorted({r.document_id for r in records}))
        fixes = self._corrections(sorted({r.document_id for r in records}))
        out = []
        for r in records:
            content, framing = spans.get(r.id, ([], {}))
            text, sentences = docs.get(r.document_id, ("", []))
            out.append(
                {
                    "chain": CHAIN_SEP.join(self.names.get(i, f"#{i}") for i in r.chain),
                    "sentence": sentence_around(text, sentences, content),
                    "framing_words": framing_words(r.framing, framing, text),
                    "corrections": "; ".join(fixes.get((r.document_id, r.local_id), [])),
                }
            )
        return out

    def _fetch_names(self, ids: set[int]) -> None:
        missing = sorted(ids - self.names.keys())
        for row in where_in(self.conn, "SELECT id, name FROM actors", "id", missing):
            self.names[row[0]] = row[1]

    def _corrections(self, ids: list[str]) -> dict[tuple[str, str], list[str]]:
        """Readers' corrections of these documents' statements, oldest first, in words
        ("speaker: Anna Vogel (by desk, 2024-03-01: why)")."""
        from sayso.ledger.corrections import CORRECTION_COLUMNS, CorrectionRecord

        select_from = f"SELECT {', '.join(CORRECTION_COLUMNS)} FROM corrections"
        out: dict[tuple[str, str], list[str]] = {}
        found = where_in(self.conn, select_from, "document_id", ids, " ORDER BY id")
        self._fetch_names({row[4] for row in found if row[4] is not None})
        for row in found:
            if row[4] is not None and row[5] is None:
                row = (*row[:5], self.names.get(row[4]), *row[6:])
            fix = CorrectionRecord.of_row(row)
            when = str(fix.at)[:10]
            why = f": {fix.note}" if fix.note else ""
            text = f"{fix.summary()} (by {fix.author}, {when}{why})"
            out.setdefault((fix.document_id, fix.statement), []).append(text)
        return out

    def _documents(self, ids: list[str]) -> dict[str, tuple[str, list[list[int]]]]:
        if self.conn.dialect.name == "sqlite":
            select_from = "SELECT id, text, json_extract(analysis, '$.sentences') FROM documents"
        else:
            select_from = "SELECT id, text, analysis -> 'sentences' FROM documents"
        return {
            row[0]: (row[1] or "", _json(row[2]) or [])
            for row in where_in(self.conn, select_from, "id", ids)
        }


def sentence_around(text: str, sentences: Sequence[Sequence[int]], content: Sequence[Any]) -> str:
    """The sentence(s) holding a statement's content spans, on one line; the content alone
    (from the text) when the article's sentence spans are missing."""
    if not text or not content:
        return ""
    start = min(int(s[0]) for s in content)
    end = max(int(s[1]) for s in content)
    lo, hi = start, end
    for s_start, s_end in sentences:
        if s_start < end and s_end > start:  # overlaps the content
            lo, hi = min(lo, s_start), max(hi, s_end)
    lo, hi = max(lo, start - CONTEXT), min(hi, end + CONTEXT)
    return " ".join(text[lo:hi].split())


def framing_words(labels: Sequence[str], framing: dict[str, Any], text: str) -> str:
    """Each framing label with the article's words behind it: "hearsay: soll; hedged:
    möglicherweise" (a label without recorded words stands alone)."""
    parts = []
    evidence = framing.get("evidence") or []
    for label in labels:
        facet = dict(_FACETS).get(label, label)
        words = []
        for e in evidence:
            span = e.get("span")
            if str(e.get("rule", "")).startswith(f"framing.{facet}.") and span:
                words.append(" ".join(text[span[0] : span[1]].split()))
        words = [w for w in dict.fromkeys(words) if w]
        parts.append(f"{label}: {', '.join(words)}" if words else label)
    return "; ".join(parts)
