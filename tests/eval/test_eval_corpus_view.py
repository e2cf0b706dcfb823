"""The wikinews-de adapter's convention mapping: the corpus marks a reported quotation as
its whole sentence, speaker included, while sayso keeps roles out of contents."""

from __future__ import annotations

import sayso
from sayso.eval import polnear, wikinews
from sayso.eval.suites import CORPORA
from sayso.model import Analysis, Form, Span, Statement

TEXT = "Der Bürgermeister bezeichnete die Entscheidung als Fehler. Der Rat schwieg."


def test_the_pipeline_keeps_the_speaker_out_of_a_reported_content() -> None:
    reported = [s for s in sayso.analyze(TEXT, lang="de").statements if s.form is Form.REPORTED]
    assert reported
    s = reported[0]
    assert s.speaker
    assert not any(sp.overlaps(c) for sp in s.speaker for c in s.content)


def _analysis(form: Form) -> Analysis:
    statement = Statement(
        id="s1",
        content=(Span(30, 57),),  # "die Entscheidung als Fehler"
        form=form,
        speaker=(Span(0, 17),),  # "Der Bürgermeister"
        cue=(Span(18, 29),),  # "bezeichnete"
    )
    return Analysis(
        text=TEXT,
        lang="de",
        statements=(statement,),
        sentences=(Span(0, 58), Span(59, len(TEXT))),
    )


def test_a_reported_content_is_scored_with_its_speaker_and_cue() -> None:
    viewed = wikinews.corpus_view(_analysis(Form.REPORTED))
    (content,) = viewed.statements[0].content
    assert (
        TEXT[content.start : content.end]
        == "Der Bürgermeister bezeichnete die Entscheidung als Fehler"
    )
    assert viewed.statements[0].speaker == (Span(0, 17),)


def test_other_forms_and_roles_outside_the_sentence_are_left_alone() -> None:
    indirect = _analysis(Form.INDIRECT)
    assert wikinews.corpus_view(indirect) == indirect
    reported = _analysis(Form.REPORTED)
    far = Statement(id="s1", content=(Span(30, 57),), form=Form.REPORTED, speaker=(Span(59, 66),))
    moved = wikinews.corpus_view(Analysis(TEXT, "de", (far,), sentences=reported.sentences))
    assert moved.statements[0].content == (Span(30, 57),)


def test_the_wikinews_corpus_scores_through_the_view() -> None:
    assert CORPORA["wikinews-de"].view is wikinews.corpus_view


EN = 'The mayor said that the vote was "a historic mistake for the whole region" and a waste.'


def test_polnear_leaves_out_a_quoted_fragment_nested_in_a_statement() -> None:
    analysis = sayso.analyze(EN, lang="en")
    assert any(s.parent for s in analysis.statements)  # sayso reports the fragment
    viewed = polnear.corpus_view(analysis)
    assert viewed.statements
    assert not any(s.parent for s in viewed.statements)
    assert {s.id for s in viewed.statements} == {s.id for s in analysis.statements if not s.parent}


def test_polnear_keeps_an_analysis_without_nested_statements() -> None:
    plain = _analysis(Form.INDIRECT)
    assert polnear.corpus_view(plain) is plain
    assert CORPORA["polnear"].view is polnear.corpus_view


def test_polnear_joins_a_continued_quotation_to_the_statement_it_continues() -> None:
    text = '"We will win," she said. "The polls are wrong." Then he spoke.'
    said = Statement(
        id="s1",
        content=(Span(0, 14),),
        form=Form.DIRECT,
        speaker=(Span(15, 18),),
        cue=(Span(19, 23),),
    )
    cont = Statement(
        id="s2",
        content=(Span(25, 48),),
        form=Form.DIRECT,
        speaker=(Span(15, 18),),
        rules=(polnear.INHERITED,),
    )
    viewed = polnear.corpus_view(Analysis(text, "en", (said, cont)))
    assert [s.id for s in viewed.statements] == ["s1"]
    assert viewed.statements[0].content == (Span(0, 14), Span(25, 48))
    cued = Statement(
        id="s3",
        content=(Span(25, 48),),
        form=Form.DIRECT,
        speaker=(Span(15, 18),),
        cue=(Span(19, 23),),
        rules=(polnear.INHERITED,),
    )
    assert len(polnear.corpus_view(Analysis(text, "en", (said, cued))).statements) == 2
