"""Scoring who said it, per real entity, against sayso's own speaker gold.

The gold (``quality/speakers/dev.jsonl`` and ``heldout.jsonl``; guidelines in
``docs/speaker-guidelines.md``) holds one line per article: its entities (kind and every
mention, by character offsets) and every attributed statement with the entity that made it
(``speaker``, ``None`` when the article names no source) and the relays (``chain``). Document
ids and offsets follow the evidence gold (:func:`sayso.eval.evidence.document_texts`).

Scoring, per language:

- **found**: each gold statement is paired with the system statement whose content covers
  the largest share of its characters, at least :data:`MIN_OVERLAP` (a system statement may
  serve several gold statements: the gnad texts split direct speech per sentence).
- **right original speaker**: the system's original speaker is the last hop of the paired
  statement's chain (its ``actor`` when the chain is empty). It is right when its mentions,
  and the statement's speaker span when it is the statement's own actor, overlap the gold
  speaker's mentions at least as much as any other gold entity's (in characters); or when
  both sides have no source (gold ``None``; system no actor or the unknown-source actor).
  Reported over all gold statements and over the found ones.
- **actors per entity**: for each gold entity that speaks and has a found statement with a
  real (not unknown) system speaker, the number of distinct system actors among those
  speakers; averaged. 1.0 means one actor per real entity.
- **kind accuracy**: over (gold entity, system actor) pairs judged right at least once, the
  share where the actor's kind equals the gold kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sayso.eval.corpus import GoldDoc
from sayso.eval.data import REPO_ROOT, read_gold_lines
from sayso.eval.evidence import document_texts
from sayso.model import Actor, ActorKind, Analysis, Span, Spans, Statement

GOLD_DIR = Path("quality") / "speakers"
MIN_OVERLAP = 0.3
KINDS = frozenset({"person", "organization", "outlet", "anonymous", "document"})
LANGS = ("de", "en")


@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    kind: str
    mentions: Spans


@dataclass(frozen=True, slots=True)
class GoldSpeech:
    """One annotated statement: its content and the entity that made it."""

    content: Spans
    speaker: str | None
    chain: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    doc: str
    lang: str
    entities: tuple[GoldEntity, ...]
    statements: tuple[GoldSpeech, ...]

    def entity(self, entity_id: str | None) -> GoldEntity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def _spans(value: Iterable[Sequence[int]]) -> Spans:
    return tuple(Span(int(a), int(b)) for a, b in value)


def parse_line(data: Mapping[str, Any]) -> GoldArticle:
    """One gold line -> :class:`GoldArticle` (KeyError/ValueError on a bad line)."""
    entities = tuple(
        GoldEntity(str(e["id"]), str(e["kind"]), _spans(e["mentions"])) for e in data["entities"]
    )
    statements = tuple(
        GoldSpeech(
            _spans(s["content"]),
            None if s["speaker"] is None else str(s["speaker"]),
            tuple(str(c) for c in s["chain"]),
            str(s.get("note", "")),
        )
        for s in data["statements"]
    )
    lang = str(data["lang"])
    if lang not in LANGS:
        raise ValueError(f"lang {lang!r} is not one of {', '.join(LANGS)}")
    return GoldArticle(str(data["doc"]), lang, entities, statements)


def read_gold(path: Path) -> list[GoldArticle]:
    """Read a speaker gold file; a malformed line raises E004 naming the line."""
    return read_gold_lines(path, parse_line)


def _edge_space(ch: str) -> bool:
    return ch.isspace() or ch == "\xa0"


def _span_problems(where: str, spans: Spans, text: str) -> list[str]:
    out = []
    for sp in spans:
        if not 0 <= sp.start < sp.end <= len(text):
            out.append(f"{where}: span [{sp.start}, {sp.end}) outside the text")
        elif _edge_space(text[sp.start]) or _edge_space(text[sp.end - 1]):
            out.append(f"{where}: span [{sp.start}, {sp.end}) starts or ends with whitespace")
    return out


def validate(article: GoldArticle, text: str) -> list[str]:
    """Everything wrong with one gold article against its text (empty when it is sound)."""
    out: list[str] = []
    ids = [e.id for e in article.entities]
    if len(set(ids)) != len(ids):
        out.append(f"{article.doc}: duplicate entity ids")
    for e in article.entities:
        if e.kind not in KINDS:
            out.append(f"{article.doc} {e.id}: unknown kind {e.kind!r}")
        if not e.mentions:
            out.append(f"{article.doc} {e.id}: no mentions")
        out += _span_problems(f"{article.doc} {e.id}", e.mentions, text)
    for n, s in enumerate(article.statements, 1):
        where = f"{article.doc} #{n}"
        if not s.content:
            out.append(f"{where}: empty content")
        out += _span_problems(where, s.content, text)
        if any(c not in ids for c in s.chain) or (s.speaker is not None and s.speaker not in ids):
            out.append(f"{where}: speaker or chain names an unknown entity")
        if s.speaker is None and s.chain:
            out.append(f"{where}: a chain without a speaker")
        if s.speaker is not None and (not s.chain or s.chain[-1] != s.speaker):
            out.append(f"{where}: the chain must end with the speaker")
    return out


def _chars(spans: Iterable[Span]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def pair(gold: GoldSpeech, system: Sequence[Statement]) -> Statement | None:
    """The system statement covering most of the gold content (None below MIN_OVERLAP)."""
    gc = _chars(gold.content)
    best: tuple[float, int] | None = None
    for k, s in enumerate(system):
        share = len(gc & _chars(s.content)) / max(1, len(gc))
        if share >= MIN_OVERLAP and (best is None or share > best[0]):
            best = (share, k)
    return None if best is None else system[best[1]]


def original_actor(analysis: Analysis, statement: Statement) -> Actor | None:
    """The statement's original speaker: last chain hop, else its actor; None when the
    statement has no source (no actor, or the unknown-source actor)."""
    actor = analysis.actor(statement.chain[-1] if statement.chain else statement.actor)
    if actor is None or actor.kind == ActorKind.UNKNOWN:
        return None
    return actor


def entity_of(article: GoldArticle, actor: Actor, statement: Statement) -> GoldEntity | None:
    """The gold entity the actor denotes: the one whose mentions its spans overlap most
    (the statement's speaker span counts when the actor is the statement's own actor);
    among equals the first in the file. None when it overlaps no entity."""
    spans = list(actor.mentions)
    if actor.id == statement.actor:
        spans += statement.speaker
    own = _chars(spans)
    best: tuple[int, GoldEntity] | None = None
    for e in article.entities:
        ov = len(own & _chars(e.mentions))
        if ov and (best is None or ov > best[0]):
            best = (ov, e)
    return None if best is None else best[1]


def _right(article: GoldArticle, gold: GoldSpeech, actor: Actor | None, s: Statement) -> bool:
    if gold.speaker is None or actor is None:
        return gold.speaker is None and actor is None
    target = article.entity(gold.speaker)
    if target is None:
        return False
    own = list(actor.mentions) + (list(s.speaker) if actor.id == s.actor else [])
    chars = _chars(own)
    best = len(chars & _chars(target.mentions))
    return best > 0 and all(len(chars & _chars(e.mentions)) <= best for e in article.entities)


@dataclass(slots=True)
class LangTally:
    """Counts for one language."""

    articles: int = 0
    statements: int = 0
    found: int = 0
    right: int = 0
    actors: dict[str, set[str]] = field(default_factory=dict)  # doc/entity -> actor ids
    kinds: dict[tuple[str, str], bool] = field(default_factory=dict)  # (doc/entity, actor)

    def metrics(self) -> dict[str, float]:
        per_entity = [len(a) for a in self.actors.values() if a]
        return {
            "statements": float(self.statements),
            "found": _pct(self.found, self.statements),
            "speaker_right": _pct(self.right, self.statements),
            "speaker_right_found": _pct(self.right, self.found),
            "actors_per_entity": round(sum(per_entity) / len(per_entity), 2) if per_entity else 0.0,
            "kind_accuracy": _pct(sum(self.kinds.values()), len(self.kinds)),
        }


def _pct(num: float, den: float) -> float:
    return round(100 * num / den, 1) if den else 0.0


@dataclass(slots=True)
class SpeakerReport:
    """Per-language tallies; ``metrics()`` is the flat table the quality gate pins."""

    langs: dict[str, LangTally] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    mistakes: list[str] = field(default_factory=list)
    warnings: tuple[str, ...] = ()

    def tally(self, lang: str) -> LangTally:
        return self.langs.setdefault(lang, LangTally())

    def metrics(self) -> dict[str, float]:
        return {
            f"{lang}_{name}": value
            for lang, t in sorted(self.langs.items())
            for name, value in t.metrics().items()
        }

    def doc_errors(self) -> dict[str, int]:
        return dict(self.errors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "metrics": self.metrics(),
            "articles": {lang: t.articles for lang, t in sorted(self.langs.items())},
            "mistakes": list(self.mistakes),
            "warnings": list(self.warnings),
        }


def score_article(report: SpeakerReport, article: GoldArticle, analysis: Analysis) -> None:
    """Add one article's statements to the report."""
    t = report.tally(article.lang)
    t.articles += 1
    errors = 0
    for n, g in enumerate(article.statements, 1):
        t.statements += 1
        s = pair(g, analysis.statements)
        if s is None:
            errors += 1
            report.mistakes.append(f"{article.doc} #{n}: not found (gold {g.speaker})")
            continue
        t.found += 1
        actor = original_actor(analysis, s)
        if _right(article, g, actor, s):
            t.right += 1
        else:
            errors += 1
            got = "no source" if actor is None else f"{actor.id} {actor.kind.value} {actor.name!r}"
            report.mistakes.append(f"{article.doc} #{n}: gold {g.speaker}, system {got}")
        if g.speaker is None or actor is None:
            continue
        key = f"{article.doc}/{g.speaker}"
        t.actors.setdefault(key, set()).add(actor.id)
        gold_entity = article.entity(g.speaker)
        if gold_entity is not None and entity_of(article, actor, s) is gold_entity:
            t.kinds[(key, actor.id)] = actor.kind.value == gold_entity.kind
    report.errors[article.doc] = errors


def score(gold: Sequence[GoldArticle], analyses: Mapping[str, Analysis]) -> SpeakerReport:
    """Score the analyses (by document id) against the gold articles."""
    report = SpeakerReport()
    for article in gold:
        score_article(report, article, analyses[article.doc])
    return report


def default_gold(part: str = "dev") -> Path:
    """``quality/speakers/<part>.jsonl`` in the repository."""
    return REPO_ROOT / GOLD_DIR / f"{part}.jsonl"


def gold_docs(gold: Sequence[GoldArticle], data_root: Path) -> list[GoldDoc]:
    """The annotated documents (text and language) in gold order."""
    texts = document_texts(data_root, (a.doc for a in gold))
    return [GoldDoc(id=a.doc, text=texts[a.doc], lang=a.lang, quotes=(), tokens=()) for a in gold]


def run(
    data_root: Path, gold_path: Path | None = None, system: Any = None
) -> tuple[list[GoldDoc], list[Analysis], SpeakerReport]:
    """Read a speaker gold file and its documents, analyse them, score the speakers."""
    from sayso.eval.metrics import run_system

    gold = read_gold(gold_path or default_gold())
    docs = gold_docs(gold, data_root)
    problems = [p for a, d in zip(gold, docs, strict=True) for p in validate(a, d.text)]
    analyses = run_system(docs, system)
    report = score(gold, {d.id: a for d, a in zip(docs, analyses, strict=True)})
    report.warnings = tuple(problems)
    return docs, analyses, report


RENDER_ROWS = (
    ("gold statements", "statements", "{:.0f}"),
    ("found %", "found", "{:.1f}"),
    ("right speaker % (all)", "speaker_right", "{:.1f}"),
    ("right speaker % (found)", "speaker_right_found", "{:.1f}"),
    ("actors per entity", "actors_per_entity", "{:.2f}"),
    ("kind accuracy %", "kind_accuracy", "{:.1f}"),
)


def render(report: SpeakerReport, title: str) -> str:
    """The per-language table printed by ``sayso eval speakers``."""
    langs = sorted(report.langs)
    table = {x: report.langs[x].metrics() for x in langs}
    head = f"{'':26}" + "".join(f"{x:>8}" for x in langs)
    lines = [f"{title}: original speakers per entity", head]
    lines.append(f"  {'articles':<24}" + "".join(f"{report.langs[x].articles:>8}" for x in langs))
    for name, key, fmt in RENDER_ROWS:
        lines.append(f"  {name:<24}" + "".join(f"{fmt.format(table[x][key]):>8}" for x in langs))
    lines += [f"warning: {w}" for w in report.warnings]
    return "\n".join(lines)
