"""A speaker embedded in a statement's content: "Die Zeitung berichtet, der Minister habe
seinem Kollegen gesagt, …" — the minister is the original speaker, the paper relays him
(:mod:`sayso.evidence.chains` makes the paper an outer hop)."""

from __future__ import annotations

from sayso.extract import according
from sayso.lang import LangProfile
from sayso.model import Span
from sayso.text.segment import Segmented


def _noun_phrase(seg: Segmented, profile: LangProfile, i: int, end: int) -> tuple[int, int] | None:
    j = according.noun_phrase_end(seg, profile, i, end)
    return (i, j) if j > i else None


_EMBEDDING_FORMS: dict[str, frozenset[str]] = {}


def _embedding_forms(profile: LangProfile) -> frozenset[str]:
    """Standalone cue forms whose lemma reports what was said (``embedding_cues``)."""
    got = _EMBEDDING_FORMS.get(profile.lang)
    if got is None:
        lemmas = profile.evidence.embedding_cues
        got = frozenset(f for f, e in profile.cue_forms.items() if e.lemma in lemmas)
        _EMBEDDING_FORMS[profile.lang] = got
    return got


def embedded_speaker(
    seg: Segmented, profile: LangProfile, content: list[int]
) -> tuple[Span, Span] | None:
    """A speaker heading a statement's content with its own speech verb and complement
    ("der Minister habe seinem Kollegen gesagt, die Rakete sei …", "soll der General
    gesagt haben, …", "dass er gesagt habe, …"): (speaker mention, cue word).

    Precision first: the content must open with the speaker (after at most a
    complementizer and a finite auxiliary or modal), the verb must be a standalone cue form
    that takes a clause, a clause break or complementizer must follow it (up to an
    auxiliary) inside the content, and no passive auxiliary may stand between them."""
    words = seg.words
    ev = profile.evidence
    if _embedding_forms(profile).isdisjoint([seg.lows[i] for i in content]):
        return None  # no speech verb that could embed a speaker
    toks = [i for i in content if not seg.quote_depth[i]]
    if len(toks) < 5:
        return None
    tokset = set(toks)
    breaks = profile.clause_breaks
    # where the speaker must stand: the content's first word, after "dass" and after a
    # finite auxiliary or modal ("soll der General", "habe der Minister")
    j = toks[0]
    if words[j].lower() in profile.complementizers:
        j += 1
    if j < len(words) and words[j][:1].islower() and words[j].lower() not in profile.determiners:
        j += 1
    low = words[j].lower() if j < len(words) else ""
    if profile.is_speaker_pronoun(low) and low not in profile.determiners:
        subject: tuple[int, int] | None = (j, j + 1)
    elif low in profile.determiners or words[j][:1].isupper():
        subject = _noun_phrase(seg, profile, j, toks[-1] + 1)
        if subject is not None and not any(words[t][:1].isupper() for t in range(*subject)):
            subject = None
    else:
        subject = None
    if subject is None or " ".join(seg.lows[subject[0] : subject[1]]) in ev.embedding_non_speakers:
        return None  # "Jeder hat gesagt, …": no one in particular
    for i in toks:
        if i < subject[1] or i > subject[1] + 8:
            continue
        entry = profile.cue(words[i].lower())
        if entry is None or entry.needs_particle(words[i].lower()) or not words[i][:1].islower():
            continue
        if entry.lemma not in profile.evidence.embedding_cues:
            continue  # "beschuldigt", "entscheiden", "hoffe": not a report of what was said
        after = [k for k in range(i + 1, min(i + 4, toks[-1] + 1)) if k in tokset]
        brk = next(
            (k for k in after if words[k] in breaks or words[k].lower() in profile.complementizers),
            None,
        )
        if brk is None or brk + 1 not in tokset:
            return None  # the complement must be part of the content
        if any(words[k].lower() in profile.passive_auxiliaries for k in range(toks[0], brk)):
            return None  # "Er werde … beschuldigt", "dass Aufzeichnungen gemeldet werden"
        blockers = profile.evidence.embedding_blockers
        if any(seg.lows[k] in blockers for k in (*range(subject[1], i), i + 1)):
            # "Clinton misspoke and intended to say", "die Matura geschrieben zu haben":
            # the verb is another clause's or an infinitive, not the subject's speech
            return None
        before = seg.lows[i - 1]
        if (
            before in profile.prepositions
            or before in profile.determiners
            or before.endswith(profile.possessive_clitics)
        ):
            return None  # a noun or an adjective: "filings by states", "Clinton's reported"
        if not _adjacent(seg, profile, subject[1], i):
            return None  # "if Rubio can't win his home state, …": another verb between
        if any(words[k] in breaks for k in range(subject[1], i)):
            return None  # the verb belongs to another clause
        return seg.token_span(*subject), seg.token_span(i, i + 1)
    return None


def _adjacent(seg: Segmented, profile: LangProfile, a: int, i: int) -> bool:
    """In a language with ``embedding_fillers`` (English word order), may the words
    ``[a, i)`` between the subject and the verb stand there: auxiliaries, negations and
    adverbs only ("Mr. Obama had never told")? Other languages put objects there ("der
    Minister habe seinem Kollegen gesagt")."""
    fillers = profile.evidence.embedding_fillers
    if not fillers:
        return True
    return all(
        seg.lows[k] in fillers
        or seg.lows[k] in profile.finite_auxiliaries
        or seg.lows[k].endswith(profile.adverb_endings)
        for k in range(a, i)
    )
