"""The same claim across articles: fingerprints, bands and the text decision."""

from __future__ import annotations

from sayso.ledger.claims import fingerprint, normalise, same_claim


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
