"""HTTP(S) sources: a GET with a timeout, a size cap enforced while streaming, redirects
followed here (at most ``IngestOptions.max_redirects``) and every address on the way checked
by :mod:`sayso.ingest.urlpolicy`; every failure is a coded :class:`IngestError` (E026
failed, E027 timed out, E028 too big, E030 not http(s), E031 an internal address).

``http.client`` rather than ``urllib``: the connection goes to the addresses the policy
checked (no second DNS lookup), and redirects are re-checked one by one. Proxies from the
environment are not used. Only addresses the user gives (or, with ``fetch_links``, the
links of a feed they give) are fetched; nothing else touches the network.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from sayso import errors
from sayso.ingest.document import IngestError, IngestOptions
from sayso.ingest.urlpolicy import Target, UrlRefused, check_url

_CHUNK = 65536
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
_REDIRECTS = (301, 302, 303, 307, 308)
_PATH_SAFE = "/%:@!$&'()*+,;=-._~?"


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    content_type: str | None
    body: bytes


class FetchFailed(Exception):
    def __init__(self, error: IngestError) -> None:
        super().__init__(error.message)
        self.error = error


def _fail(code: errors.Code, where: str, **kwargs: object) -> FetchFailed:
    return FetchFailed(IngestError.of(code, where, **kwargs))


def fetch(url: str, options: IngestOptions, where: str | None = None) -> Response:
    """GET ``url``. ``where`` names the source in errors (default: the URL itself).

    The timeout applies to connecting and to each read, and the whole download (with its
    redirects) must end within it too (a server trickling bytes is cut off). Raises
    :class:`FetchFailed`.
    """
    where = where or url
    deadline = time.monotonic() + options.timeout
    current = url
    for _hop in range(options.max_redirects + 1):
        try:
            target = check_url(
                current, allow_private=options.allow_private_hosts, resolver=options.resolver
            )
        except UrlRefused as refused:
            raise _fail(refused.code, where, source=current, **refused.kwargs) from None
        response = _get(target, options, where, deadline)
        if isinstance(response, Response):
            return response
        current = response  # a redirect: checked again at the top
    detail = f"more than {options.max_redirects} redirects"
    raise _fail(errors.E026, where, source=url, detail=detail)


def _connector(target: Target) -> object:
    """``socket.create_connection`` for http.client that uses the checked addresses."""

    def connect(
        _address: tuple[str, int], timeout: float | None = None, source: object = None
    ) -> socket.socket:
        last: OSError | None = None
        for address in target.addresses:
            try:
                return socket.create_connection((address, target.port), timeout)
            except OSError as exc:
                last = exc
        raise last or OSError("no address to connect to")

    return connect


def _get(target: Target, options: IngestOptions, where: str, deadline: float) -> Response | str:
    """One request: the response, or the absolute URL a redirect points to."""
    url = target.url
    timed_out = _fail(errors.E027, where, source=url, timeout=options.timeout)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise timed_out
    conn: http.client.HTTPConnection
    if target.scheme == "https":
        context = ssl.create_default_context()
        conn = http.client.HTTPSConnection(
            target.host, target.port, timeout=remaining, context=context
        )
    else:
        conn = http.client.HTTPConnection(target.host, target.port, timeout=remaining)
    conn._create_connection = _connector(target)  # type: ignore[attr-defined]
    parts = urlsplit(url)
    path = quote(parts.path or "/", safe=_PATH_SAFE) + (
        "?" + quote(parts.query, safe=_PATH_SAFE + "=") if parts.query else ""
    )
    headers = {"User-Agent": options.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "identity"}
    try:
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        if resp.status in _REDIRECTS and resp.getheader("Location"):
            return urljoin(url, resp.getheader("Location", "").strip())
        if resp.status >= 300:
            detail = f"HTTP {resp.status} {resp.reason}"
            raise _fail(errors.E026, where, source=url, detail=detail)
        body = _body(resp, options, where, url, deadline, timed_out)
        return Response(url, resp.getheader("Content-Type"), body)
    except TimeoutError:
        raise timed_out from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        detail = str(exc) or type(exc).__name__
        raise _fail(errors.E026, where, source=url, detail=detail) from None
    finally:
        conn.close()


def _body(
    resp: http.client.HTTPResponse,
    options: IngestOptions,
    where: str,
    url: str,
    deadline: float,
    timed_out: FetchFailed,
) -> bytes:
    too_big = _fail(errors.E028, where, source=url, limit=options.max_bytes)
    length = resp.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > options.max_bytes:
        raise too_big
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise timed_out
        chunk = resp.read1(_CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if total > options.max_bytes:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)
