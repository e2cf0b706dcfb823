"""Property-based tests of the REST API from its own OpenAPI document (schemathesis):
generated requests never crash the server (no 5xx), and every response matches the
documented status codes, content types and schemas. Bounded for CI (few examples)."""

from __future__ import annotations

import os
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
from conftest import fill  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402

#: generated requests per operation (bounded: CI runs this on every push; raise it with
#: SAYSO_API_EXAMPLES=200 for a longer search)
AUTH = {"Authorization": "Bearer property-token"}
EXAMPLES = int(os.environ.get("SAYSO_API_EXAMPLES", "8"))


def _app(tmp: Any) -> Any:
    from sayso.web import create_app

    url = f"sqlite:///{tmp}"
    fill(url)
    return create_app(url, token="property-token")


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    app = _app(tmp_path_factory.mktemp("props") / "p.db")
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_api_properties_hold_for_generated_requests(api_schema: Any) -> None:
    """Every operation, a few generated requests each (schemathesis' pytest plugin is not
    used: its lazy fixture does not run under pytest 9)."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case: Any) -> None:
            if isinstance(case.body, dict) and "url" in case.body:
                return  # no fetching of generated addresses (no network in tests)
            case.call_and_validate(headers=AUTH)

        check()
