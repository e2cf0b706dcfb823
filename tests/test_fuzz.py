"""A bounded slice of the fuzzer (``tools/fuzz.py``) on every CI run: a few thousand
mutated news-like inputs through ``analyze()`` and the ingest readers, every documented
invariant checked. The big runs are ``make fuzz N=1000000`` (see the README)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import sayso

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def _load(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(TOOLS))
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


fuzz = _load("fuzz")

#: CI's slice: inputs 0..SLICE-1 of seed 1 (deterministic: the same inputs every run)
SLICE = 2000


# feedparser's notice about updated_parsed, raised by the feed reader on every dated entry
@pytest.mark.filterwarnings("ignore:To avoid breaking existing software:DeprecationWarning")
def test_fuzz_slice_has_no_failures() -> None:
    report = fuzz.run_range(1, 0, SLICE)
    assert report.tried == SLICE
    assert report.ingest > 100, "the slice reaches the ingest readers too"
    assert report.failures == {}, report.failures


def test_fuzz_generation_is_deterministic() -> None:
    assert fuzz.case_of(7, 123) == fuzz.case_of(7, 123)
    assert fuzz.case_of(7, 123) != fuzz.case_of(7, 124)


@pytest.mark.parametrize(
    ("text", "key"),
    [("Er sagte, die Lage sei ernst.", None), ("„Wir sind bereit“, sagte sie.", None)],
)
def test_fuzz_checker_accepts_good_analyses(text: str, key: str | None) -> None:
    fuzz.check_analysis(sayso.analyze(text, "de"), len(text))


def test_fuzz_checker_catches_a_speaker_inside_content() -> None:
    from dataclasses import replace

    text = "Anna Berger sagte, die Lage sei ernst."
    a = sayso.analyze(text, "de")
    s = a.statements[0]
    broken = replace(a, statements=(replace(s, speaker=s.content),))
    with pytest.raises(fuzz.Broken) as info:
        fuzz.check_analysis(broken, len(text))
    assert info.value.key == "overlap.speaker"


def test_fuzz_shrink_keeps_the_failure_and_makes_it_smaller(tmp_path: Path) -> None:
    case = fuzz.Case("analyze", "Anna Berger sagte, die Lage sei ernst. " * 3, "de")

    def fails(c: fuzz.Case, _folder: Path) -> tuple[float, str | None, str]:
        return 0.0, ("x" if "ernst" in str(c.text) else None), ""

    small = fuzz.shrink(case, "x", tmp_path, run=fails)
    assert small.text == "ernst"
