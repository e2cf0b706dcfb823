"""A cache of whole responses to reads (a plain ASGI middleware), kept current by the
ledger's change counter.

A GET answered 200 is kept under its path, query and interface language, together with
the ledger's change version (:meth:`Ledger.change_version`: one row read by primary key,
raised by triggers on every write by any process — another server worker, ``sayso
ingest``, psql). Every request reads the version first; when it moved, the whole cache
is dropped, so no page older than the last write is ever served. A write through this
process (any other method) drops it at once too. Responses that set a cookie, are
larger than ``entry_bytes`` or are not 200 are not kept; the least recently used entry
goes first when ``entries`` or ``total_bytes`` are held.

Why: on a million statements a search page costs 15–50 ms of CPU (the full-text ranking,
the rows, the template) and two cores serve ~60–150 such pages a second, while a kept
page costs well under a millisecond; a newsroom's readers ask for the same front page,
articles and queries again and again between two ingest runs.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any

from sayso.ledger import Ledger
from sayso.web import i18n

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: the response header saying whether the cache answered (``hit``) or the application
HEADER = b"x-sayso-cache"
#: paths never kept (files have their own caching; /lang sets a cookie)
SKIP = ("/static/", "/lang/")
#: POSTs that store nothing (Analyze; its "store" is /analyze/store): the cache stays; any
#: other POST may write
READ_ONLY_POSTS = frozenset(("/analyze", "/api/v1/analyze"))

Entry = tuple[int, list[tuple[bytes, bytes]], bytes]


class ResponseCache:
    def __init__(
        self, app: ASGIApp, ledger: Ledger, entries: int, entry_bytes: int, total_bytes: int
    ) -> None:
        self.app = app
        self.watch = ledger.change_watch()
        self.entries = entries
        self.entry_bytes = entry_bytes
        self.total_bytes = total_bytes
        self.kept: OrderedDict[tuple[str, ...], Entry] = OrderedDict()
        self.size = 0  # bytes of the bodies kept
        self.version: int | None = None

    def clear(self) -> None:
        self.kept.clear()
        self.size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.entries <= 0:
            await self.app(scope, receive, send)
            return
        if scope["method"] == "POST" and scope["path"] in READ_ONLY_POSTS:
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            try:
                await self.app(scope, receive, send)
            finally:  # a write of this process: whatever it changed is not served again
                self.clear()
            return
        path: str = scope["path"]
        if scope["method"] != "GET" or path.startswith(SKIP):
            await self.app(scope, receive, send)
            return
        version = self.watch.version()
        if version != self.version:
            self.clear()
            self.version = version
        key = _key(scope)
        found = self.kept.get(key)
        if found is not None:
            self.kept.move_to_end(key)
            await _replay(found, send)
            return
        await self.app(scope, receive, self._keeping(key, version, send))

    def _keeping(self, key: tuple[str, ...], version: int, send: Send) -> Send:
        """``send``, also collecting the response to keep it when it qualifies."""
        start: Message = {}
        parts: list[bytes] = []
        size = 0

        async def collect(message: Message) -> None:
            nonlocal size
            if message["type"] == "http.response.start":
                start.update(message)
                message["headers"] = [*message.get("headers", []), (HEADER, b"miss")]
            elif message["type"] == "http.response.body" and size <= self.entry_bytes:
                body = message.get("body", b"")
                parts.append(body)
                size += len(body)
                if not message.get("more_body", False):
                    self._keep(key, version, start, b"".join(parts))
            await send(message)

        return collect

    def _keep(self, key: tuple[str, ...], version: int, start: Message, body: bytes) -> None:
        headers = list(start.get("headers", []))
        if (
            start.get("status") != 200
            or len(body) > self.entry_bytes
            or version != self.version  # a write came in meanwhile: it may be older
            or any(k.lower() == b"set-cookie" for k, _ in headers)
        ):
            return
        old = self.kept.pop(key, None)
        if old is not None:
            self.size -= len(old[2])
        self.kept[key] = (200, headers, body)
        self.size += len(body)
        while len(self.kept) > self.entries or self.size > self.total_bytes:
            _, dropped = self.kept.popitem(last=False)
            self.size -= len(dropped[2])


def _key(scope: Scope) -> tuple[str, ...]:
    """Path, query and the interface language (what a page's words depend on)."""
    cookie = accept = None
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header: the browser's language decides
                jar = SimpleCookie()
            morsel = jar.get(i18n.COOKIE)
            cookie = morsel.value if morsel is not None else None
        elif name == b"accept-language":
            accept = value.decode("latin-1")
    query = scope.get("query_string", b"").decode("latin-1")
    return (scope["path"], query, i18n.choose(cookie, accept))


async def _replay(entry: Entry, send: Send) -> None:
    status, headers, body = entry
    await send({"type": "http.response.start", "status": status,
                "headers": [*headers, (HEADER, b"hit")]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})
