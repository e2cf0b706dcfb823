"""The analysis settings' groups reach the code that reads them."""

from __future__ import annotations

from dataclasses import fields

import sayso
from sayso.settings import (
    DEFAULT,
    EvidenceSettings,
    ExtractSettings,
    Settings,
    TextSettings,
)


def test_settings_groups_default_to_the_measured_values() -> None:
    assert DEFAULT.text == TextSettings()
    assert DEFAULT.extract == ExtractSettings()
    assert DEFAULT.evidence_windows == EvidenceSettings()
    assert DEFAULT.evidence is True  # the switch of the evidence layer keeps its meaning
    for group in (TextSettings, ExtractSettings, EvidenceSettings):
        assert all(isinstance(f.default, int) and f.default > 0 for f in fields(group))


def test_settings_quote_mark_limit_comes_from_settings() -> None:
    text = "Sie sagte: „Wir kommen.“ Er sagte: „Wir gehen.“ Sie rief: „Nein.“"
    assert not any(w.code == "W106" for w in sayso.analyze(text, "de").warnings)
    few = Settings(text=TextSettings(max_quote_marks=2))
    assert any(w.code == "W106" for w in sayso.analyze(text, "de", settings=few).warnings)


def test_settings_sentence_cut_comes_from_settings() -> None:
    text = "Die Ministerin sagte am Dienstag in Berlin, der Plan komme viel zu spät."
    short = Settings(text=TextSettings(max_sentence_tokens=4))
    assert len(sayso.analyze(text, "de").sentences) == 1
    assert len(sayso.analyze(text, "de", settings=short).sentences) > 1


def test_settings_speaker_label_length_comes_from_settings() -> None:
    text = "Anna Miller: We will rebuild the bridge in the spring and pay for it."
    labelled = sayso.analyze(text, "en")
    assert any("rule.speaker_label.v1" in s.rules for s in labelled.statements)
    none = Settings(extract=ExtractSettings(max_label=1))
    got = sayso.analyze(text, "en", settings=none)
    assert not any("rule.speaker_label.v1" in s.rules for s in got.statements)
