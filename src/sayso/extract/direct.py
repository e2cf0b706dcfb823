"""Direct quotations the content tagger misses or cannot split: quotations after a cue,
quoted fragments, quotations nested in another statement, quotations after a colon,
attributions after a quotation and speaker labels ("Müller: …").
"""

from __future__ import annotations

import bisect

from sayso.extract.attributions import subject_first_attribution
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import (
    FINAL,
    Draft,
    Seg,
    as_runs,
    cue_tokens,
    finite_cue,
    is_cue_token,
    tok_at,
)
from sayso.extract.roles import attach_roles
from sayso.extract.verb_first import verb_first_tail
from sayso.lang import LangProfile
from sayso.model import Form
from sayso.text.quotes import MARK_RE
from sayso.text.segment import Segmented


def nested_direct(
    seg: Segmented,
    drafts: list[Draft],
    min_tokens: int = 4,
    single_lowercase: bool = False,
    *,
    max_name_words: int,
) -> list[Draft]:
    """Mixed quotation: a quoted fragment inside indirect or reported speech is a direct
    statement of the same speaker ("Er nannte das eine „historische Wende“ der Politik").
    Fragments shorter than ``min_tokens`` (marks included) are scare quotes, except, with
    ``single_lowercase``, one lowercase word ("Er nannte die Lage „kritisch“")."""
    out: list[Draft] = []
    opens = [q.open for q in seg.quotations]  # sorted: only those inside a draft are read
    for d in drafts:
        out.append(d)
        if d.form is Form.DIRECT:
            continue
        lo, hi = seg.starts[d.a], seg.ends[d.b - 1]
        first, last = bisect.bisect_left(opens, lo), bisect.bisect_right(opens, hi)
        for q in seg.quotations[first:last]:
            if not q.closed or q.end > hi:
                continue
            a = tok_at(seg, q.open)
            b = tok_at(seg, q.end - 1) + 1
            single = single_lowercase and b - a == 3 and seg.words[a + 1][:1].islower()
            if (b - a < min_tokens and not single) or _quoted_name(seg, a, b, max_name_words):
                continue
            child = d.direct_part(a, b, "rule.nested_direct.v1", parent=d)
            out.append(child)
    return out


def _quoted_name(seg: Segmented, a: int, b: int, max_words: int) -> bool:
    """A quoted name or title rather than a quoted fragment of speech: every word is
    capitalised or a number („Financial Times“, „Hvalur 9“, „Ein Land - Zwei Systeme“),
    or the quotation is a parenthetical remark ('(sic!)'); names have at most
    ``max_words`` words."""
    inner = [w for w in seg.words[a:b] if not MARK_RE.fullmatch(w)]
    if inner and inner[0] == "(":
        return True
    words = [w for w in inner if w[:1].isalnum()]
    if not words or len(words) > max_words or inner[-1] in FINAL:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in words)


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
        qb = tok_at(seg, q.end - 1) + 1
        if any(words[i] not in FINAL for i in range(qb, p.b)):
            continue  # the quotation does not close the content ("(kurz: „IG Bau“) fordert …")
        d.parts = [Seg(p.a, k, p.tag, p.sent)]
        d.rules.append("group.content.colon_quote.v1")
        if qb - (k + 1) < 4:
            continue
        out.append(d.direct_part(k + 1, qb, "rule.direct.colon_quote.v1"))
    return out


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
        a = tok_at(seg, q.open)
        b = tok_at(seg, q.end - 1) + 1
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
            and any(is_cue_token(profile, words, i, before) for i in before)
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
        a = tok_at(seg, q.open)
        b = tok_at(seg, q.end - 1) + 1
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
        cues = [i for i in cue_tokens(profile, words, toks) if words[i][:1].islower()]
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


def attribution_after_quote(
    seg: Segmented, profile: LangProfile, drafts: list[Draft], max_tail_np: int
) -> None:
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
        while end > na and words[end - 1] in FINAL:
            end -= 1
        if end - na < 2 or any(depth[i] for i in range(na, nb)):
            continue
        # the attribution ends the sentence or is followed by a comma
        stop = next((i for i in range(na, end) if words[i] == ","), end)
        got = verb_first_tail(seg, profile, na, end) if finite_cue(profile, words[na]) else None
        if got is not None:
            (lo, hi), cue_toks = got
        else:
            got_s = subject_first_attribution(seg, profile, na, stop, max_tail_np)
            if got_s is None:
                continue
            (lo, hi), cue_toks = got_s
        d.speaker = [Seg(lo, hi, "S", s + 1)]
        d.cue = as_runs(cue_toks, s + 1)
        d.frame = [Seg(na, max(hi, cue_toks[-1] + 1), "F", s + 1)]
        d.rules.append("group.attribution_after_quote.v1")
        taken.add(s + 1)


def speaker_labels(
    seg: Segmented, profile: LangProfile, drafts: list[Draft], max_label: int
) -> list[Draft]:
    """Transcripts and headlines that name the speaker in a label before a colon at the
    start of a paragraph ("MILLER: We will …", "Miller: Plan Is Dead"): the label is the
    speaker, the colon the cue, the rest of the paragraph the content. Labels of one to
    ``max_label`` capitalised words; ``clause.json`` ``speaker_label_exclude`` lists section labels
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
            (j for j in range(i, min(len(words), i + max_label + 1)) if words[j] == ":"), None
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
        while end > colon + 1 and (words[end - 1] in FINAL or MARK_RE.fullmatch(words[end - 1])):
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


@component("extract.direct.cued_quotations.v1", Stage.PROPOSE)
def propose_cued_quotations(w: Work) -> None:
    """Quotations the content tagger missed that stand next to a cue word."""
    w.drafts += cued_quotations(w.seg, w.profile, w.drafts)


@component("extract.direct.speaker_labels.v1", Stage.PROPOSE)
def propose_speaker_labels(w: Work) -> None:
    """Speech after a speaker label ("Müller: …", "SMITH: …")."""
    w.drafts = speaker_labels(w.seg, w.profile, w.drafts, w.settings.extract.max_label)


@component("extract.direct.fragments.v1", Stage.PROPOSE, requires=("fragment_marks",), scores=True)
def propose_fragments(w: Work) -> None:
    """Quoted fragments inside a cued sentence, with the sentence's roles."""
    fragments = cued_fragments(w.seg, w.profile, w.drafts)
    attach_roles(w.seg, w.taggers, w.scores, fragments)
    w.drafts += fragments


@component("extract.direct.attribution_after_quote.v1", Stage.REFINE)
def refine_attribution_after_quote(w: Work) -> None:
    """A direct quotation ending its sentence takes the attribution that follows it."""
    attribution_after_quote(w.seg, w.profile, w.drafts, w.settings.extract.max_tail_np)


@component("extract.direct.colon_quotations.v1", Stage.FILTER, requires=("colon_quotation",))
def filter_colon_quotations(w: Work) -> None:
    """A quotation after a colon becomes a direct statement of the colon's speaker."""
    w.drafts = colon_quotations(w.seg, w.drafts)


@component("extract.direct.nested.v1", Stage.FILTER)
def filter_nested(w: Work) -> None:
    """Quotations inside another statement become nested direct statements."""
    w.drafts = nested_direct(
        w.seg,
        w.drafts,
        w.settings.nested_min_tokens,
        w.profile.nested_single_lowercase,
        max_name_words=w.settings.extract.max_name_words,
    )
