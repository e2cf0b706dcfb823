"""sayso: who says so, on whose authority, how sure is the report, and who says otherwise.

``import sayso`` is light: the vocabulary (``sayso.model``) and the errors load at once,
the extraction (:func:`analyze`, with numpy, scipy and the tagger models) only when
``sayso.analyze`` is first used, so that ``sayso.ingest``, ``sayso.ledger`` and the query
commands start without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sayso.errors import SaysoError
from sayso.model import (
    Actor,
    ActorKind,
    Analysis,
    Evidence,
    Form,
    Medium,
    Relation,
    RelationKind,
    Span,
    Statement,
)

if TYPE_CHECKING:
    from sayso.pipeline import analyze

__version__ = "0.1.0"


__all__ = [
    "Actor",
    "ActorKind",
    "Analysis",
    "Evidence",
    "Form",
    "Medium",
    "Relation",
    "RelationKind",
    "SaysoError",
    "Span",
    "Statement",
    "__version__",
    "analyze",
]


def __getattr__(name: str) -> Any:
    """``sayso.analyze`` imports the extraction pipeline on first use (PEP 562)."""
    if name == "analyze":
        from sayso.pipeline import analyze

        globals()["analyze"] = analyze
        return analyze
    raise AttributeError(f"module 'sayso' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
