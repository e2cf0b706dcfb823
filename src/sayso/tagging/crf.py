"""crfsuite models read into arrays, and their decoding without crfsuite.

``sayso train`` trains linear-chain CRFs with crfsuite (python-crfsuite) and ships the
model files. At run time, handing crfsuite the features costs more than everything else
in the pipeline together: each feature is a string, converted and looked up in the
model's dictionary once per token and layer. A trained CRF is only two tables, though —
the weight of each (attribute, label) pair and of each (label, label) transition — so the
model file is read once into NumPy arrays, the features of a token are summed as rows of
those tables (per word, memoised, see :mod:`sayso.tagging.scoring`), and the best label
sequence is found here by the same Viterbi recursion crfsuite runs: same model, same
labels (up to floating-point summation order, measured identical on the dev corpora).

The file format is crfsuite's ``crf1dm`` (``lib/crf/src/crf1d_model.c``): a header with
chunk offsets; a ``FEAT`` chunk of 20-byte features (type, source, destination, weight —
type 0 is attribute→label, type 1 label→label); label and attribute dictionaries as
``CQDB`` chunks, whose backward array gives each string by id.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from sayso.errors import E006, SaysoError

_HEADER = "<4sI4sIIIIIIIII"
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])

Floats = NDArray[np.float64]
Ints = NDArray[np.intp]
#: the score of a padding label: never the best, and finite (no inf - inf)
_NEVER = -1e30
#: sequences stepped through together at most (bounds the arrays for huge texts)
_MANY = 2048


def _cqdb_strings(data: bytes, off: int, path: Path) -> list[str]:
    """The strings of a CQDB chunk in id order (from its backward array)."""
    chunk, _, _, _, n, bwd = struct.unpack_from("<4sIIIII", data, off)
    if chunk != b"CQDB":
        raise SaysoError(E006, path=path)
    out = []
    for rel in struct.unpack_from(f"<{n}I", data, off + bwd):
        _, size = struct.unpack_from("<II", data, off + rel)
        start = off + rel + 8
        out.append(data[start : start + size - 1].decode("utf-8"))  # without the NUL
    return out


def _header(data: bytes, path: Path) -> tuple[int, ...]:
    if len(data) < struct.calcsize(_HEADER):
        raise SaysoError(E006, path=path)
    magic, *rest = struct.unpack_from(_HEADER, data, 0)
    if magic != b"lCRF":
        raise SaysoError(E006, path=path)
    return tuple(rest)


@dataclass(frozen=True, slots=True, eq=False)
class LinearChain:
    """One linear-chain CRF: ``state[a, y]`` is the weight of attribute ``a`` for label
    ``y`` (the last row, for attributes the model does not know, is zero), ``trans[y, z]``
    the weight of label ``z`` following ``y``."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: Floats
    trans: Floats

    @classmethod
    def read(cls, path: Path) -> LinearChain:
        """The model in ``path``; a missing, truncated or foreign file is ``E006``."""
        try:
            return cls._read(path.read_bytes(), path)
        except (OSError, struct.error, ValueError, UnicodeDecodeError) as exc:
            raise SaysoError(E006, path=path) from exc

    @classmethod
    def _read(cls, data: bytes, path: Path) -> LinearChain:
        _, _, _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs, _, _ = _header(data, path)
        chunk, _, n_feat = struct.unpack_from("<4sII", data, off_feat)
        if chunk != b"FEAT":
            raise SaysoError(E006, path=path)
        feats = np.frombuffer(data, dtype=_FEATURE, count=n_feat, offset=off_feat + 12)
        labels = tuple(_cqdb_strings(data, off_labels, path))
        attrs = _cqdb_strings(data, off_attrs, path)
        if len(labels) != n_labels or len(attrs) != n_attrs:
            raise SaysoError(E006, path=path)
        state = np.zeros((n_attrs + 1, n_labels))
        trans = np.zeros((n_labels, n_labels))
        st = feats[feats["type"] == 0]
        tr = feats[feats["type"] == 1]
        state[st["src"], st["dst"]] = st["weight"]
        trans[tr["src"], tr["dst"]] = tr["weight"]
        return cls(labels, {a: k for k, a in enumerate(attrs)}, state, trans)

    @property
    def unknown(self) -> int:
        """The row index of an attribute the model does not know (a zero row)."""
        return len(self.attributes)

    def score(self, feats: list[str]) -> Floats:
        """The state scores of one item: the sum of its attributes' rows."""
        get = self.attributes.get
        unknown = len(self.attributes)
        ids = [get(f, unknown) for f in feats]
        return self.state[ids].sum(axis=0)  # type: ignore[no-any-return]

    def best(self, feats: list[str]) -> str:
        """The best label of a sequence of one item (crfsuite keeps the first of ties)."""
        return self.labels[int(self.score(feats).argmax())]


def viterbi_many(emits: Sequence[Floats], trans: Sequence[Floats]) -> list[list[int]]:
    """:func:`viterbi_loops` for several sequences at once, ``emits[k]`` decoded under the
    transitions ``trans[k]``: the sequences are stepped through together (a few NumPy
    operations per position for all of them), so the Python overhead is paid per position
    of the longest sequence rather than per token. Models with fewer labels than the
    widest are padded with labels that can never win."""
    if not emits:
        return []
    if len(emits) > _MANY:  # a huge text: arrays of bounded size, a slice at a time
        return [
            path
            for k in range(0, len(emits), _MANY)
            for path in viterbi_many(emits[k : k + _MANY], trans[k : k + _MANY])
        ]
    lens = [len(e) for e in emits]
    n = max(lens)
    if n == 0:
        return [[] for _ in emits]
    n_seq = len(emits)
    n_labels = max(t.shape[0] for t in trans)
    width = n_seq * n_labels
    # time first, so that each step reads one contiguous block; past its end a sequence
    # only marks time (zeros)
    emit = np.zeros((n, n_seq, n_labels))
    # tr[k, j, i]: the weight of label i followed by label j (the maximum is taken over the
    # last, contiguous axis)
    first = trans[0]
    if all(weights is first for weights in trans):
        tr = np.broadcast_to(first.T, (n_seq, n_labels, n_labels))
    else:
        tr = np.zeros((n_seq, n_labels, n_labels))
    groups: dict[int, list[int]] = {}
    for k, weights in enumerate(trans):
        groups.setdefault(weights.shape[0], []).append(k)
    for m, ks in groups.items():
        got = [emits[k] for k in ks]
        at_t = np.concatenate([np.arange(len(e)) for e in got])
        at_k = np.repeat(ks, [len(e) for e in got])
        emit[at_t, at_k, :m] = np.concatenate(got)
        if m < n_labels:
            # labels a narrower model does not have can never win
            emit[:, ks, m:] = _NEVER
            tr[ks, :, m:] = 0.0
        if tr.flags.writeable:
            for k in ks:
                tr[k, :m, :m] = trans[k].T
    steps = emit.reshape(n, width)
    back = np.empty((n, width), dtype=np.intp)
    cand = np.empty((n_seq, n_labels, n_labels))
    flat = cand.reshape(width * n_labels)
    rows = cand.reshape(width, n_labels)
    offsets = np.arange(width) * n_labels
    at = np.empty(width, dtype=np.intp)
    score3 = np.empty((n_seq, 1, n_labels))  # broadcast over the "to" axis
    score = score3.reshape(width)
    score[:] = steps[0]
    final: dict[int, list[int]] = {}
    for k, m in enumerate(lens):
        final.setdefault(m - 1, []).append(k)
    last = np.zeros(n_seq, dtype=np.intp)  # each sequence's best final label
    add = np.add
    for t in range(n):
        if t:
            add(score3, tr, out=cand)
            rows.argmax(axis=1, out=back[t])
            add(offsets, back[t], out=at)
            flat.take(at, out=score)
            add(score, steps[t], out=score)
        ending = final.get(t)
        if ending is not None:
            last[ending] = score.reshape(n_seq, n_labels)[ending].argmax(axis=1)
    # follow the back pointers of all sequences together, each from its own end
    paths = np.empty((n, n_seq), dtype=np.intp)
    ends = np.asarray(lens) - 1
    base = np.arange(n_seq) * n_labels
    cur = last
    for t in range(n - 1, -1, -1):
        paths[t] = cur
        if t:
            # a sequence that ends before t keeps its final label until it is reached
            cur = np.where(ends >= t, back[t][base + cur], last)
    cols = paths.T.tolist()
    return [cols[k][: lens[k]] for k in range(n_seq)]


def viterbi_loops(emit: Floats, trans: Floats) -> Ints:
    """The best label sequence for state scores ``emit`` (tokens × labels) under
    transition weights ``trans``, as crfsuite computes it (``crf1dc_viterbi``): the score
    of label ``j`` at ``t`` is ``max_i(prev[i] + trans[i, j]) + emit[t, j]``, the first of
    equal maxima kept. Plain loops, for numba to compile (:class:`Decoder`); run as
    Python they are the reference the tests hold the other decoders to."""
    n, n_labels = emit.shape
    path = np.zeros(n, dtype=np.intp)
    if n == 0:
        return path
    back = np.zeros((n, n_labels), dtype=np.intp)
    score = emit[0].copy()
    new = np.empty(n_labels)
    for t in range(1, n):
        for j in range(n_labels):
            best = score[0] + trans[0, j]
            arg = 0
            for i in range(1, n_labels):
                v = score[i] + trans[i, j]
                if v > best:
                    best = v
                    arg = i
            back[t, j] = arg
            new[j] = best + emit[t, j]
        score[:] = new
    k = 0
    for j in range(1, n_labels):
        if score[j] > score[k]:
            k = j
    path[n - 1] = k
    for t in range(n - 1, 0, -1):
        k = back[t, k]
        path[t - 1] = k
    return path


@cache
def compiled_viterbi() -> Callable[[Floats, Floats], Ints] | None:
    """:func:`viterbi_loops` compiled by numba, its machine code cached on disk after the
    first compilation (next to this module, else in the user's cache folder; without
    either, compiled in every process); None where numba cannot be loaded or compile.
    Loaded once per process, shared by the languages' decoders."""
    try:
        import numba
    except Exception:  # not installed, or broken on this platform: NumPy decodes
        return None
    probe = (np.zeros((2, 2)), np.zeros((2, 2)))
    for on_disk in (True, False):
        try:
            compiled: Callable[[Floats, Floats], Ints] = numba.njit(cache=on_disk, nogil=True)(
                viterbi_loops
            )
            compiled(*probe)
            return compiled
        except Exception:  # no writable cache folder, or no code generation at all
            continue
    return None


class Decoder:
    """Decodes batches of sequences for one process.

    :func:`viterbi_many` steps through a batch with NumPy, a few microseconds of Python
    per position; compiled loops take a microsecond per sequence, but loading numba and
    the compiled code costs about a second per process (five the very first time, when
    it is compiled). So a process starts with NumPy and switches once it has decoded
    ``jit_after`` batches (about four per document), or meets a batch of more than
    ``JIT_TOKENS`` tokens (a huge text): a one-article ``sayso analyze`` never pays the
    second, a long run repays it within a few documents. The environment
    variable ``SAYSO_JIT`` overrides: ``0`` never compiles, ``1`` compiles at once.
    Both decoders give the same labels (tested)."""

    def __init__(self, jit_after: int | None = None) -> None:
        if jit_after is None:
            setting = os.environ.get("SAYSO_JIT", "")
            jit_after = {"0": -1, "1": 0}.get(setting, JIT_AFTER)
        self.jit_after = jit_after
        self.calls = 0
        self.compiled: Callable[[Floats, Floats], Ints] | None = None

    def __call__(self, emits: Sequence[Floats], trans: Sequence[Floats]) -> list[list[int]]:
        if self.compiled is None and self.jit_after >= 0:
            self.calls += 1
            # a batch as long as a hundred documents (a huge text) repays loading at once
            if self.calls > self.jit_after or sum(map(len, emits)) > JIT_TOKENS:
                self.compiled = compiled_viterbi()
                self.jit_after = -1  # tried once: never again
        if self.compiled is not None:
            run = self.compiled
            return [run(e, t).tolist() if len(e) else [] for e, t in zip(emits, trans, strict=True)]
        return viterbi_many(emits, trans)


#: batches a process decodes with NumPy before it loads the compiled decoder
JIT_AFTER = 100
#: ... or tokens in one batch
JIT_TOKENS = 50_000
