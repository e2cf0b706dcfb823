"""The ledger: many analyses in one database (SQLite by default, PostgreSQL by URL).

    from sayso.ledger import Ledger

    with Ledger.open() as ledger:          # $SAYSO_DB, else sqlite:///sayso.db
        ledger.add({"url": url, "site": "tagesschau.de"}, sayso.analyze(text))
        ledger.search("Sanktionen", lang="de")
        ledger.statements(speaker="Scholz", framing="hearsay", since="2024-01-01")

Tables and columns: ``sayso.ledger.schema``; full-text search: ``sayso.ledger.fulltext``.
"""

from sayso.ledger.chains import ChainRecord
from sayso.ledger.query import StatementQuery
from sayso.ledger.records import (
    ActorRecord,
    AddResult,
    DocumentRecord,
    ErrorRecord,
    RunSummary,
    StatementRecord,
)
from sayso.ledger.store import (
    DEFAULT_URL,
    ENV_VAR,
    FRAMING_LABELS,
    Ledger,
    actor_key,
    content_hash,
    resolve_actor,
)

__all__ = [
    "DEFAULT_URL",
    "ENV_VAR",
    "FRAMING_LABELS",
    "ActorRecord",
    "AddResult",
    "ChainRecord",
    "DocumentRecord",
    "ErrorRecord",
    "Ledger",
    "RunSummary",
    "StatementQuery",
    "StatementRecord",
    "actor_key",
    "content_hash",
    "resolve_actor",
]
