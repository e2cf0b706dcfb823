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
    #: a speaker query naming up to this many actors takes their newest statements first
    speaker_union: int = 1000

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
    #: similar contents (token-set ratio) of the same polarity support each other
    supports: float = 70.0


@dataclass(frozen=True, slots=True)
class Settings:
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
    #: a sentence without statements is taken as a whole reported/free indirect statement
    #: when the sentence classifier's probability reaches this
    #: according-to patterns below this prior confidence are not used on their own
    according_min_confidence: float = 0.7
    whole_sentence_threshold: float = 0.35
    #: the evidence layer (source chains, framing, relations between statements); batch
    #: jobs that only need the statements may switch it off (about a fifth of the time)
    evidence: bool = True
    #: the ledger's and ingest runner's batch sizes and cross-document thresholds
    ledger: LedgerSettings = field(default_factory=LedgerSettings)


DEFAULT = Settings()
