"""Reader for PolNeAR, the English political news attribution corpus (BRAT standoff).

Upstream: GitHub ``networkdynamics/PolNeAR``. A split folder holds ``text/<name>.txt``
and ``attributions/<name>_<annotator>.ann``. In an ``.ann`` file:

- ``T`` lines are text-bound entities: ``T3<TAB>Content 115 290;300 310<TAB>text``; the
  offsets may be discontinuous (``;``-separated fragments, not necessarily in text order)
  and the text may run over several lines (an entity covering a paragraph break), so a line
  that does not start an entry continues the previous entity's text.
- ``E`` lines tie entities into one attribution:
  ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``. The trigger (``Attribution`` or
  ``Attribution-no-source``) repeats the cue and is ignored; ``Content2`` is a second
  content part. One ``Source`` entity may be shared by several attributions.
- ``Discuss``/``Discard`` entities, ``#`` notes and entities no event uses are ignored.

Policies (documented choices, tested):

- The role of an entity is the role the ``E`` line gives it (``Content2`` -> content), not
  the entity's own type; the two disagree a handful of times upstream.
- An event without any content is skipped (there is nothing to pair it with).
- Double annotation: ``policy="first"`` (default) keeps, per article, the annotation file
  whose annotator id sorts first, so every article is counted once and the choice is
  reproducible; ``policy="all"`` yields one document per annotation file with the id
  ``<name>#<annotator>``.
- Articles without any annotation file are skipped: unannotated is not "no attributions".
- Scoring view (:func:`corpus_view`): a quoted fragment inside another statement (mixed
  quotation, "She called the plan \"a historic mistake\" for the region") is part of that
  attribution's content in PolNeAR, never an attribution of its own; sayso reports it as a
  nested direct statement (``parent`` set), which the view leaves out before scoring. On
  the even half of PolNeAR train, leaving out its 968 such statements cost 0.1 points of
  attribution recall and gained 7.5 of precision. Likewise a quotation continued after
  its attribution ("\"…,\" she said. \"…\"") is one attribution with several content
  fragments in PolNeAR, while sayso makes the continuation a statement of its own that
  inherits the speaker and has no cue (``group.speaker.inherit.v1``); the view joins its
  content to the latest statement with the same speaker. On the even train half (taggers
  of the odd half), 743 of the 918 such statements that overlap a gold attribution share
  it with that statement.

Every entity's offsets are checked against the text (the entity text must equal its
fragments joined by single spaces, BRAT's convention); a mismatch raises E004.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from sayso.errors import E004, E005, SaysoError
from sayso.eval.corpus import (
    GoldDoc,
    GoldQuote,
    check_span,
    make_roles,
    regex_tokens,
    require_match,
)
from sayso.model import Analysis, Span, Statement

AnnotatorPolicy = Literal["first", "all"]
POLICIES: tuple[AnnotatorPolicy, ...] = ("first", "all")

#: BRAT event role (digits stripped) -> sayso role.
ROLE_MAP: dict[str, str] = {"Content": "content", "Source": "speaker", "Cue": "cue"}

#: the rule of a statement that continues the previous statement's speaker
INHERITED = "group.speaker.inherit.v1"

_ENTRY = re.compile(r"^([TEARMN#]\d*)\t")


@dataclass(frozen=True, slots=True)
class Entity:
    """A BRAT text-bound annotation: its type and its fragments as listed in the file.

    BRAT joins the fragment texts in the listed order, which is not always text order.
    """

    type: str
    listed: tuple[Span, ...]

    @property
    def spans(self) -> tuple[Span, ...]:
        """The fragments in text order."""
        return tuple(sorted(self.listed))


def read_corpus(path: str | Path, policy: AnnotatorPolicy = "first") -> list[GoldDoc]:
    """Read a PolNeAR split folder (e.g. ``.../polnear/dev``), articles sorted by name.

    Raises E005 when ``text/`` or ``attributions/`` is missing or empty, E004 when an
    annotation's offsets disagree with its text, ValueError for an unknown ``policy``.
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown annotator policy {policy!r}; use one of {POLICIES}")
    folder = Path(path)
    texts = {p.stem: p for p in sorted((folder / "text").glob("*.txt"))}
    annotations = _annotation_files(folder / "attributions")
    if not texts or not annotations:
        raise SaysoError(E005, path=folder)
    docs = []
    for name, text_path in texts.items():
        files = annotations.get(name, [])
        if policy == "first":
            files = files[:1]
        text = _read_text(text_path)
        for annotator, ann_path in files:
            doc_id = name if policy == "first" else f"{name}#{annotator}"
            quotes = parse_ann(_read_text(ann_path), text, ann_path)
            docs.append(
                GoldDoc(id=doc_id, text=text, lang="en", quotes=quotes, tokens=regex_tokens(text))
            )
    return docs


def corpus_view(analysis: Analysis) -> Analysis:
    """``analysis`` as PolNeAR annotates it (see the module docstring): without the
    statements nested in another one, and with each continued quotation's content joined
    to the statement it continues."""
    if not any(s.parent or _continues(s) for s in analysis.statements):
        return analysis
    kept: list[Statement] = []
    for s in analysis.statements:
        if s.parent:
            continue
        if _continues(s):
            host = next(
                (k for k in range(len(kept) - 1, -1, -1) if kept[k].speaker == s.speaker), None
            )
            if host is not None:
                h = kept[host]
                kept[host] = replace(h, content=tuple(sorted({*h.content, *s.content})))
                continue
        kept.append(s)
    return replace(analysis, statements=tuple(kept))


def _continues(s: Statement) -> bool:
    """A statement without its own cue that took the previous statement's speaker."""
    return not s.cue and bool(s.speaker) and INHERITED in s.rules


def _annotation_files(folder: Path) -> dict[str, list[tuple[str, Path]]]:
    """Article name -> [(annotator id, file)] sorted by annotator id."""
    found: dict[str, list[tuple[str, Path]]] = defaultdict(list)
    for p in sorted(folder.glob("*.ann")):
        name, _, annotator = p.stem.rpartition("_")
        if name:
            found[name].append((annotator, p))
    return {name: sorted(files) for name, files in found.items()}


def _read_text(path: Path) -> str:
    try:
        # newline="" keeps "\r\n" intact: BRAT offsets count every character of the file.
        with path.open(encoding="utf-8", newline="") as f:
            return f.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise SaysoError(E004, path=path, detail=str(exc)) from exc


def parse_ann(ann: str, text: str, path: Path) -> tuple[GoldQuote, ...]:
    """The attributions of one ``.ann`` file, in event order."""
    entities, events = _parse_lines(ann, text, path)
    quotes = []
    for event in events:
        quote = _event_quote(event, entities, path)
        if quote is not None:
            quotes.append(quote)
    return tuple(quotes)


def _parse_lines(
    ann: str, text: str, path: Path
) -> tuple[dict[str, Entity], list[list[tuple[str, str]]]]:
    """Entities by id (offsets verified) and events as [(role, entity id)]."""
    entities: dict[str, Entity] = {}
    entity_texts: dict[str, list[str]] = {}
    events: list[list[tuple[str, str]]] = []
    current: str | None = None
    lines = ann.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line in lines:
        line = line.removesuffix("\r")
        m = _ENTRY.match(line)
        if m is None:
            if current is not None:  # continuation of a multi-line entity text
                entity_texts[current].append(line)
            continue
        ident, rest = m.group(1), line[m.end() :]
        current = None
        if ident.startswith("T"):
            entities[ident], entity_texts[ident] = _parse_entity(rest, text, path, ident)
            current = ident
        elif ident.startswith("E"):
            events.append(_parse_event(rest, path, ident))
    for ident, entity in entities.items():
        found = " ".join(s.text(text) for s in entity.listed)
        require_match("\n".join(entity_texts[ident]), found, path, ident)
    return entities, events


def _parse_entity(rest: str, text: str, path: Path, ident: str) -> tuple[Entity, list[str]]:
    head, _, entity_text = rest.partition("\t")
    kind, _, offsets = head.partition(" ")
    try:
        fragments = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
        spans = tuple(Span(a, b) for a, b in fragments)
    except ValueError as exc:
        raise SaysoError(E004, path=path, detail=f"{ident}: bad offsets {offsets!r}") from exc
    for span in spans:
        check_span(span, text, path, ident)
    return Entity(kind, spans), [entity_text]


def _parse_event(rest: str, path: Path, ident: str) -> list[tuple[str, str]]:
    args = []
    for arg in rest.split():
        role, sep, target = arg.partition(":")
        if not sep:
            raise SaysoError(E004, path=path, detail=f"{ident}: bad argument {arg!r}")
        args.append((role, target))
    return args


def _event_quote(
    event: list[tuple[str, str]], entities: dict[str, Entity], path: Path
) -> GoldQuote | None:
    roles: dict[str, list[Span]] = defaultdict(list)
    for role, target in event:
        sayso_role = ROLE_MAP.get(role.rstrip("0123456789"))
        if sayso_role is None:
            continue
        if target not in entities:
            raise SaysoError(E004, path=path, detail=f"event refers to unknown entity {target}")
        roles[sayso_role].extend(entities[target].spans)
    if not roles["content"]:
        return None
    return GoldQuote(roles=make_roles(roles), form=None, medium=None)
