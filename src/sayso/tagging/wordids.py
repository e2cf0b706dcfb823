"""The ids of a new word's features in the scorer's weight matrix, without building the
feature strings.

:class:`~sayso.tagging.scoring.Scorer` sums, once per distinct group, the weights of a
word's features in each group (its own features, as seen from each neighbour, before and
after a statement's content, in the whole-sentence classifier). The features are those of
:class:`~sayso.tagging.features.FeatureCache` (``base``, ``contexts``, ``relative``,
``bag_of_words``), but their strings are not built: the parts that depend on the word's
spelling ("w=…", "s3=…", "-1:w=…", "B|w=…", "bow=…") are looked up by the spelling alone,
in one dict per feature prefix made from the models' attribute names, and the parts that
depend on its lexicon flags are looked up once per distinct tuple of flags. A feature no
model reading it knows gets the id of the zero row instead of being left out, which adds
exactly nothing; otherwise the ids come in the order of the strings, so every sum is the
same to the last bit.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from sayso.tagging.features import _ANCHORS, _HAS, _SENTENCE_FLAGS, FeatureCache

_OFFSETS = (-2, -1, 1, 2)
Ids = tuple[int, ...]
_SIDES = ("B", "A")


@dataclass(frozen=True, slots=True)
class FlagIds:
    """What a tuple of lexicon flags contributes to each group of a word's features."""

    base: Ids
    contexts: tuple[Ids, ...]  # seen from -2, -1, +1, +2
    relative: tuple[Ids, ...]  # before, after a statement's content
    bag: Ids  # the whole-sentence classifier's "has|…"
    signals: int  # flags that are signals of the sentence, as bits
    cue: bool  # a "cue" flag (the whole-sentence classifier looks at its position)
    anchor: bool  # a cue anchor (cue verb, according-to trigger, nominal cue)


def _by_suffix(
    names: Mapping[str, int], prefix: str, keep: Collection[str] | None
) -> dict[str, int]:
    """``{rest: id}`` for each attribute ``prefix + rest`` (that ``keep`` holds, if given)."""
    n = len(prefix)
    return {
        name[n:]: k
        for name, k in names.items()
        if name.startswith(prefix) and (keep is None or name in keep)
    }


class FeatureIds:
    """Feature ids of words for a scorer's weight matrix (``index``, zero row ``unknown``)
    and the whole-sentence model's (``whole``, zero row ``whole_unknown``); ``bits`` are the
    bits of the sentence signals."""

    def __init__(
        self,
        cache: FeatureCache,
        index: Mapping[str, int],
        unknown: int,
        whole: Mapping[str, int] | None,
        whole_unknown: int,
        bits: Mapping[str, int],
    ) -> None:
        self.cache = cache
        self.bits = bits
        self.index = index
        self.unknown = unknown
        self.whole = whole if whole is not None else {}
        self.whole_unknown = whole_unknown
        known, rel, bag = cache.known, cache.known_relative, cache.known_whole
        self.w = _by_suffix(index, "w=", known)
        self.s3 = _by_suffix(index, "s3=", known)
        self.s2 = _by_suffix(index, "s2=", known)
        self.p3 = _by_suffix(index, "p3=", known)
        self.sh = _by_suffix(index, "sh=", known)
        self.context_w = [_by_suffix(index, f"{o}:w=", known) for o in _OFFSETS]
        self.relative_w = [_by_suffix(index, f"{r}|w=", rel) for r in _SIDES]
        self.bow = _by_suffix(self.whole, "bow=", bag)
        self._flags: dict[tuple[str, ...], FlagIds] = {}

    def _ids(
        self,
        names: Sequence[str],
        keep: Collection[str] | None,
        ids: Mapping[str, int],
        unknown: int,
    ) -> Ids:
        return tuple(ids.get(f, unknown) if keep is None or f in keep else unknown for f in names)

    def flag_ids(self, flags: tuple[str, ...]) -> FlagIds:
        """The ids of the features a tuple of flags gives, memoised per tuple."""
        got = self._flags.get(flags)
        if got is not None:
            return got
        cache = self.cache
        index, unknown = self.index, self.unknown
        ids = self._ids
        ctx = [f for f in flags if not f.startswith(("med=", "stance="))]
        bag = [
            "has|" + x
            for x in flags
            if x.startswith(("cue=", "mood=", "mk=", "kind=")) or x in _HAS
        ]
        got = FlagIds(
            ids(flags, cache.known, index, unknown),
            tuple(ids([f"{o}:{x}" for x in ctx], cache.known, index, unknown) for o in _OFFSETS),
            tuple(
                ids([f"{r}|{x}" for x in flags], cache.known_relative, index, unknown)
                for r in _SIDES
            ),
            ids(bag, cache.known_whole, self.whole, self.whole_unknown),
            sum(self.bits[x] for x in flags if x in _SENTENCE_FLAGS),
            "cue" in flags,
            not _ANCHORS.isdisjoint(flags),
        )
        self._flags[flags] = got
        return got

    def groups(self, word: str, low: str, flags: FlagIds, shape: str) -> tuple[Ids, ...]:
        """The ids of the word's own features and of its features as seen from each
        neighbour (five groups, each ending in the zero row: none is empty); ``shape``
        is the word's :func:`~sayso.tagging.wordflags.shape`."""
        u = self.unknown
        cw = self.context_w
        ctx = flags.contexts
        return (
            (
                self.w.get(low, u),
                self.s3.get(low[-3:], u),
                self.s2.get(low[-2:], u),
                self.p3.get(low[:3], u),
                self.sh.get(shape, u),
                *flags.base,
                u,
            ),
            (cw[0].get(low, u), *ctx[0], u),
            (cw[1].get(low, u), *ctx[1], u),
            (cw[2].get(low, u), *ctx[2], u),
            (cw[3].get(low, u), *ctx[3], u),
        )

    def relative(self, low: str, flags: FlagIds) -> tuple[Ids, Ids]:
        """The ids of the word's features before and after a statement's content."""
        u = self.unknown
        before, after = flags.relative
        rw = self.relative_w
        return (*before, rw[0].get(low, u), u), (*after, rw[1].get(low, u), u)

    def bag(self, low: str, flags: FlagIds) -> Ids:
        """The ids of the word's whole-sentence features ("has|…", "bow=…")."""
        u = self.whole_unknown
        return (*flags.bag, self.bow.get(low, u), u)
