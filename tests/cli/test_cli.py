"""The ``sayso`` command: ``analyze`` in every format, coded errors as one line on stderr,
standard input, ``python -m sayso``, and the documentation of every sub-command."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sayso.cli.analyze_cmd import render_text, schema
from sayso.cli.main import build_parser, main
from sayso.model import Analysis, Form, Span, Statement

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = (
    "„Die Brücke wird im Frühjahr saniert“, sagte Bürgermeisterin Anna Berger am Dienstag.\n\n"
    "Die Opposition erklärte, der Plan komme viel zu spät.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def assert_coded_error(code: int, out: str, err: str, expected: str) -> None:
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"sayso: error {expected}: ")
    assert "Hint: " in lines[0]
    assert "Traceback" not in err


# --- analyze ----------------------------------------------------------------------------


def test_cli_analyze_json(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyze", str(article), "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    jsonschema.validate(data, schema())
    assert data["text"] == ARTICLE
    assert data["lang"] == "de"
    assert data["statements"]
    assert Analysis.from_dict(data).to_dict() == data


def test_cli_analyze_json_carries_title_and_url(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["analyze", str(article), "--format", "json", "--title", "Brücke", "--url", "u:1"]
    code, out, _ = run(argv, capsys)
    assert code == 0
    data = json.loads(out)
    assert (data["title"], data["url"]) == ("Brücke", "u:1")


def test_cli_shipped_schema_is_the_package_file() -> None:
    path = resources.files("sayso") / "schema" / "analysis.schema.json"
    assert schema() == json.loads(path.read_text("utf-8"))


def test_cli_analyze_jsonl_is_one_line(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyze", str(article), "--format", "jsonl"], capsys)
    assert code == 0, err
    assert out.endswith("\n")
    assert len(out.splitlines()) == 1
    jsonschema.validate(json.loads(out), schema())


def test_cli_analyze_jsonl_stays_one_line_with_unicode_line_separators(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sep.txt"
    path.write_text("Anna Berger sagte,\u2028die Lage sei ernst.\u2029Ende.", encoding="utf-8")
    code, out, _ = run(["analyze", str(path), "--format", "jsonl"], capsys)
    assert code == 0
    assert len(out.splitlines()) == 1
    assert "\u2028" in json.loads(out)["text"]


def test_cli_analyze_text(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyze", str(article)], capsys)
    assert code == 0, err
    assert "→" in out
    assert "Anna Berger" in out and "sagte" in out
    assert "\x1b[" not in out  # no colour when stdout is not a terminal


def test_cli_analyze_text_explicit_format_and_colour(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["analyze", str(article), "--format", "text", "--color", "always"], capsys)
    assert code == 0
    assert "→" in out and "\x1b[" in out
    code, out, _ = run(["analyze", str(article), "--color", "never"], capsys)
    assert "\x1b[" not in out


def test_cli_render_text_counts_and_warnings() -> None:
    one = Analysis(text="x", lang="de")
    assert render_text(one).splitlines()[0] == "0 statements (de)"
    import sayso

    a = sayso.analyze("„Wir sind bereit“, sagte Anna Berger.", title="Bereit")
    lines = render_text(a).splitlines()
    assert lines[0] == "Bereit"
    assert lines[1] == "1 statement (de)"
    assert any(line.endswith(": 1 statement") for line in lines)
    a = sayso.analyze("Er sagte: „Das ist offen.\n\nNeuer Absatz.")
    assert "warning W107" in render_text(a)


def test_cli_render_text_keeps_one_line_per_statement() -> None:
    text = "„Wir sind bereit.\n\n„Die Brücke wird saniert“, sagte Anna Berger."
    s = Statement(
        id="s1",
        content=(Span(0, 17), Span(19, 44)),
        form=Form.DIRECT,
        cue=(Span(46, 51),),
        speaker=(Span(52, 63),),
    )
    a = Analysis(text=text, lang="de", statements=(s,))
    lines = render_text(a).splitlines()
    assert lines[1] == "s1  Anna Berger → sagte → „Wir sind bereit. … „Die Brücke wird saniert“"
    assert lines[2].strip() == "direct, unknown"


def test_cli_unknown_format_is_e010(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyze", str(article), "--format", "xml"], capsys)
    assert_coded_error(code, out, err, "E010")
    assert "'xml'" in err and "json" in err


def test_cli_missing_file_is_e004(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "gibt-es-nicht.txt"
    code, out, err = run(["analyze", str(missing)], capsys)
    assert_coded_error(code, out, err, "E004")
    assert str(missing) in err


def test_cli_directory_is_e004(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyze", str(tmp_path)], capsys)
    assert_coded_error(code, out, err, "E004")


def test_cli_binary_file_is_e001(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bild.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    code, out, err = run(["analyze", str(path)], capsys)
    assert_coded_error(code, out, err, "E001")


def test_cli_cp1252_file_is_decoded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    code, out, _ = run(["analyze", str(path), "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["text"] == ARTICLE


def test_cli_unsupported_lang_is_rejected_by_argparse(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["analyze", str(article), "--lang", "fr"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_cli_explicit_lang(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["analyze", str(article), "--lang", "de", "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["lang"] == "de"


def test_cli_empty_file_gives_w102(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "leer.txt"
    path.write_bytes(b"")
    code, out, _ = run(["analyze", str(path), "--format", "json"], capsys)
    assert code == 0
    assert [w["code"] for w in json.loads(out)["warnings"]] == ["W102"]


# --- standard input ---------------------------------------------------------------------


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("argv", [["analyze"], ["analyze", "-"]], ids=["default", "dash"])
def test_cli_stdin(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_stdin(monkeypatch, ARTICLE.encode("utf-8"))
    code, out, err = run([*argv, "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["text"] == ARTICLE
    assert data["statements"]


def test_cli_stdin_cp1252(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_stdin(monkeypatch, ARTICLE.encode("cp1252"))
    code, out, _ = run(["analyze", "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["text"] == ARTICLE


def test_cli_stdin_without_byte_buffer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # embedding code (and some test runners) replace sys.stdin with a plain StringIO
    monkeypatch.setattr(sys, "stdin", io.StringIO(ARTICLE))
    code, out, err = run(["analyze", "--format", "json"], capsys)
    assert code == 0, err
    assert json.loads(out)["text"] == ARTICLE


def test_cli_stdin_binary_is_e001(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_stdin(monkeypatch, b"\x00\x01\x02\x03" * 50)
    code, out, err = run(["analyze"], capsys)
    assert_coded_error(code, out, err, "E001")


# --- the program ------------------------------------------------------------------------


def python_m(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sayso", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_cli_python_m_help() -> None:
    done = python_m("--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: sayso")
    for command in ("analyze", "eval", "train"):
        assert command in done.stdout


def test_cli_python_m_version() -> None:
    import sayso

    done = python_m("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"sayso {sayso.__version__}"


def test_cli_python_m_analyze_stdin() -> None:
    done = python_m("analyze", "--format", "jsonl", stdin=ARTICLE)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["lang"] == "de"


def test_cli_python_m_error_has_no_traceback(tmp_path: Path) -> None:
    done = python_m("analyze", str(tmp_path / "fehlt.txt"))
    assert done.returncode == 1
    assert done.stderr.startswith("sayso: error E004")
    assert "Traceback" not in done.stderr


def test_cli_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([], capsys)
    assert code == 2
    assert "usage: sayso" in out


# --- documentation ----------------------------------------------------------------------


def subcommands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str | None, argparse.ArgumentParser]]:
    """(command path, help text, parser) of every sub-command, nested ones included."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps: dict[str, Any] = {a.dest: a.help for a in action._get_subactions()}
        for name, sub in action.choices.items():
            path = (*prefix, name)
            yield path, helps.get(name), sub
            yield from subcommands(sub, path)


def test_cli_every_subcommand_has_help() -> None:
    found = list(subcommands(build_parser()))
    names = {path for path, _, _ in found}
    assert {("analyze",), ("eval",), ("train",), ("eval", "gate")} <= names
    for path, help_text, sub in found:
        assert help_text and help_text.strip(), " ".join(path)
        assert sub.description, " ".join(path)


def test_cli_every_analyze_option_has_help() -> None:
    parser = dict((p, s) for p, _, s in subcommands(build_parser()))[("analyze",)]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        assert action.help and action.help.strip(), action.dest


def test_cli_every_subcommand_is_in_the_readme() -> None:
    readme = ROOT / "README.md"
    assert readme.is_file(), "README.md is missing"
    text = readme.read_text("utf-8")
    missing = [
        " ".join(path)
        for path, _, _ in subcommands(build_parser())
        if f"sayso {' '.join(path)}" not in text
    ]
    assert not missing, f"not in README.md: {missing}"


def test_cli_command_table_names_the_module_of_every_command() -> None:
    from sayso.cli.main import COMMANDS

    full = {path[0] for path, _, _ in subcommands(build_parser())}
    assert set(COMMANDS) == full
    for command in full:  # a command line naming it builds a parser that knows it
        only = {path[0] for path, _, _ in subcommands(build_parser(command))}
        assert command in only
