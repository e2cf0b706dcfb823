"""The fuzzer's input generator: news-like German and English text, then mutations.

Everything is drawn from one ``random.Random``, so an input is fully determined by its
seed: ``generate(Random(seed))``. The templates are written for this file (never copied
from a corpus): direct quotations in every mark sayso knows, indirect speech in the
Konjunktiv, "soll/sollen" hearsay, "laut"/"zufolge"/"according to", colons, parentheses,
paragraphs. The mutations are what breaks parsers: quote marks and brackets inserted,
deleted or duplicated, cuts anywhere, control characters, stray Unicode, very long tokens,
mixed languages; and for the byte paths several encodings and flipped bytes.
"""

from __future__ import annotations

import gzip
import io
import json
from dataclasses import dataclass
from random import Random

NAMES_DE = [
    "Anna Berger",
    "Kanzler Olaf Brandt",
    "die Ministerin",
    "Regierungssprecherin Petra Lang",
    "ein Sprecher der Polizei",
    "Militärkreise",
    "der Bürgermeister",
    "Jörg Müller (SPD)",
    "die Staatsanwaltschaft",
    "Er",
    "Sie",
    "Augenzeugen",
    "die Zeitung",
    "Dr. Klaus Weber",
]
NAMES_EN = [
    "Linda Hart",
    "the spokesman",
    "Mayor John Reed",
    "officials",
    "Reuters",
    "the ministry",
    "He",
    "She",
    "a senior official",
    "Sen. Mary O'Neil (D-Ohio)",
    "the police",
    "witnesses",
]
CUES_DE = ["sagte", "erklärte", "betonte", "kritisierte", "warnte", "teilte mit", "berichtete"]
CUES_DE_POST = ["sagte", "erklärte", "betonte", "so", "hieß es", "teilte mit"]
CUES_EN = ["said", "told reporters", "added", "warned", "claimed", "stated", "noted"]
CLAUSES_DE = [
    "die Lage sei ernst",
    "man habe keine Wahl gehabt",
    "die Brücke werde im März saniert",
    "das Treffen sei ohne Ergebnis geblieben",
    "die Zahlen seien gestiegen (um rund 12 Prozent)",
    "er wolle nicht zurücktreten",
    "die Polizei habe 40 Personen festgenommen",
    "es gebe keine Hinweise auf einen Anschlag",
]
CLAUSES_EN = [
    "the situation was serious",
    "the bridge would be repaired in March",
    "talks had ended without a result",
    "there was no evidence of an attack",
    "the figures had risen (by about 12 percent)",
    "he would not resign",
    "police arrested 40 people",
]
QUOTES_DE = [
    "Wir werden das nicht hinnehmen",
    "Das ist ein schwarzer Tag für die Stadt",
    "Die Lage ist ernst, aber nicht hoffnungslos",
    "Wir brauchen mehr Zeit",
    "Ich habe nichts davon gewusst",
    "Es gibt keine Alternative",
]
QUOTES_EN = [
    "We will not back down",
    "This is a dark day for the city",
    "The situation is serious but not hopeless",
    "We need more time",
    "I knew nothing about it",
    "There is no alternative",
]
DE_PAIRS = [("„", "“"), ("»", "«"), ("‚", "‘"), ('"', '"'), ("«", "»"), ("›", "‹")]
EN_PAIRS = [("“", "”"), ('"', '"'), ("'", "'"), ("‘", "’")]
MARKS = list("„“”\"»«‚‘’'›‹()[]{}:;")
CONTROLS = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029"]
ODD = ["\ud800", "\udfff", "\ufeff", "\ufffe", "\uffff", "\u200b", "\u200d", "\u0301", "\U0001f600"]
SPACES = [" ", "\n", "\n\n", "\t", "\r\n", "\r", "\u00a0", "\u2003"]


def _de(r: Random) -> str:
    name, cue, q = r.choice(NAMES_DE), r.choice(CUES_DE), r.choice(QUOTES_DE)
    clause = r.choice(CLAUSES_DE)
    o, c = r.choice(DE_PAIRS)
    x = r.randrange(19)
    if x == 16:  # a report sentence covering the sentences before it
        tail = r.choice([" unter Berufung auf Regierungskreise.", ".", " berichtet.", ""])
        return f"{r.choice(['Das', 'Dies'])} {r.choice(['berichtet', 'hat'])} {name}{tail}"
    if x == 17:
        return f"{r.choice(['Demnach', 'Dem Bericht zufolge'])} {clause.split(' ', 1)[-1]}."
    if x == 18:  # speech running on over sentences, with and without marks
        return f"{o}{q}. {r.choice(QUOTES_DE)}. {r.choice(QUOTES_DE)}{r.choice([c, ''])}"
    if x == 0:
        return f"{o}{q}{c}, {r.choice(CUES_DE_POST)} {name}."
    if x == 1:
        return f"{name} {cue}, {clause}."
    if x == 2:
        return f"{name} {cue}: {o}{q}.{c}"
    if x == 3:
        return f"Laut {name} {clause.split(' ', 1)[-1]}."
    if x == 4:
        return f"{name} zufolge soll {clause}."
    if x == 5:
        return f"{name} soll {r.choice(['gesagt haben', 'dort gewesen sein', '(x'])}, {clause}."
    if x == 6:
        return f"Die Täter sollen (nach {name} {r.choice(['mehrere', '('])}) geflohen sein."
    if x == 7:
        return f"{o}{q}{c}, {cue} {name}, {o}{r.choice(QUOTES_DE)}.{c}"
    if x == 8:
        return f"{name} {cue}, dass {clause}, dass {r.choice(CLAUSES_DE)}."
    if x == 9:
        return f"Wie {name} mitteilte, {clause}."
    if x == 10:
        return f"{name} {cue} gegenüber der Zeitung: {clause}."
    if x == 11:
        return f"Angeblich {clause}. Eine Bestätigung gab es nicht."
    if x == 12:
        return f"{name} wies die Vorwürfe zurück. {o}{q}{c}"
    if x == 13:
        return f"Nach Angaben von {name} {clause.split(' ', 1)[-1]}; {r.choice(CLAUSES_DE)}."
    if x == 14:
        return f"{name} will {r.choice(['nichts gesehen haben', 'dort gewesen sein'])}."
    return f"Es sei, {cue} {name}, {o}{q}{c} gewesen."


def _en(r: Random) -> str:
    name, cue, q = r.choice(NAMES_EN), r.choice(CUES_EN), r.choice(QUOTES_EN)
    clause = r.choice(CLAUSES_EN)
    o, c = r.choice(EN_PAIRS)
    x = r.randrange(12)
    if x == 0:
        return f"{o}{q},{c} {name} {cue}."
    if x == 1:
        return f"{name} {cue} {clause}."
    if x == 2:
        return f"{name} {cue} that {clause}."
    if x == 3:
        return f"According to {name}, {clause}."
    if x == 4:
        return f"{name}, citing {r.choice(NAMES_EN)}, {cue} {clause}."
    if x == 5:
        return f"{name} {cue}: {o}{q}.{c}"
    if x == 6:
        return f"{o}{q},{c} {cue} {name}, {o}{r.choice(QUOTES_EN).lower()}.{c}"
    if x == 7:
        return f"{name} reportedly {cue} {clause}, which could not be independently verified."
    if x == 8:
        return f"{name} denied the report. {o}{q}{c}"
    if x == 9:
        return f"The plan, {name} {cue}, is {r.choice(['dead', 'on track'])}."
    if x == 10:
        return f"{name} {cue} ({r.choice(NAMES_EN)}) {clause}."
    return f"{name} is said to have {cue} {clause}."


# word soup: the words the rules key on, shuffled with marks and punctuation
SOUP = [
    *" ".join(
        [
            "sagte sagten erklärte betonte teilte mit kündigte an wies zurück sei seien habe",
            "werde soll sollen gesagt haben worden gewesen sein angeblich offenbar laut zufolge",
            "nach Angaben dass Er Sie er sie die der den dem Anna Berger Ministerin Polizei",
            "Reuters said says told according to reporters that he she they the Peskov Kremlin",
            "citing reportedly denied could be verified will would Das Dies berichtet Demnach",
            ": ; , . ! ? … - – ( ) [ ] „ “ ” » « ‚ ‘ ’ ' \" › ‹",
        ]
    ).split(),
    "\n",
    "\n\n",
]


def soup(r: Random) -> str:
    words = [r.choice(SOUP) for _ in range(r.randint(1, 60))]
    return "".join(w + r.choice(["", " ", " ", " "]) for w in words)


def article(r: Random, lang: str) -> str:
    """A few paragraphs of news-like sentences (``lang`` 'de', 'en' or 'mix'), now and
    then word soup."""
    if r.random() < 0.25:
        return soup(r)
    paragraphs = []
    for _ in range(r.choice([1, 1, 1, 2, 3])):
        sentences = []
        for _ in range(r.choice([1, 1, 2, 3, 5])):
            pick = lang if lang != "mix" else r.choice(["de", "en"])
            sentences.append(_de(r) if pick == "de" else _en(r))
            if r.random() < 0.1:
                sentences.append(soup(r))
        paragraphs.append(" ".join(sentences))
    return r.choice(["\n\n", "\n", "\r\n\r\n"]).join(paragraphs)


def _insert(r: Random, text: str, piece: str) -> str:
    k = r.randint(0, len(text))
    return text[:k] + piece + text[k:]


def mutate(r: Random, text: str) -> str:
    """Zero to five of the mutations that break quotation and clause parsers."""
    for _ in range(r.choice([0, 1, 1, 2, 3, 5])):
        x = r.randrange(13)
        if x <= 2:  # a stray quote mark or bracket
            text = _insert(r, text, r.choice(MARKS))
        elif x == 3 and text:  # delete a mark (or anything)
            marks = [i for i, ch in enumerate(text) if ch in MARKS]
            k = r.choice(marks) if marks and r.random() < 0.8 else r.randrange(len(text))
            text = text[:k] + text[k + 1 :]
        elif x == 4 and text:  # duplicate a slice
            a = r.randrange(len(text))
            b = min(len(text), a + r.randint(1, 40))
            text = text[:b] + text[a:b] + text[b:]
        elif x == 5 and text:  # cut anywhere
            k = r.randint(0, len(text))
            text = text[:k] if r.random() < 0.7 else text[k:]
        elif x == 6:
            text = _insert(r, text, r.choice(CONTROLS))
        elif x == 7:
            text = _insert(r, text, r.choice(ODD))
        elif x == 8:  # random code points, any plane
            text = _insert(r, text, "".join(chr(r.randrange(0x110000)) for _ in range(3)))
        elif x == 9:  # a very long token
            token = r.choice(["a", "sagte", "„", "(", "-", "x.", "soll "]) * r.randint(20, 600)
            text = _insert(r, text, token)
        elif x == 10:  # whitespace swapped
            text = text.replace(" ", r.choice(SPACES), r.randint(1, 5))
        elif x == 11:  # a sentence of the other language
            text = _insert(r, text, " " + (_en(r) if r.random() < 0.5 else _de(r)) + " ")
        else:  # a mark swapped for another
            a, b = r.choice(MARKS), r.choice(MARKS)
            text = text.replace(a, b, r.randint(1, 3))
    return text


ENCODINGS = ["utf-8", "utf-8", "cp1252", "latin-1", "utf-16", "utf-8-sig"]


def encode(r: Random, text: str) -> bytes:
    """``text`` in one of several encodings, sometimes with flipped or cut bytes."""
    data = text.encode(r.choice(ENCODINGS), errors="replace")
    if data and r.random() < 0.3:
        k = r.randrange(len(data))
        data = data[:k] + bytes([r.randrange(256)]) + data[k + 1 :]
    if data and r.random() < 0.1:
        data = data[: r.randrange(len(data))]
    return data


@dataclass(frozen=True, slots=True)
class Case:
    """One fuzz input: for ``analyze`` a str or bytes and a language; for ``ingest`` the
    bytes of a file and its name (the extension picks the reader)."""

    kind: str  # "analyze" | "ingest"
    text: str | bytes
    lang: str | None = None
    name: str = ""

    def describe(self) -> dict[str, object]:
        data = self.text
        return {
            "kind": self.kind,
            "lang": self.lang,
            "name": self.name,
            "bytes": isinstance(data, bytes),
            "text": data.decode("latin-1") if isinstance(data, bytes) else data,
        }


def _escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html(r: Random, text: str) -> bytes:
    paras = "".join(f"<p>{_escape_xml(p) if r.random() < 0.8 else p}</p>" for p in text.split("\n"))
    charset = r.choice(["utf-8", "windows-1252", "iso-8859-1", "utf-16", "bogus"])
    page = (
        f'<!DOCTYPE html><html lang="{r.choice(["de", "en", "xx", ""])}"><head>'
        f'<meta charset="{charset}"><title>{_escape_xml(text[:40])}</title></head><body>'
        f"<article><h1>Titel</h1>{paras}</article>{r.choice(['', '<div>', '</p></p>'])}"
        "</body></html>"
    )
    return page.encode(charset if charset != "bogus" else "utf-8", errors="replace")


def _feed(r: Random, text: str) -> bytes:
    items = "".join(
        f"<item><title>T{k}</title><link>http://127.0.0.1/{k}</link>"
        f"<description>{_escape_xml(p)}</description>"
        f"<pubDate>{r.choice(['Mon, 06 Dec 2026 08:00:00 GMT', 'gestern', ''])}</pubDate></item>"
        for k, p in enumerate(text.split("\n"))
    )
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>'
    return f"{head}{items}</channel></rss>".encode("utf-8", errors="replace")


def _csv(r: Random, text: str, sep: str) -> bytes:
    rows = [f"title{sep}text"]
    for p in text.split("\n"):
        cell = p.replace('"', '""')
        rows.append(f"T{sep}" + (f'"{cell}"' if r.random() < 0.8 else p))
    return "\n".join(rows).encode(r.choice(["utf-8", "cp1252", "utf-16"]), errors="replace")


def _warc(r: Random, text: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=r.random() < 0.5)
    for k in range(r.randint(1, 3)):
        body = _html(r, text)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"http://127.0.0.1/{k}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def _flip(r: Random, data: bytes) -> bytes:
    """Byte-level damage: flipped, inserted or deleted bytes, or a cut."""
    for _ in range(r.choice([0, 0, 1, 2, 4])):
        if not data:
            break
        k = r.randrange(len(data))
        x = r.randrange(4)
        if x == 0:
            data = data[:k] + bytes([r.randrange(256)]) + data[k + 1 :]
        elif x == 1:
            data = data[:k] + bytes(r.randrange(256) for _ in range(r.randint(1, 8))) + data[k:]
        elif x == 2:
            data = data[:k] + data[k + r.randint(1, 16) :]
        else:
            data = data[:k]
    return data


def ingest_file(r: Random, text: str) -> tuple[str, bytes]:
    """A file name and its bytes: the text wrapped in one of the formats ingest reads."""
    x = r.randrange(10)
    if x == 0:
        name, data = "a.txt", encode(r, text)
    elif x == 1:
        name, data = "a.html", _html(r, text)
    elif x == 2:
        name, data = "a.csv", _csv(r, text, r.choice([",", ";"]))
    elif x == 3:
        name, data = "a.tsv", _csv(r, text, "\t")
    elif x == 4:
        lines = [json.dumps({"text": p, "title": "T", "lang": "de"}) for p in text.split("\n")]
        name, data = "a.jsonl", "\n".join(lines).encode("utf-8", errors="replace")
    elif x == 5:
        recs = [{"text": p, "url": "http://127.0.0.1/"} for p in text.split("\n")]
        name, data = "a.json", json.dumps(r.choice([recs, recs[:1][0] if recs else {}])).encode()
    elif x == 6:
        name, data = r.choice(["a.rss", "a.xml", "a.atom"]), _feed(r, text)
    elif x == 7:
        name, data = "a.warc.gz", _warc(r, text)
    elif x == 8:
        lines = [json.dumps({"text": p}) for p in text.split("\n")]
        name, data = "a.jsonl.gz", gzip.compress("\n".join(lines).encode(), mtime=0)
    else:  # no helpful extension: the reader sniffs the content
        inner = ingest_file(r, text)[1]
        name, data = r.choice(["a", "a.dat", "a.gz"]), inner
    return name, _flip(r, data)


def generate(r: Random) -> Case:
    """One fuzz input."""
    lang = r.choice(["de", "de", "en", "mix"])
    text = mutate(r, article(r, lang))
    if r.random() < 0.08:
        name, data = ingest_file(r, text)
        return Case("ingest", data, name=name)
    want = r.choice([None, "de", "en", lang if lang != "mix" else None])
    if r.random() < 0.15:
        return Case("analyze", encode(r, text), want)
    return Case("analyze", text, want)
