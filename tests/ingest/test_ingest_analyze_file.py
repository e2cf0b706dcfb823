"""``sayso analyze FILE`` and :func:`sayso.files.analyze_file`: every format is read as
``sayso ingest`` reads it (the first article, or all with --format jsonl); plain text is
analysed unchanged; unreadable files are coded errors, never tracebacks."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from ingest_helpers import DE_1, DE_2, EN_1, build_warc, html_page

from sayso.cli.main import main
from sayso.files import analyze_file
from sayso.ingest import IngestError
from sayso.model import Analysis


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def feed(*texts: str) -> str:
    items = "".join(
        f"<item><guid>g{n}</guid><title>Meldung {n}</title>"
        f"<link>https://blatt.example/{n}</link><description>{t}</description></item>"
        for n, t in enumerate(texts)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>B</title>{items}</channel></rss>'
    )


def test_ingest_analyze_file_html_is_the_article_not_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "seite.html"
    path.write_text(html_page(DE_1, title="Radwege"), "utf-8")
    code, out, err = run(["analyze", str(path), "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert DE_1.split("\n\n")[1] in data["text"] and "<" not in data["text"]
    assert data["title"] == "Radwege" and data["lang"] == "de"
    assert data["statements"]


def test_ingest_analyze_file_feed_first_or_every_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "news.rss"
    path.write_text(feed(DE_2, EN_1), "utf-8")
    code, out, _ = run(["analyze", str(path), "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["text"] == DE_2
    assert json.loads(out)["url"] == "https://blatt.example/0"
    code, out, _ = run(["analyze", str(path), "--format", "jsonl"], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [a["text"] for a in lines] == [DE_2, EN_1]
    assert [a["lang"] for a in lines] == ["de", "en"]


def test_ingest_analyze_file_gzip_and_warc(tmp_path: Path) -> None:
    text = tmp_path / "artikel.txt.gz"
    text.write_bytes(gzip.compress(EN_1.encode("utf-8")))
    warc = tmp_path / "crawl.warc.gz"
    payload = html_page(DE_2).encode("utf-8")
    warc.write_bytes(build_warc([("response", "https://x.example/a", 200, "text/html", payload)]))
    (a,) = analyze_file(text.read_bytes(), str(text))
    (b,) = analyze_file(warc.read_bytes(), str(warc))
    assert isinstance(a, Analysis) and a.text == EN_1 and a.lang == "en"
    assert (
        isinstance(b, Analysis)
        and DE_2.split("\n\n")[1] in b.text
        and b.url == "https://x.example/a"
    )


def test_ingest_analyze_file_plain_text_is_unchanged() -> None:
    raw = "  „Ja“, sagte sie.\r\n"  # leading spaces and CRLF: offsets refer to this text
    (a,) = analyze_file(raw.encode("utf-8"), "a.txt", "de")
    assert isinstance(a, Analysis) and a.text == raw.replace("\r", "\n")


def test_ingest_analyze_file_bad_records_are_coded_and_the_rest_analysed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"text": 123}) + "\n" + json.dumps({"text": DE_1}) + "\n")
    items = list(analyze_file(path.read_bytes(), str(path)))
    assert isinstance(items[0], IngestError) and items[0].code == "E033"
    assert isinstance(items[1], Analysis)
    # exit status 3: one record failed, the other was analysed
    code, out, err = run(["analyze", str(path), "--format", "jsonl"], capsys)
    assert code == 3 and len(out.splitlines()) == 1
    assert err.startswith(f"sayso: error E033: {path}:1") and "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("kaputt.rss", b"<rss><channel><item>", "E024"),
        ("leer.html", b"   ", "E029"),
        ("menue.html", html_page("Start.").encode(), "E022"),
        ("nur-fehler.jsonl", b'{"text": null}\n', "E034"),
    ],
)
def test_ingest_analyze_file_unreadable_files_are_coded_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run(["analyze", str(path)], capsys)
    assert code == 1 and out == ""
    assert err.startswith(f"sayso: error {expected}: ") and "Hint: " in err
    assert "Traceback" not in err
    assert all(line.startswith("sayso: error E0") for line in err.strip().splitlines())
