"""From tagged tokens to statements: which cue, speaker, addressee and frame belong to which
content, and what the taggers cannot see alone (nested quotations, inherited speakers).

Each decision appends its rule id to the statement so that ``--format text`` can say why.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from sayso.extract import according
from sayso.extract.features import medium_features
from sayso.extract.tagger import Tagged, Taggers
from sayso.lang import LangProfile
from sayso.model import Evidence, Form, Medium, Span
from sayso.text.quotes import MARK_RE
from sayso.text.segment import Segmented

_FORMS = {f.value: f for f in Form}
_FINAL = frozenset(".!?")
_HARD_BREAKS = frozenset(",:;–—")


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
    fallback_speaker: list[Seg] = field(default_factory=list)  # a rule's, if the tagger has none
    medium: Medium | None = None  # a rule's, where it knows better than the classifier

    @property
    def a(self) -> int:
        return self.parts[0].a

    @property
    def b(self) -> int:
        return self.parts[-1].b

    def direct_part(self, a: int, b: int, rule: str, parent: int | None = None) -> Draft:
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


def _dist(x: Seg, d: Draft) -> int:
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
            form = _FORMS.get(r.tag)
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


def attach_roles(seg: Segmented, tagger: Taggers, tagged: Tagged, drafts: list[Draft]) -> None:
    """Tag the roles of each draft in the window around its content (see
    ``Taggers.tag_statement``): speaker, cue and addressee runs, and the frame."""
    tagged_roles = tagger.tag_statements(
        seg, tagged, [([i for p in d.parts for i in range(p.a, p.b)], d.form.value) for d in drafts]
    )
    for d, (span, roles, frame) in zip(drafts, tagged_roles, strict=True):
        sent = d.parts[0].sent
        for r in runs(roles, span.start, sent):
            r.sent = seg.sentence_of[r.a]
            if r.tag == "S":
                d.speaker.append(r)
            elif r.tag == "C":
                d.cue.append(r)
            elif r.tag == "A":
                d.addressee.append(r)
        for r in runs(frame, span.start, sent):
            r.sent = seg.sentence_of[r.a]
            d.frame.append(r)
        d.rules.append("crf.roles.statement.v1")
        # the window includes the previous sentence for continued speech; when the
        # content's own sentence has a cue or speaker, those of the previous one are not it
        own = d.parts[0].sent
        for name in ("cue", "speaker"):
            found: list[Seg] = getattr(d, name)
            if any(r.sent == own for r in found):
                setattr(d, name, [r for r in found if r.sent >= own])
        if len(d.speaker) > 1:
            d.speaker = [_pick_speaker(seg, tagger.cache.profile, d)]
            d.rules.append("group.speaker.nearest.v1")
        if not d.speaker and not d.cue and d.fallback_speaker:
            d.speaker = list(d.fallback_speaker)
            d.rules.append("group.speaker.reported_subject.v1")


def tag_speakers(seg: Segmented, tagger: Taggers, tagged: Tagged, drafts: list[Draft]) -> None:
    """Speaker and addressee from the role tagger for drafts whose cue and frame a rule
    already set (the rule's cue and frame stay)."""
    kept = [(d.cue, d.frame) for d in drafts]
    for d in drafts:
        d.cue, d.frame = [], []
    attach_roles(seg, tagger, tagged, drafts)
    for d, (cue, frame) in zip(drafts, kept, strict=True):
        d.cue, d.frame = cue, frame


def _pick_speaker(seg: Segmented, profile: LangProfile, d: Draft) -> Seg:
    """Of several speaker runs, the one closest to the cue (or to the content), preferring
    a subject to a prepositional phrase ("Anna Berger schrieb auf X, …")."""
    anchor = d.cue[0] if d.cue else None

    def rank(x: Seg) -> tuple[bool, bool, int]:
        governed = seg.words[x.a].lower() in profile.prepositions
        # a noun phrase ends in a noun, name or pronoun: not "den Standpunkt vertreten"
        headless = not _speaker_head(profile, seg.words[x.b - 1])
        return governed, headless, abs(x.a - anchor.a) if anchor is not None else _dist(x, d)

    return min(d.speaker, key=rank)


def inherit_speakers(seg: Segmented, drafts: list[Draft], window: int = 3) -> None:
    """A statement without a speaker continues the previous statement's speaker when it is
    close by (same or next paragraph): "Der Minister sagte, … Die Lage sei ernst." """
    prev: Draft | None = None
    for d in drafts:
        # indirect speech names its own speaker in its clause; measured on wikinews-de
        # dev, an inherited one was never right
        if d.form is Form.INDIRECT and d.parent is None:
            prev = d if d.speaker else prev
            continue
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


def nested_direct(
    seg: Segmented, drafts: list[Draft], min_tokens: int = 4, single_lowercase: bool = False
) -> list[Draft]:
    """Mixed quotation: a quoted fragment inside indirect or reported speech is a direct
    statement of the same speaker ("Er nannte das eine „historische Wende“ der Politik").
    Fragments shorter than ``min_tokens`` (marks included) are scare quotes, except, with
    ``single_lowercase``, one lowercase word ("Er nannte die Lage „kritisch“")."""
    out: list[Draft] = []
    opens = [q.open for q in seg.quotations]  # sorted: only those inside a draft are read
    for idx, d in enumerate(drafts):
        out.append(d)
        if d.form is Form.DIRECT:
            continue
        lo, hi = seg.starts[d.a], seg.ends[d.b - 1]
        first, last = bisect.bisect_left(opens, lo), bisect.bisect_right(opens, hi)
        for q in seg.quotations[first:last]:
            if not q.closed or q.end > hi:
                continue
            a = _tok_at(seg, q.open)
            b = _tok_at(seg, q.end - 1) + 1
            single = single_lowercase and b - a == 3 and seg.words[a + 1][:1].islower()
            if (b - a < min_tokens and not single) or _quoted_name(seg, a, b):
                continue
            child = d.direct_part(a, b, "rule.nested_direct.v1", parent=idx)
            out.append(child)
    return out


_MAX_NAME_WORDS = 4


def _quoted_name(seg: Segmented, a: int, b: int) -> bool:
    """A quoted name or title rather than a quoted fragment of speech: every word is
    capitalised or a number („Financial Times“, „Hvalur 9“, „Ein Land - Zwei Systeme“),
    or the quotation is a parenthetical remark ('(sic!)')."""
    inner = [w for w in seg.words[a:b] if not MARK_RE.fullmatch(w)]
    if inner and inner[0] == "(":
        return True
    words = [w for w in inner if w[:1].isalnum()]
    if not words or len(words) > _MAX_NAME_WORDS or inner[-1] in _FINAL:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in words)


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


def medium_of(
    seg: Segmented, profile: LangProfile, tagger: Taggers, d: Draft, fallback: dict[str, str]
) -> Medium:
    """The medium classifier where the language has one (trained on the corpus' media),
    else the cue's lexicon medium, else the most frequent medium of the form."""
    if d.medium is not None:
        return d.medium
    content = [i for p in d.parts for i in range(p.a, p.b)]
    cue = [i for r in d.cue for i in range(r.a, r.b)]
    frame = [i for r in d.frame for i in range(r.a, r.b)]
    label = tagger.classify_medium(
        medium_features(tagger.cache, seg, d.form.value, content, cue, frame)
    )
    if label is not None:
        d.rules.append("crf.medium.v1")
        return Medium(label)
    for i in cue:
        entry = profile.cue(seg.words[i].lower())
        if entry is not None:
            return entry.medium
    value = fallback.get(d.form.value)
    return Medium(value) if value else Medium.UNKNOWN


def complete_from_frame(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """The frame tagger is more reliable than the cue tagger: where a statement has a frame
    but no cue, the frame's lexicon cue words are its cue ("Politische Beobachter wiesen
    darauf hin, …"). (Reading the *speaker* off the frame the same way was measured and
    dropped: on wikinews-de dev its picks were right in fewer than a third of the cases.)
    """
    words = seg.words
    for d in drafts:
        if d.cue:
            continue
        toks = [i for r in d.frame for i in range(r.a, r.b) if not seg.quote_depth[i]]
        if not toks:
            continue
        trig = [i for i in toks if profile.according_to_at(words[i].lower())]
        verbs = _cue_tokens(profile, words, toks)
        nominal = [i for i in toks if profile.nominal_cue(words[i]) is not None]
        cue_idx = verbs or trig or nominal
        if cue_idx:
            d.cue = _as_runs(cue_idx, seg.sentence_of[toks[0]])
            d.rules.append("group.cue.from_frame.v1")


def sentence_initial_subject(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A statement without speaker whose cue verb stands second in its sentence takes the
    sentence-initial noun phrase as speaker (German and English subject-verb order:
    "Jörg Maier erklärte, …", "Die Polizei teilte mit, …", "The ministry said …")."""
    words = seg.words
    for d in drafts:
        if d.speaker or d.speaker_spans is not None or not d.cue:
            continue
        c = d.cue[0].a
        s = seg.sentence_of[c]
        a = seg.sentences[s][0]
        if c == a or c - a > 6 or profile.cue(words[c].lower()) is None:
            continue
        run = range(a, c)
        if any(seg.quote_depth[i] for i in run) or any(i in _content(d) for i in run):
            continue
        if not all(
            words[i][:1].isupper() or words[i].lower() in profile.determiners or words[i] == "-"
            for i in run
        ):
            continue
        if profile.is_speaker_pronoun(words[a].lower()) and c - a > 1:
            continue
        d.speaker = [Seg(a, c, "S", s)]
        d.rules.append("group.speaker.sentence_initial.v1")


def _content(d: Draft) -> set[int]:
    return {i for p in d.parts for i in range(p.a, p.b)}


def find_addressees(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """Whom a statement is made to, where the tagger found nobody: the noun phrase after an
    addressee preposition in the frame clause ("vor Journalisten in Berlin", "gegenüber der
    Zeitung", "said to reporters"), or the object of a telling verb ("told reporters")."""
    words = seg.words
    for d in drafts:
        if d.addressee or not d.cue:
            continue
        if profile.addressee_object_starts and len(d.speaker) == 1:
            # the tagger's speaker ran on into the dative object: "[Dirk Lorenzen dem
            # Deutschlandfunk] berichtete" -> speaker "Dirk Lorenzen", addressee the rest
            r = d.speaker[0]
            cut = next(
                (
                    i
                    for i in range(r.a + 1, r.b)
                    if (
                        words[i].lower() in profile.addressee_object_starts
                        and words[i - 1].lower() not in profile.prepositions
                        and words[i - 1] not in profile.clause_breaks
                    )
                    # "[Dmitri Peskow vor Journalisten]": an addressee preposition too
                    or (words[i].lower() in profile.addressee_prepositions and i + 1 < r.b)
                ),
                None,
            )
            if cut is not None:
                d.speaker = [Seg(r.a, cut, r.tag, r.sent)]
                prep = words[cut].lower() in profile.addressee_prepositions
                d.addressee = [Seg(cut + prep, r.b, "A", r.sent)]
                d.rules.append("group.addressee.split_speaker.v1")
                continue
        sent = seg.sentence_of[d.cue[0].a]
        a, b = seg.sentences[sent]
        taken = {i for r in d.cue + d.speaker for i in range(r.a, r.b)}
        taken |= {i for p in d.parts for i in range(p.a, p.b)}
        cue_end = d.cue[-1].b
        lemma = profile.cue(words[d.cue[0].a].lower())
        start: int | None = None
        rule = ""
        if (
            lemma is not None
            and lemma.lemma in profile.addressee_verbs
            and profile.addressee_object_starts
        ):
            # German: a dative object anywhere near the verb ("sagte … dem Sender",
            # "dem Richter mitgeteilt hatte"), not governed by a preposition
            c0 = d.cue[0].a
            for i in range(max(a + 1, c0 - 6), min(b, cue_end + 6)):
                if (
                    i not in taken
                    and not seg.quote_depth[i]
                    and words[i].lower() in profile.addressee_object_starts
                    and words[i - 1].lower() not in profile.prepositions
                ):
                    start, rule = i, "group.addressee.object.v1"
                    break
        elif lemma is not None and lemma.lemma in profile.addressee_verbs:
            start, rule = cue_end, "group.addressee.object.v1"
        else:
            for i in range(a, b):
                if i in taken or seg.quote_depth[i]:
                    continue
                if words[i].lower() in profile.addressee_prepositions and abs(i - cue_end) <= 6:
                    start, rule = i + 1, "group.addressee.preposition.v1"
                    break
        if start is None:
            continue
        run: list[int] = []
        for i in range(start, b):
            w = words[i]
            if i in taken or seg.quote_depth[i] or w in profile.clause_breaks or w in _FINAL:
                break
            if run and (w.lower() in profile.prepositions or profile.cue(w.lower())):
                break
            if not run and not (w[:1].isalpha()):
                break
            run.append(i)
        if (
            run
            and rule == "group.addressee.object.v1"
            and profile.addressee_object_starts
            and words[run[0]].lower() not in profile.addressee_object_starts
        ):
            continue
        if run and any(
            words[i][:1].isupper() or words[i].lower() not in profile.determiners for i in run
        ):
            d.addressee = _as_runs(run, sent)
            d.rules.append(rule)


def _is_cue_token(profile: LangProfile, words: list[str], i: int, toks: list[int]) -> bool:
    low = words[i].lower()
    if profile.cue(low) is not None:
        return True
    if low in profile.particles:
        return any(profile.cue_with_particle(words[j].lower(), low) for j in toks if j < i)
    return any(profile.cue_with_particle(low, words[j].lower()) for j in toks if j > i)


def _cue_tokens(profile: LangProfile, words: list[str], toks: list[int]) -> list[int]:
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
        elif any(last.get(e.particle or "", -1) > i for e in profile.particle_cues(low)):
            out.append(i)
    return out


def _as_runs(idx: list[int], sent: int) -> list[Seg]:
    out: list[Seg] = []
    for i in sorted(idx):
        if out and out[-1].b == i:
            out[-1].b = i + 1
        else:
            out.append(Seg(i, i + 1, "", sent))
    return out


def snap_content(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """Indirect, reported and according-to contents are clauses: grow a content that the
    tagger cut short to the edges of its clause, i.e. up to its own roles, another
    statement or the sentence end. An according-to phrase inside the sentence splits the
    content in two: "Diese Firma plant [nach Angaben der Gewerkschaft] den Abbau …"."""
    by_sent: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sent.setdefault(d.parts[0].sent, []).append(d)
    words = seg.words
    for s, ds in by_sent.items():
        a, b = seg.sentences[s]
        while b > a and words[b - 1] in _FINAL:
            b -= 1
        for d in ds:
            if d.form is Form.DIRECT or len(d.parts) > 1 or not d.cue:
                continue
            own = {i for r in d.cue + d.speaker + d.frame + d.addressee for i in range(r.a, r.b)}
            others = {i for o in ds if o is not d for p in o.parts for i in range(p.a, p.b)} | {
                i
                for o in ds
                if o is not d
                for r in o.cue + o.speaker + o.frame
                for i in range(r.a, r.b)
            }
            blockers = own | others
            part = d.parts[0]
            lo, hi = part.a, part.b
            while lo > a and (lo - 1) not in blockers and not _colon_opens(seg, lo - 1):
                lo -= 1
            while hi < b and hi not in blockers:
                hi += 1
            # skip the separator between frame and content: "sagte, dass" -> "dass"
            while lo < hi and words[lo] in profile.clause_breaks:
                lo += 1
            while hi > lo and words[hi - 1] in profile.clause_breaks:
                hi -= 1
            if hi <= lo:
                continue
            new_parts = [Seg(lo, hi, part.tag, s)]
            # an according-to frame embedded in the clause: content on both sides
            if d.frame and d.cue and profile.according_to_at(words[d.cue[0].a].lower()):
                f_lo = min(r.a for r in d.frame)
                f_hi = max(r.b for r in d.frame)
                if lo <= f_lo and f_hi <= b and f_lo > a:
                    left_lo = f_lo
                    while left_lo > a and (left_lo - 1) not in others:
                        left_lo -= 1
                    right_hi = f_hi
                    while right_hi < b and right_hi not in others:
                        right_hi += 1
                    if _content_before(profile, d):
                        # ", so X, Leiter der Abteilung": what follows the source is
                        # still its apposition, the content is the clause before
                        right_hi = f_hi
                    new_parts = [
                        x
                        for x in (
                            _trim_breaks(words, profile, Seg(left_lo, f_lo, part.tag, s)),
                            _trim_breaks(words, profile, Seg(f_hi, right_hi, part.tag, s)),
                        )
                        if x.b > x.a
                    ]
            if new_parts and (new_parts[0].a, new_parts[-1].b) != (part.a, part.b):
                d.parts = new_parts
                d.rules.append("group.content.snap_clause.v1")


def _colon_opens(seg: Segmented, k: int) -> bool:
    """Is token ``k`` a colon (outside quotations) before a capitalised word, opening a
    new main clause ("… erneuern: Künftig wolle sie …")?"""
    w = seg.words
    return (
        w[k] == ":" and not seg.quote_depth[k] and w[k + 1 : k + 2] != [] and w[k + 1][:1].isupper()
    )


def _content_before(profile: LangProfile, d: Draft) -> bool:
    """Was ``d`` made by an according-to pattern whose content precedes it (", so X")?"""
    ids = {r.removeprefix("rule.according_to.") for r in d.rules}
    return any(p.id in ids and p.content == "before" for p in profile.according_to)


def according_clause_content(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """An according-to construction of the statement inside its content's clause: the
    content tagger stops at the construction and the frame tagger runs the frame on to the
    clause end ("Zunächst ist [laut Automobilwoche] an den Bau des A4 gedacht.", "…, weil
    er sich [nach Auffassung des Gerichts] schuldig gemacht hat."). The content continues
    after the construction to the end of its clause (the next clause break when the
    content is an embedded clause, else the sentence end); after a sentence-initial
    construction ("Nach Aussagen des Ministeriums haben sich …, nachdem … sei.") it starts
    right after it. The frame keeps only what is not content now."""
    words = seg.words
    by_sent: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sent.setdefault(d.parts[0].sent, []).append(d)
    for s, ds in by_sent.items():
        a, b = seg.sentences[s]
        while b > a and words[b - 1] in _FINAL:
            b -= 1
        matches: list[according.Match] | None = None
        for d in ds:
            if d.form is Form.DIRECT or not d.cue or any(p.sent != s for p in d.parts):
                continue
            cue = {i for r in d.cue for i in range(r.a, r.b)}
            if not any(profile.according_to_at(words[i].lower()) for i in cue):
                continue
            if matches is None:
                matches = according.find(seg, profile, s, 0.0)
            for m in matches:
                if m.pattern.source == "anaphoric" or not any(m.start <= i < m.end for i in cue):
                    continue  # "Danach müssen alle Läden …" is the content's own sentence
                if _extend_around(seg, profile, d, ds, m, a, b):
                    d.rules.append("group.content.according_clause.v1")


def postposed_tail_content(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A statement whose content runs on into the sentence's own closing attribution
    ("Der Prozess dauere ein Jahr, so der Anwalt.", "…, erklärte ein Sprecher."): the
    content ends at the comma, and the attribution gives speaker, cue and frame (the
    whole-sentence classifier and the content tagger take such sentences whole). Only
    shapes with a speaker: ", so X" (``according_to.json``, content "before"; the speaker
    a noun phrase, not "…, so wurde …") and the verb-first tails of
    :func:`postposed_attributions` (not with an object: ", schätzt den Vorgang …"); not
    reported statements, whose sentence is its own clause."""
    words = seg.words
    by_sent: dict[int, list[Draft]] = {}
    for d in drafts:
        for s in {p.sent for p in d.parts}:
            by_sent.setdefault(s, []).append(d)
    for d in drafts:
        if d.form in (Form.DIRECT, Form.REPORTED) or len({p.sent for p in d.parts}) != 1:
            continue
        s = d.parts[-1].sent
        if any(x is not d and _overlap(x, d) for x in by_sent[s]):
            continue  # the sentence's own attribution rule made a statement of it
        a, b = seg.sentences[s]
        end = b
        while end > a and words[end - 1] in _FINAL:
            end -= 1
        last = d.parts[-1]
        if last.b < end or d.parts[0].a > a + 1:
            continue
        tail = _closing_attribution(seg, profile, s, a, b, end)
        if tail is None:
            continue
        comma, speaker, cue, medium = tail
        if words[speaker[0]].lower() in profile.object_determiners:
            continue  # "…, schätzt den Vorgang als Niederlage ein": an object
        if comma - a < 3 or any(seg.quote_depth[i] for i in range(comma, end)):
            continue
        d.parts = [p for p in d.parts if p.a < comma]
        d.parts[-1] = Seg(d.parts[-1].a, min(d.parts[-1].b, comma), d.parts[-1].tag, s)
        d.speaker, d.cue, d.speaker_spans = [Seg(*speaker, "S", s)], _as_runs(cue, s), None
        d.frame = [Seg(comma, end, "F", s)]
        d.addressee = [x for x in d.addressee if x.a >= comma]
        d.form, d.medium = Form.INDIRECT, medium
        d.rules.append("group.content.postposed_tail.v1")


def _closing_attribution(
    seg: Segmented, profile: LangProfile, s: int, a: int, b: int, end: int
) -> tuple[int, tuple[int, int], list[int], Medium | None] | None:
    """(comma, speaker range, cue tokens, the lexicon's medium) of a sentence-final ", so
    X" / ", sagte X"."""
    for m in according.find(seg, profile, s, 0.0):
        rest = range(m.end, end)
        if (
            m.pattern.content == "before"
            and m.source
            and _speaker_head(profile, seg.words[m.source[-1]])
            and _np_start(profile, seg.words[m.source[0]])
            and (not rest or seg.words[m.end].lower() in profile.prepositions)
            and not any(seg.words[i] in profile.clause_breaks for i in rest)
            and not any(profile.cue(seg.words[i].lower()) for i in rest)
        ):
            comma = m.start if seg.words[m.start] == "," else m.start - 1
            if seg.words[comma] != ",":
                continue
            sp = (m.source[0], m.source[-1] + 1)
            return comma, sp, [i for i in m.cue if seg.words[i] != ","], m.pattern.medium
    if "verb_first" not in profile.postposed_attribution:
        return None
    got = _postposed_tail(seg, profile, a, b)
    if got is None:
        return None
    entry = profile.cue(seg.words[got[2][0]].lower())
    return got[0], got[1], got[2], entry.medium if entry is not None else None


def _extend_around(
    seg: Segmented,
    profile: LangProfile,
    d: Draft,
    ds: list[Draft],
    m: according.Match,
    a: int,
    b: int,
) -> bool:
    words = seg.words
    inside = range(m.start, m.end)
    others = {
        i
        for o in ds
        if o is not d
        for r in o.parts + o.cue + o.speaker + o.frame + o.addressee
        for i in range(r.a, r.b)
    }
    own = {i for r in d.speaker + d.addressee for i in range(r.a, r.b) if i not in inside}
    cue_toks = [i for r in d.cue for i in range(r.a, r.b)]
    own |= {i for i in _cue_tokens(profile, words, cue_toks) if i not in inside}
    blockers = others | own
    content = {i for p in d.parts for i in range(p.a, p.b)}
    added: set[int] = set()
    dropped: set[int] = set()
    left = next((p for p in d.parts if p.b == m.start), None)
    right = next((p for p in d.parts if p.a >= m.end), None)
    after = any(m.end <= i < b for i in content)
    if left is not None and not after and m.pattern.content != "before":
        # what follows a closing ", so X" is the source's apposition or adverbials ("…, so
        # Anna Weber, Leiterin des Bauamts"), not content
        embedded = left.a > a and words[left.a - 1] in profile.clause_breaks
        hi = m.end
        while hi < b and hi not in blockers:
            if embedded and words[hi] in profile.clause_breaks and not seg.quote_depth[hi]:
                break
            hi += 1
        added |= set(range(m.end, hi))
    opener = all(words[i] in profile.clause_breaks for i in range(a, m.start))
    if right is not None and right.a == m.end and not any(i < m.start for i in content):
        # the host clause began before the construction: "Die Partei hat [dem Ergebnis
        # zufolge] 328 Sitze gewonnen", "Streiff warf [Medienberichten zufolge] das Handtuch"
        lo = _clause_start(seg, profile, a, m.start)
        region = range(lo, m.start)
        if region and not any(i in blockers for i in region):
            added |= set(region)
    if right is not None and opener:
        skip = _apposition_after(seg, profile, m.end, b)
        gap = range(skip, right.a)
        if not any(i in blockers for i in gap):
            added |= set(gap)
        dropped = set(range(m.end, skip)) & content
    # the construction itself is no content ("Laut Justizsprecher [Joachim Banke] sei …")
    dropped |= content & set(inside)
    while added and words[max(added)] in profile.clause_breaks:
        added.discard(max(added))
    while added and words[min(added)] in profile.clause_breaks:
        added.discard(min(added))
    if (not added and not dropped) or not (content | added) - dropped:
        return False
    sent = d.parts[0].sent
    tag = d.parts[0].tag
    d.parts = [
        Seg(r.a, r.b, tag, sent) for r in _as_runs(sorted((content | added) - dropped), sent)
    ]
    frame = ({i for r in d.frame for i in range(r.a, r.b)} - added) | set(inside) | dropped
    d.frame = [Seg(r.a, r.b, "F", sent) for r in _as_runs(sorted(frame), sent)]
    if any(i in added for i in cue_toks):
        d.cue = _as_runs([i for i in cue_toks if i not in added], sent)
        for r in d.cue:
            r.tag = "C"
    return True


def _relative_or_complementizer(profile: LangProfile, w: str) -> bool:
    low = w.lower()
    return low in profile.complementizers or any(p.kind == "relative" for p in profile.pronoun(low))


def _clause_start(seg: Segmented, profile: LangProfile, a: int, end: int) -> int:
    """Start of the clause that ``end`` ends: after the nearest clause break before it
    (parentheses are skipped, "Kurt Beck (SPD) hat"), unless the sentence opens with a
    subject clause ("Dass …, soll …"); a relative or complementizer clause starts at its
    pronoun ("…, die … verbessern kann")."""
    words = seg.words
    depth = 0
    pending = False
    for k in range(end - 1, a - 1, -1):
        w = words[k]
        if seg.quote_depth[k]:
            continue
        if w == ")":
            depth += 1
            continue
        if w == "(":
            depth = max(0, depth - 1)
            continue
        if depth or w not in profile.clause_breaks or k + 1 >= end:
            continue
        if _truncation_hyphen(seg, k) or (w == "," and k > a and _truncation_hyphen(seg, k - 1)):
            continue  # a truncated compound in a list ("über Konto-, Post- und Telefondaten")
        nxt = words[k + 1]
        if _relative_or_complementizer(profile, nxt):
            if pending:
                pending = False  # an embedded relative clause: "Die Firma, die …, plant"
                continue
            return k + 1
        low = nxt.lower()
        if (
            nxt[:1].islower()
            and low not in profile.determiners
            and low not in profile.prepositions
            and not pending
        ):
            # a verb after the break continues the clause before an embedded one
            pending = True
            continue
        if words[a].lower() in profile.complementizers:
            continue
        return k + 1
    return a


def _truncation_hyphen(seg: Segmented, k: int) -> bool:
    """Is token ``k`` the hyphen of a truncated compound ("Bus-, Bahn- und …"): attached
    to the word before it, followed by a comma or a space?"""
    return (
        seg.words[k] == "-"
        and k > 0
        and seg.ends[k - 1] == seg.starts[k]
        and seg.words[k - 1][-1:].isalpha()
        and k + 1 < len(seg.words)
        and (seg.starts[k + 1] > seg.ends[k] or seg.words[k + 1] == ",")
    )


def _apposition_after(seg: Segmented, profile: LangProfile, k: int, limit: int) -> int:
    """After a sentence-initial construction, a comma-enclosed apposition or relative
    clause belongs to its source ("Nach Angaben von X, einem Manager der Firma, wurde …";
    "Nach einer Prognose des Senders, die auf … beruht, entfallen …"): the index after
    it, else ``k``."""
    words = seg.words
    if k + 1 >= limit or words[k] != ",":
        return k
    nxt = words[k + 1].lower()
    if not (nxt in profile.determiners or _relative_or_complementizer(profile, nxt)):
        return k
    if nxt in profile.complementizers:
        return k  # "…, dass …" is content
    for j in range(k + 2, limit):
        if words[j] == "," and not seg.quote_depth[j]:
            return j + 1
    return k


def _trim_breaks(words: list[str], profile: LangProfile, x: Seg) -> Seg:
    """``x`` without clause breaks at its edges ("…, so der Minister, …")."""
    lo, hi = x.a, x.b
    while lo < hi and words[lo] in profile.clause_breaks:
        lo += 1
    while hi > lo and words[hi - 1] in profile.clause_breaks:
        hi -= 1
    return Seg(lo, hi, x.tag, x.sent)


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
        if out and _overlap(out[-1], d):
            keep = out[-1] if _weight(out[-1]) >= _weight(d) else d
            out[-1] = keep
            continue
        out.append(d)
    return out


def stub_contents(
    seg: Segmented, drafts: list[Draft], max_tokens: int = 4, gap: int = 5
) -> list[Draft]:
    """A content of a few words that stops just before another content of its sentence
    ("[Es sei], so wird gesagt, [eine Illusion …]", "[weil] [die Versicherung es versäumt
    habe …]") is the start of that content, not a statement of its own."""
    out: list[Draft] = []
    for k, d in enumerate(drafts):
        nxt = drafts[k + 1] if k + 1 < len(drafts) else None
        words = [
            seg.words[i]
            for p in d.parts
            for i in range(p.a, p.b)
            if seg.words[i] not in _HARD_BREAKS
        ]
        if (
            nxt is not None
            and d.form in (Form.INDIRECT, Form.INDIRECT_FREE_INDIRECT)
            and nxt.form in (Form.INDIRECT, Form.INDIRECT_FREE_INDIRECT)
            and len(d.parts) == 1
            and len(words) <= max_tokens
            and d.parent is None
            and nxt.parts[0].sent == d.parts[-1].sent
            and 0 <= nxt.a - d.b <= gap
        ):
            nxt.parts = d.parts + nxt.parts
            nxt.rules.append("group.content.stub_start.v1")
            continue
        out.append(d)
    return out


def prepositional_relatives(
    seg: Segmented, profile: LangProfile, drafts: list[Draft]
) -> list[Draft]:
    """A tagged indirect content that is a relative clause opened by a preposition after a
    comma ("…, bei dem es zu zwei Toten kam", "…, von dem nur wenige Ausnahmen gelten") is
    the author's description of the noun before it, not speech: the relative pronoun is
    followed by a word that starts the relative clause's subject or adverbials, not by the
    noun or adjective of a prepositional phrase opening a content clause ("sagte, [mit dem
    Gesetz solle …]", "[in den persönlichen Sachen seien …]"). The words are
    ``clause.json`` ``content_clause`` ``relative_pronouns`` and
    ``relative_clause_starts``."""
    rel = frozenset(profile.content_clause.get("relative_pronouns", ()))
    after = frozenset(profile.content_clause.get("relative_clause_starts", ()))
    if not rel:
        return drafts
    words = seg.words
    out: list[Draft] = []
    for d in drafts:
        a = d.a
        if (
            d.form is Form.INDIRECT
            and d.rules[:1] == ["crf.quote.indirect"]
            and a + 2 < len(words)
            and a > 0
            and words[a - 1] == ","
            and words[a].lower() in profile.prepositions
            and words[a + 1].lower() in rel
            and words[a + 2].lower() in after
            and not any(seg.quote_depth[i] for p in d.parts for i in range(p.a, p.b))
        ):  # a quotation inside would make it reported speech after all
            continue
        out.append(d)
    return out


def colon_quotations(seg: Segmented, drafts: list[Draft]) -> list[Draft]:
    """An indirect or reported content that runs on through a colon into a quotation
    ("Sie warnte vor einer neuen Katastrophe: „Weite Teile des Landes …“") ends at the
    colon; the quotation becomes a direct statement with the same speaker and cue.
    Returns all drafts, each new one after the statement it was cut from."""
    words, depth = seg.words, seg.quote_depth
    opened = {q.open: q for q in seg.quotations if q.closed}
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        if d.form is Form.DIRECT or len(d.parts) != 1:
            continue
        p = d.parts[0]
        k = next(
            (
                i
                for i in range(p.a + 3, p.b - 1)
                if words[i] == ":" and not depth[i] and depth[i + 1] and seg.starts[i + 1] in opened
            ),
            None,
        )
        if k is None:
            continue
        q = opened[seg.starts[k + 1]]
        qb = _tok_at(seg, q.end - 1) + 1
        if any(words[i] not in _FINAL for i in range(qb, p.b)):
            continue  # the quotation does not close the content ("(kurz: „IG Bau“) fordert …")
        d.parts = [Seg(p.a, k, p.tag, p.sent)]
        d.rules.append("group.content.colon_quote.v1")
        if qb - (k + 1) < 4:
            continue
        out.append(d.direct_part(k + 1, qb, "rule.direct.colon_quote.v1"))
    return out


def semicolon_clauses(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """An indirect content that runs on over a semicolon into a main clause without any
    Konjunktiv ("dass der Vater sie geschlagen habe; es wird geprüft, ob …") ends at the
    semicolon: the clause after it is the author's again. With a Konjunktiv the reported
    speech goes on ("…; die Art, wie er spielte, habe ihn überrascht")."""
    if profile.konjunktiv is None:
        return
    from sayso.lang.mood import Mood, mood

    words = seg.words
    for d in drafts:
        if d.form is not Form.INDIRECT or len(d.parts) != 1:
            continue
        p = d.parts[0]
        k = next(
            (
                i
                for i in range(p.a + 3, p.b - 2)
                if words[i] in profile.main_clause_breaks and not seg.quote_depth[i]
            ),
            None,
        )
        if k is None:
            continue
        if any(mood(words[j]) in (Mood.K1, Mood.K2) for j in range(k + 1, p.b)):
            continue
        d.parts = [Seg(p.a, k, p.tag, p.sent)]
        d.rules.append("group.content.semicolon.v1")


def _same_frame(x: Draft, y: Draft) -> bool:
    """Two non-direct drafts of one sentence that share a cue token."""
    if x.form is Form.DIRECT or y.form is Form.DIRECT or not x.cue or not y.cue:
        return False
    if _MAIN_CLAUSE in x.rules or _MAIN_CLAUSE in y.rules:
        return False  # a main clause of its own ("…; nach Behördenangaben stecke …")
    if {p.sent for p in x.parts} != {p.sent for p in y.parts}:
        return False
    xs = {i for r in x.cue for i in range(r.a, r.b)}
    return any(i in xs for r in y.cue for i in range(r.a, r.b))


def _overlap(x: Draft, y: Draft) -> bool:
    return (
        any(p.a < q.b and q.a < p.b for p in x.parts for q in y.parts)
        and x.form is not Form.DIRECT
        and y.form is not Form.DIRECT
    )


def _weight(d: Draft) -> int:
    return sum(p.b - p.a for p in d.parts) + 5 * (len(d.cue) + len(d.speaker))


def reported_sentences(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> list[Draft]:
    """Whole sentences reporting a speech act with a noun phrase, by a verb that mostly
    does so (``lang/<lang>/reported.json``): "Die Gewerkschaft fordert höhere Löhne."
    The sentence needs a subject before the verb; roles are tagged as for any statement."""
    taken = {p.sent for d in drafts for p in d.parts}
    words = seg.words
    verbs = profile.reported_forms
    new: list[Draft] = []
    for s, (a, b) in enumerate(seg.sentences):
        if s in taken or b - a < 4 or words[b - 1] not in _FINAL:
            continue
        if verbs.isdisjoint(seg.lows[a:b]):
            continue  # no word that could be the verb
        toks = range(a, b)
        # a quoted phrase inside may be a nested fragment ("warnten vor einem „Abfluss“"),
        # a quotation of half the sentence is direct speech
        quoted = sum(1 for i in toks if seg.quote_depth[i])
        if 2 * quoted >= b - a or any(
            words[i].lower() in profile.complementizers for i in toks if not seg.quote_depth[i]
        ):
            continue
        verb = None
        for i in toks:
            low = words[i].lower()
            if not words[i][:1].islower():
                continue
            entry = profile.cue(low)
            if entry is not None and entry.lemma not in profile.reported_lemmas:
                entry = None
            if entry is None and any(
                e.lemma in profile.reported_lemmas for e in profile.particle_cues(low)
            ):
                # a separable verb counts with its particle later on ("forderte … auf")
                entry = next(
                    (
                        e
                        for j in range(i + 1, b)
                        if (e := profile.cue_with_particle(low, words[j].lower())) is not None
                        and e.lemma in profile.reported_lemmas
                    ),
                    None,
                )
            if entry is not None:
                verb = i
                break
        if verb is None or verb == a or words[a][:1].islower():
            continue
        lemma = _reported_lemma(profile, words, verb, b)
        if any(words[i].lower() in profile.reported_not_with.get(lemma, ()) for i in toks):
            continue  # another sense: "sprach mit seiner Frau", "forderte zwölf Todesopfer"
        need = profile.reported_only_with.get(lemma)
        if need and not any(words[i].lower() in need for i in toks):
            continue  # "sprach ein Gebet", "sprach für Romney": only "sprach von …" reports
        new.append(
            Draft(
                parts=[Seg(a, b, "reported", s)],
                form=Form.REPORTED,
                rules=["rule.reported.lexicon.v1"],
                fallback_speaker=_reported_subject(seg, profile, a, b, verb),
            )
        )
    return new


def comma_content_clauses(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> list[Draft]:
    """Indirect speech the tagger missed in its plainest shape: a cue verb, a comma and a
    content clause, either a "dass" clause running to the sentence end ("Der Minister
    gestand ein, dass die Regierung überfordert war.") or a zu-infinitive ("Die Bundeswehr
    hat entschieden, das Tanklager aufzugeben."). The words are ``clause.json``'s
    ``content_clause``; purpose and temporal clauses ("um … zu", "nachdem") are not
    content, nor is a cue inside a sentence-initial subordinate clause ("Als sie bemerkte,
    dass …, floh sie"). Only sentences without any statement; speakers come later from
    the clause shape. Returns the new drafts."""
    cc = profile.content_clause
    if not cc:
        return []
    that = frozenset(cc.get("that", ()))
    inf = cc.get("infinitive", {})
    not_after = frozenset(cc.get("not_after", ()))
    v2 = cc.get("v2_clause", {})
    bare_v2 = (
        (
            frozenset(v2["subjects"]),
            frozenset(v2["determiners"]),
            frozenset(v2["not_after_subject"]),
        )
        if v2
        else None
    )
    # a tagged content without cue or speaker would be pruned: the rule completes it
    bare: dict[int, list[Draft]] = {}
    taken: set[int] = set()
    for d in drafts:
        if not d.cue and not d.speaker and d.form in (Form.INDIRECT, Form.REPORTED):
            bare.setdefault(d.parts[0].sent, []).append(d)
        else:
            taken.update(p.sent for p in d.parts)
    words = seg.words
    new: list[Draft] = []
    for s, (a, b) in enumerate(seg.sentences):
        if s in taken or words[a].lower() in not_after:
            continue
        end = b
        while end > a and words[end - 1] in _FINAL:
            end -= 1
        got = _cue_clause(seg, profile, a, end, that, inf, not_after, bare_v2=bare_v2)
        if got is None:
            continue
        cue, lo, hi, kind = got
        hit = [d for d in bare.get(s, []) if d.a < hi and lo < d.b]
        if hit:
            for d in hit:
                d.cue = _as_runs(cue, s)
                d.frame = d.frame or [Seg(a, lo - 1, "F", s)]
                d.rules.append(f"group.cue_clause_{kind}.v1")
            continue
        if s in bare:
            continue
        new.append(
            Draft(
                parts=[Seg(lo, hi, "indirect", s)],
                form=Form.INDIRECT,
                cue=_as_runs(cue, s),
                frame=[Seg(a, lo - 1, "F", s)],
                rules=[f"rule.indirect.cue_clause_{kind}.v1"],
            )
        )
    return new


def _cue_clause(
    seg: Segmented,
    profile: LangProfile,
    a: int,
    end: int,
    that: frozenset[str],
    inf: Mapping[str, str],
    not_after: frozenset[str],
    v2: bool = False,
    bare_v2: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None,
) -> tuple[list[int], int, int, str] | None:
    """(cue tokens, content range, kind) of the first cue verb of ``[a, end)`` followed by
    a comma and a content clause."""
    if profile.cue_words.isdisjoint(seg.lows[a:end]):
        return None  # no cue verb at all
    words = seg.words
    for i in range(a, end):
        if seg.quote_depth[i] or not words[i][:1].islower():
            continue
        cue = [i]
        entry = profile.cue(words[i])
        if entry is None and profile.particle_cues(words[i]):  # a particle verb's stem
            entry = next(
                (
                    e
                    for j in range(i + 1, end)
                    if (e := profile.cue_with_particle(words[i], words[j])) is not None
                    and (cue := [i, j])
                ),
                None,
            )
        if entry is None:
            continue
        k = next((j for j in range(cue[-1] + 1, min(end, cue[-1] + 4)) if words[j] == ","), None)
        if k is None or k + 3 >= end:
            return None  # only the first cue verb is tried
        first = words[k + 1].lower()
        if first in not_after:
            return None
        hi: int | None
        if first in that:
            kind, hi = "that", end
        elif v2 and "v2" in entry.frames and _konjunktiv_in(words, k + 1, end):
            kind, hi = "konjunktiv", end
        else:
            kind, hi = "infinitive", _infinitive_end(words, k + 2, end, inf)
            if hi is None and bare_v2 and _bare_v2_clause(bare_v2, entry.frames, words, a, k):
                kind, hi = "v2", end
        if hi is None or any(seg.quote_depth[j] for j in range(k + 1, hi)):
            return None
        return cue, k + 1, hi, kind
    return None


def _bare_v2_clause(
    v2: tuple[frozenset[str], frozenset[str], frozenset[str]],
    frames: Collection[str],
    words: list[str],
    a: int,
    k: int,
) -> bool:
    """A main clause after the comma of a verb that takes one ("sagte Rice, die USA hielten
    sich an …"), whatever its mood: it opens with a subject pronoun or a determiner and a
    noun; not after a first person ("Ich glaube, die Künstler …")."""
    subjects, determiners, not_after_subject = v2
    if "v2" not in frames or any(w.lower() in not_after_subject for w in words[a:k]):
        return False
    w = words[k + 1].lower()
    return w in subjects or (w in determiners and words[k + 2][:1].isupper())


def _konjunktiv_in(words: list[str], lo: int, hi: int, clause: bool = True) -> bool:
    """Does ``words[lo:hi]`` carry a Konjunktiv I verb (with ``clause``: before its first
    comma, as reported speech without a complementizer does: "sagte, er sei müde")?"""
    from sayso.lang.mood import Mood, mood

    for j in range(lo, hi):
        if clause and words[j] == ",":
            return False
        if mood(words[j], sentence_initial=j == lo) is Mood.K1:
            return True
    return False


def framed_continuations(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A whole-sentence free indirect or reported statement that is the author's report of
    indirect speech: the sentence opens with an indicative cue clause and a comma ("Die
    Verteidiger argumentierten außerdem, [er habe nicht zu fliehen versucht]", "Der Verband
    fordert, [dass …]"). The statement becomes
    indirect speech with the clause after the comma as content and the verb as cue (shapes
    as for :func:`comma_content_clauses`, a bare Konjunktiv I clause included). A cue clause
    in the Konjunktiv ("Sie sei davon ausgegangen, dass …") is itself reported speech and
    stays."""
    cc = profile.content_clause
    if not cc or profile.konjunktiv is None:
        return
    that = frozenset(cc.get("that", ()))
    inf = cc.get("infinitive", {})
    not_after = frozenset(cc.get("not_after", ()))
    words = seg.words
    for d in drafts:
        if (
            d.form not in (Form.FREE_INDIRECT, Form.INDIRECT_FREE_INDIRECT, Form.REPORTED)
            or len(d.parts) != 1
        ):
            continue
        p = d.parts[0]
        a, b = seg.sentences[p.sent]
        if p.a != a or words[a].lower() in not_after:
            continue
        end = min(p.b, b)
        while end > a and words[end - 1] in _FINAL:
            end -= 1
        got = _cue_clause(seg, profile, a, end, that, inf, not_after, v2=True)
        if got is None:
            continue
        cue, lo, _, _ = got  # the content runs to the end, as the statement did
        hi = end
        if cue[0] > lo or any(words[i] in profile.clause_breaks for i in range(a, cue[0])):
            continue  # the cue verb must stand in the sentence's first clause
        if _konjunktiv_in(words, a, lo - 1, clause=False):
            continue
        d.parts = [Seg(lo, hi, "indirect", p.sent)]
        d.form = Form.INDIRECT
        d.cue = _as_runs(cue, p.sent)
        d.frame = [Seg(a, lo - 1, "F", p.sent)]
        d.speaker = [r for r in d.speaker if r.b <= lo]
        d.rules.append("group.content.framed_continuation.v1")


def _infinitive_end(words: list[str], lo: int, end: int, inf: Mapping[str, str]) -> int | None:
    """End of a zu-infinitive clause starting before ``lo``: after its first verb that
    follows the marker ("zu entziehen") or carries it inside ("aufzugeben"), when a comma,
    "und" or the sentence end follows."""
    marker, infix, ending = inf.get("marker"), inf.get("infix"), inf.get("ending", "")
    if not marker:
        return None
    for j in range(lo, end):
        w = words[j]
        nxt = words[j + 1] if j + 1 < end else ","
        if not (w.isalpha() and w.islower() and nxt in (",", "und")):
            continue
        if words[j - 1].lower() == marker or (infix and infix in w[2:-3] and w.endswith(ending)):
            return j + 1 if nxt == "," else end
    return None


def _reported_lemma(profile: LangProfile, words: list[str], verb: int, b: int) -> str:
    entry = profile.cue(words[verb].lower())
    if entry is None:
        entry = next(
            (
                e
                for j in range(verb + 1, b)
                if (e := profile.cue_with_particle(words[verb], words[j])) is not None
            ),
            None,
        )
    return entry.lemma if entry is not None else ""


def _reported_subject(seg: Segmented, profile: LangProfile, a: int, b: int, verb: int) -> list[Seg]:
    """The subject of a reported-speech verb in finite form, as the statement's speaker
    when the tagger finds none: the noun phrase right before the verb ("Ronny Tong von der
    Partei nannte es …") or, after a first constituent, right after it ("Dabei bezeichnete
    er …"). Not for participles and infinitives ("wurde an den Ausschuss verwiesen",
    "gefordert hatten") nor in parentheses ("(Wikinews berichtete)")."""
    from sayso.extract.according import noun_phrase_end

    words = seg.words
    w = words[verb].lower()
    entry = profile.cue(w)
    particle = entry.particle if entry is not None and entry.particle else ""
    if entry is None or w == entry.lemma or w.startswith("ge") or w.startswith(particle + "ge"):
        return []
    if "(" in words[a:verb]:
        return []
    s = seg.sentence_of[verb]
    k = verb + 1
    low = words[k].lower() if k < b else ""
    if (
        words[k][:1].islower()
        and profile.is_speaker_pronoun(low)
        and low not in profile.determiners
    ):
        return [Seg(k, k + 1, "S", s)]  # "Dabei bezeichnete er …"
    first_comma = next((i for i in range(a, verb) if words[i] == ","), verb)
    if words[verb - 1] == "," and first_comma < verb - 1:
        # "Celebi, die viele Frauen vertritt, nennt …": the name before the apposition
        if noun_phrase_end(seg, profile, a, first_comma) == first_comma:
            return [Seg(a, first_comma, "S", s)]
        return []
    if noun_phrase_end(seg, profile, a, verb) == verb and _speaker_head(profile, words[verb - 1]):
        return [Seg(a, verb, "S", s)]
    e = noun_phrase_end(seg, profile, k, b)
    if e > k and words[k].lower() not in profile.object_determiners:
        return [Seg(k, e, "S", s)]
    return []


def whole_sentences(
    seg: Segmented, tagger: Taggers, tagged: Tagged, drafts: list[Draft], threshold: float
) -> list[Draft]:
    """Sentences without any statement that the sentence classifier takes, as a whole, for
    reported or free indirect speech. Their roles are tagged like any statement's."""
    taken = {p.sent for d in drafts for p in d.parts}
    has = set(taken)
    new: list[Draft] = []
    for s, (a, b) in enumerate(seg.sentences):
        if s in taken:
            continue
        label, prob = tagger.classify_sentence(seg, tagged, s, s - 1 in has)
        if label == "O" or prob < threshold:
            continue
        form = _FORMS.get(label, Form.REPORTED)
        d = Draft(parts=[Seg(a, b, label, s)], form=form, rules=[f"crf.sentence.{label}"])
        new.append(d)
        has.add(s)
    if not new:
        return []
    attach_roles(seg, tagger, tagged, new)
    return new


def according_to_statements(
    seg: Segmented, profile: LangProfile, drafts: list[Draft], min_confidence: float
) -> list[Draft]:
    """Sentences without a statement that carry an according-to construction ("Laut
    Polizei wurden drei Menschen verletzt."): the construction is cue, source and frame,
    the rest of the clause is the content (split in two when the construction sits inside
    it), or the part before/after it where the pattern says so ("…, so der Minister")."""
    from sayso.extract import according

    taken = {p.sent for d in drafts for p in d.parts}
    words = seg.words
    new: list[Draft] = []
    for s, (a, b) in _according_units(seg, profile, drafts, taken):
        matches = [m for m in according.find(seg, profile, s, min_confidence) if a <= m.start < b]
        if not matches:
            continue
        m = matches[0]
        if m.end > b:
            continue
        rule = f"rule.according_to.{m.pattern.id}"
        if (a, b) != seg.sentences[s]:
            rule = _MAIN_CLAUSE
        end = b
        while end > a and words[end - 1] in _FINAL:
            end -= 1
        if m.pattern.content == "before":
            spans = [(a, m.start)]
        elif m.pattern.content == "after":
            spans = [(m.end, end)]
        else:
            # the host clause of the construction, without a clause before it ("Die
            # ersten Funde machten sie 2000, [im Jahr 2004 war die Gruppe nach eigener
            # Aussage am Ziel]") or an apposition of its source after it
            lo = _clause_start(seg, profile, a, m.start)
            hi = m.end
            if all(words[i] in profile.clause_breaks for i in range(lo, m.start)):
                hi = _apposition_after(seg, profile, m.end, end)
            # a colon before a capitalised word opens a new main clause ("… umgangen
            # werden: Künftig genügt …"), which the construction does not cover
            stop = next(
                (
                    i
                    for i in range(hi, end - 1)
                    if words[i] == ":" and not seg.quote_depth[i] and words[i + 1][:1].isupper()
                ),
                end,
            )
            spans = [(lo, m.start), (hi, stop)]
        parts = []
        for lo, hi in spans:
            while lo < hi and words[lo] in profile.clause_breaks:
                lo += 1
            while hi > lo and words[hi - 1] in profile.clause_breaks:
                hi -= 1
            if hi > lo:
                parts.append(Seg(lo, hi, "indirect", s))
        if sum(p.b - p.a for p in parts) < 3:
            continue
        new.append(
            Draft(
                parts=parts,
                form=Form.INDIRECT,
                cue=_as_runs(list(m.cue), s),
                speaker=_as_runs(list(m.source), s),
                frame=[Seg(m.start, m.end, "F", s)],
                rules=[rule],
                medium=m.pattern.medium if m.pattern.fixed_medium else None,
            )
        )
    return new


_MAIN_CLAUSE = "rule.according_to.main_clause.v1"


def _according_units(
    seg: Segmented, profile: LangProfile, drafts: list[Draft], taken: set[int]
) -> list[tuple[int, tuple[int, int]]]:
    """(sentence, token range) where an according-to construction may make a statement:
    each sentence without one, and in a sentence with one each main clause
    (``main_clause_breaks``: "…; nach Behördenangaben stecke …") that holds none
    (``rule.according_to.main_clause.v1``)."""
    units: list[tuple[int, tuple[int, int]]] = []
    breaks = profile.main_clause_breaks
    parts_in: dict[int, list[Seg]] = {}
    for d in drafts:
        for p in d.parts:
            parts_in.setdefault(p.sent, []).append(p)
    for s, (a, b) in enumerate(seg.sentences):
        if s not in taken:
            units.append((s, (a, b)))
            continue
        if not breaks:
            continue
        cuts = [i for i in range(a, b) if seg.words[i] in breaks and not seg.quote_depth[i]]
        if not cuts:
            continue
        used = {i for p in parts_in.get(s, ()) for i in range(p.a, p.b)}
        for lo, hi in zip([a, *(c + 1 for c in cuts)], [*cuts, b], strict=True):
            if hi - lo >= 4 and not any(i in used for i in range(lo, hi)):
                units.append((s, (lo, hi)))
    return units


def cued_quotations(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> list[Draft]:
    """Direct quotations the tagger missed in their canonical shapes: a closed quotation
    with a cue verb right after it ("„…“, sagte Anna Berger.") or right before it behind a
    colon or comma ("Anna Berger sagte: „…“")."""
    covered = {i for d in drafts for p in d.parts for i in range(p.a, p.b)}
    words = seg.words
    new: list[Draft] = []
    for q in seg.quotations:
        if not q.closed or q.depth or len(q.parts) > 1:
            continue
        a = _tok_at(seg, q.open)
        b = _tok_at(seg, q.end - 1) + 1
        if b - a < 3 or any(i in covered for i in range(a, b)):
            continue
        s = seg.sentence_of[a]
        sa, sb = seg.sentences[s]
        after = [i for i in range(b, min(sb, b + 4)) if not seg.quote_depth[i]]
        before = [i for i in range(max(sa, a - 6), a) if not seg.quote_depth[i]]
        cued = (
            after
            and words[after[0]] == ","
            and any(profile.cue(words[i].lower()) for i in after[1:3])
        ) or (
            before
            and words[before[-1]] in (":", ",")
            and any(_is_cue_token(profile, words, i, before) for i in before)
        )
        if not cued:
            continue
        new.append(
            Draft(
                parts=[Seg(a, b, "direct", s)],
                form=Form.DIRECT,
                rules=["rule.direct.cued_quotation.v1"],
            )
        )
        covered.update(range(a, b))
    return new


def cued_fragments(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> list[Draft]:
    """A quoted fragment opening with a lowercase word, in a sentence with a cue verb
    ("Der Verband nannte den Plan „sehr riskant“.", "Sie sprach von einer „vollständigen
    Zerstörung“.") and no statement that covers it: a direct statement of the fragment;
    roles are tagged as usual. A capitalised quotation is as often a name or title
    („Odyssee im Weltraum“) and is left alone; in a sentence with another statement, so is
    one after a word that introduces names (``clause.json`` ``fragment_not_after``)."""
    taken = {p.sent for d in drafts for p in d.parts}
    covered = {i for d in drafts for p in d.parts for i in range(p.a, p.b)}
    name_before = profile.fragment_not_after
    words = seg.words
    new: list[Draft] = []
    done: set[int] = set()
    for q in seg.quotations:
        if not q.closed or q.depth or len(q.parts) > 1:
            continue
        a = _tok_at(seg, q.open)
        b = _tok_at(seg, q.end - 1) + 1
        s = seg.sentence_of[a]
        if s in done or b - a < 3 or not words[a + 1][:1].islower():
            continue
        # next to another statement only outside its content, and not where a lowercase
        # quotation is as often a name ("von „con energy“", "Wie „heise online“")
        if s in taken and (
            any(i in covered for i in range(a, b)) or seg.lows[a - 1] in name_before
        ):
            continue
        if words[a] not in profile.fragment_marks:
            continue  # single marks: names and terms ('ältere ALG I Empfänger')
        sa, sb = seg.sentences[s]
        if a == sa or 2 * (b - a) >= sb - sa:
            continue  # direct speech of its own, not a fragment
        toks = [i for i in range(sa, sb) if not seg.quote_depth[i]]
        cues = [i for i in _cue_tokens(profile, words, toks) if words[i][:1].islower()]
        if not cues:
            continue
        near = min(cues, key=lambda i: a - i if i < a else i - b + 1)
        new.append(
            Draft(
                parts=[Seg(a, b, "direct", s)],
                form=Form.DIRECT,
                cue=[Seg(near, near + 1, "C", s)],
                rules=["rule.direct.cued_fragment.v1"],
            )
        )
        done.add(s)
    return new


def clause_subject(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """Speakers the tagger left out, from the shape of the cue's clause (German, English
    word order alike), for statements with a cue verb but no speaker:

    - a sentence-initial name with an apposition or relative clause before the verb:
      "Anna Berger, die Sprecherin des Vereins, sagte, …" (the apposition belongs to the
      speaker, a relative clause — ending in its verb — does not);
    - a "wie" clause: "Wie das Ministerium am Montag mitteilte, …" (the cue gains "wie");
    - the subject right after a verb in second position: "Am Dienstag teilte die Polizei
      mit, …", "Dazu sagte er, …"."""
    words = seg.words
    lower_words: set[str] | None = None
    for d in drafts:
        if d.speaker or d.speaker_spans is not None or not d.cue:
            continue
        c = d.cue[0].a
        toks = [i for r in d.cue for i in range(r.a, r.b)]
        s = seg.sentence_of[c]
        a, b = seg.sentences[s]
        v = _finite_cue_verb(profile, words, a, toks)
        low = words[c].lower()
        # a verbal cue: not a nominal one ("die Ansicht") nor an according-to trigger
        if not words[c][:1].islower() or low in profile.determiners or profile.according_to_at(low):
            continue
        blocked = _content(d) | {i for r in d.cue for i in range(r.a, r.b)}
        blocked |= {i for i in range(a, b) if seg.quote_depth[i]}
        free = partial(_free, blocked)
        got = _apposed_subject(seg, profile, a, c, free)
        if got is None:
            got = _wie_subject(seg, profile, d, a, c, free)
        if got is None and v is not None:
            got = _inverted_subject(seg, profile, a, b, v, free)
        if got is None and profile.nonfinite_cue:
            if lower_words is None:
                lower_words = {w for w in words if w[:1].islower()}
            got = _main_clause_subject(seg, profile, a, c, free, lower_words)
        if got is None:
            continue
        lo, hi, rule = got
        d.speaker = [Seg(lo, hi, "S", s)]
        d.rules.append(rule)


def _free(blocked: set[int], lo: int, hi: int) -> bool:
    return not any(i in blocked for i in range(lo, hi))


def _finite_cue_verb(profile: LangProfile, words: list[str], a: int, toks: list[int]) -> int | None:
    """The cue's finite verb: the first cue token when it is a verb form, else the stem
    of a separable verb earlier in the sentence ("ging … davon aus")."""
    for t in toks:
        if profile.cue(words[t].lower()) is not None and words[t][:1].islower():
            return t
    for v in range(toks[0] - 1, a - 1, -1):
        if any(profile.cue_with_particle(words[v].lower(), words[t].lower()) for t in toks):
            return v
    return None


def _np_start(profile: LangProfile, w: str) -> bool:
    return w[:1].isupper() or w.lower() in profile.determiners


def _apposed_subject(
    seg: Segmented, profile: LangProfile, a: int, c: int, free: Callable[[int, int], bool]
) -> tuple[int, int, str] | None:
    words = seg.words
    if c - a < 4 or c - a > 25 or words[c - 1] != "," or not free(a, c):
        return None
    f = next((i for i in range(a, c) if words[i] == ","), c)
    if f == a or f - a > 6 or f == c - 1:
        return None
    if not all(_np_start(profile, words[i]) or words[i] == "-" for i in range(a, f)):
        return None
    if profile.is_speaker_pronoun(words[a].lower()):
        return None
    last = words[c - 2]
    # an apposition ends in a noun or name, a relative clause in its verb
    if last[:1].isupper() or last == ")":
        return a, c - 1, "group.speaker.apposition.v1"
    return a, f, "group.speaker.apposition.v1"


def _wie_subject(
    seg: Segmented,
    profile: LangProfile,
    d: Draft,
    a: int,
    c: int,
    free: Callable[[int, int], bool],
) -> tuple[int, int, str] | None:
    words = seg.words
    w = c - 1
    while w > a and words[w] not in _HARD_BREAKS and words[w].lower() != "wie":
        w -= 1
    if words[w].lower() != "wie" or c - w < 2 or not free(w + 1, c):
        return None
    hi = c
    while (
        hi > w + 1
        and words[hi - 1][:1].islower()
        and words[hi - 1].lower() not in (profile.determiners)
    ):
        hi -= 1
    if hi <= w + 1 or not _np_start(profile, words[w + 1]):
        return None
    d.cue.insert(0, Seg(w, w + 1, "C", seg.sentence_of[w]))
    return w + 1, hi, "group.speaker.wie_clause.v1"


def _main_clause_subject(
    seg: Segmented,
    profile: LangProfile,
    a: int,
    c: int,
    free: Callable[[int, int], bool],
    lower_words: set[str],
) -> tuple[int, int, str] | None:
    """The sentence subject for a non-finite cue, whose subject is the main clause's:
    "The committee filed a complaint, claiming that …", "Stumpf tried to make the case …"."""
    from sayso.extract.according import noun_phrase_end

    words = seg.words
    w = words[c].lower()
    nonfinite = any(w.endswith(x) for x in profile.nonfinite_cue.get("suffixes", ())) or (
        c > a and words[c - 1].lower() in profile.nonfinite_cue.get("preceding", ())
    )
    if not nonfinite or c - a < 2:
        return None
    first = words[a].lower()
    if first in profile.prepositions or first in profile.complementizers:
        return None
    if first in lower_words and not (
        first in profile.determiners or profile.is_speaker_pronoun(first)
    ):
        return None  # a function word or adverb the text also writes in lower case: "But"
    e = noun_phrase_end(seg, profile, a, c)
    if e == a and profile.is_speaker_pronoun(first):
        e = a + 1
    if e == a or not free(a, e) or not _speaker_head(profile, words[e - 1]):
        return None
    return a, e, "group.speaker.main_clause.v1"


def _inverted_subject(
    seg: Segmented,
    profile: LangProfile,
    a: int,
    b: int,
    c: int,
    free: Callable[[int, int], bool],
) -> tuple[int, int, str] | None:
    from sayso.extract.according import noun_phrase_end

    words = seg.words
    if c == a or c + 1 >= b or any(words[i] in profile.clause_breaks for i in range(a, c)):
        return None
    k = c + 1
    low = words[k].lower()
    if low in profile.object_determiners:
        return None
    e = noun_phrase_end(seg, profile, k, b)
    if e == k and profile.is_speaker_pronoun(low) and words[k][:1].islower():
        e = k + 1  # "Dazu sagte er, …"
    if e == k or not free(k, e):
        return None
    return k, e, "group.speaker.inverted.v1"


def postposed_attributions(
    seg: Segmented, profile: LangProfile, drafts: list[Draft]
) -> list[Draft]:
    """A sentence that ends in its attribution: "…, officials said.", "…, the source added
    on Tuesday.", "„…“, sagte Anna Berger.", "'…,' said Rep. Miller, head of the caucus."
    Everything before the comma is the content, the noun phrase before or after the cue
    verb the speaker. Which shapes a language has is ``clause.json``'s
    ``postposed_attribution``; with "override_tagger" a draft whose content lies before the
    comma takes that speaker and cue (in English the tagger often picks a subject inside
    the content instead). A sentence without any draft becomes one. Returns the new
    drafts."""
    if not profile.postposed_attribution:
        return []
    by_sent: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sent.setdefault(d.parts[-1].sent, []).append(d)
    words = seg.words
    new: list[Draft] = []
    for s, (a, b) in enumerate(seg.sentences):
        got = _postposed_tail(seg, profile, a, b)
        if got is None:
            continue
        comma, (sp_lo, sp_hi), cue_toks = got
        ds = [
            d
            for d in by_sent.get(s, [])
            if all(p.b <= comma + 1 for p in d.parts if p.sent == s)
            and any(p.sent == s for p in d.parts)
        ]
        speaker = [Seg(sp_lo, sp_hi, "S", s)]
        cue = _as_runs(cue_toks, s)
        frame = [Seg(comma, max(sp_hi, cue_toks[-1] + 1), "F", s)]
        lo = a
        while lo < comma and words[lo] in profile.clause_breaks:
            lo += 1
        if comma - lo < 3:
            continue
        if ds and "override_tagger" not in profile.postposed_attribution:
            continue
        if ds:
            d = max(ds, key=lambda x: sum(p.b - p.a for p in x.parts))
            d.speaker, d.cue, d.frame, d.speaker_spans = speaker, cue, frame, None
            if d.parts[0].sent == s and d.form is not Form.DIRECT:
                d.parts = [Seg(lo, comma, d.parts[0].tag, s)]
            d.rules.append("group.postposed_attribution.v1")
            continue
        inside = sum(1 for i in range(lo, comma) if seg.quote_depth[i])
        direct = inside >= 0.8 * (comma - lo)
        tag = "direct" if direct else "indirect"
        if not direct:
            # a lead clause before a colon is the author's ("Die Bank will ihren Auftritt
            # erneuern: Künftig wolle sie …, berichtete die Zeitung")
            lo = max(
                (
                    i + 1
                    for i in range(lo, comma - 3)
                    if words[i] == ":" and not seg.quote_depth[i] and words[i + 1][:1].isupper()
                ),
                default=lo,
            )
        new.append(
            Draft(
                parts=[Seg(lo, comma, tag, s)],
                form=Form.DIRECT if direct else Form.INDIRECT,
                cue=cue,
                speaker=speaker,
                frame=frame,
                rules=["rule.postposed_attribution.v1"],
            )
        )
    return new


def attribution_after_quote(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A quotation that closes its sentence with "?" or "!" is attributed by the short
    sentence after it: "“Why not?” Vitter asked.", "“We won!” said Anna Berg, the mayor."
    (``clause.json`` ``postposed_attribution``: ``after_quote``). The segmenter ends the
    sentence at the closing mark, so the tagger sees the quotation without its frame. A
    direct draft that ends its sentence there and has neither cue nor speaker takes the
    next sentence's subject-first ("Vitter asked") or verb-first ("said Anna Berg") shape
    as speaker and cue, when that sentence is in the same paragraph, holds no quotation
    and no other draft, and ends right after the attribution (a trailing participle or
    prepositional phrase after a comma may follow)."""
    if "after_quote" not in profile.postposed_attribution:
        return
    words = seg.words
    depth = seg.quote_depth
    taken = {p.sent for d in drafts for p in d.parts}
    for d in drafts:
        if d.form is not Form.DIRECT or d.cue or d.speaker or d.speaker_spans is not None:
            continue
        s = d.parts[-1].sent
        a, b = seg.sentences[s]
        if d.b != b or b - a < 3 or s + 1 >= len(seg.sentences) or s + 1 in taken:
            continue
        if not (MARK_RE.fullmatch(words[b - 1]) and words[b - 2] in ("?", "!")):
            continue
        na, nb = seg.sentences[s + 1]
        if "\n" in seg.text[seg.ends[b - 1] : seg.starts[na]]:
            continue  # another paragraph
        end = nb
        while end > na and words[end - 1] in _FINAL:
            end -= 1
        if end - na < 2 or any(depth[i] for i in range(na, nb)):
            continue
        # the attribution ends the sentence or is followed by a comma
        stop = next((i for i in range(na, end) if words[i] == ","), end)
        got = _verb_first_tail(seg, profile, na, end) if _finite_cue(profile, words[na]) else None
        if got is not None:
            (lo, hi), cue_toks = got
        else:
            got_s = _subject_first_attribution(seg, profile, na, stop)
            if got_s is None:
                continue
            (lo, hi), cue_toks = got_s
        d.speaker = [Seg(lo, hi, "S", s + 1)]
        d.cue = _as_runs(cue_toks, s + 1)
        d.frame = [Seg(na, max(hi, cue_toks[-1] + 1), "F", s + 1)]
        d.rules.append("group.attribution_after_quote.v1")
        taken.add(s + 1)


def _subject_first_attribution(
    seg: Segmented, profile: LangProfile, a: int, stop: int
) -> tuple[tuple[int, int], list[int]] | None:
    """Speaker range and cue of "Vitter asked" / "the senator said on Tuesday" running
    from ``a`` up to ``stop``: a noun phrase of at most ``_MAX_TAIL_NP`` words, a finite
    cue verb, then nothing or a preposition, a capitalised word or a time word."""
    words = seg.words
    first = words[a]
    if not _speaker_head(profile, first) and first.lower() not in profile.determiners:
        return None
    for v in range(a + 1, min(stop, a + 1 + _MAX_TAIL_NP)):
        w = words[v]
        if w in profile.clause_breaks or w.lower() in profile.complementizers:
            return None
        if not _finite_cue(profile, w):
            continue
        if not _speaker_head(profile, words[v - 1]):
            return None
        rest = words[v + 1 : stop]
        if rest and not (
            rest[0].lower() in profile.prepositions
            or rest[0][:1].isupper()
            or rest[0].lower() in profile.time_words
        ):
            return None
        return (a, v), [v]
    return None


def anaphoric_attributions(
    seg: Segmented, profile: LangProfile, drafts: list[Draft]
) -> list[Draft]:
    """A sentence that attributes the sentence before it as a whole: "Der Airbus startet
    am Mittwoch zu seinem ersten Testflug. Dies gab Airbus in Toulouse bekannt." The
    opener ("Dies", "Das", ``clause.json``'s ``anaphoric_openers``) is followed by a cue
    verb and its subject; the content is the previous sentence of the same paragraph plus
    the opener, the subject after the verb the speaker. Both sentences must be free of
    other statements and quotations. Returns the new drafts."""
    from sayso.extract.according import noun_phrase_end

    if not profile.anaphoric_openers:
        return []
    taken = {p.sent for d in drafts for p in d.parts}
    opener_only = {d.parts[0].a: d for d in drafts if len(d.parts) == 1 and d.b - d.a == 1}
    words = seg.words
    new: list[Draft] = []
    for s in range(1, len(seg.sentences)):
        a, b = seg.sentences[s]
        pa, pb = seg.sentences[s - 1]
        if s - 1 in taken or b - a < 4 or pb - pa < 4:
            continue
        if words[a].lower() not in profile.anaphoric_openers or words[b - 1] not in _FINAL:
            continue
        if "\n" in seg.text[seg.ends[pb - 1] : seg.starts[a]]:
            continue  # another paragraph
        if any(seg.quote_depth[i] for i in range(pa, b)):
            continue
        if s in taken:
            # the tagger took the opener alone for the content: it stands for the sentence
            # before, which joins the content
            d = opener_only.get(a)
            if d is not None and d.form is not Form.DIRECT:
                d.parts.insert(0, Seg(pa, pb, d.parts[0].tag, s - 1))
                d.rules.append("group.anaphoric_content.v1")
                taken.add(s - 1)
            continue
        v = a + 1
        end = b - 1
        cue = [v] if _finite_cue(profile, words[v]) else []
        particle = profile.cue_with_particle(words[v].lower(), words[end - 1].lower())
        if not cue and words[v][:1].islower() and particle is not None:
            cue = [v, end - 1]
        if not cue:
            continue
        e = noun_phrase_end(seg, profile, v + 1, end)
        if e == v + 1 or not _speaker_head(profile, words[e - 1]):
            continue
        if any(
            w in profile.clause_breaks or w.lower() in profile.complementizers for w in words[e:end]
        ):
            continue  # "Das sagte X, nachdem …": more than an attribution
        new.append(
            Draft(
                parts=[Seg(pa, pb, "indirect", s - 1), Seg(a, a + 1, "indirect", s)],
                form=Form.INDIRECT,
                cue=_as_runs(cue, s),
                speaker=[Seg(v + 1, e, "S", s)],
                frame=[Seg(v, end, "F", s)],
                rules=["rule.anaphoric_attribution.v1"],
            )
        )
        taken.update((s - 1, s))
    return new


_MAX_TAIL_NP = 8
_SPEAKER_KINDS = frozenset(("person", "organization", "outlet", "anonymous"))


def _speaker_head(profile: LangProfile, w: str) -> bool:
    """Can ``w`` end (head) or start a postposed speaker phrase?"""
    kind = profile.actor_kind_hint(w)
    return (
        w[:1].isupper()
        or profile.is_speaker_pronoun(w.lower())
        or profile.is_role_noun(w)
        or (kind is not None and kind.value in _SPEAKER_KINDS)
    )


def _finite_cue(profile: LangProfile, w: str) -> bool:
    return w[:1].islower() and not w.endswith("ing") and profile.cue(w) is not None


def _postposed_tail(
    seg: Segmented, profile: LangProfile, a: int, b: int
) -> tuple[int, tuple[int, int], list[int]] | None:
    """(boundary, speaker range, cue verb) of a sentence-final ", NP said" / ", said NP";
    the boundary is the comma, or the closing quotation mark after a quoted comma."""
    words = seg.words
    depth = seg.quote_depth
    end = b
    while end > a and words[end - 1] in _FINAL:
        end -= 1
    if end - a < 5 or depth[end - 1]:
        return None
    if profile.cue_words.isdisjoint(seg.lows[max(a, end - 18) : end]):
        return None  # every shape below needs a cue verb after the boundary
    bounds = [
        k
        for k in range(end - 2, max(a, end - 18), -1)
        if not depth[k + 1]
        and (
            (words[k] == "," and not depth[k])
            or (depth[k] and MARK_RE.fullmatch(words[k]) and words[k - 1] == ",")
        )
    ][:2]
    for k in bounds:
        first = k + 1
        if any(depth[i] for i in range(first, end)):
            continue
        # ", said Rep. Miller, head of …" / "„…“, sagte Anna Berger", ", teilte X mit"
        if "verb_first" in profile.postposed_attribution:
            got = _verb_first_tail(seg, profile, first, end)
            if got is not None:
                return k, got[0], got[1]
        if "subject_first" not in profile.postposed_attribution:
            continue
        # ", officials said" / ", the source added on Tuesday"
        if not _speaker_head(profile, words[first]) and words[first].lower() not in (
            profile.determiners
        ):
            continue
        for v in range(first + 1, min(end, first + 1 + _MAX_TAIL_NP)):
            w = words[v]
            if w in profile.clause_breaks or w.lower() in profile.complementizers:
                break
            if not _finite_cue(profile, w):
                continue
            if not _speaker_head(profile, words[v - 1]) or end - v - 1 > 6:
                break
            after = words[v + 1] if v + 1 < end else None
            if after is not None and not (
                after.lower() in profile.prepositions or after[:1].isupper()
            ):
                break
            return k, (first, v), [v]
    return None


def _verb_first_tail(
    seg: Segmented, profile: LangProfile, first: int, end: int
) -> tuple[tuple[int, int], list[int]] | None:
    """Speaker range and cue tokens of ", said X" / ", sagte X" / ", teilte X mit"."""
    words = seg.words
    w = words[first]
    lo = first + 1
    if lo >= end or not (
        words[lo][:1].isupper()
        or words[lo].lower() in profile.determiners
        or profile.is_speaker_pronoun(words[lo].lower())
    ):
        return None
    if any(
        words[i].lower() in profile.complementizers
        and not (words[i].lower() in profile.relative_pronouns and i > lo)
        for i in range(lo, end)
    ):
        return None  # ", sagte er Reportern, dass …": the content follows; "who" after
        # the name opens a relative clause of the speaker (", said X, a lawyer who …")
    entry = profile.cue(w.lower()) if _finite_cue(profile, w) else None
    if entry is None and w[:1].islower():
        entry = profile.cue_with_particle(w.lower(), words[end - 1].lower())
    # only verbs that take a bare clause ("sagte", "teilte … mit"), not an object
    # ("…, kritisierte die Pläne")
    if entry is None or "v2" not in entry.frames:
        return None
    if not _finite_cue(profile, w):
        # a separable verb whose particle closes the sentence: the speaker runs up to it
        hi = end - 1
        if hi <= lo or not any(_speaker_head(profile, words[i]) for i in range(lo, hi)):
            return None
        if any(profile.cue(words[i].lower()) is not None for i in range(lo, hi)):
            return None
        return (lo, hi), [first, end - 1]
    hi = lo
    while (
        hi < end
        and words[hi] not in profile.clause_breaks
        and (hi == lo or words[hi].lower() not in profile.prepositions)
    ):
        hi += 1
    while hi - 1 > lo and words[hi - 1].lower() in profile.closing_adverbs:
        hi -= 1  # ", sagte die Anwältin weiter."
    if not _speaker_head(profile, words[hi - 1]):
        return None
    if hi < end and words[hi] == "(":
        # a short label after the name: ", said Rep. Anna Berg (D-Ore.), head of …"
        close = next((k for k in range(hi + 1, min(end, hi + 6)) if words[k] == ")"), None)
        if close is not None:
            hi = close + 1
    if hi < end and words[hi] == ",":
        hi = end  # an apposition runs to the end: ", said X, head of Y."
    if any(profile.cue(words[i].lower()) is not None for i in range(lo, end)):
        return None
    return (lo, hi), [first]


def drop_bare_trigger_cues(
    seg: Segmented, profile: LangProfile, drafts: list[Draft]
) -> list[Draft]:
    """Drop non-direct statements without speaker whose only cue is a preposition or
    complementizer ("nach", "laut", "wie") that no according-to pattern matches there:
    temporal "nach zwei Treffen", comparative "wie schon 1999", adjectival "Kritik wurde
    laut". Verb particles ("schloss … aus") are not prepositions here."""
    from sayso.extract import according

    words = seg.words
    out: list[Draft] = []
    for d in drafts:
        toks = [i for r in d.cue for i in range(r.a, r.b)]
        lows = [words[i].lower() for i in toks]
        bare = (
            toks
            and d.form is not Form.DIRECT
            and not d.speaker
            and d.speaker_spans is None
            and all(
                (w in profile.prepositions or w in profile.complementizers)
                # a verb particle with its verb in the cue ("schloss … aus"); alone it is
                # a preposition ("Karten, die aus den Kontingenten … stammen")
                and not (
                    w in profile.particles
                    and any(profile.cue_with_particle(v, w) for v in lows if v != w)
                )
                for w in lows
            )
        )
        if bare:
            s = seg.sentence_of[toks[0]]
            matches = according.find(seg, profile, s, 0.0)
            if not any(m.start <= i < m.end for m in matches for i in toks):
                continue
        out.append(d)
    return out


_CONTINUED_FORMS = frozenset((Form.FREE_INDIRECT, Form.INDIRECT_FREE_INDIRECT, Form.DIRECT))


def previous_sentence_speaker(
    seg: Segmented,
    profile: LangProfile,
    drafts: list[Draft],
    forms: frozenset[Form] = _CONTINUED_FORMS,
) -> None:
    """Free indirect speech right after a sentence that reports a speech act without being
    a statement itself takes that sentence's subject as speaker ("Die Stadtreinigung
    äußerte Zweifel an der Darstellung. Für eine Frist sei es rechtens, …"), before a more
    distant statement's speaker is inherited. The subject is the sentence-initial noun
    phrase before the cue verb, or the one after it when a demonstrative opens the sentence
    ("Das teilte die Polizei mit.")."""
    from sayso.extract.according import noun_phrase_end

    words = seg.words
    taken = {p.sent for d in drafts for p in d.parts}
    lower_words: set[str] | None = None
    for d in drafts:
        if d.speaker or d.speaker_spans is not None or d.form not in forms:
            continue
        p = d.parts[0].sent - 1
        if p < 0 or p in taken:
            continue
        a, b = seg.sentences[p]
        toks = list(range(a, b))
        v = next(
            (
                i
                for i in toks
                if words[i][:1].islower()
                and not seg.quote_depth[i]
                and profile.cue(words[i].lower()) is not None
            ),
            None,
        )
        if v is None:
            v = next(
                (
                    i
                    for i in toks
                    if words[i][:1].islower()
                    and any(
                        profile.cue_with_particle(words[i].lower(), words[j].lower())
                        for j in range(i + 1, b)
                    )
                ),
                None,
            )
        if v is None or v == a:
            continue
        span: tuple[int, int] | None = None
        if lower_words is None:
            lower_words = {w for w in words if w[:1].islower()}
        first = words[a].lower()
        # a capitalised word that the text also writes in lower case is sentence-initial
        # function word or adverb ("Jetzt", "Nach", "Als"), not a name
        name_like = (
            first not in lower_words
            and first not in profile.determiners
            and first not in profile.prepositions
            and first not in profile.complementizers
        )
        if v - a <= 8 and all(_np_start(profile, words[i]) or words[i] == "-" for i in range(a, v)):
            if first in profile.determiners:
                if v - a > 1:
                    span = (a, v)
                else:
                    # "Das teilte Feuerwehrsprecher X mit": the subject follows the verb
                    e = noun_phrase_end(seg, profile, v + 1, b)
                    span = (v + 1, e) if e > v + 1 else None
            elif (profile.is_speaker_pronoun(first) and v - a == 1) or name_like:
                span = (a, v)
        if span is None:
            continue
        d.speaker_spans = (seg.token_span(span[0], span[1]),)
        d.rules.append("group.speaker.previous_sentence.v1")


def according_sources(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A tagged statement without speaker whose cue is an according-to trigger ("Laut
    Polizei …", "Nach Angaben der Verteidigung habe …") takes the construction's source
    phrase as speaker. (Also widening a speaker the tagger marked only in part, "Angaben",
    to the whole phrase measured slightly worse on wikinews-de dev.) Patterns marked
    ``source_to_break`` ("according to X") leave no doubt: their source replaces a speaker
    the tagger found elsewhere, and their words the cue."""
    from sayso.extract import according

    words = seg.words
    cache: dict[int, list[according.Match]] = {}
    for d in drafts:
        if not d.cue:
            continue
        bare = not d.speaker and d.speaker_spans is None
        trig = [
            i for r in d.cue for i in range(r.a, r.b) if profile.according_to_at(words[i].lower())
        ]
        if not trig or (bare and trig[0] != d.cue[0].a):
            continue
        c = trig[0]
        s = seg.sentence_of[c]
        if s not in cache:
            cache[s] = according.find(seg, profile, s, 0.0)
        m = next((m for m in cache[s] if m.start <= c < m.end and m.source), None)
        if m is None or not (bare or m.pattern.source_to_break):
            continue
        lo, hi = min(m.source), max(m.source) + 1
        if any(i in _content(d) for i in range(lo, hi)):
            continue
        if not bare:
            if d.speaker and all(lo <= r.a and r.b <= hi for r in d.speaker):
                # the speaker is (part of) the source already. A trailing "according to
                # X" still makes its words the cue instead of a verb the tagger marked in
                # the clause before it ("appear"); a leading one keeps the clause's own
                # cue ("According to Yahoo News, the spokesman said …": a hop)
                if all(r.b <= m.start or m.start <= r.a < m.end for r in d.cue):
                    d.cue = _as_runs(list(m.cue), s)
                continue
            d.cue = _as_runs(list(m.cue), s)
            d.speaker_spans = None
        d.speaker = [Seg(lo, hi, "S", s)]
        d.rules.append("group.speaker.according_source.v1")


_MAX_CLAUSE_SUBJECT = 6


def _looks_like_clause(profile: LangProfile, words: list[str], lo: int, hi: int) -> bool:
    """Does ``words[lo:hi]`` read as a clause rather than an object noun phrase ("wrote a
    memoir")? It opens with a complementizer, or a short subject (at most
    ``_MAX_CLAUSE_SUBJECT`` words, no clause break) is followed by an auxiliary or modal
    (``clause.json`` ``finite_auxiliaries``) or a lower-case past form ("-ed")."""
    if words[lo].lower() in profile.complementizers:
        return True
    for k in range(lo + 1, min(hi, lo + _MAX_CLAUSE_SUBJECT + 1)):
        w = words[k]
        if w in profile.clause_breaks:
            return False
        if w.lower() in profile.finite_auxiliaries or (w[:1].islower() and w.endswith("ed")):
            return True
    return False


def cue_clauses(
    seg: Segmented, profile: LangProfile, tagger: Taggers, tagged: Tagged, drafts: list[Draft]
) -> list[Draft]:
    """Sentences without any statement in which a cue verb that takes a bare or "that"
    clause ("dass"/"v2" frames) reports everything after it: "The spokesman said the
    bridge will reopen in May."; a speech verb that takes an object ("np" frame, medium
    speech) reports its object too: "The senator criticized the plan for its cost."
    (English: the content tagger misses many such clauses when other cue-like words stand
    in them.) The roles are tagged as for any statement; the draft is kept only when the
    tagger's cue is that verb and its speaker is the subject right before it (up to three
    lower-case words between: "has also said"), not a passive ("was announced"). A clause
    must look like one (see ``_looks_like_clause``; "wrote a memoir" is no statement).
    Noun readings are kept out: no determiner or possessive before the verb, and forms
    that are also nouns (``clause.json`` ``ambiguous_cue_forms``: "states", "report")
    need a name, a pronoun or a verb companion (``verb_companions``: "has", "will",
    "also") before them."""
    taken = {p.sent for d in drafts for p in d.parts}
    words = seg.words
    new: list[tuple[Draft, int]] = []
    for s, (a, b) in enumerate(seg.sentences):
        if s in taken:
            continue
        end = b
        while end > a and words[end - 1] in _FINAL:
            end -= 1
        for i in range(a + 1, end - 2):
            w = words[i]
            if seg.quote_depth[i] or not w[:1].islower():
                continue
            entry = profile.cue(w)
            if entry is None or not ({"dass", "v2", "np"} & entry.frames):
                continue
            prev = words[i - 1].lower()
            if w.endswith("ing") or prev in profile.determiners or prev.endswith(("'s", "’s")):
                continue
            if w in profile.ambiguous_cue_forms and not (
                words[i - 1][:1].isupper()
                or profile.is_speaker_pronoun(prev)
                or prev in profile.verb_companions
            ):
                continue  # "member states trump …", "the report notes …" read as nouns
            lo = i + 1
            hi = lo
            while hi < end and words[hi] not in (";",):
                hi += 1
            if words[lo] in profile.clause_breaks:
                continue  # ", the mayor said, until …": the content is around it
            clause = {"dass", "v2"} & entry.frames and _looks_like_clause(profile, words, lo, hi)
            np = "np" in entry.frames and entry.medium is Medium.SPEECH
            if hi - lo < 3 or not (clause or np):
                continue
            d = Draft(
                parts=[Seg(lo, hi, "indirect", s)],
                form=Form.INDIRECT,
                rules=["rule.cue_clause.v1"],
            )
            new.append((d, i))
            break
    attach_roles(seg, tagger, tagged, [d for d, _ in new])
    out = []
    for d, i in new:
        if len(d.speaker) != 1 or not any(r.a <= i < r.b for r in d.cue):
            continue
        sp = d.speaker[0]
        c = d.cue[0].a
        if sp.sent != d.parts[0].sent or sp.b > c or c - sp.b > 3 or not words[sp.a][:1].isalnum():
            continue
        if any(
            not words[j][:1].islower() or words[j].lower() in profile.passive_auxiliaries
            for j in range(sp.b, i + 1)
        ):
            continue
        out.append(d)
    return out


_MAX_LABEL = 4


def speaker_labels(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> list[Draft]:
    """Transcripts and headlines that name the speaker in a label before a colon at the
    start of a paragraph ("MILLER: We will …", "Miller: Plan Is Dead"): the label is the
    speaker, the colon the cue, the rest of the paragraph the content. Labels of one to
    four capitalised words; ``clause.json`` ``speaker_label_exclude`` lists section labels
    that name no speaker ("The Latest", "Update"). Drafts inside the content give way.
    Returns the drafts, with the new ones in place of those they cover."""
    if not profile.speaker_label_exclude:
        return drafts
    import bisect

    words = seg.words
    new: list[Draft] = []
    covered: set[int] = set()
    for pa, pb in seg.paragraphs:
        i = bisect.bisect_left(seg.starts, pa)
        if i >= len(words) or seg.starts[i] >= pb:
            continue
        if MARK_RE.fullmatch(words[i]):
            i += 1
        colon = next(
            (j for j in range(i, min(len(words), i + _MAX_LABEL + 1)) if words[j] == ":"), None
        )
        if colon is None or colon == i:
            continue
        label = words[i:colon]
        if not all(w[:1].isupper() or w in (".", "-") for w in label):
            continue
        closed = profile.determiners | profile.prepositions | profile.complementizers
        if sum(w[:1].isalpha() for w in label) > 3 or any(w.lower() in closed for w in label):
            continue
        if " ".join(label).lower() in profile.speaker_label_exclude:
            continue
        end = bisect.bisect_left(seg.starts, pb)
        while end > colon + 1 and (words[end - 1] in _FINAL or MARK_RE.fullmatch(words[end - 1])):
            end -= 1
        if end - (colon + 1) < 3:
            continue
        s0 = seg.sentence_of[i]
        parts = []
        for s in range(seg.sentence_of[colon + 1], seg.sentence_of[end - 1] + 1):
            a, b = seg.sentences[s]
            lo, hi = max(a, colon + 1), min(b, end)
            if hi > lo:
                parts.append(Seg(lo, hi, "indirect", s))
        inside = sum(1 for p in parts for k in range(p.a, p.b) if seg.quote_depth[k])
        size = sum(p.b - p.a for p in parts)
        direct = inside >= 0.8 * size
        for p in parts:
            p.tag = "direct" if direct else "indirect"
        new.append(
            Draft(
                parts=parts,
                form=Form.DIRECT if direct else Form.INDIRECT,
                cue=[Seg(colon, colon + 1, "C", s0)],
                speaker=[Seg(i, colon, "S", s0)],
                frame=[Seg(i, colon + 1, "F", s0)],
                rules=["rule.speaker_label.v1"],
            )
        )
        covered.update(range(i, end))
    if not new:
        return drafts
    kept = [d for d in drafts if not any(k in covered for p in d.parts for k in range(p.a, p.b))]
    return kept + new


def medial_attributions(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> list[Draft]:
    """An attribution set off by commas inside its content: "The plant was safe, the
    mayor said, until the flood came." — the shapes of :func:`postposed_attributions`
    (``clause.json`` ``postposed_attribution``: ``medial``), followed by a comma and more
    of the content, which is both sides. Where the sentence has drafts, none direct,
    none with a speaker outside the attribution and none reaching into another sentence,
    the largest takes that speaker, cue and content (with ``override_tagger``); a
    sentence without any draft becomes a new statement. Returns the new drafts."""
    if "medial" not in profile.postposed_attribution:
        return []
    by_sent: dict[int, list[Draft]] = {}
    for d in drafts:
        for p in d.parts:
            by_sent.setdefault(p.sent, []).append(d)
    words = seg.words
    new: list[Draft] = []
    for s, (a, b) in enumerate(seg.sentences):
        ds = by_sent.get(s, [])
        if ds and (
            "override_tagger" not in profile.postposed_attribution
            or any(d.form is Form.DIRECT or len({p.sent for p in d.parts}) > 1 for d in ds)
        ):
            continue
        end = b
        while end > a and words[end - 1] in _FINAL:
            end -= 1
        for c2 in range(a + 5, end - 2):
            if words[c2] != "," or seg.quote_depth[c2]:
                continue
            got = _postposed_tail(seg, profile, a, c2)
            if got is None:
                continue
            comma, (sp_lo, sp_hi), cue_toks = got
            lo = a
            while lo < comma and words[lo] in profile.clause_breaks:
                lo += 1
            short = comma - lo < 3 and not (comma - lo == 2 and end - c2 > 5)
            if short or any(seg.quote_depth[i] for i in range(c2, end)):
                break
            if any(r.a < comma or r.b > c2 for d in ds for r in d.speaker):
                break  # the tagger found another speaker: not this one's statement
            parts = [Seg(lo, comma, "indirect", s), Seg(c2 + 1, end, "indirect", s)]
            speaker = [Seg(sp_lo, sp_hi, "S", s)]
            cue = _as_runs(cue_toks, s)
            frame = [Seg(comma, c2, "F", s)]
            if ds:
                d = max(ds, key=lambda x: sum(p.b - p.a for p in x.parts))
                d.parts, d.speaker, d.cue, d.frame = parts, speaker, cue, frame
                d.speaker_spans = None
                d.rules.append("group.medial_attribution.v1")
                for o in ds:
                    if o is not d:
                        o.parts = [p for p in o.parts if p.sent != s] or o.parts
            else:
                new.append(
                    Draft(
                        parts=parts,
                        form=Form.INDIRECT,
                        cue=cue,
                        speaker=speaker,
                        frame=frame,
                        rules=["rule.medial_attribution.v1"],
                    )
                )
            break
    return new


def trim_speakers(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """Cut from a speaker phrase what the corpus does not count as the source
    (``clause.json`` ``speaker_trim``): a dangling relative pronoun ("the study --
    [which]"), a leading relative pronoun before a name ("[which] the agency"), and a
    tail of auxiliaries and adverbs or a time phrase ("the committee [haven't]", "the
    panel [in 2001]", "the ministry [on Saturday]"). A phrase that is only a relative
    pronoun ("who") stays. (Cutting relative clauses after a comma, "Anna Berg, [who
    chairs the board,]", measured worse: PolNeAR annotators differ on them.)"""
    if not profile.speaker_trim:
        return
    words = seg.words
    rel = profile.relative_pronouns
    time_words = profile.time_words
    for d in drafts:
        if len(d.speaker) != 1:
            continue
        r = d.speaker[0]
        a, b = r.a, r.b
        # a dangling relative pronoun after a comma or dash: "the study -- [which]"
        if b - a > 2 and words[b - 1].lower() in rel and words[b - 2] in (",", "-", "–", "—"):
            b -= 1
        # a leading relative pronoun before the phrase it stands for
        if b - a > 1 and words[a].lower() in rel and words[a + 1][:1].isupper():
            a += 1
        while b - a > 1:
            w = words[b - 1]
            low = w.lower()
            if (
                w[:1].islower()
                and low not in rel
                and (low in profile.finite_auxiliaries or low in profile.verb_companions)
            ):
                b -= 1
                continue
            # "in 2001", "on Saturday", "last week"
            if (
                b - a > 2
                and (w[:1].isdigit() or low in time_words or low in profile.months)
                and words[b - 2].lower() in profile.time_prepositions
            ):
                b -= 2
                continue
            break
        if b < r.b:
            while b > a and words[b - 1] in (",", "--", "–", "—"):
                b -= 1
        if (a, b) != (r.a, r.b) and b > a:
            d.speaker = [Seg(a, b, r.tag, r.sent)]
            d.rules.append("group.speaker.trim.v1")


def speaker_closing_comma(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A speaker phrase that holds an apposition set off by commas takes the comma that
    closes it ("[Anna Berg, the mayor,] said"), one without an inner comma does not
    ("[Trump], speaking in Ohio, said") — the corpus convention (``clause.json``
    ``speaker_extension``: ``closing_comma``; PolNeAR train and dev alike, 9 to 1)."""
    if "closing_comma" not in profile.speaker_extension:
        return
    words = seg.words
    for d in drafts:
        if len(d.speaker) != 1:
            continue
        r = d.speaker[0]
        a, b = r.a, r.b
        while b - a > 1 and words[b - 1] == ",":
            b -= 1
        inner = any(words[i] == "," and not seg.quote_depth[i] for i in range(a + 1, b))
        _, sent_end = seg.sentences[r.sent]
        if inner and b < sent_end and words[b] == ",":
            b += 1
        if (a, b) != (r.a, r.b):
            d.speaker = [Seg(a, b, r.tag, r.sent)]
            d.rules.append("group.speaker.closing_comma.v1")


_MAX_APPOSITION = 30


def extend_speaker_to_cue(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """A speaker that the tagger ended before an apposition or relative clause set off by
    commas runs on over it: up to the cue verb ("[Peter Morgan], a lawyer for the club,
    said …", "[Rep. Anna Berg] (D-Ore.) said"), or, after a sentence-final cue, up to the
    sentence end ("…," said [Peter Morgan], a lawyer for the club, who has fought it."),
    where the corpus counts those as part of the source (``clause.json``
    ``speaker_extension``: ``to_cue``). The stretch lies outside quotations and every
    statement's content; an apposition (a noun phrase) has no comma inside; a relative
    clause (``relative_pronouns``, may hold commas) only at the sentence end (before the
    cue, PolNeAR train leaves it out, dev takes it in); a participle or prepositional
    phrase ("Trump, speaking to veterans, said") is not taken."""
    if "to_cue" not in profile.speaker_extension:
        return
    words = seg.words
    # contents of drafts that :func:`prune` will drop (no cue, no speaker, not direct)
    # do not block: the tagger often reads a relative clause's object as content
    taken = {
        i
        for d in drafts
        if d.cue or d.speaker or d.speaker_spans is not None or d.form is Form.DIRECT
        for p in d.parts
        for i in range(p.a, p.b)
    }
    for d in drafts:
        if len(d.speaker) != 1 or not d.cue or d.speaker_spans is not None:
            continue
        sp = d.speaker[0]
        c = d.cue[0].a
        b = seg.sentences[sp.sent][1]
        if sp.b < c <= sp.b + _MAX_APPOSITION:
            stop, closed = c, True
        elif sp.a == d.cue[-1].b:
            stop, closed = b, False
            while stop > sp.b and words[stop - 1] in _FINAL:
                stop -= 1
            if stop - sp.b > _MAX_APPOSITION:
                continue
        else:
            continue
        if stop <= sp.b or any(
            i in taken or seg.quote_depth[i] or words[i] in _FINAL for i in range(sp.b, stop)
        ):
            continue
        if _apposition_end(profile, words, sp.b, stop, closed) != stop and not (
            not closed and _inside_apposition(profile, words, sp.a, sp.b)
        ):
            continue
        hi = stop
        while hi > sp.b and words[hi - 1] == ",":
            hi -= 1
        d.speaker = [Seg(sp.a, hi, sp.tag, sp.sent)]
        d.rules.append("group.speaker.to_cue.v1")


def _inside_apposition(profile: LangProfile, words: list[str], a: int, b: int) -> bool:
    """The tagger ended a speaker after the cue inside its apposition: "said [Kevin
    Barrett, a lawyer] at Bailey & Glasser, who represents …", "said [Tim Hess, who
    introduced him] to his banks" — the phrase holds a comma followed by an apposition or
    relative clause start, and what follows it opens a prepositional phrase or a relative
    clause."""
    if b >= len(words) or not any(
        words[i] == ","
        and (
            words[i + 1][:1].isupper()
            or words[i + 1].lower() in profile.determiners
            or words[i + 1].lower() in profile.relative_pronouns
        )
        for i in range(a + 1, b - 1)
    ):
        return False
    nxt = words[b].lower()
    if nxt == ",":
        # ", who …" continues the speaker; ", in a statement" does not
        return b + 1 < len(words) and words[b + 1].lower() in profile.relative_pronouns
    return nxt in profile.prepositions or nxt in profile.relative_pronouns


def _apposition_end(
    profile: LangProfile, words: list[str], k: int, c: int, closed: bool
) -> int | None:
    """Where parentheticals and comma-set appositions or relative clauses starting at
    ``k`` end, when they run exactly up to ``c`` (``closed``: the last one is closed by a
    comma right before ``c``, as before a cue verb); else None."""
    while k < c:
        if words[k] == "(":
            # a short label: "(D-Ore.)"
            close = next((j for j in range(k + 1, min(c, k + 6)) if words[j] == ")"), None)
            if close is None:
                return None
            k = close + 1
            continue
        if words[k] != "," or k + 1 >= c:
            return None
        first = words[k + 1]
        low = first.lower()
        relative = low in profile.relative_pronouns and not closed
        if not relative and (
            low in profile.prepositions
            or not (
                first[:1].isupper() or low in profile.determiners or profile.is_role_noun(first)
            )
            or any(low.endswith(x) for x in profile.nonfinite_cue.get("suffixes", ()))
        ):
            return None
        close = k + 1
        while close < c and words[close] != ",":
            close += 1
        if relative:
            # a relative clause at the sentence end may hold commas: it runs to the end
            return c
        if close == c:
            return c if not closed else None
        if close == c - 1:
            return c
        k = close
    return k
