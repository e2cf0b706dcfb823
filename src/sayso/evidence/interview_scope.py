"""Interview scope: every statement a speaker gave in an interview keeps the outlet.

"Rubio sagte dem Sender CNN, …" gives that statement the chain CNN → Rubio; the
guidelines (section 3, rule 4) keep the outlet for the further statements of the same
interview, which the article often reports paragraphs later with a plain "sagte Rubio" or
a quotation of its own ("…, Sanders said."). :func:`carry` gives such a statement the
interview's outlet as its outer hop (``chain.interview_scope.v1``) when

- its chain is the speaker alone (no outer hop of its own, no relay, no document);
- the same actor has an interview statement (an outlet hop from ``sagte … der Zeitung``,
  ``im Interview mit``, ``told CNN``) before it — or, when the actor gave only one
  interview in the article, after it (the lead summing up the interview; not the
  headline), and no other known source speaks between the two — unless the speaker makes
  half the article's statements and gave the interview among its first five (an
  interview piece: the whole article is the interview; ``Settings.evidence_windows``);
- it is not an according-to statement ("Laut X …": the author citing a source);
- its frame (the sentence outside every content) names no other occasion or medium
  (``occasion_words`` in ``lang/<lang>/occasions.json``: a press release, a speech,
  Twitter, "earlier"; an outlet or outlet head word: "der Deutschen Presse-Agentur"), nor
  a date the interview's own sentence does not name ("Trump said in August"), nor an
  addressee of its own that the interview's sentence does not name ("told O'Reilly").

Languages may narrow it in ``occasions.json``: ``carry`` a list of outlets (English:
broadcasters), ``carry_paragraphs`` and ``carry_media`` the interview's passage
(:mod:`sayso.evidence.interview_passage`); an outlet followed by a document noun ("the
CNN/WMUR poll") is no interview.

Runs after :func:`sayso.evidence.chains.assemble`; adds hops, never removes one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from functools import cache

from sayso.evidence.chains import sentences_of, tokens_of
from sayso.evidence.interview_passage import statement_contents, within
from sayso.lang import LangProfile
from sayso.lang.loader import _read
from sayso.model import ActorKind, Evidence, Statement
from sayso.settings import DEFAULT, EvidenceSettings
from sayso.text.segment import Segmented

RULE = "chain.interview_scope.v1"
#: hop rules that name an outlet the speaker spoke to or in (an interview, a broadcast)
INTERVIEW_RULES = frozenset(
    ("chain.outlet_in_frame.v1", "chain.interview.v1", "chain.interview_prefield.v1")
)
#: statement rules of an according-to frame ("Laut X …"), which the interview does not cover
ACCORDING_PREFIX = "rule.according_to."
#: how sure the carried hop is (12 of 14 dev carries and the gnad sample in docs/evidence.md)
CONFIDENCE = 0.75


@cache
def occasion_words(lang: str) -> frozenset[str]:
    """Words naming another occasion than an interview (``occasions.json``)."""
    raw = _read(lang, "occasions.json", required=False)
    return frozenset(w.lower() for w in raw.get("occasion_words", ()))


@cache
def carries(lang: str) -> bool:
    """Does the interview's outlet carry to the speaker's other statements in this
    language (``carry`` in ``occasions.json``; off where samples of unseen text found it
    less than 85 % right)?"""
    return bool(_read(lang, "occasions.json", required=False).get("carry", True))


@cache
def carried_outlets(lang: str) -> frozenset[str]:
    """The outlets whose interviews carry when ``carry`` in ``occasions.json`` lists
    canonical outlet names (English: broadcasters, whose shows an article quotes at
    length; a print outlet told something is often the article's own); empty: all."""
    raw = _read(lang, "occasions.json", required=False).get("carry", True)
    return frozenset(raw) if isinstance(raw, list) else frozenset()


@cache
def interview_fillers(lang: str) -> frozenset[str]:
    """Words between an interview phrase and its outlet ("in an interview *broadcast
    Sunday on* CBS"; ``interview_fillers`` in ``occasions.json``)."""
    raw = _read(lang, "occasions.json", required=False)
    return frozenset(w.lower() for w in raw.get("interview_fillers", ()))


@cache
def day_words(lang: str) -> frozenset[str]:
    """Weekdays and relative days (``date_words`` in ``occasions.json``)."""
    raw = _read(lang, "occasions.json", required=False)
    return frozenset(w.lower() for w in raw.get("date_words", ()))


def dates_in(seg: Segmented, profile: LangProfile, toks: Iterable[int]) -> set[str]:
    """The date words among ``toks``: weekdays and relative days (``date_words``),
    capitalised month names, years."""
    days = day_words(profile.lang)
    out = set()
    for i in toks:
        low, word = seg.lows[i], seg.words[i]
        if low in days or (low in profile.months and word[:1].isupper()):
            out.add(low)
        elif len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"):
            out.add(word)
    return out


def _names(seg: Segmented, toks: Iterable[int]) -> set[str]:
    """The capitalised words among ``toks`` (the names of an addressee or a frame)."""
    return {seg.lows[i] for i in toks if seg.words[i][:1].isupper()}


def _frame(seg: Segmented, s: Statement) -> list[int]:
    """The tokens of the statement's sentences outside its content and every quotation."""
    content = tokens_of(seg, s.content)
    out = []
    for sent in sentences_of(seg, s):
        a, b = seg.sentences[sent]
        out += [i for i in range(a, b) if i not in content and not seg.quote_depth[i]]
    return out


def _interview_outlet(
    seg: Segmented, profile: LangProfile, s: Statement, kind_of: Mapping[str, ActorKind]
) -> str | None:
    """The outlet of an interview statement: chain outlet → speaker, the hop from an
    interview rule, the speaker named (not a pronoun, which may be someone else), the
    outlet not the owner of a document ("zu einem Bericht der Zeitung")."""
    if len(s.chain) != 2 or s.chain[-1] != s.actor or s.parent:
        return None
    if kind_of.get(s.chain[0]) != ActorKind.OUTLET:
        return None
    hop = next((e for e in s.evidence if e.rule in INTERVIEW_RULES), None)
    if hop is None:
        return None
    speaker = [i for i in sorted(tokens_of(seg, s.speaker)) if seg.words[i][:1].isalnum()]
    if not speaker or (len(speaker) == 1 and seg.lows[speaker[0]] in profile.pronouns):
        return None
    if hop.span is not None:
        toks = tokens_of(seg, (hop.span,))
        first, last = min(toks, default=None), max(toks, default=-1)
        if first is not None and any(
            profile.is_document_head(seg.words[j]) for j in range(max(0, first - 3), first)
        ):
            return None
        after = range(last + 1, min(len(seg.words), last + 4))
        if any(
            seg.words[j][:1].isalpha() and profile.is_document_head(seg.words[j]) for j in after
        ):
            return None  # "which conducted the CNN/WMUR poll": a poll, no interview
    return s.chain[0]


def _other_occasion(
    seg: Segmented,
    profile: LangProfile,
    s: Statement,
    words: frozenset[str],
    anchor_dates: AbstractSet[str],
    contents: AbstractSet[int] = frozenset(),
    carried: str = "",
) -> bool:
    """Does the statement's frame (its sentences outside every statement's content) name
    another occasion, a medium of its own ("auf Twitter", "der Deutschen Presse-Agentur";
    not the interview's own outlet, ``carried``) or a date the interview's sentence does
    not name ("said in August")?"""
    heads = profile.evidence.outlet_heads
    frame = [i for i in _frame(seg, s) if i not in contents]
    own: set[int] = set()  # the words of the interview's own outlet ("NBC News")
    for i in frame:
        low = seg.lows[i]
        if i not in own and (low in words or low in heads or low.replace("-", "") in heads):
            return True
        if not seg.words[i][:1].isupper():
            continue
        hit = profile.match_outlet(seg.words, i)
        name = hit[0] if hit else profile.outlets.get(profile.without_possessive(low))
        if name is not None and name != carried:
            return True  # "Tapper said on NBC's show": a medium of its own
        if name is not None:
            own.update(range(i, i + (hit[1] if hit else 1)))
    return not dates_in(seg, profile, frame) <= anchor_dates


def _in_headline(seg: Segmented, s: Statement) -> bool:
    """Is the statement in the first paragraph of a text with several (a headline, which
    names the speaker, not the interview)?"""
    return len(seg.paragraphs) > 1 and s.span().start < seg.paragraphs[0][1]


def _uninterrupted(
    statements: Sequence[Statement],
    lo: int,
    hi: int,
    actor: str,
    kind_of: Mapping[str, ActorKind],
) -> bool:
    """Does no other known source speak between statements ``lo`` and ``hi`` (nested
    quotations and statements of no known source aside)? Another voice in between ends
    the interview's passage."""
    return all(
        x.actor == actor or x.parent or kind_of.get(x.actor or "") is ActorKind.UNKNOWN
        for x in statements[lo + 1 : hi]
    )


def _main_sources(
    statements: Sequence[Statement],
    kind_of: Mapping[str, ActorKind],
    first_interview: Mapping[str, int],
    windows: EvidenceSettings,
) -> set[str]:
    """The actors who make at least ``interview_piece_percent`` per cent of the article's
    statements of a known source and gave their interview among its first
    ``interview_piece_anchor`` statements (an interview piece: the whole article is the
    interview; a campaign report quoting its candidate from many events is not)."""
    known = [
        s.actor
        for s in statements
        if s.actor and not s.parent and kind_of.get(s.actor) is not ActorKind.UNKNOWN
    ]
    return {
        a
        for a in set(known)
        if 100 * known.count(a) >= windows.interview_piece_percent * len(known)
        and first_interview.get(a, windows.interview_piece_anchor) < windows.interview_piece_anchor
    }


def carry(
    seg: Segmented,
    profile: LangProfile,
    statements: Sequence[Statement],
    kind_of: Mapping[str, ActorKind],
    windows: EvidenceSettings = DEFAULT.evidence_windows,
    name_of: Mapping[str, str] | None = None,
) -> list[Statement]:
    """The statements with the interview outlet carried to the same speaker's other
    statements (see the module docstring)."""
    # actor -> (index, outlet, statement id, the dates and names its frame names)
    interviews: dict[str, list[tuple[int, str, str, frozenset[str], frozenset[str]]]] = {}
    if not carries(profile.lang):
        return list(statements)
    only = carried_outlets(profile.lang)
    name_by_id = name_of or {}
    for k, s in enumerate(statements):
        outlet = _interview_outlet(seg, profile, s, kind_of)
        parts = {x.strip() for x in name_by_id.get(outlet or "", "").split("/")}
        if only and only.isdisjoint(parts):  # "NBC / MSNBC": either network
            continue  # English: broadcasters only (docs/evidence-framing.md, fourth round)
        if outlet is not None and s.actor is not None:
            frame = _frame(seg, s)
            dates = frozenset(dates_in(seg, profile, frame))
            names = frozenset(_names(seg, frame))
            interviews.setdefault(s.actor, []).append((k, outlet, s.id, dates, names))
    if not interviews:
        return list(statements)
    words = occasion_words(profile.lang)
    first = {a: min(x[0] for x in xs) for a, xs in interviews.items()}
    main = _main_sources(statements, kind_of, first, windows)
    out = list(statements)
    contents = statement_contents(seg, statements)
    for k, s in enumerate(statements):
        actor = s.actor
        if actor is None or actor not in interviews or s.chain != (actor,) or s.parent:
            continue
        if kind_of.get(actor) not in (ActorKind.PERSON, ActorKind.ORGANIZATION):
            continue
        if any(r.startswith(ACCORDING_PREFIX) for r in s.rules):
            continue  # "Laut Bergrettung …": the author cites a source, not an utterance
        seen = interviews[actor]
        before = [x for x in seen if x[0] < k]
        if before:
            at, outlet, sid, dates, names = before[-1]
        elif len({x[1] for x in seen}) == 1 and not _in_headline(seg, s):
            at, outlet, sid, dates, names = seen[0]
        else:
            continue
        addressee = _names(seg, tokens_of(seg, s.addressee))
        if addressee and not addressee & names:
            continue  # "Gingrich told O'Reilly": another conversation
        if actor not in main and not _uninterrupted(
            statements, min(at, k), max(at, k), actor, kind_of
        ):
            continue
        carried = name_by_id.get(outlet, "")
        if _other_occasion(seg, profile, s, words, dates, contents, carried):
            continue
        if not within(seg, profile, statements, at, k, carried, words, contents):
            continue  # English: beyond the interview's passage (interview_passage)
        ev = Evidence(RULE, None, None, f"the same speaker's interview ({sid})", CONFIDENCE)
        out[k] = replace(s, chain=(outlet, actor), evidence=(*s.evidence, ev))
    return out
