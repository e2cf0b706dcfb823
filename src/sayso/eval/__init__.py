"""Evaluation against gold corpora.

- ``corpus``: ``GoldDoc``/``GoldQuote``, the one shape every reader produces.
- ``wikinews.read_corpus(path)``, ``polnear.read_corpus(path, policy="first")``: readers.
- ``align.TokenIndex``: character spans onto corpus tokens (overlap covers a token).
- ``spkatt.evaluate(docs, system=None)``: the SpkAtt-2023 metric (Messages/Roles/Joint,
  Form, Medium, per form); ``attribution.evaluate(docs, system=None)``: PolNeAR spans
  (exact and token overlap) and whole attributions. ``system`` is any
  ``Callable[[GoldDoc], Analysis]``, by default ``sayso.analyze``.
- ``data.data_root()``, ``suites``, ``floors``, ``render``: what ``sayso eval`` is made of.

Submodules are imported explicitly so that importing this package stays cheap.
"""
