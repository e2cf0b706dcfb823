"""Articles written for the ledger tests, and the helpers that store them."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import func, select

import sayso
from sayso.ledger import Ledger, schema
from sayso.model import Analysis

DE_1 = (
    "„Die Sanktion bleibt bestehen“, sagte Außenministerin Petra Lindner am Montag in "
    "Brüssel. Die Regierung soll bereits neue Maßnahmen geplant haben. Möglicherweise "
    "werde der Zoll erhöht, sagte ein Sprecher."
)
DE_2 = (
    "„Wir brauchen mehr Sanktionen“, sagte Petra Lindner am Mittwoch. Laut dem Magazin "
    "Der Spiegel will die Kommission die Zölle senken."
)
EN_1 = (
    '"The sanctions will stay in place," Foreign Minister John Carter said on Tuesday. '
    "According to officials, the talks have reportedly collapsed."
)
EN_2 = (
    'John Carter denied the report. "We are negotiating in good faith," he said. '
    "The company claimed that the factory was safe."
)


@cache
def analysed(text: str) -> Analysis:
    return sayso.analyze(text)


def add(ledger: Ledger, text: str, **fields: Any) -> Any:
    return ledger.add(fields, analysed(text))


def fill(ledger: Ledger) -> None:
    """Four articles from three outlets on four days."""
    add(ledger, DE_1, url="https://de.example/1", site="Tagesblatt", published="2024-03-04")
    add(ledger, DE_2, url="https://de.example/2", site="Abendpost", published="2024-03-06")
    add(ledger, EN_1, url="https://en.example/1", site="Daily Ledger", published="2024-03-05")
    add(
        ledger,
        EN_2,
        url="https://en.example/2",
        site="Daily Ledger",
        published="Fri, 08 Mar 2024 09:30:00 +0000",
    )


def table_counts(ledger: Ledger) -> dict[str, int]:
    with ledger.session() as session:
        return {
            name: session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in schema.metadata.tables.items()
        }
