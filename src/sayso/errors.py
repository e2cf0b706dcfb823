"""The coded error and warning catalogue.

Every code has a message template and a hint that says what to do. Errors (``E…``) are
raised as :class:`SaysoError`; warnings (``W…``) are attached to an ``Analysis`` and never
interrupt the analysis. Codes are stable: never reuse or renumber one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    message: str
    hint: str

    def format(self, **kwargs: Any) -> str:
        return self.message.format(**kwargs)


# --- errors: the input or the request cannot be processed ------------------------------
E001 = Code("E001", "Input is not text: {detail}.", "Pass a str, or bytes in UTF-8/cp1252/latin-1.")
E002 = Code(
    "E002",
    "Unsupported language {lang!r}.",
    "Pass lang='de' or lang='en', or lang=None to detect it.",
)
E003 = Code(
    "E003",
    "Input of {size} characters exceeds the limit of {limit}.",
    "Split the document, or raise Settings.max_chars.",
)
E004 = Code("E004", "Cannot read {path}: {detail}.", "Check the path and its permissions.")
E005 = Code(
    "E005",
    "Corpus folder {path} not found or empty.",
    "Point the command at the folder holding the corpus files (e.g. ../shared/data/...).",
)
E006 = Code(
    "E006",
    "Model file {path} is missing or unreadable.",
    "Reinstall sayso, or run 'sayso train' to rebuild the bundled models.",
)
E007 = Code("E007", "Invalid analysis JSON: {detail}.", "Produce it with Analysis.to_json().")
E008 = Code(
    "E008",
    "Score {metric} = {value:.2f} is below its pinned floor {floor:.2f}.",
    "Fix the regression, or lower the floor on purpose with 'sayso eval floors --allow-lower'.",
)
E009 = Code(
    "E009",
    "Refusing to lower floor {metric} from {old:.2f} to {new:.2f}.",
    "Pass --allow-lower if the drop is intended, and say why in the commit message.",
)
E010 = Code("E010", "Unknown output format {fmt!r}.", "Use one of: {choices}.")

# --- ledger errors (E2xx): storing and reading analyses ----------------------------------
E201 = Code(
    "E201",
    "Cannot open the ledger {url}: {detail}.",
    "Check --db or SAYSO_DB (e.g. sqlite:///sayso.db or postgresql://user@host/dbname) and, "
    "for PostgreSQL, that the server is running and the database exists.",
)
E202 = Code(
    "E202",
    "Document {id} is not in the ledger.",
    "Use an id from Ledger.documents() or 'sayso ledger documents'.",
)
E203 = Code(
    "E203",
    "Unexpected {kind} while analysing {source}: {detail}.",
    "The document was skipped and the run went on; please report it with the source.",
)
E204 = Code(
    "E204",
    "Cannot store {source}: {detail}.",
    "The document was skipped and the run went on; check the database connection and space.",
)
E206 = Code(
    "E206",
    "Cannot export: {detail}.",
    "For Parquet install pyarrow (pip install 'sayso[parquet]') and pass --out FILE; "
    "jsonl and csv need nothing more.",
)
E205 = Code(
    "E205",
    "Cannot merge or split actors: {detail}.",
    "List the actors with 'sayso actors' and the merges with 'sayso actors merges'.",
)
E210 = Code(
    "E210",
    "No speaker {name!r} in the ledger{nearest}.",
    "Check the spelling, pass a ledger actor id, or look the name up with "
    "'sayso actors --name PART'.",
)
E211 = Code(
    "E211",
    "Invalid query: {detail}.",
    "Pass --min/min_appearances of 1 or more and a --limit of 1 or more (or none).",
)

# --- ingest: a source could not be turned into a document (the batch goes on) ---------
E020 = Code(
    "E020",
    "Cannot read {source}: {detail}.",
    "Check that the path or address exists and is readable; the other sources were read.",
)
E021 = Code(
    "E021",
    "Cannot tell what kind of source {source} is: {detail}.",
    "Give it a known extension (.txt, .html, .warc.gz, .rss/.atom/.xml, .jsonl, .csv/.tsv), "
    "or convert it to UTF-8 text.",
)
E022 = Code(
    "E022",
    "No article text found in the HTML of {source}.",
    "The page is probably an index, a paywall or rendered by JavaScript: save the article "
    "page itself, or pass its text as a .txt file.",
)
E023 = Code(
    "E023",
    "Broken WARC record in {source}: {detail}.",
    "The archive is truncated or corrupt; the records before it were read. Re-download it, "
    "or check it with 'warcio check'.",
)
E024 = Code(
    "E024",
    "Broken feed {source}: {detail}.",
    "Check that the file is RSS or Atom XML (an HTML page is not a feed); fix or re-download it.",
)
E025 = Code(
    "E025",
    "{source} has no column {column!r} (found: {found}).",
    "Name the column or key holding the article text with IngestOptions(text_column=...), "
    "and the metadata columns with IngestOptions(columns=...).",
)
E026 = Code(
    "E026",
    "Fetching {source} failed: {detail}.",
    "Check the address and your network; save the page and ingest the file instead if it "
    "needs a login or JavaScript.",
)
E027 = Code(
    "E027",
    "Fetching {source} timed out after {timeout:g} s.",
    "Retry later, or raise IngestOptions(timeout=...).",
)
E028 = Code(
    "E028",
    "{source} is larger than the limit of {limit} bytes.",
    "Split it, or raise IngestOptions(max_bytes=...) if it really is one article.",
)
E029 = Code(
    "E029",
    "{source} holds no text{detail}.",
    "Nothing to ingest; check that the source is the article and not an empty placeholder.",
)

# --- warnings: the analysis went on ------------------------------------------------------
W101 = Code(
    "W101",
    "Unbalanced quotation mark {mark!r} at offset {offset}.",
    "The mark was ignored; check the source text for a missing opening or closing mark.",
)
W102 = Code(
    "W102",
    "Empty or whitespace-only text.",
    "Nothing to analyse; pass the article text.",
)
W103 = Code(
    "W103",
    "Language could not be detected reliably (best guess {lang!r}, score {score:.2f}).",
    "Pass lang='de' or lang='en' explicitly.",
)
W104 = Code(
    "W104",
    "Text is in an unsupported language ({lang!r}); no statements were extracted.",
    "sayso supports German and English; pass lang= to force one of them.",
)
W105 = Code(
    "W105",
    "{count} control or invalid characters were replaced by spaces.",
    "Offsets still refer to the cleaned text (same length as the input).",
)
W106 = Code(
    "W106",
    "{count} quotation marks in one document; quote pairing gave up after {limit}.",
    "The text is probably not prose; check the input.",
)
W107 = Code(
    "W107",
    "Quotation opened at offset {offset} was left open; closed at the end of its paragraph.",
    "Check the source text for a missing closing mark.",
)

W108 = Code(
    "W108",
    "The source chain of statement {statement} repeats a source ({actor}); it was cut there.",
    "A report citing itself or a circular citation; check the statement's evidence.",
)

CATALOGUE: dict[str, Code] = {c.code: c for c in globals().values() if isinstance(c, Code)}


class SaysoError(Exception):
    """A coded, user-facing error. ``str(err)`` gives code, message and hint."""

    def __init__(self, code: Code, **kwargs: Any) -> None:
        self.code = code.code
        self.message = code.format(**kwargs)
        self.hint = code.hint.format(**kwargs)
        super().__init__(f"{self.code}: {self.message} Hint: {self.hint}")
