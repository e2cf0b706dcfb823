"""What the pages and the API share: records to JSON, not-found as coded errors, and the
analysis of a pasted text or a fetched address (ingest's readers and URL policy)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from sayso import errors
from sayso.errors import SaysoError
from sayso.ledger import DocumentRecord, Ledger
from sayso.model import Analysis
from sayso.settings import Settings

if TYPE_CHECKING:
    from starlette.requests import Request

#: the largest id a request may name (ledger ids are 32-bit integers on PostgreSQL)
MAX_ID = 2**31 - 1

#: source chains shown per actor (the most recently carried)
CHAINS = 20

#: the metadata fields a stored document takes from a request
META_FIELDS = ("title", "site", "author", "published", "lang")


def plain(value: Any) -> Any:
    """``value`` with dates as ISO strings and records as dicts (JSON-ready)."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return plain(value.to_dict() if hasattr(value, "to_dict") else dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def document(ledger: Ledger, ref: str) -> DocumentRecord:
    """A stored document by id or unique id prefix (E224 when none)."""
    if len(ref) > 64 or not ref.isalnum():
        raise SaysoError(errors.E224, what="document", value=ref[:80])
    found = ledger.get_document(ref)
    if found is not None:
        return found
    try:
        found = ledger.get_document(ledger.find_document(ref).id)
    except SaysoError:
        found = None
    if found is None:
        raise SaysoError(errors.E224, what="document", value=ref)
    return found


def _absent(what: str, value: object) -> Any:
    raise SaysoError(errors.E224, what=what, value=value)


def document_meta(doc: DocumentRecord) -> dict[str, Any]:
    return {k: v for k, v in doc.to_dict().items() if k != "text"}


def actor_json(ledger: Ledger, actor_id: int) -> dict[str, Any]:
    """Actor ``actor_id`` with what it was merged into, its merge/split log and the source
    chains it appears in (:meth:`Ledger.chains`)."""
    found = ledger.actor(actor_id) if 0 < actor_id <= MAX_ID else None
    if found is None:
        return _absent("actor", actor_id)  # type: ignore[no-any-return]
    return {
        **found.to_dict(),
        "merged_into": ledger.merged_into(actor_id),
        "merges": ledger.merges(actor_id),
        "chains": [c.to_dict() for c in ledger.chains(actor_id, limit=CHAINS)],
    }


def claim(ledger: Ledger, claim_id: int) -> dict[str, Any]:
    """Claim ``claim_id`` and every appearance, earliest first."""
    found = ledger.claim(claim_id) if 0 < claim_id <= MAX_ID else None
    if found is None:
        return _absent("claim", claim_id)  # type: ignore[no-any-return]
    return {**found, "appearances_list": [r.to_dict() for r in ledger.appearances(claim_id)]}


def analyze_text(text: str, lang: str | None, settings: Settings, **meta: str | None) -> Analysis:
    from sayso.pipeline import analyze

    return analyze(text, lang=lang, settings=settings, **meta)


def fetch_article(url: str, allow_private_hosts: bool = False) -> tuple[str, dict[str, Any]]:
    """The text and metadata of the article at ``url``, read as ``sayso ingest URL`` reads
    it: only http(s), no private addresses unless allowed, size and time limits (E026-E031);
    E227 when the page holds no article."""
    from sayso.ingest import IngestError, IngestOptions, read_sources
    from sayso.ingest.fetch import is_url

    if not is_url(url):
        detail = "only http:// and https:// addresses are fetched"
        raise SaysoError(errors.E030, url=url[:200], detail=detail)
    options = IngestOptions(allow_private_hosts=allow_private_hosts)
    for item in read_sources([url], options):
        if isinstance(item, IngestError):
            message, _, hint = item.message.partition(" Hint: ")
            err = SaysoError(errors.E227, url=url[:200], detail="")
            err.code, err.message, err.hint = item.code, message, hint
            raise err
        meta = {k: getattr(item, k, None) for k in ("title", "site", "author", "published")}
        return item.text, {"url": item.url or url, **meta, "lang": item.lang}
    raise SaysoError(errors.E227, url=url[:200], detail="")


def analysis_of(request: Request, fields: dict[str, Any]) -> Analysis:
    """The analysis of ``fields["text"]``, or of the article fetched from ``fields["url"]``
    (its metadata filling what the request left out)."""
    config = request.app.state.config
    settings = request.app.state.settings
    if fields.get("text") is None:
        text, found = fetch_article(str(fields["url"]), config.allow_private_hosts)
        for key, value in found.items():
            if fields.get(key) is None and value is not None:
                fields[key] = value
        fields["text"] = text
    lang = fields.get("lang") if fields.get("lang") in ("de", "en") else None
    return analyze_text(
        fields["text"], lang, settings,
        title=fields.get("title"), url=fields.get("url"), published=fields.get("published"),
    )  # fmt: skip


def metadata(fields: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """The document fields to store with ``analysis`` (its text is the analysis's)."""
    out = {k: fields[k] for k in META_FIELDS if fields.get(k) is not None}
    if fields.get("url"):
        out["url"] = fields["url"]
    out["lang"] = analysis.lang
    return out


def corrections_by_statement(
    ledger: Ledger, document_ids: list[str]
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The readers' corrections of these documents, per (document, statement), oldest
    first."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    if not document_ids:
        return out
    for fix in reversed(ledger.corrections(sorted(set(document_ids)), limit=None)):
        out.setdefault((fix.document_id, fix.statement), []).append(fix.to_dict())
    return out


def with_corrections(ledger: Ledger, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statement dicts, each with its ``corrections``."""
    fixes = corrections_by_statement(ledger, [i["document_id"] for i in items])
    return [{**i, "corrections": fixes.get((i["document_id"], i["local_id"]), [])} for i in items]
