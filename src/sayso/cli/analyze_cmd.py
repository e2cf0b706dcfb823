"""``sayso analyze [FILE|-]``: one article in, its statements out (text, json or jsonl)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sayso import errors
from sayso.errors import SaysoError
from sayso.model import Analysis, Statement
from sayso.text.clean import decode

FORMATS = ("text", "json", "jsonl")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "analyze",
        help="find the attributed statements in one article",
        description="Analyse one article (a file, or - for standard input) and print every "
        "attributed statement: speaker, cue, content, form, medium and the rules that fired.",
    )
    p.add_argument("file", nargs="?", default="-", help="text file, or - for stdin (default)")
    p.add_argument("--lang", choices=["de", "en"], default=None, help="default: detect")
    p.add_argument(
        "--format", dest="fmt", default="text", help=" | ".join(FORMATS) + " (default: text)"
    )
    p.add_argument("--title", default=None, help="the article's headline (kept in the output)")
    p.add_argument("--url", default=None, help="the article's address (kept in the output)")
    p.add_argument(
        "--published", default=None, help="publication date, e.g. 2024-03-05 (kept in the output)"
    )
    p.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the text format (default: auto, when writing to a terminal)",
    )
    p.set_defaults(func=run)


def read_input(name: str) -> str:
    if name == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # sys.stdin replaced by a text stream (StringIO) when embedded
            return sys.stdin.read()
        return decode(buffer.read())
    path = Path(name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SaysoError(errors.E004, path=path, detail=exc.strerror or str(exc)) from exc
    return decode(data)


def run(args: argparse.Namespace) -> int:
    from sayso import analyze

    if args.fmt not in FORMATS:
        raise SaysoError(errors.E010, fmt=args.fmt, choices=", ".join(FORMATS))
    text = read_input(args.file)
    analysis = analyze(text, args.lang, title=args.title, url=args.url, published=args.published)
    if args.fmt == "json":
        print(analysis.to_json(indent=2))
    elif args.fmt == "jsonl":
        # U+2028/U+2029 are legal inside JSON strings but split lines for str.splitlines()
        # and many JSONL readers; escaped they keep one analysis on one line
        line = analysis.to_json().replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        print(line)
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        print(render_text(analysis, color=color))
    return 0


_STYLES = {"speaker": "1;36", "cue": "1;33", "form": "35", "rule": "2", "warn": "31", "hdr": "1"}


def _c(s: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLES[style]}m{s}\x1b[0m" if color else s


def _statement_line(a: Analysis, s: Statement, color: bool) -> list[str]:
    actor = a.actor(s.actor)
    who = a.spans_text(s.speaker) if s.speaker else "(no speaker)"
    if actor is not None and actor.name != who:
        who += f" [{actor.name}, {actor.kind.value}]"
    elif actor is not None:
        who += f" [{actor.kind.value}]"
    cue = a.spans_text(s.cue) if s.cue else "(no cue)"
    content = " ".join(a.spans_text(s.content).split())  # one line even across paragraphs
    if len(content) > 300:
        content = content[:297] + "…"
    lines = [
        f"{s.id}  {_c(who, 'speaker', color)} → {_c(cue, 'cue', color)} → {content}",
        "      "
        + _c(f"{s.form.value}, {s.medium.value}", "form", color)
        + (f", to {a.spans_text(s.addressee)}" if s.addressee else "")
        + (f", nested in {s.parent}" if s.parent else ""),
        "      " + _c("rules: " + ", ".join(s.rules), "rule", color),
    ]
    entries = [e.entry for e in s.evidence if e.entry]
    if entries:
        lines.append("      " + _c("lexicon: " + ", ".join(entries), "rule", color))
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def render_text(a: Analysis, color: bool = False) -> str:
    """A reading view for people: each statement as speaker → cue → content."""
    out = [_c(f"{_count(len(a.statements), 'statement')} ({a.lang})", "hdr", color)]
    if a.title:
        out.insert(0, _c(a.title, "hdr", color))
    for s in a.statements:
        out.extend(_statement_line(a, s, color))
    if a.actors:
        out.append("")
        out.append(_c("actors", "hdr", color))
        for actor in a.actors:
            n = sum(1 for s in a.statements if s.actor == actor.id)
            role = f", {actor.role}" if actor.role else ""
            out.append(
                f"{actor.id}  {actor.name} ({actor.kind.value}{role}): {_count(n, 'statement')}"
            )
    for w in a.warnings:
        out.append(_c(f"warning {w.code}: {w.message}", "warn", color))
    return "\n".join(out)


def schema() -> dict[str, Any]:
    """The JSON Schema of ``--format json`` (shipped in the package)."""
    from importlib import resources

    path = resources.files("sayso") / "schema" / "analysis.schema.json"
    result: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return result
