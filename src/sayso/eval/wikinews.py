"""Reader for the German news quotation attribution corpus (WikiNews, SpkAtt-2023 Task 2).

Upstream: GitHub ``uhh-lt/german-news-quotation-attribution-2024``, folder ``data/``. One
JSON per article with ``originalText``, a flat ``tokens`` list (``charBegin``/``charEnd``)
and ``annotations``; each annotation has the roles ``quote``, ``speaker``, ``cue``,
``frame`` and ``addressee`` as ``{spans: [{begin, end, charBegin, charEnd}], text,
tokenIds}``, a ``type`` (the form) and a ``medium``.

The reader trusts nothing: every token and span offset is checked against
``originalText`` (a span must start at its first token and end at its last one, and the
role's ``text`` must equal its span texts joined by single spaces). Any mismatch raises
E004 naming the file, so a corrupted or differently versioned corpus fails loudly instead
of producing quietly wrong scores.

**Convention difference the adapter bridges** (:func:`corpus_view`, applied before
scoring and when showing errors): the corpus annotates a *reported* quotation as its
whole sentence, the speaker included ("[Die Gewerkschaft fordert höhere Löhne.]" with
speaker "Die Gewerkschaft" inside the quote: 268 of 270 reported quotations on train),
while sayso's data model keeps every role out of its statement's content. For scoring,
the content of a system statement of form ``reported`` is therefore compared as its
content together with its speaker and cue spans that lie in the content's sentences.
The statements sayso returns are not changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sayso.errors import E004, E005, SaysoError
from sayso.eval.corpus import GoldDoc, GoldQuote, check_span, make_roles, require_match
from sayso.model import Analysis, Form, Medium, Span, Spans, Statement

#: The corpus role name for each sayso role.
ROLE_KEYS: Mapping[str, str] = {
    "content": "quote",
    "speaker": "speaker",
    "cue": "cue",
    "frame": "frame",
    "addressee": "addressee",
}

FORMS: Mapping[str, Form] = {
    "Direct": Form.DIRECT,
    "Indirect": Form.INDIRECT,
    "FreeIndirect": Form.FREE_INDIRECT,
    "IndirectFreeIndirect": Form.INDIRECT_FREE_INDIRECT,
    "Reported": Form.REPORTED,
}

MEDIA: Mapping[str, Medium] = {
    "Speech": Medium.SPEECH,
    "Writing": Medium.WRITING,
    "Thought": Medium.THOUGHT,
    "ST": Medium.SPEECH_THOUGHT,
    "SW": Medium.SPEECH_WRITING,
    "TW": Medium.THOUGHT_WRITING,
}


def corpus_view(analysis: Analysis) -> Analysis:
    """``analysis`` as the corpus annotates it (see the module docstring): each reported
    statement's content joined by its speaker and cue spans inside the content's
    sentences. Other statements and the analysis itself are left as they are."""
    if not any(s.form is Form.REPORTED for s in analysis.statements):
        return analysis
    statements = tuple(
        _as_reported_quote(s, analysis) if s.form is Form.REPORTED else s
        for s in analysis.statements
    )
    return replace(analysis, statements=statements)


def _as_reported_quote(statement: Statement, analysis: Analysis) -> Statement:
    hosts = [x for x in analysis.sentences if any(x.overlaps(c) for c in statement.content)]
    roles = [
        r
        for r in statement.speaker + statement.cue
        if any(x.start <= r.start and r.end <= x.end for x in hosts)
    ]
    if not roles:
        return statement
    content = _union(analysis.text, statement.content + tuple(roles))
    return replace(statement, content=content)


def _union(text: str, spans: Spans) -> Spans:
    """Spans merged where they overlap or only whitespace lies between them."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda x: (x.start, x.end)):
        if merged and not text[merged[-1].end : span.start].strip():
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return tuple(merged)


def read_corpus(path: str | Path, lang: str = "de") -> list[GoldDoc]:
    """Read every ``*.json`` in the folder ``path`` (sorted by file name).

    Raises E005 when the folder is missing or holds no JSON file, E004 when a file is not
    valid JSON or its offsets disagree with its text.
    """
    folder = Path(path)
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        raise SaysoError(E005, path=folder)
    return [read_document(f, lang) for f in files]


def read_document(path: Path, lang: str = "de") -> GoldDoc:
    """Read one article file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SaysoError(E004, path=path, detail=str(exc)) from exc
    try:
        return _parse(data, path, lang)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise SaysoError(E004, path=path, detail=f"unexpected structure ({exc!r})") from exc


def _parse(data: Mapping[str, Any], path: Path, lang: str) -> GoldDoc:
    text: str = data["originalText"]
    tokens = _tokens(data["tokens"], text, path)
    quotes = tuple(
        _quote(a, text, tokens, path, f"annotation {i}") for i, a in enumerate(data["annotations"])
    )
    doc_id = str(
        data.get("documentName") or path.name.removesuffix(".json").removesuffix(".pretty")
    )
    return GoldDoc(id=doc_id, text=text, lang=lang, quotes=quotes, tokens=tokens)


def _tokens(raw: Sequence[Mapping[str, Any]], text: str, path: Path) -> tuple[Span, ...]:
    """The corpus tokens as char spans, each checked against the text it claims to cover."""
    tokens = []
    for i, tok in enumerate(raw):
        span = Span(int(tok["charBegin"]), int(tok["charEnd"]))
        check_span(span, text, path, f"token {i}")
        require_match(str(tok["text"]), span.text(text), path, f"token {i}")
        tokens.append(span)
    return tuple(tokens)


def _quote(
    ann: Mapping[str, Any], text: str, tokens: Sequence[Span], path: Path, what: str
) -> GoldQuote:
    roles = {
        role: _role_spans(ann.get(key), text, tokens, path, f"{what} {key}")
        for role, key in ROLE_KEYS.items()
    }
    return GoldQuote(
        roles=make_roles(roles),
        form=FORMS.get(str(ann.get("type"))),
        medium=MEDIA.get(str(ann.get("medium")), Medium.UNKNOWN),
        nested=bool(ann.get("isNested", False)),
    )


def _role_spans(
    role: Mapping[str, Any] | None, text: str, tokens: Sequence[Span], path: Path, what: str
) -> tuple[Span, ...]:
    """A role's spans, verified against the text and the token boundaries."""
    if not role:
        return ()
    spans = []
    for raw in role.get("spans", ()):
        span = Span(int(raw["charBegin"]), int(raw["charEnd"]))
        check_span(span, text, path, what)
        first, last = int(raw["begin"]), int(raw["end"]) - 1
        if not (0 <= first <= last < len(tokens)):
            raise SaysoError(E004, path=path, detail=f"{what}: token range {first}..{last}")
        if tokens[first].start != span.start or tokens[last].end != span.end:
            raise SaysoError(
                E004, path=path, detail=f"{what}: char offsets disagree with token offsets"
            )
        spans.append(span)
    if "text" in role:
        require_match(str(role["text"]), " ".join(s.text(text) for s in spans), path, what)
    return tuple(spans)
