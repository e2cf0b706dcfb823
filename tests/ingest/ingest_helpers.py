"""Fixture builders for the ingest tests: invented articles, HTML pages, feeds, WARCs and a
local HTTP server (127.0.0.1 only)."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sayso.ingest import Document, IngestError, IngestOptions, read_sources

# invented news text: nothing here is from a corpus
DE_1 = (
    "Die Stadt Beispielhausen will bis 2026 zwölf Kilometer neue Radwege bauen.\n\n"
    "„Wir brauchen mehr Platz für Fahrräder“, sagte Bürgermeisterin Jana Muster am "
    "Dienstag im Rathaus. Der Verkehrsclub begrüßte den Plan; Kritiker sagten dagegen, "
    "die Parkplätze in der Altstadt würden knapp."
)
DE_2 = (
    "Nach Angaben der Polizei ist der Verdächtige am Morgen gefasst worden.\n\n"
    "Ein Sprecher der Staatsanwaltschaft erklärte, weitere Einzelheiten würden erst am "
    "Abend bekannt gegeben. Die Ermittlungen dauerten an, hieß es aus Behördenkreisen."
)
EN_1 = (
    "The council of Exampleton approved a new budget on Monday after a long debate.\n\n"
    '"This is a fair compromise for every district," the mayor, Tom Sample, told '
    "reporters. Opposition members said the plan would raise fees for small businesses."
)
EN_2 = (
    "Shares of the fictional Acme Widgets fell sharply on Thursday, according to traders "
    "in London.\n\nA spokeswoman for the company declined to comment, saying the board "
    "would publish a statement next week."
)


def html_page(
    body: str,
    *,
    title: str = "Radwege für Beispielhausen",
    charset: str | None = "utf-8",
    lang: str | None = "de",
    head: str = "",
) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    meta = f'<meta charset="{charset}">' if charset else ""
    lang_attr = f' lang="{lang}"' if lang else ""
    return (
        f"<!DOCTYPE html><html{lang_attr}><head>{meta}<title>{title}</title>{head}</head>"
        '<body><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>'
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Impressum · Datenschutz</footer></body></html>"
    )


def read(sources: Iterable[str | Path], **options: object) -> list[Document | IngestError]:
    return list(read_sources([str(s) for s in sources], IngestOptions(**options)))  # type: ignore[arg-type]


def docs(items: Iterable[Document | IngestError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def errs(items: Iterable[Document | IngestError]) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]


def codes(items: Iterable[Document | IngestError]) -> list[str]:
    """'doc' for a document, the error code for an error, in order."""
    return ["doc" if isinstance(i, Document) else i.code for i in items]


# --- a local HTTP server ------------------------------------------------------------------


@dataclass
class Route:
    body: bytes | Callable[[], bytes] = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # before the status line
    trickle: float = 0.0  # pause between 16-byte pieces of the body
    send_length: bool = True
    headers: dict[str, str] = field(default_factory=dict)  # e.g. Location for a redirect


@dataclass
class Server:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            server.hits[self.path] = server.hits.get(self.path, 0) + 1
            route = server.routes.get(self.path, Route(b"not found", status=404))
            body = route.body() if callable(route.body) else route.body
            try:
                if route.delay:
                    time.sleep(route.delay)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.send_length:
                    self.send_header("Content-Length", str(len(body)))
                else:
                    self.close_connection = True
                self.end_headers()
                if route.trickle:
                    for start in range(0, len(body), 16):
                        self.wfile.write(body[start : start + 16])
                        self.wfile.flush()
                        time.sleep(route.trickle)
                else:
                    self.wfile.write(body)
            except OSError:  # the client gave up (timeout tests)
                pass

    return Handler


@contextmanager
def serve() -> Iterator[Server]:
    state = Server(base="")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


# --- WARC ---------------------------------------------------------------------------------


def build_warc(records: list[tuple[str, str, int, str, bytes]], gzip: bool = True) -> bytes:
    """(kind, url, status, content type, payload) -> WARC bytes, written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for kind, url, status, content_type, payload in records:
        if kind == "response":
            http = StatusAndHeaders(
                f"{status} {'OK' if status == 200 else 'Other'}",
                [("Content-Type", content_type), ("Content-Length", str(len(payload)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=http
            )
        else:
            record = writer.create_warc_record(
                url,
                kind,
                payload=io.BytesIO(payload),
                warc_content_type=content_type,
            )
        writer.write_record(record)
    return out.getvalue()
