"""The gold-corpus vocabulary shared by every corpus reader and scorer.

A reader turns a corpus in its upstream format into :class:`GoldDoc` records: the text,
its language, the corpus' own tokenisation (as character spans, because the metrics count
tokens) and the gold quotations with their roles as character spans. Scorers then only
ever see this one shape, whatever the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sayso.errors import E004, SaysoError
from sayso.model import Form, Medium, Span

#: The role names of a gold quotation, in the order reports list them. ``content`` is the
#: quotation itself (the "quote"/"message" role of the German corpus, "Content" in PolNeAR).
ROLES: tuple[str, ...] = ("content", "speaker", "cue", "frame", "addressee")

#: The tokenisation used for corpora that ship none (PolNeAR): words and single symbols.
TOKEN_PATTERN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold quotation: its role spans, and its form and medium where the corpus has them.

    ``roles`` always has all five keys of :data:`ROLES`; a role the annotators left empty
    maps to an empty tuple. ``form``/``medium`` are ``None`` for corpora without those labels.
    ``nested`` marks a quotation inside another one (German corpus: ``isNested``).
    """

    roles: dict[str, tuple[Span, ...]]
    form: Form | None
    medium: Medium | None
    nested: bool = False

    @property
    def content(self) -> tuple[Span, ...]:
        return self.roles["content"]


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold document: text, language, corpus tokens (char spans) and quotations."""

    id: str
    text: str
    lang: str
    quotes: tuple[GoldQuote, ...]
    tokens: tuple[Span, ...]


def make_roles(roles: Mapping[str, Iterable[Span]]) -> dict[str, tuple[Span, ...]]:
    """A complete role dict: every key of :data:`ROLES`, spans sorted and de-duplicated.

    Unknown keys are an error, so a reader cannot silently invent a role.
    """
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}; expected a subset of {ROLES}")
    return {role: tuple(sorted(set(roles.get(role, ())))) for role in ROLES}


def regex_tokens(text: str) -> tuple[Span, ...]:
    """Tokens as char spans: runs of word characters, and every other non-space character."""
    return tuple(Span(m.start(), m.end()) for m in TOKEN_PATTERN.finditer(text))


def check_span(span: Span, text: str, path: Path, what: str) -> None:
    """Raise E004 when ``span`` is empty or does not lie inside ``text``."""
    if span.start >= span.end or span.end > len(text):
        raise SaysoError(
            E004,
            path=path,
            detail=f"{what}: offsets [{span.start}, {span.end}) outside the text "
            f"of {len(text)} characters",
        )


def require_match(expected: str, found: str, path: Path, what: str) -> None:
    """Raise E004 when the annotation's own copy of a text differs from the document's."""
    if expected != found:
        raise SaysoError(
            E004,
            path=path,
            detail=f"{what}: offsets give {found[:60]!r}, annotation says {expected[:60]!r}",
        )
