"""Light start: reading the ledger, ingesting and the query commands load no analysis.

``import sayso.ingest`` and ``import sayso.ledger`` load neither numpy nor the extraction
(nor PySpark, pyarrow or :mod:`sayso.spark`: only the spark CLI module imports that);
the query commands load no scorer (scipy), no numba and no tagger model; the extraction
loads on the first ``sayso.analyze``, and each language's models when that language is
first analysed. Each check runs in a fresh interpreter and looks at ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

#: what a light start must not load: the numeric stack, the analysis, and Spark and Arrow
#: (only ``sayso spark``/``sayso load`` and Parquet export need those)
HEAVY = (
    "numpy", "scipy", "numba", "sayso.pipeline", "sayso.tagging", "sayso.extract", "sayso.evidence",
    "pyspark", "py4j", "pyarrow", "sayso.spark",
)  # fmt: skip

#: prints, as JSON, the heavy modules loaded so far (appended to each script)
REPORT = f"""
import json, sys
heavy = {HEAVY!r}
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy
                        or m.startswith(tuple(h + "." for h in heavy)) or m in heavy)))
"""


def loaded_after(script: str) -> list[str]:
    """The heavy modules a fresh interpreter has loaded after running ``script``."""
    done = subprocess.run(
        [sys.executable, "-c", script + REPORT], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    found: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_ingest_import_loads_no_analysis() -> None:
    assert loaded_after("import sayso.ingest") == []


def test_ledger_import_loads_no_analysis() -> None:
    assert loaded_after("import sayso.ledger") == []


def test_sayso_import_is_light_and_analyze_loads_on_first_use() -> None:
    assert loaded_after("import sayso; sayso.__version__; sayso.Analysis") == []
    found = loaded_after("import sayso; sayso.analyze")
    assert "sayso.pipeline" in found and "numpy" in found


def test_cli_parser_loads_no_analysis() -> None:
    script = "from sayso.cli.main import build_parser; build_parser().format_help()"
    assert loaded_after(script) == []


@pytest.fixture(scope="module")
def ledger_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A small ledger: one English and one German article, a run with an error."""
    import sayso
    from sayso.ledger import Ledger

    url = f"sqlite:///{tmp_path_factory.mktemp('start') / 'light.db'}"
    with Ledger.open(url) as ledger:
        text = '"The bridge will reopen in May," the mayor said on Tuesday.'
        ledger.add({"url": "https://example.org/a", "lang": "en"}, sayso.analyze(text, "en"))
        text = "„Die Brücke bleibt bis Mai gesperrt“, sagte die Bürgermeisterin."
        ledger.add({"url": "https://example.org/b", "lang": "de"}, sayso.analyze(text, "de"))
        run = ledger.start_run("light start")
        ledger.add_error("missing.html", "E021", "not found", run_id=run)
        ledger.finish_run(run)
    return url


QUERIES = [
    ["claims"],
    ["actors"],
    ["documents"],
    ["errors"],
    ["runs"],
    ["export", "--format", "csv"],
    ["show", "SHOW"],
]


def test_cli_query_commands_load_no_analysis(ledger_url: str, tmp_path: Path) -> None:
    """Every query command in one interpreter, one after the other: none loads numpy,
    scipy, numba, the extraction or a tagger model."""
    from sayso.ledger import Ledger

    with Ledger.open(ledger_url) as ledger:
        doc_id = ledger.documents()[0].id
    argvs = [[*(doc_id if a == "SHOW" else a for a in q), "--db", ledger_url] for q in QUERIES]
    script = (
        "import contextlib, io\n"
        "from sayso.cli.main import main\n"
        f"for argv in {argvs!r} + [['rules']]:\n"
        "    with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "        assert main(argv) == 0, argv\n"
        "    assert out.getvalue(), argv\n"
    )
    assert loaded_after(script) == []


def test_cli_query_commands_read_without_the_orm(ledger_url: str) -> None:
    """The query commands read through SQLAlchemy Core: neither SQLAlchemy's ORM (loading it
    and mapping the ledger's classes was a quarter of ``sayso claims``' start-up) nor
    rapidfuzz (only a speaker query that matches nothing suggests names with it)."""
    from sayso.ledger import Ledger

    with Ledger.open(ledger_url) as ledger:
        doc_id = ledger.documents()[0].id
    argvs = [[*(doc_id if a == "SHOW" else a for a in q), "--db", ledger_url] for q in QUERIES]
    script = (
        "import contextlib, io, sys\n"
        "from sayso.cli.main import main\n"
        f"for argv in {argvs!r} + [['claims', '--speaker', 'mayor', '--db', {ledger_url!r}]]:\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        assert main(argv) == 0, argv\n"
        "print([m for m in ('sqlalchemy.orm', 'rapidfuzz') if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_cli_accounts_loads_no_extraction(ledger_url: str) -> None:
    """``accounts`` groups statements with numpy (and scipy's sparse graphs) and compares
    them with the evidence layer's :mod:`sayso.evidence.compare`, but loads neither the
    extraction, numba nor a tagger model."""
    script = (
        "import contextlib, io\n"
        "from sayso.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['accounts', 'bridge', '--db', {ledger_url!r}]) == 0\n"
    )
    found = loaded_after(script)
    assert not [
        m
        for m in found
        if m.startswith(("numba", "sayso.pipeline", "sayso.tagging", "sayso.extract"))
    ]
    assert "sayso.evidence.compare" in found  # the check sees what accounts loads


def test_tagger_loads_only_the_language_analysed() -> None:
    script = (
        "import sayso\n"
        "from sayso.tagging.tagger import taggers\n"
        "assert taggers.cache_info().currsize == 0\n"
        "sayso.analyze('„Ja“, sagte sie.', 'de')\n"
        "assert taggers.cache_info().currsize == 1, taggers.cache_info()\n"
    )
    assert "numpy" in loaded_after(script)


def test_runner_in_process_loads_only_the_languages_ingested(tmp_path: Path) -> None:
    """``sayso ingest --jobs 0`` of German articles loads no English models (worker
    pools still load both before forking, to share them)."""
    article = tmp_path / "brief.txt"
    article.write_text(
        "„Die Brücke über den Fluss bleibt bis zum Mai gesperrt“, sagte die Bürgermeisterin "
        "am Dienstag. Die Bauarbeiten würden länger dauern als geplant, hieß es.",
        "utf-8",
    )
    url = f"sqlite:///{tmp_path / 'de.db'}"
    script = (
        "import contextlib, io\n"
        "from sayso.cli.main import main\n"
        "from sayso.tagging.tagger import taggers\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['ingest', {str(article)!r}, '--db', {url!r}, '--jobs', '0']) == 0\n"
        "assert taggers.cache_info().currsize == 1, taggers.cache_info()\n"
    )
    assert "sayso.tagging.tagger" in loaded_after(script)
