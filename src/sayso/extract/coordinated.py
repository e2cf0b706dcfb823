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
from sayso.extract.clauses import cue_clause
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, Draft, Seg, as_runs, speaker_head
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
    by_sentence: dict[int, list[Draft]] | None = None
    for d in drafts:
        if d.form is Form.DIRECT or d.speaker_spans is not None:
            continue
        got = _clause_before(seg, profile, sh, d.a)
        if got is None:
            continue
        (lo, hi), cue = got
        s = seg.sentence_of[d.a]
        d.speaker = [Seg(lo, hi, "S", s)]
        d.cue = as_runs(cue, s)
        d.rules.append("group.speaker.coordinated.v1")
        # the other contents of the sentence lose this verb from their cue, or prune would
        # merge them as one content cut by its frame
        if by_sentence is None:  # once, not a scan of every draft per match
            by_sentence = {}
            for x in drafts:
                by_sentence.setdefault(x.parts[0].sent, []).append(x)
        for x in by_sentence.get(s, ()):
            if x is not d and x.cue:
                x.cue = (
                    as_runs([i for r in x.cue for i in range(r.a, r.b) if i not in cue], s) or x.cue
                )


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


def coordinated_contents(
    seg: Segmented, profile: LangProfile, sh: Shapes, drafts: list[Draft]
) -> list[Draft]:
    """The content of a coordinated attribution clause that no tagger found: "…, und die
    Stadträtin ergänzte, man prüfe sie." — the clause after the verb's comma, as
    ``clause.json`` ``content_clause`` reads one ("dass", a zu-infinitive, a Konjunktiv or
    a main clause of a verb that takes one), when no draft covers it. Returns the new
    drafts, with speaker and cue."""
    cc = profile.content_clause
    if not cc or not sh.intro_coordinators:
        return []
    words, lows = seg.words, seg.lows
    covered = {i for d in drafts for p in d.parts for i in range(p.a, p.b)}
    new: list[Draft] = []
    for s, (a, b) in enumerate(seg.sentences):
        end = b
        while end > a and words[end - 1] in FINAL:
            end -= 1
        for j in range(a + 2, end - 4):
            if words[j] != "," or lows[j + 1] not in sh.intro_coordinators:
                continue
            got = cue_clause(
                seg, profile, j + 2, end, cc.that, cc.infinitive, cc.not_after, True, cc.v2_clause
            )
            if got is None:
                continue
            cue, lo, hi = got[0], got[1], got[2]
            if any(i in covered for i in range(lo, hi)):
                continue
            sub = _clause_before(seg, profile, sh, lo)
            if sub is None or sub[1] != cue:
                continue
            (k, e), _ = sub
            new.append(
                Draft(
                    parts=[Seg(lo, hi, "indirect", s)],
                    form=Form.INDIRECT,
                    cue=as_runs(cue, s),
                    speaker=[Seg(k, e, "S", s)],
                    frame=[Seg(j + 1, lo - 1, "F", s)],
                    rules=["rule.coordinated.content.v1"],
                )
            )
            covered.update(range(lo, hi))
    return new


@component("extract.coordinated.contents.v1", Stage.PROPOSE)
def propose_coordinated(w: Work) -> None:
    """The content after "…, und B ergänzte," that no tagger found, with B as speaker."""
    w.drafts += coordinated_contents(w.seg, w.profile, shapes(w.profile.lang), w.drafts)


@component("extract.coordinated.speakers.v1", Stage.REFINE)
def refine_coordinated(w: Work) -> None:
    """A content after "…, und B ergänzte," takes B and the verb as its speaker and cue."""
    coordinated_speakers(w.seg, w.profile, shapes(w.profile.lang), w.drafts)
