"""Where a server process computes its requests (``sayso.web.work``): reads on the few
threads the settings give, analyses on threads of their own, so a reader's page is not
queued behind somebody's pasted article. Texts written for these tests."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread
import pytest
from conftest import TOKEN

from sayso.ledger import Ledger
from sayso.settings import Settings, WebSettings


def _app(tmp_path: Path, **kwargs: Any) -> Any:
    from sayso.web import create_app

    url = f"sqlite:///{tmp_path / 'work.db'}"
    Ledger.open(url).close()
    return create_app(url, token=TOKEN, **kwargs)


def test_the_server_process_computes_as_many_reads_at_once_as_the_settings_say(
    tmp_path: Path,
) -> None:
    from sayso.web import work

    settings = Settings(web=WebSettings(threads=3, analysis_threads=2))
    app = _app(tmp_path, settings=settings)
    seen: dict[str, float] = {}

    async def main() -> None:
        work.configure(app)
        seen["reads"] = anyio.to_thread.current_default_thread_limiter().total_tokens
        seen["analyses"] = app.state.analysis_limiter.total_tokens

    anyio.run(main)
    assert seen == {"reads": 3, "analyses": 2}
    assert _app(tmp_path, threads=5).state.threads == 5  # `sayso serve --threads 5`
    assert _app(tmp_path, threads=0).state.threads == 1  # never none
    assert WebSettings().threads is None  # by backend: two threads on SQLite
    assert _app(tmp_path).state.threads == 2


def test_a_read_is_answered_while_an_analysis_is_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    from sayso.web import service

    app = _app(tmp_path, threads=1)
    started, release = threading.Event(), threading.Event()
    real = service.analyze_text

    def slow_analysis(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(30)  # held until the read below was answered
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "analyze_text", slow_analysis)

    async def main() -> tuple[int, int, bool]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            analysis = asyncio.create_task(
                http.post("/api/v1/analyze", json={"text": "Anna Berg sagte, es regne."})
            )
            while not started.is_set():
                await asyncio.sleep(0.01)
            # with analyses on the single read thread this read would wait for `release`
            read = await asyncio.wait_for(http.get("/api/v1/runs"), timeout=20)
            still_running = not analysis.done()
            release.set()
            return read.status_code, (await analysis).status_code, still_running

    try:
        read_status, analysis_status, still_running = asyncio.run(main())
    finally:
        release.set()
    assert (read_status, analysis_status, still_running) == (200, 200, True)


def test_analyze_page_stores_with_the_token_only(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    text = "Die Brücke wird gesperrt. Bürgermeisterin Eva Lind sagte, die Sanierung dauere."
    writable = _app(tmp_path, threads=1)
    with TestClient(writable) as client:
        assert 'formaction="/analyze/store"' in client.get("/analyze").text
        denied = client.post("/analyze/store", data={"text": text, "token": "wrong"})
        assert denied.status_code == 401 and "E220" in denied.text
        assert client.get("/api/v1/documents").json()["items"] == []  # nothing stored
        stored = client.post(
            "/analyze/store", data={"text": text, "token": TOKEN}, follow_redirects=False
        )
        assert stored.status_code == 303
        doc = stored.headers["location"].removeprefix("/documents/")
        got = client.get(f"/api/v1/documents/{doc}").json()
        assert got["analysis"]["statements"] and "Eva Lind" in client.get(f"/documents/{doc}").text
    from sayso.web import create_app

    readonly = create_app(f"sqlite:///{tmp_path / 'work.db'}")
    with TestClient(readonly) as client:
        assert "/analyze/store" not in client.get("/analyze").text
        assert client.post("/analyze/store", data={"text": text, "token": TOKEN}).status_code == 403
