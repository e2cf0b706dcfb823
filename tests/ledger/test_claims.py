"""The same claim across articles: fingerprints, bands and the text decision."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

import pytest

from sayso.ledger import claims
from sayso.ledger.claims import fingerprint, fingerprints, normalise, same_claim


def test_claims_requoted_quotation_is_the_same_claim() -> None:
    a = fingerprint("„Das ist eine Erfindung der westlichen Presse“")
    b = fingerprint('"Das ist eine Erfindung der westlichen Presse."')
    assert a.key == b.key and same_claim(a, b) == 100.0


def test_claims_lightly_edited_report_is_the_same_claim() -> None:
    a = fingerprint(
        "die Rakete sei über dem Stadtgebiet abgefangen worden und habe keinen Schaden "
        "angerichtet, die Lage sei unter Kontrolle"
    )
    b = fingerprint(
        "die Rakete sei über dem Stadtgebiet abgefangen worden und habe keinerlei Schaden "
        "angerichtet, die Lage sei unter Kontrolle"
    )
    assert a.key != b.key
    assert set(a.bands) & set(b.bands)
    score = same_claim(a, b)
    assert score is not None and 88 <= score < 100


def test_claims_different_reports_are_different_claims() -> None:
    a = fingerprint(
        "die Rakete sei über dem Stadtgebiet abgefangen worden und habe nichts zerstört"
    )
    b = fingerprint("der Angriff sei lange vor den Sanktionen geplant worden, sagte der Minister")
    assert same_claim(a, b) is None


def test_claims_a_fragment_of_a_longer_claim_is_not_the_claim() -> None:
    long = fingerprint(
        "wir werden die Gespräche fortsetzen, aber nur wenn die andere Seite die Waffen "
        "niederlegt und die Gefangenen freilässt"
    )
    short = fingerprint("wir werden die Gespräche fortsetzen")
    assert same_claim(long, short) is None


def test_claims_short_quotes_match_only_exactly() -> None:
    assert fingerprint("Wir sind bereit").bands == ()
    assert normalise("  „Wir  sind bereit!“ ") == "wir sind bereit"


def test_claims_fingerprints_of_a_batch_are_each_contents_fingerprint() -> None:
    contents = [
        "Wir sind bereit",
        "die Rakete sei über dem Stadtgebiet abgefangen worden und habe nichts zerstört",
        "",
        "der Angriff sei lange vor den Sanktionen geplant worden, sagte der Minister",
        "eins zwei drei vier fünf",  # exactly MIN_WORDS words: three shingles
    ]
    batch = fingerprints(contents)
    assert batch == [fingerprint(c) for c in contents]
    assert [len(fp.bands) for fp in batch] == [0, 16, 0, 16, 16]


def test_claims_band_keys_are_the_same_in_every_process() -> None:
    """Bands are stored: the same content must give the same keys in any process and
    after any restart (no per-process hash seed), or stored claims are never found."""
    content = "die Rakete sei über dem Stadtgebiet abgefangen worden und habe nichts zerstört"
    code = (
        f"from sayso.ledger.claims import fingerprint; print(list(fingerprint({content!r}).bands))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert ast.literal_eval(out) == list(fingerprint(content).bands)
    assert fingerprint(content).bands[:2] == BANDS_PINNED


#: changing the MinHash changes every stored band: that needs a migration (see 0005)
BANDS_PINNED = (107569007588210961, 627163339545925442)


def test_claims_a_content_longer_than_a_chunk_is_hashed_a_block_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    content = " ".join(f"wort{i % 37} teil{i % 11}" for i in range(60))
    whole = fingerprint(content)
    monkeypatch.setattr(claims, "_CHUNK", 16)  # 120 words: blocks of 16 shingles
    assert claims.fingerprints([content, "kurz"]) == [whole, fingerprint("kurz")]
