"""Confirmation markers: sentences that say a report was (not) confirmed or was denied.

The disputes module links a denial or a confirmation to the account it names ("wies den
Bericht zurück"); this module reads what that leaves: the grammar of (non-)confirmation
around a word of verifying, with its complements, wherever it stands in the clause —

- ``unconfirmed``: a verb of verifying with a negation in its clause ("Das Ministerium
  konnte das Treffen zunächst nicht bestätigen", "could not be independently verified",
  "wollte das weder bestätigen noch dementieren"), or refused ("declined to confirm"); a
  noun of verifying or proof under a negation ("Eine Bestätigung des Treffens durch das
  Ministerium gab es zunächst nicht", "keine Belege", "without offering any evidence");
- ``denied``: an account called false ("Die Berichte sind frei erfunden", "wies die
  Berichte als falsch zurück", "called the report false") or a denial verb with a word
  pointing back at it ("has denied this", "dementierte das");
- ``confirmed``: a confirming verb, not negated, with a word pointing back ("Das
  Ministerium bestätigte den Bericht", "confirmed the report");
- the author's own distancing from a named source ("anders als vom Ministerium
  behauptet", "contrary to the ministry's claims"): that source's statements are
  ``denied`` by the article itself.

What a marker is about: the statements of its own sentence that do not hold it (for
"…, was sich nicht unabhängig überprüfen ließ"), else — only when the marker's sentence
refers back, with an anaphor, an account noun or a complement that shares a word with the
report ("des Treffens" after "… habe sich mit X getroffen"), or is a short remark of its
own ("Eine Bestätigung gab es nicht.") — the nearest earlier statement in the passage and
the statements continuing its source's account before it. A marker with no report before
it is recorded on nothing. Words come from ``reporting.json``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from sayso.evidence import author_distancing, proof_markers, unreachable
from sayso.evidence.chains import paragraph_index, sentences_of, tokens_of
from sayso.lang import LangProfile
from sayso.lang.reporting import FramingWords, framing_words
from sayso.model import Actor, ActorKind, Confirmation, Span, Statement
from sayso.text.segment import Segmented

DENIAL_VERB = "framing.confirmation.denied.verb.v1"
COMMENT_RULE = "framing.confirmation.unconfirmed.comment.v1"
ADJECTIVE_RULE = "framing.confirmation.unconfirmed.adjective.v1"
#: actor kinds whose statements are reports of something heard or found elsewhere
REPORTERS = frozenset(
    (ActorKind.OUTLET, ActorKind.ANONYMOUS, ActorKind.UNKNOWN, ActorKind.DOCUMENT)
)
#: a remark of its own ("Eine Bestätigung gab es zunächst nicht.") has at most this many tokens
SHORT_REMARK = 12
#: how many sentences back a referring marker looks for its report
LOOKBACK = 4
#: a refused comment's negation stands at most this many words after its verb
COMMENT_REACH = 3
#: at most this many statements of one account take one marker
MAX_TARGETS = 6


@dataclass(frozen=True, slots=True)
class Marker:
    """One confirmation marker: its value, words, rule and how sure the rule is."""

    value: Confirmation
    start: int  # first token
    end: int  # one past the last token
    rule: str
    confidence: float
    same_sentence: bool = True  # may apply to the other statements of its own sentence
    circumstantial: bool = False  # "without offering evidence": about its own statement


def _clause(seg: Segmented, profile: LangProfile, a: int, b: int, i: int) -> tuple[int, int]:
    """The clause of token ``i`` inside ``[a, b)``: between clause breaks."""
    breaks = profile.clause_breaks
    lo = i
    while lo > a and seg.words[lo - 1] not in breaks:
        lo -= 1
    hi = i + 1
    while hi < b and seg.words[hi] not in breaks:
        hi += 1
    return lo, hi


def _negated(seg: Segmented, fw: FramingWords, lo: int, hi: int) -> int | None:
    """The first negation in ``[lo, hi)`` (not "nicht nur", "not only"), or None."""
    for j in range(lo, hi):
        if seg.lows[j] in fw.negations and not (
            j + 1 < hi and seg.lows[j + 1] in fw.restrictive_particles
        ):
            return j
    return None


def _verify_verb(seg: Segmented, fw: FramingWords, i: int) -> bool:
    """A verb of verifying: lowercase, or a participle opening its sentence ("Bestätigt
    ist das nicht"), not a noun ("Bestätigung")."""
    low = seg.lows[i]
    if low[:3] not in fw.stem_heads or not low.startswith(fw.verify_stems):
        return False
    if low == seg.words[i]:
        return True
    opens = seg.sentences[seg.sentence_of[i]][0] == i
    # "Bestätigt ist das nicht", "Überprüfen ließen sich die Angaben nicht",
    # "Überprüfbar waren sie nicht"
    return opens and low not in fw.verify_nouns and low.endswith(fw.verify_opener_endings)


def _noun_negation(
    seg: Segmented, profile: LangProfile, fw: FramingWords, lo: int, hi: int, i: int
) -> int | None:
    """The negation governing the noun at ``i``: a negative determiner or "without" a few
    words before it ("keine offizielle Bestätigung", "without offering any evidence"), or
    the "nicht" of an existential clause around it ("Eine Bestätigung des Treffens gab es
    zunächst nicht")."""
    for j in range(i - 1, max(lo, i - 4) - 1, -1):
        if seg.lows[j] in fw.negative_determiners:
            return j
        if seg.words[j] in profile.clause_breaks:
            break
    for j in range(i + 1, hi):
        if seg.lows[j] in fw.refusals:
            return j  # "Eine Überprüfung war unmöglich"
        if seg.lows[j] in fw.possible:
            got = _negated(seg, fw, i + 1, j)
            if got is not None:
                return got  # "Eine unabhängige Überprüfung war nicht möglich"
    exists = any(profile.evidence.match(fw.existential, seg.words, j) for j in range(lo, hi))
    if exists:
        return _negated(seg, fw, i + 1, hi)
    if proof_markers.is_proof(seg, profile.lang, i, i + 1):
        # "did not provide any evidence", "Beweise legte er nicht vor": the negated
        # clause around a noun of proof
        return _negated(seg, fw, lo, hi)
    return None


def _unconfirmed_at(
    seg: Segmented, profile: LangProfile, fw: FramingWords, a: int, b: int, i: int
) -> Marker | None:
    """A non-confirmation around the verb or noun of verifying at token ``i``."""
    verb = _verify_verb(seg, fw, i)
    lo, hi = _clause(seg, profile, a, b, i)
    if any(seg.lows[j] in fw.conditions for j in range(lo, hi)):
        return None  # "wenn sich das bestätigt": a condition, not a report of it
    if verb:
        k = _negated(seg, fw, lo, hi)
        if k is None:
            k = next((j for j in range(lo, i) if seg.lows[j] in fw.refusals), None)
    else:
        k = _noun_negation(seg, profile, fw, lo, hi, i)
    if k is None:
        k = proof_markers.pending_at(seg, profile.lang, lo, hi)  # "steht noch aus"
    if k is None:
        return None
    kind = "verb" if verb else "noun"
    # ", without offering any evidence", ", was sich nicht überprüfen ließ": a remark
    # about the statement it is attached to
    circ = seg.lows[lo] in fw.circumstantial
    if (
        not verb
        and not circ
        and proof_markers.is_proof(seg, profile.lang, i, i + 1)
        and not proof_markers.given(seg, profile.lang, lo, hi)
    ):
        return None  # "there is no evidence that …": a finding, not a claimant without proof
    rule = f"framing.confirmation.unconfirmed.{kind}.v1"
    return Marker(Confirmation.UNCONFIRMED, min(k, i), max(k, i) + 1, rule, 0.85, True, circ)


def find(seg: Segmented, profile: LangProfile, a: int, b: int) -> list[Marker]:
    """The confirmation markers of sentence tokens ``[a, b)`` (outside quotations)."""
    fw = framing_words(profile.lang)
    if not fw.verify_stems:
        return []
    lows = seg.lows
    out: list[Marker] = []
    seen: set[int] = set()
    for i in range(a, b):
        low = lows[i]
        if (low not in fw.triggers and low[:3] not in fw.stem_heads) or seg.quote_depth[i]:
            continue  # most words start no marker
        if i in seen:
            continue
        if low[:3] in fw.stem_heads and low.startswith(fw.unverified):
            # "unbestätigten Berichten zufolge", "unverified claims": this sentence's report
            rule = ADJECTIVE_RULE
            out.append(Marker(Confirmation.UNCONFIRMED, i, i + 1, rule, 0.9))
            continue
        if (
            low in fw.uncertain
            and not fw.truth_questions.isdisjoint(lows[a:b])
            and _about_truth(seg, profile, fw, a, b)
            and _negated(seg, fw, *_clause(seg, profile, a, b, i)) is None
        ):
            # "Ob das stimmt, war zunächst unklar", "it was unclear whether the claim …"
            rule = "framing.confirmation.unconfirmed.unclear.v1"
            out.append(Marker(Confirmation.UNCONFIRMED, i, i + 1, rule, 0.7, False))
            continue
        if low in fw.unreachable:
            lo, hi = _clause(seg, profile, a, b, i)
            if unreachable.find(seg, fw, lo, hi, i):
                # "X war für eine Stellungnahme nicht erreichbar": the report about X
                out.append(
                    Marker(Confirmation.UNCONFIRMED, lo, i + 1, unreachable.RULE, 0.7, False)
                )
                continue
        if low in fw.comment_verbs and (i == 0 or lows[i - 1] not in profile.determiners):
            lo, hi = _clause(seg, profile, a, b, i)
            # not a negation of a clause above it: "it is not clear whether he can comment"
            lo = max([lo, *(j + 1 for j in range(lo, i) if lows[j] in profile.complementizers)])
            # the negation of the comment itself: before the verb or right after it
            # ("äußerte sich nicht dazu"), not in a clause it introduces ("responded …
            # saying that … was not the case")
            k = _negated(seg, fw, lo, min(hi, i + COMMENT_REACH + 1))
            if k is None:
                k = next((j for j in range(lo, i) if lows[j] in fw.refusals), None)
            if k is not None:
                # "wollte sich dazu nicht äußern", "declined to comment on the report": only
                # with a word naming what was asked about (never a remark of its own)
                rule = COMMENT_RULE
                out.append(
                    Marker(Confirmation.UNCONFIRMED, min(k, i), max(k, i) + 1, rule, 0.6, False)
                )
                continue
        verb = _verify_verb(seg, fw, i)
        if verb or (low in fw.verify_nouns and (profile.lang != "de" or low != seg.words[i])):
            m = _unconfirmed_at(seg, profile, fw, a, b, i)
            if m is not None:
                out.append(m)
                seen.update(range(m.start, m.end))
                continue
            if verb and low in fw.confirm_forms:
                rule = "framing.confirmation.confirmed.verb.v1"
                out.append(Marker(Confirmation.CONFIRMED, i, i + 1, rule, 0.8, False))
                continue
        if (
            low in fw.denial_forms
            and low == seg.words[i]
            and (i == 0 or lows[i - 1] not in profile.determiners)  # "many disputes"
        ):
            lo, hi = _clause(seg, profile, a, b, i)
            # its own negation ("nicht dementieren", "dementierte das nicht"), not one of
            # a clause joined to it ("denied the reports and no bid materialized")
            k = _negated(seg, fw, lo, min(hi, i + 3))
            if k is None:
                k = next((j for j in range(lo, i) if lows[j] in fw.refusals), None)
                if k is None:
                    out.append(Marker(Confirmation.DENIED, i, i + 1, DENIAL_VERB, 0.8, False))
                    continue
            # "wollte das nicht dementieren", "declined to deny the report": not denied,
            # and not confirmed either (guidelines §12)
            rule = "framing.confirmation.unconfirmed.not_denied.v1"
            out.append(Marker(Confirmation.UNCONFIRMED, min(k, i), max(k, i) + 1, rule, 0.7, False))
            continue
        ph = profile.evidence.match(fw.false_words, seg.words, i) if low in fw.false_first else None
        if ph is not None and _negated(seg, fw, _clause(seg, profile, a, b, i)[0], i) is None:
            rule = "framing.confirmation.denied.false.v1"
            out.append(Marker(Confirmation.DENIED, i, i + len(ph), rule, 0.85, False))
            seen.update(range(i, i + len(ph)))
    return out


def _reference(
    seg: Segmented, profile: LangProfile, fw: FramingWords, a: int, b: int, m: Marker
) -> str | None:
    """How the marker's clause points back at an earlier report: "anaphor" ("bestätigte
    das nicht"), the kind of an account noun in it ("report" for "die Berichte",
    "accusation" for "die Vorwürfe"), "remark" for a short sentence of its own about an
    unconfirmed report ("Eine Bestätigung gab es nicht."), or None."""
    lo, hi = _clause(seg, profile, a, b, m.start)
    hi = max(hi, _clause(seg, profile, a, b, m.end - 1)[1])
    if m.rule.endswith(".unclear.v1"):
        lo, hi = a, b  # "Ob das stimmt, war unklar": the question is its own clause
    accounts = profile.evidence.account_nouns
    for j in range(lo, hi):
        if seg.lows[j] in accounts and seg.words[j][:1].isalpha() and not _own_piece(seg, fw, j):
            return accounts[seg.lows[j]]
    if m.rule == COMMENT_RULE:
        # "äußerte sich nicht dazu", "would not comment on it": the object of the comment,
        # not any pronoun of the clause ("questions about how much leave it offers")
        lo, hi = m.end, min(hi, m.end + COMMENT_REACH)
    if any(_anaphor(seg, profile, fw, j, hi) for j in range(lo, hi)):
        return "anaphor"
    if (
        m.value is Confirmation.UNCONFIRMED
        and b - a <= SHORT_REMARK
        and m.same_sentence
        and not _object_after(seg, profile, m.end, hi)
    ):
        return "remark"
    return None


def _object_after(seg: Segmented, profile: LangProfile, j: int, hi: int) -> bool:
    """Does a content word follow the marker in its clause ("declined to confirm *the
    buys*")? Then the marker names what it is about and is no remark of its own."""
    fw = profile.evidence.function_words
    said = framing_words(profile.lang)
    return any(
        seg.words[k][:1].isalnum()
        and len(seg.lows[k]) > 3
        and seg.lows[k] not in fw
        and seg.lows[k] not in said.possible  # "war nicht möglich"
        for k in range(j, hi)
    )


def _that_clause(seg: Segmented, profile: LangProfile, m: Marker, hi: int) -> bool:
    """Does a content clause follow the marker ("no evidence *that* the document was
    sent", "keine Belege dafür, *dass* …")? It spells out what was not confirmed."""
    return any(seg.lows[k] in profile.complementizers for k in range(m.end, min(hi, m.end + 3)))


def _about_truth(seg: Segmented, profile: LangProfile, fw: FramingWords, a: int, b: int) -> bool:
    """Does the sentence ask about the truth of an account: a word of truth ("Ob das
    stimmt", "whether the claim is true") or an account noun ("ob die Berichte …")? Not
    an open question about the future ("unclear whether voters will follow")."""
    lows = seg.lows[a:b]
    return not fw.truth_words.isdisjoint(lows) or any(
        w in profile.evidence.account_nouns for w in lows
    )


def _own_piece(seg: Segmented, fw: FramingWords, j: int) -> bool:
    """Is account noun ``j`` the purpose of a request ("declined to comment *for this
    story*", "für diesen Artikel"): the asking outlet's own piece, not a report?"""
    return any(seg.lows[k] in fw.request_purposes for k in range(max(0, j - 3), j))


def _named_here(
    seg: Segmented,
    profile: LangProfile,
    fw: FramingWords,
    m: Marker,
    a: int,
    b: int,
    here: Sequence[Statement],
) -> list[Statement]:
    """The statements of the marker's sentence whose cue is an account noun of the
    marker's clause ("declined to comment on *reports* that the dean had been fired",
    "Berichte, wonach …, wollte er nicht kommentieren"): the marker is about them."""
    lo, hi = _clause(seg, profile, a, b, m.start)
    accounts = profile.evidence.account_nouns
    nouns = {j for j in range(lo, hi) if seg.lows[j] in accounts and not _own_piece(seg, fw, j)}
    if not nouns:
        return []
    # also when the tagger merged the refusal into the reports' frame ("declined to
    # comment on reports" as one cue): its content is still the reports' content
    # (not a statement whose content holds the marker: "Die Angaben waren nicht zu
    # überprüfen" taken for a statement with the cue "Angaben")
    marker = set(range(m.start, m.end))
    return [
        s for s in here if nouns & tokens_of(seg, s.cue) and not marker & tokens_of(seg, s.content)
    ]


def _anaphor(seg: Segmented, profile: LangProfile, fw: FramingWords, j: int, hi: int) -> bool:
    """Is token ``j`` a pronoun pointing back ("bestätigte das nicht", "denied this")? A
    word that is also an article counts only when no noun follows ("das Ministerium")."""
    if seg.lows[j] not in fw.anaphors or (j > 0 and seg.words[j - 1] == ","):
        return False  # ", das die Technologie erfunden hat": a relative pronoun
    if seg.lows[j] not in profile.determiners:
        return True
    nxt = seg.words[j + 1] if j + 1 < hi else "."
    if nxt.lower() in profile.determiners:
        return False
    return not (
        nxt[:1].isupper()
        or (profile.lang == "en" and nxt[:1].isalpha() and nxt.lower() not in fw.anaphor_verbs)
    )


def _complement_words(seg: Segmented, profile: LangProfile, m: Marker, a: int, b: int) -> set[str]:
    """The content words of the marker's clause (the complements of "Bestätigung des
    Treffens durch das Ministerium"), for matching the report they are about."""
    lo, hi = _clause(seg, profile, a, b, m.start)
    fw = profile.evidence.function_words
    return {
        seg.lows[j][:6]
        for j in range(lo, hi)
        if not (m.start <= j < m.end)
        and len(seg.lows[j]) > 3
        and seg.lows[j] not in fw
        and seg.words[j][:1].isalnum()
    }


def targets(
    seg: Segmented,
    profile: LangProfile,
    statements: Sequence[Statement],
    actors: Sequence[Actor] = (),
) -> dict[str, tuple[Marker, Span]]:
    """statement id -> (the marker about it, the marker's words)."""
    fw = framing_words(profile.lang)
    if not fw.verify_stems or not statements:
        return {}
    in_sentence: dict[int, list[Statement]] = {}
    first_of: dict[str, int] = {}
    for s in statements:
        sents = sentences_of(seg, s)
        for k in sents:
            in_sentence.setdefault(k, []).append(s)
        if sents:
            first_of[s.id] = sents[0]
    para = paragraph_index(seg)
    reporters = {x.id for x in actors if x.kind in REPORTERS}
    reports = {
        s.id for s in statements if s.framing.hearsay or (s.chain and s.chain[0] in reporters)
    }
    out: dict[str, tuple[Marker, Span]] = {}
    order = {s.id: i for i, s in enumerate(statements)}
    for k, (a, b) in enumerate(seg.sentences):
        here = in_sentence.get(k, [])
        for m in find(seg, profile, a, b):
            span = seg.token_span(m.start, m.end)
            got = _about(
                seg,
                profile,
                fw,
                m,
                k,
                here,
                in_sentence,
                first_of,
                para,
                reports,
                statements,
                order,
            )
            for s in got:
                out.setdefault(s.id, (m, span))
    for sid, (start, end) in author_distancing.denied(seg, profile, fw, statements, actors).items():
        m = Marker(Confirmation.DENIED, start, end, author_distancing.RULE, 0.8)
        out.setdefault(sid, (m, seg.token_span(start, end)))
    return out


def _holds(seg: Segmented, s: Statement, m: Marker) -> bool:
    """Is the marker part of the statement's content or cue (its own words, not a remark
    in its frame such as "…, was sich nicht überprüfen ließ")?"""
    toks = tokens_of(seg, s.content) | tokens_of(seg, s.cue)
    return any(j in toks for j in range(m.start, m.end))


def _refusers(
    seg: Segmented,
    profile: LangProfile,
    holder: Sequence[Statement],
    m: Marker,
    a: int,
    b: int,
) -> tuple[set[str], set[str]]:
    """Who says the marker (actors) and the names before it: the statements they made
    are not the ones it is about."""
    # who says the marker: a statement whose cue or frame holds it, or with a cue of its
    # own; a cue-less continuation holding it is the author's remark taken for speech
    # (named in this sentence: an agentless "The report could not be confirmed" inherits
    # the speaker of the report it is about)
    speakers = {
        s.actor
        for s in holder
        if s.actor and s.cue and any(a <= j < b for j in tokens_of(seg, s.speaker))
    }
    # "He offered no evidence for it": a claimant without proof leaves his own claim
    # unconfirmed (no refuser to exclude)
    proof = proof_markers.is_proof(seg, profile.lang, m.start, m.end)
    if proof:
        speakers = set()
    # the one who confirms, denies or declines is not the one confirmed: "Brega äußerte
    # sich nicht dazu" is not about Brega's own words (the names before the marker)
    lo = _clause(seg, profile, a, b, m.start)[0]
    # (not an account noun or article: "Die Angaben ließen sich nicht überprüfen")
    refuser = {
        seg.lows[j]
        for j in range(lo, m.start)
        if seg.words[j][:1].isupper()
        and seg.lows[j] not in profile.evidence.account_nouns
        and seg.lows[j] not in profile.determiners
        and not proof
    }
    return speakers, refuser


def _introduced(seg: Segmented, m: Marker, here: Sequence[Statement]) -> list[Statement]:
    """What an adjective marker is about ("Unbestätigten Berichten zufolge …", "unverified
    claims that …"): the statements its noun introduces, not others of the sentence
    ("told the unsubstantiated tale of …" in a sentence about something else)."""
    noun = set(range(m.end, m.end + 3))
    return [
        s
        for s in here
        if noun & (tokens_of(seg, s.cue) | tokens_of(seg, s.speaker) | tokens_of(seg, s.frame))
        or min(tokens_of(seg, s.content), default=-1) in range(m.end, m.end + 5)
    ]


def _about(
    seg: Segmented,
    profile: LangProfile,
    fw: FramingWords,
    m: Marker,
    k: int,
    here: Sequence[Statement],
    in_sentence: Mapping[int, list[Statement]],
    first_of: Mapping[str, int],
    para: Sequence[int],
    reports: AbstractSet[str],
    statements: Sequence[Statement],
    order: Mapping[str, int],
) -> list[Statement]:
    """The statements marker ``m`` of sentence ``k`` is about (see the module docstring)."""
    a, b = seg.sentences[k]
    holder = [s for s in here if _holds(seg, s, m)]
    if m.circumstantial:
        # "…, without offering any evidence": the statement it stands in or follows
        return holder or list(here)
    named = _named_here(seg, profile, fw, m, a, b, here)
    if named:
        return named
    if m.rule == unreachable.RULE:
        return unreachable.about(seg, profile, m.start, m.end - 1, k, statements, order, reports)
    if m.rule == ADJECTIVE_RULE:
        return _introduced(seg, m, here)
    if m.same_sentence:
        # "…, was sich nicht unabhängig überprüfen ließ": the sentence's other statements
        own = [s for s in here if s not in holder]
        if own:
            return own
    ref = _reference(seg, profile, fw, a, b, m)
    if (
        ref is None
        or (m.value is not Confirmation.UNCONFIRMED and m.start == m.end - 1 and ref != "anaphor")
        or (m.value is Confirmation.UNCONFIRMED and ref == "accusation")
    ):
        # a denial naming an account ("wies die Vorwürfe zurück") is a dispute, linked by
        # the disputes module to the account it names
        return []
    speakers, refuser = _refusers(seg, profile, holder, m, a, b)
    earlier = [
        s
        for p in range(k - 1, max(-1, k - 1 - LOOKBACK), -1)
        if para[p] == para[k] or p == k - 1
        for s in reversed(in_sentence.get(p, []))
        if first_of.get(s.id) == p
        and (s.actor is None or s.actor not in speakers)
        and not refuser
        & {seg.lows[j] for j in tokens_of(seg, s.speaker) if seg.words[j][:1].isupper()}
    ]
    if not earlier:
        return []
    # a complement naming what was (not) confirmed picks its report: "Bestätigung des
    # Treffens" after "… habe sich mit X getroffen"
    words = _complement_words(seg, profile, m, a, b)
    anchor = next(
        (s for s in earlier if words & {seg.lows[j][:6] for j in tokens_of(seg, s.content)}),
        None,
    )
    # "no evidence that Mills intervened", "äußerte sich nicht dazu, ob …": a claim or
    # question spelled out that no statement before shares words with
    reach = b if m.rule == COMMENT_RULE else _clause(seg, profile, a, b, m.end - 1)[1]
    if (
        anchor is None
        and m.value is Confirmation.UNCONFIRMED
        and _that_clause(seg, profile, m, reach)
    ):
        return []
    if anchor is None and ref in ("report", "accusation", "remark"):
        # "Die Berichte sind frei erfunden", "Eine Bestätigung gab es nicht.": the latest
        # report (hearsay, an outlet's, an anonymous source's), not the latest statement
        anchor = next((s for s in earlier if s.id in reports), None)
    if anchor is None and ref == "remark":
        # a remark without a report before it: only the sentence right before
        anchor = next((s for s in earlier if first_of.get(s.id) == k - 1), None)
        if anchor is None:
            return []
    anchor = anchor or earlier[0]
    # the anchor and the statements before it that continue the same account
    picked = [anchor]
    at = order[anchor.id]
    for s in reversed(statements[max(0, at - 4 * MAX_TARGETS) : at]):
        if s.parent is not None:
            continue  # a nested quotation goes with its parent
        if s.chain[:1] != anchor.chain[:1] or len(picked) >= MAX_TARGETS:
            break
        if ref == "anaphor" and first_of.get(s.id) != first_of.get(anchor.id):
            break  # "Dies bestätigte X": the sentence before, not the whole account
        picked.append(s)
    return picked
