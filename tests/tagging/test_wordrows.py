"""The scorer keeps one row per distinct group of feature ids, not one per word and group:
words the models know only by their flags share their neighbour rows, and sharing changes
no score."""

from __future__ import annotations

import numpy as np

from sayso.tagging.scoring import Scorer
from sayso.tagging.tagger import taggers
from sayso.text.segment import segment


def _fresh() -> Scorer:
    tg = taggers("de")
    return Scorer(tg.cache, tg.models["quote"], tg.models["roles"], tg.models["frame"])


def test_wordrows_share_the_neighbour_rows_of_unknown_words() -> None:
    scorer = _fresh()
    rows = scorer.rows
    a, b = rows.word_ids(["Quarzblume", "Zinkwolke"]).tolist()
    # both capitalised, both unknown as words: the same rows as seen from a neighbour
    assert (rows.slots[a, 1:] == rows.slots[b, 1:]).all()
    assert rows.relative_of[a] == rows.relative_of[b]
    # their own features differ (suffixes, prefixes)
    assert rows.slots[a, 0] != rows.slots[b, 0]
    before = rows.groups.table.size
    rows.word_ids(["Moosgabel"])
    assert rows.groups.table.size == before + 1  # only its own group was new


def test_wordrows_shared_rows_score_as_rows_per_word() -> None:
    """Scores of a text met word by word equal those of a scorer meeting it at once."""
    text = "Die Sprecherin sagte, die Quarzblume sei verwelkt. Zinkwolken zogen auf."
    one = _fresh()
    seg = segment(text, set(), set())
    for w in seg.words:  # one word at a time: every row summed on its own
        one.rows.word_ids([w])
    other = _fresh()
    np.testing.assert_array_equal(one.document(seg).scores, other.document(seg).scores)
