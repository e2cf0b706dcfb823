"""A German indirect draft built by hand, so that the taggers play no part: the speaker
rules under test then read only the clause's shape."""

from __future__ import annotations

from sayso.extract import draft
from sayso.lang import LangProfile, load
from sayso.model import Form
from sayso.text.segment import Segmented, segment


def hand_draft(
    text: str, cue: list[str], content_from: str
) -> tuple[Segmented, LangProfile, draft.Draft]:
    """The first sentence of ``text`` as one indirect draft: its cue the words ``cue``, its
    content from the word ``content_from`` to the sentence's final punctuation."""
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    b = seg.sentences[0][1]
    lo = words.index(content_from)
    d = draft.Draft(
        parts=[draft.Seg(lo, b - 1, "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(i, i + 1, "C", 0) for i in (words.index(w) for w in cue)],
    )
    return seg, profile, d


def words_of(seg: Segmented, runs: list[draft.Seg]) -> str:
    return " ".join(seg.words[i] for r in runs for i in range(r.a, r.b))
