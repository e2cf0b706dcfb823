"""Drafts: statements under construction, and the token geometry every rule shares.

A :class:`Draft` holds token runs (:class:`Seg`) for content, cue, speaker, addressee and
frame; the rules in the sibling modules add drafts or refine them, and each decision
appends its rule id (see ``sayso rules``) so that ``--format text`` can say why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sayso.lang import LangProfile
from sayso.model import Evidence, Form, Medium, Span
from sayso.tagging.tagger import Tagged
from sayso.text.segment import Segmented

FORMS = {f.value: f for f in Form}
FINAL = frozenset(".!?")
HARD_BREAKS = frozenset(",:;–—")


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
    # the draft this one is nested in, by reference: the draft list's indices change as
    # later steps insert, drop and reorder drafts (an index pointed at the wrong parent)
    parent: Draft | None = None
    speaker_spans: tuple[Span, ...] | None = None  # inherited spans (outside this sentence)
    fallback_speaker: list[Seg] = field(default_factory=list)  # a rule's, if the tagger has none
    medium: Medium | None = None  # a rule's, where it knows better than the classifier
    #: who passes the speaker's words on ("Die Agentur zitierte den Premier …"): an outer
    #: source, recorded as the statement's ``group.relay.mention.v1`` evidence
    relay: list[Seg] = field(default_factory=list)
    confidence: float = 1.0  # the speaker ranker's calibrated probability
    model_evidence: Evidence | None = None  # why the speaker ranker chose the speaker

    @property
    def a(self) -> int:
        return self.parts[0].a

    @property
    def b(self) -> int:
        return self.parts[-1].b

    def direct_part(self, a: int, b: int, rule: str, parent: Draft | None = None) -> Draft:
        """A direct quotation ``[a, b)`` of this statement's sentence, said by its speaker
        with its cue, frame and addressee (a quoted fragment, a quotation after a colon)."""
        return Draft(
            parts=[Seg(a, b, "direct", self.parts[0].sent)],
            form=Form.DIRECT,
            cue=list(self.cue),
            speaker=list(self.speaker),
            addressee=list(self.addressee),
            frame=list(self.frame),
            rules=[rule],
            parent=parent,
            speaker_spans=self.speaker_spans,
            relay=list(self.relay),
        )


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


def distance(x: Seg, d: Draft) -> int:
    if x.b <= d.a:
        return d.a - x.b
    if x.a >= d.b:
        return x.a - d.b
    return 0


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
            rules = [f"crf.quote.{r.tag}"]
            form = FORMS.get(r.tag)
            if form is None:
                # corpora without form labels (PolNeAR): quotation marks decide
                form = _form_from_marks(seg, r)
                rules.append("rule.form.quote_marks.v1")
            drafts.append(Draft(parts=[r], form=form, rules=rules))
        last_tag = labels[-1][2:] if labels and labels[-1] != "O" else None
    return drafts


def _form_from_marks(seg: Segmented, r: Seg) -> Form:
    """Direct when quotation marks enclose (nearly) all of the content, else indirect."""
    inside = sum(1 for i in range(r.a, r.b) if seg.quote_depth[i])
    return Form.DIRECT if inside >= 0.8 * (r.b - r.a) else Form.INDIRECT


def spans_of_speaker(seg: Segmented, d: Draft) -> tuple[Span, ...]:
    if d.speaker_spans is not None:
        return d.speaker_spans
    return tuple(seg.token_span(x.a, x.b) for x in d.speaker)


def tok_at(seg: Segmented, offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(seg.starts, offset) - 1)


def content_tokens(d: Draft) -> set[int]:
    return {i for p in d.parts for i in range(p.a, p.b)}


def is_cue_token(profile: LangProfile, words: list[str], i: int, toks: list[int]) -> bool:
    low = words[i].lower()
    if profile.cue(low) is not None:
        return True
    if low in profile.particles:
        return any(profile.cue_with_particle(words[j].lower(), low) for j in toks if j < i)
    return any(profile.cue_with_particle(low, words[j].lower()) for j in toks if j > i)


def cue_tokens(profile: LangProfile, words: list[str], toks: list[int]) -> list[int]:
    """The cue verbs among ``toks``: standalone forms, and the stem and the particle of a
    split verb when both are in ``toks`` ("wies … zurück"). Linear in ``toks``: a stem
    looks up only its own particles, a particle only the stems in ``toks``."""
    lows = {i: words[i].lower() for i in toks}
    last: dict[str, int] = {}  # particle -> its last token
    stems: dict[str, int] = {}  # stem of a split verb -> its first token
    for i in toks:
        w = lows[i]
        if w in profile.particles:
            last[w] = max(last.get(w, i), i)
        if profile.particle_cues(w):
            stems[w] = min(stems.get(w, i), i)
    out = []
    for i in toks:
        low = lows[i]
        if profile.cue(low) is not None:
            out.append(i)
        elif low in profile.particles:
            if any(j < i and profile.cue_with_particle(w, low) for w, j in stems.items()):
                out.append(i)
        elif any(
            e.particle is not None and last.get(e.particle, -1) > i
            for e in profile.particle_cues(low)
        ):
            out.append(i)
    return out


def as_runs(idx: list[int], sent: int) -> list[Seg]:
    out: list[Seg] = []
    for i in sorted(idx):
        if out and out[-1].b == i:
            out[-1].b = i + 1
        else:
            out.append(Seg(i, i + 1, "", sent))
    return out


def prune(drafts: list[Draft]) -> list[Draft]:
    """Drop what is not a statement after all, and merge contents the snapping made overlap.

    - reported speech needs an agent: no speaker and no cue means a plain sentence;
    - a short quoted name or title („Hvalur 9“) with no cue and no speaker is not a quotation;
    - indirect speech without any cue or speaker has nothing reporting it.
    """
    out: list[Draft] = []
    for d in drafts:
        bare = not d.cue and not d.speaker and d.speaker_spans is None
        if bare and d.form is Form.REPORTED:
            continue
        if bare and d.form is Form.DIRECT and d.b - d.a <= 5:
            continue
        if bare and d.form is Form.INDIRECT:
            continue
        if out and _same_frame(out[-1], d):
            # one content cut in two by its frame: "Unter den Passagieren befanden sich
            # [Berichten zufolge] etwa 75 Schulkinder"
            out[-1].parts = sorted(out[-1].parts + d.parts, key=lambda p: p.a)
            out[-1].rules.append("group.merge_split_content.v1")
            continue
        if out and drafts_overlap(out[-1], d):
            keep = out[-1] if _weight(out[-1]) >= _weight(d) else d
            out[-1] = keep
            continue
        out.append(d)
    return out


def _same_frame(x: Draft, y: Draft) -> bool:
    """Two non-direct drafts of one sentence that share a cue token."""
    if x.form is Form.DIRECT or y.form is Form.DIRECT or not x.cue or not y.cue:
        return False
    if MAIN_CLAUSE in x.rules or MAIN_CLAUSE in y.rules:
        return False  # a main clause of its own ("…; nach Behördenangaben stecke …")
    if {p.sent for p in x.parts} != {p.sent for p in y.parts}:
        return False
    xs = {i for r in x.cue for i in range(r.a, r.b)}
    return any(i in xs for r in y.cue for i in range(r.a, r.b))


def drafts_overlap(x: Draft, y: Draft) -> bool:
    return (
        any(p.a < q.b and q.a < p.b for p in x.parts for q in y.parts)
        and x.form is not Form.DIRECT
        and y.form is not Form.DIRECT
    )


def _weight(d: Draft) -> int:
    return sum(p.b - p.a for p in d.parts) + 5 * (len(d.cue) + len(d.speaker))


def konjunktiv_in(words: list[str], lo: int, hi: int, clause: bool = True) -> bool:
    """Does ``words[lo:hi]`` carry a Konjunktiv I verb (with ``clause``: before its first
    comma, as reported speech without a complementizer does: "sagte, er sei müde")?"""
    from sayso.lang.mood import Mood, mood

    for j in range(lo, hi):
        if clause and words[j] == ",":
            return False
        if mood(words[j], sentence_initial=j == lo) is Mood.K1:
            return True
    return False


MAIN_CLAUSE = "rule.according_to.main_clause.v1"


def is_free(blocked: set[int], lo: int, hi: int) -> bool:
    return not any(i in blocked for i in range(lo, hi))


def np_start(profile: LangProfile, w: str) -> bool:
    return w[:1].isupper() or w.lower() in profile.determiners


_SPEAKER_KINDS = frozenset(("person", "organization", "outlet", "anonymous"))


def speaker_head(profile: LangProfile, w: str) -> bool:
    """Can ``w`` end (head) or start a postposed speaker phrase?"""
    kind = profile.actor_kind_hint(w)
    return (
        w[:1].isupper()
        or profile.is_speaker_pronoun(w.lower())
        or profile.is_role_noun(w)
        or (kind is not None and kind.value in _SPEAKER_KINDS)
    )


def finite_cue(profile: LangProfile, w: str) -> bool:
    """A lower-case cue verb form that is not non-finite (``clause.json``
    ``nonfinite_cue`` ``suffixes``: "claiming")."""
    nonfinite = profile.nonfinite_cue.suffixes if profile.nonfinite_cue else ()
    return w[:1].islower() and not w.endswith(nonfinite) and profile.cue(w) is not None
