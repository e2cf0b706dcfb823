"""``sayso analyze [FILE|-]``: one article in, its statements out (text, json or jsonl)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sayso import errors
from sayso.cli.output import count
from sayso.errors import SaysoError
from sayso.ingest import IngestError
from sayso.model import Analysis, Relation, RelationKind, Statement
from sayso.text.safe import safe, trusted

FORMATS = ("text", "json", "jsonl")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "analyze",
        help="find the attributed statements in one article",
        description="Analyse one article (a file, or - for standard input) and print every "
        "attributed statement: speaker, cue, content, form, medium and the rules that fired "
        "('sayso rules ID' says what a rule id means).",
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


def read_input(name: str) -> bytes:
    if name == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # sys.stdin replaced by a text stream (StringIO) when embedded
            return str(sys.stdin.read()).encode("utf-8")
        return bytes(buffer.read())
    path = Path(name)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SaysoError(errors.E004, path=path, detail=exc.strerror or str(exc)) from exc


def run(args: argparse.Namespace) -> int:
    from sayso.files import IngestFailed, analyze_file

    if args.fmt not in FORMATS:
        raise SaysoError(errors.E010, fmt=args.fmt, choices=", ".join(FORMATS))
    # HTML, feeds, WARC, JSONL, CSV, .gz are read as 'sayso ingest' reads them: the first
    # article, or (jsonl) every article; plain text is analysed as it is
    fields = {"title": args.title, "url": args.url, "published": args.published}
    failed: list[IngestError] = []  # held back until an article was analysed
    analysed = partial = False
    for item in analyze_file(read_input(args.file), args.file, args.lang, **fields):
        if isinstance(item, IngestError):
            failed.append(item)
        else:
            _print(item, args)
            analysed = True
        if analysed:
            for error in failed:  # a record that could not be read; the others were
                print(f"sayso: error {error.code}: {error.message}", file=sys.stderr)
            partial = partial or bool(failed)
            failed.clear()
            if args.fmt != "jsonl":
                return 0
    if failed and not analysed:  # no article could be read at all
        for error in failed[:-1]:
            print(f"sayso: error {error.code}: {error.message}", file=sys.stderr)
        raise IngestFailed(failed[-1])
    # exit status 3: some records of the file could not be read, the others were analysed
    return 3 if partial else 0


def _print(analysis: Analysis, args: argparse.Namespace) -> None:
    if args.fmt == "json":
        print(analysis.to_json(indent=2))
    elif args.fmt == "jsonl":
        # U+2028/U+2029 are legal inside JSON strings but split lines for str.splitlines()
        # and many JSONL readers; escaped they keep one analysis on one line
        line = analysis.to_json().replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        print(line)
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        # render_text escapes the data itself, so its colour codes may go out as they are
        print(render_text(analysis, color=color), file=trusted(sys.stdout))


_STYLES = {
    "speaker": "1;36",
    "cue": "1;33",
    "form": "35",
    "frame": "32",
    "rule": "2",
    "warn": "31",
    "hdr": "1",
}


def _c(s: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLES[style]}m{s}\x1b[0m" if color else s


def _short(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters, control characters escaped (safe)."""
    text = " ".join(text.split())  # one line even across paragraphs
    return safe(text if len(text) <= limit else text[: limit - 1] + "…")


def _actor_label(a: Analysis, actor_id: str | None) -> str:
    actor = a.actor(actor_id)
    if actor is None:
        return "(unknown)"
    return f"{safe(actor.name)} ({actor.kind.value})"


def _framing_line(a: Analysis, s: Statement) -> str | None:
    f = s.framing
    parts = []
    for label, facet in (
        ("hearsay", "hearsay"),
        ("hedged", "hedge"),
        (f.stance.value, "stance"),
        (f.confirmation.value, "confirmation"),
    ):
        if label not in f.labels():
            continue
        words = [f'"{_short(a.span_text(e.span), 80)}"' for e in f.why(facet) if e.span is not None]
        parts.append(label + (f" ({', '.join(dict.fromkeys(words))})" if words else ""))
    return "framing: " + "; ".join(parts) if parts else None


def _statement_line(a: Analysis, s: Statement, color: bool) -> list[str]:
    actor = a.actor(s.actor)
    who = _short(a.spans_text(s.speaker), 120) if s.speaker else "(no speaker)"
    if actor is not None and safe(actor.name) != who:
        who += f" [{safe(actor.name)}, {actor.kind.value}]"
    elif actor is not None:
        who += f" [{actor.kind.value}]"
    cue = _short(a.spans_text(s.cue), 120) if s.cue else "(no cue)"
    content = _short(a.spans_text(s.content), 300)
    lines = [
        f"{s.id}  {_c(who, 'speaker', color)} → {_c(cue, 'cue', color)} → {content}",
        "      "
        + _c(f"{s.form.value}, {s.medium.value}", "form", color)
        + (f", to {_short(a.spans_text(s.addressee), 120)}" if s.addressee else "")
        + (f", nested in {s.parent}" if s.parent else ""),
    ]
    if len(s.chain) > 1 or (s.chain and s.chain[0] != s.actor):
        lines.append("      chain: " + " → ".join(_actor_label(a, c) for c in s.chain))
    framing = _framing_line(a, s)
    if framing:
        lines.append("      " + _c(framing, "frame", color))
    lines.append("      " + _c("rules: " + safe(", ".join(s.rules)), "rule", color))
    entries = [safe(e.entry) for e in s.evidence if e.entry]
    if entries:
        lines.append("      " + _c("lexicon: " + ", ".join(entries), "rule", color))
    return lines


def _relation_line(a: Analysis, r: Relation) -> str:
    if r.target is not None:
        target = r.target
    elif r.target_actor is not None:
        target = f"an account of {_actor_label(a, r.target_actor)} not reported here"
    else:
        target = "an account not reported here"
    evidence = ", ".join(f'"{_short(a.span_text(e), 80)}"' for e in r.evidence[:2])
    reason = f": {safe(r.reason)}" if r.reason and r.kind is not RelationKind.NESTED_IN else ""
    conf = f" ({r.confidence:.2f})" if r.confidence < 1 else ""
    return f"{r.id}  {r.source} {r.kind.value} {target}{conf}{reason} — {evidence}"


def render_text(a: Analysis, color: bool = False) -> str:
    """A reading view for people, the article's claim map: each statement as speaker →
    cue → content with its chain and framing; then each actor with what it says and what
    it is the source of; then the relations between statements. Every piece of text from
    the data is escaped (:func:`sayso.text.safe.safe`): the only escape sequences in the
    result are its own colours."""
    head = f"{count(len(a.statements), 'statement')} ({a.lang})"
    if a.relations:
        head += f", {count(len(a.relations), 'relation')}"
    out = [_c(head, "hdr", color)]
    if a.title:
        out.insert(0, _c(safe(a.title), "hdr", color))
    for s in a.statements:
        out.extend(_statement_line(a, s, color))
    if a.actors:
        out.append("")
        out.append(_c("actors", "hdr", color))
        for actor in a.actors:
            says = [s for s in a.statements if s.actor == actor.id]
            via = [s for s in a.statements if actor.id in s.chain and s.actor != actor.id]
            role = f", {safe(actor.role)}" if actor.role else ""
            out.append(
                f"{actor.id}  {_c(safe(actor.name), 'speaker', color)} "
                f"({actor.kind.value}{role}): "
                f"{count(len(says), 'statement')}"
                + (f", source in the chain of {len(via)} more" if via else "")
            )
            for s in says + via:
                labels = s.framing.labels()
                tag = f" [{', '.join(labels)}]" if labels else ""
                how = "says" if s in says else "via "
                out.append(f"      {how} {s.id}{tag}: {_short(a.spans_text(s.content), 100)}")
    if a.relations:
        out.append("")
        out.append(_c("relations", "hdr", color))
        out.extend(_relation_line(a, r) for r in a.relations)
    for w in a.warnings:
        out.append(_c(f"warning {w.code}: {safe(w.message)}", "warn", color))
    return "\n".join(out)


def schema() -> dict[str, Any]:
    """The JSON Schema of ``--format json`` (shipped in the package)."""
    from importlib import resources

    path = resources.files("sayso") / "schema" / "analysis.schema.json"
    result: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return result
