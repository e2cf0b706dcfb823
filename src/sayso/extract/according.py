"""According-to constructions, matched from the patterns in ``lang/<lang>/according_to.json``.

"Laut Polizei …", "Berichten zufolge …", "nach Angaben der Gewerkschaft …", "…, so der
Minister.", "wie ein Sprecher mitteilte", "hieß es"; "according to officials", "per
Reuters". A match gives the cue (the trigger word, and a cue verb where the pattern has
one), the source phrase and the frame (the whole construction); the content is the host
clause around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sayso.lang import AccordingPattern, LangProfile, PatternElement
from sayso.settings import DEFAULT, ExtractSettings
from sayso.text.quotes import MARK_RE
from sayso.text.segment import Segmented

#: where the analysis leaves its ``Settings.extract`` on the document (``Segmented.memo``):
#: the noun-phrase and pattern helpers below are shared by eight modules' rules, so they
#: read the reach of a source phrase from the document rather than from every signature
LIMITS_KEY = "extract.settings"


def limits(seg: Segmented) -> ExtractSettings:
    """The extraction settings of the analysis ``seg`` belongs to (the defaults when a
    helper runs outside ``analyze``)."""
    got: ExtractSettings = seg.memo.get(LIMITS_KEY, DEFAULT.extract)
    return got


@dataclass(frozen=True, slots=True)
class Match:
    pattern: AccordingPattern
    start: int  # first token of the construction
    end: int  # one past its last token
    cue: tuple[int, ...]
    source: tuple[int, ...]


def noun_phrase_end(seg: Segmented, profile: LangProfile, i: int, end: int) -> int:
    """End of a noun phrase starting at ``i``: determiners, adjectives, nouns and names,
    with genitive or "von" continuations ("der Gewerkschaft Nahrung-Genuss-Gaststätten",
    "von Beobachtern", "two officials familiar with the matter" stops at "familiar"); the
    words are ``clause.json`` ``noun_phrase``."""
    words = seg.words
    np_ = profile.noun_phrase
    max_source = limits(seg).according_max_source
    j = i
    seen_head = False
    genitive = False  # after a genitive determiner, before its noun
    gen_start = i
    modifier = False  # a lowercase word before the head, read as an adjective
    while j < end and j - i < max_source:
        if seg.quote_depth[j]:
            k = quoted_name_end(seg, j, end)
            if k is None:
                break
            seen_head, j = True, k  # a quoted name: "laut „BBC News“"
            continue
        w = words[j]
        low = w.lower()
        if w == "." and j > i and words[j - 1] + "." in profile.abbreviations:
            j += 1  # "Mrs. Clinton", "Dr. Berger": the abbreviation's period
            continue
        if (
            w == "-"
            and seen_head
            and j + 2 < end
            and words[j + 1].lower() in np_.truncation_conjunctions
        ):
            j += 2  # a truncated compound: "Kongress- und Verteidigungskreise"
            continue
        if w in profile.clause_breaks or not w[:1].isalnum():
            break
        if modifier and not seen_head and (low in profile.determiners or profile.pronoun(w)):
            # no determiner or pronoun follows an adjective: the word was a verb (", so
            # wurde der Hafen geschlossen", ", so definieren sie …")
            return i
        if low in profile.determiners:
            if seen_head and low not in np_.genitive_determiners:
                break
            genitive = seen_head  # "des [britischen] Ministeriums"
            gen_start = j
        elif low in np_.continuations:
            if not seen_head:
                break
        elif w[:1].isupper() or (not w.isalpha() and any(ch.isdigit() for ch in w)):
            seen_head, genitive = True, False  # names, numbers, names with digits ("von n24")
        elif profile.head_bits(w) or profile.is_outlet(w):
            # a role noun or a word with an actor kind: English lowercase heads
            # (officials, sources, spokesman), also the noun of a genitive ("of the army")
            seen_head, genitive = True, False
        elif (
            (not seen_head or genitive)
            and low.endswith(np_.adjective_endings)
            and profile.cue(low) is None
            and low not in profile.prepositions  # "über", "unter", "hinter"
        ):
            modifier = True  # adjective before the head ("jüngsten Untersuchungen")
        else:
            break
        j += 1
    if genitive:
        j = gen_start  # a genitive that found no noun is none
    # do not end on a determiner or preposition
    while j > i and (
        words[j - 1].lower() in profile.determiners or words[j - 1].lower() in np_.not_final
    ):
        j -= 1
    return j if seen_head else i


def quoted_name_end(seg: Segmented, j: int, end: int) -> int | None:
    """The index after a quoted name opening at ``j`` („BBC News“, „Die Zeit“): a
    quotation of at most four words, each capitalised or a number; None otherwise."""
    base = seg.quote_depth[j] - 1
    if not MARK_RE.fullmatch(seg.words[j]):
        return None
    k = j + 1
    while k < end and seg.quote_depth[k] > base:
        k += 1
    inside = seg.words[j + 1 : k - 1]
    inner = [w for w in inside if w[:1].isalnum()]
    too_long = len(inner) > limits(seg).according_max_quoted_name
    if not inner or too_long or len(inside) - len(inner) > 1:
        return None  # empty, long, or more than one punctuation token inside
    if not all(w[:1].isupper() or w[:1].isdigit() for w in inner):
        return None
    return k


def _phrase_to_break(seg: Segmented, profile: LangProfile, i: int, end: int) -> int:
    """End of a source phrase that runs to the next clause break or the sentence end,
    for patterns whose trigger leaves no doubt ("according to a new national poll"); ``i``
    when there is none within ``according_max_source`` words or the phrase does not start
    like one."""
    words = seg.words
    if i >= end or not (words[i][:1].isalnum()):
        return i
    j = i
    while j < end and not seg.quote_depth[j]:
        w = words[j]
        if w in profile.clause_breaks or w in (".", "!", "?"):
            break
        j += 1
    if j - i > limits(seg).according_max_source or (j < end and seg.quote_depth[j]):
        return i
    if j < end and words[j] == "(":
        # a short label in parentheses belongs to the phrase: "… Schools (AROS)"
        close = next((k for k in range(j + 1, min(end, j + 5)) if words[k] == ")"), None)
        if close is not None:
            j = close + 1
    return j


def _source_backward(seg: Segmented, profile: LangProfile, i: int, start: int) -> int:
    """Start of a noun phrase ending just before ``i`` ("Berichten zufolge", "Angaben der
    Polizei zufolge")."""
    words = seg.words
    attribute = profile.noun_phrase.attribute_prepositions
    max_source = limits(seg).according_max_source
    j = i
    while j > start and i - j < max_source and not seg.quote_depth[j - 1]:
        w = words[j - 1]
        if w in profile.clause_breaks or not w[:1].isalnum():
            break
        if not (w[:1].isupper() or w.lower() in profile.determiners or w.lower() in attribute):
            break
        j -= 1
    while j < i and words[j].lower() in attribute:
        j += 1
    return j


def _clause_final_cue(seg: Segmented, profile: LangProfile, k: int, b: int) -> int:
    """The token of a cue verb that ends the clause starting at ``k`` within a few tokens
    ("am Montag mitteilte,"), or ``b`` when there is none."""
    words = seg.words
    max_adverbials = limits(seg).according_max_adverbials
    j = k
    while j < b and j - k <= max_adverbials:
        w = words[j]
        if seg.quote_depth[j] or w in profile.clause_breaks or not w[:1].isalnum():
            break
        if w.lower() in profile.complementizers:
            return b
        j += 1
    closed = j == b or seg.quote_depth[j] or words[j] in profile.clause_breaks
    closed = closed or not words[j][:1].isalnum()
    last = words[j - 1]
    if closed and j - 1 > k and last[:1].islower() and profile.cue(last.lower()) is not None:
        return j - 1
    if closed and j - 2 >= k and last[:1].islower() and _split_cue(profile, words, j - 2):
        return j - 2  # written apart: "wie der Verband am Montag bekannt gab"
    return b


def _split_cue(profile: LangProfile, words: list[str], k: int) -> bool:
    """A verb-final cue written as two words whose joined form is a cue ("bekannt gab")."""
    return k + 1 < len(words) and profile.cue((words[k] + words[k + 1]).lower()) is not None


def _apposition_before_cue(seg: Segmented, profile: LangProfile, e: int, b: int) -> int:
    """The end of an apposition between commas after a verb-final source, when the cue
    closes the clause right after it ("wie Karl Huber[, Chef des Verbands,] mitteilte"):
    the index of the second comma, else ``e``."""
    words = seg.words
    if e >= b or words[e] != ",":
        return e
    c2 = next((i for i in range(e + 2, min(b, e + 12)) if words[i] == ","), None)
    if c2 is None or noun_phrase_end(seg, profile, e + 1, c2) != c2:
        return e
    k = c2 + 1
    if k < b and (profile.cue(words[k].lower()) is not None or _split_cue(profile, words, k)):
        return c2
    return c2 if _clause_final_cue(seg, profile, k, b) < b else e


def _genitive_adjective(seg: Segmented, profile: LangProfile, k: int, b: int) -> bool:
    """A determinerless genitive plural: "nach Meinung [politischer Beobachter]"."""
    w = seg.words[k]
    return (
        w[:1].islower()
        and w.endswith(profile.noun_phrase.genitive_adjective_endings)
        and k + 1 < b
        and seg.words[k + 1][:1].isupper()
        and not seg.quote_depth[k + 1]
    )


def _word(el: PatternElement, seg: Segmented, k: int) -> bool:
    return 0 <= k < len(seg.words) and el.matches_word(seg.words[k].lower())


def _forward_cue(
    seg: Segmented, profile: LangProfile, pat: AccordingPattern, k: int, b: int
) -> list[int] | None:
    """The cue tokens of a cue element at ``k`` (after the source), or None."""
    if k < b and pat.verb_final and profile.cue(seg.words[k].lower()) is None:
        # a verb-final cue closes its clause after adverbials: "wie ein Sprecher [am Montag
        # in Berlin] mitteilte"
        k = _clause_final_cue(seg, profile, k, b)
    if k < b and pat.verb_final and _split_cue(profile, seg.words, k):
        return [k, k + 1]  # "bekannt gab"
    if k >= b or profile.cue(seg.words[k].lower()) is None:
        # verb-final cue after the source: "wie ein Sprecher mitteilte"
        return None
    return [k]


def match_at(
    seg: Segmented, profile: LangProfile, pat: AccordingPattern, i: int, a: int, b: int
) -> Match | None:
    """Match ``pat`` with its anchor at token ``i`` inside sentence tokens ``[a, b)``."""
    els = pat.elements
    cue: list[int] = [i]
    source: list[int] = []
    # forward from the anchor
    k = i + 1
    rest = els[pat.anchor + 1 :]
    for n, el in enumerate(rest):
        if el.kind == "mods":
            # lowercase modifiers up to the next element's word ("nach [ersten] Angaben",
            # "nach [bisher unbestätigten] Berichten"); they belong to the source phrase
            nxt = rest[n + 1] if n + 1 < len(rest) else None
            m = 0
            max_mods = limits(seg).according_max_mods
            while k < b and m < max_mods and not seg.quote_depth[k]:
                w = seg.words[k]
                low = w.lower()
                if nxt is not None and nxt.matches_word(low):
                    break
                if not (w[:1].islower() and w.isalpha()) or profile.cue(low) is not None:
                    break
                (source if pat.source == "slot" else cue).append(k)
                k += 1
                m += 1
        elif el.kind == "source":
            s0 = k
            if n > 0 and rest[n - 1].kind == "word" and k < b and seg.words[k - 1][:1].isupper():
                # after a noun (capitalised: German) the source is an attribute: "nach
                # Angaben [von Beobachtern]", "[der Polizei]", "[Merkels]", never a verb
                # ("nach Angaben brannte …"); "according to [officials]" is no such case
                low = seg.words[k].lower()
                if low in profile.noun_phrase.attribute_prepositions:
                    k += 1
                elif low in profile.object_determiners or not (
                    seg.words[k][:1].isupper()
                    or low in profile.determiners
                    or _genitive_adjective(seg, profile, k, b)
                ):
                    return None  # "nach ersten Untersuchungen [dem Hochwasser]" is an object
            e = noun_phrase_end(seg, profile, k, b)
            if pat.source_to_break and n == len(rest) - 1:
                e = max(e, _phrase_to_break(seg, profile, k, b))
            if e == k:
                return None
            if pat.verb_final:
                c2 = _apposition_before_cue(seg, profile, e, b)
                if c2 > e:
                    source.extend(range(s0, c2))
                    k = c2 + 1
                    continue
            source.extend(range(s0, e))
            k = e
        elif el.kind == "cue":
            got = _forward_cue(seg, profile, pat, k, b)
            if got is None:
                return None
            cue.extend(got)
            k = got[-1] + 1
        elif _word(el, seg, k) and k < b:
            if el.kind == "word":
                # a noun of the construction belongs to the source ("nach [Angaben der
                # Polizei]"), function words to the cue ("[according to] officials")
                noun = pat.source == "slot" and seg.words[k][:1].isupper()
                (source if noun else cue).append(k)
            k += 1
        else:
            return None
    end = k
    # backward from the anchor
    k = i - 1
    for el in reversed(els[: pat.anchor]):
        if el.kind == "source":
            s = _source_backward(seg, profile, k + 1, a)
            if s == k + 1:
                return None
            source[:0] = range(s, k + 1)
            k = s - 1
        elif el.kind == "cue":
            if k < a or profile.cue(seg.words[k].lower()) is None:
                return None
            cue.insert(0, k)
            k -= 1
        elif k >= a and _word(el, seg, k):
            k -= 1
        else:
            return None
    start = k + 1
    if pat.source_kinds and source:
        kinds = {profile.actor_kind_hint(seg.words[t]) for t in source}
        if not kinds & set(pat.source_kinds):
            return None
    return Match(pat, start, end, tuple(sorted(cue)), tuple(source))


def find(seg: Segmented, profile: LangProfile, s: int, min_confidence: float) -> list[Match]:
    """Non-overlapping according-to matches outside quotations in sentence ``s``
    (memoised per document: the rules and the evidence layer ask for the same)."""
    key = ("according", profile.lang, s, min_confidence)
    got: list[Match] | None = seg.memo.get(key)
    if got is None:
        got = _find(seg, profile, s, min_confidence)
        seg.memo[key] = got
    return list(got)


def _find(seg: Segmented, profile: LangProfile, s: int, min_confidence: float) -> list[Match]:
    a, b = seg.sentences[s]
    out: list[Match] = []
    triggers = profile.according_to_triggers  # a cheap first test: few words are triggers
    lows = seg.lows
    if triggers.keys().isdisjoint(lows[a:b]):
        return out
    last_end = a
    depth = seg.quote_depth
    for i in range(a, b):
        if i < last_end or depth[i] or lows[i] not in triggers:
            continue
        best: Match | None = None
        for pat in profile.according_to_at(lows[i]):
            if pat.confidence < min_confidence:
                continue
            m = match_at(seg, profile, pat, i, a, b)
            if m is not None and (best is None or m.end - m.start > best.end - best.start):
                best = m
        if best is not None:
            out.append(best)
            last_end = best.end
    return out
