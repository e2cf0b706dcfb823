"""Harvest cue-verb, cue-noun and role-noun statistics from the train corpora.

Reproducible command (from the repository root)::

    .venv/bin/python tools/harvest_lexicon.py \
        --wikinews ../shared/data/wikinews-de/train \
        --polnear ../shared/data/polnear/train \
        --write

Without ``--write`` it only prints a report: the curated entries with their harvested
counts and, for curation, the most frequent gold cue and speaker-head words that no
curated entry covers yet.

How it works. The *curated* part lives in this file: the seed tables below list cue
verbs (with conjugation class, stance, complement frames and a fallback medium), cue
nouns and role nouns. Surface forms are generated from the seed (German: present,
preterite, participle, Konjunktiv I and II, zu-infinitive, split particle forms;
English: -s, -ed, -ing plus irregulars). The *harvested* part is computed from the
gold annotations of the train splits only (never dev or test):

- ``count``: number of gold annotations whose cue contains a form of the entry
  (German: wikinews-de; English: PolNeAR ``Cue`` spans);
- ``medium`` (German only, the English corpus has no medium): the most frequent gold
  medium of those annotations, falling back to the curated medium when unseen;
- ``frames`` (German): the curated frames plus ``direct`` / ``dass`` when a gold
  annotation of that form was seen with the entry as cue;
- role nouns: the curated list plus capitalised heads of gold speaker phrases that end
  in a curated role suffix (e.g. ``-sprecher``), with a minimum count.

Only single words and counts are written to the repository, never corpus sentences.
To add a verb, add it to the seed table and rerun with ``--write``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANG_DIR = ROOT / "src" / "sayso" / "lang"
DEFAULT_WIKINEWS = ROOT.parent / "shared" / "data" / "wikinews-de" / "train"
DEFAULT_POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train"

MEDIUM_MAP = {
    "Speech": "speech",
    "Writing": "writing",
    "Thought": "thought",
    "ST": "speech_thought",
    "SW": "speech_writing",
    "TW": "thought_writing",
}

# ---------------------------------------------------------------------------------------
# German seed
# ---------------------------------------------------------------------------------------
# lemma: separable verbs are written "particle|base" (an|kündigen).
# conj: "w" = weak (regular), or strong/irregular principal parts
#       "3sg present|preterite 3sg|participle (without particle)|Konjunktiv II 3sg".
# stance: n = neutral, d = distancing, e = endorsing.
# frames: letters: s = "dass", d = "direct", n = "np", v = "v2", z = "zu", o = "ob".
# medium: s/w/t/sw/st/tw -> speech, writing, thought, speech_writing, ...
DE_MEDIUM = {
    "s": "speech",
    "w": "writing",
    "t": "thought",
    "sw": "speech_writing",
    "st": "speech_thought",
    "tw": "thought_writing",
}
FRAME_CODES = {"s": "dass", "d": "direct", "n": "np", "v": "v2", "z": "zu", "o": "ob"}
STANCE_CODES = {"n": "neutral", "d": "distancing", "e": "endorsing"}

DE_VERBS: list[tuple[str, str, str, str, str]] = [
    # lemma, conj, stance, frames, medium
    ("sagen", "w", "n", "sdvn", "s"),
    ("erklären", "w", "n", "sdvn", "sw"),
    ("mit|teilen", "w", "n", "sdvn", "sw"),
    ("betonen", "w", "n", "sdvn", "s"),
    ("berichten", "w", "n", "sdvn", "sw"),
    ("an|kündigen", "w", "n", "sdnz", "sw"),
    ("fordern", "w", "n", "sdnvz", "s"),
    ("auf|fordern", "w", "n", "dz", "s"),
    ("kritisieren", "w", "n", "sdn", "s"),
    ("warnen", "w", "n", "sdvz", "s"),
    ("behaupten", "w", "d", "sdvz", "s"),
    ("bestreiten", "bestreitet|bestritt|bestritten|bestritte", "d", "sdnz", "s"),
    ("dementieren", "w", "d", "sdn", "s"),
    ("zurück|weisen", "weist|wies|gewiesen|wiese", "d", "sdn", "s"),
    ("bestätigen", "w", "e", "sdn", "s"),
    ("ein|räumen", "w", "e", "sdnv", "s"),
    ("zu|geben", "gibt|gab|gegeben|gäbe", "e", "sdnv", "s"),
    ("glauben", "w", "n", "sdvz", "t"),
    ("meinen", "w", "n", "sdv", "st"),
    ("vermuten", "w", "n", "sdv", "t"),
    ("schreiben", "schreibt|schrieb|geschrieben|schriebe", "n", "sdvn", "w"),
    ("twittern", "w", "n", "sdvn", "w"),
    ("posten", "w", "n", "sdn", "w"),
    ("verkünden", "w", "n", "sdn", "s"),
    ("versichern", "w", "n", "sdvz", "s"),
    ("äußern", "w", "n", "sdn", "s"),
    ("melden", "w", "n", "sdvn", "sw"),
    ("zitieren", "w", "n", "dn", "sw"),
    ("bezeichnen", "w", "n", "n", "s"),
    ("nennen", "nennt|nannte|genannt|nennte", "n", "n", "s"),
    ("begründen", "w", "n", "sdn", "s"),
    ("hoffen", "w", "n", "sdvz", "t"),
    ("befürchten", "w", "n", "sdvn", "t"),
    ("fürchten", "w", "n", "sdvn", "t"),
    ("beschuldigen", "w", "n", "n", "s"),
    ("vor|werfen", "wirft|warf|geworfen|würfe", "n", "sdnz", "s"),
    ("antworten", "w", "n", "sdv", "s"),
    ("entgegnen", "w", "n", "sdv", "s"),
    ("ergänzen", "w", "n", "sdv", "s"),
    ("hinzu|fügen", "w", "n", "sdv", "s"),
    ("erläutern", "w", "n", "sdn", "s"),
    ("fragen", "w", "n", "dno", "s"),
    ("kommentieren", "w", "n", "sdn", "s"),
    ("beklagen", "w", "n", "sdn", "s"),
    ("klagen", "w", "n", "sdv", "s"),
    ("argumentieren", "w", "n", "sdv", "s"),
    ("mahnen", "w", "n", "sdnz", "s"),
    ("appellieren", "w", "n", "dz", "s"),
    ("verlangen", "w", "n", "sdnz", "s"),
    ("bekräftigen", "w", "e", "sdn", "s"),
    ("unterstreichen", "unterstreicht|unterstrich|unterstrichen|unterstriche", "n", "sdn", "s"),
    ("würdigen", "w", "n", "dn", "s"),
    ("loben", "w", "n", "dn", "s"),
    ("bemängeln", "w", "n", "sdn", "s"),
    ("beteuern", "w", "n", "sdvz", "s"),
    ("erinnern", "w", "n", "sdn", "s"),
    ("schildern", "w", "n", "sdn", "s"),
    ("erzählen", "w", "n", "sdvn", "s"),
    ("verraten", "verrät|verriet|verraten|verriete", "n", "sdn", "s"),
    ("aus|führen", "w", "n", "sdv", "s"),
    ("dar|legen", "w", "n", "sdn", "s"),
    ("fest|stellen", "w", "n", "sdn", "st"),
    ("klar|stellen", "w", "n", "sdn", "s"),
    ("hin|weisen", "weist|wies|gewiesen|wiese", "n", "sd", "s"),
    ("bekannt|geben", "gibt|gab|gegeben|gäbe", "n", "sdn", "sw"),
    ("an|geben", "gibt|gab|gegeben|gäbe", "n", "sdvn", "sw"),
    ("auf|rufen", "ruft|rief|gerufen|riefe", "n", "dz", "s"),
    ("zu|sichern", "w", "n", "sdnz", "s"),
    ("zu|sagen", "w", "n", "sdnz", "s"),
    ("ab|lehnen", "w", "n", "nz", "s"),
    ("vor|schlagen", "schlägt|schlug|geschlagen|schlüge", "n", "sdnz", "s"),
    ("hervor|heben", "hebt|hob|gehoben|höbe", "n", "sdn", "s"),
    ("fest|halten", "hält|hielt|gehalten|hielte", "n", "sdn", "sw"),
    ("ein|wenden", "wendet|wandte|gewandt|wendete", "d", "sdv", "s"),
    ("an|prangern", "w", "n", "n", "s"),
    ("an|merken", "w", "n", "sdv", "s"),
    ("aus|schließen", "schließt|schloss|geschlossen|schlösse", "n", "sn", "s"),
    ("sprechen", "spricht|sprach|gesprochen|spräche", "n", "dn", "s"),
    ("widersprechen", "widerspricht|widersprach|widersprochen|widerspräche", "d", "sdn", "s"),
    ("denken", "denkt|dachte|gedacht|dächte", "n", "sdv", "t"),
    ("wissen", "weiß|wusste|gewusst|wüsste", "n", "so", "t"),
    ("finden", "findet|fand|gefunden|fände", "n", "sdv", "t"),
    ("rufen", "ruft|rief|gerufen|riefe", "n", "dn", "s"),
    ("raten", "rät|riet|geraten|riete", "n", "dz", "s"),
    ("empfehlen", "empfiehlt|empfahl|empfohlen|empföhle", "n", "dnz", "s"),
    ("beschließen", "beschließt|beschloss|beschlossen|beschlösse", "n", "snz", "sw"),
    ("versprechen", "verspricht|versprach|versprochen|verspräche", "n", "sdnz", "s"),
    ("bitten", "bittet|bat|gebeten|bäte", "n", "dz", "s"),
    ("beschreiben", "beschreibt|beschrieb|beschrieben|beschriebe", "n", "dn", "s"),
    ("heißen", "heißt|hieß|geheißen|hieße", "n", "sdv", "sw"),
    ("schätzen", "w", "n", "sdvn", "t"),
    ("erwarten", "w", "n", "sdvn", "t"),
    ("bezweifeln", "w", "d", "so", "t"),
    ("leugnen", "w", "d", "sdn", "s"),
    ("verneinen", "w", "d", "dn", "s"),
    ("präzisieren", "w", "n", "sdn", "s"),
    ("resümieren", "w", "n", "sdv", "s"),
    ("urteilen", "w", "n", "sdv", "s"),
    ("folgern", "w", "n", "sdv", "t"),
    ("spekulieren", "w", "n", "sdv", "st"),
    ("prognostizieren", "w", "n", "sdn", "s"),
    ("plädieren", "w", "n", "d", "s"),
    ("drohen", "w", "n", "dz", "s"),
    ("bedauern", "w", "n", "sdn", "s"),
    ("formulieren", "w", "n", "dn", "s"),
    ("bilanzieren", "w", "n", "sdv", "s"),
    ("verweisen", "verweist|verwies|verwiesen|verwiese", "n", "d", "s"),
    ("berichtigen", "w", "n", "dn", "s"),
    ("beschwichtigen", "w", "n", "dv", "s"),
    ("signalisieren", "w", "n", "sn", "s"),
    ("verlauten", "w", "n", "sv", "sw"),
    ("veröffentlichen", "w", "n", "n", "w"),
    ("ein|gestehen", "gesteht|gestand|gestanden|gestände", "e", "sdn", "s"),
    ("gestehen", "gesteht|gestand|gestanden|gestände", "e", "sdn", "s"),
    ("zurück|weisen", "weist|wies|gewiesen|wiese", "d", "sdn", "s"),
    ("bemerken", "w", "n", "sdv", "s"),
    ("ein|schätzen", "w", "n", "n", "t"),
    ("an|deuten", "w", "n", "sn", "s"),
    ("dementieren", "w", "d", "sdn", "s"),
    ("skandieren", "w", "n", "dn", "s"),
    ("entscheiden", "entscheidet|entschied|entschieden|entschiede", "n", "sn", "sw"),
    ("verkündigen", "w", "n", "sdn", "s"),
    ("berufen", "beruft|berief|berufen|beriefe", "n", "", "s"),
    ("wiederholen", "w", "n", "sdn", "s"),
    ("mutmaßen", "w", "d", "sdv", "t"),
    ("verdächtigen", "w", "n", "nz", "s"),
    ("beanstanden", "w", "n", "sn", "s"),
    ("empören", "w", "n", "sd", "s"),
    ("jubeln", "w", "n", "sd", "s"),
]

INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "wider", "unter", "über")


def _needs_e(stem: str) -> bool:
    """Stems in -t/-d or consonant + m/n take an epenthetic e (berichtet, leugnet)."""
    if stem.endswith(("t", "d")):
        return True
    return bool(re.search(r"(?:[^aeiouäöülrh]|ch)[mn]$", stem))


def _ge(base: str) -> str:
    return "" if base.endswith("ieren") or base.startswith(INSEPARABLE) else "ge"


@dataclass
class DeForms:
    finite: set[str] = field(default_factory=set)  # forms that can stand alone in V2
    participle: str = ""


def de_forms(base: str, conj: str) -> DeForms:
    """All forms of ``base`` (the verb without separable particle)."""
    out = DeForms()
    if base.endswith(("eln", "ern")):
        stem = base[:-1]  # forder, zweifel
        out.finite |= {stem + "e", stem + "st", stem + "t", base, stem + "te", stem + "ten"}
        out.finite |= {stem + "test", stem + "tet", stem + "est", stem + "et"}
        if base.endswith("eln"):
            out.finite.add(stem[:-2] + "le")  # zweifle
        out.participle = _ge(base) + stem + "t"
        return out
    stem = base[:-2] if base.endswith("en") else base[:-1]
    k1 = {stem + "e", stem + "est", stem + "en", stem + "et"}
    if conj == "w":
        e = "e" if _needs_e(stem) else ""
        out.finite |= {stem + "e", stem + e + "st", stem + e + "t", base}
        past = stem + e + "te"
        out.finite |= {past, past + "n", past + "st", past + "t"}
        out.finite |= k1
        out.participle = _ge(base) + stem + e + "t"
        return out
    p3, past, part, k2 = conj.split("|")
    out.finite |= {stem + "e", p3, base, stem + "t", past, k2}
    if p3.endswith("t") and not p3.endswith("et"):
        out.finite.add(p3[:-1] + "st")  # spricht -> sprichst
    out.finite |= {past + "n" if past.endswith("e") else past + "en"}
    out.finite |= {k2 + "n", k2 + "st", k2 + "t"}
    out.finite |= k1
    out.participle = part
    return out


@dataclass
class CueSeed:
    lemma: str
    forms: set[str]
    split_forms: set[str]
    particle: str | None
    stance: str
    frames: list[str]
    medium: str


def de_seed() -> list[CueSeed]:
    seeds: dict[str, CueSeed] = {}
    for raw, conj, stance, frames, medium in DE_VERBS:
        particle, _, base = raw.rpartition("|")
        lemma = particle + base
        forms = de_forms(base, conj)
        if particle:
            split = set(forms.finite)
            joined = {particle + f for f in forms.finite}  # subordinate: "als er ankündigte"
            all_forms = (
                split
                | joined
                | {
                    lemma,
                    particle + forms.participle,
                    particle + "zu" + base,
                }
            )
        else:
            split = set()
            all_forms = forms.finite | {base, forms.participle}
        seeds[lemma] = CueSeed(
            lemma=lemma,
            forms=all_forms,
            split_forms=split,
            particle=particle or None,
            stance=STANCE_CODES[stance],
            frames=[FRAME_CODES[c] for c in frames],
            medium=DE_MEDIUM[medium],
        )
    return list(seeds.values())


# ---------------------------------------------------------------------------------------
# English seed
# ---------------------------------------------------------------------------------------
# lemma, irregular forms ("" = regular), stance, frames, medium; particle verbs "point|out".
EN_VERBS: list[tuple[str, str, str, str, str]] = [
    ("say", "says said saying", "n", "sdvn", "s"),
    ("tell", "tells told telling", "n", "sdvn", "s"),
    ("add", "", "n", "sdv", "s"),
    ("claim", "", "d", "sdvz", "s"),
    ("argue", "", "n", "sdv", "s"),
    ("note", "", "n", "sdvn", "s"),
    ("write", "writes wrote written writing", "n", "sdvn", "w"),
    ("tweet", "", "n", "sdvn", "w"),
    ("post", "", "n", "sdn", "w"),
    ("announce", "", "n", "sdn", "sw"),
    ("warn", "", "n", "sdv", "s"),
    ("deny", "denies denied denying", "d", "sdn", "s"),
    ("confirm", "", "e", "sdn", "s"),
    ("admit", "admits admitted admitting", "e", "sdn", "s"),
    ("acknowledge", "", "e", "sdn", "s"),
    ("concede", "", "e", "sdv", "s"),
    ("reveal", "", "e", "sdn", "sw"),
    ("insist", "", "d", "sdv", "s"),
    ("allege", "", "d", "sn", "s"),
    ("believe", "", "n", "sv", "t"),
    ("think", "thinks thought thinking", "n", "sv", "t"),
    ("feel", "feels felt feeling", "n", "sv", "t"),
    ("know", "knows knew known knowing", "n", "s", "t"),
    ("hope", "", "n", "svz", "t"),
    ("fear", "", "n", "svn", "t"),
    ("worry", "worries worried worrying", "n", "sv", "t"),
    ("expect", "", "n", "snz", "t"),
    ("suspect", "", "n", "sv", "t"),
    ("doubt", "", "d", "sn", "t"),
    ("wonder", "", "n", "do", "t"),
    ("report", "", "n", "sdn", "sw"),
    ("state", "", "n", "sdn", "sw"),
    ("declare", "", "n", "sdn", "s"),
    ("suggest", "", "n", "sdvn", "s"),
    ("maintain", "", "d", "sdv", "s"),
    ("contend", "", "d", "sdv", "s"),
    ("assert", "", "d", "sdv", "s"),
    ("accuse", "", "n", "n", "s"),
    ("blame", "", "n", "n", "s"),
    ("criticize", "", "n", "dn", "s"),
    ("criticise", "", "n", "dn", "s"),
    ("complain", "", "n", "sdv", "s"),
    ("dispute", "", "d", "sn", "s"),
    ("reject", "", "d", "n", "s"),
    ("stress", "", "n", "sdv", "s"),
    ("emphasize", "", "n", "sdv", "s"),
    ("point|out", "", "n", "sdv", "s"),
    ("ask", "", "n", "dnoz", "s"),
    ("urge", "", "n", "dnz", "s"),
    ("call", "", "n", "dn", "s"),
    ("describe", "", "n", "dn", "s"),
    ("estimate", "", "n", "sn", "t"),
    ("predict", "", "n", "sdn", "s"),
    ("promise", "", "n", "sdnz", "s"),
    ("vow", "", "n", "sdz", "s"),
    ("pledge", "", "n", "sdnz", "s"),
    ("threaten", "", "n", "dz", "s"),
    ("respond", "", "n", "sd", "s"),
    ("reply", "replies replied replying", "n", "sd", "s"),
    ("answer", "", "n", "sdn", "s"),
    ("recall", "", "n", "sdvn", "s"),
    ("remark", "", "n", "sd", "s"),
    ("comment", "", "n", "sd", "s"),
    ("observe", "", "n", "sd", "s"),
    ("explain", "", "n", "sdvo", "s"),
    ("agree", "agrees agreed agreeing", "e", "sdz", "s"),
    ("conclude", "", "n", "sdn", "st"),
    ("find", "finds found finding", "n", "sn", "st"),
    ("indicate", "", "n", "sn", "s"),
    ("signal", "", "n", "sn", "s"),
    ("hint", "", "n", "s", "s"),
    ("reiterate", "", "n", "sdn", "s"),
    ("repeat", "", "n", "sdn", "s"),
    ("quip", "quips quipped quipping", "n", "sd", "s"),
    ("joke", "", "n", "sd", "s"),
    ("boast", "", "n", "sd", "s"),
    ("lament", "", "n", "sdn", "s"),
    ("scoff", "", "n", "d", "s"),
    ("mock", "", "n", "dn", "s"),
    ("slam", "slams slammed slamming", "n", "dn", "s"),
    ("blast", "", "n", "dn", "s"),
    ("praise", "", "n", "dn", "s"),
    ("tout", "", "n", "dn", "s"),
    ("hail", "", "n", "dn", "s"),
    ("defend", "", "n", "dn", "s"),
    ("counter", "", "n", "sd", "s"),
    ("retort", "", "n", "sd", "s"),
    ("demand", "", "n", "sdnz", "s"),
    ("recommend", "", "n", "sn", "sw"),
    ("propose", "", "n", "sn", "s"),
    ("disclose", "", "e", "sn", "sw"),
    ("cite", "", "n", "n", "sw"),
    ("quote", "", "n", "dn", "sw"),
    ("testify", "testifies testified testifying", "n", "sd", "s"),
    ("speak", "speaks spoke spoken speaking", "n", "d", "s"),
    ("mention", "", "n", "sn", "s"),
    ("express", "", "n", "n", "s"),
    ("endorse", "", "n", "n", "sw"),
    ("question", "", "d", "no", "s"),
    ("denounce", "", "n", "n", "s"),
    ("assure", "", "n", "sd", "s"),
    ("caution", "", "n", "sd", "s"),
    ("acknowledge", "", "e", "sdn", "s"),
    ("show", "shows showed shown showing", "n", "sn", "w"),
    ("declare", "", "n", "sdn", "s"),
    ("explain", "", "n", "sdvo", "s"),
    ("recount", "", "n", "sdn", "s"),
    ("proclaim", "", "n", "sdn", "s"),
    ("announce", "", "n", "sdn", "sw"),
    ("charge", "", "d", "sd", "s"),
    ("contend", "", "d", "sdv", "s"),
    ("speculate", "", "d", "sv", "st"),
    ("assume", "", "n", "s", "t"),
    ("reckon", "", "n", "sv", "t"),
    ("guess", "", "n", "sv", "t"),
]


def en_regular(lemma: str) -> set[str]:
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    return {lemma, third, past, ing}


def en_seed() -> list[CueSeed]:
    seeds: dict[str, CueSeed] = {}
    for raw, irregular, stance, frames, medium in EN_VERBS:
        base, _, particle = raw.partition("|")
        forms = {base, *irregular.split()} if irregular else en_regular(base)
        lemma = base + (" " + particle if particle else "")
        seeds[lemma] = CueSeed(
            lemma=lemma,
            forms=forms,
            split_forms=set(forms) if particle else set(),
            particle=particle or None,
            stance=STANCE_CODES[stance],
            frames=[FRAME_CODES[c] for c in frames],
            medium=DE_MEDIUM[medium],
        )
    return list(seeds.values())


# ---------------------------------------------------------------------------------------
# Nominal cues: lemma -> (other forms, fallback medium code). Forms are lowercase.
# ---------------------------------------------------------------------------------------
DE_NOUNS: dict[str, tuple[str, str]] = {
    "erklärung": ("erklärungen", "sw"),
    "angaben": ("angabe", "sw"),
    "worte": ("worten wort", "s"),
    "aussage": ("aussagen", "s"),
    "mitteilung": ("mitteilungen pressemitteilung pressemitteilungen", "w"),
    "bericht": ("berichten berichte berichts berichtes medienberichten medienbericht", "w"),
    "ansicht": ("ansichten", "t"),
    "meinung": ("meinungen", "t"),
    "einschätzung": ("einschätzungen", "t"),
    "interview": ("interviews", "s"),
    "auffassung": ("auffassungen", "t"),
    "informationen": ("information", "sw"),
    "darstellung": ("darstellungen", "sw"),
    "stellungnahme": ("stellungnahmen", "sw"),
    "äußerung": ("äußerungen", "s"),
    "forderung": ("forderungen", "s"),
    "kritik": ("", "s"),
    "warnung": ("warnungen", "s"),
    "vorwurf": ("vorwürfe vorwürfen vorwurfs", "s"),
    "ankündigung": ("ankündigungen", "s"),
    "rede": ("reden", "s"),
    "ansprache": ("ansprachen", "s"),
    "appell": ("appelle", "s"),
    "aufruf": ("aufrufe", "s"),
    "hinweis": ("hinweise hinweisen", "s"),
    "zitat": ("zitate", "sw"),
    "behauptung": ("behauptungen", "s"),
    "dementi": ("dementis", "s"),
    "bestätigung": ("", "s"),
    "überzeugung": ("", "t"),
    "befürchtung": ("befürchtungen", "t"),
    "hoffnung": ("hoffnungen", "t"),
    "sorge": ("sorgen", "t"),
    "verdacht": ("verdachts", "t"),
    "vermutung": ("vermutungen", "t"),
    "these": ("thesen", "sw"),
    "prognose": ("prognosen", "sw"),
    "schätzung": ("schätzungen", "t"),
    "fazit": ("", "sw"),
    "ergebnis": ("ergebnisse ergebnissen", "w"),
    "meldung": ("meldungen", "w"),
    "brief": ("briefe briefen", "w"),
    "schreiben": ("", "w"),
    "tweet": ("tweets", "w"),
    "post": ("posts", "w"),
    "beitrag": ("beiträge", "w"),
    "pressekonferenz": ("pressekonferenzen", "s"),
    "begründung": ("", "s"),
    "urteil": ("urteils", "sw"),
    "ziel": ("", "s"),
    "aufforderung": ("aufforderungen", "s"),
    "versprechen": ("", "s"),
    "zusage": ("zusagen", "s"),
    "bitte": ("", "s"),
    "antwort": ("antworten", "s"),
    "frage": ("fragen", "s"),
    "parole": ("parolen", "s"),
    "sprüche": ("spruch", "s"),
}
EN_NOUNS: dict[str, tuple[str, str]] = {
    "statement": ("statements", "sw"),
    "remarks": ("remark", "s"),
    "comments": ("comment", "s"),
    "interview": ("interviews", "s"),
    "report": ("reports", "w"),
    "speech": ("speeches", "s"),
    "address": ("", "s"),
    "announcement": ("announcements", "sw"),
    "claim": ("claims", "s"),
    "allegation": ("allegations", "s"),
    "accusation": ("accusations", "s"),
    "criticism": ("criticisms", "s"),
    "warning": ("warnings", "s"),
    "denial": ("denials", "s"),
    "confirmation": ("", "s"),
    "view": ("views", "t"),
    "opinion": ("opinions", "t"),
    "belief": ("beliefs", "t"),
    "assessment": ("assessments", "t"),
    "estimate": ("estimates", "t"),
    "prediction": ("predictions", "s"),
    "promise": ("promises", "s"),
    "pledge": ("pledges", "s"),
    "call": ("calls", "s"),
    "appeal": ("appeals", "s"),
    "demand": ("demands", "s"),
    "question": ("questions", "s"),
    "answer": ("answers", "s"),
    "response": ("responses", "s"),
    "tweet": ("tweets", "w"),
    "post": ("posts", "w"),
    "letter": ("letters", "w"),
    "email": ("emails e-mail e-mails", "w"),
    "memo": ("memos memorandum", "w"),
    "testimony": ("", "s"),
    "message": ("messages", "sw"),
    "argument": ("arguments", "s"),
    "suggestion": ("suggestions", "s"),
    "endorsement": ("endorsements", "sw"),
    "conference": ("press conference", "s"),
    "words": ("word", "s"),
    "quote": ("quotes", "sw"),
    "explanation": ("", "s"),
    "concern": ("concerns", "t"),
    "fear": ("fears", "t"),
    "hope": ("hopes", "t"),
    "op-ed": ("op-eds", "w"),
    "editorial": ("editorials", "w"),
    "ad": ("ads advertisement", "w"),
}


def _words(block: str) -> list[str]:
    return block.split()


# Role/title nouns (lowercase) curated on top of the harvested heads; suffix heads for
# German compounds. Harvested: capitalised speaker words ending in a suffix, count >= 2.
DE_ROLES = _words(
    """
sprecher sprecherin präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin
minister ministerin ministerpräsident ministerpräsidentin bürgermeister bürgermeisterin
oberbürgermeister polizeisprecher staatsanwalt staatsanwältin oberstaatsanwalt experte expertin
politologe politologin vorsitzende vorsitzender chef chefin direktor direktorin leiter leiterin
geschäftsführer geschäftsführerin vorstand vorstandschef sekretär sekretärin generalsekretär
abgeordnete abgeordneter senator senatorin gouverneur gouverneurin botschafter botschafterin
richter richterin anwalt anwältin rechtsanwalt verteidiger verteidigerin ankläger bischof
papst kardinal pfarrer general kommandeur offizier oberst admiral könig königin prinz
fürst premier premierminister premierministerin regierungschef regierungschefin
staatschef staatsoberhaupt parteichef fraktionschef wissenschaftler wissenschaftlerin
forscher forscherin professor professorin arzt ärztin analyst analystin ökonom ökonomin
historiker journalist journalistin reporter korrespondent korrespondentin autor autorin
trainer trainerin kapitän manager managerin gründer gründerin inhaber eigentümer
vertreter vertreterin beauftragte beauftragter ermittler ermittlerin kommissar kommissarin
staatssekretär staatssekretärin referent referentin berater beraterin vize
landrat landrätin stadtrat ratsherr sprecherin bundespräsident bundespräsidentin
außenminister außenministerin innenminister innenministerin verteidigungsminister
finanzminister justizminister gesundheitsminister umweltminister wirtschaftsminister
regierungssprecher regierungssprecherin pressesprecher pressesprecherin
parteisprecher konzernsprecher unternehmenssprecher polizeichef polizeipräsident
"""
)
DE_ROLE_SUFFIXES = _words(
    """
sprecher sprecherin minister ministerin chef chefin präsident präsidentin direktor
direktorin leiter leiterin vorsitzende vorsitzender sekretär sekretärin kanzler
kanzlerin bürgermeister experte expertin beauftragte beauftragter führer führerin
anwalt anwältin politiker politikerin wissenschaftler forscher forscherin kommissar
kommissarin berater beraterin manager managerin ökonom ökonomin analyst analystin
vertreter vertreterin ermittler journalist korrespondent reporter richter richterin
mediziner medizinerin trainer professor professorin ologe ologin
"""
)
EN_ROLES = _words(
    """
spokesman spokeswoman spokesperson minister president senator official representative
congressman congresswoman governor mayor chairman chairwoman chair secretary director
chief executive ceo cfo founder leader lawmaker legislator ambassador diplomat judge
justice attorney lawyer prosecutor counsel general commander colonel officer sheriff
chancellor premier king queen prince pope bishop cardinal pastor reverend professor
scientist researcher economist analyst expert strategist adviser advisor aide consultant
pollster historian journalist reporter correspondent editor columnist author anchor
host commentator candidate nominee chairperson manager coach captain owner partner
treasurer commissioner inspector investigator negotiator envoy delegate vice-president
speaker whip lieutenant deputy administrator superintendent chaplain activist organizer
organiser campaigner surrogate staffer operative
"""
)
EN_ROLE_SUFFIXES: list[str] = []

# ---------------------------------------------------------------------------------------
# Corpus readers (train only)
# ---------------------------------------------------------------------------------------
WORD = re.compile(r"[\wÄÖÜäöüß-]+")


@dataclass
class GoldCue:
    words: list[str]  # lowercased cue words
    medium: str | None
    direct: bool
    dass: bool


def read_wikinews(folder: Path) -> tuple[list[GoldCue], Counter[str]]:
    """Gold cues, and capitalised last words of gold speaker spans (head candidates)."""
    cues: list[GoldCue] = []
    heads: Counter[str] = Counter()
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text: str = doc["originalText"]
        for ann in doc["annotations"]:
            words = [
                w.lower()
                for s in ann["cue"]["spans"]
                for w in WORD.findall(text[s["charBegin"] : s["charEnd"]])
            ]
            quote = ann["quote"]["text"].lstrip(" ,„“\"'")
            cues.append(
                GoldCue(
                    words=words,
                    medium=MEDIUM_MAP.get(ann.get("medium") or ""),
                    direct=ann.get("type") == "Direct",
                    dass=quote.lower().startswith("dass "),
                )
            )
            for s in ann["speaker"]["spans"]:
                for w in WORD.findall(text[s["charBegin"] : s["charEnd"]]):
                    if w[:1].isupper():
                        heads[w] += 1
    return cues, heads


def read_polnear(folder: Path) -> tuple[list[GoldCue], Counter[str]]:
    cues: list[GoldCue] = []
    heads: Counter[str] = Counter()
    for path in sorted((folder / "attributions").glob("*.ann")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[0].startswith("T"):
                continue
            kind = parts[1].split()[0]
            words = [w.lower() for w in WORD.findall(parts[2])]
            if kind == "Cue":
                cues.append(GoldCue(words=words, medium=None, direct=False, dass=False))
            elif kind == "Source" and words:
                heads[words[-1]] += 1
    return cues, heads


# ---------------------------------------------------------------------------------------
# Merge
# ---------------------------------------------------------------------------------------
def harvest_cues(
    seeds: list[CueSeed], gold: list[GoldCue]
) -> tuple[dict[str, dict[str, object]], Counter[str]]:
    index: dict[str, list[CueSeed]] = defaultdict(list)
    for seed in seeds:
        for f in seed.forms:
            index[f].append(seed)
    by_lemma = {seed.lemma: seed for seed in seeds}
    counts: Counter[str] = Counter()
    media: dict[str, Counter[str]] = defaultdict(Counter)
    frames: dict[str, set[str]] = defaultdict(set)
    unmatched: Counter[str] = Counter()
    for g in gold:
        matched: set[str] = set()
        for w in g.words:
            cands = index.get(w, [])
            # a split form counts for a particle verb only when its particle is in the cue
            for seed in cands:
                if seed.particle and w in seed.split_forms and seed.particle not in g.words:
                    continue
                matched.add(seed.lemma)
            if not cands:
                unmatched[w] += 1
        # prefer particle verbs whose particle was seen over the bare verb ("teilte mit")
        with_particle = {lem for lem in matched if by_lemma[lem].particle}
        if with_particle:
            matched = with_particle
        for lem in matched:
            counts[lem] += 1
            if g.medium:
                media[lem][g.medium] += 1
            if g.direct:
                frames[lem].add("direct")
            if g.dass:
                frames[lem].add("dass")
    out: dict[str, dict[str, object]] = {}
    order = sorted(seeds, key=lambda s: (-counts[s.lemma], s.lemma))
    for seed in order:
        medium = media[seed.lemma].most_common(1)[0][0] if media[seed.lemma] else seed.medium
        frame_list = list(dict.fromkeys([*seed.frames, *sorted(frames[seed.lemma])]))
        out[seed.lemma] = {
            "forms": sorted(seed.forms),
            "split_forms": sorted(seed.split_forms),
            "particle": seed.particle,
            "medium": medium,
            "stance": seed.stance,
            "frames": frame_list,
            "count": counts[seed.lemma],
        }
    return out, unmatched


DOC_DE = (
    "German cue verbs keyed by lemma. forms: all lowercase surface forms (present, "
    "preterite, participle, Konjunktiv I/II; for separable verbs also the joined forms "
    "'ankündigte', 'angekündigt', 'anzukündigen'). split_forms: finite forms that count "
    "only when the separable particle stands later in the clause ('kündigte ... an'). "
    "particle: separable particle or null. medium: most frequent gold medium in "
    "wikinews-de train (curated fallback when unseen). stance: neutral|distancing|"
    "endorsing. frames: complements the verb takes: dass, direct, np, v2 (bare "
    "Konjunktiv clause), zu, ob. count: gold cue annotations in train. Generated by "
    "tools/harvest_lexicon.py; edit the seed table there, not this file."
)
DOC_EN = (
    "English cue verbs keyed by lemma ('point out' for particle verbs). forms: lowercase "
    "surface forms (-s, -ed, -ing, irregulars). split_forms: forms that need the particle "
    "in the clause. particle: particle or null. medium: curated (PolNeAR has no medium). "
    "stance: neutral|distancing|endorsing. frames: dass (= that-clause), direct, np, v2 "
    "(bare clause), zu (to-infinitive), ob (whether/if). count: gold PolNeAR train Cue "
    "spans containing a form. Generated by tools/harvest_lexicon.py; edit the seed there."
)


def harvest_nouns(
    seeds: dict[str, tuple[str, str]], gold: list[GoldCue]
) -> dict[str, dict[str, object]]:
    index: dict[str, str] = {}
    for lemma, (forms, _) in seeds.items():
        for f in [lemma, *forms.split()]:
            index.setdefault(f, lemma)
    counts: Counter[str] = Counter()
    media: dict[str, Counter[str]] = defaultdict(Counter)
    for g in gold:
        for lemma in {index[w] for w in g.words if w in index}:
            counts[lemma] += 1
            if g.medium:
                media[lemma][g.medium] += 1
    out: dict[str, dict[str, object]] = {}
    for lemma in sorted(seeds, key=lambda k: (-counts[k], k)):
        forms, medium = seeds[lemma]
        seen = media[lemma].most_common(1)
        out[lemma] = {
            "forms": sorted({lemma, *forms.split()}),
            "medium": seen[0][0] if seen else DE_MEDIUM[medium],
            "count": counts[lemma],
        }
    return out


def harvest_roles(
    curated: list[str], suffixes: list[str], heads: Counter[str], min_count: int = 2
) -> dict[str, int]:
    """Curated role nouns plus gold speaker words ending in a role suffix, with counts."""
    lowered: Counter[str] = Counter()
    for w, n in heads.items():
        lowered[w.lower()] += n
    found = set(curated)
    for w, n in lowered.items():
        if (
            n >= min_count
            and w.isalpha()
            and any(w.endswith(suf) and len(w) > len(suf) + 2 for suf in suffixes)
        ):
            found.add(w)
    return {w: lowered[w] for w in sorted(found, key=lambda x: (-lowered[x], x))}


DOC_NOUNS = (
    "Nouns that act as cues, keyed by lemma: forms (lowercase, incl. plural/dative), "
    "medium (most frequent gold medium in train for German, curated for English and "
    "when unseen), count (gold cue annotations in train containing a form; German "
    "wikinews-de, English PolNeAR). Generated by tools/harvest_lexicon.py."
)
DOC_ROLES = (
    "Role/title nouns. nouns: lowercase noun -> count as a capitalised (German) or last "
    "(English) word of a gold speaker phrase in train; curated nouns may have count 0. "
    "suffixes: compound heads: a word ending in one (with at least 3 letters before it) "
    "is a role noun ('Polizeisprecher', 'Außenministerin'). inflections: [suffix, "
    "replacement] pairs tried to reduce an inflected noun to a listed form ('Sprechers' "
    "-> 'sprecher', 'spokesmen' -> 'spokesman'); sayso.lang also uses them for actor "
    "heads. Generated by tools/harvest_lexicon.py."
)
DE_INFLECTIONS = [
    ["innen", ""],
    ["in", ""],
    ["ns", ""],
    ["en", ""],
    ["es", ""],
    ["n", ""],
    ["s", ""],
]
EN_INFLECTIONS = [["men", "man"], ["women", "woman"], ["ies", "y"], ["es", ""], ["s", ""]]


def write_json(path: Path, data: dict[str, object]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wikinews", type=Path, default=DEFAULT_WIKINEWS)
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    ap.add_argument("--write", action="store_true", help="write the JSON files")
    ap.add_argument("--top", type=int, default=40, help="unmatched words to report")
    args = ap.parse_args(list(argv) if argv is not None else None)

    for folder in (args.wikinews, args.polnear):
        if not folder.is_dir():
            print(f"corpus folder not found: {folder}", file=sys.stderr)
            return 2

    de_gold, de_heads = read_wikinews(args.wikinews)
    en_gold, en_heads = read_polnear(args.polnear)
    de_cues, de_unmatched = harvest_cues(de_seed(), de_gold)
    en_cues, en_unmatched = harvest_cues(en_seed(), en_gold)

    for lang, cues, unmatched, heads in (
        ("de", de_cues, de_unmatched, de_heads),
        ("en", en_cues, en_unmatched, en_heads),
    ):
        print(f"== {lang}: {len(cues)} cue lemmas")
        for lemma, e in list(cues.items())[:25]:
            print(f"  {lemma:20} {e['count']:5} {e['medium']}")
        print(f"  unmatched cue words: {list(_top(unmatched, args.top))}")
        print(f"  speaker words: {list(_top(heads, args.top))}")

    if args.write:
        write_json(LANG_DIR / "de" / "cues.json", {"_doc": DOC_DE, **de_cues})
        write_json(LANG_DIR / "en" / "cues.json", {"_doc": DOC_EN, **en_cues})
        write_json(
            LANG_DIR / "de" / "nominal_cues.json",
            {"_doc": DOC_NOUNS, **harvest_nouns(DE_NOUNS, de_gold)},
        )
        write_json(
            LANG_DIR / "en" / "nominal_cues.json",
            {"_doc": DOC_NOUNS, **harvest_nouns(EN_NOUNS, en_gold)},
        )
        write_json(
            LANG_DIR / "de" / "roles.json",
            {
                "_doc": DOC_ROLES,
                "nouns": harvest_roles(DE_ROLES, DE_ROLE_SUFFIXES, de_heads),
                "suffixes": sorted(set(DE_ROLE_SUFFIXES)),
                "inflections": DE_INFLECTIONS,
            },
        )
        write_json(
            LANG_DIR / "en" / "roles.json",
            {
                "_doc": DOC_ROLES,
                "nouns": harvest_roles(EN_ROLES, EN_ROLE_SUFFIXES, en_heads),
                "suffixes": sorted(set(EN_ROLE_SUFFIXES)),
                "inflections": EN_INFLECTIONS,
            },
        )
        print("wrote cues.json, nominal_cues.json, roles.json for de and en")
    return 0


def _top(counter: Counter[str], n: int) -> Iterator[tuple[str, int]]:
    yield from counter.most_common(n)


if __name__ == "__main__":
    raise SystemExit(main())
