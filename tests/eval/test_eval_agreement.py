"""Inter-annotator agreement on the evidence labels (sayso.eval.agreement), on made-up lines."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from sayso.cli import eval_cmd
from sayso.errors import SaysoError
from sayso.eval import agreement as ag
from sayso.eval.evidence import GoldStatement, parse_line

DOC = "gnad:9"


def line(
    sid: str,
    content: list[list[int]],
    *,
    doc: str = DOC,
    hearsay: bool = False,
    stance: str = "neutral",
    confirmation: str = "unknown",
    chain: list[dict[str, Any]] | None = None,
    relations: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "id": sid,
        "doc": doc,
        "content": content,
        "speaker": [],
        "cue": [],
        "chain": chain or [{"kind": "person", "span": None}],
        "hearsay": [[0, 4]] if hearsay else [],
        "hedged": [],
        "stance": stance,
        "stance_evidence": [],
        "confirmation": confirmation,
        "confirmation_evidence": [[0, 4]] if confirmation != "unknown" else [],
        "relations": relations or [],
        "note": "",
    }


def parsed(*lines: dict[str, Any]) -> list[GoldStatement]:
    return [parse_line(x) for x in lines]


def test_agreement_kappa_known_values() -> None:
    # the textbook table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> po .7, pe .5, kappa .4
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    observed, kappa = ag.cohen_kappa(pairs)
    assert observed == pytest.approx(0.7)
    assert kappa == pytest.approx(0.4)
    assert ag.cohen_kappa([("n", "n")] * 4) == (1.0, None)  # no variation: kappa undefined
    assert ag.cohen_kappa([("y", "n"), ("n", "y")])[1] == pytest.approx(-1.0)
    assert ag.cohen_kappa([]) == (0.0, None)


def test_agreement_align_is_symmetric_and_needs_overlap_both_ways() -> None:
    a = parsed(line("a1", [[0, 100]]), line("a2", [[200, 220]]))
    b = parsed(line("b1", [[10, 100]]), line("b2", [[150, 260]]), line("b3", [[40, 60]]))
    # b2 covers all of a2, but a2 covers only 20/110 of b2: no pair; b3 loses to b1
    assert ag.align(a, b) == {"a1": "b1"}
    assert ag.align(b, a) == {"b1": "a1"}


def test_agreement_statement_f1_and_unpaired_listing() -> None:
    a = parsed(line("a1", [[0, 10]]), line("a2", [[20, 30]]), line("a3", [[40, 50]]))
    b = parsed(line("b1", [[0, 10]]), line("b2", [[60, 70]]))
    report = ag.agreement(a, b, texts={DOC: "x" * 80})
    st = report.statements
    assert (st.a, st.b, st.matched) == (3, 2, 1)
    assert st.prf().f1 == pytest.approx(2 * 1 / 5)
    assert sum(d.startswith("only A:") for d in report.disagreements) == 2
    assert any(d.startswith("only B: b2 [60-70] 'xxxxxxxxxx'") for d in report.disagreements)


def test_agreement_labels_over_aligned_pairs() -> None:
    a = parsed(
        line("a1", [[0, 10]], hearsay=True, stance="distancing"),
        line("a2", [[20, 30]], hearsay=True, confirmation="denied"),
        line("a3", [[40, 50]]),
        line("a4", [[60, 70]]),
    )
    b = parsed(
        line("b1", [[0, 10]], hearsay=True),
        line("b2", [[20, 30]], confirmation="denied"),
        line("b3", [[40, 50]], hearsay=True),
        line("b4", [[60, 70]]),
    )
    report = ag.agreement(a, b)
    hs = report.labels["hearsay"]
    assert (hs.pairs, hs.a_positive, hs.b_positive, hs.both_positive) == (4, 2, 2, 1)
    assert hs.observed == pytest.approx(0.5)
    assert hs.kappa == pytest.approx(0.0)
    conf = report.labels["confirmation"]
    assert conf.kappa == pytest.approx(1.0)
    assert report.labels["stance"].a_positive == 1 and report.labels["stance"].b_positive == 0
    assert report.labels["hedged"].kappa is None
    assert "stance: A=distancing B=neutral a1 ~ b1" in report.disagreements
    assert "hearsay: A=no B=yes a3 ~ b3" in report.disagreements


def test_agreement_chain_hops_by_kind_and_mention() -> None:
    outlet = {"kind": "outlet", "span": [100, 110]}
    person = {"kind": "person", "span": [120, 130]}
    a = parsed(
        line("a1", [[0, 10]], chain=[outlet, person]),
        line("a2", [[20, 30]], chain=[{"kind": "anonymous", "span": None}, person]),
    )
    b = parsed(
        line("b1", [[0, 10]], chain=[{"kind": "outlet", "span": [105, 108]}, person]),
        line("b2", [[20, 30]], chain=[{"kind": "outlet", "span": [140, 150]}, person]),
    )
    report = ag.agreement(a, b)
    hops = report.items["chain_hops"]
    assert (hops.a, hops.b, hops.matched) == (2, 2, 1)
    assert report.labels["chain_outer"].kappa is None  # every pair has an outer hop
    assert report.labels["chain_kinds"].observed == pytest.approx(0.5)
    assert "chain hop only A: anonymous a2 ~ b2" in report.disagreements


def test_agreement_relations_need_aligned_source_and_target() -> None:
    a = parsed(
        line("a1", [[0, 10]], confirmation="denied"),
        line("a2", [[20, 30]], relations=[{"kind": "disputes", "target": "a1"}]),
        line("a3", [[40, 50]], relations=[{"kind": "disputes", "target": "implicit:reports"}]),
        line("a4", [[60, 70]], relations=[{"kind": "contradicts", "target": "a1"}]),
    )
    b = parsed(
        line("b1", [[0, 10]], confirmation="denied"),
        line("b2", [[20, 30]], relations=[{"kind": "disputes", "target": "b1"}]),
        line("b3", [[40, 50]], relations=[{"kind": "disputes", "target": "b1"}]),
        line("b4", [[60, 70]]),
    )
    report = ag.agreement(a, b)
    d = report.items["disputes"]
    assert (d.a, d.b, d.matched) == (2, 2, 1)
    assert report.items["contradicts"].a == 1 and report.items["contradicts"].matched == 0
    assert report.labels["disputes"].kappa == pytest.approx(1.0)  # both: a2/b2 and a3/b3
    assert report.labels["contradicts"].a_positive == 1
    assert "disputes only B: b3 -> b1" in report.disagreements
    assert "disputes only A: a3 -> implicit (~ b3)" in report.disagreements


def test_agreement_a_relation_to_an_unaligned_statement_is_no_implicit_one() -> None:
    """B disputes a statement A did not annotate; A's dispute of an account the article
    does not report (implicit target) is another relation, not a match."""
    a = parsed(
        line("a2", [[20, 30]], relations=[{"kind": "disputes", "target": "implicit:reports"}])
    )
    b = parsed(
        line("b1", [[100, 110]]),
        line("b2", [[20, 30]], relations=[{"kind": "disputes", "target": "b1"}]),
    )
    d = ag.agreement(a, b).items["disputes"]
    assert (d.a, d.b, d.matched) == (1, 1, 0)


def test_agreement_only_on_the_second_annotators_documents() -> None:
    a = parsed(line("a1", [[0, 10]]), line("x1", [[0, 10]], doc="gnad:1"))
    b = parsed(line("b1", [[0, 10]]))
    report = ag.agreement(a, b)
    assert report.docs == (DOC,)
    assert report.statements.a == 1
    assert json.loads(json.dumps(report.to_dict()))["statements"]["_f1"] == 100.0


def _write(path: Path, *lines: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def _args(**kw: Any) -> argparse.Namespace:
    base = {"reference": None, "data": None, "json": False, "disagreements": False}
    return argparse.Namespace(**(base | kw))


def test_agreement_cli_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _write(tmp_path / "a.jsonl", line("gnad:9#1", [[0, 10]], hearsay=True))
    second = _write(tmp_path / "b.jsonl", line("gnad:9#b1", [[2, 10]], hearsay=True))
    assert eval_cmd.run_agreement(_args(file=second, reference=[first])) == 0
    out = capsys.readouterr().out
    assert "aligned 1; F1 100.0" in out
    assert "hearsay" in out and "n/a" in out
    assert eval_cmd.run_agreement(_args(file=second, reference=[first], json=True)) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["labels"]["hearsay"]["both_positive"] == 1


def test_agreement_cli_bad_file_is_e004(tmp_path: Path) -> None:
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(SaysoError) as exc:
        eval_cmd.run_agreement(_args(file=bad, reference=[bad]))
    assert exc.value.code == "E004"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\xff\xfe\x00not text", "UTF-8"),  # a binary file: no internal error
        (b'{"id": "x", "doc": "gnad:9"}\n', "no field '"),  # a line without a field
        (b"", "no statements"),  # nothing to compare: no table of zeros
    ],
)
def test_agreement_cli_unusable_second_file_is_one_coded_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, said: str
) -> None:
    from sayso.cli.main import main

    second = tmp_path / "b.jsonl"
    second.write_bytes(content)
    reference = _write(tmp_path / "a.jsonl", line("gnad:9#1", [[0, 10]]))
    assert main(["eval", "agreement", str(second), "--reference", str(reference)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("sayso: error E004:") and said in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("doc", ["gnad:7", "gnad:abc", "polnear:dev"])
def test_agreement_cli_document_id_the_data_lacks_is_e004(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: str
) -> None:
    """With --data the disagreements show the words; a document id the corpus does not
    hold (row out of range, no number, no split/stem) is one E004 line naming it."""
    from sayso.cli.main import main

    (tmp_path / "gnad").mkdir()
    (tmp_path / "gnad" / "articles.csv").write_text("Kultur;'Ein Text.'\n", "utf-8")
    second = _write(tmp_path / "b.jsonl", line("b1", [[0, 3]], doc=doc))
    reference = _write(tmp_path / "a.jsonl", line("a1", [[0, 3]], doc=doc))
    argv = ["eval", "agreement", str(second), "--reference", str(reference)]
    assert main([*argv, "--data", str(tmp_path), "--disagreements"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sayso: error E004:") and doc in err, err
