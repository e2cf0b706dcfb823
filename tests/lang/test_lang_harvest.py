"""The committed lexicons are what tools/harvest_lexicon.py produces from train."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT.parent / "shared" / "data" / "wikinews-de" / "train"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train"

pytestmark = pytest.mark.corpus


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "harvest_lexicon", ROOT / "tools/harvest_lexicon.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up here
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not (WIKINEWS.is_dir() and POLNEAR.is_dir()), reason="../shared/data absent")
def test_cue_lexicons_are_reproducible() -> None:
    tool = _tool()
    de_gold, _ = tool.read_wikinews(WIKINEWS)
    en_gold, _ = tool.read_polnear(POLNEAR)
    de_cues, _ = tool.harvest_cues(tool.de_seed(), de_gold)
    en_cues, _ = tool.harvest_cues(tool.en_seed(), en_gold)
    for lang, fresh in (("de", de_cues), ("en", en_cues)):
        path = ROOT / "src" / "sayso" / "lang" / lang / "cues.json"
        committed = json.loads(path.read_text(encoding="utf-8"))
        committed.pop("_doc")
        assert json.loads(json.dumps(fresh)) == committed, f"rerun the harvest for {lang}"
