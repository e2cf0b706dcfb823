"""The speaker ranker's candidate feature rows are those the shipped model was trained on.

``data/mention_features.json`` holds the rows the first (one candidate at a time)
implementation computed for the texts below, frozen before the per-document rewrite: every
candidate, its tokens and every one of the 51 feature values must stay as they were, or
the shipped ``models/<lang>.speaker.v1.json`` no longer reads what it learned from.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from sayso import analyze
from sayso.extract import ranker
from sayso.extract.mentions import FEATURES
from sayso.settings import DEFAULT

FROZEN = Path(__file__).parent / "data" / "mention_features.json"
RANKED = replace(DEFAULT, speakers=replace(DEFAULT.speakers, ranker=True))

TEXTS: tuple[tuple[str, str], ...] = (
    (
        "de",
        "Die Stadtverwaltung von Kleinheim prüft den Vorfall noch. "
        "Ein Sprecher des Bauamts sagte der Lokalzeitung am Montag, man prüfe alle Pläne. "
        "„Wir haben nichts zu verbergen“, fügte er hinzu. "
        "Laut Feuerwehr war das Gebäude bereits geräumt.\n\n"
        "Die Bürgermeisterin Anna Kellermann erklärte dagegen, sie wisse von nichts. "
        "Nach Angaben der Polizei wurde niemand verletzt. "
        "Kritiker werfen der Stadt vor, sie habe die Warnungen ignoriert.",
    ),
    (
        "de",
        "Der Vorstand der Genossenschaft kündigte an, die Preise zu senken. "
        "„Das ist ein gutes Signal für die Mitglieder“, sagte Vorstandschef Bernd Ohlsen. "
        "Gewerkschafter sehen das anders: Sie fordern höhere Löhne. "
        "Aus Kreisen der Aufsicht hieß es, man werde die Lage beobachten.\n\n"
        "Die Zeitung berichtete, dass der Verband mit einer Klage drohe. "
        "Ein Anwalt, der anonym bleiben wollte, sagte, er halte die Klage für aussichtslos.",
    ),
    (
        "en",
        "The city council said on Tuesday that the bridge would stay closed. "
        '"We cannot risk anyone\'s safety," said Mayor Linda Porter, who visited the site. '
        "According to engineers, the repairs could take months. "
        "She told reporters she expected a report by Friday.\n\n"
        "Two officials familiar with the matter said the budget was already spent. "
        "A spokesman for the transport agency declined to comment.",
    ),
)


def collect(lang: str, text: str) -> list[list[Any]]:
    """Every candidate row of ``text``'s statements: draft number, tokens, features."""
    got: list[Any] = []
    ranker.COLLECT = got
    try:
        analyze(text, lang, settings=RANKED)
    finally:
        ranker.COLLECT = None
    rows: list[list[Any]] = []
    for k, (_, _, cands) in enumerate(got):
        for c in cands:
            spans = [[s.start, s.end] for s in c.spans] if c.spans else None
            rows.append([k, c.a, c.b, c.sent, spans, list(c.features or [])])
    return rows


def test_mention_features_equal_the_frozen_rows() -> None:
    frozen = json.loads(FROZEN.read_text(encoding="utf-8"))
    for k, (lang, text) in enumerate(TEXTS):
        want = frozen[f"{lang}:{k}"]
        got = collect(lang, text)
        assert len(got) == len(want) > 10
        for g, w in zip(got, want, strict=True):
            assert g[:5] == w[:5]
            assert len(g[5]) == len(FEATURES)
            diff = [f for f, x, y in zip(FEATURES, g[5], w[5], strict=True) if x != y]
            assert not diff, (lang, k, g[:4], diff)
