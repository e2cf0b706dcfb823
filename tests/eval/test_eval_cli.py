"""``sayso eval`` sub-commands, floors logic and data-root resolution, on tiny corpora."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from eval_builders import ANN_A, mute, oracle, wikinews_doc, write_json, write_polnear

from sayso.cli import eval_cmd
from sayso.errors import SaysoError
from sayso.eval import data, floors
from sayso.eval.corpus import GoldDoc
from sayso.eval.floors import Check
from sayso.model import Analysis

SystemFn = Callable[[GoldDoc], Analysis]


def make_data(root: Path) -> Path:
    """A data root with both dev suites: two German articles, one English article."""
    write_json(root / "wikinews-de" / "dev", "1.json", wikinews_doc())
    second = wikinews_doc()
    second["documentName"] = "2 - Brücke"
    second["annotations"] = second["annotations"][:1]
    write_json(root / "wikinews-de" / "dev", "2.json", second)
    write_polnear(root / "polnear" / "dev", {"4e07": ANN_A})
    return root


def run(argv: list[str], system: SystemFn | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sayso")
    eval_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    args.system = system
    return int(args.func(args))


def half(gold_doc: GoldDoc) -> Analysis:
    """Finds only the first quotation of every document."""
    full = oracle(gold_doc)
    return Analysis(text=full.text, lang=full.lang, statements=full.statements[:1])


# --- corpus commands --------------------------------------------------------------------


def test_wikinews_text_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_data(tmp_path)
    assert run(["eval", "wikinews-de", str(root / "wikinews-de" / "dev")], oracle) == 0
    out = capsys.readouterr().out
    assert "2 documents, 3 gold quotations" in out
    assert "Joint" in out and "100.0" in out


def test_wikinews_json_limit_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_data(tmp_path)
    argv = ["eval", "wikinews-de", str(root / "wikinews-de" / "dev"), "--json", "--errors", "1"]
    assert run([*argv, "--limit", "1"], mute) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["docs"] == 1
    assert out["metrics"]["joint_f1"] == 0.0
    [worst] = out["worst_docs"]
    assert worst["doc_id"] == "1 - Brücke"
    assert [u["kind"] for u in worst["units"]] == ["missed", "missed"]
    assert worst["units"][0]["roles"][0]["gold"] == "die Brücke werde im Mai fertig"


def test_errors_listing_shows_gold_and_system(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_data(tmp_path)
    assert (
        run(["eval", "wikinews-de", str(root / "wikinews-de" / "dev"), "--errors", "5"], half) == 0
    )
    out = capsys.readouterr().out
    assert "#1  1 - Brücke" in out
    assert "missed (gold only)" in out
    assert "gold:   Wir feiern" in out
    assert "#2  2 - Brücke  (0 wrong tokens; 1 correct quotations not shown)" in out


def test_polnear_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_data(tmp_path)
    folder = str(root / "polnear" / "dev")
    assert run(["eval", "polnear", folder, "--json", "--annotators", "all"], oracle) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["metrics"]["attribution_exact_f1"] == 100.0
    assert run(["eval", "polnear", folder, "--errors", "1"], mute) == 0
    text = capsys.readouterr().out
    assert "Attribution" in text and "spurious" not in text and "missed" in text


def test_missing_corpus_folder_is_e005(tmp_path: Path) -> None:
    with pytest.raises(SaysoError, match="E005"):
        run(["eval", "wikinews-de", str(tmp_path / "nope")], oracle)


def test_eval_without_subcommand_prints_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["eval"]) == 2
    assert "gate" in capsys.readouterr().out


# --- gate and floors commands -----------------------------------------------------------


def test_gate_passes_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_data(tmp_path / "data")
    path = tmp_path / "floors.json"
    floors.save(path, {"wikinews-de/dev": {"joint_f1": 90.0}, "polnear/dev": {"cue_exact_f1": 50}})
    argv = ["eval", "gate", "--data", str(root), "--floors", str(path)]
    assert run(argv, oracle) == 0
    assert "joint_f1" in capsys.readouterr().out
    assert run(argv, mute) == 1
    captured = capsys.readouterr()
    assert "BELOW" in captured.out
    assert "E008: Score wikinews-de/dev:joint_f1 = 0.00 is below its pinned floor 90.00" in (
        captured.err
    )
    assert "polnear/dev:cue_exact_f1" in captured.err


def test_gate_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_data(tmp_path / "data")
    path = tmp_path / "floors.json"
    floors.save(path, {"wikinews-de/dev": {"messages_f1": 60.0}})
    assert run(["eval", "gate", "--data", str(root), "--floors", str(path), "--json"], half) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is True
    scores = out["scores"]["wikinews-de/dev"]
    assert scores["messages_recall"] == pytest.approx(66.7)  # mean(1, 0, 1) over 3 gold
    assert scores["messages_f1"] == pytest.approx(80.0)  # precision stays 100


def test_gate_fails_on_unknown_pinned_metric(tmp_path: Path) -> None:
    root = make_data(tmp_path / "data")
    path = tmp_path / "floors.json"
    floors.save(path, {"wikinews-de/dev": {"jont_f1": 0.0}})
    assert run(["eval", "gate", "--data", str(root), "--floors", str(path)], oracle) == 1


def test_floors_raise_and_refuse_lower(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_data(tmp_path / "data")
    path = tmp_path / "quality" / "floors.json"
    argv = ["eval", "floors", "--raise", "--data", str(root), "--floors", str(path)]
    assert run(argv, half) == 0  # no file yet: starts from the default metrics at 0.0
    first = floors.load(path)
    assert first["wikinews-de/dev"]["messages_f1"] == pytest.approx(80.0)
    assert set(first) == {"wikinews-de/dev", "polnear/dev"}
    with pytest.raises(SaysoError) as err:
        run(argv, mute)
    assert err.value.code == "E009"
    assert floors.load(path) == first  # nothing written
    assert run([*argv, "--allow-lower"], mute) == 0
    assert floors.load(path)["wikinews-de/dev"]["messages_f1"] == 0.0
    capsys.readouterr()
    assert run(["eval", "floors", "--floors", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == floors.load(path)


# --- floors logic -----------------------------------------------------------------------


def test_check_compares_at_one_decimal() -> None:
    assert Check("s", "m", 40.04, 40.0).ok
    assert Check("s", "m", 39.96, 40.0).ok  # rounds to 40.0
    assert not Check("s", "m", 39.94, 40.0).ok
    assert not Check("s", "m", None, 0.0).ok
    assert "not produced" in Check("s", "m", None, 0.0).message()
    assert Check("s", "m", 1.0, 2.0).message().startswith("E008: Score s:m = 1.00")


def test_check_lists_every_pinned_metric() -> None:
    pinned = {"a": {"x": 1.0, "y": 2.0}, "b": {"z": 0.0}}
    checks = floors.check(pinned, {"a": {"x": 5.0, "y": 1.0}})
    assert [(c.suite, c.metric, c.ok) for c in checks] == [
        ("a", "x", True),
        ("a", "y", False),
        ("b", "z", False),
    ]


def test_raised() -> None:
    pinned = {"a": {"x": 10.0, "y": 20.0, "gone": 5.0}}
    assert floors.raised(pinned, {"a": {"x": 12.34, "y": 20.0}}) == {
        "a": {"x": 12.3, "y": 20.0, "gone": 5.0}
    }
    with pytest.raises(SaysoError, match="E009"):
        floors.raised(pinned, {"a": {"x": 9.9, "y": 25.0}})
    assert floors.raised(pinned, {"a": {"x": 9.9}}, allow_lower=True)["a"]["x"] == 9.9


def test_load_and_save(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    floors.save(path, {"b": {"z": 1.26, "a": 0}, "a": {"m": 3}})
    text = path.read_text()
    assert text.endswith("\n")
    assert list(json.loads(text)) == ["a", "b"]
    assert floors.load(path) == {"a": {"m": 3.0}, "b": {"a": 0.0, "z": 1.3}}
    path.write_text('{"a": {"m": "high"}}')
    with pytest.raises(SaysoError, match="E004"):
        floors.load(path)
    path.write_text("[1, 2]")
    with pytest.raises(SaysoError, match="E004"):
        floors.load(path)
    with pytest.raises(SaysoError, match="E004"):
        floors.load(tmp_path / "missing.json")


def test_repository_floors_file_is_valid() -> None:
    pinned = floors.load(data.REPO_ROOT / "quality" / "floors.json")
    assert set(pinned) == {
        "wikinews-de/dev",
        "polnear/dev",
        "evidence/gold",
        "evidence/heldout",
        "speakers/dev",
    }
    # the speaker gold pins the right original speaker per language (held-out is never pinned)
    assert {"de_speaker_right", "en_speaker_right"} <= set(pinned["speakers/dev"])
    for suite, metrics in floors.DEFAULT_METRICS.items():
        assert set(metrics) <= set(pinned[suite])
    # the evidence sets pin precision for every label: a wrong "denied" must not creep in
    for suite in ("evidence/gold", "evidence/heldout"):
        for label in ("hearsay", "confirmation_denied", "disputes", "chain_hops"):
            assert f"{label}_precision" in pinned[suite]


# --- data root ----------------------------------------------------------------------------


def test_data_root_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert data.data_root(tmp_path) == tmp_path
    monkeypatch.setenv("SAYSO_DATA", str(tmp_path))
    assert data.data_root() == tmp_path
    monkeypatch.delenv("SAYSO_DATA")
    work = tmp_path / "main"
    (tmp_path / "shared" / "data").mkdir(parents=True)
    work.mkdir()
    monkeypatch.chdir(work)
    assert data.data_root() == tmp_path / "shared" / "data"
    with pytest.raises(SaysoError, match="E005"):
        data.data_root(tmp_path / "absent")


@pytest.mark.corpus
def test_gate_suites_exist_under_the_data_root(data_root: Path) -> None:
    for suite in ("wikinews-de/dev", "polnear/dev"):
        assert (data_root / suite).is_dir()


def test_corpus_tests_skip_or_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus_locator: Callable[..., Path]
) -> None:
    """Absent corpus: skip by default, fail when SAYSO_REQUIRE_CORPUS=1 (as in CI)."""
    assert corpus_locator(tmp_path) == tmp_path
    monkeypatch.delenv("SAYSO_REQUIRE_CORPUS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="absent"):
        corpus_locator(tmp_path, "wikinews-de")
    monkeypatch.setenv("SAYSO_REQUIRE_CORPUS", "1")
    with pytest.raises(pytest.fail.Exception, match="mandatory"):
        corpus_locator(tmp_path, "wikinews-de")
