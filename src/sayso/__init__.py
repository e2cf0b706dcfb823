"""sayso: who says so, on whose authority, how sure is the report, and who says otherwise."""

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
