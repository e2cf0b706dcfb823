"""Bad input never raises: every prefix and some corruptions of each fixture kind give
documents and coded errors only."""

from __future__ import annotations

import gzip
import io
import json
import random
import sys
from pathlib import Path

import pytest
from ingest_helpers import DE_1, DE_2, EN_1, build_warc, html_page

from sayso.errors import CATALOGUE
from sayso.ingest import Document, IngestError, read_sources


def _fixtures() -> dict[str, bytes]:
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><guid>1</guid><description>{DE_1}</description></item>"
        f"<item><guid>2</guid><description>{DE_2}</description></item></channel></rss>"
    )
    page = html_page(DE_1).encode()
    return {
        "a.txt": DE_1.encode("cp1252"),
        "a.html": page,
        "a.warc.gz": build_warc([("response", "https://x.example/", 200, "text/html", page)]),
        "a.warc": build_warc(
            [("response", "https://x.example/", 200, "text/html", page)], gzip=False
        ),
        "a.rss": rss.encode(),
        "a.jsonl": (json.dumps({"text": DE_1}) + "\n" + json.dumps({"text": EN_1})).encode(),
        "a.json": json.dumps([{"text": DE_1}, {"text": EN_1}]).encode(),
        "a.csv": f'title,text\nEins,"{DE_1}"\nZwei,"{DE_2}"\n'.encode("cp1252"),
        "a.jsonl.gz": gzip.compress(json.dumps({"text": DE_1}).encode()),
    }


def _check(items: list[Document | IngestError]) -> None:
    for item in items:
        assert isinstance(item, Document | IngestError)
        if isinstance(item, IngestError):
            assert item.code in CATALOGUE and item.source and "Hint:" in item.message
        else:
            assert item.text.strip() and len(item.id) == 64


@pytest.mark.parametrize("name", sorted(_fixtures()))
def test_prefixes_and_corruptions_never_raise(tmp_path: Path, name: str) -> None:
    data = _fixtures()[name]
    rng = random.Random(name)
    variants = [data[:cut] for cut in sorted({*rng.sample(range(len(data)), 25), 1, 10})]
    for _ in range(15):
        corrupt = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            corrupt[rng.randrange(len(corrupt))] = rng.randrange(256)
        variants.append(bytes(corrupt))
    for number, variant in enumerate(variants):
        path = tmp_path / f"{number:03d}-{name}"
        path.write_bytes(variant)
        _check(list(read_sources([str(path)])))


def test_stdin_gzipped_warc(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _fixtures()["a.warc.gz"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (doc,) = read_sources(["-"])
    assert isinstance(doc, Document) and doc.url == "https://x.example/"
    assert doc.source.startswith("-#urn:uuid:")
