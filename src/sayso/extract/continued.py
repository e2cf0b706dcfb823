"""Continued reported speech the taggers miss: a Konjunktiv I sentence right after a
statement of a named speaker.
"""

from __future__ import annotations

import bisect

from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, Draft, Seg, konjunktiv_in
from sayso.lang.shapes import shapes
from sayso.model import Form
from sayso.text.quotes import MARK_RE
from sayso.text.segment import Segmented

RULE = "rule.continued.konjunktiv.v1"
_JOINED = frozenset((Form.INDIRECT_FREE_INDIRECT, Form.FREE_INDIRECT))


def konjunktiv_continuations(seg: Segmented, drafts: list[Draft]) -> list[Draft]:
    """Sentences no statement covers whose first clause holds a Konjunktiv I verb ("Die
    Brücke werde im Mai wieder befahrbar.") right after a sentence with a
    statement that has a speaker, in the same paragraph, are more of that speech: they
    become speakerless free indirect statements, which then inherit the speaker before
    them (``group.speaker.inherit.v1``), or a further part of a free indirect statement
    that ends the sentence before (one continued stretch is one statement, as the tagger
    and wikinews-de have it). A sentence with a quotation mark or a colon (a
    label, "Frage: …") is left to the other rules; each new statement lets the next
    sentence continue it in turn. Returns the new drafts."""
    words, depth = seg.words, seg.quote_depth
    para_starts = [a for a, _ in seg.paragraphs]

    def para(s: int) -> int:
        return bisect.bisect_right(para_starts, seg.starts[seg.sentences[s][0]]) - 1

    spoken: set[int] = set()
    covered: set[int] = set()
    #: a continuation that ends its sentence, by sentence: the next one joins it
    open_end: dict[int, Draft] = {}
    for d in drafts:
        sents = {p.sent for p in d.parts}
        covered |= sents
        if d.speaker or d.speaker_spans:
            spoken |= sents
        last = d.parts[-1]
        if d.form in _JOINED and seg.sentences[last.sent][1] - last.b <= 1:
            open_end[last.sent] = d
    new: list[Draft] = []
    for s in range(1, len(seg.sentences)):
        if s in covered or s - 1 not in spoken or para(s) != para(s - 1):
            continue
        a, b = seg.sentences[s]
        if any(depth[a:b]) or ":" in words[a:b] or not konjunktiv_in(words, a, b, clause=True):
            continue
        if any(MARK_RE.fullmatch(w) for w in words[a:b]):
            continue
        end = b
        while end > a + 1 and words[end - 1] in FINAL:
            end -= 1
        part = Seg(a, end, "indirect_free_indirect", s)
        prev = open_end.pop(s - 1, None)
        if prev is not None:
            # continued speech runs on in one statement, as the tagger joins it
            prev.parts.append(part)
            prev.rules.append(RULE)
            d = prev
        else:
            d = Draft(parts=[part], form=Form.INDIRECT_FREE_INDIRECT)
            d.rules.append(RULE)
            new.append(d)
        spoken.add(s)
        if end >= b - 1:
            open_end[s] = d
    return new


@component("extract.continued.konjunktiv.v1", Stage.REFINE)
def refine_konjunktiv(w: Work) -> None:
    """A Konjunktiv I sentence right after a speaker's statement continues it."""
    continued_speakers(w.seg, shapes(w.profile.lang).first_person, w.drafts)
    new = konjunktiv_continuations(w.seg, w.drafts)
    if new:
        w.drafts += new
        w.drafts.sort(key=lambda d: (d.a, d.b))


SPEAKER_RULE = "group.speaker.continued.v1"


def continued_speakers(seg: Segmented, first_person: frozenset[str], drafts: list[Draft]) -> None:
    """A statement without a cue of its own whose tagged speaker lies in an earlier
    sentence that holds another statement with a speaker continues that statement: it
    gives up the tagged phrase ("…, gab Berg laut einer Aussendung der Kammer zu
    bedenken. Man müsse rasch handeln." is Berg's, not the press release's; "Wir haben …,
    sagte er. Man brauche …" is not "Wir"'s) and inherits the statement's speaker."""
    spoken: dict[int, Draft] = {}
    for d in drafts:
        if d.speaker or d.speaker_spans:
            for p in d.parts:
                spoken[p.sent] = d
    for d in drafts:
        if d.cue or not d.speaker:
            continue
        if not all(seg.lows[i] in first_person for r in d.speaker for i in range(r.a, r.b)):
            continue
        own = d.parts[0].sent
        sents = {r.sent for r in d.speaker}
        if all(s < own and s in spoken and spoken[s] is not d for s in sents):
            d.speaker = []
            d.rules.append(SPEAKER_RULE)
