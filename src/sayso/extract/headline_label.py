"""A source label that opens the text: "Huber: „Wer kürzer arbeitet, riskiert …“",
"Ministerium: Zahl der Anträge gesunken" — a German news headline names the source of
its first sentence before a colon (speaker guidelines, section 5: "a source label before a
colon"). The speaker-label rule of transcripts (:mod:`sayso.extract.direct`) takes the
rest of the paragraph; a headline's content ends with its sentence or at a dash
("Berger: „Die Brücke kommt“ – Opposition kündigt Widerstand an.").
"""

from __future__ import annotations

from sayso.extract.component import Stage, Work, component
from sayso.extract.draft import FINAL, Draft, Seg
from sayso.lang import LangProfile
from sayso.model import Form
from sayso.text.quotes import MARK_RE
from sayso.text.segment import Segmented

RULE = "rule.headline_label.v1"
#: a label has at most this many words ("Präsident Peña Nieto")
MAX_LABEL = 3
#: what ends a headline's content besides its sentence
DASHES = frozenset(("–", "—", "-"))


def _label(seg: Segmented, profile: LangProfile, colon: int) -> bool:
    """Is ``words[0:colon]`` a source: capitalised words, one of them a role noun or an
    actor head ("Stadträtin", "Vereinschef Berg", "Landesregierung", "Zeitung"), or a
    name the text repeats after a capitalised word ("Berger" … "Anna Berger")? A topic
    ("Hochwasser", "Kunstprojekt Nord") is none."""
    words = seg.words
    label = words[:colon]
    if not 1 <= len(label) <= MAX_LABEL or not all(w[:1].isupper() for w in label):
        return False
    if any(w.lower() in profile.determiners or w.lower() in profile.prepositions for w in label):
        return False
    if any(profile.is_role_noun(w) or profile.actor_kind_hint(w) is not None for w in label):
        return True
    last = label[-1]
    return any(
        words[i] == last and words[i - 1][:1].isupper() and words[i - 1] not in FINAL
        for i in range(colon + 2, len(words))
        if not seg.quote_depth[i]
    )


def headline_label(seg: Segmented, profile: LangProfile, drafts: list[Draft]) -> list[Draft]:
    """The statement of a text-initial source label: the label is its speaker and the
    colon its cue; a statement of the tagger in the content without a speaker takes them,
    else a new one covers the content. Returns the new drafts."""
    words = seg.words
    colon = next((j for j in range(min(len(words), MAX_LABEL + 1)) if words[j] == ":"), None)
    if colon is None or colon == 0 or not seg.sentences or not _label(seg, profile, colon):
        return []
    s = seg.sentence_of[min(colon + 1, len(words) - 1)]
    end = seg.sentences[s][1]
    lo = colon + 1
    stop = next(
        (k for k in range(lo + 1, end) if words[k] in DASHES and not seg.quote_depth[k]), end
    )
    while stop > lo and (words[stop - 1] in FINAL or words[stop - 1] in DASHES):
        stop -= 1
    if stop - lo < 2:
        return []
    speaker = [Seg(0, colon, "S", seg.sentence_of[0])]
    cue = [Seg(colon, colon + 1, "C", seg.sentence_of[colon])]
    inside = [d for d in drafts if lo <= d.a and d.b <= stop + 1]
    for d in inside:
        if not d.speaker and d.speaker_spans is None:
            d.speaker, d.cue = list(speaker), list(cue)
            d.rules.append(RULE)
    if inside:
        return []
    quoted = sum(1 for k in range(lo, stop) if seg.quote_depth[k] or MARK_RE.fullmatch(words[k]))
    direct = quoted >= 0.8 * (stop - lo)
    d = Draft(
        parts=[Seg(lo, stop, "direct" if direct else "indirect", s)],
        form=Form.DIRECT if direct else Form.INDIRECT,
        speaker=speaker,
        cue=cue,
        rules=[RULE],
    )
    return [d]


@component("extract.headline_label.v1", Stage.REFINE, requires=("headline_label",))
def refine_headline_label(w: Work) -> None:
    """A source label before a colon that opens the text is the speaker of what follows."""
    new = headline_label(w.seg, w.profile, w.drafts)
    if new:
        w.drafts += new
        w.drafts.sort(key=lambda d: (d.a, d.b))
