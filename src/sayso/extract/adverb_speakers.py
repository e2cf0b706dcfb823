"""Adverbs are no speakers: "Weiterhin erklärte die Ministerin, …", "So betonte Sarkozy,
…", "Dazu sagte er, …". The role tagger (and the sentence-initial rule) sometimes take the
sentence's first word for the subject when it is an adverb in first position; German puts
the finite verb second, so the subject then stands right after the verb, and becomes the
speaker (a speaker with nothing there stays: clearing it would drop statements whose only
role it is). The adverbs are ``shapes.json`` ``intro.not_subjects`` (words that open a
clause before the verb and are no subject).
"""

from __future__ import annotations

from functools import partial

from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import Draft, Seg, content_tokens, is_free
from sayso.extract.speakers import inverted_subject
from sayso.lang import LangProfile
from sayso.lang.shapes import Shapes, shapes
from sayso.text.segment import Segmented


def replace_adverb_speakers(
    seg: Segmented, profile: LangProfile, sh: Shapes, drafts: list[Draft]
) -> None:
    """A speaker that is a single capitalised adverb of ``intro.not_subjects`` at the start
    of its sentence, followed by a lowercase word (the finite verb), becomes the subject
    right after that verb."""
    if not sh.intro_not_subjects:
        return
    words = seg.words
    for d in drafts:
        if len(d.speaker) != 1 or d.speaker_spans is not None:
            continue
        r = d.speaker[0]
        i = r.a
        if r.b - i != 1 or i != seg.sentences[r.sent][0] or i + 1 >= len(words):
            continue
        if not words[i][:1].isupper() or words[i].lower() not in sh.intro_not_subjects:
            continue
        if not words[i + 1][:1].islower():
            continue
        a, b = seg.sentences[r.sent]
        blocked = content_tokens(d) | {k for c in d.cue for k in range(c.a, c.b) if k != i + 1}
        blocked |= {k for k in range(a, b) if seg.quote_depth[k]}
        got = inverted_subject(seg, profile, a, b, i + 1, partial(is_free, blocked))
        if got is None:
            if d.cue:
                d.speaker = []
                d.rules.append("group.speaker.adverb_cleared.v1")
            continue
        d.speaker = [Seg(got[0], got[1], r.tag, r.sent)]
        d.rules.append("group.speaker.after_adverb.v1")


@component("extract.adverb_speakers.replace.v1", Stage.REFINE, langs=frozenset({"de"}))
def refine_replace(w: Work) -> None:
    """A speaker that is a sentence-initial adverb ("Weiterhin erklärte die Ministerin")
    gives way to the subject after the verb."""
    replace_adverb_speakers(w.seg, w.profile, shapes(w.profile.lang), w.drafts)
