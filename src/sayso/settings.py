"""One options object with the defaults; no function takes twenty arguments."""

from __future__ import annotations

from dataclasses import dataclass


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


DEFAULT = Settings()
