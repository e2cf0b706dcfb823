"""Indirect speech: content clauses after a comma or a cue, clauses after a semicolon,
content snapped to clause bounds, stub contents and prepositional relatives.
"""

from __future__ import annotations

from sayso.extract.clauses import (
    colon_opens,
    content_before,
    cue_clause,
    looks_like_clause,
    trim_breaks,
)
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, HARD_BREAKS, Draft, Seg, as_runs
from sayso.extract.roles import attach_roles, tag_speakers
from sayso.lang import LangProfile
from sayso.model import Form, Medium
from sayso.settings import DEFAULT
from sayso.tagging.tagger import Tagged, Taggers
from sayso.text.segment import Segmented


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
        while b > a and words[b - 1] in FINAL:
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
            while lo > a and (lo - 1) not in blockers and not colon_opens(seg, lo - 1):
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
                    if content_before(profile, d):
                        # ", so X, Leiter der Abteilung": what follows the source is
                        # still its apposition, the content is the clause before
                        right_hi = f_hi
                    new_parts = [
                        x
                        for x in (
                            trim_breaks(words, profile, Seg(left_lo, f_lo, part.tag, s)),
                            trim_breaks(words, profile, Seg(f_hi, right_hi, part.tag, s)),
                        )
                        if x.b > x.a
                    ]
            if new_parts and (new_parts[0].a, new_parts[-1].b) != (part.a, part.b):
                d.parts = new_parts
                d.rules.append("group.content.snap_clause.v1")


def stub_contents(
    seg: Segmented, drafts: list[Draft], max_tokens: int, gap: int = DEFAULT.extract.stub_gap
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
            if seg.words[i] not in HARD_BREAKS
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
    cc = profile.content_clause
    if cc is None or not cc.relative_pronouns:
        return drafts
    rel, after = cc.relative_pronouns, cc.relative_clause_starts
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
    that, inf, not_after, bare_v2 = cc.that, cc.infinitive, cc.not_after, cc.v2_clause
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
        while end > a and words[end - 1] in FINAL:
            end -= 1
        got = cue_clause(seg, profile, a, end, that, inf, not_after, bare_v2=bare_v2)
        if got is None:
            continue
        cue, lo, hi, kind = got
        hit = [d for d in bare.get(s, []) if d.a < hi and lo < d.b]
        if hit:
            for d in hit:
                d.cue = as_runs(cue, s)
                d.frame = d.frame or [Seg(a, lo - 1, "F", s)]
                d.rules.append(f"group.cue_clause_{kind}.v1")
            continue
        if s in bare:
            continue
        new.append(
            Draft(
                parts=[Seg(lo, hi, "indirect", s)],
                form=Form.INDIRECT,
                cue=as_runs(cue, s),
                frame=[Seg(a, lo - 1, "F", s)],
                rules=[f"rule.indirect.cue_clause_{kind}.v1"],
            )
        )
    return new


def cue_clauses(
    seg: Segmented,
    profile: LangProfile,
    tagger: Taggers,
    tagged: Tagged,
    drafts: list[Draft],
    max_subject: int = DEFAULT.extract.max_clause_subject,
) -> list[Draft]:
    """Sentences without any statement in which a cue verb that takes a bare or "that"
    clause ("dass"/"v2" frames) reports everything after it: "The spokesman said the
    bridge will reopen in May."; a speech verb that takes an object ("np" frame, medium
    speech) reports its object too: "The senator criticized the plan for its cost."
    (English: the content tagger misses many such clauses when other cue-like words stand
    in them.) The roles are tagged as for any statement; the draft is kept only when the
    tagger's cue is that verb and its speaker is the subject right before it (up to three
    lower-case words between: "has also said"), not a passive ("was announced"). A clause
    must look like one (see ``looks_like_clause``; "wrote a memoir" is no statement).
    Noun readings are kept out: no determiner or possessive before the verb, and forms
    that are also nouns (``clause.json`` ``ambiguous_cue_forms``: "states", "report")
    need a name, a pronoun or a verb companion (``verb_companions``: "has", "will",
    "also") before them."""
    taken = {p.sent for d in drafts for p in d.parts}
    words = seg.words
    nonfinite = profile.nonfinite_cue.suffixes if profile.nonfinite_cue else ()
    new: list[tuple[Draft, int]] = []
    for s, (a, b) in enumerate(seg.sentences):
        if s in taken:
            continue
        end = b
        while end > a and words[end - 1] in FINAL:
            end -= 1
        for i in range(a + 1, end - 2):
            w = words[i]
            if seg.quote_depth[i] or not w[:1].islower():
                continue
            entry = profile.cue(w)
            if entry is None or not ({"dass", "v2", "np"} & entry.frames):
                continue
            prev = words[i - 1].lower()
            if (
                w.endswith(nonfinite)
                or prev in profile.determiners
                or prev.endswith(profile.evidence.possessive_endings)
            ):
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
            clause = {"dass", "v2"} & entry.frames and looks_like_clause(
                profile, words, lo, hi, max_subject
            )
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


@component("extract.indirect.cue_clauses.v1", Stage.PROPOSE, langs=frozenset({"en"}), scores=True)
def propose_cue_clauses(w: Work) -> None:
    """English content clauses after a cue verb ("officials said that …")."""
    w.drafts += cue_clauses(
        w.seg, w.profile, w.taggers, w.scores, w.drafts, w.settings.extract.max_clause_subject
    )


@component("extract.indirect.comma_clauses.v1", Stage.PROPOSE, scores=True)
def propose_comma_clauses(w: Work) -> None:
    """Content clauses after a cue and a comma ("Er sagte, er komme."), with speakers."""
    clauses = comma_content_clauses(w.seg, w.profile, w.drafts)
    tag_speakers(w.seg, w.taggers, w.scores, clauses)
    w.drafts += clauses


@component("extract.indirect.snap.v1", Stage.REFINE)
def refine_snap(w: Work) -> None:
    """Grow indirect, reported and according-to contents to their clause's edges."""
    snap_content(w.seg, w.profile, w.drafts)


@component("extract.indirect.semicolon.v1", Stage.REFINE)
def refine_semicolon(w: Work) -> None:
    """End a reported content at a semicolon unless the clause after it is reported too."""
    semicolon_clauses(w.seg, w.profile, w.drafts)


@component("extract.indirect.stubs.v1", Stage.FILTER, requires=("content_clause.stub_tokens",))
def filter_stubs(w: Work) -> None:
    """A content of a few words right before another content of its sentence is its start."""
    w.drafts = stub_contents(w.seg, w.drafts, _stub_tokens(w.profile), w.settings.extract.stub_gap)


def _stub_tokens(profile: LangProfile) -> int:
    return profile.content_clause.stub_tokens if profile.content_clause else 0


@component("extract.indirect.prepositional_relatives.v1", Stage.FILTER)
def filter_prepositional_relatives(w: Work) -> None:
    """Drop contents that are a prepositional relative clause, not speech."""
    w.drafts = prepositional_relatives(w.seg, w.profile, w.drafts)
