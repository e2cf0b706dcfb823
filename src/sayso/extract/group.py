"""From tagged tokens to statements: which cue, speaker, addressee and frame belong to which
content, and what the taggers cannot see alone (nested quotations, inherited speakers).

Each decision appends its rule id to the statement so that ``--format text`` can say why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sayso.extract.tagger import Tagged
from sayso.lang import LangProfile
from sayso.model import Evidence, Form, Medium, Span
from sayso.text.segment import Segmented

_FORMS = {f.value: f for f in Form}


@dataclass(slots=True)
class Seg:
    """A run of tokens ``[a, b)`` with one tag, inside sentence ``sent``."""

    a: int
    b: int
    tag: str
    sent: int


@dataclass(slots=True)
class Draft:
    """A statement under construction (token ranges, not yet spans)."""

    parts: list[Seg]
    form: Form
    cue: list[Seg] = field(default_factory=list)
    speaker: list[Seg] = field(default_factory=list)
    addressee: list[Seg] = field(default_factory=list)
    frame: list[Seg] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    parent: int | None = None
    speaker_spans: tuple[Span, ...] | None = None  # inherited spans (outside this sentence)

    @property
    def a(self) -> int:
        return self.parts[0].a

    @property
    def b(self) -> int:
        return self.parts[-1].b

    @property
    def sents(self) -> set[int]:
        return {p.sent for p in self.parts}


def runs(labels: Sequence[str], offset: int, sent: int) -> list[Seg]:
    """BIO runs of one sentence; an I- after O or another tag starts a run too."""
    out: list[Seg] = []
    cur: Seg | None = None
    for k, lab in enumerate(labels):
        i = offset + k
        if lab == "O":
            cur = None
            continue
        bio, tag = lab[0], lab[2:]
        if cur is not None and bio == "I" and cur.tag == tag:
            cur.b = i + 1
            continue
        cur = Seg(i, i + 1, tag, sent)
        out.append(cur)
    return out


def _dist(x: Seg, d: Draft) -> int:
    if x.b <= d.a:
        return d.a - x.b
    if x.a >= d.b:
        return x.a - d.b
    return 0


def _inside(x: Seg, d: Draft) -> bool:
    return any(p.a <= x.a and x.b <= p.b for p in d.parts)


def build_drafts(seg: Segmented, tagged: Tagged) -> list[Draft]:
    """Content runs become drafts; a sentence that opens with I- continues the previous one."""
    drafts: list[Draft] = []
    last_tag: str | None = None
    for s, (a, _b) in enumerate(seg.sentences):
        labels = tagged.quote[s]
        sent_runs = runs(labels, a, s)
        for k, r in enumerate(sent_runs):
            continues = (
                k == 0
                and r.a == a
                and labels[0].startswith("I-")
                and drafts
                and last_tag == r.tag
                and drafts[-1].parts[-1].sent == s - 1
            )
            if continues:
                drafts[-1].parts.append(r)
                drafts[-1].rules.append("group.continue_sentence.v1")
                continue
            form = _FORMS.get(r.tag, Form.INDIRECT)
            drafts.append(Draft(parts=[r], form=form, rules=[f"crf.quote.{r.tag}"]))
        last_tag = labels[-1][2:] if labels and labels[-1] != "O" else None
    return drafts


def attach_roles(seg: Segmented, tagged: Tagged, drafts: list[Draft]) -> None:
    """Give each role run to the nearest draft in its sentence (roles inside a content run
    belong to that content only for reported speech, where the agent is part of the report)."""
    by_sent: dict[int, list[Draft]] = {}
    for d in drafts:
        for s in d.sents:
            by_sent.setdefault(s, []).append(d)
    for s, (a, _b) in enumerate(seg.sentences):
        cands = by_sent.get(s)
        if not cands:
            continue
        for r in runs(tagged.roles[s], a, s) + runs(tagged.frame[s], a, s):
            best: Draft | None = None
            best_d = 1 << 30
            for d in cands:
                if _inside(r, d) and d.form is not Form.REPORTED:
                    continue
                dist = _dist(r, d)
                if dist < best_d:
                    best, best_d = d, dist
            if best is None:
                continue
            if r.tag == "S":
                best.speaker.append(r)
            elif r.tag == "C":
                best.cue.append(r)
            elif r.tag == "A":
                best.addressee.append(r)
            else:
                best.frame.append(r)
    for d in drafts:
        if len(d.speaker) > 1:
            # several speaker runs: keep the one closest to the cue (or to the content)
            anchor = d.cue[0] if d.cue else None
            if anchor is not None:
                d.speaker.sort(key=lambda x: abs(x.a - anchor.a))
            else:
                d.speaker.sort(key=lambda x: _dist(x, d))
            d.speaker = d.speaker[:1]
            d.rules.append("group.speaker.nearest.v1")
        if d.cue:
            d.rules.append("group.cue.nearest.v1")


def inherit_speakers(seg: Segmented, drafts: list[Draft], window: int = 3) -> None:
    """A statement without a speaker continues the previous statement's speaker when it is
    close by (same or next paragraph): "Der Minister sagte, … Die Lage sei ernst." """
    prev: Draft | None = None
    for d in drafts:
        if not d.speaker and d.speaker_spans is None and prev is not None:
            sp = _speaker_spans(seg, prev)
            if sp and d.parts[0].sent - prev.parts[-1].sent <= window:
                d.speaker_spans = sp
                d.rules.append("group.speaker.inherit.v1")
        if d.speaker or d.speaker_spans:
            prev = d


def _speaker_spans(seg: Segmented, d: Draft) -> tuple[Span, ...]:
    if d.speaker_spans is not None:
        return d.speaker_spans
    return tuple(seg.token_span(x.a, x.b) for x in d.speaker)


def nested_direct(seg: Segmented, drafts: list[Draft], min_tokens: int = 3) -> list[Draft]:
    """Mixed quotation: a quoted fragment inside indirect or reported speech is a direct
    statement of the same speaker ("Er nannte das eine „Klarstellung“ der Politik")."""
    out: list[Draft] = []
    for idx, d in enumerate(drafts):
        out.append(d)
        if d.form is Form.DIRECT:
            continue
        lo, hi = seg.starts[d.a], seg.ends[d.b - 1]
        for q in seg.quotations:
            if not q.closed or q.open < lo or q.end > hi:
                continue
            a = _tok_at(seg, q.open)
            b = _tok_at(seg, q.end - 1) + 1
            if b - a < min_tokens:
                continue
            child = Draft(
                parts=[Seg(a, b, "direct", d.parts[0].sent)],
                form=Form.DIRECT,
                cue=list(d.cue),
                speaker=list(d.speaker),
                addressee=list(d.addressee),
                frame=list(d.frame),
                rules=["rule.nested_direct.v1"],
                parent=idx,
                speaker_spans=d.speaker_spans,
            )
            out.append(child)
    return out


def _tok_at(seg: Segmented, offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(seg.starts, offset) - 1)


def cue_evidence(seg: Segmented, profile: LangProfile, d: Draft) -> tuple[Evidence, ...]:
    ev = []
    for x in d.cue:
        for i in range(x.a, x.b):
            entry = profile.cue(seg.words[i].lower())
            if entry is not None:
                ev.append(
                    Evidence(
                        rule="lexicon.cue",
                        entry=f"{profile.lang}/cues.json#{entry.lemma}",
                        span=seg.token_span(i, i + 1),
                    )
                )
    return tuple(ev)


def medium_of(seg: Segmented, profile: LangProfile, d: Draft, fallback: dict[str, str]) -> Medium:
    for x in d.cue:
        for i in range(x.a, x.b):
            entry = profile.cue(seg.words[i].lower())
            if entry is not None:
                return entry.medium
    value = fallback.get(d.form.value)
    return Medium(value) if value else Medium.UNKNOWN
