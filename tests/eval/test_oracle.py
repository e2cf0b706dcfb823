"""The speaker stage on gold quotations (``sayso eval … --oracle-quotes``)."""

from __future__ import annotations

from sayso.eval import oracle
from sayso.eval.corpus import GoldDoc, GoldQuote, make_roles, regex_tokens
from sayso.model import Form, Medium, Span

TEXT = (
    "Der Bürgermeister Jan Roth sprach am Montag. "
    "„Wir bauen die Brücke neu“, sagte Roth. "
    "Die Stadt habe genug Geld, sagte die Kämmerin Eva Lind."
)


def _span(text: str, part: str, size: int | None = None) -> Span:
    a = text.index(part)
    return Span(a, a + (len(part) if size is None else size))


def _doc() -> GoldDoc:
    q1 = GoldQuote(
        make_roles(
            {
                "content": [_span(TEXT, "„Wir bauen die Brücke neu“")],
                "speaker": [_span(TEXT, "Roth.", 4)],
                "cue": [_span(TEXT, "sagte Roth", 5)],
            }
        ),
        Form.DIRECT,
        Medium.SPEECH,
    )
    q2 = GoldQuote(
        make_roles(
            {
                "content": [_span(TEXT, "Die Stadt habe genug Geld")],
                "speaker": [_span(TEXT, "die Kämmerin Eva Lind")],
            }
        ),
        Form.INDIRECT,
        Medium.SPEECH,
    )
    q3 = GoldQuote(make_roles({"content": [_span(TEXT, "sprach am Montag")]}), Form.INDIRECT, None)
    return GoldDoc("t1", TEXT, "de", (q1, q2, q3), regex_tokens(TEXT))


def test_oracle_gold_drafts_follow_the_gold_contents() -> None:
    from sayso.lang import load
    from sayso.text.segment import segment

    profile = load("de")
    seg = segment(TEXT, profile.abbreviations, profile.months)
    pairs = oracle.gold_drafts(seg, _doc().quotes)
    assert [d.form for d, _ in pairs] == [Form.INDIRECT, Form.DIRECT, Form.INDIRECT]
    first = pairs[1][0]
    assert TEXT[seg.starts[first.a] : seg.ends[first.b - 1]] == "„Wir bauen die Brücke neu“"


def test_oracle_scores_mention_accuracy_on_gold_quotations() -> None:
    report = oracle.evaluate([_doc()])
    assert report.quotations == 3
    assert report.with_speaker == 2 and report.without_speaker == 1
    m = report.metrics()
    assert 0.0 <= m["mention_accuracy"] <= 100.0
    assert m["mention_accuracy"] == round(100.0 * report.right / 2, 1)
    assert report.to_dict()["metric"] == "oracle_quotes"
