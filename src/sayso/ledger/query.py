"""Statement queries: every filter of ``Ledger.statements`` as one value
(:class:`StatementQuery`), and the SQL that answers it on either backend.

``Ledger.statements``, ``claims``, ``appearances``, ``accounts`` and ``export`` all take
the same :class:`StatementQuery` (the keyword methods build one), so a filter is listed
once, here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Integer,
    bindparam,
    func,
    literal_column,
    select,
    text,
    true,
)

from sayso import errors
from sayso.errors import SaysoError
from sayso.ledger import fulltext
from sayso.ledger import schema as t
from sayso.ledger import speakers as speaker_query
from sayso.ledger.engine import Database
from sayso.ledger.records import StatementRecord
from sayso.settings import LedgerSettings

#: framing labels accepted by :meth:`Ledger.statements` (``framing=``)
FRAMING_LABELS = (
    "hearsay",
    "hedged",
    "neutral",
    "distancing",
    "endorsing",
    "confirmed",
    "unconfirmed",
    "denied",
)

#: the order of statements without a text query (and not of one document, which come in
#: reading order): newest published first, then newest stored (on SQLite the (actor, day)
#: index holds both, as the rowid ends every index)
NEWEST_FIRST = (t.statements.c.published_date.desc().nulls_last(), t.statements.c.id.desc())

Day = dt.date | dt.datetime | str


@dataclass(frozen=True, slots=True)
class StatementQuery:
    """Which statements: every given filter must hold (None: no condition).

    * ``speaker``: a ledger actor id, or a name: case-insensitive part of the ledger
      actor's name ("scholz" finds "Olaf Scholz"; see :mod:`sayso.ledger.speakers`);
    * ``about``: full-text query over content and speaker; the results are then ranked
      best first, otherwise newest publication first (then newest stored; with
      ``document_id``, in reading order);
    * ``outlet``: the document's site (case-insensitive, exact);
    * ``since``/``until``: publication day, inclusive (date or "YYYY-MM-DD");
    * ``framing``: one label or several (all must hold), see :data:`FRAMING_LABELS`;
    * ``lang``, ``form``, ``document_id``, ``statement_id``, ``claim_id``: exact;
    * ``min_confidence``: only statements whose ``confidence`` (how sure sayso is of the
      attribution, 0..1) is at least this (``E212`` outside 0..1);
    * ``limit``/``offset``: the page (``limit`` None: all);
    * ``recent``: a plain ``about`` query (no other filter) takes the newest ``limit``
      matches, ranked among themselves, instead of the best ranked of the newest
      ``LedgerSettings.text_candidates``.
    """

    speaker: str | int | None = None
    about: str | None = None
    outlet: str | None = None
    since: Day | None = None
    until: Day | None = None
    framing: str | Sequence[str] | None = None
    lang: str | None = None
    form: str | None = None
    document_id: str | None = None
    statement_id: int | None = None
    claim_id: int | None = None
    min_confidence: float | None = None
    limit: int | None = 100
    offset: int = 0
    recent: bool = False

    def page(self, limit: int | None, offset: int = 0) -> StatementQuery:
        """The same filters, another page."""
        return dataclasses.replace(self, limit=limit, offset=offset)

    def filtered(self) -> bool:
        """Whether any filter is given (the page aside)."""
        return any(getattr(self, name) is not None for name in FILTERS)


#: the filters of a :class:`StatementQuery` (all but the page and ``recent``)
FILTERS = tuple(
    f.name
    for f in dataclasses.fields(StatementQuery)
    if f.name not in ("limit", "offset", "recent")
)


_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def published_day(value: object) -> dt.date | None:
    """The publication day from an ISO 8601 or RFC 2822 date (None when unparseable)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    m = _ISO_DAY.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _day(value: Day) -> dt.date:
    day = published_day(value)
    if day is None:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)")
    return day


def utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything the ledger writes is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def lang_condition(lang: str | None) -> ColumnElement[bool] | None:
    """The language condition of a full-text query (None: every language)."""
    return None if lang is None else t.statements.c.lang == lang


def date_range(
    since: Day | None, until: Day | None, column: Any = None
) -> list[ColumnElement[bool]]:
    """Conditions on a publication day (the statement's copy unless ``column`` is given)."""
    day = t.statements.c.published_date if column is None else column
    out = []
    if since is not None:
        out.append(day >= _day(since))
    if until is not None:
        out.append(day <= _day(until))
    return out


def framing_conditions(framing: str | Sequence[str] | None) -> list[ColumnElement[bool]]:
    if framing is None:
        return []
    labels = [framing] if isinstance(framing, str) else list(framing)
    s = t.statements.c
    out: list[ColumnElement[bool]] = []
    for label in labels:
        if label == "hearsay":
            out.append(s.hearsay.is_(True))
        elif label == "hedged":
            out.append(s.hedged.is_(True))
        elif label in ("neutral", "distancing", "endorsing"):
            out.append(s.stance == label)
        elif label in ("confirmed", "unconfirmed", "denied"):
            out.append(s.confirmation == label)
        else:
            raise ValueError(f"unknown framing {label!r}; use one of {', '.join(FRAMING_LABELS)}")
    return out


def confidence_floor(value: object) -> float:
    """``value`` as a minimum confidence (a number from 0 to 1), else ``SaysoError(E212)``."""
    try:
        floor = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise SaysoError(errors.E212, value=value, detail="not a number") from None
    if not 0.0 <= floor <= 1.0:  # NaN fails too
        raise SaysoError(errors.E212, value=value, detail="outside 0..1")
    return floor


def statement_conditions(q: StatementQuery) -> list[ColumnElement[bool]]:
    """The filters on statement columns (dates, framing, the exact ones)."""
    s = t.statements.c
    conds = [*date_range(q.since, q.until), *framing_conditions(q.framing)]
    if q.min_confidence is not None:
        conds.append(s.confidence >= confidence_floor(q.min_confidence))
    conds += [
        col == value
        for col, value in (
            (s.lang, q.lang), (s.form, q.form), (s.document_id, q.document_id),
            (s.id, q.statement_id), (s.claim_id, q.claim_id),
        )
        if value is not None
    ]  # fmt: skip
    return conds


def statements(db: Database, q: StatementQuery, settings: LedgerSettings) -> list[StatementRecord]:
    """The statements ``q`` selects (see :class:`StatementQuery`)."""
    rows = statement_rows(db, q, settings, light=False)
    ranked = bool(rows) and "rank" in rows[0]._fields  # the same columns in every row
    return [statement_record(row, ranked) for row in rows]


def _columns(light: bool) -> list[Any]:
    s, d, a = t.statements.c, t.documents.c, t.actors.c
    if light:
        return [
            s.id, s.content, s.lang, s.speaker, s.hearsay, s.hedged, s.stance,
            s.confirmation, s.claim_id, s.published_date, d.title, d.site, a.name,
            s.document_id,
        ]  # fmt: skip
    # the columns a StatementRecord shows, not the ORM entity: loading it decoded the
    # JSON columns (framing, rules, spans) and filled an identity map for nothing, a
    # third of an API page's CPU
    return [
        s.id, s.document_id, s.local_id, s.lang, s.form, s.medium, s.content, s.speaker,
        s.cue, s.actor_id, s.chain, s.confidence, s.hearsay, s.hedged, s.stance,
        s.confirmation, s.claim_id, d.url, d.title, d.site, d.published, d.published_date,
        a.name, a.kind,
    ]  # fmt: skip


def _plain(q: StatementQuery) -> bool:
    """A plain text query: ``about`` and a page, no other filter but the language."""
    others = (q.speaker, q.outlet, q.since, q.until, q.framing, q.form, q.document_id,
              q.statement_id, q.claim_id, q.min_confidence)  # fmt: skip
    return q.about is not None and q.limit is not None and all(x is None for x in others)


def _sqlite_newest(q: StatementQuery, expr: str, candidates: int) -> Any:
    """A plain text query on SQLite: the newest matches inside the FTS index, ranked by
    bm25, and only those joined — a common stem ("sanktion*") matches 50k+ statements,
    and bm25 for every one of them (tens of µs each), joining and sorting them cost
    0.25-0.7 s on a million statements."""
    assert q.limit is not None
    best = (
        select(literal_column("rowid").label("sid"), literal_column("rank").label("score"))
        .select_from(text("statements_fts"))
        .where(literal_column("statements_fts").op("MATCH")(expr))
        .order_by(literal_column("rowid").desc())
        .limit(candidates)
        .subquery()
    )
    if q.lang is None:  # nothing filters them after the join: only the page is joined
        best = (
            select(best.c.sid, best.c.score)
            .order_by(best.c.score)
            .limit(q.limit + q.offset)
            .subquery()
        )
    return best


def statement_rows(
    db: Database, q: StatementQuery, settings: LedgerSettings, *, light: bool
) -> list[Any]:
    """The rows of :func:`statements`; ``light``: only what an accounts view needs (no
    JSON columns to decode, no ORM entity to fill)."""
    s, d, a = t.statements.c, t.documents.c, t.actors.c
    columns = _columns(light)
    rank: ColumnElement[Any] | None = None
    match: ColumnElement[bool] | None = None
    if q.about is not None:
        if db.dialect == "sqlite":
            match, rank = fulltext.sqlite_match(q.about, q.lang)
        else:
            match, rank = fulltext.postgresql_match(q.about, q.lang)
        columns.append(rank.label("rank"))
    plain = _plain(q)
    page = q.limit + q.offset if q.limit is not None else 0
    candidates = page if q.recent else max(settings.text_candidates, page * 2)
    expr = None
    if plain and db.dialect == "sqlite" and q.about is not None:
        expr = fulltext.fts5_query(q.about, q.lang)
    top: Any = None
    params: dict[str, Any] = {}
    if plain and db.dialect == "postgresql" and match is not None:
        assert q.about is not None and q.limit is not None
        top, params = fulltext.postgresql_newest(q.about, q.lang, q.limit + q.offset, candidates)
        columns[-1] = top.c.score.label("rank")
        rank, match = top.c.score, None
    if expr is not None:
        best = _sqlite_newest(q, expr, candidates)
        columns[-1] = best.c.score.label("rank")
        rank = best.c.score
        match = lang_condition(q.lang)
        query = (
            select(*columns)
            .join(best, best.c.sid == s.id)
            .join(t.documents, d.id == s.document_id)
            .outerjoin(t.actors, a.id == s.actor_id)
        )
    else:
        query = (
            select(*columns)
            .join(t.documents, d.id == s.document_id)
            .outerjoin(t.actors, a.id == s.actor_id)
        )
        if top is not None:
            query = query.join(top, top.c.sid == s.id)
        if match is not None and db.dialect == "sqlite":
            fts = fulltext.FTS5_TABLE
            query = query.join(fts, fts.c.rowid == s.id)
    if match is not None:
        query = query.where(match)
    # the filters on statement columns: for the query, and for a speaker's candidates
    conds = statement_conditions(q)
    # one connection for the speaker's actors and the rows, in autocommit on PostgreSQL
    with db.lookup() as conn:
        return _rows(db, conn, q, query, conds, rank, settings, params)


def _rows(
    db: Database,
    conn: Connection,
    q: StatementQuery,
    query: Any,
    conds: list[ColumnElement[bool]],
    rank: Any,
    settings: LedgerSettings,
    params: dict[str, Any],
) -> list[Any]:
    """The speaker, outlet and statement filters on ``query``, its order and page, and its
    rows."""
    s, d = t.statements.c, t.documents.c
    if q.speaker is not None:
        ids = _speaker_ids(conn, q.speaker, settings)
        if ids and rank is None and q.outlet is None and q.document_id is None and q.limit:
            newest = _newest_of(db, ids, q.limit + q.offset, conds, settings.speaker_union)
            query = query.where(s.id.in_(newest))
        else:
            query = query.where(_among(db, ids))
    if q.outlet is not None:
        query = query.where(func.lower(d.site) == q.outlet.lower())
    query = query.where(*conds)
    if rank is not None:
        query = query.order_by(rank, s.id)
    elif q.document_id is not None:
        query = query.order_by(s.id)  # one article: in reading order
    else:
        query = query.order_by(*NEWEST_FIRST)
    query = query.offset(q.offset).limit(q.limit)
    # Core rows: the columns are plain, and the ORM's statement compilation and result
    # wrapping cost more than the query on a page of an unfiltered list
    return list(conn.execute(query, params))


def _speaker_ids(conn: Connection, speaker: str | int, settings: LedgerSettings) -> list[int]:
    """The actors first (what the identity rule would merge: see sayso.ledger.speakers;
    E210 naming the nearest when none), then their statements by their actor_id index:
    as one join the planners walked every statement by date testing the name on each
    (2.5 s on a million statements on SQLite)."""
    if isinstance(speaker, int):
        return [speaker]
    return speaker_query.ids(conn, speaker, settings)


def _newest_of(
    db: Database,
    ids: Sequence[int],
    k: int,
    conds: Sequence[ColumnElement[bool]],
    union: int,
) -> Any:
    """The ids of the ``k`` newest statements of the actors ``ids`` that pass the
    statement-level filters ``conds``, as a subquery: only those are joined and loaded.

    The (actor, day) index gives each actor's statements newest first; on SQLite it
    holds the rowid too, so the candidates are read from the index alone. On
    PostgreSQL several actors (65 share the surname Smith) are merged by a LATERAL
    join over the ids as one array parameter — one plan for any number — each
    giving at most ``k``. Joining every candidate before taking the newest cost
    100-180 ms on a million statements (heap pages of 1,200 rows and their documents).
    A generic word names thousands of actors ("Diplomaten": 6,900 unnamed circles of that
    name, one per article, 7,200 statements): beyond ``union`` actors PostgreSQL takes
    them as one list too, and only the ``k`` ids are joined — loading and sorting every
    full row first took 1.7–5 s.
    """
    s = t.statements.c
    if db.dialect == "postgresql" and 1 < len(ids) <= union:
        who = func.unnest(bindparam("speaker_ids", list(ids), type_=ARRAY(Integer)))
        who_t = who.table_valued("aid").render_derived()
        per_actor = (
            select(s.id, s.published_date)
            .where(s.actor_id == who_t.c.aid, *conds)
            .order_by(*NEWEST_FIRST)
            .limit(k)
            .lateral()
        )
        return (
            select(per_actor.c.id)
            .select_from(who_t)
            .join(per_actor, true())
            .order_by(per_actor.c.published_date.desc().nulls_last(), per_actor.c.id.desc())
            .limit(k)
        )
    return select(s.id).where(_among(db, ids), *conds).order_by(*NEWEST_FIRST).limit(k)


def _among(db: Database, ids: Sequence[int]) -> ColumnElement[bool]:
    """``statements.actor_id`` is one of ``ids``, as one parameter whatever their number
    (a JSON array on SQLite, an array on PostgreSQL): an IN list of 6,900 parameters
    cost more to build and bind than the query took to run."""
    s = t.statements.c
    if len(ids) <= 50:
        return s.actor_id.in_(ids)
    if db.dialect == "postgresql":
        return s.actor_id == func.any(bindparam("actor_ids", list(ids), type_=ARRAY(Integer)))
    each = func.json_each(bindparam("actor_ids_json", json.dumps(list(ids))))
    return s.actor_id.in_(select(literal_column("value")).select_from(each))


def statement_record(row: Any, ranked: bool) -> StatementRecord:
    # by position, in the order of _columns: a Row's attribute access is a Python call
    # per field, 25 fields on every row of a page
    (id_, document_id, local_id, lang, form, medium, content, speaker, cue, actor_id, chain,
     confidence, hearsay, hedged, stance, confirmation, claim_id, url, title, site,
     published, published_date, actor, actor_kind, *rest) = row  # fmt: skip
    return StatementRecord(
        id_, document_id, local_id, url, title, site, published, published_date, lang, form,
        medium, content, speaker, cue, actor_id, actor, actor_kind, tuple(chain), confidence,
        bool(hearsay), bool(hedged), stance, confirmation, claim_id,
        float(rest[0]) if ranked else None,
    )  # fmt: skip
