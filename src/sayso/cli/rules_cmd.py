"""``sayso rules``: the rule catalogue (what each rule id in an analysis means)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from sayso import errors
from sayso.errors import SaysoError

if TYPE_CHECKING:
    from sayso import rules


def register(sub: Any) -> None:
    p = sub.add_parser(
        "rules",
        help="the rule catalogue: what each rule id in an analysis or the ledger means",
        description="Every rule id sayso can record (statements' rules, their evidence, "
        "framing evidence, relations, actors, ledger matches) with the component that "
        "records it, what it matched and an example sentence. IDs narrow the list: an "
        "exact id, or a prefix of ids or component names (e.g. rule.according_to.de, "
        "extract.speakers).",
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="rule ids or prefixes (default: all)")
    p.add_argument(
        "--json",
        action="store_true",
        help='machine-readable: a list of {"id", "component", "doc", "example"}',
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sayso import rules

    found: dict[str, rules.Rule] = {}
    for query in args.ids or [""]:
        got = rules.find(query)
        if not got:
            families = sorted({r.id.split(".")[0] + "." for r in rules.catalogue().values()})
            raise SaysoError(
                errors.E013,
                what="rule id or prefix",
                value=query,
                choices="an id or prefix 'sayso rules' lists (" + ", ".join(families) + ")",
            )
        found.update((r.id, r) for r in got)
    if args.json:
        print(json.dumps([r.to_dict() for r in found.values()], ensure_ascii=False, indent=2))
        return 0
    last: str | None = None
    for r in found.values():
        if r.component != last:
            if last is not None:
                print()
            print(r.component)
            last = r.component
        print(f"  {r.id}\n      {r.doc}\n      e.g. {r.example}")
    return 0
