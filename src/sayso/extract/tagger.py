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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycrfsuite

from sayso.errors import E006, SaysoError
from sayso.extract.features import FeatureCache, sentence_features, sentence_flags
from sayso.lang import load
from sayso.text.segment import Segmented

LAYERS = ("quote", "roles", "frame")
MODEL_VERSION = "v1"


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
    """Labels per layer, one list per sentence."""

    quote: list[list[str]]
    roles: list[list[str]]
    frame: list[list[str]]


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
        meta = meta_path(lang)
        self.meta: dict[str, Any] = json.loads(meta.read_text("utf-8")) if meta.exists() else {}

    def tag(self, seg: Segmented) -> Tagged:
        flags = sentence_flags(self.cache, seg)
        out = Tagged([], [], [])
        for s in range(len(seg.sentences)):
            xseq = pycrfsuite.ItemSequence(sentence_features(self.cache, seg, s, flags))
            out.quote.append(self.taggers["quote"].tag(xseq))
            out.roles.append(self.taggers["roles"].tag(xseq))
            out.frame.append(self.taggers["frame"].tag(xseq))
        return out


@lru_cache(maxsize=4)
def taggers(lang: str) -> Taggers:
    return Taggers(lang)


def has_models(lang: str) -> bool:
    return all(model_path(lang, layer).exists() for layer in LAYERS)
