"""Segmentation: sentences keep quotations whole, quote marks pair in every convention."""

from __future__ import annotations

import pytest

from sayso.text.segment import segment


def sentences(text: str) -> list[str]:
    seg = segment(text, abbreviations={"Dr.", "z.", "B."}, months={"mai": 5})
    return [seg.sentence_span(i).text(text) for i in range(len(seg.sentences))]


def quotes(text: str) -> list[str]:
    seg = segment(text)
    return [q.span.text(text) for q in seg.quotations]


def test_segment_sentence_does_not_split_inside_quotation() -> None:
    text = "Er sagte: „Wir sind bereit. Es geht los.“ Dann ging er."
    assert sentences(text) == ["Er sagte: „Wir sind bereit. Es geht los.“", "Dann ging er."]


def test_segment_closing_mark_stays_with_its_sentence() -> None:
    text = "„Das reicht nicht.“ Die Kritik wächst."
    assert sentences(text)[0] == "„Das reicht nicht.“"


def test_segment_lowercase_after_quote_continues_sentence() -> None:
    text = "„Komm her!“, rief er. Sie kam."
    assert sentences(text) == ["„Komm her!“, rief er.", "Sie kam."]


def test_segment_ordinals_and_abbreviations() -> None:
    text = "Am 3. Mai kam Dr. Müller. Er blieb."
    assert sentences(text) == ["Am 3. Mai kam Dr. Müller.", "Er blieb."]


def test_segment_paragraph_always_ends_sentence() -> None:
    assert sentences("Titel ohne Punkt\nErster Satz.") == ["Titel ohne Punkt", "Erster Satz."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sagte „ja“.", ["„ja“"]),
        ("Er sagte »ja«.", ["»ja«"]),
        ("Il a dit «oui».", ["«oui»"]),
        ("He said “yes”.", ["“yes”"]),
        ('He said "yes".', ['"yes"']),
        ("Er sagte ‚ja‘.", ["‚ja‘"]),
        ("„Er nannte es ‚Unsinn‘“, sagte sie.", ["„Er nannte es ‚Unsinn‘“", "‚Unsinn‘"]),
    ],
)
def test_quotes_pair_every_convention(text: str, expected: list[str]) -> None:
    assert quotes(text) == expected


def test_quotes_apostrophes_are_not_quotes() -> None:
    text = "It's the parents' fault, Clinton’s aide said. Don't."
    seg = segment(text)
    assert seg.quotations == []
    assert seg.warnings == []


def test_quotes_english_paragraph_continuation() -> None:
    text = '"It was long," he said. "Very long.\n\n"And then it ended," he added.'
    seg = segment(text)
    spans = [q.span.text(text) for q in seg.quotations]
    assert '"Very long.\n\n"And then it ended,"' in spans
    multi = [q for q in seg.quotations if len(q.parts) == 2]
    assert len(multi) == 1


def test_quotes_unbalanced_warns_and_goes_on() -> None:
    text = "Er sagte „ja und ging.\nZweiter Absatz mit „echtem Zitat“."
    seg = segment(text)
    assert [w.code for w in seg.warnings] == ["W107"]
    assert "„echtem Zitat“" in [q.span.text(text) for q in seg.quotations if q.closed]


def test_quotes_stray_closing_mark_warns() -> None:
    seg = segment('Ein Zoll misst 2.54 cm, also 5" Bildschirm.')
    assert [w.code for w in seg.warnings] == ["W101"]


def test_quotes_thousands_of_marks_give_up_with_warning() -> None:
    seg = segment('"' * 6000)
    assert "W106" in [w.code for w in seg.warnings]


def test_segment_closing_mark_at_paragraph_end_ends_sentence() -> None:
    text = "He said it was “over.”\n\nThe next paragraph starts here."
    assert sentences(text) == ["He said it was “over.”", "The next paragraph starts here."]
