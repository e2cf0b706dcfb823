"""Full-text search over statement content and speaker, on either backend.

Both backends take the query as plain words that must all occur (AND), ignoring case,
diacritics and common stop words; ranking puts the best matches first.

* **PostgreSQL**: ``statements.search`` is a generated ``tsvector`` built with the
  ``german`` configuration for German documents and ``english`` otherwise (Snowball
  stemmers), with a GIN index. The query is parsed by ``plainto_tsquery`` in the
  configuration of the language asked for: "Sanktionen" finds "Sanktion", "sanctions"
  finds "sanction". Without a language it is parsed in both and a statement matching
  either parse is found (as on SQLite, where such a query matches the exact words or their
  German stems in every statement). Ranked by ``ts_rank`` (content weighs more than
  speaker).
* **SQLite**: ``statements_fts`` is an FTS5 index with the ``porter unicode61
  remove_diacritics 2`` tokenizer: English words are Porter-stemmed ("sanctions" finds
  "sanction"), every word is case- and diacritic-folded ("Zölle" finds "zolle"). Porter does
  not know German, so for German the query side strips common inflection endings
  (``lang/de/search.json``, with the stop words of each language) and matches
  the rest as a prefix: "Sanktionen" becomes ``sanktion*`` and finds "Sanktion" and
  "Sanktionen" (and, being a prefix, "Sanktionsliste"). Ranked by FTS5's bm25.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Float, Integer, and_, column, func, literal_column
from sqlalchemy import table as sql_table
from sqlalchemy.sql.elements import ColumnElement as _Col

from sayso.ledger.schema import statements

_WORD = re.compile(r"\w+", re.UNICODE)

#: the SQLite FTS5 table (created by the migration; not part of the declared schema)
FTS5_TABLE = sql_table("statements_fts", column("rowid", Integer), column("rank", Float))

_GERMAN: ColumnElement[Any] = literal_column("'german'::regconfig")
_ENGLISH: ColumnElement[Any] = literal_column("'english'::regconfig")


def words(query: str, lang: str | None) -> list[str]:
    """The query's words, lower-cased, without stop words (of ``lang``, or of both;
    ``lang/<lang>/search.json``)."""
    stop = _stop_words(lang)
    found = [w.lower() for w in _WORD.findall(query)]
    kept = [w for w in found if w not in stop]
    return kept or found  # a query of stop words only still searches for them


def german_stem(word: str) -> str:
    """A light German stemmer for prefix queries: "sanktionen" -> "sanktion" (the endings
    of ``lang/de/search.json``)."""
    from sayso.lang import search

    german = search("de")
    for ending in german.endings:
        if word.endswith(ending) and len(word) - len(ending) >= german.min_stem:
            return word[: -len(ending)]
    return word


@cache
def _stop_words(lang: str | None) -> frozenset[str]:
    from sayso.lang import SUPPORTED, search  # the language data only when a query runs

    if lang:
        return search(lang).stop_words if lang in SUPPORTED else frozenset()
    return frozenset().union(*(search(x).stop_words for x in SUPPORTED))


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts5_query(query: str, lang: str | None) -> str | None:
    """The FTS5 MATCH expression for ``query`` (None when it has no words)."""
    terms = []
    for w in words(query, lang):
        exact = _quote(w)
        prefix = _quote(german_stem(w)) + "*"
        if lang == "de":
            terms.append(prefix)
        elif lang is None:
            terms.append(f"({exact} OR {prefix})")
        else:
            terms.append(exact)
    return " AND ".join(terms) if terms else None


def sqlite_match(query: str, lang: str | None) -> tuple[ColumnElement[bool], _Col[float]]:
    """Condition and rank (lower is better, FTS5 bm25) for the SQLite backend.

    The caller joins :data:`FTS5_TABLE` on ``statements_fts.rowid = statements.id``.
    """
    expr = fts5_query(query, lang)
    if expr is None:
        return literal_column("0") == literal_column("1"), literal_column("0.0")
    fts: ColumnElement[Any] = literal_column("statements_fts")
    cond: ColumnElement[bool] = fts.op("MATCH")(expr)
    if lang is not None:
        cond = and_(cond, statements.c.lang == lang)
    return cond, FTS5_TABLE.c.rank


def postgresql_match(query: str, lang: str | None) -> tuple[ColumnElement[bool], _Col[float]]:
    """Condition and rank (negated ts_rank, so lower is better) for PostgreSQL."""
    text = " ".join(words(query, lang))
    search: ColumnElement[Any] = literal_column("statements.search")
    q_de = func.plainto_tsquery(_GERMAN, text)
    q_en = func.plainto_tsquery(_ENGLISH, text)
    is_de = statements.c.lang == "de"
    if lang == "de":
        return and_(is_de, search.op("@@")(q_de)), -func.ts_rank(search, q_de)
    if lang is not None:
        return and_(statements.c.lang == lang, search.op("@@")(q_en)), -func.ts_rank(search, q_en)
    # any language: either parse may match any statement, as one condition the GIN index
    # answers exactly. (Each parse limited to its language's statements made PostgreSQL
    # test both conditions again on every match it read: a third of a two-word query.)
    either = q_de.op("||")(q_en)
    return search.op("@@")(either), -func.ts_rank(search, either)
