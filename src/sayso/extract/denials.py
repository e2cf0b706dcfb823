"""Denials and insistence the taggers miss: "Smith has repeatedly denied wrongdoing.", "The
White House dismissed the report as fake news.", "The senator later insisted he had never
seen the letter." A sentence that no statement covers, opening with its subject, whose
verb group (auxiliaries and adverbs, then one of ``shapes.json`` ``denial.verbs``) is
followed by what is denied or insisted on: that object or clause is the content, the
subject the speaker, the verb group the cue (PolNeAR's "has denied", "later dismissed").
A verb of ``denial.needs_as`` ("dismissed", which also means "fired") counts only with
"as" after its object or with an account noun ("the report"); a passive never does.
"""

from __future__ import annotations

from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, Draft, Seg
from sayso.lang import LangProfile
from sayso.lang.shapes import Shapes, shapes
from sayso.model import Form
from sayso.text.segment import Segmented

#: at most this many auxiliaries and adverbs between the subject and the verb
MAX_VERB_GROUP = 3


def _subject(seg: Segmented, profile: LangProfile, a: int, v: int) -> int | None:
    """The end of the subject opening the sentence at ``a`` (a pronoun, or words up to a
    capitalised word or a role noun), before the verb group ending at ``v``."""
    from sayso.extract.according import noun_phrase_end

    words = seg.words
    low = words[a].lower()
    if profile.is_speaker_pronoun(low) and low not in profile.determiners:
        return a + 1
    if not (words[a][:1].isupper() or low in profile.determiners):
        return None
    e = noun_phrase_end(seg, profile, a, v)
    return e if e > a else None


def _verb_group(seg: Segmented, profile: LangProfile, sh: Shapes, e: int, v: int) -> bool:
    """Are ``[e, v)`` only auxiliaries (not passive) and adverbs ("has repeatedly")?"""
    if v - e > MAX_VERB_GROUP:
        return False
    for i in range(e, v):
        low = seg.lows[i]
        if low in profile.passive_auxiliaries:
            return False
        if low not in profile.finite_auxiliaries and not (
            low.endswith(profile.adverb_endings) or low in sh.denial_adverbs
        ):
            return False
    return True


def denial_statements(
    seg: Segmented, profile: LangProfile, sh: Shapes, drafts: list[Draft]
) -> list[Draft]:
    """The denial sentences no draft covers, as new drafts."""
    if not sh.denial_verbs:
        return []
    taken = {p.sent for d in drafts for p in d.parts}
    words = seg.words
    accounts = profile.evidence.account_nouns
    new: list[Draft] = []
    for s, (a, b) in enumerate(seg.sentences):
        if s in taken or sh.denial_verbs.isdisjoint(seg.lows[a:b]):
            continue
        if any(seg.quote_depth[i] for i in range(a, b)):
            continue
        # lowercase only: a headline in title case ("Trump Denies Tyson Invited …") is
        # no sentence the corpora attribute
        v = next(
            (
                i
                for i in range(a + 1, b)
                if seg.lows[i] in sh.denial_verbs and seg.words[i][:1].islower()
            ),
            None,
        )
        if v is None:
            continue
        end = b
        while end > v and words[end - 1] in FINAL:
            end -= 1
        stop = next((i for i in range(v + 1, end) if words[i] in (";", "—", "–")), end)
        if stop - (v + 1) < 1 or seg.lows[v + 1] in profile.prepositions:
            continue
        group_start = v
        while group_start > a and (
            seg.lows[group_start - 1] in profile.finite_auxiliaries
            or seg.lows[group_start - 1].endswith(profile.adverb_endings)
            or seg.lows[group_start - 1] in sh.denial_adverbs
        ):
            group_start -= 1
        e = _subject(seg, profile, a, group_start)
        if e != group_start or not _verb_group(seg, profile, sh, e, v):
            continue
        if seg.lows[v] in sh.denial_needs_as and not any(
            seg.lows[i] in sh.denial_as_words or seg.lows[i] in accounts for i in range(v + 1, stop)
        ):
            continue  # "The club dismissed its coach": fired, not denied
        new.append(
            Draft(
                parts=[Seg(v + 1, stop, "indirect", s)],
                form=Form.INDIRECT,
                cue=[Seg(group_start, v + 1, "C", s)],
                speaker=[Seg(a, e, "S", s)],
                frame=[Seg(a, v + 1, "F", s)],
                rules=["rule.denial.sentence.v1"],
            )
        )
    return new


@component("extract.denials.sentences.v1", Stage.PROPOSE, langs=frozenset({"en"}))
def propose_denials(w: Work) -> None:
    """Sentences in which the subject denies, dismisses or insists ("Smith has denied
    wrongdoing.") that no draft covers."""
    w.drafts += denial_statements(w.seg, w.profile, shapes(w.profile.lang), w.drafts)
