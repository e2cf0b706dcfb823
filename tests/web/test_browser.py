"""The newsroom view in a real browser: Debian's chromium driven by Playwright
(``executable_path``; no browser download). Skipped with the reason when chromium or
Playwright is missing, unless ``SAYSO_REQUIRE_BROWSER=1`` (set by ``.ci/run``): then it
fails. Screenshots of the key pages go to ``$SAYSO_SCREENSHOTS`` (``docs/screenshots`` for
the README), else to a temporary folder."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TOKEN, XSS

CHROMIUM = os.environ.get("SAYSO_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _unavailable(reason: str) -> None:
    if os.environ.get("SAYSO_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required (SAYSO_REQUIRE_BROWSER=1): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (pip install -e '.[dev]')")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _unavailable(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def server(app: Any) -> Iterator[str]:
    """The application served by uvicorn on a free loopback port, in a thread."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("SAYSO_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    pg = context.new_page()
    pg.dialogs: list[str] = []  # type: ignore[misc]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_browser_search_article_actor_claim_accounts(page: Any, server: str, shots: Path) -> None:
    page.goto(f"{server}/?q=Kontrolle")
    assert page.locator("li.hit").count() >= 1
    page.screenshot(path=str(shots / "search.png"), full_page=True)
    page.locator("li.hit a.content").first.click()
    page.wait_for_url("**/documents/**")
    marks = page.locator("article.text a.mark.content")
    assert marks.count() >= 2
    marks.first.click()
    selected = page.locator("section.statement.selected")
    assert selected.count() == 1 and selected.is_visible()
    assert "Form" in selected.inner_text()
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    selected.locator("h3 a").click()
    page.wait_for_url("**/actors/*")
    assert "Anna Vogel" in page.locator("h1").inner_text()
    assert page.locator(".timeline .bar").count() >= 1
    page.screenshot(path=str(shots / "actor.png"), full_page=True)
    page.locator("li.hit a[href^='/claims/']").first.click()
    page.wait_for_url("**/claims/*")
    assert page.locator("blockquote.claim").is_visible()
    page.screenshot(path=str(shots / "claim.png"), full_page=True)
    page.goto(f"{server}/accounts?q=Kosten")
    assert page.locator("section.event").count() >= 1
    page.screenshot(path=str(shots / "accounts.png"), full_page=True)
    assert page.dialogs == []


def test_browser_language_switch(page: Any, server: str) -> None:
    page.goto(f"{server}/actors")
    page.locator("header .langs a", has_text="DE").click()
    page.wait_for_load_state()
    assert page.locator("header nav").inner_text().startswith("Suche")


def test_browser_analyze_pasted_text(page: Any, server: str, shots: Path) -> None:
    page.goto(f"{server}/analyze")
    page.fill("textarea[name=text]", "„Wir bauen weiter“, sagte die Ministerin Lea Brandt.")
    page.click("form.analyze button")
    page.wait_for_selector("section.statement")
    assert "Lea Brandt" in page.locator("aside.statements").inner_text()
    page.screenshot(path=str(shots / "analyze.png"), full_page=True)


def test_browser_xss_article_is_inert(page: Any, server: str, app: Any) -> None:
    ledger = app.state.ledger
    # Ledger.add keeps a javascript: URL as text only (meta url_text), as ingest does
    doc = next(d for d in ledger.documents() if (d.meta or {}).get("url_text") == XSS["url"])
    page.goto(f"{server}/documents/{doc.id}")
    page.locator("article.text a.mark").first.click()
    page.goto(f"{server}/?q=Versehen")
    page.goto(f"{server}/api/v1/documents/{doc.id}")
    page.goto(f"{server}/documents/{doc.id}")
    assert page.dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("b", has_text="Roth").count() == 0
    assert "<script>alert(1)</script>" in page.locator("article.text").inner_text()


def test_browser_correction_form_with_token(page: Any, server: str, app: Any) -> None:
    ledger = app.state.ledger
    doc = next(d for d in ledger.documents() if d.site == "daily.example")
    page.goto(f"{server}/documents/{doc.id}#st-s1")
    card = page.locator("#st-s1")
    card.locator("details.correct summary").click()
    card.locator("select[name=kind]").select_option("not_statement")
    card.locator("input[name=author]").fill("desk")
    card.locator("input[name=note]").fill("a headline, not a quote")
    card.locator("input[name=token]").fill(TOKEN)
    card.locator("form button").click()
    page.wait_for_url("**#st-s1")
    assert "not a statement" in page.locator("#st-s1 div.corrections").inner_text()
