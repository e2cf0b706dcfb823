"""Every rule id recorded on the dev corpora is in the rule catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

import sayso
from sayso import rules
from sayso.eval import polnear, wikinews


@pytest.mark.corpus
def test_rules_corpus_ids_recorded_on_the_dev_corpora_are_declared(
    wikinews_dev: Path, polnear_dev: Path
) -> None:
    seen: set[str] = set()
    for doc in wikinews.read_corpus(wikinews_dev):
        seen |= rules.recorded(sayso.analyze(doc.text, "de"))
    for doc in polnear.read_corpus(polnear_dev):
        seen |= rules.recorded(sayso.analyze(doc.text, "en"))
    assert rules.unknown(seen) == []
