"""Fixtures for the ingest tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ingest_helpers import Server, serve


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """A local HTTP server on 127.0.0.1; proxies from the environment are bypassed."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    with serve() as state:
        yield state
