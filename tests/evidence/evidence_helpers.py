"""Lookups the evidence tests share: a statement by its words, its chain as names."""

from __future__ import annotations

from sayso.model import Analysis, Statement


def by_content(a: Analysis, words: str) -> Statement:
    found = [s for s in a.statements if words in a.spans_text(s.content)]
    assert found, f"no statement with {words!r}"
    return found[0]


def chain(a: Analysis, s: Statement) -> list[tuple[str, str]]:
    out = []
    for x in s.chain:
        actor = a.actor(x)
        assert actor is not None
        out.append((actor.name, actor.kind.value))
    return out
