"""Reported speech without quotation marks: report sentences with a Konjunktiv or a
report verb, and whole sentences the content tagger scores as speech.
"""

from __future__ import annotations

from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, FORMS, Draft, Seg, speaker_head
from sayso.extract.roles import attach_roles
from sayso.lang import LangProfile
from sayso.model import Form
from sayso.tagging.tagger import Tagged, Taggers
from sayso.text.segment import Segmented


def reported_sentences(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> list[Draft]:
    """Whole sentences reporting a speech act with a noun phrase, by a verb that mostly
    does so (``lang/<lang>/reported.json``): "Die Gewerkschaft fordert höhere Löhne."
    The sentence needs a subject before the verb; roles are tagged as for any statement."""
    taken = {p.sent for d in drafts for p in d.parts}
    words = seg.words
    verbs = profile.reported_forms
    new: list[Draft] = []
    for s, (a, b) in enumerate(seg.sentences):
        if s in taken or b - a < 4 or words[b - 1] not in FINAL:
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
    participle = profile.evidence.participle_prefixes
    if (
        entry is None
        or w == entry.lemma
        or w.startswith(participle)
        or w.startswith(tuple(particle + p for p in participle))
    ):
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
    if noun_phrase_end(seg, profile, a, verb) == verb and speaker_head(profile, words[verb - 1]):
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
        form = FORMS.get(label, Form.REPORTED)
        d = Draft(parts=[Seg(a, b, label, s)], form=form, rules=[f"crf.sentence.{label}"])
        new.append(d)
        has.add(s)
    if not new:
        return []
    attach_roles(seg, tagger, tagged, new)
    return new


@component("extract.reported.sentences.v1", Stage.PROPOSE)
def propose_reported(w: Work) -> None:
    """Sentences no draft covers whose verb mostly reports ("Die Gewerkschaft fordert …")."""
    w.drafts += reported_sentences(w.seg, w.profile, w.drafts)


@component("extract.reported.whole_sentences.v1", Stage.PROPOSE, scores=True)
def propose_whole_sentences(w: Work) -> None:
    """Sentences the sentence classifier scores as speech become whole statements."""
    w.drafts += whole_sentences(
        w.seg, w.taggers, w.scores, w.drafts, w.settings.whole_sentence_threshold
    )
