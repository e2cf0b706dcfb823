"""The evidence layer: actors, source chains, framing, relations between statements and the
content comparison the ledger also uses."""
