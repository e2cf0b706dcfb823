"""Across documents, in Spark: the same person under several spellings, the same claim in
several outlets — with the ledger's own rules, never collected to the driver.

Each executor already keyed its rows (:mod:`sayso.spark.rows`): actors by their identity
key (equal for transliteration variants), statements by their claim fingerprint key with
its MinHash bands. This step, over the whole output, finds the links the keys alone miss:

* candidates are grouped by Spark — claims sharing an LSH band; persons sharing a surname
  (or its first three letters, for a typo), other actors the first four letters of their
  key — each group's first ``LedgerSettings.candidates`` (by key) as the ones compared
  with, as the ledger's candidate queries are limited;
* each candidate pair is decided in the executors by the ledger's functions
  (:func:`sayso.ledger.claims.same_claim`, :func:`sayso.ledger.identity.same_actor`);
* every key then points to its best match that is more canonical than itself (a claim:
  the smaller key; an actor: the longer name, "Wolodymyr Selenskyj" over "Selenskyj"),
  and these pointers are followed to their end (pointer jumping, a few joins).

The result is two tables, rewritten by every run: ``claims`` (``claim_key`` -> ``claim_id``,
with its text, appearances and first and last day) and ``actor_links`` (an actor id of
the other tables -> the ``actor_id`` it is one actor with, the rule and score).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sayso.ledger.identity import PER_DOCUMENT_KINDS
from sayso.settings import LedgerSettings

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

#: rounds of pointer jumping at most (each halves the longest chain)
MAX_ROUNDS = 32


def _claim_pairs(rows: Iterable[Any], settings: LedgerSettings) -> Iterator[tuple[Any, ...]]:
    """Executor: the candidate claim pairs that are one claim, with their score."""
    from sayso.ledger.claims import Fingerprint, same_claim

    for r in rows:
        a = Fingerprint(r.a_text, r.a, tuple(r.a_bands))
        b = Fingerprint(r.b_text, r.b, tuple(r.b_bands))
        score = same_claim(a, b, settings.same_claim, settings.claim_length_ratio)
        if score is not None:
            yield (r.a, r.b, "identity.claim.similar", float(score))


def _actor_pairs(rows: Iterable[Any], settings: LedgerSettings) -> Iterator[tuple[Any, ...]]:
    """Executor: the candidate actor pairs that are one actor, with the rule and score."""
    from sayso.ledger.identity import same_actor
    from sayso.ledger.write import titles
    from sayso.model import ActorKind

    for r in rows:
        m = same_actor(
            r.a_name,
            r.b_name,
            ActorKind(r.a_kind),
            ActorKind(r.b_kind),
            titles=titles(r.a_lang or "") | titles(r.b_lang or ""),
            surname_min=settings.surname_min_letters,
            typo_min=settings.typo_min_letters,
        )
        if m is not None:
            yield (r.a, r.b, m.rule, float(m.score))


def _pairs(nodes: DataFrame, groups: DataFrame, cap: int) -> DataFrame:
    """Candidate pairs ``(a, b)``, ``a < b``: nodes sharing a group, each compared with
    the group's first ``cap`` nodes."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    ranked = groups.withColumn("n", F.row_number().over(Window.partitionBy("g").orderBy("ref")))
    anchors = ranked.where(F.col("n") <= cap).select("g", F.col("ref").alias("anchor"))
    pairs = groups.join(anchors, "g").where(F.col("ref") != F.col("anchor"))
    pairs = pairs.select(
        F.least("ref", "anchor").alias("a"), F.greatest("ref", "anchor").alias("b")
    ).distinct()
    a = nodes.select([F.col(c).alias(f"a_{c}") if c != "ref" else F.col(c).alias("a")
                      for c in nodes.columns])  # fmt: skip
    b = nodes.select([F.col(c).alias(f"b_{c}") if c != "ref" else F.col(c).alias("b")
                      for c in nodes.columns])  # fmt: skip
    return pairs.join(a, "a").join(b, "b")


def _roots(nodes: DataFrame, edges: DataFrame) -> tuple[DataFrame, bool]:
    """Every node's root: each node points to its best edge towards a node of smaller
    ``rank`` (highest score, then smallest rank), pointers followed to their end. Columns
    ``ref``, ``root``, ``rule``, ``score``; and whether the pointers converged."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    ranks = nodes.select("ref", "rank")
    both = edges.unionByName(
        edges.select(F.col("b").alias("a"), F.col("a").alias("b"), "rule", "score")
    )
    ra = ranks.select(F.col("ref").alias("a"), F.col("rank").alias("a_rank"))
    rb = ranks.select(F.col("ref").alias("b"), F.col("rank").alias("b_rank"))
    towards = both.join(ra, "a").join(rb, "b").where(F.col("b_rank") < F.col("a_rank"))
    best = Window.partitionBy("a").orderBy(F.col("score").desc(), F.col("b_rank"))
    parent = (
        towards.withColumn("n", F.row_number().over(best))
        .where(F.col("n") == 1)
        .select(F.col("a").alias("ref"), F.col("b").alias("root"), "rule", "score")
    )
    links = (
        ranks.join(parent, "ref", "left")
        .select(
            "ref",
            F.coalesce("root", "ref").alias("root"),
            F.col("rule"),
            F.coalesce("score", F.lit(1.0)).alias("score"),
        )
        .localCheckpoint()
    )
    for _ in range(MAX_ROUNDS):
        up = links.select(F.col("ref").alias("root"), F.col("root").alias("up"))
        nxt = links.join(up, "root", "left").select(
            "ref", F.coalesce("up", "root").alias("root"), "rule", "score"
        )
        nxt = nxt.localCheckpoint()
        moved = nxt.join(links.select("ref", F.col("root").alias("was")), "ref").where(
            F.col("root") != F.col("was")
        )
        links = nxt
        if moved.isEmpty():
            return links, True
    return links, False


def claims(statements: DataFrame, settings: LedgerSettings) -> tuple[DataFrame, bool]:
    """The ``claims`` table of all statements: one row per claim key."""
    from pyspark.sql import functions as F

    nodes = statements.groupBy(F.col("claim_id").alias("ref")).agg(
        F.min("claim_text").alias("text"),
        F.min("claim_bands").alias("bands"),
        F.min("lang").alias("lang"),
        F.count(F.lit(1)).alias("appearances"),
        F.min("published_date").alias("first_seen"),
        F.max("published_date").alias("last_seen"),
    )
    nodes = nodes.withColumn("rank", F.col("ref"))
    groups = nodes.select("ref", F.explode("bands").alias("g"))
    pairs = _pairs(nodes.select("ref", "text", "bands"), groups, settings.candidates)
    edges = pairs.rdd.mapPartitions(lambda rows: _claim_pairs(rows, settings))
    edge_frame = edges.toDF("a string, b string, rule string, score double")
    links, converged = _roots(nodes, edge_frame)
    table = nodes.join(links, "ref").select(
        F.col("ref").alias("claim_key"),
        F.col("root").alias("claim_id"),
        "text",
        "lang",
        "appearances",
        "first_seen",
        "last_seen",
        F.coalesce("rule", F.lit("identity.claim.key")).alias("match_rule"),
        F.col("score").alias("match_score"),
    )
    return table, converged


def actors(document_actors: DataFrame, settings: LedgerSettings) -> tuple[DataFrame, bool]:
    """The ``actor_links`` table of all document actors: one row per actor id."""
    from pyspark.sql import functions as F

    # as in the ledger: only named entities are linked across articles; a bare role noun,
    # a pronoun, "Man", an anonymous group or a cited document stays its article's own
    per_doc = F.col("kind").isin(*PER_DOCUMENT_KINDS) | F.col("local")
    linkable = document_actors.where(~per_doc)
    nodes = linkable.groupBy(F.col("actor_id").alias("ref")).agg(
        F.max_by("name", F.size(F.split("name", " "))).alias("name"),
        F.min("kind").alias("kind"),
        F.min("lang").alias("lang"),
        F.min("key").alias("key"),
        F.min("surname").alias("surname"),
        F.count(F.lit(1)).alias("mentions"),
    )
    words = F.size(F.split("name", " "))
    # the more canonical of two actors: the longer name, then the smaller id
    nodes = nodes.withColumn("rank", F.concat(F.lpad((100 - words).cast("string"), 3, "0"),
                                              F.col("ref")))  # fmt: skip
    typo = settings.typo_min_letters
    by_surname = nodes.where(F.col("surname").isNotNull()).select(
        "ref", F.concat_ws("|", F.lit("s"), "kind", "surname").alias("g")
    )
    by_prefix = nodes.where(F.col("surname").isNotNull() & (F.length("surname") >= typo)).select(
        "ref", F.concat_ws("|", F.lit("p"), "kind", F.substring("surname", 1, 3)).alias("g")
    )
    by_key = nodes.where(F.col("surname").isNull()).select(
        "ref", F.concat_ws("|", F.lit("k"), "kind", F.substring("key", 1, 4)).alias("g")
    )
    groups = by_surname.unionByName(by_prefix).unionByName(by_key)
    cols = nodes.select("ref", "name", "kind", "lang")
    pairs = _pairs(cols, groups, settings.candidates)
    edges = pairs.rdd.mapPartitions(lambda rows: _actor_pairs(rows, settings))
    edge_frame = edges.toDF("a string, b string, rule string, score double")
    links, converged = _roots(nodes, edge_frame)
    table = nodes.join(links, "ref").select(
        F.col("ref").alias("ref"),
        F.col("root").alias("actor_id"),
        "name",
        "kind",
        "mentions",
        F.coalesce("rule", F.lit("identity.key")).alias("match_rule"),
        F.col("score").alias("match_score"),
    )
    return table, converged
