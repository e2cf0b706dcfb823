"""What keeps the web view safe: the write token, response headers, safe links.

* every write (POST, merges, corrections) needs ``Authorization: Bearer TOKEN``, compared
  in constant time; without a configured token the server is read-only (E221);
* every response carries a Content-Security-Policy without inline scripts or styles;
* a link is made only of an http(s) address (:func:`safe_href`).
"""

from __future__ import annotations

import hmac
import ipaddress
import os
from pathlib import Path

from sayso import errors
from sayso.errors import SaysoError

#: the environment variable holding the write token
TOKEN_VAR = "SAYSO_TOKEN"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def load_token(token_file: str | os.PathLike[str] | None = None) -> str | None:
    """The write token: the first line of ``token_file``, else ``$SAYSO_TOKEN``, else None."""
    if token_file is not None:
        try:
            text = Path(token_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SaysoError(errors.E226, path=os.fspath(token_file), detail=str(exc)) from exc
        token = text.strip().splitlines()[0].strip() if text.strip() else ""
        if not token:
            raise SaysoError(errors.E226, path=os.fspath(token_file), detail="it is empty")
        return token
    return os.environ.get(TOKEN_VAR) or None


def check_token(expected: str | None, authorization: str | None) -> None:
    """Raise E221 (read-only server) or E220 (missing or wrong token) unless
    ``authorization`` is ``Bearer <expected>``."""
    if expected is None:
        raise SaysoError(errors.E221)
    if not authorization:
        raise SaysoError(errors.E220, detail="no Authorization header")
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise SaysoError(errors.E220, detail="the Authorization header is not 'Bearer TOKEN'")
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise SaysoError(errors.E220, detail="the token is wrong")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``) is reachable only from this machine."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None, public_read: bool) -> None:
    """Refuse (E222) to serve on a non-loopback address without a token, unless the
    operator asked for a public read-only server."""
    if not is_loopback(host) and token is None and not public_read:
        raise SaysoError(errors.E222, host=host)


def safe_href(url: object) -> str | None:
    """``url`` when it is an http(s) address fit for a link, else None (``javascript:``,
    ``data:``, relative or control characters: shown as text, never linked)."""
    if not isinstance(url, str):
        return None
    value = url.strip()
    if not value.lower().startswith(("http://", "https://")):
        return None
    if any(ord(c) < 0x21 or c in '"<>\\`' or 0x7F <= ord(c) < 0xA0 for c in value):
        return None
    return value
