"""HTTP(S) sources: one GET with a timeout, a size cap enforced while streaming, and every
failure turned into a coded :class:`IngestError` (E026 failed, E027 timed out, E028 too big).

Only addresses the user gives (or, with ``fetch_links``, the links of a feed they give) are
fetched; nothing else touches the network.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from sayso import errors
from sayso.ingest.document import IngestError, IngestOptions

_CHUNK = 65536
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)


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

    The timeout applies to connecting and to each read, and the whole download must end
    within it too (a server trickling bytes is cut off). Raises :class:`FetchFailed`.
    """
    where = where or url
    deadline = time.monotonic() + options.timeout
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": options.user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": "identity",
        },
    )
    timed_out = _fail(errors.E027, where, source=url, timeout=options.timeout)
    too_big = _fail(errors.E028, where, source=url, limit=options.max_bytes)
    try:
        with urllib.request.urlopen(request, timeout=options.timeout) as resp:
            length = resp.headers.get("Content-Length")
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
            return Response(resp.geturl(), resp.headers.get("Content-Type"), b"".join(chunks))
    except urllib.error.HTTPError as exc:
        exc.close()
        raise _fail(
            errors.E026, where, source=url, detail=f"HTTP {exc.code} {exc.reason}"
        ) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise timed_out from None
        raise _fail(errors.E026, where, source=url, detail=str(exc.reason)) from None
    except TimeoutError:
        raise timed_out from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        detail = str(exc) or type(exc).__name__
        raise _fail(errors.E026, where, source=url, detail=detail) from None
