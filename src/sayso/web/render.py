"""Jinja2 with autoescaping on for every template: data is text, never markup."""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from sayso.web import i18n
from sayso.web.security import safe_href


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("sayso.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["safe_href"] = safe_href
    env.filters["day"] = lambda d: d.isoformat() if d is not None else "?"
    return env


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    lang = i18n.choose(request.cookies.get(i18n.COOKIE), request.headers.get("accept-language"))
    config = request.app.state.config
    params = dict(request.query_params)

    def with_params(**changes: Any) -> str:
        merged = {**params, **{k: v for k, v in changes.items()}}
        return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})

    html = (
        environment()
        .get_template(name)
        .render(
            t=i18n.translator(lang),
            lang=lang,
            path=request.url.path,
            query=request.url.query,
            writable=config.writable,
            with_params=with_params,
            **context,
        )
    )
    return HTMLResponse(html, status_code=status)
