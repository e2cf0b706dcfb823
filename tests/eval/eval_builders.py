"""Builders for hand-made gold documents and system analyses (own sentences only)."""

from __future__ import annotations

from sayso.eval.corpus import GoldDoc, GoldQuote, make_roles, regex_tokens
from sayso.model import Analysis, Form, Medium, Span, Statement

TEXT = (
    "Die Ministerin sagte am Montag , die Steuern würden im nächsten Jahr sinken , "
    "und der Kanzler stimmte ihr zu ."
)
# token ids:  0 Die 1 Ministerin 2 sagte 3 am 4 Montag 5 , 6 die 7 Steuern 8 würden 9 im
# 10 nächsten 11 Jahr 12 sinken 13 , 14 und 15 der 16 Kanzler 17 stimmte 18 ihr 19 zu 20 .
TOKENS = regex_tokens(TEXT)


def toks(first: int, stop: int | None = None) -> tuple[Span, ...]:
    """One char span covering tokens ``first .. stop-1`` (just ``first`` without stop)."""
    last = first if stop is None else stop - 1
    return (Span(TOKENS[first].start, TOKENS[last].end),)


def gold(
    content: tuple[Span, ...],
    speaker: tuple[Span, ...] = (),
    cue: tuple[Span, ...] = (),
    frame: tuple[Span, ...] = (),
    addressee: tuple[Span, ...] = (),
    form: Form | None = Form.INDIRECT,
    medium: Medium | None = Medium.SPEECH,
) -> GoldQuote:
    roles = make_roles(
        {
            "content": content,
            "speaker": speaker,
            "cue": cue,
            "frame": frame,
            "addressee": addressee,
        }
    )
    return GoldQuote(roles, form, medium)


def stmt(
    content: tuple[Span, ...],
    speaker: tuple[Span, ...] = (),
    cue: tuple[Span, ...] = (),
    frame: tuple[Span, ...] = (),
    addressee: tuple[Span, ...] = (),
    form: Form = Form.INDIRECT,
    medium: Medium = Medium.SPEECH,
    sid: str = "s",
) -> Statement:
    return Statement(
        id=sid,
        content=content,
        speaker=speaker,
        cue=cue,
        frame=frame,
        addressee=addressee,
        form=form,
        medium=medium,
    )


def doc(*quotes: GoldQuote, doc_id: str = "d1", text: str = TEXT, lang: str = "de") -> GoldDoc:
    return GoldDoc(doc_id, text, lang, tuple(quotes), regex_tokens(text))


def analysis(*statements: Statement, text: str = TEXT, lang: str = "de") -> Analysis:
    return Analysis(text=text, lang=lang, statements=statements)
