"""What a dispute points at, beyond a named owner (see :mod:`sayso.evidence.disputes`).

- **The official account**: "X widersprach der offiziellen Darstellung" disputes what the
  officials (a spokesman, the president, the ministry, the police: ``official_heads`` in
  ``lang/<lang>/evidence.json``) said earlier in the article — every such statement within
  reach, the latest first. When no official spoke before it, the dispute dangles.
- **A disputing predicate**: a content that calls an account noun unfounded ("die
  Vorwürfe seien haltlos", "the president's claims are unfounded") disputes that account
  like a denial verb would (``dispute_predicates``).
- **A denial of what was said about one**: a later statement whose speaker is named in an
  earlier content and that says its opposite ("The paper reported that the minister had
  seen the letter." / "The minister insisted he had never seen the letter.") contradicts
  it, with fewer shared words than two unrelated sources would need.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sayso.evidence.chains import noun_phrase, tokens_of
from sayso.evidence.compare import Gist
from sayso.lang import LangProfile
from sayso.lang.reporting import framing_words
from sayso.model import Actor, Span, Statement
from sayso.text.segment import Segmented

#: a disputing predicate stands at most this many tokens after its account noun
PREDICATE_REACH = 10


def is_official(profile: LangProfile, actor: Actor) -> bool:
    """Does the actor's name or role name an official (a word of ``official_heads``;
    German heads also inside compounds: "Regierungssprecher", "Polizeisprecherin")?"""
    text = " ".join((actor.name, actor.role or "", *actor.aliases)).lower()
    heads = profile.evidence.official_heads
    if profile.lang == "de":
        return any(h in text for h in heads)
    words = f" {text.replace(',', ' ')} "
    return any(f" {h} " in words for h in heads)


def official_account(
    seg: Segmented,
    profile: LangProfile,
    phrase: tuple[int, int] | None,
    before: Sequence[Statement],
    actors: Sequence[Actor],
) -> list[Statement]:
    """The statements that are "the official account" an account phrase names
    ("der offiziellen Darstellung", "the official version"): those of official speakers
    among ``before``, latest first; empty when the phrase does not say "official"
    (``phrase`` None: the owner already named an official)."""
    ev = profile.evidence
    if phrase is not None and not any(seg.lows[k] in ev.official_words for k in range(*phrase)):
        return []
    official = {a.id for a in actors if is_official(profile, a)}
    return [
        t
        for t in reversed(before)
        if (t.chain and t.chain[-1] in official) or (t.actor is not None and t.actor in official)
    ]


def modifier_owner(
    seg: Segmented,
    profile: LangProfile,
    phrase: tuple[int, int],
    before: Sequence[Statement],
    actors: Sequence[Actor],
) -> tuple[Statement, str] | None:
    """The latest statement of the source a modifier of the account noun names ("the
    police account", "the White House version"): a word before the noun, not an article,
    that is the last word of the name of an actor who spoke before; None otherwise."""
    noun = phrase[1] - 1
    mods: set[str] = set()
    opened = False  # the modifiers stand between an article and the noun
    for k in range(noun - 1, max(-1, noun - 4), -1):
        if seg.lows[k] in profile.determiners:
            opened = True
            break
        if not seg.words[k][:1].isalpha():
            break
        mods.add(seg.lows[k])
    if not mods or not opened:
        return None
    last = {a.id: a.name.casefold().split()[-1] for a in actors if a.name.split()}
    for t in reversed(before):
        for aid in (t.chain[-1] if t.chain else None, t.actor):
            if aid is not None and last.get(aid) in mods:
                return t, aid
    return None


def names_official(seg: Segmented, profile: LangProfile, owner: tuple[int, int]) -> bool:
    """Does an owner phrase name an official ("the president's", "der Regierung")?"""
    words = " ".join(profile.without_possessive(w) for w in seg.lows[owner[0] : owner[1]])
    return is_official(profile, Actor(id="", name=words))


def predicate_at(seg: Segmented, profile: LangProfile, s: Statement) -> int | None:
    """The first token of a disputing predicate linked to an account noun by a copula or
    "als" within :data:`PREDICATE_REACH` tokens after it ("die Vorwürfe seien haltlos",
    "the claims about retaliation are unfounded"); none when the link is negated ("seien
    nicht haltlos") or the content names no account."""
    ev = profile.evidence
    toks = sorted(tokens_of(seg, s.content))
    lows = seg.lows
    noun = next((k for k, i in enumerate(toks) if lows[i] in ev.account_nouns), None)
    if noun is None:
        return None
    words = [lows[i] for i in toks]
    # said of the noun through a copula or "als", close after it ("die Vorwürfe seien
    # haltlos"), not of another noun ("spreading false information", "the wrong track");
    # a naming cue right before the noun links it too ("called the report false")
    link = noun if named_by_cue(seg, profile, s) else None
    for k in range(noun + 1, min(len(toks), noun + 1 + PREDICATE_REACH)):
        if words[k] in ev.predicate_links:
            link = k
        elif link is not None and ev.match(ev.dispute_predicates, words, k) is not None:
            if any(w in ev.negations for w in words[link:k]):
                return None  # "seien nicht haltlos"
            return toks[k]
    return None


def named_by_cue(seg: Segmented, profile: LangProfile, s: Statement) -> bool:
    """Is the account noun of the content the object of a naming cue ("nannte den
    Bericht falsch", "called the report false"): a word of ``naming_cues`` (in the cue
    or, for a reported statement, the content) at most three words before it?"""
    naming = framing_words(profile.lang).naming_cues
    nouns = profile.evidence.account_nouns
    toks = tokens_of(seg, s.content) | tokens_of(seg, s.cue)
    verbs = [i for i in toks if seg.lows[i] in naming]
    return any(seg.lows[n] in nouns for i in verbs for n in range(i + 1, min(i + 4, len(seg.lows))))


#: a refutation stands at most this many words after the pronoun opening the content
REFUTATION_REACH = 5


def refutation_at(seg: Segmented, profile: LangProfile, s: Statement) -> tuple[int, int] | None:
    """The tokens from the pronoun to the end of a refutation ("Das sei völlig falsch",
    "Das stimmt nicht", "that was not true") when the content opens with a refuting
    pronoun and calls it false within :data:`REFUTATION_REACH` words; none when the
    refutation is negated ("Das ist nicht falsch")."""
    ev = profile.evidence
    toks = [i for i in sorted(tokens_of(seg, s.content)) if seg.words[i][:1].isalnum()]
    if not toks or seg.lows[toks[0]] not in ev.refuting_pronouns:
        return None
    words = [seg.lows[i] for i in toks]
    # the pronoun is the subject: a copula or the refutation follows it ("Das sei …",
    # "Das stimmt nicht", "that was not true"; not "that the voters got it wrong")
    if len(words) < 2 or not (
        words[1] in ev.predicate_links or ev.match(ev.refutations, words, 1) is not None
    ):
        return None
    for k in range(1, min(len(toks), REFUTATION_REACH + 1)):
        got = ev.match(ev.refutations, words, k)
        if got is not None:
            if words[k - 1] in ev.negations and got[0] not in ev.negations:
                return None  # "nicht falsch"
            return toks[0], toks[min(len(toks), k + len(got)) - 1] + 1
    return None


def refuted(s: Statement, before: Sequence[Statement], seg: Segmented) -> Statement | None:
    """What a refutation refutes: the latest statement before it, of another source, in
    its sentence or the two before it."""

    def sentence(x: Statement) -> int:
        toks = tokens_of(seg, x.content)
        return seg.sentence_of[min(toks)] if toks else -1

    sent = sentence(s)
    for t in reversed(before):
        if t.id == s.id or t.parent == s.id or (t.actor is not None and t.actor == s.actor):
            continue
        return t if 0 <= sent - sentence(t) <= 2 else None
    return None


def denies_about_self(
    profile: LangProfile, earlier: Gist, later: Gist, speaker_words: Sequence[str]
) -> str | None:
    """Why a later statement denies what an earlier content said about its speaker:
    opposite polarity, at least two shared content words, and the speaker's name in the
    earlier content. None otherwise."""
    if earlier.negated == later.negated or earlier.contrastive or later.contrastive:
        return None
    shared = earlier.stems & later.stems
    union = earlier.stems | later.stems
    if len(shared) < 2 or not union or len(shared) / len(union) < 0.3:
        return None
    ev = profile.evidence
    named = {
        w.lower()[:6] for w in speaker_words if len(w) > 3 and w.lower() not in ev.function_words
    }
    if not named & earlier.stems:
        return None
    tail = ", ".join(sorted(shared)[:5])
    return f"says the opposite of what was said about its speaker; shared: {tail}"


def noun_reading(profile: LangProfile, before: str) -> bool:
    """Does the word before a dispute word make it a noun or an adjective ("the
    disputed territory", "many disputes")?"""
    # ("to deny" is an infinitive, not a noun: ``infinitive_markers``)
    return before in profile.determiners or (
        before in profile.prepositions and before not in profile.evidence.infinitive_markers
    )


def account(
    seg: Segmented, profile: LangProfile, toks: Sequence[int], quoted: bool = False
) -> tuple[str, int, int, tuple[int, int] | None] | None:
    """The account noun a dispute is about: (kind, first token, end token, owner tokens);
    with ``quoted``, also inside a quotation ("„Die Berichte sind erfunden“")."""
    words = seg.words
    ev = profile.evidence
    accounts = ev.account_nouns
    tokset = set(toks)
    for i in toks:
        kind = accounts.get(words[i].lower())
        if kind is None or (seg.quote_depth[i] and not quoted):
            continue
        start = i
        # a determiner or adjectives before it belong to the phrase ("den jüngsten Bericht")
        while (
            start - 1 in tokset
            and (words[start - 1].lower() in profile.determiners or words[start - 1][:1].islower())
            and words[start - 1] not in profile.clause_breaks
            and start > i - 3
        ):
            start -= 1
        owner = None
        end = i + 1
        # genitive or "von/of/by" owner after the noun: "die Darstellung des Ministeriums"
        after = words[end].lower() if end < len(words) else ""
        if kind == "accusation" and after in ev.topic_prepositions:
            pass  # "criticism of Mr. Trump's comments", "charges of fraud": what, not whose
        elif after in ev.owner_genitives or after in ev.owner_prepositions:
            np_ = noun_phrase(seg, profile, end + (after in ev.owner_prepositions), len(words))
            if np_ is not None:
                owner = np_
                end = np_[1]
        # a possessive before it: "Moscow's account", "Peskows Darstellung", and with an
        # apostrophe also a common noun: "the president's claims"
        if owner is None and i - 1 >= 0:
            prev = words[i - 1]
            if prev.endswith(profile.possessive_clitics) or (
                prev[:1].isupper() and prev.endswith(ev.possessive_endings)
            ):
                owner = (i - 1, i)
                start = min(start, i - 1)
        return kind, start, end, owner
    return None


def owner_actor(
    seg: Segmented,
    profile: LangProfile,
    actors: Sequence[Actor],
    owner: tuple[int, int],
    actor_of: Mapping[Span, str],
) -> Actor | None:
    """The actor an owner phrase names: the one it was resolved to, else by its
    capitalised words against actor names."""
    got = actor_of.get(seg.token_span(*owner))
    if got is not None:
        return next((a for a in actors if a.id == got), None)
    words = [profile.without_possessive(w) for w in seg.words[owner[0] : owner[1]]]
    heads = {w.lower() for w in words if w[:1].isupper()}
    heads |= {h[:-1] for h in heads if h.endswith("s") and len(h) > 4}  # German genitive
    best = None
    for a in actors:
        names = [a.name, *a.aliases, *(a.role or "").split()]
        toks = {t.lower().strip(".,") for n in names for t in n.split()}
        if heads & toks:
            best = a
    return best


def sentence_index(seg: Segmented, t: Statement) -> int:
    """The sentence a statement's content starts in (-1 without content)."""
    toks = tokens_of(seg, t.content)
    return seg.sentence_of[min(toks)] if toks else -1


def spelled_out(seg: Segmented, profile: LangProfile, end: int) -> bool:
    """Does a content clause follow the account noun ending at ``end`` ("rumors *that*
    …", "Spekulationen, *dass* …")?"""
    return any(
        seg.lows[k] in profile.complementizers for k in range(end, min(end + 2, len(seg.lows)))
    )
