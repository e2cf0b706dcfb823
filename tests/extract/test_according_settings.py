"""The according-to helpers read the reach of a source phrase from the analysis' own
``Settings.extract``, not only from the defaults."""

from __future__ import annotations

from dataclasses import replace

import sayso
from sayso.settings import DEFAULT, Settings

TEXT = "Laut der Gewerkschaft der Lokführer in Sachsen ist der Streik beendet."


def _sources(settings: Settings) -> list[str]:
    a = sayso.analyze(TEXT, "de", settings=settings)
    return [a.span_text(sp) for s in a.statements for sp in s.speaker]


def test_according_settings_reach_of_the_source_phrase_is_honoured() -> None:
    wide = _sources(DEFAULT)
    short = replace(DEFAULT, extract=replace(DEFAULT.extract, according_max_source=2))
    narrow = _sources(short)
    assert wide and any("Lokführer" in w for w in wide)
    assert not any("Lokführer" in n for n in narrow)
