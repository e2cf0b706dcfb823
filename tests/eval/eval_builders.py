"""Builders for hand-made gold documents and system analyses (own sentences only)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

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


def oracle(gold_doc: GoldDoc) -> Analysis:
    """A perfect system: the gold quotations as statements."""
    statements = [
        stmt(
            q.roles["content"],
            q.roles["speaker"],
            q.roles["cue"],
            q.roles["frame"],
            q.roles["addressee"],
            form=q.form or Form.DIRECT,
            medium=q.medium or Medium.UNKNOWN,
            sid=str(i),
        )
        for i, q in enumerate(gold_doc.quotes)
    ]
    return analysis(*statements, text=gold_doc.text, lang=gold_doc.lang)


def mute(gold_doc: GoldDoc) -> Analysis:
    """A system that finds nothing."""
    return analysis(text=gold_doc.text, lang=gold_doc.lang)


# --- corpus files in the upstream formats -------------------------------------------------

TEXT_DE = "Der Bürgermeister sagte, die Brücke werde im Mai fertig. „Wir feiern“, rief sie."


def corpus_tokens(text: str) -> list[dict[str, Any]]:
    return [
        {"charBegin": m.start(), "charEnd": m.end(), "id": i, "text": m.group()}
        for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))
    ]


def role(text: str, tokens: list[dict[str, Any]], *parts: str) -> dict[str, Any]:
    """A corpus role dict covering the first occurrence of each part (token-aligned)."""
    spans = []
    for part in parts:
        start = text.index(part)
        end = start + len(part)
        first = next(t["id"] for t in tokens if t["charBegin"] == start)
        last = next(t["id"] for t in tokens if t["charEnd"] == end)
        spans.append({"begin": first, "end": last + 1, "charBegin": start, "charEnd": end})
    ids = [i for s in spans for i in range(s["begin"], s["end"])]
    return {"spans": spans, "text": " ".join(parts), "tokenIds": ids}


def wikinews_doc(text: str = TEXT_DE) -> dict[str, Any]:
    toks = corpus_tokens(text)
    empty = {"spans": [], "text": "", "tokenIds": []}
    return {
        "documentName": "1 - Brücke",
        "originalText": text,
        "sentences": [],
        "tokens": toks,
        "annotations": [
            {
                "quote": role(text, toks, "die Brücke werde im Mai fertig"),
                "speaker": role(text, toks, "Der Bürgermeister"),
                "cue": role(text, toks, "sagte"),
                "frame": role(text, toks, "Der Bürgermeister sagte"),
                "addressee": empty,
                "type": "Indirect",
                "medium": "Speech",
                "isNested": False,
                "hasNested": False,
            },
            {
                "quote": role(text, toks, "Wir feiern"),
                "speaker": role(text, toks, "sie"),
                "cue": role(text, toks, "rief"),
                "frame": empty,
                "addressee": empty,
                "type": "Direct",
                "medium": "SW",
                "isNested": True,
                "hasNested": False,
            },
        ],
    }


def write_json(folder: Path, name: str, data: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


TEXT_EN = (
    "The mayor said the bridge will open in May.\n\n"
    "“We will celebrate,” she told reporters, “and then\nrest.”\n"
)


def brat_entity(ident: str, kind: str, *parts: str, text: str = TEXT_EN) -> str:
    offsets = []
    for part in parts:
        start = text.index(part)
        offsets.append(f"{start} {start + len(part)}")
    return f"{ident}\t{kind} {';'.join(offsets)}\t{' '.join(parts)}"


def write_polnear(root: Path, ann: dict[str, str], text: str = TEXT_EN, name: str = "a") -> Path:
    (root / "text").mkdir(parents=True, exist_ok=True)
    (root / "attributions").mkdir(parents=True, exist_ok=True)
    (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    for annotator, content in ann.items():
        (root / "attributions" / f"{name}_{annotator}.ann").write_text(content, encoding="utf-8")
    return root


ANN_A = "\n".join(
    [
        brat_entity("T1", "Source", "The mayor"),
        brat_entity("T2", "Cue", "said"),
        brat_entity("T3", "Content", "the bridge will open in May"),
        brat_entity("T4", "Attribution", "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        # listed out of text order, and the second fragment spans a line break
        brat_entity("T5", "Content", "and then\nrest.", "We will celebrate,"),
        brat_entity("T6", "Source", "she"),
        brat_entity("T7", "Cue", "told"),
        brat_entity("T8", "Attribution", "told"),
        brat_entity("T9", "Discuss", "reporters"),
        "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
        "#1\tAnnotatorNotes T5\ta note",
        "",
    ]
)

ANN_B = "\n".join(
    [
        brat_entity("T1", "Cue", "said"),
        brat_entity("T2", "Content", "the bridge will open"),
        brat_entity("T3", "Attribution-no-source", "said"),
        brat_entity("T4", "Content", "in May"),
        "E1\tAttribution-no-source:T3 Content:T2 Cue:T1 Content2:T4",
        "",
    ]
)


def texts_of(doc_text: str, spans: tuple[Span, ...]) -> list[str]:
    return [s.text(doc_text) for s in spans]
