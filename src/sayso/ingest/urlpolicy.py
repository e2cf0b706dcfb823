"""Which addresses sayso fetches: the one URL policy for every fetch (ingest sources, feed
links, and anything else that reads a page by its address).

* Only ``http`` and ``https``; ``file:``, ``javascript:``, ``data:``, ``ftp:`` and every
  other scheme are refused (E030), as are addresses without a host.
* The host is resolved and *every* address it resolves to is checked: private, loopback,
  link-local (169.254.0.0/16 with the cloud metadata address 169.254.169.254, fe80::/10),
  unspecified, multicast, reserved and other non-public addresses are refused (E031)
  unless ``allow_private`` is set. IPv4-mapped IPv6 addresses are checked as IPv4.
* The caller connects to the addresses checked here (:attr:`Target.addresses`), never
  resolves the name again, so a name cannot resolve to a public address for the check
  and to an internal one for the connection.

The resolver can be injected (tests, a service with its own DNS).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from sayso import errors
from sayso.errors import Code

#: host, port -> the addresses the host resolves to
Resolver = Callable[[str, int], Sequence[str]]

SCHEMES = ("http", "https")
_PORTS = {"http": 80, "https": 443}


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses ``getaddrinfo`` gives for ``host`` (raises ``OSError``)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True, slots=True)
class Target:
    """A checked address: where to connect (``addresses``) and what to ask for."""

    url: str
    scheme: str
    host: str  # ASCII (IDNA), no brackets
    port: int
    addresses: tuple[str, ...]


class UrlRefused(Exception):
    """The URL breaks the policy: ``code`` (E030 scheme/shape, E031 address, E026 the
    host cannot be resolved) and the keyword arguments of its message."""

    def __init__(self, code: Code, **kwargs: object) -> None:
        super().__init__(code.format(source=kwargs.get("url", ""), **kwargs))
        self.code = code
        self.kwargs = kwargs


def web_url(value: str | None) -> str | None:
    """``value`` stripped if it is an absolute http(s) URL with a host, else None.

    This is a check of the text only (no DNS): what may be stored as a document's URL.
    """
    if not value:
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
        ok = parts.scheme.lower() in SCHEMES and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return None
    return value if ok else None


def address_kind(address: str) -> str | None:
    """Why ``address`` may not be fetched ('loopback', 'private', …), or None if public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # fe80::1%eth0
    except ValueError:
        return "unparsable"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),
    )
    return next((kind for kind, hit in checks if hit), None)


def _host(url: str, scheme: str, raw: str | None) -> str:
    if not raw:
        raise UrlRefused(errors.E030, url=url, detail="it has no host")
    try:
        ipaddress.ip_address(raw.split("%", 1)[0])
        return raw
    except ValueError:
        pass
    try:
        return raw.encode("idna").decode("ascii")
    except UnicodeError:
        raise UrlRefused(errors.E030, url=url, detail=f"the host {raw!r} is invalid") from None


def check_url(url: str, *, allow_private: bool = False, resolver: Resolver | None = None) -> Target:
    """The checked :class:`Target` of ``url``; raises :class:`UrlRefused`."""
    try:
        parts = urlsplit(url.strip())
        port_given = parts.port
    except ValueError as exc:
        raise UrlRefused(errors.E030, url=url, detail=f"it is malformed ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        what = f"a {scheme}: address" if scheme else "not an absolute address"
        raise UrlRefused(errors.E030, url=url, detail=f"it is {what}")
    host = _host(url, scheme, parts.hostname)
    port = port_given or _PORTS[scheme]
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        addresses: Sequence[str] = [host]  # a literal address: nothing to resolve
    except ValueError:
        try:
            addresses = (resolver or system_resolver)(host, port)
        except (OSError, UnicodeError) as exc:
            detail = f"cannot resolve {host} ({exc})"
            raise UrlRefused(errors.E026, url=url, detail=detail) from None
    if not addresses:
        raise UrlRefused(errors.E026, url=url, detail=f"{host} resolves to no address")
    if not allow_private:
        for address in addresses:
            kind = address_kind(address)
            if kind is not None:
                raise UrlRefused(errors.E031, url=url, host=host, address=address, kind=kind)
    return Target(url.strip(), scheme, host, port, tuple(addresses))
