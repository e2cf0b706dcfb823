"""Sequence taggers (linear-chain CRFs) that mark the tokens of each statement role.

Three layers are tagged per sentence, because roles overlap in the annotations (a frame
contains its speaker and cue):

- ``quote``: BIO over the content, the label carrying the form (``B-direct``, ``I-reported``…);
- ``roles``: BIO over speaker (``S``), cue (``C``) and addressee (``A``);
- ``frame``: BIO over the frame (the introducing clause or phrase, "Rice sagte,").

The models are small files inside the package (``sayso/models``), produced by
``sayso train`` from the train splits; nothing is downloaded. A ``Taggers`` object is
created lazily once per process and per language (crfsuite taggers are not picklable, so
worker processes build their own).
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycrfsuite

from sayso.errors import E006, SaysoError
from sayso.extract.features import (
    FeatureCache,
    sentence_features,
    sentence_flags,
    statement_features,
    whole_sentence_features,
)
from sayso.lang import load
from sayso.text.segment import Segmented

#: tagged once per sentence ("quote": token labels; "whole": one label for the sentence)
SENTENCE_LAYERS = ("quote", "whole")
#: tagged once per statement, in the window around its content
STATEMENT_LAYERS = ("roles", "frame")
#: optional: one label per statement, trained only where the corpus labels media
MEDIUM_LAYER = "medium"
LAYERS = SENTENCE_LAYERS + STATEMENT_LAYERS
MODEL_VERSION = "v2"


def model_dir() -> Path:
    """The bundled models, or the folder named by ``SAYSO_MODELS`` (for experiments)."""
    override = os.environ.get("SAYSO_MODELS")
    if override:
        return Path(override)
    return Path(str(resources.files("sayso") / "models"))


def model_path(lang: str, layer: str) -> Path:
    return model_dir() / f"{lang}.{layer}.{MODEL_VERSION}.crfsuite"


def meta_path(lang: str) -> Path:
    return model_dir() / f"{lang}.meta.{MODEL_VERSION}.json"


@dataclass(slots=True)
class Tagged:
    """Content labels per sentence, with the features that produced them (reused when the
    roles of each statement are tagged)."""

    quote: list[list[str]]
    feats: list[list[list[str]]]
    flags: list[frozenset[str]]


def statement_window(seg: Segmented, content: Sequence[int]) -> range:
    """The sentences whose tokens may hold a statement's roles: those of its content and
    the one before (where "Er sagte:" or the speaker of continued speech stands)."""
    sents = seg.sentence_of
    first = sents[min(content)]
    last = sents[max(content)]
    return range(max(0, first - 1), last + 1)


def model_attributes(path: Path) -> list[str]:
    """The attribute (feature) names a crfsuite model knows, in id order, read from the
    model file's attribute dictionary (a CQDB chunk; ``Tagger.info()`` would take a second
    to dump and parse the whole model)."""
    data = path.read_bytes()
    magic, *_, off_attrs, _, _ = struct.unpack_from("<4sI4sIIIIIIIII", data, 0)
    if magic != b"lCRF":
        raise SaysoError(E006, path=path)
    chunk, _, _, _, n, bwd = struct.unpack_from("<4sIIIII", data, off_attrs)
    if chunk != b"CQDB":
        raise SaysoError(E006, path=path)
    out = []
    for off in struct.unpack_from(f"<{n}I", data, off_attrs + bwd):
        _, size = struct.unpack_from("<II", data, off_attrs + off)
        start = off_attrs + off + 8
        out.append(data[start : start + size - 1].decode("utf-8"))  # without the NUL
    return out


class Taggers:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.cache = FeatureCache(load(lang))
        self.taggers: dict[str, Any] = {}
        for layer in LAYERS:
            path = model_path(lang, layer)
            if not path.exists():
                raise SaysoError(E006, path=path)
            t = pycrfsuite.Tagger()
            try:
                t.open(str(path))
            except Exception as exc:  # crfsuite raises bare ValueError/IOError
                raise SaysoError(E006, path=path) from exc
            self.taggers[layer] = t
        #: the label of a model that has only one (it needs no tagging), per layer
        self.only_label: dict[str, str | None] = {}
        for layer, t in self.taggers.items():
            labels = t.labels()
            self.only_label[layer] = labels[0] if len(labels) == 1 else None
        self.whole_forms = [y for y in self.taggers["whole"].labels() if y != "O"]
        medium = model_path(lang, MEDIUM_LAYER)
        if medium.exists():
            t = pycrfsuite.Tagger()
            t.open(str(medium))
            self.taggers[MEDIUM_LAYER] = t
        # the sentence features are read by the content tagger and, inside statement
        # windows, by the roles and frame taggers; the statement-relative ones by the latter
        relative = frozenset(
            a for layer in STATEMENT_LAYERS for a in model_attributes(model_path(lang, layer))
        )
        self.cache.restrict(
            relative.union(model_attributes(model_path(lang, "quote"))),
            relative,
            frozenset(model_attributes(model_path(lang, "whole"))),
        )
        meta = meta_path(lang)
        self.meta: dict[str, Any] = json.loads(meta.read_text("utf-8")) if meta.exists() else {}

    def tag(self, seg: Segmented) -> Tagged:
        self.cache.trim()
        flags = sentence_flags(self.cache, seg)
        out = Tagged([], [], flags)
        quote = self.taggers["quote"]
        for s, (a, b) in enumerate(seg.sentences):
            if not flags[s]:
                # no cue, marker, Konjunktiv or quotation mark: nothing to attribute here,
                # so the tagger is not asked (a third of news sentences)
                out.feats.append([])
                out.quote.append(["O"] * (b - a))
                continue
            feats = sentence_features(self.cache, seg, s, flags)
            out.feats.append(feats)
            # a plain list: an ItemSequence would be copied once more inside tag()
            out.quote.append(quote.tag(feats))
        return out

    def classify_sentence(
        self, seg: Segmented, tagged: Tagged, s: int, prev_has_statement: bool
    ) -> tuple[str, float]:
        """Is sentence ``s`` as a whole a reported or free indirect statement? Returns the
        most probable statement form and the probability that the sentence is a statement
        at all (1 - P("O"))."""
        forms = self.whole_forms
        if not forms:
            return "O", 0.0
        feats = whole_sentence_features(self.cache, seg, s, tagged.flags, prev_has_statement)
        t = self.taggers["whole"]
        t.set([feats])
        best = max(forms, key=lambda y: t.marginal(y, 0))
        return best, 1.0 - t.marginal("O", 0)

    def classify_medium(self, feats: list[str]) -> str | None:
        """The medium label for one statement, or None without a medium model."""
        t = self.taggers.get(MEDIUM_LAYER)
        if t is None:
            return None
        (label,) = t.tag([feats])
        return str(label)

    def tag_statement(
        self, seg: Segmented, tagged: Tagged, content: Sequence[int], form: str
    ) -> tuple[range, list[str], list[str]]:
        """Role and frame labels for one statement over its window; returns the window's
        token range and the two label lists."""
        window = statement_window(seg, content)
        for w in window:
            a, b = seg.sentences[w]
            if len(tagged.feats[w]) != b - a:  # skipped by tag(): compute now
                tagged.feats[w] = sentence_features(self.cache, seg, w, tagged.flags)
        feats = statement_features(self.cache, seg, tagged.feats, window, frozenset(content), form)
        a = seg.sentences[window[0]][0]
        b = seg.sentences[window[-1]][1]
        return range(a, b), *self._tag_both(feats)

    def _tag_both(self, feats: list[list[str]]) -> tuple[list[str], list[str]]:
        """Roles and frame labels of one statement window. A model with a single label (the
        English frame model: PolNeAR has no frames) gives that label without tagging."""
        roles, frame = self.taggers["roles"], self.taggers["frame"]
        if self.only_label["frame"] is not None:
            return roles.tag(feats), [self.only_label["frame"]] * len(feats)
        xseq = pycrfsuite.ItemSequence(feats)  # converted once, read by both taggers
        return roles.tag(xseq), frame.tag(xseq)


@lru_cache(maxsize=4)
def taggers(lang: str) -> Taggers:
    return Taggers(lang)
