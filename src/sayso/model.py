"""The vocabulary of sayso: spans, statements, actors, relations and the analysis.

Every record is a frozen dataclass that points into the document text by character
offsets (like a spaCy ``Span`` it copies nothing), and every record round-trips through
plain JSON-compatible dicts without loss (``to_dict`` / ``from_dict``).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = "1"


class Form(StrEnum):
    """How a statement is rendered (names follow the German news quotation corpus)."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    FREE_INDIRECT = "free_indirect"
    INDIRECT_FREE_INDIRECT = "indirect_free_indirect"
    REPORTED = "reported"


class Medium(StrEnum):
    """The channel of the original utterance; the mixed values follow the corpus (ST, SW, TW)."""

    SPEECH = "speech"
    WRITING = "writing"
    THOUGHT = "thought"
    SPEECH_THOUGHT = "speech_thought"
    SPEECH_WRITING = "speech_writing"
    THOUGHT_WRITING = "thought_writing"
    UNKNOWN = "unknown"


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    OUTLET = "outlet"
    ANONYMOUS = "anonymous"
    DOCUMENT = "document"
    UNKNOWN = "unknown"


class Stance(StrEnum):
    """How the reporter's cue positions the reported content."""

    NEUTRAL = "neutral"  # sagte, erklärte, said
    DISTANCING = "distancing"  # behauptete, will … haben, claimed, insisted
    ENDORSING = "endorsing"  # räumte ein, bestätigte, enthüllte, admitted, revealed


class Confirmation(StrEnum):
    """What the article says about the truth of a statement's content."""

    CONFIRMED = "confirmed"
    UNCONFIRMED = "unconfirmed"
    DENIED = "denied"
    UNKNOWN = "unknown"


class RelationKind(StrEnum):
    NESTED_IN = "nested_in"
    DISPUTES = "disputes"
    CONFIRMS = "confirms"
    CONTRADICTS = "contradicts"
    SUPPORTS = "supports"
    SAME_CLAIM = "same_claim"


def _field_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) == 1:
        name = names[0]

        def one(obj: Any) -> tuple[Any, ...]:
            return (getattr(obj, name),)

        return one
    getter: Callable[[Any], tuple[Any, ...]] = operator.attrgetter(*names)
    return getter


#: per class, a function giving its field values as a tuple (an attrgetter, in C)
_FIELD_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


class _Fields:
    """Pickled as the class and its field values: ingest workers send every analysis to
    the storing process, and the dataclass default (a state dict, built and read back with
    ``dataclasses.fields`` for every span) cost more than the values themselves."""

    __slots__: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        cls = type(self)
        get = _FIELD_GETTERS.get(cls)
        if get is None:
            get = _FIELD_GETTERS[cls] = _field_getter(cls.__slots__)
        return cls, get(self)


@dataclass(frozen=True, slots=True, order=True)
class Span(_Fields):
    """Half-open character interval ``[start, end)`` into the document text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def text(self, doc: str) -> str:
        return doc[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_list(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def from_list(cls, value: Sequence[int]) -> Span:
        return cls(int(value[0]), int(value[1]))


Spans = tuple[Span, ...]


def spans_to_json(spans: Iterable[Span]) -> list[list[int]]:
    return [s.to_list() for s in spans]


def spans_from_json(value: Iterable[Sequence[int]]) -> Spans:
    return tuple(Span.from_list(v) for v in value)


def cover(spans: Iterable[Span]) -> Span | None:
    """The smallest span covering all ``spans`` (None for none)."""
    items = list(spans)
    if not items:
        return None
    return Span(min(s.start for s in items), max(s.end for s in items))


@dataclass(frozen=True, slots=True)
class Evidence(_Fields):
    """Why an extraction exists: the rule that fired, the lexicon entry it used, the words."""

    rule: str
    entry: str | None = None
    span: Span | None = None
    note: str | None = None
    #: how sure the rule is (0–1) where it says so: chain hops and confirmation labels
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "entry": self.entry,
            "span": self.span.to_list() if self.span else None,
            "note": self.note,
        }
        if self.confidence is not None:
            out["confidence"] = self.confidence
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Evidence:
        span = d.get("span")
        conf = d.get("confidence")
        return cls(
            rule=d["rule"],
            entry=d.get("entry"),
            span=Span.from_list(span) if span else None,
            note=d.get("note"),
            confidence=float(conf) if conf is not None else None,
        )


def framing_labels(
    hearsay: bool,
    hedged: bool,
    stance: Stance | str,
    confirmation: Confirmation | str,
    *,
    qualified: bool = False,
) -> tuple[str, ...]:
    """The non-default framing values as labels: ("hearsay", "distancing", "denied").

    The one definition of the labels that ``Framing.labels``, the ledger's
    ``StatementRecord.framing`` (from its columns) and the evidence evaluation share;
    ``qualified`` names the facet of a stance or confirmation ("stance_distancing",
    "confirmation_denied"), as the evaluation's label set does.
    """
    stance, confirmation = Stance(stance), Confirmation(confirmation)
    out = []
    if hearsay:
        out.append("hearsay")
    if hedged:
        out.append("hedged")
    if stance is not Stance.NEUTRAL:
        out.append(f"stance_{stance.value}" if qualified else stance.value)
    if confirmation is not Confirmation.UNKNOWN:
        out.append(f"confirmation_{confirmation.value}" if qualified else confirmation.value)
    return tuple(out)


# the labels of ``Framing.labels()`` and the facet whose evidence justifies each
_LABEL_FACETS = {
    "hedged": "hedge",
    "neutral": "stance",
    "distancing": "stance",
    "endorsing": "stance",
    "confirmed": "confirmation",
    "unconfirmed": "confirmation",
    "denied": "confirmation",
}


@dataclass(frozen=True, slots=True)
class Framing(_Fields):
    """How the article frames a statement's truth, each value with the words behind it.

    ``evidence`` holds one :class:`Evidence` per justification; its ``rule`` starts with
    the facet it justifies (``framing.hearsay.``, ``framing.hedge.``, ``framing.stance.``,
    ``framing.confirmation.``), so :meth:`why` answers "why is this hearsay?".
    """

    hearsay: bool = False
    hedged: bool = False
    stance: Stance = Stance.NEUTRAL
    confirmation: Confirmation = Confirmation.UNKNOWN
    evidence: tuple[Evidence, ...] = ()

    def why(self, facet: str) -> tuple[Evidence, ...]:
        """The evidence for one facet ("hearsay", "hedge", "stance", "confirmation") or for
        one of the labels :meth:`labels` gives ("hedged", "unconfirmed", "distancing" …)."""
        facet = _LABEL_FACETS.get(facet, facet)
        prefix = f"framing.{facet}."
        return tuple(e for e in self.evidence if e.rule.startswith(prefix))

    def labels(self, *, qualified: bool = False) -> tuple[str, ...]:
        """The non-default values, for display and filtering: ("hearsay", "denied").
        See :func:`framing_labels`."""
        return framing_labels(
            self.hearsay, self.hedged, self.stance, self.confirmation, qualified=qualified
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "hearsay": self.hearsay,
            "hedged": self.hedged,
            "stance": self.stance.value,
            "confirmation": self.confirmation.value,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Framing:
        return cls(
            hearsay=bool(d.get("hearsay", False)),
            hedged=bool(d.get("hedged", False)),
            stance=Stance(d.get("stance", "neutral")),
            confirmation=Confirmation(d.get("confirmation", "unknown")),
            evidence=tuple(Evidence.from_dict(e) for e in d.get("evidence", ())),
        )


@dataclass(frozen=True, slots=True)
class Statement(_Fields):
    """One attributed statement.

    ``content`` may have several parts (a quote interrupted by its frame, a quote spanning
    paragraphs); the roles ``cue``/``speaker``/``addressee``/``frame`` likewise. ``speaker``
    is empty for agentless reports ("hieß es"). ``actor`` is the id of the resolved speaker
    ``Actor``; ``chain`` lists actor ids from the outermost source (the outlet the article
    cites) to the original speaker. ``parent`` is the id of the statement this one is nested
    in (a direct fragment inside indirect speech).
    """

    id: str
    content: Spans
    form: Form
    cue: Spans = ()
    speaker: Spans = ()
    addressee: Spans = ()
    frame: Spans = ()
    medium: Medium = Medium.UNKNOWN
    actor: str | None = None
    chain: tuple[str, ...] = ()
    parent: str | None = None
    confidence: float = 1.0
    rules: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    framing: Framing = field(default_factory=Framing)

    def roles(self) -> dict[str, Spans]:
        return {
            "content": self.content,
            "cue": self.cue,
            "speaker": self.speaker,
            "addressee": self.addressee,
            "frame": self.frame,
        }

    def span(self) -> Span:
        """The extent of the content."""
        c = cover(self.content)
        assert c is not None, "a statement always has content"
        return c

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "form": self.form.value,
            "medium": self.medium.value,
            "content": spans_to_json(self.content),
            "cue": spans_to_json(self.cue),
            "speaker": spans_to_json(self.speaker),
            "addressee": spans_to_json(self.addressee),
            "frame": spans_to_json(self.frame),
            "actor": self.actor,
            "chain": list(self.chain),
            "parent": self.parent,
            "confidence": self.confidence,
            "rules": list(self.rules),
            "evidence": [e.to_dict() for e in self.evidence],
            "framing": self.framing.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Statement:
        return cls(
            id=d["id"],
            form=Form(d["form"]),
            medium=Medium(d.get("medium", "unknown")),
            content=spans_from_json(d["content"]),
            cue=spans_from_json(d.get("cue", ())),
            speaker=spans_from_json(d.get("speaker", ())),
            addressee=spans_from_json(d.get("addressee", ())),
            frame=spans_from_json(d.get("frame", ())),
            actor=d.get("actor"),
            chain=tuple(d.get("chain", ())),
            parent=d.get("parent"),
            confidence=float(d.get("confidence", 1.0)),
            rules=tuple(d.get("rules", ())),
            evidence=tuple(Evidence.from_dict(e) for e in d.get("evidence", ())),
            framing=Framing.from_dict(d.get("framing", {})),
        )


@dataclass(frozen=True, slots=True)
class Actor(_Fields):
    """Who speaks. ``mentions`` are the spans in this document that refer to the actor."""

    id: str
    name: str
    kind: ActorKind = ActorKind.UNKNOWN
    mentions: Spans = ()
    aliases: tuple[str, ...] = ()
    role: str | None = None
    rules: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind.value,
            "mentions": spans_to_json(self.mentions),
            "aliases": list(self.aliases),
            "role": self.role,
            "rules": list(self.rules),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Actor:
        return cls(
            id=d["id"],
            name=d["name"],
            kind=ActorKind(d.get("kind", "unknown")),
            mentions=spans_from_json(d.get("mentions", ())),
            aliases=tuple(d.get("aliases", ())),
            role=d.get("role"),
            rules=tuple(d.get("rules", ())),
        )


@dataclass(frozen=True, slots=True)
class Relation(_Fields):
    """A relation between two statements.

    ``target`` is None when the disputed (or confirmed) statement is not in the article:
    the relation then dangles, with its evidence ("wies die Vorwürfe zurück") and, where
    the article names whose account it is ("die Darstellung des Ministeriums"), that
    actor as ``target_actor``. ``confidence`` and ``reason`` say how sure an inferred
    relation (``contradicts``) is and why.
    """

    id: str
    kind: RelationKind
    source: str
    target: str | None
    evidence: Spans = ()
    confidence: float = 1.0
    reason: str | None = None
    rules: tuple[str, ...] = ()
    target_actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "source": self.source,
            "target": self.target,
            "target_actor": self.target_actor,
            "evidence": spans_to_json(self.evidence),
            "confidence": self.confidence,
            "reason": self.reason,
            "rules": list(self.rules),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Relation:
        return cls(
            id=d["id"],
            kind=RelationKind(d["kind"]),
            source=d["source"],
            target=d.get("target"),
            evidence=spans_from_json(d.get("evidence", ())),
            confidence=float(d.get("confidence", 1.0)),
            reason=d.get("reason"),
            rules=tuple(d.get("rules", ())),
            target_actor=d.get("target_actor"),
        )


@dataclass(frozen=True, slots=True)
class Warning(_Fields):
    """A non-fatal problem found while analysing; ``code`` is from ``sayso.errors``."""

    code: str
    message: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "span": self.span.to_list() if self.span else None,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Warning:
        span = d.get("span")
        return cls(
            code=d["code"], message=d["message"], span=Span.from_list(span) if span else None
        )


@dataclass(frozen=True, slots=True)
class Analysis(_Fields):
    """A document's text and metadata plus everything sayso found in it."""

    text: str
    lang: str
    statements: tuple[Statement, ...] = ()
    actors: tuple[Actor, ...] = ()
    relations: tuple[Relation, ...] = ()
    paragraphs: Spans = ()
    sentences: Spans = ()
    warnings: tuple[Warning, ...] = ()
    title: str | None = None
    url: str | None = None
    published: str | None = None
    version: str = field(default=SCHEMA_VERSION)

    def span_text(self, span: Span) -> str:
        return span.text(self.text)

    def spans_text(self, spans: Iterable[Span], sep: str = " … ") -> str:
        return sep.join(s.text(self.text) for s in spans)

    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "lang": self.lang,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "text": self.text,
            "paragraphs": spans_to_json(self.paragraphs),
            "sentences": spans_to_json(self.sentences),
            "statements": [s.to_dict() for s in self.statements],
            "actors": [a.to_dict() for a in self.actors],
            "relations": [r.to_dict() for r in self.relations],
            "warnings": [w.to_dict() for w in self.warnings],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Analysis:
        return cls(
            version=str(d.get("version", SCHEMA_VERSION)),
            lang=d["lang"],
            title=d.get("title"),
            url=d.get("url"),
            published=d.get("published"),
            text=d["text"],
            paragraphs=spans_from_json(d.get("paragraphs", ())),
            sentences=spans_from_json(d.get("sentences", ())),
            statements=tuple(Statement.from_dict(s) for s in d.get("statements", ())),
            actors=tuple(Actor.from_dict(a) for a in d.get("actors", ())),
            relations=tuple(Relation.from_dict(r) for r in d.get("relations", ())),
            warnings=tuple(Warning.from_dict(w) for w in d.get("warnings", ())),
        )

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, s: str) -> Analysis:
        """Parse ``Analysis.to_json()`` output; anything else raises ``SaysoError(E007)``."""
        from sayso.errors import E007, SaysoError

        try:
            return cls.from_dict(json.loads(s))
        except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
            raise SaysoError(E007, detail=f"{type(exc).__name__}: {exc}") from exc
