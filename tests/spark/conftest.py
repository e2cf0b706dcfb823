"""The Spark tests: one ``local[2]`` session for the whole test session (Spark starts in
seconds to a minute), the UI off, bound to 127.0.0.1.

Spark needs PySpark (the ``dev`` extra has it) and a Java runtime. Without them the tests
skip with the reason, unless ``SAYSO_REQUIRE_SPARK=1`` (set by ``.ci/run``, which installs
Debian's ``default-jre-headless`` when Java is missing): then they fail, so CI never
silently stops testing the Spark job.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any, NoReturn

import pytest


def spark_unavailable(reason: str) -> NoReturn:
    if os.environ.get("SAYSO_REQUIRE_SPARK") == "1":
        pytest.fail(f"{reason}, and SAYSO_REQUIRE_SPARK=1 makes the Spark tests mandatory")
    pytest.skip(f"Spark unavailable: {reason} (SAYSO_REQUIRE_SPARK=1 would fail)")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        spark_unavailable("PySpark is not installed (pip install -e '.[dev]')")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        spark_unavailable("no Java runtime (apt-get install default-jre-headless)")
    # the workers run this interpreter (the venv with sayso), not "python3" from PATH:
    # PySpark reads only this variable
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("sayso-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
