"""Fuzz ``sayso.analyze()`` and the ingest readers with mutated news-like text.

    .venv/bin/python tools/fuzz.py -n 100000 --jobs 2 [--seed 1] [--out fuzz-failures]
    make fuzz N=100000

Input ``i`` of seed ``s`` is generated from ``Random(f"{s}:{i}")`` (see ``fuzzgen.py``), so
a run is deterministic and any input can be regenerated alone (``--index i``). Every
analysis is checked against the documented invariants (:func:`check_analysis`); every
ingest item must be a ``Document`` or a coded ``IngestError``. A failure is shrunk to a
minimal reproducer (same exception type and place, or same broken invariant) and saved as
JSON in ``--out``; ``--replay FILE`` runs one again. Prints the inputs tried, the failures
and the slowest input with its time.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from random import Random
from types import FrameType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzzgen import Case, generate

import sayso
from sayso.errors import CATALOGUE, SaysoError
from sayso.model import Analysis, Span

#: one input running longer than this is a failure (a hang or a quadratic blow-up)
TIMEOUT = 30.0
ROLES = ("cue", "speaker", "addressee", "frame")


class Broken(AssertionError):
    """An invariant does not hold; ``key`` names it (used to shrink and to group)."""

    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(f"{key}: {detail}" if detail else key)
        self.key = key


def _require(ok: bool, key: str, detail: object = "") -> None:
    if not ok:
        raise Broken(key, str(detail)[:300])


def _spans(a: Analysis) -> Iterator[tuple[str, Span]]:
    for p in a.paragraphs:
        yield "paragraph", p
    for s in a.sentences:
        yield "sentence", s
    for st in a.statements:
        for role, spans in st.roles().items():
            for sp in spans:
                yield f"statement.{role}", sp
        for ev in (*st.evidence, *st.framing.evidence):
            if ev.span is not None:
                yield "statement.evidence", ev.span
    for actor in a.actors:
        for sp in actor.mentions:
            yield "actor.mention", sp
    for r in a.relations:
        for sp in r.evidence:
            yield "relation.evidence", sp
    for w in a.warnings:
        if w.span is not None:
            yield "warning", w.span


def check_analysis(a: Analysis, n: int) -> None:
    """The documented invariants of an ``Analysis`` of a text of ``n`` characters."""
    _require(len(a.text) == n, "text.length", (len(a.text), n))
    for where, sp in _spans(a):
        _require(0 <= sp.start <= sp.end <= n, f"span.outside.{where}", (sp, n))
    for w in a.warnings:
        _require(w.code in CATALOGUE and w.code.startswith("W"), "warning.code", w.code)
    back = Analysis.from_json(a.to_json())
    _require(back == a, "json.roundtrip")
    ids = [s.id for s in a.statements]
    actor_ids = [x.id for x in a.actors]
    relation_ids = [r.id for r in a.relations]
    _require(len(set(ids)) == len(ids), "ids.statements")
    _require(len(set(actor_ids)) == len(actor_ids), "ids.actors")
    _require(len(set(relation_ids)) == len(relation_ids), "ids.relations")
    actors = set(actor_ids)
    for s in a.statements:
        _require(bool(s.content), "content.empty", s.id)
        _require(all(len(c) > 0 for c in s.content), "content.empty_part", s.id)
        _require(any(ch.isalnum() for ch in a.spans_text(s.content, "")), "content.no_word", s.id)
        for role in ROLES:
            for r in getattr(s, role):
                overlap = any(r.overlaps(c) for c in s.content)
                _require(not overlap, f"overlap.{role}", (s.id, a.span_text(r)))
        _require(s.actor is None or s.actor in actors, "ref.actor", s.id)
        _require(set(s.chain) <= actors, "ref.chain", s.id)
        _require(bool(s.chain) and len(set(s.chain)) == len(s.chain), "chain", s.id)
        _require(s.parent is None or (s.parent in ids and s.parent != s.id), "ref.parent", s.id)
    for r in a.relations:
        _require(r.source in ids and (r.target is None or r.target in ids), "ref.relation", r.id)
        _require(r.target_actor is None or r.target_actor in actors, "ref.target_actor", r.id)
        _require(r.source != r.target, "relation.self", r.id)
        _require(0 <= r.confidence <= 1, "relation.confidence", r.id)
        _require(bool(r.evidence), "relation.evidence", r.id)


def _run_analyze(case: Case) -> None:
    try:
        a = sayso.analyze(case.text, case.lang)
    except SaysoError as err:
        # bytes may be refused as binary (E001); nothing else is expected
        _require(isinstance(case.text, bytes) and err.code == "E001", f"error.{err.code}", err)
        _require(bool(err.hint.strip()), "error.hint", err.code)
        return
    n = len(case.text) if isinstance(case.text, str) else len(a.text)
    check_analysis(a, n)


def _run_ingest(case: Case, folder: Path) -> None:
    from sayso.ingest import Document, IngestError, read_sources

    assert isinstance(case.text, bytes)
    path = folder / case.name
    path.write_bytes(case.text)
    try:
        # warcio prints a warning per damaged record to stderr: not a finding
        with contextlib.redirect_stderr(io.StringIO()):
            items = list(read_sources([path]))
        for item in items:
            if isinstance(item, IngestError):
                _require(item.code in CATALOGUE and item.code.startswith("E0"), "ingest.code")
                _require(bool(item.message.strip()), "ingest.message", item.code)
                continue
            _require(isinstance(item, Document), "ingest.item", type(item).__name__)
            _require(isinstance(item.text, str) and bool(item.text.strip()), "ingest.text")
            _run_analyze(Case("analyze", item.text, None))
    finally:
        path.unlink(missing_ok=True)


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise TimeoutError(f"input ran longer than {TIMEOUT:g} s")


def signature(exc: BaseException) -> str:
    """What a failure is: the broken invariant, or the exception type and the innermost
    sayso (or, failing that, any) frame it was raised in."""
    if isinstance(exc, Broken):
        return exc.key
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "sayso" in f.filename and "tools" not in f.filename]
    where = (ours or frames or [None])[-1]
    place = f"{Path(where.filename).name}:{where.lineno}" if where else "?"
    return f"{type(exc).__name__}@{place}"


def run_case(case: Case, folder: Path) -> tuple[float, str | None, str]:
    """(seconds, failure signature or None, message)."""
    started = time.perf_counter()
    try:
        if case.kind == "ingest":
            _run_ingest(case, folder)
        else:
            _run_analyze(case)
    except Exception as exc:  # every exception is a finding
        return time.perf_counter() - started, signature(exc), f"{type(exc).__name__}: {exc}"
    return time.perf_counter() - started, None, ""


def case_of(seed: int, index: int) -> Case:
    return generate(Random(f"{seed}:{index}"))


def shrink(
    case: Case,
    sig: str,
    folder: Path,
    budget: int = 600,
    run: Callable[[Case, Path], tuple[float, str | None, str]] = run_case,
) -> Case:
    """A smaller input with the same failure signature (greedy chunk deletion)."""
    data = case.text
    tries = 0
    chunk = max(1, len(data) // 2)
    while chunk >= 1 and tries < budget:
        k = 0
        shrunk = False
        while k < len(data) and tries < budget:
            candidate = data[:k] + data[k + chunk :]
            tries += 1
            trial = Case(case.kind, candidate, case.lang, case.name)
            if run(trial, folder)[1] == sig:
                data = candidate
                shrunk = True
            else:
                k += chunk
        if not shrunk:
            chunk //= 2
    return Case(case.kind, data, case.lang, case.name)


@dataclass
class Report:
    tried: int = 0
    ingest: int = 0
    failures: dict[str, list[Any]] = field(default_factory=dict)  # sig -> [count, idx, msg]
    slowest: tuple[float, int, int, str] = (0.0, -1, 0, "")  # seconds, index, size, kind

    def merge(self, other: Report) -> None:
        self.tried += other.tried
        self.ingest += other.ingest
        for sig, (count, idx, msg) in other.failures.items():
            mine = self.failures.setdefault(sig, [0, idx, msg])
            mine[0] += count
            if idx < mine[1]:
                mine[1], mine[2] = idx, msg
        self.slowest = max(self.slowest, other.slowest)


def run_range(seed: int, start: int, stop: int) -> Report:
    """Inputs ``start``..``stop-1`` of ``seed``; the worker's unit of work."""
    report = Report()
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory(prefix="sayso-fuzz-") as tmp:
        folder = Path(tmp)
        for index in range(start, stop):
            case = case_of(seed, index)
            signal.setitimer(signal.ITIMER_REAL, TIMEOUT)
            try:
                took, sig, msg = run_case(case, folder)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            report.tried += 1
            report.ingest += case.kind == "ingest"
            if sig is not None:
                entry = report.failures.setdefault(sig, [0, index, msg])
                entry[0] += 1
            if took > report.slowest[0]:
                report.slowest = (took, index, len(case.text), case.kind)
    return report


def _work(args: tuple[int, int, int]) -> Report:
    return run_range(*args)


def warm_up() -> None:
    """Load the models and let the decoder switch to its compiled loops (after 100
    batches) before timing anything; forked workers inherit both, so the slowest input
    reported is slow by itself, not by a worker's start."""
    for k in range(60):
        sayso.analyze(f"„Wir sind bereit {k}“, sagte Anna Berger. Sie sagte, es sei gut.", "de")
        sayso.analyze(f'"We are ready {k}," Linda Hart said. She said it was good.', None)
    with tempfile.TemporaryDirectory(prefix="sayso-fuzz-") as tmp:
        for index in range(300):  # inputs of another seed: every reader imported once
            run_case(case_of(-1, index), Path(tmp))


def fuzz(seed: int, n: int, jobs: int, chunk: int = 250, progress: bool = False) -> Report:
    work = [(seed, k, min(n, k + chunk)) for k in range(0, n, chunk)]
    total = Report()
    warm_up()
    if jobs <= 1:
        results: Iterator[Report] = map(_work, work)
        for done, r in enumerate(results, 1):
            total.merge(r)
            _progress(progress, done, len(work), total)
        return total
    with get_context("fork").Pool(jobs) as pool:
        for done, r in enumerate(pool.imap_unordered(_work, work), 1):
            total.merge(r)
            _progress(progress, done, len(work), total)
    return total


def _progress(on: bool, done: int, of: int, total: Report) -> None:
    if on and (done % 40 == 0 or done == of):
        print(f"  {total.tried} inputs, {len(total.failures)} failure kinds", file=sys.stderr)
        # a new kind of failure is named at once (input and message), not only at the end
        for sig, (_, index, msg) in sorted(total.failures.items()):
            if sig not in _SHOWN:
                _SHOWN.add(sig)
                print(f"  new failure {sig} at input {index}: {msg[:160]}", file=sys.stderr)


#: the failure kinds already named in the progress lines
_SHOWN: set[str] = set()


def save(case: Case, sig: str, msg: str, index: int, seed: int, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    safe = "".join(ch if ch.isalnum() else "-" for ch in sig)
    path = out / f"{safe}.json"
    record = {"signature": sig, "message": msg, "seed": seed, "index": index, **case.describe()}
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def replay(path: Path) -> int:
    rec = json.loads(path.read_text(encoding="utf-8"))
    raw = rec["text"]
    text: str | bytes = raw.encode("latin-1") if rec["bytes"] else raw
    case = Case(rec["kind"], text, rec["lang"], rec["name"])
    with tempfile.TemporaryDirectory() as tmp:
        took, sig, msg = run_case(case, Path(tmp))
    print(f"{path}: {'ok' if sig is None else sig + ' ' + msg} ({took * 1000:.1f} ms)")
    return 0 if sig is None else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000, help="inputs to try")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="reproducers")
    ap.add_argument("--index", type=int, help="run only this input (prints it)")
    ap.add_argument("--replay", type=Path, help="run a saved reproducer again")
    args = ap.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    if args.index is not None:
        case = case_of(args.seed, args.index)
        print(json.dumps(case.describe(), ensure_ascii=False))
        with tempfile.TemporaryDirectory() as tmp:
            print(run_case(case, Path(tmp)))
        return 0
    started = time.perf_counter()
    report = fuzz(args.seed, args.n, args.jobs, progress=True)
    wall = time.perf_counter() - started
    print(f"inputs tried: {report.tried} ({report.ingest} through the ingest readers)")
    print(f"seed {args.seed}, {args.jobs} jobs, wall time {wall:.1f} s")
    print(f"failures: {sum(v[0] for v in report.failures.values())}")
    for sig, (count, index, msg) in sorted(report.failures.items()):
        case = case_of(args.seed, index)
        with tempfile.TemporaryDirectory() as tmp:
            small = shrink(case, sig, Path(tmp))
        path = save(small, sig, msg, index, args.seed, args.out)
        print(f"  {sig}: {count}x, first input {index}: {msg[:120]}")
        print(f"    minimal reproducer ({len(small.text)} of {len(case.text)}): {path}")
    took, index, size, kind = report.slowest
    print(f"slowest input: {index} ({kind}, {size} characters/bytes) in {took * 1000:.1f} ms")
    return 1 if report.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
