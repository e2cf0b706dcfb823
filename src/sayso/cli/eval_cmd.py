"""``sayso eval …``: score sayso against gold corpora, and guard the scores with floors.

    sayso eval wikinews-de DIR [--errors N] [--json] [--limit N]
    sayso eval polnear DIR [--errors N] [--json] [--limit N] [--annotators first|all]
    sayso eval evidence [--data DIR] [--gold FILE] [--json] [--mistakes]
    sayso eval speakers [--data DIR] [--gold FILE] [--json] [--mistakes]
    sayso eval agreement FILE [--reference FILE ...] [--data DIR] [--json] [--disagreements]
    sayso eval gate [--data DIR] [--floors FILE] [--json]
    sayso eval floors [--raise [--allow-lower]] [--data DIR] [--floors FILE]

The data root (for ``gate`` and ``floors``) is ``--data``, else ``$SAYSO_DATA``, else
``../shared/data`` relative to the current directory or to the repository root. Every
sub-command sets ``func`` returning an exit code, and a ``system`` default (None means
``sayso.analyze``) that embedding code and tests may replace with another callable.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

# light modules only: the scoring (numpy, scipy) and the extraction load in the ``run_*``
# functions, so that building the parser for any command stays cheap
from sayso.eval import floors as floors_mod
from sayso.eval import polnear
from sayso.eval.data import resolve_data_root

if TYPE_CHECKING:
    from sayso.eval.corpus import GoldDoc
    from sayso.eval.metrics import System
    from sayso.eval.suites import Reader

#: the corpora of ``sayso eval CORPUS DIR`` (the keys of ``sayso.eval.suites.CORPORA``)
CORPUS_HELP = {
    "wikinews-de": "German news quotations (SpkAtt-2023 metric); DIR holds the *.json files",
    "polnear": "English PolNeAR attributions; DIR is a split folder with text/ and attributions/",
}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``eval`` and its sub-commands to the main parser's sub-parsers."""
    parser = subparsers.add_parser(
        "eval",
        help="score sayso against gold corpora; check or raise the quality floors",
        description="Evaluate sayso on annotated corpora and guard the scores with floors.",
    )
    parser.set_defaults(func=lambda args: _usage(parser))
    sub = parser.add_subparsers(dest="eval_command", metavar="SUB-COMMAND")
    for corpus in CORPUS_HELP:
        _add_corpus_parser(sub, corpus)
    ev = sub.add_parser(
        "evidence",
        help="score chains, framing and relations on sayso's own annotation set",
        description="Score the evidence layer (source chains, hearsay, hedges, stance, "
        "confirmation, disputes) against quality/evidence/gold.jsonl, whose documents are "
        "read from the data root (gnad, PolNeAR).",
    )
    _add_common(ev)
    ev.add_argument("--gold", type=Path, default=None, help="gold file (quality/evidence/…)")
    ev.add_argument("--json", action="store_true", help="machine-readable output")
    ev.add_argument("--mistakes", action="store_true", help="list every FP and FN")
    ev.set_defaults(func=run_evidence)
    ag = sub.add_parser(
        "agreement",
        help="agreement (statement F1, per-label Cohen's kappa) of a second evidence annotation",
        description="Align a second, independent annotation of evidence documents (FILE, "
        "gold format) with the first one (quality/evidence/gold.jsonl and heldout.jsonl, or "
        "--reference) by content overlap, on the documents FILE annotates; print statement "
        "F1 and per-label raw agreement and Cohen's kappa with counts.",
    )
    ag.add_argument("file", type=Path, help="the second annotation (JSON lines)")
    ag.add_argument(
        "--reference", type=Path, nargs="+", default=None, help="the first annotation's files"
    )
    ag.add_argument(
        "--data", default=None, help="data root; shows the words of listed disagreements"
    )
    ag.add_argument("--json", action="store_true", help="machine-readable output")
    ag.add_argument(
        "--disagreements", action="store_true", help="list unpaired statements and differences"
    )
    ag.set_defaults(func=run_agreement, system=None)
    sp = sub.add_parser(
        "speakers",
        help="score original speakers per real entity on sayso's own speaker gold",
        description="Score who said it, per entity (right original speaker, actors per "
        "entity, kind accuracy), per language, against quality/speakers/dev.jsonl (or "
        "--gold, e.g. quality/speakers/heldout.jsonl); documents come from the data root.",
    )
    _add_common(sp)
    sp.add_argument("--gold", type=Path, default=None, help="gold file (quality/speakers/…)")
    sp.add_argument("--json", action="store_true", help="machine-readable output")
    sp.add_argument("--mistakes", action="store_true", help="list every missed or wrong speaker")
    sp.set_defaults(func=run_speakers)
    gate = sub.add_parser(
        "gate",
        help="run the dev evaluations and fail (E008) if a pinned score is below its floor",
        description="Run wikinews-de/dev and polnear/dev, compare every metric pinned in "
        "the floors file, print current vs floor, exit 1 if any is below.",
    )
    _add_common(gate)
    gate.add_argument("--json", action="store_true", help="machine-readable output")
    gate.set_defaults(func=run_gate)
    floors = sub.add_parser(
        "floors",
        help="show the floors, or rewrite them with the current scores (--raise)",
        description="Without options print the floors file. With --raise run the dev "
        "evaluations and pin every floor at its current score; lowering a floor needs "
        "--allow-lower (E009 otherwise).",
    )
    _add_common(floors)
    floors.add_argument("--raise", dest="raise_", action="store_true", help="pin current scores")
    floors.add_argument("--allow-lower", action="store_true", help="allow floors to go down")
    floors.set_defaults(func=run_floors)


def _add_corpus_parser(sub: Any, corpus: str) -> None:
    p = sub.add_parser(corpus, help=CORPUS_HELP[corpus], description=CORPUS_HELP[corpus])
    p.add_argument("dir", type=Path, help="corpus folder")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="show the N worst docs")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N documents")
    p.add_argument(
        "--oracle-quotes",
        action="store_true",
        help="score the speaker stage alone on the gold quotations (mention accuracy)",
    )
    if corpus == "polnear":
        p.add_argument(
            "--annotators",
            choices=polnear.POLICIES,
            default="first",
            help="double-annotated articles: first annotator (default) or every annotation",
        )
    p.set_defaults(func=run_corpus_cmd, corpus=corpus, system=None)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data", default=None, help="data root (default: $SAYSO_DATA or ../shared/data)"
    )
    p.add_argument("--floors", type=Path, default=None, help="floors file (quality/floors.json)")
    p.set_defaults(system=None)


def _usage(parser: argparse.ArgumentParser) -> int:
    from sayso.cli.args import missing_command

    return missing_command(parser)


def _reader(args: argparse.Namespace) -> Reader | None:
    if args.corpus == "polnear":
        policy = args.annotators

        def read(path: Path) -> list[GoldDoc]:
            return polnear.read_corpus(path, policy=policy)

        return read
    return None


def run_corpus_cmd(args: argparse.Namespace) -> int:
    """``sayso eval wikinews-de|polnear DIR``: scores, and optionally the worst documents."""
    from sayso.eval.render import render_errors, render_report, worst_docs
    from sayso.eval.suites import run_corpus

    if args.oracle_quotes:
        return run_oracle(args)
    started = time.perf_counter()
    run = run_corpus(args.corpus, args.dir, args.system, args.limit, _reader(args))
    elapsed = time.perf_counter() - started
    views = worst_docs(run, args.errors) if args.errors else []
    if args.json:
        out = run.report.to_dict()
        out["corpus"] = args.corpus
        out["seconds"] = round(elapsed, 2)
        if args.errors:
            out["worst_docs"] = [v.to_dict() for v in views]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(render_report(args.corpus, run.report))
    print(f"({elapsed:.1f} s)")
    if views:
        print()
        print(render_errors(views))
    return 0


def run_oracle(args: argparse.Namespace) -> int:
    """``sayso eval CORPUS DIR --oracle-quotes``: the speaker stage on gold quotations."""
    from sayso.eval import oracle
    from sayso.eval.suites import CORPORA

    started = time.perf_counter()
    docs = (_reader(args) or CORPORA[args.corpus].read)(args.dir)
    if args.limit is not None:
        docs = docs[: max(args.limit, 0)]
    report = oracle.evaluate(docs)
    out = report.to_dict()
    if args.json:
        out["corpus"] = args.corpus
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"{args.corpus}: speakers on {report.quotations} gold quotations")
    for name, value in out["metrics"].items():
        print(f"  {name:<45} {value:g}")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


def run_evidence(args: argparse.Namespace) -> int:
    """``sayso eval evidence``: per-label scores of the evidence layer."""
    from sayso.eval import evidence
    from sayso.eval.render import render_report

    started = time.perf_counter()
    _, _, report = evidence.run(resolve_data_root(args.data), args.gold, args.system)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(render_report("evidence", report))
    print(f"({time.perf_counter() - started:.1f} s)")
    if args.mistakes:
        print("\n".join(report.mistakes))
    return 0


def run_agreement(args: argparse.Namespace) -> int:
    """``sayso eval agreement FILE``: inter-annotator agreement on the evidence labels."""
    from sayso.eval import agreement

    root = resolve_data_root(args.data) if args.data or args.disagreements else None
    report = agreement.run(args.file, args.reference, root)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(agreement.render(report))
    if args.disagreements:
        print()
        print("\n".join(report.disagreements))
    return 0


def run_speakers(args: argparse.Namespace) -> int:
    """``sayso eval speakers``: original speakers per entity, per language."""
    from sayso.eval import speakers

    started = time.perf_counter()
    gold = args.gold or speakers.default_gold()
    _, _, report = speakers.run(resolve_data_root(args.data), gold, args.system)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(speakers.render(report, gold.stem))
    print(f"({time.perf_counter() - started:.1f} s)")
    if args.mistakes:
        print("\n".join(report.mistakes))
    return 0


def _current_scores(
    suites: list[str], data_root: Path, system: System | None
) -> dict[str, dict[str, float]]:
    from sayso.eval.suites import run_suite

    scores: dict[str, dict[str, float]] = {}
    for suite in suites:
        report = run_suite(suite, data_root, system).report
        for warning in report.warnings:
            print(f"{suite}: warning: {warning}", file=sys.stderr)
        scores[suite] = report.metrics()
    return scores


def _suites(pinned: Mapping[str, object]) -> list[str]:
    """The gate suites plus any other suite the floors pin, in a stable order."""
    from sayso.eval.suites import GATE_SUITES

    return list(GATE_SUITES) + [s for s in pinned if s not in GATE_SUITES]


def run_gate(args: argparse.Namespace) -> int:
    """``sayso eval gate``: exit 1 with E008 lines when a pinned score is below its floor."""
    from sayso.eval.render import render_checks

    path = args.floors or floors_mod.default_path()
    pinned = floors_mod.load(path)
    scores = _current_scores(_suites(pinned), resolve_data_root(args.data), args.system)
    checks = floors_mod.check(pinned, scores)
    failed = [c for c in checks if not c.ok]
    if args.json:
        out = {
            "ok": not failed,
            "floors": str(path),
            "scores": scores,
            "checks": [
                {
                    "suite": c.suite,
                    "metric": c.metric,
                    "value": c.value,
                    "floor": c.floor,
                    "ok": c.ok,
                }
                for c in checks
            ],
        }
        print(json.dumps(out, indent=2))
    else:
        print(render_checks(checks))
    for c in failed:
        print(c.message(), file=sys.stderr)
    return 1 if failed else 0


def run_floors(args: argparse.Namespace) -> int:
    """``sayso eval floors [--raise [--allow-lower]]``: show or rewrite the floors file."""
    path = args.floors or floors_mod.default_path()
    if not args.raise_:
        print(json.dumps(floors_mod.load(path), indent=2))
        return 0
    old = floors_mod.load(path) if path.is_file() else floors_mod.default_floors()
    scores = _current_scores(_suites(old), resolve_data_root(args.data), args.system)
    new = floors_mod.raised(old, scores, allow_lower=args.allow_lower)
    floors_mod.save(path, new)
    for suite, metrics in new.items():
        for metric, value in metrics.items():
            before = old[suite][metric]
            if value != before:
                print(f"{suite}:{metric}: {before:.1f} -> {value:.1f}")
    print(f"wrote {path}")
    return 0
