"""The ledger's schema and migrations, and opening a ledger, against SQLite and a real
PostgreSQL (every test here runs on both).

All article texts are written for these tests.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect
from store_texts import EN_1, add

from sayso.errors import SaysoError
from sayso.ledger import Ledger, schema
from sayso.ledger import store as store_mod

# --- schema and migrations --------------------------------------------------------------


def test_ledger_migrations_create_the_schema_from_empty(db_url: str) -> None:
    with Ledger.open(db_url) as ledger:
        assert ledger.stats()["schema"] == store_mod.migrate.head()
        names = set(inspect(ledger.engine).get_table_names())
        assert set(schema.metadata.tables) <= names
        if ledger.dialect == "sqlite":
            assert "statements_fts" in names
        else:
            columns = {c["name"] for c in inspect(ledger.engine).get_columns("statements")}
            assert "search" in columns
    # opening again is a no-op, not an error
    with Ledger.open(db_url) as ledger:
        assert ledger.stats()["documents"] == 0


def test_ledger_migrate_head_constant_is_the_scripts_head(db_url: str) -> None:
    """``migrate.HEAD`` (which lets opening skip Alembic) names the newest revision: a
    ledger left one revision behind is not taken for current, and is brought up."""
    migrate = store_mod.migrate
    assert migrate.head() == migrate.HEAD
    with Ledger.open(db_url) as ledger:
        assert migrate.at_head(ledger.engine)
        migrate.downgrade(ledger.engine, "-1")
        assert not migrate.at_head(ledger.engine)
    with Ledger.open(db_url) as ledger:
        assert migrate.at_head(ledger.engine) and migrate.current(ledger.engine) == migrate.HEAD


# the PostgreSQL-only expression index (DESC NULLS LAST) is not created on SQLite, and
# alembic says so when it compares; PostgreSQL compares it
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression")
def test_ledger_migrations_match_the_declared_schema(db_url: str) -> None:
    """schema.py and the migrations tell the same story (nothing for autogenerate to add)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with Ledger.open(db_url) as ledger, ledger.engine.connect() as conn:
        env = store_mod.migrate.script_location() / "env.py"
        assert env.is_file()
        ctx = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_object": lambda obj, name, *_: (
                    name not in schema.FULLTEXT_OBJECTS | schema.ONE_BACKEND_INDEXES
                    and not str(name).startswith("statements_fts")
                ),
            },
        )
        assert compare_metadata(ctx, schema.metadata) == []


def test_ledger_written_by_a_newer_sayso_is_a_coded_error_and_left_alone(db_url: str) -> None:
    Ledger.open(db_url).close()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SaysoError) as got:
        Ledger.open(db_url)
    assert got.value.code == "E213" and "9999" in got.value.message
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "9999"
    engine.dispose()


def test_ledger_migrations_downgrade_and_upgrade_again(db_url: str) -> None:
    with Ledger.open(db_url) as ledger:
        add(ledger, EN_1)
        store_mod.migrate.downgrade(ledger.engine, "base")
        names = set(inspect(ledger.engine).get_table_names())
        assert not names & (set(schema.metadata.tables) | {"statements_fts"})
        store_mod.migrate.upgrade(ledger.engine)
        add(ledger, EN_1)
        assert ledger.search("sanctions")


def test_ledger_migration_0005_recomputes_integer_bands_of_known_claims(db_url: str) -> None:
    """A ledger from before 0005 keeps finding its claims' near-identical reports."""
    from sqlalchemy import text

    from sayso.ledger.claims import fingerprint

    engine = create_engine(db_url)
    try:
        store_mod.migrate.upgrade(engine, "0004")
        claim = "die regierung will die sanktionen gegen das land noch in diesem monat verschaerfen"
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO claims (id, key, text, lang, appearances) "
                    "VALUES (7, 'k7', :text, 'de', 1)"
                ),
                {"text": claim},
            )
            conn.execute(text("INSERT INTO claim_bands (band, claim_id) VALUES ('0:ab', 7)"))
        store_mod.migrate.upgrade(engine)
        with engine.connect() as conn:
            bands = conn.execute(text("SELECT band FROM claim_bands WHERE claim_id = 7")).all()
    finally:
        engine.dispose()
    assert sorted(b for (b,) in bands) == sorted(fingerprint(claim).bands)
    assert len(bands) == 16 and all(isinstance(b, int) and b >= 0 for (b,) in bands)


def test_ledger_migration_0007_keeps_the_text_once_and_the_analysis_whole(db_url: str) -> None:
    """The analysis JSON no longer repeats the document's text; before 0007 it did, and
    the analysis read back is the same either way."""
    from sqlalchemy import text

    def stored_text(ledger: Ledger) -> object:
        with ledger.engine.connect() as conn:
            data = conn.execute(text("SELECT analysis FROM documents")).scalar_one()
        return (json.loads(data) if isinstance(data, str) else data).get("text")

    with Ledger.open(db_url) as ledger:
        doc_id = add(ledger, EN_1).document_id
        whole = ledger.analysis(doc_id)
        assert whole.text == EN_1 and stored_text(ledger) is None
        store_mod.migrate.downgrade(ledger.engine, "0006")
        assert stored_text(ledger) == EN_1  # as an older sayso wrote it
        store_mod.migrate.upgrade(ledger.engine)
        assert stored_text(ledger) is None
        assert ledger.analysis(doc_id) == whole


def test_ledger_open_rejects_an_unreachable_database(tmp_path: Any) -> None:
    with pytest.raises(SaysoError) as info:
        Ledger.open("postgresql://nobody:secret@127.0.0.1:1/nothing")
    assert info.value.code == "E201"
    assert "secret" not in str(info.value)
    with pytest.raises(SaysoError) as info:
        Ledger.open(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    assert info.value.code == "E209"  # a SQLite file: its own code and hint, not a server's
    assert "does not exist" in info.value.message


def test_ledger_open_defaults_to_sayso_db_env_then_sqlite_file(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAYSO_DB", raising=False)
    with Ledger.open() as ledger:
        add(ledger, EN_1)
    assert (tmp_path / "sayso.db").is_file()
    monkeypatch.setenv("SAYSO_DB", f"sqlite:///{tmp_path / 'other.db'}")
    with Ledger.open() as ledger:
        assert ledger.stats()["documents"] == 0
    assert (tmp_path / "other.db").is_file()
    # a bare path is a SQLite file
    with Ledger.open(str(tmp_path / "sayso.db")) as ledger:
        assert ledger.stats()["documents"] == 1
