"""Addressees: to whom a statement was said ("sagte er der Zeitung", "told reporters")."""

from __future__ import annotations

from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, Draft, Seg, as_runs
from sayso.lang import LangProfile
from sayso.text.segment import Segmented


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
            if i in taken or seg.quote_depth[i] or w in profile.clause_breaks or w in FINAL:
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
            d.addressee = as_runs(run, sent)
            d.rules.append(rule)


@component("extract.addressees.find.v1", Stage.REFINE)
def refine_addressees(w: Work) -> None:
    """The addressee of a statement ("sagte er der Zeitung", "told reporters")."""
    find_addressees(w.seg, w.profile, w.drafts)
