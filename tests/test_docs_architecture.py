"""docs/architecture.md stays true: it lists every component of PIPELINE in order, and the
README points to it and to the rule catalogue."""

from __future__ import annotations

import re
from pathlib import Path

from sayso.pipeline import PIPELINE

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"


def test_docs_architecture_lists_the_pipeline_in_order() -> None:
    rows = re.findall(r"^\| `([a-z_.0-9]+\.v\d+)` \| (\w+) \|", DOC.read_text("utf-8"), re.M)
    assert rows == [(c.name, c.stage.value) for c in PIPELINE]


def test_docs_architecture_names_every_core_module() -> None:
    text = DOC.read_text("utf-8")
    for package in ("extract", "evidence"):
        for path in (ROOT / "src" / "sayso" / package).glob("[!_]*.py"):
            assert path.stem in text, f"sayso.{package}.{path.stem} is not in the picture"


def test_docs_architecture_readme_points_to_it_and_the_catalogue() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "docs/architecture.md" in readme
    assert "sayso rules" in readme
