"""Offline language identification (py3langid ships its model inside the package)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect(text: str, max_chars: int = 5000) -> tuple[str, float]:
    """The most probable ISO 639-1 code and its probability, from the first ``max_chars``.

    A sample without a single letter (digits, punctuation, quote marks) has no language:
    ``("und", 0.0)``, where the model would name an arbitrary one ("sr" for "!!!").
    """
    sample = text[:max_chars]
    if not any(ch.isalpha() for ch in sample):
        return "und", 0.0
    lang, score = _identifier().classify(sample)
    return str(lang), float(score)
