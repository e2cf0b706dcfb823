"""Speakers within one article: mentions -> actors with a canonical name and a kind.

"Regierungssprecher Steffen Hebestreit sagte …  Hebestreit betonte …  Er fügte hinzu …"
gives one person actor "Steffen Hebestreit" with role "Regierungssprecher": a later short
name matches the last name of an earlier full name, a pronoun takes the most recent actor,
a bare role noun ("der Regierungssprecher") takes the most recent actor with that role.
Kinds come from the language data (outlets, organisation heads, anonymous-group heads,
document heads, role nouns); a capitalised name without any hint is a person.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from sayso.evidence import entities, naming
from sayso.lang import LangProfile
from sayso.model import Actor, ActorKind, Span, Statement
from sayso.text.segment import Segmented

#: a speaker pronoun with no actor before it to refer to
UNRESOLVED = "actor.pronoun.unresolved.v1"
PRONOUN_RULES = frozenset({"actor.coref.pronoun.v1", UNRESOLVED})
#: mentions that join an actor without naming it: no new name, no alias
LINK_RULES = PRONOUN_RULES | {
    entities.PRONOUN,
    entities.ROLE,
    entities.AGE,
    entities.NATIONALITY,
    entities.SALIENT,
    entities.HEAD,
}


@dataclass(slots=True)
class _Draft:
    id: str
    name: str
    kind: ActorKind
    role: str | None
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)


def _words(seg: Segmented, span: Span) -> list[str]:
    import bisect

    a = bisect.bisect_left(seg.starts, span.start)
    b = bisect.bisect_left(seg.starts, span.end)
    return seg.words[a:b]


def resolve(
    seg: Segmented,
    profile: LangProfile,
    statements: list[Statement],
    extra: Sequence[Span] = (),
    links: Mapping[Span, tuple[tuple[Span, ...] | None, str]] | None = None,
) -> tuple[list[Statement], tuple[Actor, ...], dict[Span, str]]:
    """Attach an actor id and a one-hop chain to every statement with a speaker.

    ``extra`` are further source mentions (the outer and inner hops of source chains);
    they are resolved in document order together with the speakers. ``links`` are the
    in-document entity step's antecedents of speaker pronouns and descriptions
    (:mod:`sayso.evidence.entities`): such a mention joins its antecedent's actor; without
    them a pronoun takes the most recent (person) actor. Returns the statements, the actors
    and the actor id of every resolved mention (keyed by the mention's first span).
    """
    actors: list[_Draft] = []
    by_mention: dict[Span, _Draft] = {}
    last: _Draft | None = None
    last_person: _Draft | None = None  # the most recently mentioned person
    index = _Index()
    out: list[Statement] = []
    mentions: list[tuple[Span, ...]] = [s.speaker for s in statements if s.speaker]
    mentions += [(sp,) for sp in extra]
    for spans in sorted(mentions, key=lambda m: (m[0].start, m[0].end)):
        key = spans[0]
        if key in by_mention:
            continue
        words = [w for sp in spans for w in _words(seg, sp)]
        if not words:
            continue
        name, kind, role, rule = naming.describe(words, profile, seg)
        actor: _Draft | None = None
        link = links.get(key) if links is not None else None
        if link is not None and link[1]:
            rule = link[1]
            if link[0] is not None:
                actor = _antecedent(seg, profile, link[0], by_mention, index, actors)
        elif rule == "actor.pronoun.v1":
            # "er", "sie", "he", "she" refer to people: the most recent person, if any
            person = any(
                p.number == "sg" and p.gender in ("m", "f")
                for p in profile.pronoun(words[0].lower())
            )
            actor = last
            if person and last is not None and last.kind is not ActorKind.PERSON:
                actor = last_person or last
            # no antecedent: the pronoun stays a pronoun actor, marked unresolved
            rule = "actor.coref.pronoun.v1" if actor is not None else UNRESOLVED
        else:
            actor = _match(index, name, kind, role)
            if actor is not None:
                rule = "actor.coref.name.v1"
        if actor is None:
            actor = _Draft(f"a{len(actors) + 1}", name, kind, role)
            actors.append(actor)
            index.add(actor)
        elif (
            kind is ActorKind.PERSON
            and rule not in LINK_RULES
            and len(name.split()) > len(actor.name.split())
        ):
            # a later full name improves an earlier short one
            actor.aliases.append(actor.name)
            actor.name = name
            index.name(actor)
        if role and actor.role is None:
            actor.role = role
            index.role(actor)
        if name != actor.name and name not in actor.aliases and rule not in LINK_RULES:
            actor.aliases.append(name)
            index.alias(actor, name)
        actor.mentions.extend(spans)
        actor.rules.append(rule)
        by_mention[key] = actor
        last = actor
        if actor.kind is ActorKind.PERSON:
            last_person = actor
    for s in statements:
        a = by_mention.get(s.speaker[0]) if s.speaker else None
        out.append(replace(s, actor=a.id, chain=(a.id,)) if a is not None else s)
    final = tuple(
        Actor(
            id=a.id,
            name=a.name,
            kind=a.kind,
            mentions=tuple(sorted(set(a.mentions))),
            aliases=tuple(dict.fromkeys(a.aliases)),
            role=a.role,
            rules=tuple(dict.fromkeys(a.rules)),
        )
        for a in actors
    )
    return out, final, {span: a.id for span, a in by_mention.items()}


def _antecedent(
    seg: Segmented,
    profile: LangProfile,
    spans: tuple[Span, ...],
    by_mention: dict[Span, _Draft],
    index: _Index,
    actors: list[_Draft],
) -> _Draft:
    """The actor of an antecedent mention: the one already made for it, the one its name
    matches, or a new one (a person named before who speaks only through the pronoun)."""
    got = by_mention.get(spans[0])
    if got is not None:
        return got
    words = [w for sp in spans for w in _words(seg, sp)]
    name, kind, role, rule = naming.describe(words, profile, seg)
    actor = _match(index, name, kind, role)
    if actor is None:
        actor = _Draft(f"a{len(actors) + 1}", name, kind, role)
        actors.append(actor)
        index.add(actor)
    elif kind is ActorKind.PERSON and len(name.split()) > len(actor.name.split()):
        actor.aliases.append(actor.name)
        actor.name = name
        index.name(actor)
    actor.mentions.extend(spans)
    actor.rules.append(rule)
    by_mention[spans[0]] = actor
    return actor


def _fits(a: _Draft, low: str, last_word: str, kind: ActorKind, role: str | None) -> bool:
    an = a.name.lower()
    if an == low or low in (x.lower() for x in a.aliases):
        return True
    if kind in (ActorKind.PERSON, ActorKind.UNKNOWN) and a.kind is ActorKind.PERSON:
        # short name "Hebestreit" ~ "Steffen Hebestreit" (and the other way round)
        if an.split()[-1] == last_word and (len(low.split()) == 1 or len(an.split()) == 1):
            return True
        # bare role noun "der Regierungssprecher" ~ the actor holding that role
        if (
            role is not None
            and a.role is not None
            and role.lower() == a.role.lower()
            and low == role.lower()
        ):
            return True
    return False


class _Index:
    """The actors by lowercased name or alias, last name word (people only) and role, so
    that matching a mention looks only at the actors that can match it: thousands of
    distinct speakers stay linear. Each list is in creation order and entries are only
    added (a renamed actor keeps its old keys): :func:`_match` walks a list from its end
    and :func:`_fits` decides on the actor's current state."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], list[_Draft]] = {}
        self.position: dict[str, int] = {}

    def add(self, a: _Draft) -> None:
        self.position[a.id] = len(self.position)
        self.name(a)
        self.role(a)

    def name(self, a: _Draft) -> None:
        low = a.name.lower()
        self._put("name", low, a)
        if a.kind is ActorKind.PERSON and low.split():
            self._put("last", low.split()[-1], a)
            if len(low.split()) == 1:
                self._put("single", low, a)

    def alias(self, a: _Draft, alias: str) -> None:
        self._put("name", alias.lower(), a)

    def role(self, a: _Draft) -> None:
        if a.role is not None and a.kind is ActorKind.PERSON:
            self._put("role", a.role.lower(), a)

    def _put(self, kind: str, key: str, a: _Draft) -> None:
        entries = self.keys.setdefault((kind, key), [])
        if a not in entries[-1:]:
            bisect.insort(entries, a, key=lambda x: self.position[x.id])

    def latest(self, kind: str, key: str, fits: Callable[[_Draft], bool]) -> _Draft | None:
        return next((a for a in reversed(self.keys.get((kind, key), ())) if fits(a)), None)


def _match(index: _Index, name: str, kind: ActorKind, role: str | None) -> _Draft | None:
    """The most recently created actor that ``name`` refers to (see :func:`_fits`)."""
    low = name.lower()
    last_word = low.split()[-1] if low.split() else low

    def fits(a: _Draft) -> bool:
        return _fits(a, low, last_word, kind, role)

    found = [index.latest("name", low, fits)]
    if kind in (ActorKind.PERSON, ActorKind.UNKNOWN):
        # a one-word mention matches any person of that last name, a longer one only a
        # person known by one word
        found.append(index.latest("last" if len(low.split()) == 1 else "single", last_word, fits))
        if role is not None and low == role.lower():
            found.append(index.latest("role", low, fits))
    return max(
        (a for a in found if a is not None), key=lambda a: index.position[a.id], default=None
    )
