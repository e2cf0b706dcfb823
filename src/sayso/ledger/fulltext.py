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

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    String,
    and_,
    bindparam,
    cast,
    column,
    func,
    literal_column,
    select,
    union_all,
)
from sqlalchemy import table as sql_table
from sqlalchemy.dialects.postgresql import TSQUERY
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


def postgresql_query(query: str, lang: str | None) -> tuple[Any, ColumnElement[bool] | None]:
    """The ``tsquery`` of ``query`` and the language condition it goes with (None: every
    language) on PostgreSQL: what :func:`postgresql_match` matches, in two parts."""
    return _tsquery(" ".join(words(query, lang)), lang, lang)


def _tsquery(
    text: Any, lang: str | None, lang_value: Any
) -> tuple[Any, ColumnElement[bool] | None]:
    q_de = func.plainto_tsquery(_GERMAN, text)
    q_en = func.plainto_tsquery(_ENGLISH, text)
    if lang == "de":
        return q_de, statements.c.lang == "de"
    if lang is not None:
        return q_en, statements.c.lang == lang_value
    # any language: either parse may match any statement, as one condition the GIN index
    # answers exactly. (Each parse limited to its language's statements made PostgreSQL
    # test both conditions again on every match it read: a third of a two-word query.)
    return q_de.op("||")(q_en), None


def postgresql_match(query: str, lang: str | None) -> tuple[ColumnElement[bool], _Col[float]]:
    """Condition and rank (negated ts_rank, so lower is better) for PostgreSQL."""
    tsq, of_lang = postgresql_query(query, lang)
    search: ColumnElement[Any] = literal_column("statements.search")
    cond: ColumnElement[bool] = search.op("@@")(tsq)
    if of_lang is not None:
        cond = and_(of_lang, cond)
    return cond, -func.ts_rank(search, tsq)


#: ``statements.search`` with two lexemes naming the statement's age: its id's bucket of
#: 8,192 (`` s122``) and of 65,536 (`` l15``); they begin with a space, which no parsed
#: word holds, so no query matches them by chance. Indexed by ``ix_statements_search_by_age``
#: (migration 0012; the expression must stay the index's, letter for letter).
BY_AGE: ColumnElement[Any] = literal_column(
    "(statements.search || array_to_tsvector("
    "ARRAY[' s' || (statements.id >> 13)::text, ' l' || (statements.id >> 16)::text]))"
)

#: the id ranges :func:`postgresql_newest` reads, newest first: (bucket prefix, id bits of
#: a bucket, buckets skipped from the newest, buckets taken); what they leave is read
#: from the plain index
AGE_RANGES = (("s", 13, 0, 3), ("s", 13, 3, 5), ("l", 16, 0, 2))


def _age_buckets(prefix: str, newest: Any, count: int) -> Any:
    """A ``tsquery`` of ``count`` age buckets (``prefix`` "s" or "l") from bucket
    ``newest`` (an SQL integer) down: `` ' s122' | ' s121' ``."""
    parts: list[Any] = []
    for k in range(count):
        parts += [" | " if k else "", f"' {prefix}", newest - k if k else newest, "'"]
    return cast(func.concat(*parts), TSQUERY)


def postgresql_newest(
    about: str, lang: str | None, page: int, candidates: int
) -> tuple[Any, dict[str, Any]]:
    """A plain text query on PostgreSQL: its newest ``candidates`` matches (by id), ranked
    among themselves by ts_rank, the best ``page`` of them as a subquery (``sid``,
    ``score``; ties by id, as the page is ordered).

    No index gives the newest matches of a word: walking the primary key backwards
    testing each row read 500/f rows for a word in a share f of the statements (75k rows
    for one in 0.7 %: 40-80 ms on the 1M ledger), the GIN index all its matches. They are
    taken by age instead, from ``ix_statements_search_by_age`` (:data:`BY_AGE`): the
    ranges of :data:`AGE_RANGES` newest first, each read only when the newer ones held
    fewer than ``candidates``, then the rest from the plain index. Each range gives its
    newest ``candidates`` and the ranges do not overlap, so the newest ``candidates`` of
    them all are the ledger's. The newest id is read in the same statement (one
    snapshot): no statement stored meanwhile falls outside the buckets.

    The subquery is built once per language and ``candidates`` (building it took 4 ms of
    CPU, more than the statement's own query); the words, the language and ``page`` are
    its parameters, returned with it."""
    kind = None if lang is None else "de" if lang == "de" else "other"
    params = {"about_words": " ".join(words(about, lang)), "about_page": page}
    if kind == "other":
        params["about_lang"] = lang
    return _newest(kind, candidates), params


@cache
def _newest(lang: str | None, candidates: int) -> Any:
    s = statements.c
    tsq, of_lang = _tsquery(bindparam("about_words", type_=String), lang, bindparam("about_lang"))
    search: ColumnElement[Any] = literal_column("statements.search")
    lang_cond = [] if of_lang is None else [of_lang]
    top = select(func.max(s.id)).scalar_subquery()
    # "id + 0": a bound tested on the rows the text index found, not a bitmap of the
    # primary key over the million ids below it (160 ms)
    row_id = s.id + literal_column("0")

    def newest(name: str, *where: ColumnElement[bool]) -> Any:
        # OFFSET 0: the planner takes the range's matches from the index and sorts them,
        # never the primary key walk this replaces
        found = select(s.id, search.label("search")).where(*where, *lang_cond).offset(0)
        inner = found.subquery()
        return (
            select(inner.c.id, inner.c.search)
            .order_by(inner.c.id.desc())
            .limit(candidates)
            .cte(name)
            .prefix_with("MATERIALIZED")
        )

    ranges: list[Any] = []
    floor: Any = None
    for prefix, bits, skip, count in (*AGE_RANGES, ("", 0, 0, 0)):
        where: list[ColumnElement[bool]] = []
        if ranges:  # only when the newer ranges held too few
            held = [select(func.count()).select_from(r).scalar_subquery() for r in ranges]
            where.append(sum(held[1:], held[0]) < candidates)
            where.append(row_id < floor)
        if not prefix:  # what the ranges left: the plain index
            where.append(search.op("@@")(tsq))
        else:
            bucket = top.op(">>", return_type=Integer)(bits) - skip
            wanted = tsq.op("&&")(_age_buckets(prefix, bucket, count))
            # an empty tsquery (no words, or stop words only) && buckets is the buckets
            # alone: it must match nothing, as ``search @@ ''`` does
            where += [func.numnode(tsq) > 0, BY_AGE.op("@@")(wanted)]
            floor = (bucket - (count - 1)).op("<<", return_type=Integer)(bits)
        ranges.append(newest(f"age_{len(ranges)}", *where))
    union = union_all(*(select(r.c.id, r.c.search) for r in ranges)).subquery()
    best = select(union).order_by(union.c.id.desc()).limit(candidates).subquery()
    rank = -func.ts_rank(best.c.search, tsq)
    return (
        select(best.c.id.label("sid"), rank.label("score"))
        .order_by(rank, best.c.id)
        .limit(bindparam("about_page", type_=Integer))
        .subquery()
    )
