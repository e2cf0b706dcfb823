"""Components: the declared steps of an analysis, and the per-document work they share.

Every step of :func:`sayso.analyze` after segmentation is a :class:`Component`: a
versioned name (``<package>.<module>.<step>.v<N>``), a :class:`Stage`, the languages,
language-profile flags and setting it runs for, and one calling convention,
``run(work) -> None``, on the document's mutable :class:`Work`. The order is declared
once, in :data:`sayso.pipeline.PIPELINE`; adding a rule means adding one component (and its
words in ``lang/<lang>/``) and its rule ids in :mod:`sayso.rules`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sayso.extract.draft import Draft
from sayso.lang import LangProfile
from sayso.model import Actor, Relation, Span, Statement, Warning
from sayso.settings import Settings
from sayso.tagging.tagger import Tagged, Taggers
from sayso.text.segment import Segmented


class Stage(StrEnum):
    """What a component does to the work."""

    PROPOSE = "propose"  # adds drafts (statements under construction)
    REFINE = "refine"  # changes the roles, content or order of drafts
    FILTER = "filter"  # drops or replaces drafts
    FINISH = "finish"  # turns the drafts into statements
    EVIDENCE = "evidence"  # actors, source chains, framing and relations of statements


@dataclass(slots=True)
class Work:
    """One document's analysis in progress: what the components read and change."""

    seg: Segmented
    profile: LangProfile
    settings: Settings
    taggers: Taggers
    #: the taggers' token scores, dropped after the last component that reads them
    tagged: Tagged | None = None
    drafts: list[Draft] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    actors: tuple[Actor, ...] = ()
    #: the actor id of every resolved mention, keyed by its first span
    actor_of: dict[Span, str] = field(default_factory=dict)
    #: speaker mentions the in-document entity step resolved, keyed by their first span:
    #: (the spans of the mention they refer to, or None for an unresolved pronoun; rule)
    entity_links: dict[Span, tuple[tuple[Span, ...] | None, str]] = field(default_factory=dict)
    #: stated disputes/confirmations, then inferred contradictions (ids set at the end)
    stated: list[Relation] = field(default_factory=list)
    inferred: list[Relation] = field(default_factory=list)
    #: statements a negated confirmation leaves unconfirmed: id -> (evidence, cue word)
    not_confirmed: dict[str, tuple[Span, str]] = field(default_factory=dict)
    relations: tuple[Relation, ...] = ()
    warnings: list[Warning] = field(default_factory=list)

    @property
    def scores(self) -> Tagged:
        """The token scores (only components declared with ``scores=True`` read them)."""
        if self.tagged is None:
            raise RuntimeError("token scores read after they were dropped: set scores=True")
        return self.tagged


Run = Callable[[Work], None]


@dataclass(frozen=True, slots=True)
class Component:
    """One declared step. ``langs=None`` runs for every language; ``requires`` names
    language-profile fields that must be set (``"content_clause.stub_tokens"`` looks into
    a typed section of :mod:`sayso.lang.sections`); ``setting`` is a boolean
    :class:`~sayso.settings.Settings` field and the value it must have; ``scores`` says
    the step reads the taggers' token scores."""

    name: str
    stage: Stage
    run: Run
    doc: str = ""
    langs: frozenset[str] | None = None
    requires: tuple[str, ...] = ()
    setting: tuple[str, bool] | None = None
    scores: bool = False

    def applies(self, work: Work) -> bool:
        """Whether this component runs on ``work``'s document."""
        if self.langs is not None and work.profile.lang not in self.langs:
            return False
        if self.setting is not None:
            name, value = self.setting
            if bool(getattr(work.settings, name)) is not value:
                return False
        if self.stage is Stage.EVIDENCE and not work.statements:
            # nothing to chain, frame or relate (a tenth of news articles): every evidence
            # step would scan the text for its words and find nothing to attach them to
            return False
        return all(_flag(work.profile, flag) for flag in self.requires)


def _flag(profile: LangProfile, flag: str) -> bool:
    head, _, key = flag.partition(".")
    value = getattr(profile, head)
    if key:
        return value is not None and bool(getattr(value, key))
    return bool(value)


def component(
    name: str,
    stage: Stage,
    *,
    langs: frozenset[str] | None = None,
    requires: tuple[str, ...] = (),
    setting: tuple[str, bool] | None = None,
    scores: bool = False,
) -> Callable[[Run], Component]:
    """Declare a function ``run(work) -> None`` as a component; its docstring's first line
    is the component's description."""

    def wrap(run: Run) -> Component:
        doc = (run.__doc__ or "").strip().split("\n\n")[0]
        return Component(
            name,
            stage,
            run,
            " ".join(doc.split()),
            langs=langs,
            requires=requires,
            setting=setting,
            scores=scores,
        )

    return wrap


def run_all(work: Work, components: Sequence[Component]) -> None:
    """Run ``components`` in order on ``work``; the token scores (a text's size in floats)
    are dropped after the last component that reads them."""
    last = max((k for k, c in enumerate(components) if c.scores), default=-1)
    for k, c in enumerate(components):
        if c.applies(work):
            c.run(work)
        if k == last:
            work.tagged = None
