"""Harvest cue-verb, cue-noun and role-noun statistics from the train corpora.

Reproducible command (from the repository root)::

    .venv/bin/python tools/harvest_lexicon.py \
        --wikinews ../shared/data/wikinews-de/train \
        --polnear ../shared/data/polnear/train \
        --write

Without ``--write`` it only prints a report: the curated entries with their harvested
counts and, for curation, the most frequent gold cue and speaker-head words that no
curated entry covers yet.

How it works. The *curated* part lives in ``tools/harvest_seeds/`` (``de.json``,
``en.json``, and ``common.json`` for the codes they share; each says what its lists are
under ``_doc``): cue verbs (with conjugation class, stance, complement frames and a
fallback medium), cue nouns and role nouns. Surface forms are generated from the seed
(German: present, preterite, participle, Konjunktiv I and II, zu-infinitive, split
particle forms; English: -s, -ed, -ing plus irregulars). The *harvested* part is computed from the
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
To add a verb, add it to the seed file and rerun with ``--write`` (``--out DIR`` writes
the files under DIR/de and DIR/en instead of ``src/sayso/lang``).
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LANG_DIR = ROOT / "src" / "sayso" / "lang"
DEFAULT_WIKINEWS = ROOT.parent / "shared" / "data" / "wikinews-de" / "train"
DEFAULT_POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train"

SEED_DIR = Path(__file__).resolve().parent / "harvest_seeds"


def _load_seed(name: str) -> dict[str, Any]:
    """One seed file of ``tools/harvest_seeds`` (see the ``_doc`` key of each)."""
    data: dict[str, Any] = json.loads((SEED_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return data


COMMON = _load_seed("common")
DE = _load_seed("de")
EN = _load_seed("en")

#: wikinews-de medium labels -> the lexicon's medium names
MEDIUM_MAP: dict[str, str] = COMMON["wikinews_medium"]
#: the one-letter codes of the seed tables (see common.json)
MEDIUM_CODES: dict[str, str] = COMMON["medium_codes"]
FRAME_CODES: dict[str, str] = COMMON["frame_codes"]
STANCE_CODES: dict[str, str] = COMMON["stance_codes"]

# ---------------------------------------------------------------------------------------
# German seed
# ---------------------------------------------------------------------------------------
DE_VERBS: list[list[str]] = DE["verbs"]
INSEPARABLE = tuple(DE["inseparable_prefixes"])


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


def _unique(seeds: dict[str, CueSeed], lemma: str, lang: str) -> None:
    """A verb listed twice would silently take the second row's stance and frames."""
    if lemma in seeds:
        raise ValueError(f"{lemma!r} is listed twice in tools/harvest_seeds/{lang}.json")


def de_seed() -> list[CueSeed]:
    seeds: dict[str, CueSeed] = {}
    for raw, conj, stance, frames, medium in DE_VERBS:
        particle, _, base = raw.rpartition("|")
        lemma = particle + base
        _unique(seeds, lemma, "de")
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
            medium=MEDIUM_CODES[medium],
        )
    return list(seeds.values())


# ---------------------------------------------------------------------------------------
# English seed
# ---------------------------------------------------------------------------------------
EN_VERBS: list[list[str]] = EN["verbs"]


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
        _unique(seeds, lemma, "en")
        seeds[lemma] = CueSeed(
            lemma=lemma,
            forms=forms,
            split_forms=set(forms) if particle else set(),
            particle=particle or None,
            stance=STANCE_CODES[stance],
            frames=[FRAME_CODES[c] for c in frames],
            medium=MEDIUM_CODES[medium],
        )
    return list(seeds.values())


# Nominal cues (lemma -> [other forms, fallback medium code]) and role nouns
DE_NOUNS: dict[str, list[str]] = DE["nouns"]
EN_NOUNS: dict[str, list[str]] = EN["nouns"]
DE_ROLES: list[str] = DE["roles"]
DE_ROLE_SUFFIXES: list[str] = DE["role_suffixes"]
EN_ROLES: list[str] = EN["roles"]
EN_ROLE_SUFFIXES: list[str] = EN["role_suffixes"]

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


DOC_DE: str = DE["cues_doc"]
DOC_EN: str = EN["cues_doc"]


def harvest_nouns(seeds: dict[str, list[str]], gold: list[GoldCue]) -> dict[str, dict[str, object]]:
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
            "medium": seen[0][0] if seen else MEDIUM_CODES[medium],
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


DOC_NOUNS: str = COMMON["nominal_cues_doc"]
DOC_ROLES: str = COMMON["roles_doc"]
DE_INFLECTIONS: list[list[str]] = DE["inflections"]
EN_INFLECTIONS: list[list[str]] = EN["inflections"]


def write_json(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wikinews", type=Path, default=DEFAULT_WIKINEWS)
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    ap.add_argument("--write", action="store_true", help="write the JSON files")
    ap.add_argument("--out", type=Path, default=LANG_DIR, help="where --write writes")
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
        write_json(args.out / "de" / "cues.json", {"_doc": DOC_DE, **de_cues})
        write_json(args.out / "en" / "cues.json", {"_doc": DOC_EN, **en_cues})
        write_json(
            args.out / "de" / "nominal_cues.json",
            {"_doc": DOC_NOUNS, **harvest_nouns(DE_NOUNS, de_gold)},
        )
        write_json(
            args.out / "en" / "nominal_cues.json",
            {"_doc": DOC_NOUNS, **harvest_nouns(EN_NOUNS, en_gold)},
        )
        write_json(
            args.out / "de" / "roles.json",
            {
                "_doc": DOC_ROLES,
                "nouns": harvest_roles(DE_ROLES, DE_ROLE_SUFFIXES, de_heads),
                "suffixes": sorted(set(DE_ROLE_SUFFIXES)),
                "inflections": DE_INFLECTIONS,
            },
        )
        write_json(
            args.out / "en" / "roles.json",
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
