"""Anonymous sources with a post-modifier: "an official familiar with the matter", "people
close to the talks", "a person briefed on the plans" (``shapes.json``
``source_modifiers``). The source is the whole phrase — a careful reader names the group as
the article does — and a sentence that ends in such a source and a cue verb ("…, an
official familiar with the matter said.") is attributed to it, which the postposed
attribution rule (a short noun phrase before the verb) does not reach.
"""

from __future__ import annotations

from sayso.extract.according import limits
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, Draft, Seg, finite_cue
from sayso.lang import LangProfile
from sayso.lang.shapes import Shapes, shapes
from sayso.model import Form
from sayso.text.segment import Segmented


def _modifier_at(seg: Segmented, sh: Shapes, i: int) -> int | None:
    """The end of a source modifier starting at token ``i``, or None."""
    for ph in sh.source_modifiers:
        if tuple(seg.lows[i : i + len(ph)]) == ph:
            return i + len(ph)
    return None


def _head(profile: LangProfile, w: str) -> bool:
    """An anonymous or role head noun ("official", "people", "sources", "person")."""
    kind = profile.actor_kind_hint(w)
    return profile.is_role_noun(w) or (kind is not None and kind.value in ("anonymous", "person"))


def modified_source(
    seg: Segmented, profile: LangProfile, sh: Shapes, a: int, end: int
) -> tuple[int, int, int] | None:
    """(start, modifier start, end) of a modified source starting at ``a`` and running
    to the first cue verb, comma or ``end``: determiner or number, head noun(s), a
    modifier, its object (a noun phrase)."""
    words = seg.words
    j = a
    while j < end and j - a < 4 and not _modifier_at(seg, sh, j):
        if words[j] in profile.clause_breaks or finite_cue(profile, words[j]):
            return None
        j += 1
    m = _modifier_at(seg, sh, j) if j < end else None
    if m is None or j == a or not _head(profile, words[j - 1]):
        return None
    # the modifier's object runs up to the cue verb ("the matter", "the talks on trade");
    # English common nouns are lowercase, so no noun-phrase grammar bounds it
    e = m
    while e < end and not finite_cue(profile, words[e]) and words[e] not in profile.clause_breaks:
        e += 1
    if e == m or e - a > limits(seg).anonymous_max_source or seg.lows[m] in profile.complementizers:
        return None
    return a, j, e


def extend_speakers(seg: Segmented, profile: LangProfile, sh: Shapes, drafts: list[Draft]) -> None:
    """A speaker that ends at its head noun before a source modifier ("[An official]
    familiar with the matter said") takes in the modifier and its object."""
    for d in drafts:
        if len(d.speaker) != 1 or d.speaker_spans is not None:
            continue
        r = d.speaker[0]
        _sa, sb = seg.sentences[r.sent]
        if r.b >= sb or _modifier_at(seg, sh, r.b) is None:
            continue
        content = {i for p in d.parts for i in range(p.a, p.b)}
        # the source runs to its cue after it, else to the sentence end before its final
        # punctuation ("…, said a person briefed on the repairs[.]")
        end = sb
        while end > r.b and seg.words[end - 1] in FINAL:
            end -= 1
        cue = min((x.a for x in d.cue), default=end)
        got = modified_source(seg, profile, sh, r.a, min(cue, end) if cue > r.b else end)
        if got is None or any(i in content for i in range(r.a, got[2])):
            continue
        d.speaker = [Seg(r.a, got[2], r.tag, r.sent)]
        d.rules.append("group.speaker.source_modifier.v1")


def postposed(seg: Segmented, profile: LangProfile, sh: Shapes, drafts: list[Draft]) -> None:
    """ "…, an official familiar with the matter said.": the sentence before the comma is
    the source's statement; a draft there takes the source and cue, else one is made."""
    words = seg.words
    for s, (a, b) in enumerate(seg.sentences):
        end = b
        while end > a and words[end - 1] in FINAL:
            end -= 1
        for k in range(max(a + 3, end - limits(seg).anonymous_max_source - 3), end - 3):
            if words[k] != "," or seg.quote_depth[k] or seg.quote_depth[k + 1]:
                continue
            got = modified_source(seg, profile, sh, k + 1, end)
            if got is None:
                continue
            v = got[2]
            if v >= end or not finite_cue(profile, words[v]) or end - v > 3:
                continue
            speaker = [Seg(k + 1, v, "S", s)]
            cue = [Seg(v, v + 1, "C", s)]
            frame = [Seg(k, v + 1, "F", s)]
            here = [d for d in drafts if d.parts[-1].sent == s and d.parts[-1].a < k]
            if here:
                d = max(here, key=lambda x: sum(p.b - p.a for p in x.parts))
                d.speaker, d.cue, d.frame, d.speaker_spans = speaker, cue, frame, None
                last = d.parts[-1]
                d.parts[-1] = Seg(last.a, min(last.b, k), last.tag, s)
                d.rules.append("group.anonymous_source.postposed.v1")
            else:
                direct = all(seg.quote_depth[i] for i in range(a + 1, k - 1))
                drafts.append(
                    Draft(
                        [Seg(a, k, "direct" if direct else "indirect", s)],
                        Form.DIRECT if direct else Form.INDIRECT,
                        cue=cue,
                        speaker=speaker,
                        frame=frame,
                        rules=["rule.anonymous_source.postposed.v1"],
                    )
                )
            break


@component("extract.anonymous.postposed.v1", Stage.PROPOSE, langs=frozenset({"en"}))
def propose_postposed(w: Work) -> None:
    """Sentences ending in a modified anonymous source ("…, an official familiar with the
    matter said.")."""
    postposed(w.seg, w.profile, shapes(w.profile.lang), w.drafts)


@component("extract.anonymous.extend.v1", Stage.REFINE, langs=frozenset({"en"}))
def refine_extend(w: Work) -> None:
    """A speaker cut before its source modifier ("An official [familiar with the matter]")
    takes it in."""
    extend_speakers(w.seg, w.profile, shapes(w.profile.lang), w.drafts)
