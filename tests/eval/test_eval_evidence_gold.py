"""The evidence gold files (quality/evidence/*.jsonl) keep the shape the guidelines promise.

A bad offset or a dangling relation target in a hand-annotated file silently skews every
figure measured on it, so the files are checked here: ids, order, relation targets and the
disputes/confirms consistency rule without the corpus; spans against the article texts with
it (docs/evidence-guidelines.md, sections 1, 7 and 8).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from sayso.eval.data import REPO_ROOT
from sayso.eval.evidence import document_texts, read_gold

GOLD_DIR = REPO_ROOT / "quality" / "evidence"
PARTS = ("gold.jsonl", "heldout.jsonl")


def _lines(name: str) -> list[dict[str, Any]]:
    text = (GOLD_DIR / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _all_spans(line: dict[str, Any]) -> list[list[int]]:
    out = [*line["content"], *line["speaker"], *line["cue"], *line["hearsay"]]
    out += [*line["hedged"], *line["stance_evidence"], *line["confirmation_evidence"]]
    out += [hop["span"] for hop in line["chain"] if hop["span"]]
    out += [span for rel in line["relations"] for span in rel["evidence"]]
    return out


def test_evidence_gold_size_meets_the_issue_targets() -> None:
    statements = {name: _lines(name) for name in PARTS}
    docs = {name: {line["doc"] for line in lines} for name, lines in statements.items()}
    assert sum(len(lines) for lines in statements.values()) >= 500
    assert len(docs["gold.jsonl"] | docs["heldout.jsonl"]) >= 40
    assert len(docs["heldout.jsonl"]) >= 15
    assert not docs["gold.jsonl"] & docs["heldout.jsonl"]  # no article in both parts
    for lang_prefix in ("gnad:", "polnear:"):
        share = sum(
            line["doc"].startswith(lang_prefix) for lines in statements.values() for line in lines
        ) / sum(len(lines) for lines in statements.values())
        assert 0.35 <= share <= 0.65  # German and English about half each


@pytest.mark.parametrize("name", PARTS)
def test_evidence_gold_ids_order_and_relations_are_consistent(name: str) -> None:
    lines = _lines(name)
    assert len(read_gold(GOLD_DIR / name)) == len(lines)  # every line parses
    by_id = {line["id"]: line for line in lines}
    assert len(by_id) == len(lines)
    per_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in lines:
        per_doc[line["doc"]].append(line)
    for doc, statements in per_doc.items():
        assert [s["id"] for s in statements] == [
            f"{doc}#{n}" for n in range(1, len(statements) + 1)
        ]
        starts = [s["content"][0][0] for s in statements]
        assert starts == sorted(starts), doc  # numbered in order of where content starts
    expected = {"disputes": "denied", "confirms": "confirmed"}
    for line in lines:
        assert line["chain"], line["id"]
        for rel in line["relations"]:
            target = rel["target"]
            if target.startswith("implicit:"):
                continue
            assert by_id[target]["doc"] == line["doc"], line["id"]
            if rel["kind"] in expected:
                assert by_id[target]["confirmation"] == expected[rel["kind"]], line["id"]


@pytest.mark.corpus
@pytest.mark.parametrize("name", PARTS)
def test_evidence_gold_spans_fit_the_article_texts(name: str, data_root: Path) -> None:
    lines = _lines(name)
    texts = document_texts(data_root, {line["doc"] for line in lines})
    for line in lines:
        text = texts[line["doc"]]
        for start, end in _all_spans(line):
            assert 0 <= start < end <= len(text), line["id"]
            piece = text[start:end]
            assert piece == piece.strip() and piece.strip("\u00a0") == piece, line["id"]


SECOND = "second/annotator2.jsonl"  # the independent second annotation of five articles


def test_evidence_gold_second_annotation_is_consistent() -> None:
    lines = _lines(SECOND)
    assert len(read_gold(GOLD_DIR / SECOND)) == len(lines)
    by_id = {line["id"]: line for line in lines}
    per_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in lines:
        per_doc[line["doc"]].append(line)
    assert len(per_doc) == 5
    first = {line["doc"] for name in PARTS for line in _lines(name)}
    assert set(per_doc) <= first  # every article is also in the first annotation
    for doc, statements in per_doc.items():
        assert [s["id"] for s in statements] == [
            f"{doc}#a2-{n}" for n in range(1, len(statements) + 1)
        ]
        starts = [s["content"][0][0] for s in statements]
        assert starts == sorted(starts), doc
    expected = {"disputes": "denied", "confirms": "confirmed"}
    for line in lines:
        assert line["chain"], line["id"]
        for rel in line["relations"]:
            if rel["target"].startswith("implicit:"):
                continue
            assert by_id[rel["target"]]["doc"] == line["doc"], line["id"]
            if rel["kind"] in expected:
                assert by_id[rel["target"]]["confirmation"] == expected[rel["kind"]], line["id"]


@pytest.mark.corpus
def test_evidence_gold_second_annotation_spans_fit(data_root: Path) -> None:
    lines = _lines(SECOND)
    texts = document_texts(data_root, {line["doc"] for line in lines})
    for line in lines:
        text = texts[line["doc"]]
        for start, end in _all_spans(line):
            piece = text[start:end]
            assert 0 <= start < end <= len(text), line["id"]
            assert piece == piece.strip() and piece.strip("\u00a0") == piece, line["id"]
