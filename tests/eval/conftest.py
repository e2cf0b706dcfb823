"""Shared fixtures for the evaluation tests.

Corpus-backed tests (marked ``@pytest.mark.corpus``) read ``$SAYSO_DATA``, else
``../shared/data`` next to the repository (as ``sayso eval`` does, so a git worktree
elsewhere can point at the data). When that folder is absent they skip with a reason,
unless the environment sets ``SAYSO_REQUIRE_CORPUS=1`` (CI does): then a missing corpus is
a failure, so the gold-data checks can never silently stop running.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

DATA_ROOT = Path(
    os.environ.get("SAYSO_DATA") or Path(__file__).resolve().parents[2].parent / "shared" / "data"
)


def corpus_required() -> bool:
    return os.environ.get("SAYSO_REQUIRE_CORPUS") == "1"


def locate_corpus(root: Path, *parts: str) -> Path:
    """The folder ``root/parts``; skip the test if absent, or fail when the corpus is required."""
    path = root.joinpath(*parts)
    if not path.is_dir():
        reason = f"corpus folder {path} is absent"
        if corpus_required():
            pytest.fail(f"{reason}, and SAYSO_REQUIRE_CORPUS=1 makes it mandatory")
        pytest.skip(f"{reason} (set SAYSO_REQUIRE_CORPUS=1 to make this a failure)")
    return path


def corpus_path(*parts: str) -> Path:
    return locate_corpus(DATA_ROOT, *parts)


@pytest.fixture
def corpus_locator() -> Callable[..., Path]:
    """:func:`locate_corpus` itself, so the skip/fail policy can be tested."""
    return locate_corpus


@pytest.fixture
def data_root() -> Path:
    return corpus_path()


@pytest.fixture
def wikinews_dev() -> Path:
    return corpus_path("wikinews-de", "dev")


@pytest.fixture
def polnear_dev() -> Path:
    return corpus_path("polnear", "dev")
