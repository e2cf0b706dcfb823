"""A throwaway PostgreSQL server for the ledger tests.

Finds ``initdb``/``pg_ctl`` on PATH or in ``/usr/lib/postgresql/*/bin`` (newest first),
creates a cluster in a temporary directory, starts it on 127.0.0.1 on a free port with its
socket in that directory, and removes everything on :meth:`PgServer.stop`.

PostgreSQL refuses to run as root: as root the cluster belongs to the ``postgres`` OS user
(created when missing) and the server runs as that user; otherwise it runs as the current
user with ``postgres`` as the database superuser name.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest


def postgres_required() -> bool:
    return os.environ.get("SAYSO_REQUIRE_POSTGRES") == "1"


def postgres_unavailable(reason: str) -> NoReturn:
    """Skip the test, or fail it when PostgreSQL is mandatory (CI)."""
    if postgres_required():
        pytest.fail(f"{reason}, and SAYSO_REQUIRE_POSTGRES=1 makes PostgreSQL mandatory")
    pytest.skip(f"PostgreSQL unavailable: {reason} (SAYSO_REQUIRE_POSTGRES=1 would fail)")


class PgUnavailable(RuntimeError):
    """PostgreSQL cannot be started here; the message says why."""


def find_bindir() -> Path:
    """The directory holding initdb and pg_ctl."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(os.path.realpath(on_path)).parent

    def version(path: str) -> tuple[int, ...]:
        m = re.search(r"/postgresql/([\d.]+)/", path)
        return tuple(int(x) for x in m.group(1).split(".")) if m else (0,)

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    for bindir in candidates:
        if (Path(bindir) / "initdb").is_file() and (Path(bindir) / "pg_ctl").is_file():
            return Path(bindir)
    raise PgUnavailable(
        "no PostgreSQL binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql/*/bin; "
        "install Debian's 'postgresql' package"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def ensure_os_user(name: str = "postgres") -> pwd.struct_passwd:
    """The OS user ``name``, created (as a system user without login) when missing."""
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    proc = subprocess.run(
        [useradd, "--system", "--user-group", "--no-create-home", "--shell", "/bin/false", name],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise PgUnavailable(f"cannot create the OS user {name!r}: {proc.stderr.strip()}")
    return pwd.getpwnam(name)


@dataclass
class PgServer:
    bindir: Path
    root: Path
    port: int
    user: pwd.struct_passwd | None  # the OS user the server runs as (None: ourselves)
    settings: tuple[str, ...] = ()  # more "name=value" server settings

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, object] = {}
        if self.user is not None:
            kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        return subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
            cwd=self.root,
            env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
            **kwargs,  # type: ignore[call-overload]
        )

    @classmethod
    def start(cls, settings: tuple[str, ...] = ()) -> PgServer:
        bindir = find_bindir()
        user = ensure_os_user() if os.geteuid() == 0 else None
        # /tmp when there is one: traversable by the postgres user (a root-only $TMPDIR is
        # not) and short enough for the Unix socket path limit (107 bytes)
        base = "/tmp" if os.access("/tmp", os.W_OK | os.X_OK) else None
        root = Path(tempfile.mkdtemp(prefix="sayso-pg-", dir=base))
        if user is not None:
            os.chown(root, user.pw_uid, user.pw_gid)
        server = cls(bindir=bindir, root=root, port=0, user=user, settings=settings)
        try:
            server._initdb()
            server._start()
        except BaseException:
            server.stop()
            raise
        return server

    def _initdb(self) -> None:
        # C.UTF-8 so the full-text parser treats umlauts as letters; plain C where missing
        for locale in ("--locale=C.UTF-8", "--no-locale"):
            shutil.rmtree(self.data, ignore_errors=True)
            proc = self._run(
                "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", locale,
            )  # fmt: skip
            if proc.returncode == 0:
                return
        raise PgUnavailable(f"initdb failed: {proc.stderr.strip() or proc.stdout.strip()}")

    def _start(self) -> None:
        last = ""
        for _ in range(3):  # another process may take the free port between probe and bind
            self.port = free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=50 -c max_parallel_workers_per_gather=0"
            ) + "".join(f" -c {setting}" for setting in self.settings)
            proc = self._run(
                "pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60",
                "-o", options, "start",
            )  # fmt: skip
            if proc.returncode == 0:
                return
            last = proc.stderr.strip() or proc.stdout.strip()
            with contextlib.suppress(OSError):
                last += "\n" + (self.root / "log").read_text(errors="replace")[-2000:]
            time.sleep(0.2)
        raise PgUnavailable(f"PostgreSQL did not start: {last}")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)
