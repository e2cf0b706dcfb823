"""The rule catalogue: what every rule id an analysis or the ledger records means.

The ids are declared once, in ``rules.toml`` next to this module, each with the component
that records it (a :data:`sayso.pipeline.PIPELINE` component's name, or
``ledger.identity`` / ``ledger.manual``), a one-line description of what it matched and
an example sentence. ``sayso rules`` prints the catalogue; a test fails when an analysis
records an id the catalogue lacks.

The ids follow ``<family>.<phenomenon>[.<detail>][.v<N>]``; the family says what kind of
decision it was (see ``docs/architecture.md``): ``rule.`` a rule proposed the statement,
``group.`` a rule refined its roles or content, ``crf.`` a model's label (unversioned:
the model's version is in its meta), ``lexicon.`` a lexicon entry, ``chain.`` a source
chain hop, ``actor.`` actor resolution, ``framing.`` a framing facet's evidence,
``relation.`` a relation between statements, ``identity.`` / ``manual.`` the ledger's
actor matching.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sayso.model import Analysis

#: the ledger's own "components" (it has no pipeline): actor matching and manual fixes
LEDGER_COMPONENTS = {
    "ledger.identity": "the ledger links a document's actor to a ledger actor",
    "ledger.manual": "a user merged or split ledger actors by hand",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One catalogue entry."""

    id: str
    component: str
    doc: str
    example: str

    def to_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "component": self.component,
            "doc": self.doc,
            "example": self.example,
        }


@cache
def catalogue() -> dict[str, Rule]:
    """Every declared rule id, in catalogue order (grouped by component)."""
    data = tomllib.loads(resources.files("sayso").joinpath("rules.toml").read_text("utf-8"))
    out: dict[str, Rule] = {}
    for entry in data["rule"]:
        rule = Rule(entry["id"], entry["component"], entry["doc"], entry["example"])
        if rule.id in out:
            raise ValueError(f"rules.toml declares {rule.id} twice")
        out[rule.id] = rule
    return out


def find(query: str) -> list[Rule]:
    """The entry with id ``query``, or else every entry whose id or component starts with
    it (``rule.according_to.de`` lists the German according-to patterns,
    ``extract.speakers`` the rules of that module's components)."""
    rules = catalogue()
    if query in rules:
        return [rules[query]]
    return [r for r in rules.values() if r.id.startswith(query) or r.component.startswith(query)]


def recorded(analysis: Analysis) -> set[str]:
    """Every rule id ``analysis`` records: statements' rules, their evidence (cue lexicon,
    source chain hops) and framing evidence, relations' and actors' rules."""
    out: set[str] = set()
    for s in analysis.statements:
        out.update(s.rules)
        out.update(e.rule for e in s.evidence)
        out.update(e.rule for e in s.framing.evidence)
    for r in analysis.relations:
        out.update(r.rules)
    for a in analysis.actors:
        out.update(a.rules)
    return out


def unknown(ids: Iterable[str]) -> list[str]:
    """The ids among ``ids`` the catalogue does not declare, sorted."""
    rules = catalogue()
    return sorted({i for i in ids if i not in rules})
