"""The ``spark-submit`` entry point: the arguments of ``sayso spark``.

    spark-submit --master yarn "$(python -m sayso.spark --path)" s3a://bucket/cc-news/ \\
        --output s3a://bucket/sayso-out

The session is the one ``spark-submit`` made (its ``--master`` and ``--conf`` apply);
``--path`` prints this file's path, for the command line above.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words == ["--path"]:
        print(__file__)
        return 0
    from sayso.cli.main import main as cli

    return cli(["spark", *words])


if __name__ == "__main__":
    raise SystemExit(main())
