"""Descriptions of the ledger's tables and columns (their SQL comments), e.g. for Datasette."""

from __future__ import annotations

from typing import Any

from sayso.ledger.schema import metadata


def describe() -> dict[str, dict[str, Any]]:
    """Table and column descriptions, e.g. for a Datasette ``metadata.json``.

    ``{"documents": {"description": "...", "columns": {"id": "...", ...}}, ...}``
    """
    out: dict[str, dict[str, Any]] = {}
    for table in metadata.sorted_tables:
        out[table.name] = {
            "description": table.comment or "",
            "columns": {c.name: c.comment or "" for c in table.columns},
        }
    out["statements_fts"] = {
        "description": "SQLite only: FTS5 full-text index over statements.content and "
        "statements.speaker (rowid = statements.id), porter + unicode61 tokenizer.",
        "columns": {"content": "statements.content", "speaker": "statements.speaker"},
    }
    return out


def datasette_metadata(database: str = "sayso") -> dict[str, Any]:
    """A Datasette metadata document describing every table and column of the ledger."""
    tables = {
        name: {"description": d["description"], "columns": d["columns"]}
        for name, d in describe().items()
    }
    return {
        "title": "sayso ledger",
        "description": "Attributed statements found by sayso in news articles.",
        "databases": {database: {"tables": tables}},
    }
