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
    """A code, its message template and its hint. ``cli_hint`` is the hint for a user of
    the ``sayso`` command where it differs from the Python API's (``--text-column``
    rather than ``IngestOptions(text_column=...)``)."""

    code: str
    message: str
    hint: str
    cli_hint: str | None = None

    def format(self, **kwargs: Any) -> str:
        return self.message.format(**kwargs)

    def hint_for(self, interface: str, **kwargs: Any) -> str:
        """The hint for ``interface`` ("cli" or "api"), formatted."""
        text = self.cli_hint if interface == "cli" and self.cli_hint else self.hint
        return text.format(**kwargs)


# --- errors: the input or the request cannot be processed ------------------------------
E001 = Code(
    "E001",
    "Input is not text: {detail}.",
    "Pass a str, or bytes in UTF-8/cp1252/latin-1.",
    "Pass a text file (UTF-8, cp1252 or latin-1); convert PDF or word-processor files "
    "to text first.",
)
E002 = Code(
    "E002",
    "Unsupported language {lang!r}.",
    "Pass lang='de' or lang='en', or lang=None to detect it.",
    "Pass --lang de or --lang en, or leave --lang out to detect the language.",
)
E003 = Code(
    "E003",
    "Input of {size} characters exceeds the limit of {limit}.",
    "Split the document, or raise Settings.max_chars.",
    "Split the file into several articles (one per file, or one per JSONL line).",
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

# --- the command line (E011–E019): a mistake in the command, said in one line ----------
E011 = Code(
    "E011",
    "{detail}.",
    "See '{prog} --help' for the arguments and options.",
)
E012 = Code(
    "E012",
    "{option} {value!r} is not a date.",
    "Write the day as YYYY-MM-DD, e.g. 2024-03-05.",
)
E013 = Code("E013", "Unknown {what} {value!r}.", "Use one of: {choices}.")
E014 = Code(
    "E014",
    "{path} exists already.",
    "Pass --force to overwrite it, or choose another file with --out.",
)
E015 = Code(
    "E015",
    "Cannot write {path}: {detail}.",
    "Create the folder first (mkdir -p), or choose a writable path with --out.",
)
E016 = Code(
    "E016",
    "{value!r} is not a database URL: {detail}.",
    "Pass --db sqlite:///path/to/sayso.db, a bare file path, or "
    "postgresql://user@host/dbname (or set SAYSO_DB).",
)
E017 = Code(
    "E017",
    "{option} {value!r} is not {what}.",
    "Pass {expected}.",
)
E018 = Code(
    "E018",
    "Interrupted.",
    "Whatever was stored before the interruption stays; run the command again to go on.",
)
E019 = Code(
    "E019",
    "Internal error: {kind}: {detail}.",
    "This is a bug in sayso: please report it with the command you ran. Rerun with "
    "SAYSO_DEBUG=1 for the traceback.",
)

# --- ledger errors (E2xx): storing and reading analyses ----------------------------------
E201 = Code(
    "E201",
    "Cannot open the ledger {url}: {detail}.",
    "Check the URL (e.g. postgresql://user@host/dbname), that the server is running and "
    "accepts you, and that the database exists (createdb dbname).",
    "Check --db or SAYSO_DB (e.g. postgresql://user@host/dbname), that the server is "
    "running and accepts you, and that the database exists (createdb dbname).",
)
E202 = Code(
    "E202",
    "Document {id} is not in the ledger.",
    "Use an id from Ledger.documents().",
    "Use an id (or a prefix of 6 or more characters) from 'sayso documents'.",
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
E207 = Code(
    "E207",
    "The ledger {url} is locked by another process: {detail}.",
    "Another sayso (or a tool holding a write transaction) is using it: wait until it "
    "is done and run the command again, or use a different ledger file.",
)
E208 = Code(
    "E208",
    "{url} is not a sayso ledger: {detail}.",
    "Point --db (or SAYSO_DB) at the ledger's database file; a new path creates a new ledger.",
)
E209 = Code(
    "E209",
    "Cannot open the SQLite ledger {url}: {detail}.",
    "Check that the folder of the file exists and that you may write to the file and its "
    "folder (SQLite writes a -wal file next to it).",
)
E213 = Code(
    "E213",
    "The ledger {url} was written by a newer sayso (its schema revision {revision} is "
    "unknown to this one).",
    "Upgrade sayso (pip install -U sayso) to read it; this version never changes a "
    "ledger it does not know.",
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
    "Pass --min/min_appearances of 1 or more and a --limit of 0 or more (or none).",
)
E212 = Code(
    "E212",
    "Invalid minimum confidence {value!r}: {detail}.",
    "Pass min_confidence (--min-confidence) as a number from 0 to 1, e.g. 0.5 for the "
    "attributions sayso is at least even odds on; leave it out for every statement.",
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
    "Name the column or key holding the article text with --text-column NAME, and the "
    "metadata columns with --column FIELD=NAME (e.g. --column title=headline).",
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
    "Retry later, or raise --timeout SECONDS.",
)
E028 = Code(
    "E028",
    "{source} is larger than the limit of {limit} bytes.",
    "Split it, or raise IngestOptions(max_bytes=...) if it really is one article.",
    "Split it, or raise --max-bytes N if it really is one article.",
)
E029 = Code(
    "E029",
    "{source} holds no text{detail}.",
    "Nothing to ingest; check that the source is the article and not an empty placeholder.",
)

# --- ingest hardening (E030-E039): addresses, record fields, time budget --------------
E030 = Code(
    "E030",
    "Not fetching {url}: {detail}.",
    "Only http:// and https:// addresses are read; for a local file pass its path instead.",
)
E031 = Code(
    "E031",
    "Not fetching {url}: {host} resolves to {address}, a {kind} address.",
    "Internal addresses are refused so that a feed or page cannot make sayso read them; pass "
    "--allow-private-hosts (IngestOptions(allow_private_hosts=True)) to read your own network.",
)
E032 = Code(
    "E032",
    "Feed entry {source} links to {link!r}, a relative address with no base to resolve it.",
    "Ingest the feed from its http(s) address, or give it an xml:base or an absolute <link>.",
)
E033 = Code(
    "E033",
    "{source}: the text field {column!r} holds a {kind}, not a string.",
    "Put the article text in that field as a string (a list of strings is read as "
    "paragraphs), or name the right field with --text-column.",
)
E034 = Code(
    "E034",
    "{source}: the text field {column!r} is present but null.",
    "The record has no text; fill the field or drop the record.",
)
E035 = Code(
    "E035",
    "Analysing {source} took longer than {timeout:g} s and was stopped.",
    "The document was skipped and the run went on; raise --doc-timeout "
    "(IngestOptions/run doc_timeout, 0 = no limit) if it is a genuine long article.",
)
E036 = Code(
    "E036",
    "The worker process analysing {source} died ({detail}).",
    "The document was skipped, the worker replaced and the run went on; check memory limits, "
    "and report the source if it happens again.",
)

# --- the speaker ranker (E040-E044) -----------------------------------------------------
E040 = Code(
    "E040",
    "The speaker ranker {path} cannot be read: {detail}.",
    "Reinstall sayso, or rebuild it with 'sayso train --speakers-only'.",
)
E041 = Code(
    "E041",
    "The speaker ranker {path} was trained on other features ({detail}).",
    "Rebuild it with 'sayso train --speakers-only' (the candidate features changed).",
)
E042 = Code(
    "E042",
    "Training the speaker ranker needs packages that are not installed: {detail}.",
    "Install the train extra: pip install 'sayso[train]' (LightGBM and scikit-learn).",
)
E043 = Code(
    "E043",
    "No gold quotation of {corpus} has a speaker to learn from.",
    "Point 'sayso train' at the train split of the corpus (--data), with its annotations.",
)

# --- the web application and REST API (E220-E239) ---------------------------------------
E220 = Code(
    "E220",
    "Writing needs a bearer token: {detail}.",
    "Send 'Authorization: Bearer TOKEN' with the token the server was started with "
    "(SAYSO_TOKEN or --token-file).",
)
E221 = Code(
    "E221",
    "This server is read-only: it was started without a token.",
    "Restart 'sayso serve' with SAYSO_TOKEN set or --token-file FILE to allow writes.",
)
E222 = Code(
    "E222",
    "Refusing to serve on {host} without a token.",
    "Set SAYSO_TOKEN or pass --token-file FILE; or pass --public-read to serve read-only.",
)
E223 = Code(
    "E223",
    "The request body of {size} bytes exceeds the limit of {limit}.",
    "Send a smaller body (one article per request), or restart the server with a larger "
    "--max-body.",
)
E224 = Code(
    "E224",
    "No {what} {value!r} in the ledger.",
    "Check the id: list them with GET /api/v1/{what}s (or 'sayso {what}s').",
)
E225 = Code(
    "E225",
    "Invalid request: {detail}.",
    "Fix the named parameter or field; the OpenAPI document at /openapi.json lists them.",
)
E226 = Code(
    "E226",
    "Cannot read the token file {path}: {detail}.",
    "Point --token-file at a readable file holding the token on its first line.",
)
E227 = Code(
    "E227",
    "{url} holds no article to analyse{detail}.",
    "Give the address of the article page itself, or paste its text.",
)
E228 = Code(
    "E228",
    "Give either text or url, not {detail}.",
    "Send JSON with 'text' (the article) or 'url' (an http(s) address).",
)
E229 = Code(
    "E229",
    "Unknown correction {detail}.",
    "A correction is kind 'speaker' (with actor_id or actor_name), 'not_statement', or "
    "'framing' (with label and value).",
)
E230 = Code(
    "E230",
    "'sayso serve' needs packages that are not installed: {detail}.",
    "Install the web extra: pip install 'sayso[web]'.",
)

# --- Spark: the corpus-scale job and loading its output (E240-E249) ---------------------
E240 = Code(
    "E240",
    "Running on Spark needs PySpark, which is not installed ({detail}).",
    "Install the Spark extra: pip install 'sayso[spark]' (a cluster's own PySpark works "
    "too: run the job with spark-submit there).",
)
E241 = Code(
    "E241",
    "Spark could not start: {detail}.",
    "Spark needs a Java runtime (17 or newer): install one (Debian: apt-get install "
    "default-jre-headless) or set JAVA_HOME; check the --master URL.",
)
E242 = Code(
    "E242",
    "No input at {path}.",
    "Give existing files, folders or glob patterns (local paths, hdfs:// or s3a:// URLs "
    "the cluster can read).",
)
E243 = Code(
    "E243",
    "{path} is not the output of a sayso Spark run: {detail}.",
    "Give the --output folder of 'sayso spark' (it holds documents/ and errors/); "
    "copy it from the cluster's file system to a local folder first.",
)
E244 = Code(
    "E244",
    "Row {row} of {path} cannot be loaded: {detail}.",
    "The row was written by another version of sayso or was changed: analyse its "
    "article again with 'sayso spark' into a new output folder.",
)
E245 = Code(
    "E245",
    "Loading Parquet needs pyarrow, which is not installed ({detail}).",
    "Install the Spark extra: pip install 'sayso[spark]'.",
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

W110 = Code(
    "W110",
    "{count} invalid UTF-8 byte sequence(s) replaced by U+FFFD; the rest of the text is UTF-8.",
    "A damaged character in the source: check it there; the text was not read as cp1252.",
)
W111 = Code(
    "W111",
    "UTF-16 text without a byte-order mark, read as {encoding}.",
    "Nothing to do; save the file as UTF-8 to avoid the guess.",
)

W112 = Code(
    "W112",
    "Finished {count} batch(es) of an earlier run that stopped while committing them.",
    "Nothing to do: their documents are in the output once; this run adds the rest.",
)
W113 = Code(
    "W113",
    "Linking actors and claims across documents stopped after {rounds} rounds.",
    "Some near-identical names or claims may point to one of their group that is not its "
    "root: follow actor_links.actor_id and claims.claim_id once more when querying.",
)

CATALOGUE: dict[str, Code] = {c.code: c for c in globals().values() if isinstance(c, Code)}


class SaysoError(Exception):
    """A coded, user-facing error. ``str(err)`` gives code, message and hint."""

    def __init__(self, code: Code, **kwargs: Any) -> None:
        self.code = code.code
        self.message = code.format(**kwargs)
        self.hint = code.hint.format(**kwargs)
        #: the hint for a user of the ``sayso`` command (the API's hint when the same)
        self.cli_hint = code.hint_for("cli", **kwargs)
        super().__init__(f"{self.code}: {self.message} Hint: {self.hint}")

    def for_cli(self) -> str:
        """``code: message Hint: …`` with the hint for a user of the ``sayso`` command."""
        return f"{self.code}: {self.message} Hint: {self.cli_hint}"


def cli_message(code: str, message: str) -> str:
    """A stored error message (``E025: … Hint: <API hint>``, as ingest writes them) with
    the command line's hint instead of the API's, when its code has one."""
    known = CATALOGUE.get(code)
    if known is None or known.cli_hint is None:
        return message
    body, sep, _ = message.rpartition(" Hint: ")
    if not sep or "{" in known.cli_hint:
        return message
    return f"{body} Hint: {known.cli_hint}"
