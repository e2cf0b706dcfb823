"""``python -m sayso.ledger metadata > metadata.json``: Datasette metadata for a ledger.

Then ``datasette sayso.db --metadata metadata.json`` shows every table and column with its
description.
"""

from __future__ import annotations

import json
import sys

from sayso.ledger.schema import datasette_metadata


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["metadata"] and len(args) <= 2:
        name = args[1] if len(args) == 2 else "sayso"
        print(json.dumps(datasette_metadata(name), ensure_ascii=False, indent=2))
        return 0
    print("usage: python -m sayso.ledger metadata [DATABASE_NAME]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
