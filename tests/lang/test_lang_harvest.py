"""The committed lexicons are what tools/harvest_lexicon.py produces from train and its
seed files (tools/harvest_seeds/)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT.parent / "shared" / "data" / "wikinews-de" / "train"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "harvest_lexicon", ROOT / "tools/harvest_lexicon.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up here
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.corpus
@pytest.mark.skipif(not (WIKINEWS.is_dir() and POLNEAR.is_dir()), reason="../shared/data absent")
def test_harvested_lexicons_are_reproducible(tmp_path: Path) -> None:
    """Every file the harvest writes is the committed one, byte for byte: an entry added
    by hand to src/sayso/lang would be lost at the next harvest (add it to the seed)."""
    tool = _tool()
    args = ["--wikinews", str(WIKINEWS), "--polnear", str(POLNEAR), "--write"]
    assert tool.main([*args, "--out", str(tmp_path), "--top", "0"]) == 0
    written = sorted(tmp_path.rglob("*.json"))
    assert len(written) == 6
    for path in written:
        rel = path.relative_to(tmp_path)
        committed = ROOT / "src" / "sayso" / "lang" / rel
        assert path.read_bytes() == committed.read_bytes(), f"rerun the harvest ({rel})"


def test_seed_files_give_the_verb_forms() -> None:
    """The seed tables are read from tools/harvest_seeds/*.json and conjugated in code."""
    tool = _tool()
    de = {s.lemma: s for s in tool.de_seed()}
    ank = de["ankündigen"]
    assert ank.particle == "an" and ank.stance == "neutral" and ank.medium == "speech_writing"
    assert {"angekündigt", "anzukündigen", "ankündigte"} <= ank.forms
    assert "kündigte" in ank.split_forms and "ankündigte" not in ank.split_forms
    assert {"bestritt", "bestritten", "bestreite"} <= de["bestreiten"].forms
    en = {s.lemma: s for s in tool.en_seed()}
    assert en["point out"].particle == "out" and "pointed" in en["point out"].split_forms
    assert {"denies", "denied"} <= en["deny"].forms and en["deny"].stance == "distancing"


def test_seed_verb_listed_twice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    tool = _tool()
    row = ["sagen", "w", "n", "sdvn", "s"]
    monkeypatch.setattr(tool, "DE_VERBS", [row, ["sagen", "w", "d", "s", "s"]])
    with pytest.raises(ValueError, match="listed twice"):
        tool.de_seed()
    monkeypatch.setattr(tool, "DE_VERBS", [row])
    assert [s.lemma for s in tool.de_seed()] == ["sagen"]
