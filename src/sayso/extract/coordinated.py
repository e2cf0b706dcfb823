"""Coordinated speakers: "Der Bürgermeister meinte, die Brücke sei sicher, und die
Stadträtin ergänzte, man werde sie prüfen." Two statements with two speakers (READING.md:
"meinte A, und B ergänzte: …"). The role tagger tags the sentence's roles once, so the
second content was given the first speaker and both cues, and the two contents were then
merged as one content cut by its frame. A content right after "<coordinator> <subject>
<cue verb> [particle]," takes that subject and verb as its own speaker and cue. The
coordinators are ``shapes.json`` ``intro.coordinators`` (shared with colon
introductions, which handle the same shape before a colon).
"""

from __future__ import annotations

from sayso.extract.according import noun_phrase_end
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import Draft, Seg, speaker_head
from sayso.lang import LangProfile
from sayso.lang.shapes import Shapes, shapes
from sayso.model import Form
from sayso.text.segment import Segmented

#: the coordinated clause before the content has at most this many words
MAX_CLAUSE = 10


def coordinated_speakers(
    seg: Segmented, profile: LangProfile, sh: Shapes, drafts: list[Draft]
) -> None:
    """Give a content after a coordinated attribution clause its own speaker and cue."""
    if not sh.intro_coordinators:
        return
    for d in drafts:
        if d.form is Form.DIRECT or d.speaker_spans is not None:
            continue
        got = _clause_before(seg, profile, sh, d.a)
        if got is None:
            continue
        (lo, hi), cue = got
        s = seg.sentence_of[d.a]
        d.speaker = [Seg(lo, hi, "S", s)]
        d.cue = [Seg(i, i + 1, "C", s) for i in cue]
        d.rules.append("group.speaker.coordinated.v1")


def _clause_before(
    seg: Segmented, profile: LangProfile, sh: Shapes, p: int
) -> tuple[tuple[int, int], list[int]] | None:
    """``((subject start, end), cue tokens)`` of "…, und B ergänzte[ particle]," ending
    right before token ``p``, or None."""
    words = seg.words
    s = seg.sentence_of[p]
    a = seg.sentences[s][0]
    if p - a < 5 or words[p - 1] != ",":
        return None
    j = next(
        (i for i in range(p - 2, max(a, p - 2 - MAX_CLAUSE), -1) if words[i] in (",", ";")),
        None,
    )
    if j is None or j + 1 >= p - 1 or seg.lows[j + 1] not in sh.intro_coordinators:
        return None
    k = j + 2  # the subject's first word
    v = next((i for i in range(k + 1, p - 1) if words[i][:1].islower()), None)
    if v is None or any(seg.quote_depth[i] for i in range(j, p)):
        return None
    low = words[v].lower()
    entry = profile.cue(low)
    cue = [v]
    if v + 1 < p - 1:
        # the particle of a split verb closes the clause ("B fügte hinzu,")
        if v + 2 != p - 1 or profile.cue_with_particle(low, words[v + 1]) is None:
            return None
        cue.append(v + 1)
    elif entry is None or entry.needs_particle(low):
        return None
    first = words[k].lower()
    if profile.is_speaker_pronoun(first) and first not in profile.determiners:
        return ((k, k + 1), cue) if v == k + 1 else None
    if noun_phrase_end(seg, profile, k, v) != v or not speaker_head(profile, words[v - 1]):
        return None
    return (k, v), cue


@component("extract.coordinated.speakers.v1", Stage.REFINE)
def refine_coordinated(w: Work) -> None:
    """A content after "…, und B ergänzte," takes B and the verb as its speaker and cue."""
    coordinated_speakers(w.seg, w.profile, shapes(w.profile.lang), w.drafts)
