"""Reported statements are their whole sentence, the speaker included (the corpus
convention: gold reported contents contain their speaker)."""

from __future__ import annotations

import sayso
from sayso.model import Form


def test_a_reported_content_keeps_its_speaker() -> None:
    text = "Der Bürgermeister bezeichnete die Entscheidung als Fehler."
    reported = [s for s in sayso.analyze(text, lang="de").statements if s.form is Form.REPORTED]
    assert reported
    s = reported[0]
    assert s.speaker
    assert text[s.content[0].start : s.content[-1].end] == text
    assert all(any(c.start <= sp.start and sp.end <= c.end for c in s.content) for sp in s.speaker)


def test_an_indirect_content_still_leaves_out_its_speaker() -> None:
    text = "Der Minister sagte am Montag in Berlin, die Lage sei ernst."
    s = sayso.analyze(text, lang="de").statements[0]
    assert s.form is Form.INDIRECT
    assert text[s.content[0].start : s.content[-1].end] == "die Lage sei ernst"
