"""The speaker stage alone, given the gold quotations (``sayso eval … --oracle-quotes``).

Each gold quotation becomes a draft with its gold content and form; the role tagger and
every speaker step of :data:`sayso.pipeline.PIPELINE` (the rules, inheritance, the speaker
ranker) then run on those drafts as they would on sayso's own. **Mention accuracy** is the
share of gold quotations with a speaker whose chosen speaker overlaps the gold speaker;
**abstention** the share of gold quotations without a speaker left without one. Training
reads the same drafts (:func:`oracle_work`) to learn the ranker.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from sayso.eval.corpus import GoldDoc, GoldQuote
from sayso.extract.component import Work
from sayso.extract.draft import Draft, Seg, spans_of_speaker
from sayso.extract.ranker import RULE
from sayso.lang import load
from sayso.model import Form, Span
from sayso.settings import DEFAULT, Settings
from sayso.tagging.tagger import taggers
from sayso.tagging.train_speakers import ece
from sayso.text.clean import clean
from sayso.text.segment import Segmented, segment

#: the components that run on the gold drafts: roles, speaker rules, inheritance, ranker
STEPS: frozenset[str] = frozenset(
    {
        "extract.roles.attach.v1",
        "extract.assemble.order.v1",
        "extract.speakers.complete_from_frame.v1",
        "extract.coordinated.speakers.v1",
        "extract.according_to.sources.v1",
        "extract.speakers.sentence_initial.v1",
        "extract.adverb_speakers.replace.v1",
        "extract.speakers.clause_subject.v1",
        "extract.direct.attribution_after_quote.v1",
        "extract.addressees.find.v1",
        "extract.speakers.extend_to_cue.v1",
        "extract.speakers.trim.v1",
        "extract.speakers.closing_comma.v1",
        "extract.name_particles.extend.v1",
        "extract.free_indirect.previous_sentence.v1",
        "extract.free_indirect.inherit.v1",
        "evidence.framing.unknown_hearsay_source.v1",
        "extract.ranker.speakers.v1",
    }
)


def gold_drafts(seg: Segmented, quotes: Sequence[GoldQuote]) -> list[tuple[Draft, GoldQuote]]:
    """A draft per gold quotation (its content tokens as runs per sentence), in order."""
    out = []
    for q in quotes:
        toks = sorted({i for sp in q.content for i in token_range(seg, sp)})
        if not toks:
            continue
        form = q.form if q.form is not None else _form(seg, toks)
        parts: list[Seg] = []
        for i in toks:
            s = seg.sentence_of[i]
            if parts and parts[-1].b == i and parts[-1].sent == s:
                parts[-1].b = i + 1
            else:
                parts.append(Seg(i, i + 1, form.value, s))
        out.append((Draft(parts=parts, form=form, rules=["oracle.quote"]), q))
    out.sort(key=lambda x: (x[0].a, x[0].b))
    return out


def token_range(seg: Segmented, span: Span) -> range:
    a = bisect.bisect_right(seg.ends, span.start)
    b = bisect.bisect_left(seg.starts, span.end)
    return range(a, b)


def _form(seg: Segmented, toks: list[int]) -> Form:
    inside = sum(1 for i in toks if seg.quote_depth[i])
    return Form.DIRECT if inside >= 0.8 * len(toks) else Form.INDIRECT


def oracle_work(
    doc: GoldDoc, settings: Settings = DEFAULT
) -> tuple[Work, list[tuple[Draft, GoldQuote]]]:
    """Run the speaker steps on the gold quotations of ``doc``; the work and each draft
    with its gold quotation."""
    from sayso.pipeline import PIPELINE

    profile = load(doc.lang)
    text, _ = clean(doc.text)
    seg = segment(text, profile.abbreviations, profile.months, settings.text)
    work = Work(seg, profile, settings, taggers(doc.lang))
    work.tagged = work.taggers.tag(seg)
    pairs = gold_drafts(seg, doc.quotes)
    work.drafts = [d for d, _ in pairs]
    for c in PIPELINE:
        if c.name in STEPS and c.applies(work):
            c.run(work)
    return work, pairs


def pct(a: int, b: int) -> float:
    return round(100.0 * a / b, 1) if b else 0.0


@dataclass(frozen=True, slots=True)
class OracleReport:
    """Mention accuracy of the speaker stage on gold quotations."""

    quotations: int
    with_speaker: int
    right: int
    abstained_right: int
    without_speaker: int
    per_form: dict[str, tuple[int, int]]
    #: expected calibration error of the ranker's confidence over its chosen speakers
    ece: float = 0.0

    def metrics(self) -> dict[str, float]:
        out = {
            "mention_accuracy": pct(self.right, self.with_speaker),
            "abstention_accuracy": pct(self.abstained_right, self.without_speaker),
            "confidence_ece": round(self.ece, 3),
        }
        for form, (r, n) in sorted(self.per_form.items()):
            out[f"mention_accuracy_{form}"] = pct(r, n)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": "oracle_quotes",
            "quotations": self.quotations,
            "with_speaker": self.with_speaker,
            "without_speaker": self.without_speaker,
            "metrics": self.metrics(),
        }


#: the ranker on; gold quotations are statements by definition: it may give a speaker to one the
#: rules left without (in a full analysis it does so only with a cue and surely, since
#: there such drafts are often no statement at all)
ORACLE_SETTINGS = replace(
    DEFAULT,
    speakers=replace(DEFAULT.speakers, ranker=True, add_min=0.0, add_needs_cue=False),
)


def evaluate(docs: Sequence[GoldDoc], settings: Settings = ORACLE_SETTINGS) -> OracleReport:
    """Mention accuracy over ``docs`` (see the module docstring)."""
    n = with_sp = right = abst = without = 0
    per_form: dict[str, list[int]] = {}
    judged: list[tuple[float, bool]] = []
    for doc in docs:
        work, pairs = oracle_work(doc, settings)
        for d, q in pairs:
            n += 1
            got = spans_of_speaker(work.seg, d)
            gold = q.roles["speaker"]
            form = (q.form or d.form).value
            if got and RULE in d.rules:
                judged.append((d.confidence, any(g.overlaps(x) for g in gold for x in got)))
            if not gold:
                without += 1
                abst += not got
                continue
            with_sp += 1
            ok = any(g.overlaps(x) for g in gold for x in got)
            right += ok
            tally = per_form.setdefault(form, [0, 0])
            tally[0] += ok
            tally[1] += 1
    probs = np.asarray([c for c, _ in judged], dtype=np.float64)
    right_ = np.asarray([float(ok) for _, ok in judged], dtype=np.float64)
    return OracleReport(
        n,
        with_sp,
        right,
        abst,
        without,
        {k: (v[0], v[1]) for k, v in per_form.items()},
        ece(probs, right_) if judged else 0.0,
    )
