"""Addressees: to whom a statement was said ("sagte er der Zeitung", "told reporters")."""

from __future__ import annotations

from sayso.extract.according import noun_phrase_end
from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, Draft, Seg, as_runs
from sayso.lang import LangProfile
from sayso.lang.reporting import framing_words
from sayso.lang.shapes import Shapes, shapes
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


def _outlet_np(seg: Segmented, profile: LangProfile, sh: Shapes, i: int, end: int) -> int | None:
    """The end of a noun phrase at ``i`` that names an outlet ("der Süddeutschen Zeitung",
    "der Zeitung Kurier", "der Voice of America"), or None."""
    e = noun_phrase_end(seg, profile, i, end)
    return e if _names_outlet(seg, profile, sh, i + 1, e) else None


def _names_outlet(seg: Segmented, profile: LangProfile, sh: Shapes, a: int, e: int) -> bool:
    """Does one of the tokens ``[a, e)`` name an outlet?"""
    words = seg.words
    for j in range(a, e):
        kind = profile.actor_kind_hint(words[j])
        if (
            words[j].lower() in sh.outlet_nouns
            or profile.match_outlet(words, j) is not None
            or (kind is not None and kind.value == "outlet")
        ):
            return True
    return False


def _outlet_taken_for_speaker(
    seg: Segmented, profile: LangProfile, sh: Shapes, d: Draft, j: int, content: set[int]
) -> bool:
    """ "Der Minister sagte der Zeitung, …" with the outlet as speaker: the sentence's
    opening noun phrase, ending right before the verb, is the speaker and the outlet the
    addressee. Returns whether it changed ``d``."""
    if len(d.speaker) != 1 or d.speaker_spans is not None or len(d.cue) != 1:
        return False
    r = d.speaker[0]
    a, _b = seg.sentences[r.sent]
    v = d.cue[0].a
    if (
        r.a != j
        or seg.lows[r.a] not in framing_words(profile.lang).dative_determiners
        or _outlet_np(seg, profile, sh, r.a, r.b) != r.b
    ):
        return False
    opener = seg.lows[a]
    if v - a < 1 or opener in profile.prepositions or opener in profile.object_determiners:
        return False
    if noun_phrase_end(seg, profile, a, v) != v or any(i in content for i in range(a, v)):
        return False
    d.addressee = [Seg(r.a, r.b, "A", r.sent)]
    d.speaker = [Seg(a, v, "S", r.sent)]
    d.rules.append("group.addressee.outlet_dative.v1")
    return True


def outlet_datives(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> None:
    """An outlet after "der" is the dative addressee of a verb of telling, not part of the
    speaker ("sagte der Minister der Zeitung Kurier", "sagte Müller der Zeitung") and not
    the subject ("Die Ministerin sagte hierzu der Süddeutschen Zeitung, …"), unless the
    noun before it takes an outlet as genitive ("der Sprecher der Zeitung",
    ``shapes.json`` ``outlet_dative``)."""
    sh = shapes(profile.lang)
    if not sh.outlet_nouns:
        return
    words, lows = seg.words, seg.lows
    # the articles of a dative outlet ("der Zeitung", "dem Sender") and the prepositions of
    # the medium spoken in ("im Deutschlandfunk")
    dative = framing_words(profile.lang).dative_determiners
    media = sh.outlet_medium_prepositions
    for d in drafts:
        if d.addressee or not d.cue:
            continue
        lemma = profile.cue(lows[d.cue[0].a])
        if lemma is None or lemma.lemma not in profile.addressee_verbs:
            continue
        sent = seg.sentence_of[d.cue[0].a]
        _a, b = seg.sentences[sent]
        content = {i for p in d.parts for i in range(p.a, p.b)}
        if len(d.speaker) == 1 and d.speaker_spans is None:
            r = d.speaker[0]
            for m in range(r.a + 1, r.b - 1):
                if lows[m] not in dative and lows[m] not in media:
                    continue
                if not words[m - 1][:1].isupper():
                    continue
                if words[m - 1].lower() in sh.outlet_genitive_roles:
                    break
                if noun_phrase_end(seg, profile, r.a, m) != m:
                    # only "[one noun phrase] der [outlet]": after a prepositional phrase
                    # the outlet may be its genitive ("am Rande der …")
                    break
                if lows[m] in media:
                    medium = noun_phrase_end(seg, profile, m + 1, r.b)
                    e = medium if _names_outlet(seg, profile, sh, m + 1, medium) else None
                else:
                    e = _outlet_np(seg, profile, sh, m, r.b)
                if e is not None and e == r.b and lows[m] in media:
                    # "sagte der Minister im Deutschlandfunk": where he spoke, not who
                    d.speaker = [Seg(r.a, m, r.tag, r.sent)]
                    d.rules.append("group.speaker.outlet_medium.v1")
                elif e is not None and e == r.b:
                    d.speaker = [Seg(r.a, m, r.tag, r.sent)]
                    d.addressee = [Seg(m, e, "A", r.sent)]
                    d.rules.append("group.addressee.outlet_dative.v1")
                break
            if d.addressee:
                continue
        j = d.cue[-1].b if len(d.cue) == 1 else d.cue[0].a + 1
        if _outlet_taken_for_speaker(seg, profile, sh, d, j, content):
            continue
        if any(x.a >= j for x in d.speaker):
            continue  # the speaker follows the verb: the first "der" phrase is the subject
        while j < b and lows[j] not in profile.determiners and words[j][:1].islower():
            if lows[j] in profile.prepositions or j in content:
                break
            j += 1  # "sagte hierzu der Zeitung"
        if j >= b or lows[j] not in sh.outlet_after_verb_articles:
            continue
        if j in content or seg.quote_depth[j]:
            continue
        e = _outlet_np(seg, profile, sh, j, b)
        if e is not None and not any(i in content for i in range(j, e)):
            d.addressee = [Seg(j, e, "A", sent)]
            d.rules.append("group.addressee.outlet_dative.v1")


@component("extract.addressees.outlet_dative.v1", Stage.REFINE, langs=frozenset({"de"}))
def refine_outlet_dative(w: Work) -> None:
    """An outlet after "der" is the addressee of a verb of telling ("sagte der Minister
    der Zeitung Kurier")."""
    outlet_datives(w.seg, w.profile, w.drafts)
