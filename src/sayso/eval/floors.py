"""Pinned quality floors: the scores the dev evaluations must never fall below.

``quality/floors.json`` maps a suite to its pinned metrics, in percent with one decimal::

    {"wikinews-de/dev": {"joint_f1": 39.1, "messages_f1": 47.9}, "polnear/dev": {...}}

The gate compares each pinned metric with the current score (both rounded to one decimal,
so float noise cannot flip the verdict). Raising rewrites every pinned metric with its
current score, and refuses to lower any of them unless lowering is allowed explicitly:
floors only move down on purpose.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sayso.errors import E004, E008, E009, SaysoError
from sayso.eval.data import REPO_ROOT

Floors = dict[str, dict[str, float]]
Scores = Mapping[str, Mapping[str, float]]

FLOORS_RELATIVE = Path("quality") / "floors.json"

#: The metrics pinned when no floors file exists yet.
DEFAULT_METRICS: dict[str, tuple[str, ...]] = {
    "wikinews-de/dev": (
        "messages_precision",
        "messages_recall",
        "messages_f1",
        "roles_precision",
        "roles_recall",
        "roles_f1",
        "joint_precision",
        "joint_recall",
        "joint_f1",
        "form_f1",
        "medium_f1",
    ),
    "polnear/dev": (
        "source_exact_f1",
        "cue_exact_f1",
        "content_exact_f1",
        "source_overlap_f1",
        "cue_overlap_f1",
        "content_overlap_f1",
        "attribution_exact_f1",
        "attribution_overlap_f1",
    ),
}


def default_floors() -> Floors:
    """Every default metric pinned at 0.0."""
    return {suite: dict.fromkeys(metrics, 0.0) for suite, metrics in DEFAULT_METRICS.items()}


def default_path() -> Path:
    """``quality/floors.json`` in the current directory if present, else in the repo root."""
    here = Path.cwd() / FLOORS_RELATIVE
    return here if here.is_file() else REPO_ROOT / FLOORS_RELATIVE


def load(path: Path) -> Floors:
    """Read a floors file (E004 when it is unreadable or not of the documented shape)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SaysoError(E004, path=path, detail=str(exc)) from exc
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise SaysoError(E004, path=path, detail="expected {suite: {metric: number}}")
    try:
        return {suite: {m: float(v) for m, v in metrics.items()} for suite, metrics in data.items()}
    except (TypeError, ValueError) as exc:
        raise SaysoError(E004, path=path, detail=f"a floor is not a number ({exc})") from exc


def save(path: Path, floors: Floors) -> None:
    """Write floors as stable, reviewable JSON (suites and metrics sorted, 1 decimal)."""
    data = {
        suite: {m: round(v, 1) for m, v in sorted(metrics.items())}
        for suite, metrics in sorted(floors.items())
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Check:
    """One pinned metric against its current score (``value`` None: not produced)."""

    suite: str
    metric: str
    value: float | None
    floor: float

    @property
    def ok(self) -> bool:
        return self.value is not None and round(self.value, 1) >= round(self.floor, 1)

    def message(self) -> str:
        """The E008 line for a failing check."""
        name = f"{self.suite}:{self.metric}"
        if self.value is None:
            return (
                f"E008: Score {name} was not produced by the evaluation "
                f"(pinned at {self.floor:.2f})."
            )
        err = SaysoError(E008, metric=name, value=self.value, floor=self.floor)
        return str(err)


def check(floors: Floors, scores: Scores) -> list[Check]:
    """Every pinned metric against the current scores, in file order."""
    return [
        Check(suite, metric, scores.get(suite, {}).get(metric), floor)
        for suite, metrics in floors.items()
        for metric, floor in metrics.items()
    ]


def raised(floors: Floors, scores: Scores, allow_lower: bool = False) -> Floors:
    """Floors with every pinned metric set to its current score.

    Raises E009 for the first metric that would go down, unless ``allow_lower``. A pinned
    metric the evaluation did not produce keeps its floor.
    """
    new: Floors = {}
    for suite, metrics in floors.items():
        new[suite] = {}
        for metric, old in metrics.items():
            value = scores.get(suite, {}).get(metric)
            if value is None:
                new[suite][metric] = old
                continue
            value = round(value, 1)
            if value < round(old, 1) and not allow_lower:
                raise SaysoError(E009, metric=f"{suite}:{metric}", old=old, new=value)
            new[suite][metric] = value
    return new
