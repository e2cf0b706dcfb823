"""``python -m sayso.ingest``: one JSON line per document or error."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ingest_helpers import DE_1, EN_1

from sayso.ingest import Document, IngestError
from sayso.ingest.__main__ import main


def test_main_prints_json_lines_and_fails_on_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(DE_1, "utf-8")
    quoted = EN_1.replace('"', '""')
    (tmp_path / "b.csv").write_text(f'headline,body\nEins,"{quoted}"\n', "utf-8")
    args = [str(tmp_path), str(tmp_path / "missing.txt"), "--text-column", "body"]
    code = main([*args, "--column", "title=headline"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1
    assert [r["kind"] for r in records] == ["document", "document", "error"]
    assert records[0]["text"] == DE_1
    doc = Document.from_dict({k: v for k, v in records[1].items() if k != "kind"})
    assert doc.title == "Eins" and doc.text == EN_1
    assert IngestError.from_dict(records[2]).code == "E020"


def test_main_exit_zero_without_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DE_1.encode("cp1252"))))
    assert main(["-", "--no-text"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["kind"] == "document" and record["source"] == "-"
    assert record["text"] == f"<{len(DE_1)} characters>"


def test_module_runs_and_imports_nothing_heavy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DE_1, "utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-m", "sayso.ingest", str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert json.loads(out)["text"] == DE_1
    probe = (
        "import sys, sayso.ingest; "
        "print(sorted(m for m in ('trafilatura', 'feedparser', 'warcio') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert loaded.strip() == "[]", "readers load their libraries only when needed"
