"""Attributions placed after or inside the content ("…, sagte er.", "…, he said, …"),
anaphoric attributions, postposed tails and cues that are a bare trigger word.
"""

from __future__ import annotations

from sayso.extract import according
from sayso.extract.anaphoric_shapes import REPORTED_RULE, closing_apposition, passive_attribution
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import (
    FINAL,
    Draft,
    Seg,
    as_runs,
    drafts_overlap,
    finite_cue,
    np_start,
    speaker_head,
)
from sayso.extract.verb_first import verb_first_tail
from sayso.lang import LangProfile
from sayso.lang.shapes import shapes
from sayso.model import Form, Medium
from sayso.settings import DEFAULT
from sayso.text.quotes import MARK_RE
from sayso.text.segment import Segmented


def postposed_tail_content(
    seg: Segmented,
    profile: LangProfile,
    drafts: list[Draft],
    max_tail_np: int = DEFAULT.extract.max_tail_np,
) -> None:
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
        if any(x is not d and drafts_overlap(x, d) for x in by_sent[s]):
            continue  # the sentence's own attribution rule made a statement of it
        a, b = seg.sentences[s]
        end = b
        while end > a and words[end - 1] in FINAL:
            end -= 1
        last = d.parts[-1]
        if last.b < end or d.parts[0].a > a + 1:
            continue
        tail = _closing_attribution(seg, profile, s, a, b, end, max_tail_np)
        if tail is None:
            continue
        comma, speaker, cue, medium = tail
        if words[speaker[0]].lower() in profile.object_determiners:
            continue  # "…, schätzt den Vorgang als Niederlage ein": an object
        if comma - a < 3 or any(seg.quote_depth[i] for i in range(comma, end)):
            continue
        d.parts = [p for p in d.parts if p.a < comma]
        d.parts[-1] = Seg(d.parts[-1].a, min(d.parts[-1].b, comma), d.parts[-1].tag, s)
        d.speaker, d.cue, d.speaker_spans = [Seg(*speaker, "S", s)], as_runs(cue, s), None
        d.frame = [Seg(comma, end, "F", s)]
        d.addressee = [x for x in d.addressee if x.a >= comma]
        d.form, d.medium = Form.INDIRECT, medium
        d.rules.append("group.content.postposed_tail.v1")


def _closing_attribution(
    seg: Segmented, profile: LangProfile, s: int, a: int, b: int, end: int, max_tail_np: int
) -> tuple[int, tuple[int, int], list[int], Medium | None] | None:
    """(comma, speaker range, cue tokens, the lexicon's medium) of a sentence-final ", so
    X" / ", sagte X"."""
    for m in according.find(seg, profile, s, 0.0):
        rest = range(m.end, end)
        if (
            m.pattern.content == "before"
            and m.source
            and speaker_head(profile, seg.words[m.source[-1]])
            and np_start(profile, seg.words[m.source[0]])
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
    got = postposed_tail(seg, profile, a, b, max_tail_np)
    if got is None:
        return None
    entry = profile.cue(seg.words[got[2][0]].lower())
    return got[0], got[1], got[2], entry.medium if entry is not None else None


def postposed_attributions(
    seg: Segmented,
    profile: LangProfile,
    drafts: list[Draft],
    max_tail_np: int = DEFAULT.extract.max_tail_np,
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
        got = postposed_tail(seg, profile, a, b, max_tail_np)
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
        cue = as_runs(cue_toks, s)
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


def subject_first_attribution(
    seg: Segmented, profile: LangProfile, a: int, stop: int, max_tail_np: int
) -> tuple[tuple[int, int], list[int]] | None:
    """Speaker range and cue of "Vitter asked" / "the senator said on Tuesday" running
    from ``a`` up to ``stop``: a noun phrase of at most ``max_tail_np`` words, a finite
    cue verb, then nothing or a preposition, a capitalised word or a time word."""
    words = seg.words
    first = words[a]
    if not speaker_head(profile, first) and first.lower() not in profile.determiners:
        return None
    for v in range(a + 1, min(stop, a + 1 + max_tail_np)):
        w = words[v]
        if w in profile.clause_breaks or w.lower() in profile.complementizers:
            return None
        if not finite_cue(profile, w):
            continue
        if not speaker_head(profile, words[v - 1]):
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
    the opener, the subject after the verb the speaker (after an adverb: "Das erklärte
    gestern ein Sprecher"; with a closing apposition: "…, Karl Huber."), or the agent of a
    passive ("Das wurde vom Presseamt mitgeteilt."). Both sentences must be free of other
    statements and quotations (but for a quoted name in the speaker: „Billboard“; a
    passive report sentence the reported rule took gives way). Returns the new drafts."""
    from sayso.extract.according import noun_phrase_end

    if not profile.anaphoric_openers:
        return []
    taken = {p.sent for d in drafts for p in d.parts}
    opener_only = {d.parts[0].a: d for d in drafts if len(d.parts) == 1 and d.b - d.a == 1}
    words = seg.words
    adverbs = shapes(profile.lang).intro_not_subjects
    new: list[Draft] = []
    for s in range(1, len(seg.sentences)):
        a, b = seg.sentences[s]
        pa, pb = seg.sentences[s - 1]
        if s - 1 in taken or b - a < 4 or pb - pa < 4:
            continue
        if words[a].lower() not in profile.anaphoric_openers or words[b - 1] not in FINAL:
            continue
        if "\n" in seg.text[seg.ends[pb - 1] : seg.starts[a]]:
            continue  # another paragraph
        if any(seg.quote_depth[i] for i in range(pa, pb)):
            continue
        v = a + 1
        end = b - 1
        passive = passive_attribution(seg, profile, v, end)
        if s in taken and passive is not None:
            # a passive report sentence is the reported rule's, unless an opener points back
            lexical = [d for d in drafts if d.a == a and REPORTED_RULE in d.rules]
            if len(lexical) == 1 and sum(1 for d in drafts if d.parts[0].sent == s) == 1:
                drafts.remove(lexical[0])
                taken.discard(s)
        if s in taken:
            # the tagger took the opener alone for the content: it stands for the sentence
            # before, which joins the content
            d = opener_only.get(a)
            if d is not None and d.form is not Form.DIRECT:
                d.parts.insert(0, Seg(pa, pb, d.parts[0].tag, s - 1))
                d.rules.append("group.anaphoric_content.v1")
                taken.add(s - 1)
            continue
        if passive is not None:
            (k, e), cue = passive
            rule = "rule.anaphoric_attribution.passive.v1"
            new.append(_anaphoric(pa, pb, a, s, cue, (k, e), (v, end), rule))
            taken.update((s - 1, s))
            continue
        cue = [v] if finite_cue(profile, words[v]) else []
        particle = profile.cue_with_particle(words[v].lower(), words[end - 1].lower())
        if not cue and words[v][:1].islower() and particle is not None:
            cue = [v, end - 1]
        if not cue:
            continue
        k = v + 1
        while k < end - 1 and words[k][:1].islower() and words[k].lower() in adverbs:
            k += 1  # "Das erklärte gestern ein Sprecher …"
        e = noun_phrase_end(seg, profile, k, end)
        quoted_name = e > k and seg.quote_depth[e - 1] > 0  # "die Zeitschrift „Billboard“"
        if e == k or not (quoted_name or speaker_head(profile, words[e - 1])):
            continue
        e = closing_apposition(seg, profile, e, end)
        if any(seg.quote_depth[i] for i in range(a, b) if not k <= i < e):
            continue  # a quoted name inside the speaker only („Billboard“)
        if any(
            w in profile.clause_breaks or w.lower() in profile.complementizers for w in words[e:end]
        ):
            continue  # "Das sagte X, nachdem …": more than an attribution
        new.append(_anaphoric(pa, pb, a, s, cue, (k, e), (v, end), "rule.anaphoric_attribution.v1"))
        taken.update((s - 1, s))
    return new


def _anaphoric(
    pa: int,
    pb: int,
    a: int,
    s: int,
    cue: list[int],
    speaker: tuple[int, int],
    frame: tuple[int, int],
    rule: str,
) -> Draft:
    """The statement of "… . Das erklärte X.": the content of sentence ``s - 1`` (tokens
    ``[pa, pb)``) with the pronoun ``a`` that points back at it, and the attribution."""
    return Draft(
        parts=[Seg(pa, pb, "indirect", s - 1), Seg(a, a + 1, "indirect", s)],
        form=Form.INDIRECT,
        cue=as_runs(cue, s),
        speaker=[Seg(*speaker, "S", s)],
        frame=[Seg(*frame, "F", s)],
        rules=[rule],
    )


def postposed_tail(
    seg: Segmented, profile: LangProfile, a: int, b: int, max_tail_np: int
) -> tuple[int, tuple[int, int], list[int]] | None:
    """(boundary, speaker range, cue verb) of a sentence-final ", NP said" / ", said NP";
    the boundary is the comma, or the closing quotation mark after a quoted comma."""
    words = seg.words
    depth = seg.quote_depth
    end = b
    while end > a and words[end - 1] in FINAL:
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
            got = verb_first_tail(seg, profile, first, end)
            if got is not None:
                return k, got[0], got[1]
        if "subject_first" not in profile.postposed_attribution:
            continue
        # ", officials said" / ", the source added on Tuesday"
        if not speaker_head(profile, words[first]) and words[first].lower() not in (
            profile.determiners
        ):
            continue
        for v in range(first + 1, min(end, first + 1 + max_tail_np)):
            w = words[v]
            if w in profile.clause_breaks or w.lower() in profile.complementizers:
                break
            if not finite_cue(profile, w):
                continue
            if not speaker_head(profile, words[v - 1]) or end - v - 1 > 6:
                break
            after = words[v + 1] if v + 1 < end else None
            if after is not None and not (
                after.lower() in profile.prepositions or after[:1].isupper()
            ):
                break
            return k, (first, v), [v]
    return None


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


def medial_attributions(
    seg: Segmented,
    profile: LangProfile,
    drafts: list[Draft],
    max_tail_np: int = DEFAULT.extract.max_tail_np,
) -> list[Draft]:
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
        while end > a and words[end - 1] in FINAL:
            end -= 1
        for c2 in range(a + 5, end - 2):
            if words[c2] != "," or seg.quote_depth[c2]:
                continue
            got = postposed_tail(seg, profile, a, c2, max_tail_np)
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
            cue = as_runs(cue_toks, s)
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


@component("extract.attributions.postposed.v1", Stage.PROPOSE)
def propose_postposed(w: Work) -> None:
    """Sentences ending in an attribution ("…, sagte der Minister.")."""
    w.drafts += postposed_attributions(w.seg, w.profile, w.drafts, w.settings.extract.max_tail_np)


@component("extract.attributions.anaphoric.v1", Stage.PROPOSE)
def propose_anaphoric(w: Work) -> None:
    """An attribution pointing back at the previous sentence ("Dies sagte der Minister.")."""
    w.drafts += anaphoric_attributions(w.seg, w.profile, w.drafts)


@component("extract.attributions.medial.v1", Stage.PROPOSE)
def propose_medial(w: Work) -> None:
    """An attribution inside the content ("Die Lage, sagte er, sei ernst.")."""
    w.drafts += medial_attributions(w.seg, w.profile, w.drafts, w.settings.extract.max_tail_np)


@component("extract.attributions.postposed_tail.v1", Stage.REFINE)
def refine_postposed_tail(w: Work) -> None:
    """A content that runs on into a closing attribution ends before it."""
    postposed_tail_content(w.seg, w.profile, w.drafts, w.settings.extract.max_tail_np)


@component("extract.attributions.bare_trigger.v1", Stage.FILTER)
def filter_bare_trigger(w: Work) -> None:
    """Drop speakerless statements whose only cue is a bare "nach", "laut", "wie" that no
    according-to pattern matches there."""
    w.drafts = drop_bare_trigger_cues(w.seg, w.profile, w.drafts)
