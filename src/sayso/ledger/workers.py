"""The analysing workers of an ingest run, with a time budget per document.

:class:`WorkerPool` keeps ``jobs`` worker processes, each with its own task queue and
result pipe. The main process hands each worker a few chunks of documents
(:data:`CHUNK` at a time, at most two ahead) and gets every analysis back as soon as it is
done, so it always knows which document each worker is on and since when. A document
that takes longer than ``doc_timeout`` seconds becomes an E035 failure, its worker is
killed and replaced, and the documents queued behind it go to the front of the backlog: nothing
is lost or analysed twice into the ledger (only the main process stores). A worker that
dies (killed, out of memory, a crash in C code) is replaced the same way, its document an
E036 failure.

:class:`InProcess` (``jobs=0``) analyses in this process when a result is asked for; its
budget is a ``SIGALRM`` timer, so it is enforced only on POSIX systems in the main thread,
and a single long call into C code (a regular expression, the CRF tagger) is interrupted
only when it returns to Python.
"""

from __future__ import annotations

import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from types import FrameType
from typing import Any, Protocol

from sayso import errors
from sayso.errors import SaysoError
from sayso.ingest import Document
from sayso.model import Analysis

#: documents per task message (``LedgerSettings.task_size``): a worker's cost per message
#: (pickling, a lock) was its biggest cost outside analysing with 2 documents a task under
#: multiprocessing.Pool; 8 halved it. A worker holds at most two tasks' documents (the one
#: it analyses and those queued behind it).
CHUNK = 8
#: the message a worker sends once it is ready to analyse
_READY = -1


@dataclass(frozen=True, slots=True)
class Failure:
    """A document the worker could not analyse: its code and message."""

    code: str
    message: str

    @classmethod
    def of(cls, code: errors.Code, **kwargs: Any) -> Failure:
        return cls(code.code, str(SaysoError(code, **kwargs)))


Result = Analysis | Failure
Analyse = Callable[[Document], Result]


class Engine(Protocol):
    def submit(self, docs: list[Document]) -> list[int]: ...
    def result(self, seq: int) -> Result: ...
    def close(self) -> None: ...


# --- in this process -----------------------------------------------------------------------


class _Overdue(BaseException):
    """Raised by the alarm; a BaseException so that ``except Exception`` lets it pass."""


def analyse_with_alarm(analyse: Analyse, doc: Document, budget: float) -> Result:
    """``analyse(doc)``, stopped by ``SIGALRM`` after ``budget`` seconds (E035) where a
    timer can be used (POSIX, main thread); without a limit elsewhere."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if budget <= 0 or not usable:
        return analyse(doc)

    def alarm(_signum: int, _frame: FrameType | None) -> None:
        raise _Overdue

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, budget)
            return analyse(doc)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Overdue:
        return Failure.of(errors.E035, source=doc.source, timeout=budget)
    finally:
        signal.signal(signal.SIGALRM, previous)


class InProcess:
    """``jobs=0``: each document is analysed when its result is asked for."""

    def __init__(self, analyse: Analyse, doc_timeout: float) -> None:
        self._analyse = analyse
        self._budget = doc_timeout
        self._docs: dict[int, Document] = {}
        self._next = 0

    def submit(self, docs: list[Document]) -> list[int]:
        seqs = list(range(self._next, self._next + len(docs)))
        self._next += len(docs)
        self._docs.update(zip(seqs, docs, strict=True))
        return seqs

    def result(self, seq: int) -> Result:
        return analyse_with_alarm(self._analyse, self._docs.pop(seq), self._budget)

    def close(self) -> None:
        self._docs.clear()


# --- worker processes ----------------------------------------------------------------------


def _serve(
    analyse: Analyse,
    initializer: Callable[[], None] | None,
    tasks: Queue[list[tuple[int, Document]] | None],
    results: Connection,
) -> None:
    """A worker: analyse the chunks it is sent, one result message per document."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's business
    if initializer is not None:
        initializer()
    results.send((_READY, None))  # the budget of its first document starts now
    while True:
        chunk = tasks.get()
        if chunk is None:
            return
        for seq, doc in chunk:
            results.send((seq, analyse(doc)))


@dataclass
class _Worker:
    process: BaseProcess
    tasks: Queue[list[tuple[int, Document]] | None]
    results: Connection
    pending: deque[tuple[int, Document]] = field(default_factory=deque)
    started: float = 0.0  # when it started on pending[0]


class WorkerPool:
    """``jobs`` worker processes analysing documents, each within ``doc_timeout`` seconds
    (0: no limit). See the module doc."""

    def __init__(
        self,
        jobs: int,
        analyse: Analyse,
        context: BaseContext,
        *,
        doc_timeout: float = 0.0,
        initializer: Callable[[], None] | None = None,
        chunk: int = CHUNK,
    ) -> None:
        self._chunk = max(1, chunk)
        self._held = 2 * self._chunk
        self._ctx = context
        self._analyse = analyse
        self._initializer = initializer
        self._budget = doc_timeout
        self._backlog: deque[tuple[int, Document]] = deque()
        self._results: dict[int, Result] = {}
        self._next = 0
        self._workers = [self._start() for _ in range(jobs)]

    def _start(self) -> _Worker:
        tasks: Queue[list[tuple[int, Document]] | None] = self._ctx.Queue()
        receive, send = self._ctx.Pipe(duplex=False)
        process = self._ctx.Process(  # type: ignore[attr-defined]
            target=_serve, args=(self._analyse, self._initializer, tasks, send), daemon=True
        )
        process.start()
        send.close()  # the worker holds the only sending end: its death is an EOF here
        return _Worker(process, tasks, receive)

    def submit(self, docs: list[Document]) -> list[int]:
        seqs = list(range(self._next, self._next + len(docs)))
        self._next += len(docs)
        self._backlog.extend(zip(seqs, docs, strict=True))
        self._feed()
        return seqs

    def result(self, seq: int) -> Result:
        """The result of document ``seq``; waits for it, enforcing every worker's budget."""
        while seq not in self._results:
            self._pump()
        return self._results.pop(seq)

    def close(self) -> None:
        for worker in self._workers:
            self._stop(worker)
        self._workers = []

    def _feed(self) -> None:
        """Hand the backlog to the workers holding least, a chunk at a time."""
        now = time.monotonic()
        while self._backlog:
            worker = min(self._workers, key=lambda w: len(w.pending))
            room = self._held - len(worker.pending)
            if room <= 0:
                return
            share = -(-len(self._backlog) // len(self._workers))  # small batches: spread
            size = min(self._chunk, room, share)
            chunk = [self._backlog.popleft() for _ in range(size)]
            if not worker.pending:
                worker.started = now
            worker.pending.extend(chunk)
            worker.tasks.put(chunk)

    def _pump(self) -> None:
        busy = [w for w in self._workers if w.pending]
        if not busy:  # cannot happen: a submitted document is held or in the backlog
            raise RuntimeError("waiting for a result no worker holds")
        timeout = None
        if self._budget > 0:
            due = min(w.started for w in busy) + self._budget
            timeout = max(0.0, due - time.monotonic())
        ready = set(wait([w.results for w in busy], timeout))
        now = time.monotonic()
        for index, worker in enumerate(self._workers):
            if not worker.pending:
                continue
            if worker.results in ready and not self._receive(worker, now):
                seq, doc = worker.pending.popleft()
                detail = f"exit code {worker.process.exitcode}"
                self._results[seq] = Failure.of(errors.E036, source=doc.source, detail=detail)
                self._workers[index] = self._replace(worker)
            elif worker.pending and self._budget > 0 and now - worker.started > self._budget:
                seq, doc = worker.pending.popleft()
                failure = Failure.of(errors.E035, source=doc.source, timeout=self._budget)
                self._results[seq] = failure
                self._workers[index] = self._replace(worker)
        self._feed()

    def _receive(self, worker: _Worker, now: float) -> bool:
        """Take every result the worker has sent; False if it died."""
        try:
            while worker.pending and worker.results.poll():
                seq, result = worker.results.recv()
                if seq == _READY:  # warmed up (spawned workers load the models first)
                    worker.started = now
                    continue
                done, _doc = worker.pending.popleft()
                assert done == seq, "a worker answers in the order it was sent"
                self._results[seq] = result
                worker.started = now
        except (EOFError, OSError):
            worker.process.join(1)
            return False
        return True

    def _replace(self, worker: _Worker) -> _Worker:
        """Stop ``worker`` and start another; what it still held goes back to the front."""
        self._backlog.extendleft(reversed(worker.pending))
        worker.pending.clear()
        self._stop(worker)
        return self._start()

    @staticmethod
    def _stop(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.results.close()
        worker.tasks.cancel_join_thread()
        worker.tasks.close()
