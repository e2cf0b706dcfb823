"""One options object with the defaults; no function takes twenty arguments."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class LedgerSettings:
    """The ledger's and the ingest runner's tuning: batch sizes, query candidates, and the
    thresholds that link claims and group accounts. Defaults are the measured ones (see
    the comments in ``sayso.ledger``); changing a threshold changes what later documents
    link to, never the rows already stored. (The MinHash layout of claims, 16 bands of 4
    hashes, is part of the stored rows and stays in ``sayso.ledger.claims``.)"""

    # --- ingest runs (sayso.ledger.runner, sayso.ledger.workers) ---
    #: documents handed to the workers at a time and stored in one transaction (the
    #: duplicate check runs per batch); 64 rather than 32 took a tenth off storing
    batch: int = 64
    #: documents handed to the workers ahead of the one stored next, so that they never
    #: wait for the storing process
    ahead: int = 128
    #: near the end of a run, documents are stored this many at a time
    tail: int = 8
    #: documents per task message to a worker (8 halved the per-message cost of 2)
    task_size: int = 8
    #: attempts to store a batch when concurrent writers get in the way
    store_attempts: int = 5

    # --- queries (sayso.ledger.query) ---
    #: a plain full-text query ranks at most this many of the newest stored matches
    text_candidates: int = 500
    #: a speaker query naming up to this many actors takes each one's newest statements
    #: (on PostgreSQL one index walk per actor); more are taken as one list
    speaker_union: int = 1000

    # --- connections (sayso.ledger.engine) ---
    #: connections a ledger keeps open, and how many more it opens under load: a web
    #: server answers up to 40 requests at once (its thread pool); with SQLAlchemy's 5+10
    #: the rest waited for a connection or opened and closed one per request
    pool_size: int = 20
    pool_overflow: int = 20

    # --- actors and claims: candidates (sayso.ledger.resolve, sayso.ledger.writer) ---
    #: candidates fetched per similarity query: actors (same surname, surname prefix, key
    #: prefix) and claims (per LSH band)
    candidates: int = 50

    # --- actor identity (sayso.ledger.identity, used by storing and speaker queries) ---
    #: persons with the same surname of at least this many letters may be one actor
    surname_min_letters: int = 3
    #: names (or surnames) of at least this many letters one edit apart may be one actor
    #: (a typo); such surnames are also looked up by their first three letters
    typo_min_letters: int = 6

    # --- claims (sayso.ledger.claims) ---
    #: the token-set ratio (0-100) at or above which two contents are one claim
    same_claim: float = 88.0
    #: ... when the shorter has at least this share of the longer's words
    claim_length_ratio: float = 0.6
    #: contents shorter than this many words are compared exactly (short quotes are generic)
    claim_min_words: int = 5

    # --- accounts of events (sayso.ledger.accounts) ---
    #: statements matching a topic query that are grouped into events
    accounts_limit: int = 200
    #: two statements belong to one event when their term vectors' cosine reaches this ...
    event_similarity: float = 0.2
    #: ... and their articles lie at most this many days apart (unknown dates always fit)
    event_days: int = 7
    #: two articles' statements (with their leads and titles) are one event when the
    #: cosine of their term vectors reaches this (an article's vector is richer than a
    #: statement's: same-event articles met at 0.15-0.3, unrelated ones below 0.1)
    event_article_similarity: float = 0.12
    #: the opening characters of each article (its lead) that join its title in the terms
    #: of its event: the statements a query finds are few words of the article's story
    event_lead_chars: int = 400
    #: similar contents (token-set ratio) of the same polarity support each other
    supports: float = 70.0


@dataclass(frozen=True, slots=True)
class TextSettings:
    """Limits of cleaning and segmentation (``sayso.text``): they bound the work a hostile
    or broken text can cause, and no news text reaches them."""

    #: a sentence of more than this many tokens is cut into pieces of this many
    #: (``sayso.text.segment``; a text without punctuation stays linear)
    max_sentence_tokens: int = 500
    #: quotation marks paired per text; the rest are ignored with a W106 warning
    #: (``sayso.text.quotes``)
    max_quote_marks: int = 5000


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    """How far the extraction's rules look (``sayso.extract``), in words: the lengths of
    names, noun phrases and clause parts the rules accept. Defaults are the measured ones
    on the dev corpora."""

    # --- according-to phrases (sayso.extract.according) ---
    #: a source noun phrase ("Laut Angaben der Polizei") has at most this many words
    according_max_source: int = 10
    #: a pattern's modifier slot takes at most this many words
    according_max_mods: int = 3
    #: a quoted name inside a source ("laut „Spiegel“") has at most this many words
    according_max_quoted_name: int = 4
    #: a clause-final cue ("wie die Polizei gestern mitteilte") lies at most this many
    #: words after the source
    according_max_adverbials: int = 6
    #: the longest anonymous source with a modifier ("officials familiar with the
    #: matter"): head phrase, modifier and its object (sayso.extract.anonymous)
    anonymous_max_source: int = 14

    # --- clauses and speakers (sayso.extract.clauses, speakers, attributions, direct) ---
    #: a clause's subject before its auxiliary ("officials have said") has at most this
    #: many words; longer, the words read as an object noun phrase
    max_clause_subject: int = 6
    #: an apposition after a speaker ("Müller, Chef der …, sagte") has at most this many
    #: words
    max_apposition: int = 30
    #: a closing attribution's noun phrase ("…, sagte der Minister") has at most this many
    #: words before its verb
    max_tail_np: int = 8
    #: a quoted speaker name ("„Müller“ sagte") has at most this many words
    max_name_words: int = 4
    #: a speaker label ("Müller:") has at most this many words before its colon
    max_label: int = 4

    # --- stubs (sayso.extract.indirect) ---
    #: a content of a few words (``clause.json`` ``content_clause.stub_tokens``) is the
    #: start of another content of its sentence when at most this many words lie between
    stub_gap: int = 5


@dataclass(frozen=True, slots=True)
class EvidenceSettings:
    """Windows of the evidence layer (``sayso.evidence``), in statements or sentences:
    they keep a very long document linear; news articles stay well inside them."""

    #: inferred contradictions are looked for among the next this many statements
    contradiction_window: int = 60
    #: a dispute or confirmation looks for its target among the previous this many
    #: statements
    dispute_lookback: int = 200
    #: a dispute of "all accusations" targets at most this many statements
    dispute_max_targets: int = 5
    #: a report sentence ("…, berichtete die Zeitung") covers at most this many sentences
    #: before it
    chain_scope_sentences: int = 50
    #: an interview piece: a speaker making at least this per cent of an article's statements
    #: whose interview is among its first ``interview_piece_anchor`` statements keeps the
    #: interview's outlet across other voices (``sayso.evidence.interview_scope``)
    interview_piece_percent: int = 50
    interview_piece_anchor: int = 5


@dataclass(frozen=True, slots=True)
class EntitySettings:
    """In-document entities (``sayso.evidence.entities``): how a speaker pronoun or
    description finds the mention it refers to. Set by hand from the salience literature
    (Lappin and Leass: recency halves per sentence, subjects and speakers weigh more), not
    tuned on any gold."""

    #: mentions in this many sentences before a pronoun or description are candidates
    window_sentences: int = 2
    #: ... and statement speakers in this many (a long text stays linear; the weight of a
    #: speaker further back is below a thousandth)
    speaker_sentences: int = 10
    #: a mention's weight is multiplied by this per sentence of distance
    decay: float = 0.5
    #: added to the weight of a statement's speaker (who is speaking in the quotes around)
    speaker_bonus: float = 1.0
    #: added to the weight of a mention in subject position
    subject_bonus: float = 0.5
    #: added when the mention and the pronoun stand inside the same content
    local_bonus: float = 1.5
    #: subtracted when the mention stands inside another statement's content
    quoted_penalty: float = 0.5


@dataclass(frozen=True, slots=True)
class WebSettings:
    """The web view's response cache (``sayso.web.cache``): whole responses to reads, kept
    until the ledger changes (``cache_entries`` 0 switches it off), and how many requests
    a server process computes at once."""

    #: responses kept per server process (the least recently used goes first)
    cache_entries: int = 2000
    #: a response larger than this many bytes is not kept
    cache_entry_bytes: int = 1_000_000
    #: the bodies kept per process take at most this many bytes (an article page is
    #: 20-300 kB)
    cache_bytes: int = 200_000_000
    #: requests to the ledger a server process computes at once (its threads); None: 2 on
    #: SQLite, 8 on PostgreSQL. SQLite's driver releases the interpreter lock at every row
    #: it steps, and the 40 threads of the ASGI stack handing it back and forth spent as
    #: much CPU in the hand-over as in the requests (20 clients on a million statements:
    #: 20 ms of CPU an API request, half in the kernel, against 10 on one thread); one
    #: thread leaves the second core idle while SQLite ranks a full-text query. Two cores,
    #: ``benchmarks/web_load.py --threads``: API 250-280 requests a second on two threads,
    #: 125-150 on 40, 130 on one. On PostgreSQL the queries run in the server's processes,
    #: and two threads left them waiting (search p95 465 ms against 270-340 on 8-40).
    #: More cores: more processes (``sayso serve --workers``)
    threads: int | None = None
    #: analyses (Analyze, adding a document) run at once per process, beside the reads
    analysis_threads: int = 2


@dataclass(frozen=True, slots=True)
class SpeakerSettings:
    """The speaker ranker's decisions (``sayso.extract.ranker``), on its calibrated
    probability that the chosen mention is the speaker; measured on a 2-fold split of the
    train data."""

    #: run the speaker ranker (off by default: on unseen German news it lowers the
    #: throughput from 0.29-0.34 to 0.24-0.29 of spaCy's blank tokenizer, for +0.8
    #: speaker F1)
    ranker: bool = False
    #: the ranker replaces the rules' speaker by another mention only this sure
    switch_min: float = 0.5
    #: a statement the rules gave no speaker takes the ranker's choice only when it is
    #: surer than this (1.0: never; measured on wikinews-de: lower values help the
    #: entity-level score, but such speakers are often of statements that are none)
    add_min: float = 0.8
    #: ... and only to a statement with a cue (one without is often no statement at all)
    add_needs_cue: bool = True
    #: a speaker the ranker is less sure of than this is dropped: the statement's speaker
    #: is unknown (0.0: never)
    abstain_below: float = 0.3


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that tunes an analysis and a ledger run, grouped: the top-level fields
    are the analysis's entry limits and the thresholds of its statements, ``text``,
    ``extract`` and ``evidence_windows`` the reach of the segmenter, the extraction rules
    and the evidence layer, ``ledger`` the ledger's and ingest runner's. Components read
    them from ``work.settings``; defaults are the measured values."""

    #: texts longer than this raise E003 (the analysis is linear, this bounds memory)
    max_chars: int = 20_000_000
    #: characters fed to the language identifier
    langid_chars: int = 5000
    #: below this langid confidence a W103 warning is attached
    langid_min_confidence: float = 0.6
    #: a statement without speaker inherits the previous speaker within this many sentences
    inherit_window: int = 3
    #: quoted fragments shorter than this many tokens (marks included) inside indirect
    #: speech are scare quotes („Wende“), not nested direct statements
    nested_min_tokens: int = 4
    #: according-to patterns below this prior confidence are not used on their own
    according_min_confidence: float = 0.7
    #: a sentence without statements is taken as a whole reported/free indirect statement
    #: when the sentence classifier's probability reaches this
    whole_sentence_threshold: float = 0.35
    #: the evidence layer (source chains, framing, relations between statements); batch
    #: jobs that only need the statements may switch it off (about a fifth of the time)
    evidence: bool = True
    #: the ledger's and ingest runner's batch sizes and cross-document thresholds
    ledger: LedgerSettings = field(default_factory=LedgerSettings)
    #: the web view's response cache
    web: WebSettings = field(default_factory=WebSettings)
    #: segmentation limits
    text: TextSettings = field(default_factory=TextSettings)
    #: the extraction rules' reach
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    #: the evidence layer's windows (``evidence`` above switches the layer on or off)
    evidence_windows: EvidenceSettings = field(default_factory=EvidenceSettings)
    #: the speaker ranker's thresholds
    speakers: SpeakerSettings = field(default_factory=SpeakerSettings)
    #: in-document entities: what a speaker pronoun or description refers to
    entities: EntitySettings = field(default_factory=EntitySettings)


DEFAULT = Settings()
