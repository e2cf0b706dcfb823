"""The PostgreSQL test fixture itself: where it looks for the server, and its skip policy."""

from __future__ import annotations

from pathlib import Path

import pg_server
import pytest
from pg_server import postgres_unavailable


def test_pg_fixture_finds_binaries_in_debian_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for version in ("13", "15"):
        bindir = tmp_path / "usr/lib/postgresql" / version / "bin"
        bindir.mkdir(parents=True)
        (bindir / "initdb").touch()
        (bindir / "pg_ctl").touch()
    monkeypatch.setattr(pg_server.shutil, "which", lambda name: None)
    monkeypatch.setattr(
        pg_server.glob,
        "glob",
        lambda pattern: sorted(str(p) for p in tmp_path.glob("usr/lib/postgresql/*/bin")),
    )
    assert pg_server.find_bindir() == tmp_path / "usr/lib/postgresql/15/bin"


def test_pg_fixture_reports_missing_binaries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg_server.shutil, "which", lambda name: None)
    monkeypatch.setattr(pg_server.glob, "glob", lambda pattern: [])
    with pytest.raises(pg_server.PgUnavailable, match="install Debian's 'postgresql'"):
        pg_server.find_bindir()


def test_pg_fixture_skips_locally_and_fails_when_required(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SAYSO_REQUIRE_POSTGRES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no server here"):
        postgres_unavailable("no server here")
    monkeypatch.setenv("SAYSO_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match="mandatory"):
        postgres_unavailable("no server here")
