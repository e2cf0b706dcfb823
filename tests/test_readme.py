"""The README's examples are run, so that the user's guide shows what the code gives."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def _python_blocks(text: str) -> list[str]:
    blocks = re.finditer(r"```python\n(.*?)```", text, re.S)
    return [m.group(1) for m in blocks if ">>> " in m.group(1)]


def test_readme_library_example_gives_what_it_shows() -> None:
    blocks = _python_blocks(README.read_text(encoding="utf-8"))
    assert blocks, "the README lost its doctest-style library example"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for i, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README block {i}", str(README), 0)
        result = runner.run(test)
        assert result.failed == 0, f"README block {i}: {result.failed} examples differ"


@pytest.mark.parametrize("command", ["spark", "load", "accounts", "eval agreement"])
def test_readme_command_list_names_every_option(command: str) -> None:
    """The README's command lines for these commands name each option the parser has
    (``--db`` apart: the README says once how every ledger command takes it)."""
    import argparse

    from sayso.cli.main import build_parser

    words = command.split()
    parser: argparse.ArgumentParser = build_parser(words[0])
    for word in words:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[word]
    lines = [
        line
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith(f"sayso {command} ")
    ]
    assert lines, f"the README has no command line for sayso {command}"
    shown = " ".join(lines)
    options = {o for a in parser._actions for o in a.option_strings if o.startswith("--")}
    missing = sorted(o for o in options - {"--help", "--db"} if o not in shown)
    assert not missing, f"sayso {command}: {missing} not in the README"
