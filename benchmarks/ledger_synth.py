"""The synthetic ledger of ``benchmarks/ledger_scale.py``: German and English statements
built from the templates and word lists of ``benchmarks/ledger_words.json`` (no corpus
text), ~40 outlets, ~20k actors with a Zipf-like speaker distribution and transliterated
spellings ("Selenskyj"/"Zelensky"), framing at realistic rates, agency copy (~20 % of
statements are appearances of a claim printed by 2–20 outlets), dates over two years.

``Generator(n, seed).generate()`` gives every row of the ledger as tuples in the tables'
column order (``Data``); ``ledger_load`` writes them. The same seed gives the same ledger.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from sayso.ledger.claims import normalise
from sayso.ledger.identity import name_key

# --- word lists ------------------------------------------------------------------------

#: the word lists and templates (see the file's "_doc"); lists are drawn by index, so their
#: order is part of what a seed generates
WORDS: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent / "ledger_words.json").read_text(encoding="utf-8")
)
OUTLETS: dict[str, list[str]] = WORDS["outlets"]
FIRST: dict[str, list[str]] = WORDS["first"]
LAST: dict[str, list[str]] = WORDS["last"]
#: people whose names are transliterated: [German spelling, English spelling, role de, en]
FAMOUS: list[list[str]] = WORDS["famous"]
ROLES: dict[str, list[str]] = WORDS["roles"]
ORG_PATTERNS: dict[str, list[str]] = WORDS["org_patterns"]
ORG_TOPICS: dict[str, list[str]] = WORDS["org_topics"]
CITIES: list[str] = WORDS["cities"]
ANONYMOUS: dict[str, list[str]] = WORDS["anonymous"]
#: English nouns of two words ("weapons deliveries") are one entry
NOUNS: dict[str, list[str]] = WORDS["nouns"]
VERBS: dict[str, list[list[str]]] = WORDS["verbs"]  # [infinitive, participle]
ADJECTIVES: dict[str, list[str]] = WORDS["adjectives"]
PLACES: dict[str, list[str]] = WORDS["places"]
WHEN: dict[str, list[str]] = WORDS["when"]
#: content templates: direct quotations and indirect reports
DIRECT: dict[str, list[str]] = WORDS["direct"]
INDIRECT: dict[str, list[str]] = WORDS["indirect"]
#: openers and reasons added to own reporting: a template seldom repeats word for word
OPENERS: dict[str, list[str]] = WORDS["openers"]
REASONS: dict[str, list[str]] = WORDS["reasons"]
CUES: dict[str, list[str]] = WORDS["cues"]
HEARSAY_CUE: dict[str, str] = WORDS["hearsay_cue"]
FILLER: dict[str, list[str]] = WORDS["filler"]
TITLES: dict[str, list[str]] = WORDS["titles"]
SECTIONS: list[str] = WORDS["sections"]

#: share of documents per language
LANG_SHARE = {"de": 0.6, "en": 0.4}
# framing rates per statement
P_HEARSAY, P_HEDGED = 0.10, 0.08
P_DISTANCING, P_ENDORSING = 0.05, 0.03
P_DENIED, P_CONFIRMED, P_UNCONFIRMED = 0.02, 0.05, 0.08
P_ANONYMOUS = 0.06
#: share of statements that are agency copy (a claim printed by 2–20 outlets)
P_AGENCY = 0.20


def _nouns(lang: str) -> list[str]:
    return list(NOUNS[lang])


# --- generation ----------------------------------------------------------------------


@dataclass
class GenActor:
    id: int
    name: str  # canonical (German spelling for the famous)
    kind: str
    key: str
    surname: str | None
    role_de: str | None
    role_en: str | None
    spellings: dict[str, str] = field(default_factory=dict)  # lang -> name as written
    short: str | None = None  # surname as written, for later mentions


@dataclass
class Data:
    """Every row of the generated ledger, as tuples in the tables' column order."""

    documents: list[tuple[Any, ...]] = field(default_factory=list)
    actors: list[tuple[Any, ...]] = field(default_factory=list)
    document_actors: list[tuple[Any, ...]] = field(default_factory=list)
    statements: list[tuple[Any, ...]] = field(default_factory=list)
    relations: list[tuple[Any, ...]] = field(default_factory=list)
    claims: list[tuple[Any, ...]] = field(default_factory=list)
    people: list[GenActor] = field(default_factory=list)  # the speakers, by Zipf rank
    run: tuple[Any, ...] = ()


def _content_id(text_: str) -> str:
    """ingest's content id (sayso.ingest.content_id), inlined for speed: same result."""
    norm = " ".join(unicodedata.normalize("NFC", text_).split())
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()


class Generator:
    def __init__(self, n_statements: int, seed: int = 1, n_actors: int = 20_000) -> None:
        self.n = n_statements
        self.rng = random.Random(seed)
        self.n_actors = n_actors
        self.start = dt.date(2024, 1, 1)
        self.days = 731
        self.now = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)
        self.nouns = {lang: _nouns(lang) for lang in ("de", "en")}
        self.outlets = {lang: list(OUTLETS[lang]) for lang in ("de", "en")}
        # outlets are read unevenly: Zipf over each language's list
        self.outlet_cum = {
            lang: list(accumulate(1 / (r + 1) ** 0.8 for r in range(len(self.outlets[lang]))))
            for lang in ("de", "en")
        }
        self.data = Data()
        self.claim_index: dict[str, list[Any]] = {}  # key -> [id, text, lang, n, first, last]
        self.actor_id = 0
        self.statement_id = 0
        self.relation_id = 0
        self.doc_no = 0

    # actors ---------------------------------------------------------------------------

    def _new_actor(self, **kw: Any) -> GenActor:
        self.actor_id += 1
        return GenActor(id=self.actor_id, **kw)

    def make_actors(self) -> None:
        rng = self.rng
        seen: set[tuple[str, str]] = set()
        people: list[GenActor] = []
        for de_name, en_name, role_de, role_en in FAMOUS:
            key = name_key(de_name)
            assert key == name_key(en_name), (de_name, en_name)
            a = self._new_actor(
                name=de_name, kind="person", key=key, surname=key.split()[-1],
                role_de=role_de, role_en=role_en, spellings={"de": de_name, "en": en_name},
            )  # fmt: skip
            a.short = de_name.split()[-1]
            seen.add((key, "person"))
            people.append(a)
        n_orgs = self.n_actors // 5
        while len(people) < self.n_actors - n_orgs:
            lang = "de" if rng.random() < 0.6 else "en"
            name = f"{rng.choice(FIRST[lang])} {rng.choice(LAST[lang])}"
            if rng.random() < 0.3:  # double surnames, middle initials: more distinct names
                name = (
                    f"{name}-{rng.choice(LAST[lang])}"
                    if lang == "de"
                    else name.replace(" ", f" {rng.choice('ABCDEFGHJKLMNPRSTW')}. ", 1)
                )
            key = name_key(name)
            if (key, "person") in seen:
                continue
            seen.add((key, "person"))
            role = rng.choice(ROLES[lang])
            a = self._new_actor(
                name=name, kind="person", key=key, surname=key.split()[-1],
                role_de=role if lang == "de" else None, role_en=role if lang == "en" else None,
                spellings={"de": name, "en": name},
            )  # fmt: skip
            a.short = name.split()[-1]
            people.append(a)
        tries = 0
        while len(people) < self.n_actors and tries < 10 * self.n_actors:
            tries += 1
            lang = "de" if rng.random() < 0.6 else "en"
            name = rng.choice(ORG_PATTERNS[lang]).format(
                topic=rng.choice(ORG_TOPICS[lang]),
                last=rng.choice(LAST[lang]),
                last2=rng.choice(LAST[lang]),
                city=rng.choice(CITIES),
            )
            key = name_key(name)
            if (key, "organization") in seen:
                continue
            seen.add((key, "organization"))
            people.append(
                self._new_actor(
                    name=name,
                    kind="organization",
                    key=key,
                    surname=None,
                    role_de=None,
                    role_en=None,
                    spellings={"de": name, "en": name},
                )
            )
        # Zipf-like speaker ranks: the famous first, the rest shuffled
        head, tail = people[: len(FAMOUS)], people[len(FAMOUS) :]
        rng.shuffle(tail)
        self.data.people = head + tail
        self.speaker_cum = list(
            accumulate(1 / (r + 1) ** 1.0 for r in range(len(self.data.people)))
        )
        for a in self.data.people:
            aliases = sorted(set(a.spellings.values()) - {a.name})
            self.data.actors.append(
                (a.id, a.name, a.key, a.kind, a.role_de or a.role_en, aliases,
                 self.now - dt.timedelta(days=800), a.surname, None)
            )  # fmt: skip

    def speaker(self) -> GenActor:
        cum = self.speaker_cum
        return self.data.people[bisect.bisect(cum, self.rng.random() * cum[-1])]

    # statements -----------------------------------------------------------------------

    def fill(self, template: str, lang: str) -> str:
        rng = self.rng
        inf, pp = rng.choice(VERBS[lang])
        nouns = self.nouns[lang]
        # nouns are Zipf-ish too: some topics dominate the news
        n = nouns[min(int(rng.paretovariate(1.0)) - 1, len(nouns) - 1) if rng.random() < 0.5
                  else rng.randrange(len(nouns))]  # fmt: skip
        return template.format(
            n=n, n2=rng.choice(nouns), v=inf, vp=pp, adj=rng.choice(ADJECTIVES[lang]),
            place=rng.choice(PLACES[lang]), when=rng.choice(WHEN[lang]),
            num=rng.randrange(2, 41), name="",
        )  # fmt: skip

    def statement_spec(self, lang: str) -> dict[str, Any]:
        """What one statement says and how it is framed (placed into a document later)."""
        rng = self.rng
        r = rng.random()
        form = "direct" if r < 0.5 else "indirect" if r < 0.88 else "reported"
        if rng.random() < P_ANONYMOUS:
            speaker: GenActor | str = rng.choice(ANONYMOUS[lang])
        else:
            speaker = self.speaker()
        templates = DIRECT[lang] if form == "direct" else INDIRECT[lang]
        content = self.fill(rng.choice(templates), lang)
        if rng.random() < 0.85:  # own words: an opener and/or a reason
            if rng.random() < 0.5 and form == "direct":
                opener = rng.choice(OPENERS[lang])
                content = f"{opener} {content[0].lower() if lang == 'en' else content[0]}" + (
                    content[1:])  # fmt: skip
            content = f"{content}, {self.fill(rng.choice(REASONS[lang]), lang)}"
        hearsay = rng.random() < P_HEARSAY or (isinstance(speaker, str) and rng.random() < 0.5)
        r = rng.random()
        stance = (
            "distancing" if r < P_DISTANCING
            else "endorsing" if r < P_DISTANCING + P_ENDORSING else "neutral"
        )  # fmt: skip
        r = rng.random()
        confirmation = (
            "denied" if r < P_DENIED
            else "confirmed" if r < P_DENIED + P_CONFIRMED
            else "unconfirmed" if r < P_DENIED + P_CONFIRMED + P_UNCONFIRMED else "unknown"
        )  # fmt: skip
        return {
            "form": form,
            "speaker": speaker,
            "content": content,
            "hearsay": hearsay,
            "hedged": rng.random() < P_HEDGED,
            "stance": stance,
            "confirmation": confirmation,
            "medium": rng.choices(["speech", "writing", "unknown"], [0.7, 0.2, 0.1])[0],
            "cue": HEARSAY_CUE[lang] if hearsay else rng.choice(CUES[lang]),
            "confidence": round(rng.uniform(0.55, 1.0), 3),
        }

    def outlet(self, lang: str, exclude: set[str] | None = None) -> str:
        cum = self.outlet_cum[lang]
        while True:
            site = self.outlets[lang][bisect.bisect(cum, self.rng.random() * cum[-1])]
            if not exclude or site not in exclude:
                return site

    # documents ------------------------------------------------------------------------

    def generate(self) -> Data:
        self.make_actors()
        rng = self.rng
        while self.statement_id < self.n:
            lang = "de" if rng.random() < LANG_SHARE["de"] else "en"
            day = self.start + dt.timedelta(days=rng.randrange(self.days))
            specs = [self.statement_spec(lang) for _ in range(rng.randint(3, 13))]
            # agency copy: the same statements in 2–20 outlets within two days
            if rng.random() < P_AGENCY * 1.3 / 5:
                copies = min(20, 2 + int(rng.expovariate(1 / 3.5)))
                sites: set[str] = set()
                for _ in range(min(copies, len(self.outlets[lang]))):
                    site = self.outlet(lang, sites)
                    sites.add(site)
                    when = day + dt.timedelta(days=rng.randrange(3))
                    self.document(lang, site, when, specs[: rng.randint(2, len(specs))])
            else:
                self.document(lang, self.outlet(lang), day, specs)
        self.data.claims = [
            (cid, key, txt, lang, n, first, last)
            for key, (cid, txt, lang, n, first, last) in self.claim_index.items()
        ]
        n_docs = len(self.data.documents)
        self.data.run = (
            1, self.now, self.now, "benchmarks/ledger_scale.py: synthetic ledger", n_docs, 0,
            0, 0, self.statement_id,
        )  # fmt: skip
        return self.data

    def claim(self, content: str, lang: str, day: dt.date) -> int:
        norm = normalise(content)
        key = hashlib.sha1(norm.encode("utf-8")).hexdigest()
        row = self.claim_index.get(key)
        if row is None:
            self.claim_index[key] = [len(self.claim_index) + 1, norm, lang, 1, day, day]
            return len(self.claim_index)
        row[3] += 1
        row[4], row[5] = min(row[4], day), max(row[5], day)
        cid: int = row[0]
        return cid

    def document(self, lang: str, site: str, day: dt.date, specs: Sequence[dict[str, Any]]) -> None:
        specs = specs[: self.n - self.statement_id]  # exactly n statements in all
        if not specs:
            return
        rng = self.rng
        self.doc_no += 1
        body, title, statements, actor_rows = self._text(lang, site, specs)
        doc_id = _content_id(body)
        url = f"https://www.{site}/{rng.choice(SECTIONS)}/{day:%Y/%m}/article-{self.doc_no}.html"
        published = f"{day.isoformat()}T{rng.randrange(5, 23):02d}:{rng.randrange(60):02d}:00Z"
        ledger_ids = self._document_actors(lang, doc_id, actor_rows)
        first_sid = self.statement_id + 1
        a_statements = self._statements(lang, day, doc_id, statements, ledger_ids)
        a_relations = self._relation(doc_id, statements, first_sid)
        analysis = {
            "version": "1",
            "lang": lang,
            "title": title,
            "url": url,
            "published": published,  # no "text": it is the text column (migration 0007)
            "paragraphs": [[0, len(body)]],
            "sentences": [],
            "statements": a_statements,
            "actors": [
                {
                    "id": lid,
                    "name": row["name"],
                    "kind": row["kind"],
                    "mentions": row["mentions"],
                    "aliases": [],
                    "role": row["role"],
                    "rules": [],
                }
                for lid, row in actor_rows.items()
            ],
            "relations": a_relations,
            "warnings": [],
        }
        author = None if rng.random() < 0.3 else f"{rng.choice(FIRST[lang])} " + (
            rng.choice(LAST[lang]))  # fmt: skip
        self.data.documents.append(
            (doc_id, url, 1, title, author, published, day, site, lang, body,
             "benchmark:synthetic", None, self.now, 1, len(statements), analysis)
        )  # fmt: skip

    def _text(
        self, lang: str, site: str, specs: Sequence[dict[str, Any]]
    ) -> tuple[str, str, list[dict[str, Any]], dict[str, dict[str, Any]]]:
        """The document's text (body, title), its statements placed with their spans, and
        its local actors (a1, a2, ...) in order of appearance."""
        rng = self.rng
        parts: list[str] = []
        pos = 0

        def put(s: str) -> tuple[int, int]:
            nonlocal pos
            start = pos
            parts.append(s)
            pos += len(s)
            return start, pos

        # local actors (a1, a2, ...) in order of appearance
        local: dict[int | str, str] = {}
        actor_rows: dict[str, dict[str, Any]] = {}
        title_speaker = next((s["speaker"] for s in specs if not isinstance(s["speaker"], str)),
                             None)  # fmt: skip
        title_name = (
            title_speaker.spellings[lang].split()[-1] if title_speaker else ANONYMOUS[lang][0]
        )
        title = self.fill(rng.choice(TITLES[lang]), lang).replace(": ", f"{title_name}: ", 1)
        if title.startswith(": "):
            title = title_name + title
        put(f"{site.split('.')[0].upper()} – {self.fill(rng.choice(FILLER[lang]), lang)} ")
        statements: list[dict[str, Any]] = []
        for k, spec in enumerate(specs, start=1):
            sp = spec["speaker"]
            if isinstance(sp, str):
                lid = local.setdefault(sp, f"a{len(local) + 1}")
                written, kind, role = sp, "anonymous", None
                first = lid not in actor_rows
            else:
                lid = local.setdefault(sp.id, f"a{len(local) + 1}")
                first = lid not in actor_rows
                full = sp.spellings[lang]
                role = sp.role_de if lang == "de" else sp.role_en
                written = (
                    f"{role} {full}" if first and role else full if first else sp.short or full
                )
                kind = sp.kind
            if first:
                actor_rows[lid] = {"speaker": sp, "kind": kind, "role": role, "mentions": []}
            cue = spec["cue"]
            content = spec["content"]
            if spec["form"] == "direct":
                q = ("„", "“") if lang == "de" else ("“", "”")
                put(q[0])
                c = put(content)
                put(f"{q[1]}, {cue} ")
                cue_span = (c[1] + len(q[1]) + 2, c[1] + len(q[1]) + 2 + len(cue))
                s_span = put(written)
                put(". ")
            elif spec["form"] == "indirect":
                written = written[0].upper() + written[1:]
                s_span = put(written)
                cue_span = put(f" {cue}")
                cue_span = (cue_span[0] + 1, cue_span[1])
                put(", ")
                c = put(content)
                put(". ")
            else:  # reported
                lead = "Laut " if lang == "de" else "According to "
                cue_span = put(lead.strip())
                put(" ")
                s_span = put(written)
                put(", ")
                c = put(content)
                put(". ")
            actor_rows[lid]["mentions"].append([s_span[0], s_span[1]])
            if rng.random() < 0.3:
                put(self.fill(rng.choice(FILLER[lang]), lang) + " ")
            if k % 4 == 0:
                put("\n\n")
            statements.append(
                {**spec, "lid": lid, "local": f"s{k}", "content_span": c, "speaker_span": s_span,
                 "cue_span": cue_span, "speaker_text": written}
            )  # fmt: skip
        body = "".join(parts).strip()
        return body, title, statements, actor_rows

    def _document_actors(
        self, lang: str, doc_id: str, actor_rows: dict[str, dict[str, Any]]
    ) -> dict[str, int]:
        """Ledger actor ids of the local actors: one new actor per document for an
        anonymous source."""
        ledger_ids: dict[str, int] = {}
        for lid, row in actor_rows.items():
            sp = row["speaker"]
            if isinstance(sp, str):
                self.actor_id += 1
                key = f"{name_key(sp)}#{doc_id[:16]}"
                self.data.actors.append(
                    (self.actor_id, sp, key, "anonymous", None, [], self.now, None, None)
                )
                ledger_ids[lid] = self.actor_id
                name = sp
            else:
                ledger_ids[lid] = sp.id
                name = sp.spellings[lang]
            row["name"] = name
            self.data.document_actors.append(
                (doc_id, lid, ledger_ids[lid], name, row["kind"], row["role"], row["mentions"],
                 "identity.key", 1.0)
            )  # fmt: skip
        return ledger_ids

    def _statements(
        self,
        lang: str,
        day: dt.date,
        doc_id: str,
        statements: list[dict[str, Any]],
        ledger_ids: dict[str, int],
    ) -> list[dict[str, Any]]:
        """The statements' ledger rows (and claims); returns them as the analysis has them."""
        a_statements = []
        for st in statements:
            self.statement_id += 1
            evidence = []
            if st["hearsay"]:
                evidence.append({"rule": f"framing.hearsay.{lang}.cue", "entry": st["cue"],
                                 "span": list(st["cue_span"]), "note": None})  # fmt: skip
            framing = {"hearsay": st["hearsay"], "hedged": st["hedged"], "stance": st["stance"],
                       "confirmation": st["confirmation"], "evidence": evidence}  # fmt: skip
            rules = [f"{lang}.{st['form']}.cue"]
            content_spans = [list(st["content_span"])]
            chain = [ledger_ids[st["lid"]]]
            self.data.statements.append(
                (self.statement_id, doc_id, st["local"], lang, st["form"], st["medium"],
                 st["content"], content_spans, st["speaker_text"], st["cue"],
                 ledger_ids[st["lid"]], chain, None, st["confidence"], st["hearsay"],
                 st["hedged"], st["stance"], st["confirmation"], framing, rules,
                 self.claim(st["content"], lang, day), day)
            )  # fmt: skip
            a_statements.append(
                {"id": st["local"], "form": st["form"], "medium": st["medium"],
                 "content": content_spans, "cue": [list(st["cue_span"])],
                 "speaker": [list(st["speaker_span"])], "addressee": [], "frame": [],
                 "actor": st["lid"], "chain": [st["lid"]], "parent": None,
                 "confidence": st["confidence"], "rules": rules, "evidence": [],
                 "framing": framing}
            )  # fmt: skip
        return a_statements

    def _relation(
        self, doc_id: str, statements: list[dict[str, Any]], first_sid: int
    ) -> list[dict[str, Any]]:
        """Now and then a relation between the document's first two statements."""
        rng = self.rng
        a_relations = []
        if len(statements) >= 2 and rng.random() < 0.08:
            self.relation_id += 1
            kind = rng.choice(["disputes", "confirms", "contradicts", "supports"])
            self.data.relations.append(
                (self.relation_id, doc_id, "r1", kind, first_sid + 1, first_sid, None, 0.8,
                 None, [], [f"relation.{kind}"])
            )  # fmt: skip
            a_relations.append(
                {"id": "r1", "kind": kind, "source": "s2", "target": "s1", "evidence": [],
                 "confidence": 0.8, "reason": None, "rules": [f"relation.{kind}"],
                 "target_actor": None}
            )  # fmt: skip
        return a_relations
