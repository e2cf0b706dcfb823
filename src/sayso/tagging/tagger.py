"""Sequence taggers (linear-chain CRFs) that mark the tokens of each statement role.

Three layers are tagged per sentence, because roles overlap in the annotations (a frame
contains its speaker and cue):

- ``quote``: BIO over the content, the label carrying the form (``B-direct``, ``I-reported``…);
- ``roles``: BIO over speaker (``S``), cue (``C``) and addressee (``A``);
- ``frame``: BIO over the frame (the introducing clause or phrase, "Rice sagte,").

The models are small files inside the package (``sayso/models``), produced by
``sayso train`` (crfsuite) from the train splits; nothing is downloaded. At run time they
are read into arrays and decoded without crfsuite (:mod:`sayso.tagging.crf`), from state
scores summed per word and position (:mod:`sayso.tagging.scoring`). A ``Taggers`` object
is created lazily once per process and per language; worker processes build their own.
"""

from __future__ import annotations

import json
import math
import os
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sayso.errors import E006, SaysoError
from sayso.lang import load
from sayso.tagging.crf import Decoder, Floats, LinearChain
from sayso.tagging.features import FeatureCache, whole_sentence_features
from sayso.tagging.scoring import Document, Scorer
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
    """Content labels per sentence, with the state scores of every token under the
    sentence-feature part of all three sequence models (reused when the roles of each
    statement are tagged) and the sentences' coarse signals."""

    quote: list[list[str]]
    doc: Document
    #: per sentence, its words' part of the whole-sentence scores; the cue tokens (when
    #: first asked)
    bags: tuple[Floats, list[int]] | None = None

    @property
    def flags(self) -> list[frozenset[str]]:
        """Each sentence's coarse signals."""
        return self.doc.flags


def statement_window(seg: Segmented, content: Sequence[int]) -> range:
    """The sentences whose tokens may hold a statement's roles: those of its content and
    the one before (where "Er sagte:" or the speaker of continued speech stands)."""
    sents = seg.sentence_of
    first = sents[min(content)]
    last = sents[max(content)]
    return range(max(0, first - 1), last + 1)


class Taggers:
    """The models of one language: the content tagger (``quote``), the statement taggers
    (``roles``, ``frame``), the whole-sentence classifier (``whole``) and, where the corpus
    labels media, the medium classifier; read from the model files into arrays and
    decoded here (:mod:`sayso.tagging.crf`), not by crfsuite."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.cache = FeatureCache(load(lang))
        self.models: dict[str, LinearChain] = {}
        for layer in LAYERS:
            path = model_path(lang, layer)
            if not path.exists():
                raise SaysoError(E006, path=path)
            self.models[layer] = LinearChain.read(path)
        medium = model_path(lang, MEDIUM_LAYER)
        if medium.exists():
            self.models[MEDIUM_LAYER] = LinearChain.read(medium)
        #: the label of a model that has only one (it needs no tagging), per layer
        self.only_label: dict[str, str | None] = {
            layer: m.labels[0] if len(m.labels) == 1 else None for layer, m in self.models.items()
        }
        self.whole_forms = [y for y in self.models["whole"].labels if y != "O"]
        # the per-word feature lists leave out what no model reading them knows (fewer
        # weights to look up when a new word's rows are summed)
        relative = frozenset(a for layer in STATEMENT_LAYERS for a in self.models[layer].attributes)
        self.cache.keep_lists = False  # the scorer keeps each word's summed rows instead
        self.cache.restrict(
            relative.union(self.models["quote"].attributes),
            relative,
            frozenset(self.models["whole"].attributes),
        )
        self.scorer = Scorer(
            self.cache,
            self.models["quote"],
            self.models["roles"],
            self.models["frame"],
            self.models["whole"] if self.whole_forms else None,
        )
        self.decode = Decoder()
        meta = meta_path(lang)
        self.meta: dict[str, Any] = json.loads(meta.read_text("utf-8")) if meta.exists() else {}

    def tag(self, seg: Segmented) -> Tagged:
        self.cache.trim()
        scorer = self.scorer
        doc = scorer.document(seg)
        # a sentence without a cue, marker, Konjunktiv or quotation mark has nothing to
        # attribute, so it is not decoded (a third of news sentences)
        quote = self.models["quote"]
        cols = scorer.quote_cols
        todo = [s for s, signals in enumerate(doc.flags) if signals]
        paths = self.decode(
            [doc.scores[slice(*seg.sentences[s]), cols] for s in todo], [quote.trans] * len(todo)
        )
        out = Tagged([["O"] * (b - a) for a, b in seg.sentences], doc)
        labels = quote.labels
        for s, path in zip(todo, paths, strict=True):
            out.quote[s] = [labels[k] for k in path]
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
        if tagged.bags is None:
            tagged.bags = self.scorer.bags(seg, tagged.doc)
        bags, cues = tagged.bags
        a, b = seg.sentences[s]
        feats = whole_sentence_features(
            self.cache,
            seg,
            s,
            tagged.flags,
            prev_has_statement,
            bag=False,
            cues=cues[bisect_left(cues, a) : bisect_left(cues, b)],
        )
        model = self.models["whole"]
        # a softmax over a handful of labels: plain floats are quicker than arrays
        scores = (model.score(feats) + bags[s]).tolist()
        top = max(scores)
        exp = [math.exp(x - top) for x in scores]
        total = sum(exp)
        prob = dict(zip(model.labels, (e / total for e in exp), strict=True))
        best = max(forms, key=prob.__getitem__)
        return best, 1.0 - prob["O"]

    def classify_medium(self, feats: list[str]) -> str | None:
        """The medium label for one statement, or None without a medium model."""
        model = self.models.get(MEDIUM_LAYER)
        return None if model is None else model.best(feats)

    def tag_statements(
        self, seg: Segmented, tagged: Tagged, statements: Sequence[tuple[Sequence[int], str]]
    ) -> list[tuple[range, list[str], list[str]]]:
        """Role and frame labels for statements (each given by its content tokens and its
        form) over their windows; returns each window's token range and the two label
        lists. All are decoded together (:func:`~sayso.tagging.crf.viterbi_many`)."""
        scorer = self.scorer
        roles, frame = self.models["roles"], self.models["frame"]
        n_roles = len(roles.labels)
        only = self.only_label["frame"]
        windows = []
        emits: list[Floats] = []
        trans: list[Floats] = []
        for content, form in statements:
            window = statement_window(seg, content)
            scores = scorer.statement(seg, tagged.doc, window, frozenset(content), form)
            windows.append(range(seg.sentences[window[0]][0], seg.sentences[window[-1]][1]))
            emits.append(scores[:, :n_roles])
            trans.append(roles.trans)
            if only is None:
                emits.append(scores[:, n_roles:])
                trans.append(frame.trans)
        paths = self.decode(emits, trans)
        out = []
        step = 1 if only is not None else 2
        for k, span in enumerate(windows):
            role_labels = [roles.labels[j] for j in paths[step * k]]
            if only is not None:
                frame_labels = [only] * len(span)
            else:
                frame_labels = [frame.labels[j] for j in paths[step * k + 1]]
            out.append((span, role_labels, frame_labels))
        return out

    def tag_statement(
        self, seg: Segmented, tagged: Tagged, content: Sequence[int], form: str
    ) -> tuple[range, list[str], list[str]]:
        """:meth:`tag_statements` for one statement."""
        return self.tag_statements(seg, tagged, [(content, form)])[0]


@lru_cache(maxsize=4)
def taggers(lang: str) -> Taggers:
    return Taggers(lang)
