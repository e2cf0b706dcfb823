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

__version__ = "0.1.0"


def analyze(
    text: str | bytes,
    lang: str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Analysis:
    """Find every attributed statement in a news article (German or English).

    Pure and deterministic: no I/O beyond reading the bundled language data once.
    """
    from sayso.pipeline import analyze as _analyze

    return _analyze(text, lang, title=title, url=url, published=published)


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
