"""Developer and integration helpers for the ledger.

``python -m sayso.ledger metadata [NAME] > metadata.json``
    Datasette metadata (every table and column described); then
    ``datasette sayso.db --metadata metadata.json``.
``python -m sayso.ledger revision "message"``
    Draft a new migration under ``migrations/versions`` from the difference between
    ``schema.py`` and the current head (check and complete it by hand).
"""

from __future__ import annotations

import json
import sys

from sayso.ledger import migrate
from sayso.ledger.describe import datasette_metadata

USAGE = 'usage: python -m sayso.ledger metadata [DATABASE_NAME] | revision "message"'


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["metadata"] and len(args) <= 2:
        name = args[1] if len(args) == 2 else "sayso"
        print(json.dumps(datasette_metadata(name), ensure_ascii=False, indent=2))
        return 0
    if args[:1] == ["revision"] and len(args) == 2:
        migrate.revision(args[1])
        return 0
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
