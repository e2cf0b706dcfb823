"""The CRF taggers: token features, model reading, scoring and decoding, training.

Small linear-chain CRFs trained with python-crfsuite (``train``) and decoded without it
(``crf``, ``scoring``): ``tagger.taggers(lang)`` loads a language's models lazily. The
per-word parts (``wordflags``, ``wordids``, ``wordrows``) make unseen words cheap. The
extraction (``sayso.extract``) reads the taggers' labels; nothing here knows its rules.
"""
