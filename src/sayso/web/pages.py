"""The HTML pages: server-rendered, readable without JavaScript. Each asks the ledger (or
:func:`sayso.analyze`) and hands the records to a template."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from sayso import errors
from sayso.errors import SaysoError
from sayso.ledger import Ledger, StatementQuery
from sayso.model import Analysis
from sayso.web import highlight, i18n, security, service, work
from sayso.web.api import Framing, Lang, Text
from sayso.web.render import render

router = APIRouter(include_in_schema=False)

PAGE = 25


def _ledger(request: Request) -> Ledger:
    ledger: Ledger = request.app.state.ledger
    return ledger


@router.get("/")
def search(
    request: Request,
    q: Text = None,
    speaker: Text = None,
    outlet: Text = None,
    framing: Framing | None = None,
    form: Text = None,
    lang: Lang | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Response:
    query = StatementQuery(
        about=q or None, speaker=speaker or None, outlet=outlet or None, framing=framing,
        form=form or None, lang=lang, since=since, until=until, limit=PAGE + 1, offset=offset,
    )  # fmt: skip
    ledger = _ledger(request)
    hits = ledger.statements(query)
    context = {
        "hits": hits[:PAGE],
        "fixes": service.corrections_by_statement(ledger, [r.document_id for r in hits]),
        "more": len(hits) > PAGE,
        "offset": offset,
        "page": PAGE,
        "form": {"q": q, "speaker": speaker, "outlet": outlet, "framing": framing,
                 "form": form, "lang": lang, "since": since, "until": until},
    }  # fmt: skip
    return render(request, "search.html", context)


@router.get("/documents/{document_id}")
def article(request: Request, document_id: str) -> Response:
    ledger = _ledger(request)
    doc = service.document(ledger, document_id)
    analysis = ledger.analysis(doc.id)
    rows = {r.local_id: r for r in ledger.statements(document_id=doc.id, limit=None)}
    fixes = {k[1]: v for k, v in service.corrections_by_statement(ledger, [doc.id]).items()}
    context = {"doc": doc, **_article(analysis), "rows": rows, "fixes": fixes}
    return render(request, "article.html", context)


@router.post("/documents/{document_id}/corrections")
def correct(
    request: Request,
    document_id: str,
    token: Annotated[str, Form(max_length=500)] = "",
    statement: Annotated[str, Form(max_length=32)] = "",
    kind: Annotated[str, Form(max_length=16)] = "",
    actor_id: Annotated[str, Form(max_length=20)] = "",
    actor_name: Annotated[str, Form(max_length=300)] = "",
    label: Annotated[str, Form(max_length=16)] = "",
    value: Annotated[str, Form(max_length=8)] = "",
    author: Annotated[str, Form(max_length=200)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """The correction form of the article page: the token is a form field (a browser
    form cannot send a bearer header), checked like the API's."""
    security.check_token(request.app.state.config.token, f"Bearer {token}" if token else None)
    ledger = _ledger(request)
    doc = service.document(ledger, document_id)
    ledger.correct(
        doc.id, statement, kind, author=author.strip() or "anonymous",
        actor_id=int(actor_id) if actor_id.strip().isdigit() else None,
        actor_name=actor_name.strip() or None, label=label or None,
        value={"yes": True, "no": False}.get(value), note=note.strip() or None,
    )  # fmt: skip
    return RedirectResponse(f"/documents/{doc.id}#st-{statement}", status_code=303)


def _article(analysis: Analysis) -> dict[str, Any]:
    """What the article template shows of an analysis: the marked text and per statement
    its details (actors by id, relations by statement)."""
    actors = {a.id: a for a in analysis.actors}
    relations: dict[str, list[Any]] = {}
    for r in analysis.relations:
        relations.setdefault(r.source, []).append(r)
        if r.target:
            relations.setdefault(r.target, []).append(r)
    return {
        "analysis": analysis,
        "segments": highlight.segments(analysis),
        "colours": highlight.colours(analysis),
        "actors": actors,
        "relations": relations,
        "text_of": lambda spans: " … ".join(analysis.text[s.start : s.end] for s in spans),
    }


@router.get("/actors")
def actors(request: Request, name: Text = None) -> Response:
    found = _ledger(request).actors(name=name or None, limit=200)
    return render(request, "actors.html", {"actors": found, "name": name})


@router.get("/actors/{actor_id}")
def actor(request: Request, actor_id: int) -> Response:
    ledger = _ledger(request)
    info = service.actor_json(ledger, actor_id)
    said = ledger.statements(speaker=actor_id, limit=500)
    fixes = service.corrections_by_statement(ledger, [r.document_id for r in said[:100]])
    per_month = Counter(r.published_date.strftime("%Y-%m") for r in said if r.published_date)
    months = sorted(per_month.items())
    top = max(per_month.values(), default=1)
    outlets = Counter(r.site or "?" for r in said).most_common(20)
    context = {"info": info, "said": said[:100], "months": months, "top": top,
               "outlets": outlets, "fixes": fixes}  # fmt: skip
    return render(request, "speaker.html", context)  # one actor


@router.post("/actors/{actor_id}/merge")
def merge_form(
    request: Request,
    actor_id: int,
    token: Annotated[str, Form(max_length=500)] = "",
    other: Annotated[str, Form(max_length=20)] = "",
    note: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """The actor page's merge form (the token as a form field, checked as the API's)."""
    security.check_token(request.app.state.config.token, f"Bearer {token}" if token else None)
    ledger = _ledger(request)
    service.actor_json(ledger, actor_id)
    if not other.strip().isdigit():
        raise SaysoError(errors.E225, detail="other: give the id of the actor to merge")
    ledger.merge_actors(actor_id, int(other), note.strip() or None)
    return RedirectResponse(f"/actors/{actor_id}", status_code=303)


@router.post("/merges/{merge_id}/split")
def split_form(
    request: Request,
    merge_id: int,
    token: Annotated[str, Form(max_length=500)] = "",
    actor: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Undo a merge from the actor page."""
    security.check_token(request.app.state.config.token, f"Bearer {token}" if token else None)
    _ledger(request).split_actor(merge_id)
    back = f"/actors/{int(actor)}" if actor.strip().isdigit() else "/actors"
    return RedirectResponse(back, status_code=303)


@router.get("/claims/{claim_id}")
def claim(request: Request, claim_id: int) -> Response:
    ledger = _ledger(request)
    found = service.claim(ledger, claim_id)
    docs = [r["document_id"] for r in found["appearances_list"]]
    fixes = service.corrections_by_statement(ledger, docs)
    return render(request, "claim.html", {"claim": found, "fixes": fixes})


@router.get("/accounts")
def accounts(request: Request, q: Text = None, lang: Lang | None = None) -> Response:
    events = _ledger(request).accounts(q, lang=lang) if q else []
    return render(request, "accounts.html", {"q": q, "events": events})


@router.get("/analyze")
def analyze_form(request: Request) -> Response:
    return render(request, "analyze.html", {})


@router.post("/analyze")
async def analyze(
    request: Request,
    text: Annotated[str, Form(max_length=1_000_000)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    return await work.analysis(request, _analyze, request, text, url)


def _analyze(request: Request, text: str, url: str) -> Response:
    fields: dict[str, Any] = {"text": text} if text.strip() else {"url": url.strip()}
    try:
        analysis = service.analysis_of(request, fields)
    except SaysoError as err:
        return render(request, "analyze.html", {"error": err, "url": url}, status=400)
    context = {"result": True, **_article(analysis), "rows": {}, "fixes": {}}
    return render(request, "analyze.html", context)


@router.post("/analyze/store")
async def analyze_store(
    request: Request,
    text: Annotated[str, Form(max_length=1_000_000)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    token: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """Analyze's "store" (write access): the analysis goes into the ledger and the reader
    to its article page; the token is a form field, checked like the API's."""
    return await work.analysis(request, _store, request, text, url, token)


def _store(request: Request, text: str, url: str, token: str) -> Response:
    from sayso.web.app import STATUS

    fields: dict[str, Any] = {"text": text} if text.strip() else {"url": url.strip()}
    try:
        security.check_token(request.app.state.config.token, f"Bearer {token}" if token else None)
        analysis = service.analysis_of(request, fields)
        stored = _ledger(request).add(None, analysis, **service.metadata(fields, analysis))
    except SaysoError as err:
        context = {"error": err, "url": url}
        return render(request, "analyze.html", context, status=STATUS.get(err.code, 400))
    return RedirectResponse(f"/documents/{stored.document_id}", status_code=303)


@router.get("/runs")
def runs(request: Request) -> Response:
    ledger = _ledger(request)
    context = {"runs": ledger.runs(limit=50), "errors": ledger.errors(limit=200)}
    return render(request, "runs.html", context)


@router.get("/api")
def api_docs(request: Request) -> Response:
    """The REST API's endpoints and parameters, from the OpenAPI document."""
    schema = request.app.openapi()
    return render(request, "api.html", {"paths": schema.get("paths", {})})


@router.get("/lang/{lang}")
def switch_language(request: Request, lang: str, next: str = "/") -> Response:
    local = next.startswith("/") and not next.startswith("//") and "\\" not in next
    target = next if local else "/"
    response = RedirectResponse(target, status_code=303)
    if lang in i18n.LANGS:
        response.set_cookie(i18n.COOKIE, lang, max_age=365 * 86400, samesite="lax")
    return response


def safe(url: object) -> str | None:
    return security.safe_href(url)
