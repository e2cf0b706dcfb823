"""The ledger's column type for JSON and its naming convention for constraints and indexes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class _Json(TypeDecorator[Any]):
    """JSON on every backend; JSONB on PostgreSQL (indexable, compact), TEXT holding JSON on
    SQLite. The PostgreSQL types are imported only when a PostgreSQL ledger is opened, so a
    query on an SQLite ledger does not pay for loading that dialect."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())


Json: TypeEngine[Any] = _Json()

#: constraint and index names are stable and predictable (migrations refer to them)
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
