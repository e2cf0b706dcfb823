"""Where a server process computes its requests.

Reads of the ledger run on ``WebSettings.threads`` threads (by default two on SQLite, eight
on PostgreSQL, whose queries run in the server's processes), not on the 40 of the ASGI
stack: SQLite's driver releases the interpreter lock at every row it steps, and many
threads handing it back and forth spent as much CPU in the hand-over as in the requests
(20 clients on a million statements: 20 ms of CPU an API request, half of it in the
kernel, against 10 ms on one thread). Two threads keep the hand-over rare
and still let SQLite rank one full-text query on the second core while Python renders
another page: on two cores the API answered 250-280 requests a second, against 125-150
on 40 threads and 130 on one. More cores serve more readers as more processes
(``sayso serve --workers N``). The event loop stays free: answers from the response
cache are never queued behind a computed page (static files are: Starlette looks them up
on the same threads, a stat call each).

Analyses (Analyze, adding a document) take a second of CPU each: they run on threads of
their own (``WebSettings.analysis_threads``), so a reader's search is not queued behind
somebody's pasted article.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import FastAPI, Request

T = TypeVar("T")


def configure(app: FastAPI) -> None:
    """Size the process's thread pool for reads (called in the running event loop: the
    pool and the limiters belong to it)."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = max(1, app.state.threads)
    app.state.analysis_limiter = CapacityLimiter(max(1, app.state.settings.web.analysis_threads))


async def analysis(request: Request, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` on an analysis thread. (A URL's fetch holds one too, up to
    ingest's timeout.)"""
    limiter = getattr(request.app.state, "analysis_limiter", None)
    if limiter is None:  # served without its lifespan (a test client, a mounted sub-app):
        # its own analysis threads, and the loop's read threads left as the host has them
        limiter = request.app.state.analysis_limiter = CapacityLimiter(
            max(1, request.app.state.settings.web.analysis_threads)
        )
    return await anyio.to_thread.run_sync(functools.partial(fn, *args, **kwargs), limiter=limiter)
