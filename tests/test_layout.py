"""The shape of the package: module and function sizes, no import cycle, and data flowing
one way (ingest -> tagging -> extraction -> evidence -> ledger -> views)."""

from __future__ import annotations

import ast
from pathlib import Path

import sayso

SRC = Path(sayso.__file__).parent
REPO = Path(__file__).resolve().parents[1]


def _core() -> list[Path]:
    """Every module of the package; the Alembic migrations are generated-style scripts."""
    return [p for p in SRC.rglob("*.py") if "migrations" not in p.parts]


def _imports(path: Path) -> set[str]:
    """The ``sayso`` modules ``path`` imports at module level (``from a import b`` gives
    ``a.b`` when that is a module, else ``a``)."""
    out = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sayso"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                out.add(full if _path(full) is not None else str(node.module))
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("sayso")}
    return out


def _path(module: str) -> Path | None:
    base = SRC.parent.joinpath(*module.split("."))
    for p in (base.with_suffix(".py"), base / "__init__.py"):
        if p.is_file():
            return p
    return None


def _module(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _assert_small(path: Path) -> None:
    """No module over 600 lines, no function over 100."""
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 600, path.name
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            assert size <= 100, f"{path.name}: {node.name} has {size} lines"


def test_layout_core_modules_and_functions_stay_small() -> None:
    for path in _core():
        _assert_small(path)


def test_layout_tools_benchmarks_and_tests_stay_small() -> None:
    """The scripts and tests beside the package keep the same sizes (the scripts' data
    lives in JSON files: tools/harvest_seeds/, benchmarks/ledger_words.json)."""
    for folder in ("tools", "benchmarks", "tests"):
        paths = sorted((REPO / folder).rglob("*.py"))
        assert paths, folder  # the check must not pass on a missing folder
        for path in paths:
            _assert_small(path)


def test_layout_no_import_cycle() -> None:
    graph = {_module(p): _imports(p) for p in SRC.rglob("*.py")}
    done: set[str] = set()

    def visit(m: str, path: list[str]) -> None:
        if m in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(m) :], m]))
        if m in done:
            return
        for dep in sorted(graph.get(m, ())):
            if dep != m:
                visit(dep, [*path, m])
        done.add(m)

    for m in sorted(graph):
        visit(m, [])


def test_layout_data_flows_one_way() -> None:
    for path in SRC.rglob("*.py"):
        mod, deps = _module(path), _imports(path)
        if mod.startswith("sayso.ingest"):
            # ingest turns sources into documents and knows nothing of attribution
            assert not any(
                d.startswith(("sayso.tagging", "sayso.extract", "sayso.evidence", "sayso.ledger"))
                or d == "sayso.pipeline"
                for d in deps
            ), mod
        if mod.startswith("sayso.tagging"):
            # the taggers label tokens; the rules that read the labels are not theirs
            assert not any(
                d.startswith(("sayso.extract", "sayso.evidence", "sayso.ledger")) for d in deps
            ), mod
        if mod.startswith("sayso.extract"):
            # extraction knows nothing of the evidence layer or the ledger
            assert not any(d.startswith(("sayso.evidence", "sayso.ledger")) for d in deps), mod
        if mod.startswith("sayso.ledger"):
            # across documents the ledger compares contents, it does not extract
            assert not any(d.startswith("sayso.extract") for d in deps), mod
            assert {d for d in deps if d.startswith("sayso.evidence")} <= {
                "sayso.evidence.compare"
            }, mod


def _anywhere(path: Path) -> set[str]:
    """Every module ``path`` imports, at module level or inside a function."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
    return out


def test_layout_spark_is_reached_only_through_its_command() -> None:
    """``sayso.spark`` is a leaf: only the spark CLI module imports it (even inside a
    function), and only it imports PySpark, so no other code path can start a JVM."""
    seen = set()
    for path in SRC.rglob("*.py"):
        mod, deps = _module(path), _anywhere(path)
        if mod.startswith("sayso.spark"):
            continue
        spark = {d for d in deps if d == "sayso.spark" or d.startswith("sayso.spark.")}
        if spark:
            seen.add(mod)
        assert not {d for d in deps if d.split(".")[0] in ("pyspark", "py4j")}, mod
    assert seen == {"sayso.cli.spark_cmd"}
