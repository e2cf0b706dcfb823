"""The ASGI application: :func:`create_app` wires the ledger, the security headers, the
request size limit, the coded JSON errors and the two routers (pages, ``/api/v1``)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from sayso import errors
from sayso.errors import SaysoError
from sayso.ledger import Ledger
from sayso.settings import DEFAULT, Settings
from sayso.web.cache import ResponseCache
from sayso.web.guard import Guard

_log = logging.getLogger("sayso.web")

#: the HTTP status of a coded error (others: 400)
STATUS = {
    "E220": 401,
    "E221": 403,
    "E223": 413,
    "E003": 413,
    "E224": 404,
    "E202": 404,
    "E210": 404,
    "E205": 409,
    "E026": 502,
    "E027": 504,
    "E201": 503,
    "E207": 503,
    "E019": 500,
}

#: the largest request body accepted by default (an article of JSON, generously)
MAX_BODY = 2_000_000


@dataclass(frozen=True, slots=True)
class WebConfig:
    """What the routers need besides the ledger."""

    token: str | None = None
    max_body: int = MAX_BODY
    allow_private_hosts: bool = False
    public_read: bool = False

    @property
    def writable(self) -> bool:
        return self.token is not None


def create_app(
    ledger_url: str | None = None,
    *,
    token: str | None = None,
    settings: Settings = DEFAULT,
    max_body: int = MAX_BODY,
    allow_private_hosts: bool = False,
    public_read: bool = False,
    ledger: Ledger | None = None,
    cache_entries: int | None = None,
    threads: int | None = None,
) -> FastAPI:
    """The web view and REST API over the ledger at ``ledger_url`` (None: ``$SAYSO_DB``
    or ``sqlite:///sayso.db``; or an open ``ledger``). Writes need ``token`` as a bearer
    token; without one the application is read-only. ``cache_entries`` (None: the
    settings') responses to reads are kept until the ledger changes (0: none);
    ``threads`` (None: the settings') requests are computed at once (see
    :mod:`sayso.web.work`)."""
    from sayso.web import api, pages

    app = FastAPI(
        title="sayso",
        version="1",
        summary="Attributed statements of the news in the ledger: who says so, on whose "
        "authority, how sure the report is, and who says otherwise.",
        docs_url=None,  # Swagger UI loads from a CDN: /api is the ledger's own docs page
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.ledger = ledger or Ledger.open(ledger_url, settings=settings)
    app.state.config = WebConfig(token, max_body, allow_private_hosts, public_read)
    app.state.settings = settings
    if threads is None:
        threads = settings.web.threads
    app.state.threads = _threads(app.state.ledger) if threads is None else max(1, threads)
    app.mount("/static", StaticFiles(packages=[("sayso.web", "static")]), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _install_handlers(app)
    web = settings.web
    app.add_middleware(
        ResponseCache,
        ledger=app.state.ledger,
        entries=web.cache_entries if cache_entries is None else cache_entries,
        entry_bytes=web.cache_entry_bytes,
        total_bytes=web.cache_bytes,
    )
    app.add_middleware(Guard, max_body=max_body)  # outermost: its headers on cached pages too
    return app


def _threads(ledger: Ledger) -> int:
    """Reads computed at once by default (``WebSettings.threads``): 2 on SQLite, whose
    queries run in this process, 8 on PostgreSQL, whose run in the server's."""
    return 2 if ledger.db.dialect == "sqlite" else 8


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    from sayso.web import work

    work.configure(app)
    yield


#: the environment variable carrying create_app's options to server worker processes
OPTIONS_VAR = "SAYSO_WEB_OPTIONS"


def from_environment() -> FastAPI:
    """The application of ``sayso serve --workers N``: each worker process builds its own
    from ``$SAYSO_DB``, ``$SAYSO_TOKEN`` and the JSON options in ``$SAYSO_WEB_OPTIONS``."""
    import json
    import os

    from sayso.web.security import TOKEN_VAR

    options = json.loads(os.environ.get(OPTIONS_VAR) or "{}")
    return create_app(None, token=os.environ.get(TOKEN_VAR) or None, **options)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(SaysoError)
    async def coded(request: Request, exc: SaysoError) -> Response:
        return error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, SaysoError(errors.E225, detail=_validation(exc)), 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            err = SaysoError(errors.E224, what="page", value=request.url.path)
        else:
            err = SaysoError(errors.E225, detail=str(exc.detail))
        return error_response(request, err, exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        # the detail goes to the server's log, not to the client
        _log.exception("unexpected error in %s %s", request.method, request.url.path)
        err = SaysoError(errors.E019, kind=type(exc).__name__, detail="see the server log")
        return error_response(request, err, 500)


def _validation(exc: RequestValidationError) -> str:
    parts = []
    for item in exc.errors()[:3]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body")
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def error_json(err: SaysoError) -> dict[str, Any]:
    return {"code": err.code, "message": err.message, "hint": err.hint}


def error_response(request: Request, err: SaysoError, status: int | None = None) -> Response:
    """The coded error as JSON (the API, or a client asking for JSON), else as a page."""
    status = status or STATUS.get(err.code, 400)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    wants_html = "text/html" in request.headers.get("accept", "")
    if request.url.path.startswith("/api/") or not wants_html:
        return JSONResponse(error_json(err), status_code=status, headers=headers)
    from sayso.web.render import render

    return render(request, "error.html", {"error": err}, status=status)
