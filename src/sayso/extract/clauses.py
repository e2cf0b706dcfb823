"""Clause geometry: where a clause starts, where an apposition or a content clause ends.

Shared by the indirect, according-to and speaker rules; reads the clause words of
``lang/<lang>/clause.json`` through the :class:`~sayso.lang.LangProfile`.
"""

from __future__ import annotations

from collections.abc import Collection

from sayso.extract.draft import Draft, Seg, konjunktiv_in
from sayso.lang import Infinitive, LangProfile, V2Clause
from sayso.text.segment import Segmented


def colon_opens(seg: Segmented, k: int) -> bool:
    """Is token ``k`` a colon (outside quotations) before a capitalised word, opening a
    new main clause ("… erneuern: Künftig wolle sie …")?"""
    w = seg.words
    return (
        w[k] == ":" and not seg.quote_depth[k] and w[k + 1 : k + 2] != [] and w[k + 1][:1].isupper()
    )


def content_before(profile: LangProfile, d: Draft) -> bool:
    """Was ``d`` made by an according-to pattern whose content precedes it (", so X")?"""
    ids = {r.removeprefix("rule.according_to.") for r in d.rules}
    return any(p.id in ids and p.content == "before" for p in profile.according_to)


def _relative_or_complementizer(profile: LangProfile, w: str) -> bool:
    low = w.lower()
    return low in profile.complementizers or any(p.kind == "relative" for p in profile.pronoun(low))


def clause_start(seg: Segmented, profile: LangProfile, a: int, end: int) -> int:
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


def apposition_after(seg: Segmented, profile: LangProfile, k: int, limit: int) -> int:
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


def trim_breaks(words: list[str], profile: LangProfile, x: Seg) -> Seg:
    """``x`` without clause breaks at its edges ("…, so der Minister, …")."""
    lo, hi = x.a, x.b
    while lo < hi and words[lo] in profile.clause_breaks:
        lo += 1
    while hi > lo and words[hi - 1] in profile.clause_breaks:
        hi -= 1
    return Seg(lo, hi, x.tag, x.sent)


def cue_clause(
    seg: Segmented,
    profile: LangProfile,
    a: int,
    end: int,
    that: frozenset[str],
    inf: Infinitive,
    not_after: frozenset[str],
    v2: bool = False,
    bare_v2: V2Clause | None = None,
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
        elif v2 and "v2" in entry.frames and konjunktiv_in(words, k + 1, end):
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
    v2: V2Clause,
    frames: Collection[str],
    words: list[str],
    a: int,
    k: int,
) -> bool:
    """A main clause after the comma of a verb that takes one ("sagte Rice, die USA hielten
    sich an …"), whatever its mood: it opens with a subject pronoun or a determiner and a
    noun; not after a first person ("Ich glaube, die Künstler …")."""
    subjects, determiners, not_after_subject = v2.subjects, v2.determiners, v2.not_after_subject
    if "v2" not in frames or any(w.lower() in not_after_subject for w in words[a:k]):
        return False
    w = words[k + 1].lower()
    return w in subjects or (w in determiners and words[k + 2][:1].isupper())


def _infinitive_end(words: list[str], lo: int, end: int, inf: Infinitive) -> int | None:
    """End of a zu-infinitive clause starting before ``lo``: after its first verb that
    follows the marker ("zu entziehen") or carries it inside ("aufzugeben"), when a comma,
    one of ``inf.ends_before`` ("und") or the sentence end follows."""
    marker, infix, ending = inf.marker, inf.infix, inf.ending
    if not marker:
        return None
    for j in range(lo, end):
        w = words[j]
        nxt = words[j + 1] if j + 1 < end else ","
        if not (w.isalpha() and w.islower() and (nxt == "," or nxt in inf.ends_before)):
            continue
        if words[j - 1].lower() == marker or (infix and infix in w[2:-3] and w.endswith(ending)):
            return j + 1 if nxt == "," else end
    return None


def has_infinitive(words: list[str], lo: int, end: int, inf: Infinitive) -> bool:
    """Is there a zu-infinitive clause in ``words[lo:end]`` ("…, Schirme mitzubringen")?"""
    return _infinitive_end(words, lo, end, inf) is not None


def looks_like_clause(
    profile: LangProfile, words: list[str], lo: int, hi: int, max_subject: int
) -> bool:
    """Does ``words[lo:hi]`` read as a clause rather than an object noun phrase ("wrote a
    memoir")? It opens with a complementizer, or a short subject (at most
    ``max_subject`` words, no clause break) is followed by an auxiliary or modal
    (``clause.json`` ``finite_auxiliaries``) or a lower-case past form (``past_endings``:
    "-ed")."""
    if words[lo].lower() in profile.complementizers:
        return True
    for k in range(lo + 1, min(hi, lo + max_subject + 1)):
        w = words[k]
        if w in profile.clause_breaks:
            return False
        if w.lower() in profile.finite_auxiliaries or (
            w[:1].islower() and w.endswith(profile.past_endings)
        ):
            return True
    return False
