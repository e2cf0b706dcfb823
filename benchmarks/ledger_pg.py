"""The benchmarks' PostgreSQL server: the tests' throwaway server, or one kept in a folder
across runs (``ledger_scale.py --keep DIR``, ``web_load.py --pg-keep DIR``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]

#: the benchmark's PostgreSQL is configured as a server holding a 3 GB ledger would be:
#: PostgreSQL's default shared_buffers (128 MB) suits a small machine, and its guidance is
#: a quarter of the RAM; 2 GB of this 23 GB machine (the tests keep the default)
SERVER_SETTINGS = ("shared_buffers=2GB",)


class PgCluster:
    """The tests' throwaway server (tests/ledger/pg_server.py); under ``keep`` it persists."""

    def __init__(self, keep: Path | None) -> None:
        sys.path.insert(0, str(ROOT / "tests" / "ledger"))
        import pg_server

        self.keep = keep
        if keep is None:
            self.server = pg_server.PgServer.start(SERVER_SETTINGS)
            return
        root = keep / "pg"
        user = pg_server.ensure_os_user() if os.geteuid() == 0 else None
        root.mkdir(parents=True, exist_ok=True)
        if user is not None:
            os.chown(keep, user.pw_uid, user.pw_gid)
            os.chown(root, user.pw_uid, user.pw_gid)
        self.server = pg_server.PgServer(pg_server.find_bindir(), root, 0, user, SERVER_SETTINGS)
        if not (self.server.data / "PG_VERSION").exists():
            self.server._initdb()
        self.server._start()

    def database(self, name: str) -> tuple[str, bool]:
        """URL of database ``name`` (created when missing) and whether it existed."""
        admin = create_engine(self.server.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            found = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            ).scalar()
            if not found:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        return self.server.url(name), bool(found)

    def stop(self) -> None:
        if self.keep is None:
            self.server.stop()
        else:
            self.server._run("pg_ctl", "-D", str(self.server.data), "-m", "fast", "-w", "stop")
