"""Interface labels in English and German: the browser's language, switchable with a
cookie (``/lang/de``). The labels are data (``labels.json`` next to this module)."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

LANGS = ("en", "de")
COOKIE = "sayso_lang"


@functools.cache
def _labels() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(
        resources.files("sayso.web").joinpath("labels.json").read_text(encoding="utf-8")
    )
    return data


def choose(cookie: str | None, accept_language: str | None) -> str:
    """The interface language: the cookie's, else the first of the browser's we have."""
    if cookie in LANGS:
        return str(cookie)
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGS:
            return tag
    return "en"


def translator(lang: str) -> Any:
    """``t(key)``: the label of ``key`` in ``lang`` (English, else the key, when missing)."""
    labels = _labels()

    def t(key: str) -> str:
        entry = labels.get(key)
        if entry is None:
            return key
        return entry.get(lang) or entry.get("en") or key

    return t
