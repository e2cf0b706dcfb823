"""Shared helpers of the CLI tests."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from sayso.cli.main import main


def ingested(factory: pytest.TempPathFactory, articles: Mapping[str, str]) -> str:
    """The URL of a SQLite ledger holding ``articles`` (file name -> text), ingested with
    ``sayso ingest`` as a user would."""
    folder = factory.mktemp("articles")
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{factory.mktemp('ledger') / 'ledger.db'}"
    assert main(["ingest", str(folder), "--db", url, "--jobs", "1", "--progress", "never"]) == 0
    return url
