"""In-document entities: which earlier mention a speaker pronoun or description is.

"Regierungssprecherin Maria Vogt kündigte an … Die Regierungssprecherin sagte … Sie fügte
hinzu …" is one entity: the apposition makes the role noun and the name one mention
(:mod:`sayso.evidence.naming`), the description and the pronoun join it here, and the
actor takes the fullest name. For every statement speaker that is a third-person pronoun or
a description without a name, :func:`link` looks at the mentions before it (the noun
phrases of the sentences just before, and every earlier statement speaker) and picks the
entity it refers to:

- **pronouns** by gender and number (``er``/``he`` a man or a person of unknown sex, a
  German ``sie`` a woman or a group, ``they`` a group, organisation or outlet, a German
  organisation by its noun's gender) and salience: recency (halved per sentence), statement
  speakers (who is speaking in the quotes around) and subjects weigh more, a mention inside
  the same content as the pronoun more, one inside another statement's content less, and
  one inside the pronoun's own statement's content never (the person spoken *about*);
- **descriptions**: a role noun the named person was introduced with ("die
  Regierungssprecherin"), an age ("die 45-Jährige") or a nationality ("der Niederländer"
  after "der niederländische Trainer X") take that person; a definite role description
  right after a named speaker ("the former secretary of state said") takes that speaker
  when no other named person spoke there.

A pronoun with no compatible mention before it stays unresolved. The result, per speaker
mention, is the antecedent's spans and the rule; :func:`sayso.evidence.actors.resolve`
joins the mention to the antecedent's actor. Per document the work is linear in the
mentions of the few sentences before each pronoun or description.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from sayso.evidence import naming
from sayso.evidence.chains import tokens_of
from sayso.evidence.inflection import singular_form
from sayso.extract.component import Stage, Work, component
from sayso.extract.mentions import Chunker
from sayso.lang import LangProfile
from sayso.lang.entity_words import EntityWords, entity_words
from sayso.lang.entries import Pronoun
from sayso.model import ActorKind, Span, Statement
from sayso.settings import EntitySettings
from sayso.text.segment import Segmented

PRONOUN = "entity.pronoun.v1"
UNRESOLVED = "actor.pronoun.unresolved.v1"
ROLE = "entity.description.role.v1"
AGE = "entity.description.age.v1"
NATIONALITY = "entity.description.nationality.v1"
SALIENT = "entity.description.salient.v1"
HEAD = "entity.description.head.v1"
NEW = "entity.new.v1"

Link = tuple[tuple[Span, ...] | None, str]
_NAMED = frozenset(("actor.kind.name.v1", "actor.kind.role_name.v1"))
_PEOPLE = frozenset((ActorKind.PERSON,))
_GROUPS = frozenset((ActorKind.ORGANIZATION, ActorKind.OUTLET, ActorKind.ANONYMOUS))
_THINGS = frozenset((ActorKind.ORGANIZATION, ActorKind.OUTLET, ActorKind.DOCUMENT))
_HEADED = frozenset((ActorKind.DOCUMENT, ActorKind.ANONYMOUS))


@dataclass(slots=True)
class _Mention:
    a: int
    b: int
    sent: int
    speaker: bool  # a statement's speaker
    cued: bool  # ... or right after a cue verb
    subject: bool
    inside: frozenset[int]  # the statements whose content holds it


@dataclass(slots=True)
class _Entity:
    kind: ActorKind
    gender: str | None = None  # a person's sex, a German noun's gender (m/f/n)
    plural: bool = False
    role: str | None = None
    named: bool = False
    name: tuple[Span, ...] = ()  # its fullest naming mention
    name_words: int = 0
    cues: tuple[int, int] = (0, 0)  # tokens around its name (a nationality's words)
    head: str | None = None  # a document's or group's head noun ("poll", "source")
    words: set[str] = field(default_factory=set)  # the words of its mentions


#: a mention and the entity it belongs to
_Seen = tuple[_Mention, _Entity]


@dataclass(slots=True)
class _Target:
    """A speaker mention to resolve: a pronoun (its readings) or a description."""

    mention: _Mention
    spans: tuple[Span, ...]
    own: int  # its statement
    readings: tuple[Pronoun, ...] = ()
    role: str | None = None
    gender: str | None = None
    age: bool = False
    nationality: tuple[str, ...] = ()
    definite: bool = False
    head: str | None = None
    words: frozenset[str] = frozenset()


class _Doc:
    """One document's lookups: its words, chunks, statement contents and descriptions."""

    def __init__(self, seg: Segmented, profile: LangProfile, statements: Sequence[Statement]):
        self.seg, self.profile = seg, profile
        self.ew: EntityWords = entity_words(profile.lang)
        self.chunks = Chunker(seg, profile)
        self.firsts = [a for a, _ in seg.sentences]
        self.contents = [_range(seg, s.content) for s in statements]
        #: German capitalises every noun: a lone capitalised word may be any noun
        self.nouns_capitalised = profile.lang == "de"
        self._owners: dict[int, frozenset[int]] | None = None

    def sent(self, i: int) -> int:
        return max(0, bisect.bisect_right(self.firsts, i) - 1)

    def inside(self, a: int) -> frozenset[int]:
        """The statements whose content holds token ``a``."""
        if self._owners is None:
            owners: dict[int, set[int]] = {}
            for k, (_, _, toks) in enumerate(self.contents):
                for i in toks:
                    owners.setdefault(i, set()).add(k)
            self._owners = {i: frozenset(ks) for i, ks in owners.items()}
        return self._owners.get(a, frozenset())

    def describe(self, a: int, b: int) -> naming.Description:
        key = ("entities.describe", a, b)
        got: naming.Description | None = self.seg.memo.get(key)
        if got is None:
            words = self.seg.words[a:b]
            got = self.seg.memo[key] = naming.describe(words, self.profile, self.seg)
        return got

    def subject(self, a: int, b: int) -> bool:
        """Sentence-initial, or followed by a verb-like word (SVO, and German V2 after an
        initial subject)."""
        words = self.seg.words
        if self.chunks.word(words[a]).obj_det:
            return False  # "Dem Telegraph sagte er": a dative object
        k = a
        while k > 0 and k - 1 >= self.firsts[self.sent(a)] and not words[k - 1][:1].isalnum():
            k -= 1
        if k == self.firsts[self.sent(a)]:
            return True
        return b < len(words) and self.chunks.word(words[b]).verbish

    def head(self, a: int, b: int) -> str | None:
        """The noun that makes the mention a document or group: an English phrase's last
        such noun ("the Reuters/Ipsos opinion poll"), a German one's first ("die Umfrage
        des Instituts")."""
        heads = [w.lower() for w in self.seg.words[a:b] if self.chunks.kind(w) in _HEADED]
        if not heads:
            return None
        return heads[0] if self.profile.lang == "de" else heads[-1]

    def content_words(self, a: int, b: int) -> frozenset[str]:
        dets = self.profile.determiners
        return frozenset(
            w.lower() for w in self.seg.words[a:b] if w[:1].isalnum() and w.lower() not in dets
        )

    def after_cue(self, a: int) -> bool:
        """A cue verb stands right before it, or one word before ("meint auch X"): the
        speaker of a statement the extraction may have missed."""
        words, lo = self.seg.words, self.firsts[self.sent(a)]
        return any(k >= lo and self.chunks.word(words[k]).cue for k in (a - 1, a - 2))

    def mention(self, a: int, b: int, speaker: bool) -> _Mention:
        cued = speaker or self.after_cue(a)
        return _Mention(a, b, self.sent(a), speaker, cued, self.subject(a, b), self.inside(a))

    def gender(self, a: int, b: int, role: str | None) -> str | None:
        """A person's sex from the words of its mention: a gendered noun or title, a role
        noun's female ending, the determiner before a singular description."""
        ew, words = self.ew, self.seg.words
        for w in words[a:b]:
            low = w.lower()
            if low in ew.gendered:
                return ew.gendered[low]
        if role is not None:
            low = role.lower()
            for end in ew.female_endings:
                if low.endswith(end) and self.profile.is_role_noun(role[: -len(end)] or role):
                    return "f"
        first = words[a].lower() if a < b else ""
        got = ew.determiners.get(first)
        if got is not None:
            return got
        if role is not None and self.profile.lang == "de" and self.profile.is_role_noun(role):
            return "m"  # German role nouns without the female ending
        return None


def _range(seg: Segmented, spans: Sequence[Span]) -> tuple[int, int, frozenset[int]]:
    toks = tokens_of(seg, tuple(spans))
    if not toks:
        return 0, 0, toks
    return min(toks), max(toks) + 1, toks


def _named(doc: _Doc, words: Sequence[str], rule: str) -> bool:
    """A person's mention names them: not a description by nationality or age ("der
    Niederländer", "die 45-Jährige"), which the naming reads as a one-word name."""
    if rule not in _NAMED:
        return False
    content = [w for w in words if w[:1].isalnum() and w.lower() not in doc.profile.determiners]
    return not (len(content) == 1 and doc.ew.nationality(content[0]))


def _entity_key(desc: naming.Description, named: bool) -> str:
    name, kind = desc[0], desc[1]
    if named:
        return "p:" + name.lower().split()[-1]
    return f"{kind.value}:{name.lower()}"


def link(
    seg: Segmented,
    profile: LangProfile,
    statements: Sequence[Statement],
    settings: EntitySettings,
) -> dict[Span, Link]:
    """The antecedent (spans, rule) of every speaker pronoun and description, keyed by the
    speaker mention's first span; an unresolved pronoun gets (None, rule)."""
    doc = _Doc(seg, profile, statements)
    targets: dict[int, _Target] = {}  # by token start
    speakers: list[tuple[int, int, tuple[Span, ...], int]] = []
    seen: set[Span] = set()
    for k, s in enumerate(statements):
        if not s.speaker or s.speaker[0] in seen:
            continue
        seen.add(s.speaker[0])
        lo, hi, toks = _range(seg, s.speaker)
        if toks:
            speakers.append((lo, hi, s.speaker, k))
    for lo, hi, spans, k in speakers:
        t = _target(doc, lo, hi, spans, k)
        if t is not None:
            targets[lo] = t
    if not targets:
        return {}
    # the sentences whose mentions are candidates: a window before each target
    sents: set[int] = set()
    for t in targets.values():
        sents.update(range(max(0, t.mention.sent - settings.window_sentences), t.mention.sent + 1))
    events: list[tuple[int, int, tuple[Span, ...] | None]] = []
    spoken = {(lo, hi) for lo, hi, _, _ in speakers}
    taken: set[int] = set()
    for lo, hi, spans, _ in speakers:
        events.append((lo, hi, spans))
        taken.update(range(lo, hi))
    for sent in sorted(sents):
        for a, b in doc.chunks.sentence(sent):
            if not taken.intersection(range(a, b)):
                events.append((a, b, None))
    events.sort(key=lambda e: (e[0], e[1]))
    entities: dict[str, _Entity] = {}
    recent: list[_Seen] = []
    out: dict[Span, Link] = {}
    for a, b, said in events:
        t = targets.get(a) if said is not None else None
        if t is not None:
            got = out[t.spans[0]] = _resolve(doc, t, recent, settings)
            if got[0] is None and not t.readings:  # it names an entity of its own
                _add(doc, entities, a, b, said, True, recent, fresh=got[1] == NEW)
            continue
        _add(doc, entities, a, b, said, (a, b) in spoken, recent)
    return out


def _target(doc: _Doc, lo: int, hi: int, spans: tuple[Span, ...], own: int) -> _Target | None:
    """The speaker mention as something to resolve, or None when it names its entity."""
    words = doc.seg.words[lo:hi]
    _, kind, role, rule = doc.describe(lo, hi)
    m = doc.mention(lo, hi, True)
    if rule == "actor.pronoun.v1":
        first = next((w for w in words if w[:1].isalnum()), "")
        readings = tuple(
            p for p in doc.profile.pronoun(first.lower()) if p.person == 3 and p.speaker
        )
        if any(p.number == "pl" for p in readings):
            # singular "they" refers to anyone: read it as the plural it mostly is
            readings = tuple(p for p in readings if p.number == "pl" or p.gender)
        return _Target(m, spans, own, readings=readings) if readings else None
    content = [w for w in words if w[:1].isalnum()]
    if any(w.lower() in doc.ew.new_markers for w in content[:2]):
        return _Target(m, spans, own, role="", gender=None)  # "another source": new
    first = content[0].lower() if content else ""
    possessive = first.endswith(doc.profile.possessive_clitics)  # "the company's"
    definite = first in doc.ew.definite_determiners or possessive
    if kind in _HEADED and (definite or first not in doc.profile.determiners):
        head = doc.head(lo, hi)
        if head is not None:
            return _Target(m, spans, own, head=head, words=doc.content_words(lo, hi))
    if kind is not ActorKind.PERSON or _named(doc, content, rule):
        return None
    age = any(doc.ew.age.fullmatch(w) for w in content)
    head = role or (content[-1] if content else "")
    nationality = doc.ew.nationality(head) if head else ()
    if role is None and not age and not nationality:
        return None
    return _Target(
        m,
        spans,
        own,
        role=role,
        gender=doc.gender(lo, hi, role),
        age=age,
        nationality=nationality,
        definite=definite,
    )


def _add(
    doc: _Doc,
    entities: dict[str, _Entity],
    a: int,
    b: int,
    spans: tuple[Span, ...] | None,
    speaker: bool,
    recent: list[_Seen],
    fresh: bool = False,
) -> None:
    """A mention that names something: it joins (or starts) its entity (a new one when
    ``fresh``: "another source"), and is one of the ``recent`` mentions."""
    before = doc.seg.words[a - 1].lower() if a else ""
    if not speaker and (before in doc.ew.predicative or before in doc.ew.places):
        return  # "stellt sich als Opfer dar", "in New York": no one to refer to
    if not speaker and not _may_name(doc, entities, a, b):
        return
    desc = doc.describe(a, b)
    name, kind, role, rule = desc
    if kind is ActorKind.UNKNOWN or rule in (naming.NON_ENTITY, "actor.pronoun.v1"):
        return
    if rule == naming.COMMON_NOUN and not speaker:
        return  # "die Darstellung": any German noun, a body only when it speaks
    named = kind is ActorKind.PERSON and _named(doc, doc.seg.words[a:b], rule)
    key = _entity_key(desc, named) + (f"#{a}" if fresh else "")
    e = entities.get(key)
    if e is None and named and not speaker and len(name.split()) == 1 and doc.nouns_capitalised:
        return  # a German capitalised word alone is a name only once a full name gave it
    if e is None:
        e = entities[key] = _Entity(kind)
        e.plural = kind is ActorKind.ANONYMOUS and rule != "actor.kind.unidentified.v1"
    if kind is ActorKind.PERSON:
        e.gender = e.gender or doc.gender(a, b, role)
    elif doc.profile.lang == "de":  # "der Konzern" (er), "die Partei" (sie)
        e.gender = e.gender or doc.ew.determiners.get(doc.seg.words[a].lower())
    e.role = e.role or role
    if kind in _HEADED:
        e.head = e.head or doc.head(a, b)
        e.words |= doc.content_words(a, b)
    n = len(name.split())
    if not e.name or (named and (not e.named or n > e.name_words)):
        e.name = spans or (doc.seg.token_span(a, b),)
        e.name_words, e.named = n, named
        e.cues = (max(0, a - 3), b + 3)
    recent.append((doc.mention(a, b, speaker), e))


def _may_name(doc: _Doc, entities: dict[str, _Entity], a: int, b: int) -> bool:
    """A cheap look before the naming: a German mention may name an entity to refer to
    only with a role, kind or person word, two capitalised words in a row, or a surname
    already known (every German noun is capitalised; most mentions name nothing)."""
    if not doc.nouns_capitalised:
        return True
    words, ck = doc.seg.words, doc.chunks
    caps = 0
    for w in words[a:b]:
        if ck.role(w) or ck.kind(w) is not None:
            return True
        caps = caps + 1 if w[:1].isupper() else 0
        if caps >= 2:
            return True
    return b - a == 1 and "p:" + words[a].lower() in entities


def _resolve(doc: _Doc, t: _Target, recent: list[_Seen], settings: EntitySettings) -> Link:
    """The entity the target refers to among the mentions of the last sentences (walked
    back from the nearest: the work per target is bounded, a long text stays linear)."""
    if t.role == "":
        return None, NEW
    scores: dict[int, tuple[float, int, _Entity, str]] = {}
    fits: dict[int, tuple[float, str] | None] = {}
    for m, e in reversed(recent):
        d = t.mention.sent - m.sent
        if d > settings.speaker_sentences:
            break
        if (
            m.a >= t.mention.a
            or t.own in m.inside
            or (d > settings.window_sentences and not m.speaker)
        ):
            continue
        if id(e) not in fits:
            fits[id(e)] = _fits(doc, t, e)
        fit = fits[id(e)]
        if fit is None:
            continue
        w = _weight(t, m, d, settings) + fit[0]
        got = scores.get(id(e))
        if got is None or w > got[0]:
            scores[id(e)] = (w, max(m.a, got[1] if got else -1), e, fit[1])
    if not scores:
        return (None, UNRESOLVED) if t.readings else (None, "")
    _, _, e, rule = max(scores.values(), key=lambda x: (x[0], x[1]))
    if rule == SALIENT and not _only_speaker(t, e, recent):
        return (None, "")
    recent.append((t.mention, e))
    if t.readings and e.kind is ActorKind.PERSON and e.gender is None:
        genders = {p.gender for p in t.readings if p.number == "sg"}
        if len(genders) == 1 and not any(p.number == "pl" for p in t.readings):
            e.gender = genders.pop()
    return e.name, rule


def _fits(doc: _Doc, t: _Target, e: _Entity) -> tuple[float, str] | None:
    """Whether the target can refer to the entity: (bonus, rule), or None."""
    if t.readings:
        return (0.0, PRONOUN) if any(_agrees(doc, p, e) for p in t.readings) else None
    if t.head is not None:
        same = e.head == t.head and t.words <= e.words
        return (0.0, HEAD) if same else None
    if e.kind is not ActorKind.PERSON or not e.named or e.plural:
        return None
    if t.gender is not None and e.gender is not None and t.gender != e.gender:
        return None
    if t.role is not None and e.role is not None and _same_role(doc, t.role, e.role):
        return 10.0, ROLE
    if t.nationality:
        a, b = e.cues
        words = doc.seg.words[a:b]
        if any(w.lower().startswith(t.nationality) for w in words):
            return 10.0, NATIONALITY
        return None
    if t.age:
        return 0.0, AGE
    if t.definite and (e.role is None or t.role is None):
        return 0.0, SALIENT
    return None


def _same_role(doc: _Doc, a: str, b: str) -> bool:
    x, y = singular_form(a, doc.profile).lower(), singular_form(b, doc.profile).lower()
    return x == y or (len(x) >= 5 and y.endswith(x))


def _agrees(doc: _Doc, p: Pronoun, e: _Entity) -> bool:
    """A pronoun reading agrees with the entity in gender and number."""
    if p.number == "pl":
        return e.plural or (e.kind in _GROUPS and doc.profile.lang == "en")
    if p.gender == "n":
        return e.kind in _THINGS
    if e.kind is ActorKind.PERSON or (e.kind is ActorKind.ANONYMOUS and not e.plural):
        return e.gender is None or e.gender == p.gender
    if doc.profile.lang == "de" and e.kind is ActorKind.ORGANIZATION and not e.plural:
        return e.gender == p.gender  # "der Konzern … er"
    return False


def _weight(t: _Target, m: _Mention, d: int, s: EntitySettings) -> float:
    """A mention's weight at the target ``d`` sentences after it."""
    base = 1.0 + s.speaker_bonus * m.cued + s.subject_bonus * m.subject
    if m.inside & t.mention.inside:
        base += s.local_bonus
    elif m.inside - t.mention.inside:
        base -= s.quoted_penalty
    return base * s.decay**d


def _only_speaker(t: _Target, e: _Entity, recent: list[_Seen]) -> bool:
    """A definite description takes the salient person only when that person spoke in
    its sentence or the one before, and no other named person did."""
    spoke = set()
    for m, x in reversed(recent):
        if t.mention.sent - m.sent > 1:
            break
        if m.speaker and m.a < t.mention.a and x.kind is ActorKind.PERSON and x.named:
            spoke.add(id(x))
    return spoke == {id(e)}


@component("evidence.entities.link.v1", Stage.EVIDENCE)
def link_entities(w: Work) -> None:
    """Speaker pronouns and descriptions join the entity they refer to (gender, number,
    salience; never the person inside the statement's own content)."""
    w.entity_links = link(w.seg, w.profile, w.statements, w.settings.entities)
