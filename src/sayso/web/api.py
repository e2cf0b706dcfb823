"""The REST API under ``/api/v1``: the Python API of :class:`sayso.ledger.Ledger` and
:func:`sayso.analyze` as JSON. Lists take ``limit``/``offset``; errors are the coded
catalogue as ``{"code", "message", "hint"}``; every write needs the bearer token."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from sayso import errors
from sayso.errors import SaysoError
from sayso.ledger import FRAMING_LABELS, Ledger, StatementQuery
from sayso.web import security, service, work
from sayso.web.service import MAX_ID


class ErrorOut(BaseModel):
    """A coded error of the catalogue (``sayso.errors``)."""

    code: str = Field(description="E220 …")
    message: str = Field(description="what went wrong")
    hint: str = Field(description="what to do")


_ERRORS = {
    400: "a coded error: the request cannot be done",
    401: "E220: a write without the right bearer token",
    403: "E221: a write to a read-only server",
    404: "E224: no such record",
    409: "E205: an impossible merge or split",
    413: "E223: the request body is too large",
    422: "E225: an invalid parameter or field",
    500: "E019: a bug (the detail is in the server's log)",
}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text} for status, text in _ERRORS.items()
}

router = APIRouter(prefix="/api/v1", tags=["ledger"], responses=ERROR_RESPONSES)

Lang = Literal["de", "en"]
Framing = Literal[FRAMING_LABELS]  # type: ignore[valid-type]
Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items skipped")]
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Text = Annotated[str | None, Query(max_length=500)]


def ledger_of(request: Request) -> Ledger:
    ledger: Ledger = request.app.state.ledger
    return ledger


def writer(request: Request, authorization: Annotated[str | None, Header()] = None) -> Ledger:
    """The ledger, for a request carrying the write token (E220/E221 otherwise)."""
    security.check_token(request.app.state.config.token, authorization)
    return ledger_of(request)


Reader = Annotated[Ledger, Depends(ledger_of)]
Writer = Annotated[Ledger, Depends(writer)]


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """A list page: ``next_offset`` is None on the last page."""
    more = len(items) > limit
    return {
        "items": items[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }


@router.get("/documents", summary="Stored documents, newest publication first")
def list_documents(
    ledger: Reader,
    site: Text = None,
    lang: Lang | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    latest: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    docs = ledger.documents(
        site=site, lang=lang, since=since, until=until, latest=latest,
        limit=limit + 1, offset=offset,
    )  # fmt: skip
    return page([service.document_meta(d) for d in docs], limit, offset)


@router.get("/documents/{document_id}", summary="A document: metadata and its Analysis")
def get_document(ledger: Reader, document_id: str) -> dict[str, Any]:
    doc = service.document(ledger, document_id)
    return {
        "document": service.document_meta(doc),
        "analysis": ledger.analysis(doc.id).to_dict(),
        "corrections": [c.to_dict() for c in ledger.corrections([doc.id], limit=None)],
    }


@router.get("/statements", summary="Statements matching every given filter")
def list_statements(
    ledger: Reader,
    speaker: Text = None,
    about: Text = None,
    outlet: Text = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    framing: Annotated[list[Framing] | None, Query()] = None,
    lang: Lang | None = None,
    form: Text = None,
    document_id: Annotated[str | None, Query(max_length=64)] = None,
    claim_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    query = StatementQuery(
        speaker=speaker, about=about, outlet=outlet, since=since, until=until,
        framing=framing or None, lang=lang, form=form, document_id=document_id,
        claim_id=claim_id, limit=limit + 1, offset=offset,
    )  # fmt: skip
    found = service.with_corrections(ledger, [r.to_dict() for r in ledger.statements(query)])
    return page(found, limit, offset)


@router.get("/actors", summary="Ledger actors, most quoted first")
def list_actors(
    ledger: Reader, name: Text = None, kind: Text = None, limit: Limit = 100
) -> dict[str, Any]:
    return {"items": [a.to_dict() for a in ledger.actors(name=name, kind=kind, limit=limit)]}


@router.get("/actors/{actor_id}", summary="A ledger actor with its merges and splits")
def get_actor(ledger: Reader, actor_id: Id) -> dict[str, Any]:
    return service.actor_json(ledger, actor_id)


@router.get("/claims", summary="Claims carried by several documents, most widespread first")
def list_claims(
    ledger: Reader,
    speaker: Text = None,
    about: Text = None,
    outlet: Text = None,
    lang: Lang | None = None,
    min_appearances: Annotated[int, Query(ge=1, le=1000)] = 1,
    limit: Limit = 50,
) -> dict[str, Any]:
    where = StatementQuery(speaker=speaker, about=about, outlet=outlet, lang=lang)
    found = ledger.claims(where, min_appearances=min_appearances, limit=limit)
    return {"items": service.plain(found)}


@router.get("/claims/{claim_id}", summary="A claim and every appearance")
def get_claim(ledger: Reader, claim_id: Id) -> dict[str, Any]:
    found: dict[str, Any] = service.plain(service.claim(ledger, claim_id))
    return found


@router.get("/accounts", summary="Each event's accounts side by side per source")
def get_accounts(
    ledger: Reader,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    lang: Lang | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[str, Any]:
    events = ledger.accounts(q, lang=lang, since=since, until=until)
    return {"query": q, "events": [dataclasses.asdict(e) for e in events]}


@router.get("/runs", summary="Ingest runs, newest first")
def list_runs(ledger: Reader, limit: Limit = 20) -> dict[str, Any]:
    return {"items": service.plain([dataclasses.asdict(r) for r in ledger.runs(limit=limit)])}


@router.get("/errors", summary="Error rows of ingest runs")
def list_errors(
    ledger: Reader,
    run_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    code: Annotated[str | None, Query(pattern=r"^[EW]\d{3}$")] = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    rows = ledger.errors(code=code, run_id=run_id, limit=limit)
    return {"items": [e.to_dict() for e in rows]}


class AnalyzeIn(BaseModel):
    text: str = Field(min_length=0, description="the article text")
    lang: Lang | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None


class DocumentIn(BaseModel):
    """The article: its ``text``, or an http(s) ``url`` to fetch (exactly one)."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["url"]}]}
    )

    # not nullable in the schema: give one of them, leave the other out
    text: str | SkipJsonSchema[None] = Field(None, description="the article text (or give url)")
    url: str | SkipJsonSchema[None] = Field(
        None,
        max_length=2000,
        pattern=r"^[hH][tT][tT][pP][sS]?://[^\s/]+",
        description="an http(s) address (or give text)",
    )
    lang: Lang | None = None
    title: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None


class CorrectionIn(BaseModel):
    statement: str = Field(max_length=32, description="the statement's id in the analysis: s3")
    kind: Literal["speaker", "not_statement", "framing"]
    author: str = Field(min_length=1, max_length=200, description="who corrects")
    actor_id: int | None = Field(None, ge=1, le=MAX_ID, description="speaker: a ledger actor")
    actor_name: str | None = Field(None, max_length=300, description="speaker: a new name")
    label: Framing | None = Field(None, description="framing: the label")
    value: bool | None = Field(None, description="framing: whether the label holds")
    note: str | None = Field(None, max_length=2000, description="why")


class MergeIn(BaseModel):
    other: int = Field(ge=1, le=MAX_ID, description="the actor merged into this one")
    note: str | None = Field(None, max_length=1000)


@router.post("/analyze", summary="Analyse a text; nothing is stored")
async def analyze(request: Request, body: AnalyzeIn) -> dict[str, Any]:
    settings = request.app.state.settings

    def run() -> dict[str, Any]:
        return service.analyze_text(body.text, body.lang, settings, title=body.title,
                                    url=body.url, published=body.published).to_dict()  # fmt: skip

    return await work.analysis(request, run)


@router.post("/documents", summary="Analyse a text or an address and store it", status_code=201)
async def add_document(request: Request, ledger: Writer, body: DocumentIn) -> dict[str, Any]:
    if (body.text is None) == (body.url is None):
        raise SaysoError(errors.E228, detail="both" if body.text is not None else "neither")
    fields = body.model_dump(exclude_none=True)

    def run() -> dict[str, Any]:
        analysis = service.analysis_of(request, fields)
        return ledger.add(None, analysis, **service.metadata(fields, analysis)).to_dict()

    return await work.analysis(request, run)


@router.post("/actors/{actor_id}/merge", summary="Merge another actor into this one")
def merge(ledger: Writer, actor_id: Id, body: MergeIn) -> dict[str, Any]:
    service.actor_json(ledger, actor_id)  # E224 when absent
    return {"merge_id": ledger.merge_actors(actor_id, body.other, body.note)}


@router.post("/merges/{merge_id}/split", summary="Undo a merge")
def split(ledger: Writer, merge_id: Id) -> dict[str, Any]:
    ledger.split_actor(merge_id)
    return {"merge_id": merge_id, "undone": True}


@router.get("/corrections", summary="Readers' corrections of statements, newest first")
def list_corrections(
    ledger: Reader,
    document_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    ids = None if document_id is None else [service.document(ledger, document_id).id]
    return {"items": [c.to_dict() for c in ledger.corrections(ids, limit=limit)]}


@router.post(
    "/documents/{document_id}/corrections",
    summary="Correct a statement (the stored analysis is kept)",
    status_code=201,
)
def add_correction(ledger: Writer, document_id: str, body: CorrectionIn) -> dict[str, Any]:
    doc = service.document(ledger, document_id)
    fields = body.model_dump(exclude={"statement", "kind"})
    correction_id = ledger.correct(doc.id, body.statement, body.kind, **fields)
    return {"id": correction_id, "document_id": doc.id, "statement": body.statement}
