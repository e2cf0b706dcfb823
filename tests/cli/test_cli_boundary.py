"""The command line's boundary: no escape sequence from data reaches the terminal, every
mistake is one coded line (never a traceback), exit status 0/1/2/3, the bookkeeping
listings (documents, errors, runs) and export's refusal to overwrite."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from sayso import errors
from sayso.cli import main as cli_main
from sayso.cli.main import build_parser, main
from sayso.cli.progress import estimate_total
from sayso.errors import SaysoError
from sayso.ledger.failures import open_error

#: a window title, a clipboard write, a hyperlink to a local file, a screen clear, a
#: one-character CSI and a right-to-left override, as data would carry them
OSC_TITLE = "\x1b]0;owned\x07"
OSC_CLIP = "\x1b]52;c;ZXZpbA==\x07"
OSC_LINK = "\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\"
CSI = "\x1b[2J"
EVIL = OSC_TITLE + OSC_CLIP + OSC_LINK + CSI + "\x9b31m" + "\u202e"
#: what must never be printed raw: C0 controls but tab/newline, DEL, C1, bidi controls
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: sayso's own colours (the only escape sequences it may print)
OWN_SGR = re.compile(r"\x1b\[[0-9;]*m")

TEXT = (
    "„Die Brücke wird im Frühjahr saniert\u202e“, sagte Bürgermeisterin Anna Berger.\n\n"
    "„Das ist viel zu spät“, sagte Oppositionsführer Karl \u2066Winter am Mittwoch."
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: --help, and usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean(out: str, err: str, *, colour: bool = False) -> None:
    for stream in (out, err):
        seen = OWN_SGR.sub("", stream) if colour else stream
        assert not RAW.search(seen), repr(RAW.search(seen))


@pytest.fixture(scope="module")
def evil_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("evil")
    record = {
        "text": TEXT,
        "title": "Titel " + EVIL,
        "site": "ev" + EVIL + "il.example",
        "author": "Autor " + EVIL,
        "url": "https://example.org/a?" + EVIL,
        "published": "2024-03-05",
    }
    (folder / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'ledger.db'}"
    missing = str(folder / ("nope" + OSC_TITLE + ".txt"))
    argv = ["ingest", str(folder / "a.jsonl"), missing, "--db", url, "--jobs", "0"]
    code = main([*argv, "--note", "nightly " + EVIL])
    assert code == 3  # one stored, one failed
    return url


def test_cli_boundary_ingest_escapes_failed_source_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    code, out, err = run(
        ["ingest", str(tmp_path / ("x" + EVIL)), "--db", db, "--jobs", "0"], capsys
    )
    assert code == 1
    assert "E020" in err and "\\u001b]0;owned" in err
    assert_clean(out, err)


TEXT_COMMANDS = [
    ["documents"],
    ["errors"],
    ["runs"],
    ["claims"],
    ["actors"],
    ["accounts", "Brücke"],
]


@pytest.mark.parametrize("argv", TEXT_COMMANDS, ids=lambda a: a[0])
def test_cli_boundary_text_output_has_no_raw_escape(
    evil_db: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([*argv, "--db", evil_db], capsys)
    assert code == 0, err
    assert_clean(out, err)


def test_cli_boundary_show_escapes_metadata_and_json_stays_json(
    evil_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["documents", "--db", evil_db, "--json"], capsys)
    (doc,) = json.loads(out)
    assert doc["title"] == "Titel " + EVIL  # stored and returned unchanged
    code, out, err = run(["show", doc["id"], "--db", evil_db], capsys)
    assert code == 0
    assert "Titel \\u001b]0;owned\\u0007" in out and "\\u202e" in out
    assert_clean(out, err)
    for argv in (["show", doc["id"], "--format", "json"], ["errors", "--json"], ["runs", "--json"]):
        code, out, err = run([*argv, "--db", evil_db], capsys)
        assert code == 0
        assert_clean(out, err)
        json.loads(out)  # escaped the JSON way: still valid


def test_cli_boundary_export_into_a_pipe_keeps_the_data(
    evil_db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(["export", "--db", evil_db], capsys)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and rows[0]["title"] == "Titel " + EVIL
    assert "\x1b" not in out  # JSON escapes C0 controls itself


def test_cli_boundary_analyze_escapes_title_with_and_without_colour(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    for colour in ("never", "always"):
        argv = ["analyze", str(path), "--title", EVIL, "--color", colour, "--url", EVIL]
        code, out, err = run(argv, capsys)
        assert code == 0
        assert "\\u001b]52;c;" in out
        assert_clean(out, err, colour=colour == "always")
    code, out, _ = run(["analyze", str(path), "--color", "always"], capsys)
    assert OWN_SGR.search(out)  # sayso's own colours stay


def test_cli_boundary_error_messages_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["analyze", str(tmp_path / ("missing" + EVIL))], capsys)
    assert code == 1 and "E004" in err
    assert_clean(out, err)


# --- every sub-command: a mistake is one coded line ----------------------------------


def subcommands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name), sub
                yield from subcommands(sub, (*prefix, name))


def positionals(parser: argparse.ArgumentParser, value: str) -> list[str]:
    """A value for each positional argument (an int where the command wants one)."""
    out = []
    for action in parser._actions:
        if action.option_strings or isinstance(action, argparse._SubParsersAction):
            continue
        if action.nargs == "?":
            continue
        out.append("1" if action.type is int else value)
    return out


COMMANDS = sorted(subcommands(build_parser()))
CODE = re.compile(r"\b[EW]\d{3}\b")


def assert_coded(code: int, err: str) -> None:
    assert code in (1, 2, 3), err
    assert CODE.search(err), err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "path,sub", COMMANDS, ids=lambda x: " ".join(x) if isinstance(x, tuple) else ""
)
def test_cli_boundary_unknown_option_is_coded_usage_error(
    path: tuple[str, ...], sub: argparse.ArgumentParser, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run([*path, *positionals(sub, "x"), "--no-such-option"], capsys)
    assert code == 2
    assert_coded(code, err)


@pytest.mark.parametrize(
    "path,sub", COMMANDS, ids=lambda x: " ".join(x) if isinstance(x, tuple) else ""
)
def test_cli_boundary_bad_ledger_or_input_is_coded(
    path: tuple[str, ...],
    sub: argparse.ArgumentParser,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    options = {o for a in sub._actions for o in a.option_strings}
    missing = str(tmp_path / "no" / "such")
    if path == ("eval", "floors"):  # reads the pinned floors only; --data is not read
        pytest.skip("nothing it reads can be missing")
    argv = [*path, *positionals(sub, missing)]
    if "--db" in options:
        not_a_db = tmp_path / "text.db"
        not_a_db.write_text("not a database " * 200, encoding="utf-8")
        for db in (missing + ".db", str(not_a_db), "foo://bar"):
            code, _out, err = run([*argv, "--db", db], capsys)
            assert_coded(code, err)
        return
    if "--data" in options:
        argv += ["--data", missing]
    if "--out" in options and path == ("train",):
        argv += ["--out", str(tmp_path / "models")]
    if len(path) == 1 and path != ("analyze",) and not positionals(sub, missing):
        argv += ["--no-such-option"]  # a group command (eval): its usage error
    code, _, err = run(argv, capsys)
    assert_coded(code, err)


@pytest.mark.parametrize(
    "argv,code",
    [
        (["claims", "--since", "notadate"], "E012"),
        (["claims", "--until", "2024-13-40"], "E012"),
        (["export", "--framing", "bogus"], "E013"),
        (["actors", "--kind", "alien"], "E013"),
        (["errors", "--code", "nonsense"], "E017"),
        (["documents", "--limit", "-3"], "E017"),
        (["ingest", "x", "--column", "headline=title"], "E013"),
        (["claims", "--db", "foo://bar"], "E016"),
        (["claims", "--lang", "fr"], "E011"),
        (["ingest", "x", "--delimiter", ";;"], "E017"),
        (["ingest", "x", "--timeout", "0"], "E017"),
        (["ingest", "x", "--max-bytes", "-1"], "E017"),
    ],
)
def test_cli_boundary_argument_mistakes_exit_2_with_their_code(
    argv: list[str], code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = run(argv, capsys)
    assert status == 2
    (line,) = err.strip().splitlines()
    assert line.startswith(f"sayso: error {code}: ") and "Hint: " in line


def test_cli_boundary_unexpected_exception_is_e019_unless_debugging(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(_args: argparse.Namespace) -> int:
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr("sayso.cli.list_cmd.run_runs", boom)
    monkeypatch.delenv("SAYSO_DEBUG", raising=False)
    code, _, err = run(["runs", "--db", "sqlite://"], capsys)
    assert code == 1
    assert err.startswith("sayso: error E019: Internal error: RuntimeError: something")
    assert "SAYSO_DEBUG=1" in err and "Traceback" not in err
    monkeypatch.setenv("SAYSO_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["runs", "--db", "sqlite://"])


def test_cli_boundary_interrupt_is_e018_with_status_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(_args: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("sayso.cli.list_cmd.run_runs", interrupted)
    code, _, err = run(["runs", "--db", "sqlite://"], capsys)
    assert code == 130 and err.startswith("sayso: error E018: Interrupted.")


def test_cli_boundary_locked_sqlite_has_its_own_code() -> None:
    locked = OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))
    err = open_error("sqlite:///x.db", "sqlite:///x.db", locked)
    assert err.code == "E207" and "another process" in err.message
    mid_command = cli_main.unexpected(locked, "postgresql://u:secret@h/db")
    assert mid_command.code == "E207" and "secret" not in mid_command.message
    gone = OperationalError("SELECT 1", {}, Exception("server closed the connection"))
    assert cli_main.unexpected(gone).code == "E201"


def test_cli_boundary_sqlite_and_postgresql_open_errors_differ(tmp_path: Path) -> None:
    refused = OperationalError("connect", {}, Exception("connection refused"))
    pg = open_error("postgresql+psycopg://u@h/db", "postgresql://u@h/db", refused)
    assert pg.code == "E201" and "server" in pg.hint
    cant = OperationalError("connect", {}, Exception("unable to open database file"))
    lite = open_error(f"sqlite:///{tmp_path}/no/x.db", "x", cant)
    assert lite.code == "E209" and "does not exist" in lite.message and "folder" in lite.hint


# --- exit status of ingest, failures named ------------------------------------------


def test_cli_boundary_ingest_exit_status_and_failures_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'l.db'}"
    base = ["--db", db, "--jobs", "0", "--progress", "never"]
    missing = [str(tmp_path / f"missing{i}.txt") for i in range(23)]
    code, _, err = run(["ingest", *missing, *base], capsys)
    assert code == 1  # every source failed
    lines = [x for x in err.splitlines() if x.startswith("sayso: failed")]
    assert len(lines) == 20 and "missing0.txt: E020: Cannot read" in lines[0]
    assert "3 more failures" in err and "sayso errors --run 1" in err
    code, _, err = run(["ingest", str(good), missing[0], *base], capsys)
    assert code == 3 and "missing0.txt" in err
    code, _, err = run(["ingest", str(good), *base], capsys)
    assert code == 0  # already stored: skipped, nothing failed
    code, out, _ = run(["errors", "--run", "1", "--db", db, "--json"], capsys)
    assert code == 0 and len(json.loads(out)) == 23
    code, out, _ = run(["errors", "--code", "E020", "--limit", "5", "--db", db], capsys)
    assert out.count("E020: Cannot read") == 5
    code, out, _ = run(["runs", "--db", db, "--json"], capsys)
    assert [(r["id"], r["added"], r["failed"]) for r in json.loads(out)] == [
        (3, 0, 0),
        (2, 1, 1),
        (1, 0, 23),
    ]
    code, out, _ = run(["documents", "--db", db], capsys)
    assert code == 0 and "good" not in out and "st." in out


def test_cli_boundary_ingest_hint_names_the_option_not_the_api(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"body": TEXT}) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'l.db'}"
    code, _, err = run(["ingest", str(src), "--db", db, "--jobs", "0"], capsys)
    assert code == 1 and "E025" in err
    assert "--text-column" in err and "IngestOptions" not in err
    code, out, _ = run(["errors", "--db", db], capsys)
    assert "--text-column" in out and "IngestOptions" not in out


def test_cli_boundary_cli_hints_differ_from_api_hints() -> None:
    err = SaysoError(errors.E027, source="https://x", timeout=3)
    assert "IngestOptions(timeout" in str(err) and "--timeout" in err.for_cli()
    assert "Settings.max_chars" not in SaysoError(errors.E003, size=9, limit=1).for_cli()
    assert "sayso documents" in SaysoError(errors.E202, id="x").for_cli()
    message = errors.E028.format(source="f", limit=1) + " Hint: " + errors.E028.hint
    assert "--max-bytes" in errors.cli_message("E028", message)


# --- export ---------------------------------------------------------------------------


def test_cli_boundary_export_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    out = tmp_path / "s.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    code, _, err = run(["export", "--db", db, "--out", str(out)], capsys)
    assert code == 1 and "E014" in err and "--force" in err
    assert out.read_text(encoding="utf-8") == "keep me\n"
    code, _, err = run(["export", "--db", db, "--out", str(out), "--force"], capsys)
    assert code == 0 and out.read_text(encoding="utf-8") == ""
    code, _, err = run(["export", "--db", db, "--out", str(tmp_path / "no" / "s.jsonl")], capsys)
    assert code == 1 and "E015" in err and "does not exist" in err


# --- progress ---------------------------------------------------------------------------


def test_cli_boundary_progress_total_counted_where_known(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "d" / "b.html").write_text("<p>b</p>", encoding="utf-8")
    (tmp_path / "d" / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "r.jsonl").write_text('{"text": "1"}\n\n{"text": "2"}\n', encoding="utf-8")
    (tmp_path / "r.csv").write_text('text,title\n"a\nb",t\nc,u\n', encoding="utf-8")
    (tmp_path / "f.rss").write_text("<rss/>", encoding="utf-8")
    known = [str(tmp_path / "d"), str(tmp_path / "r.jsonl"), str(tmp_path / "r.csv")]
    assert estimate_total(known) == 2 + 2 + 2
    assert estimate_total([*known, str(tmp_path / "missing.txt")]) == 7
    assert estimate_total([*known, "-"]) is None
    assert estimate_total([*known, "https://example.org/feed"]) is None
    assert estimate_total([str(tmp_path / "f.rss")]) is None


def test_cli_boundary_every_option_of_every_command_has_help() -> None:
    missing = [
        f"{' '.join(path)} {action.dest}"
        for path, sub in COMMANDS
        for action in sub._actions
        if not isinstance(action, argparse._HelpAction | argparse._SubParsersAction)
        and not (action.help and action.help.strip())
    ]
    assert not missing, f"options without help: {missing}"


def test_cli_boundary_ingest_passes_over_its_own_ledger_in_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    argv = ["ingest", str(tmp_path), "--db", str(tmp_path / "sayso.db"), "--jobs", "0"]
    assert run([*argv, "--progress", "never"], capsys)[0] == 0
    (tmp_path / "b.txt").write_text(TEXT.replace("Frühjahr", "Sommer"), encoding="utf-8")
    code, _, err = run([*argv, "--progress", "never"], capsys)
    # the database, its -wal and -shm files lie in the folder: not read as articles
    assert code == 0 and "E021" not in err
