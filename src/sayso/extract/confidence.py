"""How sure the attribution is, without the speaker ranker: a small logistic model.

With the speaker ranker off (the default, for speed), every statement's ``confidence`` was
1.0, so nothing told a user which attributions are shaky. This component gives each
statement the probability that its attribution is right — a statement of the corpus whose
speaker is the annotated one (or that both say has none) — from a dozen cheap signals of the
finished statement: its form, whether it has a cue and a speaker, a speaker that is one
lowercase word (a pronoun), a speaker taken from another sentence, how far the speaker is
from the content, a nested statement, the rule family that produced it.

The weights are learned by ``tools/train_confidence.py`` on the train splits (wikinews-de for
German, PolNeAR for English; logistic regression, which is calibrated by construction) and
shipped as ``models/confidence.v1.json``; its calibration error on the dev splits is in the
README. Where the ranker runs, its own calibrated probability is kept. Applied when the
statements are finished (``extract.assemble.statements``), so every analysis has it.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from functools import cache
from importlib import resources

from sayso.extract.component import Work
from sayso.model import Form, Statement

MODEL_FILE = "confidence.v1.json"

#: rule-id fragments whose statements behave alike (one feature each)
RULE_FAMILIES = (
    "according",
    "free_indirect",
    "fragment",
    "anaphoric",
    "whole_sentence",
    "colon",
    "label",
    "relay",
    "hearsay",
    "reported",
)

FEATURES = (
    "form_direct",
    "form_indirect",
    "form_free_indirect",
    "form_reported",
    "has_cue",
    "has_speaker",
    "speaker_lowercase_word",
    "speaker_words",
    "speaker_far",
    "speaker_after",
    "nested",
    "content_words",
    *(f"rule_{r}" for r in RULE_FAMILIES),
)


def features(s: Statement, text: str) -> list[float]:
    """The model's inputs for statement ``s`` of ``text`` (order: :data:`FEATURES`)."""
    content_a, content_b = (s.content[0].start, s.content[-1].end) if s.content else (0, 0)
    # words counted by their spaces: cheaper than splitting (training counts them the same way)
    speaker_words = sum(text.count(" ", x.start, x.end) + 1 for x in s.speaker)
    lower_word = speaker_words == 1 and text[s.speaker[0].start : s.speaker[0].end][:1].islower()
    if s.speaker:
        a, b = s.speaker[0].start, s.speaker[-1].end
        gap = content_a - b if b <= content_a else a - content_b if a >= content_b else 0
        far, after = min(max(gap, 0), 400) / 400, float(a >= content_b)
    else:
        far, after = 1.0, 0.0
    rules = " ".join(s.rules)
    return [
        float(s.form is Form.DIRECT),
        float(s.form is Form.INDIRECT),
        float(s.form in (Form.FREE_INDIRECT, Form.INDIRECT_FREE_INDIRECT)),
        float(s.form is Form.REPORTED),
        float(bool(s.cue)),
        float(bool(s.speaker)),
        float(lower_word),
        min(speaker_words, 8) / 8,
        far,
        after,
        float(s.parent is not None),
        min(text.count(" ", content_a, content_b) + 1, 80) / 80,
        *(float(r in rules) for r in RULE_FAMILIES),
    ]


@cache
def model(lang: str) -> tuple[tuple[float, ...], float] | None:
    """The shipped weights and intercept for ``lang`` (None when the file has none)."""
    path = resources.files("sayso") / "models" / MODEL_FILE
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    got = raw.get("languages", {}).get(lang)
    if got is None or tuple(got["features"]) != FEATURES:
        return None
    return tuple(float(x) for x in got["coef"]), float(got["intercept"])


def probability(weights: tuple[tuple[float, ...], float], x: list[float]) -> float:
    coef, intercept = weights
    z = intercept + sum(c * v for c, v in zip(coef, x, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))  # no overflow, whatever the weights


def apply(w: Work) -> None:
    """Each statement's confidence from the attribution model (the ranker's where it ran);
    part of finishing the statements (``extract.assemble.statements``)."""
    if w.settings.speakers.ranker:
        return
    weights = model(w.profile.lang)
    if weights is None:
        return
    text = w.seg.text
    w.statements = [
        replace(s, confidence=round(probability(weights, features(s, text)), 3))
        for s in w.statements
    ]
