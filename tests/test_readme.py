"""The README's examples are run, so that the user's guide shows what the code gives."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

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
