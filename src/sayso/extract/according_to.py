"""According-to statements as drafts ("Laut Polizei …", "…, so der Minister"): the
statement, its source and its content clause, from the matches of
:mod:`sayso.extract.according`.
"""

from __future__ import annotations

from sayso.extract import according
from sayso.extract.clauses import apposition_after, clause_start
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, MAIN_CLAUSE, Draft, Seg, as_runs, content_tokens, cue_tokens
from sayso.lang import LangProfile
from sayso.model import Form
from sayso.settings import DEFAULT
from sayso.text.segment import Segmented


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
        while b > a and words[b - 1] in FINAL:
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
    own |= {i for i in cue_tokens(profile, words, cue_toks) if i not in inside}
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
        lo = clause_start(seg, profile, a, m.start)
        region = range(lo, m.start)
        if region and not any(i in blockers for i in region):
            added |= set(region)
    if right is not None and opener:
        skip = apposition_after(seg, profile, m.end, b)
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
    d.parts = [Seg(r.a, r.b, tag, sent) for r in as_runs(sorted((content | added) - dropped), sent)]
    frame = ({i for r in d.frame for i in range(r.a, r.b)} - added) | set(inside) | dropped
    d.frame = [Seg(r.a, r.b, "F", sent) for r in as_runs(sorted(frame), sent)]
    if any(i in added for i in cue_toks):
        d.cue = as_runs([i for i in cue_toks if i not in added], sent)
        for r in d.cue:
            r.tag = "C"
    return True


def _inside_attribution(
    seg: Segmented, profile: LangProfile, s: int, m: according.Match, max_tail_np: int
) -> bool:
    """The construction sits in a sentence-final attribution after its cue verb ("…, gab
    Berg laut einer Aussendung der Kammer zu bedenken."): the attribution's speaker made
    the statement and the construction names its relay, so
    :func:`~sayso.extract.attributions.postposed_attributions` makes the statement."""
    from sayso.extract.attributions import postposed_tail

    a, b = seg.sentences[s]
    got = postposed_tail(seg, profile, a, b, max_tail_np)
    return got is not None and got[1][1] == m.start  # right after the speaker phrase


def according_to_statements(
    seg: Segmented,
    profile: LangProfile,
    drafts: list[Draft],
    min_confidence: float,
    max_tail_np: int = DEFAULT.extract.max_tail_np,
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
        if m.end > b or _inside_attribution(seg, profile, s, m, max_tail_np):
            continue
        rule = f"rule.according_to.{m.pattern.id}"
        if (a, b) != seg.sentences[s]:
            rule = MAIN_CLAUSE
        end = b
        while end > a and words[end - 1] in FINAL:
            end -= 1
        if m.pattern.content == "before":
            spans = [(a, m.start)]
        elif m.pattern.content == "after":
            spans = [(m.end, end)]
        else:
            # the host clause of the construction, without a clause before it ("Die
            # ersten Funde machten sie 2000, [im Jahr 2004 war die Gruppe nach eigener
            # Aussage am Ziel]") or an apposition of its source after it
            lo = clause_start(seg, profile, a, m.start)
            hi = m.end
            if all(words[i] in profile.clause_breaks for i in range(lo, m.start)):
                hi = apposition_after(seg, profile, m.end, end)
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
                cue=as_runs(list(m.cue), s),
                speaker=as_runs(list(m.source), s),
                frame=[Seg(m.start, m.end, "F", s)],
                rules=[rule],
                medium=m.pattern.medium if m.pattern.fixed_medium else None,
            )
        )
    return new


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
        if any(i in content_tokens(d) for i in range(lo, hi)):
            continue
        if not bare:
            if d.speaker and all(lo <= r.a and r.b <= hi for r in d.speaker):
                # the speaker is (part of) the source already. A trailing "according to
                # X" still makes its words the cue instead of a verb the tagger marked in
                # the clause before it ("appear"); a leading one keeps the clause's own
                # cue ("According to Yahoo News, the spokesman said …": a hop)
                if all(r.b <= m.start or m.start <= r.a < m.end for r in d.cue):
                    d.cue = as_runs(list(m.cue), s)
                continue
            d.cue = as_runs(list(m.cue), s)
            d.speaker_spans = None
        d.speaker = [Seg(lo, hi, "S", s)]
        d.rules.append("group.speaker.according_source.v1")


@component("extract.according_to.statements.v1", Stage.PROPOSE)
def propose_according_to(w: Work) -> None:
    """Statements with an according-to phrase ("Laut Polizei …", "according to officials")."""
    w.drafts += according_to_statements(
        w.seg,
        w.profile,
        w.drafts,
        w.settings.according_min_confidence,
        w.settings.extract.max_tail_np,
    )


@component("extract.according_to.sources.v1", Stage.REFINE)
def refine_sources(w: Work) -> None:
    """A statement without speaker takes the source of an according-to phrase in it."""
    according_sources(w.seg, w.profile, w.drafts)


@component("extract.according_to.clause_content.v1", Stage.REFINE)
def refine_clause_content(w: Work) -> None:
    """The content of an according-to statement is the clause around the phrase."""
    according_clause_content(w.seg, w.profile, w.drafts)
