"""The entity-level speaker scorer, on a hand-made article (own sentences only)."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import pytest

from sayso.cli import eval_cmd
from sayso.errors import SaysoError
from sayso.eval import speakers
from sayso.eval.corpus import GoldDoc
from sayso.model import Actor, ActorKind, Analysis, Form, Span, Statement

TEXT = (
    "Die Ministerin sagte, die Steuern sinken. Sie betonte, das sei fair. "
    "Der Kanzler meinte, man warte ab. Es hieß, der Plan sei geheim."
)


def at(words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Span(start, start + len(words))


MINISTER = at("Ministerin")
SHE = at("Sie")
CHANCELLOR = at("Kanzler")
TAXES = at("die Steuern sinken")
FAIR = at("das sei fair")
WAIT = at("man warte ab")
SECRET = at("der Plan sei geheim")


def gold_line() -> dict[str, object]:
    return {
        "doc": "gnad:0",
        "lang": "de",
        "annotator": "A",
        "entities": [
            {"id": "e1", "kind": "person", "mentions": [MINISTER.to_list(), SHE.to_list()]},
            {"id": "e2", "kind": "person", "mentions": [CHANCELLOR.to_list()]},
        ],
        "statements": [
            {"content": [TAXES.to_list()], "speaker": "e1", "chain": ["e1"], "note": ""},
            {"content": [FAIR.to_list()], "speaker": "e1", "chain": ["e1"], "note": ""},
            {"content": [WAIT.to_list()], "speaker": "e2", "chain": ["e2"], "note": ""},
            {"content": [SECRET.to_list()], "speaker": None, "chain": [], "note": ""},
        ],
    }


def article() -> speakers.GoldArticle:
    return speakers.parse_line(gold_line())


def actor(aid: str, *mentions: Span, kind: ActorKind = ActorKind.PERSON) -> Actor:
    return Actor(id=aid, name=aid, kind=kind, mentions=tuple(mentions))


def stmt(sid: str, content: Span, who: str | None, chain: tuple[str, ...] = ()) -> Statement:
    return Statement(id=sid, content=(content,), form=Form.INDIRECT, actor=who, chain=chain)


def analysis(statements: list[Statement], actors: list[Actor]) -> Analysis:
    return Analysis(text=TEXT, lang="de", statements=tuple(statements), actors=tuple(actors))


UNKNOWN = actor("a9", kind=ActorKind.UNKNOWN)


def perfect() -> Analysis:
    return analysis(
        [
            stmt("s1", TAXES, "a1"),
            stmt("s2", FAIR, "a1"),
            stmt("s3", WAIT, "a2"),
            stmt("s4", SECRET, "a9"),
        ],
        [actor("a1", MINISTER, SHE), actor("a2", CHANCELLOR), UNKNOWN],
    )


def metrics(a: Analysis) -> dict[str, float]:
    return speakers.score([article()], {"gnad:0": a}).metrics()


def test_speakers_perfect_analysis_scores_full_marks() -> None:
    m = metrics(perfect())
    assert m["de_found"] == 100.0
    assert m["de_speaker_right"] == 100.0
    assert m["de_actors_per_entity"] == 1.0
    assert m["de_kind_accuracy"] == 100.0


def test_speakers_pronoun_actor_of_its_own_is_right_but_splits_the_entity() -> None:
    a = analysis(
        [stmt("s1", TAXES, "a1"), stmt("s2", FAIR, "a3"), stmt("s3", WAIT, "a2")],
        [actor("a1", MINISTER), actor("a2", CHANCELLOR), actor("a3", SHE)],
    )
    m = metrics(a)
    assert m["de_found"] == 75.0  # the sourceless statement is missing
    assert m["de_speaker_right"] == 75.0
    assert m["de_speaker_right_found"] == 100.0
    assert m["de_actors_per_entity"] == 1.5  # e1 has two actors, e2 one


def test_speakers_neighbour_guess_for_sourceless_statement_is_wrong() -> None:
    a = perfect()
    guessed = analysis([*a.statements[:3], stmt("s4", SECRET, "a2")], list(a.actors))
    assert metrics(guessed)["de_speaker_right"] == 75.0


def test_speakers_wrong_entity_and_unresolved_statement_are_wrong() -> None:
    a = analysis(
        [stmt("s1", TAXES, "a2"), stmt("s2", FAIR, None), stmt("s3", WAIT, "a2")],
        [actor("a2", CHANCELLOR)],
    )
    report = speakers.score([article()], {"gnad:0": a})
    assert report.metrics()["de_speaker_right"] == 25.0
    assert any("#1: gold e1, system a2" in m for m in report.mistakes)
    assert report.doc_errors() == {"gnad:0": 3}


def test_speakers_original_speaker_is_the_last_chain_hop() -> None:
    outlet = actor("a5", CHANCELLOR, kind=ActorKind.OUTLET)
    a = analysis(
        [stmt("s1", TAXES, "a1", chain=("a5", "a1")), stmt("s3", WAIT, "a1", chain=("a1",))],
        [actor("a1", MINISTER, SHE), outlet],
    )
    m = metrics(a)
    assert m["de_speaker_right"] == 25.0  # s1 right through its chain, s3 wrong


def test_speakers_speaker_span_counts_for_the_statements_own_actor() -> None:
    s = Statement(id="s1", content=(TAXES,), form=Form.INDIRECT, speaker=(MINISTER,), actor="a1")
    a = analysis([s], [actor("a1")])
    assert metrics(a)["de_speaker_right"] == 25.0


def test_speakers_kind_accuracy_compares_actor_kind_with_gold_kind() -> None:
    a = analysis(
        [stmt("s1", TAXES, "a1"), stmt("s3", WAIT, "a2")],
        [actor("a1", MINISTER, kind=ActorKind.ORGANIZATION), actor("a2", CHANCELLOR)],
    )
    assert metrics(a)["de_kind_accuracy"] == 50.0


def test_speakers_content_below_minimum_overlap_is_not_found() -> None:
    tiny = Span(TAXES.start, TAXES.start + 3)
    a = analysis([stmt("s1", tiny, "a1")], [actor("a1", MINISTER)])
    assert metrics(a)["de_found"] == 0.0


def test_speakers_validate_reports_bad_spans_and_ids() -> None:
    line = gold_line()
    entities = line["entities"]
    assert isinstance(entities, list)
    entities[0]["mentions"].append([MINISTER.start - 1, MINISTER.end])  # leading space
    statements = line["statements"]
    assert isinstance(statements, list)
    statements[1]["speaker"] = "e7"
    statements[2]["content"] = [[0, len(TEXT) + 5]]
    problems = speakers.validate(speakers.parse_line(line), TEXT)
    assert any("whitespace" in p for p in problems)
    assert any("outside the text" in p for p in problems)
    assert any("unknown entity" in p for p in problems)
    assert speakers.validate(article(), TEXT) == []


def test_speakers_read_gold_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_line()) + "\n{}\n", encoding="utf-8")
    with pytest.raises(SaysoError) as err:
        speakers.read_gold(path)
    assert "line 2" in str(err.value)


def test_speakers_cli_json_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "gnad").mkdir()
    with (tmp_path / "gnad" / "articles.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";", quotechar="'").writerow(["Inland", TEXT])
    gold = tmp_path / "dev.jsonl"
    gold.write_text(json.dumps(gold_line()) + "\n", encoding="utf-8")

    def system(doc: GoldDoc) -> Analysis:
        assert doc.text == TEXT and doc.lang == "de"
        return perfect()

    parser = argparse.ArgumentParser(prog="sayso")
    eval_cmd.register(parser.add_subparsers(dest="command"))
    outputs = []
    for extra in (["--json"], []):
        args = parser.parse_args(
            ["eval", "speakers", "--data", str(tmp_path), "--gold", str(gold), *extra]
        )
        args.system = system
        assert args.func(args) == 0
        outputs.append(capsys.readouterr().out)
    assert json.loads(outputs[0])["metrics"]["de_speaker_right"] == 100.0
    assert "right speaker % (all)" in outputs[1] and "100.0" in outputs[1]


@pytest.mark.corpus
@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_speakers_gold_files_are_sound(part: str, data_root: Path) -> None:
    root = data_root
    gold = speakers.read_gold(speakers.default_gold(part))
    docs = speakers.gold_docs(gold, root)
    problems = [p for a, d in zip(gold, docs, strict=True) for p in speakers.validate(a, d.text)]
    assert problems == []
    assert len({a.doc for a in gold}) == len(gold)
    assert {a.lang for a in gold} == {"de", "en"}
