"""The ledger's reading commands: ``claims``, ``actors``, ``show``, ``accounts``, ``export``.

Each is a thin wrapper over :class:`sayso.ledger.Ledger`; ``--json`` prints what the
library returns.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from sayso.cli import args as types
from sayso.cli.ledger_common import add_db_argument, open_ledger
from sayso.cli.output import count
from sayso.text.safe import trusted

if TYPE_CHECKING:
    from sayso.ledger.query import StatementQuery

FRAMINGS = "hearsay, hedged, distancing, endorsing, confirmed, unconfirmed, denied"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "claims",
        help="claims in the ledger with every outlet that carried them",
        description="Claims of the statements matching the filters, most widespread first, "
        "each with its appearances: one per article (outlet, date, form, speaker, framing), "
        "a quote fragment inside a longer statement of the same article counted once.",
    )
    _filters(p)
    p.add_argument(
        "--min",
        type=types.positive("--min"),
        default=1,
        help="carried by at least this many articles (counted over every match)",
    )
    p.add_argument("--limit", type=types.count("--limit"), default=20, help="claims shown")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run_claims)

    p = sub.add_parser(
        "actors",
        help="actors across articles; merge, split and undo",
        description="Without a sub-command: the actors with the most statements. 'merge INTO "
        "OTHER' merges two actors, 'split MERGE' undoes a merge, 'split-name ACTOR NAME' moves "
        "the documents that wrote NAME to a new actor, 'merges' lists the log.",
    )
    add_db_argument(p)
    p.add_argument("--name", default=None, help="spelling to look for (any variant)")
    p.add_argument(
        "--kind", type=types.actor_kind, default=None, help="person, organization, outlet, …"
    )
    p.add_argument("--limit", type=types.count("--limit"), default=30, help="actors shown")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run_actors, action=None)
    _register_actor_actions(p)

    p = sub.add_parser(
        "show",
        help="one stored document: its text with the statements marked, and its claim map",
        description="A stored document (by id, id prefix or URL) with its metadata, its "
        "text with every statement marked ([s1 …] what was said, {…} speaker, <…> cue) and "
        "its claim map: statements, chains, framing, actors and relations.",
    )
    add_db_argument(p)
    p.add_argument("document", help="document id (or a unique prefix of it)")
    p.add_argument(
        "--format", dest="fmt", choices=["text", "json"], default="text", help="default: text"
    )
    p.set_defaults(func=run_show)

    p = sub.add_parser(
        "accounts",
        help="each source's account of an event, side by side, with how they relate",
        description="The newest statements matching QUERY (full text; with --since/--until "
        "the best matches of that window), grouped into events; for each "
        "event every source's account with its framing, and the relations between accounts "
        "from different articles (same claim, disputes, contradicts, supports) with evidence "
        "and confidence.",
    )
    add_db_argument(p)
    p.add_argument("query", help="full-text query, e.g. 'Raketenangriff Hafen'")
    p.add_argument("--lang", choices=["de", "en"], default=None, help="only this language")
    p.add_argument("--since", type=types.day("--since"), default=None, help="YYYY-MM-DD")
    p.add_argument("--until", type=types.day("--until"), default=None, help="YYYY-MM-DD")
    p.add_argument(
        "--limit",
        type=types.count("--limit"),
        default=200,
        help="newest matching statements considered",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run_accounts)

    p = sub.add_parser(
        "export",
        help="statements as JSON lines, CSV or Parquet",
        description="Every statement matching the filters, one row each with its document, "
        "outlet, date, speaker, actor name, source chain as names, form, framing with its "
        "words, the sentence around it and claim (ids in columns of their own).",
    )
    _filters(p)
    p.add_argument("--format", dest="fmt", default="jsonl", help="jsonl | csv | parquet")
    p.add_argument("--out", default=None, help="file (default: stdout; Parquet needs a file)")
    p.add_argument(
        "--excel",
        action="store_true",
        help="CSV for spreadsheets (Excel, LibreOffice, German locale): semicolons, CRLF, "
        "UTF-8 byte-order mark",
    )
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(func=run_export)


def _register_actor_actions(p: argparse.ArgumentParser) -> None:
    """``actors merge|split|split-name|merges``."""
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    m = actions.add_parser(
        "merge",
        help="merge actor OTHER into INTO",
        description="Merge ledger actor OTHER into INTO: every document's link, statement and "
        "chain entry moves; the move is logged and can be undone with 'split'.",
    )
    m.add_argument("into", type=int, help="actor id that stays")
    m.add_argument("other", type=int, help="actor id merged into INTO")
    m.add_argument("--note", default=None, help="why (kept in the merge log)")
    s = actions.add_parser(
        "split",
        help="undo merge MERGE",
        description="Undo a merge (or a split-name): every row it moved goes back.",
    )
    s.add_argument("merge", type=int, help="merge id (from 'sayso actors merges')")
    n = actions.add_parser(
        "split-name",
        help="move the documents that wrote NAME to a new actor",
        description="Two people under one actor: the documents that wrote NAME for ACTOR get "
        "a new actor of their own (logged; undo with 'split').",
    )
    n.add_argument("actor", type=int, help="actor id")
    n.add_argument("name", help="the spelling whose documents move to a new actor")
    n.add_argument("--note", default=None, help="why (kept in the merge log)")
    g = actions.add_parser(
        "merges",
        help="the merge and split log",
        description="Every merge and split, newest first, for one actor when given.",
    )
    g.add_argument("actor", type=int, nargs="?", default=None, help="only this actor id")
    for q in (m, s, n, g):
        add_db_argument(q)
        q.add_argument("--json", action="store_true", help="machine-readable output")


def _filters(p: argparse.ArgumentParser) -> None:
    add_db_argument(p)
    p.add_argument("--speaker", default=None, help="speaker name (any spelling) or actor id")
    p.add_argument("--about", default=None, help="full-text query")
    p.add_argument("--outlet", default=None, help="site / outlet name")
    p.add_argument("--since", type=types.day("--since"), default=None, help="YYYY-MM-DD")
    p.add_argument("--until", type=types.day("--until"), default=None, help="YYYY-MM-DD")
    p.add_argument("--framing", type=types.framing, action="append", default=None, help=FRAMINGS)
    p.add_argument("--lang", choices=["de", "en"], default=None, help="only this language")
    p.add_argument(
        "--min-confidence",
        type=types.probability("--min-confidence"),
        default=None,
        metavar="P",
        help="only statements whose attribution confidence is at least P (0..1)",
    )


def _filter_args(args: argparse.Namespace) -> StatementQuery:
    """The statement filters of a claims or export command."""
    from sayso.ledger.query import StatementQuery

    speaker: str | int | None = args.speaker
    if isinstance(speaker, str) and speaker.isdigit():
        speaker = int(speaker)
    return StatementQuery(
        speaker=speaker,
        about=args.about,
        outlet=args.outlet,
        since=args.since,
        until=args.until,
        framing=args.framing,
        lang=args.lang,
        min_confidence=args.min_confidence,
    )


def _dump(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def run_claims(args: argparse.Namespace) -> int:
    with open_ledger(args.db) as ledger:
        found = ledger.claims(_filter_args(args), min_appearances=args.min, limit=args.limit)
    if args.json:
        _dump(found)
        return 0
    for c in found:
        span = c["first_seen"] or "?"
        if c["last_seen"] and c["last_seen"] != c["first_seen"]:
            span += f" – {c['last_seen']}"
        n = count(c["appearances"], "article")
        emit(f"claim {c['id']}  {n} ({span}): {_short(c['text'], 110)}")
        for a in c["statements"]:
            labels = a["framing"] if isinstance(a.get("framing"), list) else []
            tag = f" [{', '.join(labels)}]" if labels else ""
            who = a.get("actor") or a.get("speaker") or "(unknown source)"
            more = a.get("fragments") or []
            also = f" (+{len(more)} more in the article: #{', #'.join(map(str, more))})"
            emit(
                f"    {a.get('published_date') or '?':<10}  {a.get('site') or '?':<18} "
                f"{a['form']:<22} {who}{tag}{also if more else ''}"
            )
        if c["shown"] < c["appearances"]:
            emit(f"    … {c['appearances'] - c['shown']} more articles not listed")
    if not found:
        print(f"no claims in {args.min} or more articles match", file=sys.stderr)
    return 0


def run_actors(args: argparse.Namespace) -> int:
    with open_ledger(args.db) as ledger:
        if args.action == "merge":
            merge = ledger.merge_actors(args.into, args.other, note=args.note)
            print(f"merged actor {args.other} into {args.into} (merge {merge}; undo: split)")
            return 0
        if args.action == "split":
            ledger.split_actor(args.merge)
            print(f"merge {args.merge} undone")
            return 0
        if args.action == "split-name":
            new = ledger.split_name(args.actor, args.name, note=args.note)
            print(f"documents writing {args.name!r} moved from actor {args.actor} to {new}")
            return 0
        if args.action == "merges":
            log = ledger.merges(args.actor)
            if args.json:
                _dump(log)
                return 0
            for m in log:
                undone = f", undone {m['undone_at']}" if m["undone_at"] else ""
                print(
                    f"merge {m['id']}: {m['rule']} {m['from']} -> {m['into']} "
                    f"({m['documents']} documents) {m['at']}{undone}"
                )
            return 0
        found = ledger.actors(name=args.name, kind=args.kind, limit=args.limit)
    if args.json:
        _dump([a.to_dict() for a in found])
        return 0
    for a in found:
        role = f", {a.role}" if a.role else ""
        aka = f"  aka {', '.join(a.aliases[:4])}" if a.aliases else ""
        print(
            f"{a.id:>6}  {a.name} ({a.kind}{role}): {count(a.statements, 'statement')} in "
            f"{count(a.documents, 'document')}{aka}"
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from sayso.cli.analyze_cmd import render_text
    from sayso.cli.marked import LEGEND, marked_text

    with open_ledger(args.db) as ledger:
        doc = ledger.find_document(args.document)
        analysis = ledger.analysis(doc.id)
    if args.fmt == "json":
        print(analysis.to_json(indent=2))
        return 0
    color = sys.stdout.isatty()
    head = [f"document {doc.id}"]
    head += [
        f"{k}: {v}"
        for k, v in (
            ("url", doc.url),
            ("version", doc.version),
            ("outlet", doc.site),
            ("published", doc.published),
            ("title", doc.title),
        )
        if v is not None
    ]
    head += ["", f"text ({LEGEND}):", ""]
    emit("\n".join(head))
    # marked_text and render_text escape the data themselves (sayso.text.safe), so their
    # colour codes may go out as they are
    emit(marked_text(analysis, color=color) + "\n", trusted_colors=color)
    emit(render_text(analysis, color=color), trusted_colors=color)
    return 0


def emit(text: str, *, trusted_colors: bool = False) -> None:
    """Print text output for people. stdout escapes control characters (the CLI wraps it
    in :class:`sayso.text.safe.SafeStream`); ``trusted_colors``: ``text`` escaped its data
    itself and its colour codes go out as they are."""
    print(text, file=trusted(sys.stdout) if trusted_colors else sys.stdout)


def run_accounts(args: argparse.Namespace) -> int:
    with open_ledger(args.db) as ledger:
        events = ledger.accounts(
            args.query, lang=args.lang, since=args.since, until=args.until, limit=args.limit
        )
    if args.json:
        _dump(
            [
                {
                    "label": e.label,
                    "terms": e.terms,
                    "accounts": {
                        who: [
                            {
                                "id": it.id,
                                "content": it.content,
                                "outlet": it.outlet,
                                "published": it.published,
                                "framing": list(it.framing),
                            }
                            for it in items
                        ]
                        for who, items in e.accounts.items()
                    },
                    "relations": [
                        {
                            "kind": str(getattr(link.kind, "value", link.kind)),
                            "source": link.source,
                            "target": link.target,
                            "confidence": link.confidence,
                            "reason": link.reason,
                        }
                        for link in e.links
                    ],
                }
                for e in events
            ]
        )
        return 0
    if not events:
        print("no statements match", file=sys.stderr)
    for n, e in enumerate(events, 1):
        label = e.label or ", ".join(e.terms)
        print(f"event {n}: {label} ({count(len(e.items), 'statement')})")
        for who, items in e.accounts.items():
            print(f"  {who}")
            for it in items:
                tag = f" [{', '.join(it.framing)}]" if it.framing else ""
                where = " ".join(x for x in (it.published, it.outlet) if x)
                print(f"    #{it.id}{' ' + where if where else ''}{tag}: {_short(it.content, 90)}")
        for link in e.links:
            kind = getattr(link.kind, "value", link.kind)
            print(f"  #{link.source} {kind} #{link.target} ({link.confidence:.2f}): {link.reason}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from sayso.cli.output import check_output
    from sayso.ledger.export import export

    if args.out is not None:
        check_output(args.out, force=args.force)
    # the rows go out as they are into a pipe or file; a terminal gets them escaped
    out = args.out or (sys.stdout if sys.stdout.isatty() else trusted(sys.stdout))
    with open_ledger(args.db) as ledger:
        try:
            n = export(ledger, args.fmt, out, _filter_args(args), excel=args.excel)
        except OSError as exc:
            from sayso import errors
            from sayso.errors import SaysoError

            detail = exc.strerror or str(exc)
            raise SaysoError(errors.E015, path=args.out, detail=detail) from exc
    print(f"{n} statements exported", file=sys.stderr)
    return 0


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
