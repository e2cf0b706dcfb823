"""``sayso serve``: the newsroom view, a web application and a REST API over the ledger.

Thin layers over the library: every page and endpoint asks :class:`sayso.ledger.Ledger`
or :func:`sayso.analyze` and renders what they return. :func:`create_app` builds the
ASGI application (FastAPI; the ``web`` extra); ``sayso serve`` runs it with uvicorn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(ledger_url: str | None = None, **options: Any) -> FastAPI:
    """The application over the ledger at ``ledger_url`` (see :func:`sayso.web.app.create_app`)."""
    from sayso.web.app import create_app as create

    return create(ledger_url, **options)
