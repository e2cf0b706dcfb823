"""Pairwise scoring of event groupings (sayso.eval.events)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.eval.events import Topic, score


def test_events_pairs_within_and_across_articles() -> None:
    topic = Topic("t", "q", (frozenset({1, 2}),))
    article_of = {"a": 1, "b": 1, "c": 2, "d": 3}
    # the system splits article 1 and joins article 3 with it
    got = score(topic, article_of, [["a", "d"], ["b", "c"]])
    assert (got["within"].gold, got["within"].system, got["within"].both) == (1, 0, 0)
    # across: a-c, b-c are gold; a-d and b-c are the system's; b-c in both
    assert (got["across"].gold, got["across"].system, got["across"].both) == (2, 2, 1)
    assert round(got["all"].f1, 3) == round(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3), 3)


def test_events_unknown_statements_are_left_out() -> None:
    topic = Topic("t", "q", ())
    got = score(topic, {"a": 1}, [["a", "x"]])
    assert got["all"].system == 0 and got["all"].f1 == 1.0


def test_events_gold_is_read_like_the_other_gold_files(tmp_path: Path) -> None:
    from sayso.errors import SaysoError
    from sayso.eval.events import read_gold

    good = tmp_path / "gold.jsonl"
    good.write_text('{"topic": "t", "query": "q", "events": [[1, 2]]}\n\n', "utf-8")
    assert read_gold(good) == [Topic("t", "q", (frozenset({1, 2}),))]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"topic": "t", "query": "q"}\n', "utf-8")
    with pytest.raises(SaysoError) as info:
        read_gold(bad)
    assert info.value.code == "E004" and "line 1" in str(info.value)
