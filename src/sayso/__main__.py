"""``python -m sayso`` runs the command-line interface."""

from sayso.cli.main import main

raise SystemExit(main())
