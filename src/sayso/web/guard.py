"""A plain ASGI middleware (cheaper than Starlette's ``BaseHTTPMiddleware``, which costs a
task and a stream per request): the security headers on every response, and the request
body limit (E223) whether the client sends ``Content-Length`` or chunks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import Request

from sayso import errors
from sayso.errors import SaysoError
from sayso.web import security

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_HEADERS = [(k.lower().encode(), v.encode()) for k, v in security.HEADERS.items()]


class Guard:
    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        size = _declared_size(scope)
        if size is None and scope["method"] in ("POST", "PUT", "PATCH"):
            messages, size = await _read_body(receive, self.max_body)
            receive = _replay(messages, receive)
        if size is not None and size > self.max_body:
            await _refuse(scope, receive, send_with_headers, size, self.max_body)
            return
        await self.app(scope, receive, send_with_headers)


def _declared_size(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return None


async def _read_body(receive: Receive, limit: int) -> tuple[list[Message], int]:
    """The body's messages, read until its end or until it passes ``limit``."""
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        size += len(message.get("body", b""))
        if message["type"] != "http.request" or not message.get("more_body") or size > limit:
            return messages, size


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed


async def _refuse(scope: Scope, receive: Receive, send: Send, size: int, limit: int) -> None:
    from sayso.web.app import error_response

    response = error_response(Request(scope), SaysoError(errors.E223, size=size, limit=limit))
    await response(scope, receive, send)
