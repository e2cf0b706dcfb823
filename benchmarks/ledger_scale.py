"""The ledger at scale: query latency on a ledger of a million statements, on SQLite and
PostgreSQL, and what storing costs during ingest compared with analysing alone.

    python benchmarks/ledger_scale.py [--statements 1000000] [--backend sqlite|postgresql|both]
        [--queries 200] [--pg-url URL] [--keep DIR] [--skip-ingest] [--only-ingest]

1. **Generation**: a synthetic but realistic ledger — German and English statements built
   from templates and word lists below (no corpus text), ~40 outlets, ~20k actors with a
   Zipf-like speaker distribution and transliterated spellings ("Selenskyj"/"Zelensky"),
   framing at realistic rates, agency copy (~20 % of statements are appearances of a claim
   printed by 2–20 outlets), dates over two years — bulk-loaded into the real schema after
   ``Ledger.open`` has run the migrations (executemany on SQLite, COPY on PostgreSQL), then
   ANALYZE. The full-text index is checked against the table.
2. **Queries**, each kind ``--queries`` times with different parameters, p50/p95/max in ms
   (goal p95 < 50 ms): *speaker* (``statements(speaker=…, limit=50)`` with full names,
   surnames and spelling variants), *full-text* (``statements(about=…, limit=50)``, German
   and English terms), *topic* (``Ledger.accounts`` when the ledger has it, else full-text
   candidates (200) grouped into events by ``sayso.ledger.accounts.group_events``).
3. **Ingest** (run first, before the million statements are generated in this process):
   the GNAD articles through ``sayso.analyze`` alone, then through
   ``runner.run`` into a fresh SQLite ledger: documents/s and the share storage adds (goal
   < 20 %) with ``sayso ingest``'s default on two CPUs (one analysing worker, the main
   process storing), and for information with both in one process and with two workers.

A benchmark that prints figures, not a test. ``--keep DIR`` keeps the generated databases
in DIR and reuses them on the next run (the migrations still run, so new indexes apply).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import gc
import hashlib
import json
import math
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from sayso.ledger import Ledger
from sayso.ledger.claims import normalise
from sayso.ledger.identity import name_key

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parents[0] / "shared" / "data" / "gnad" / "articles.csv"
GOAL_MS = 50.0
GOAL_OVERHEAD = 20.0

# --- word lists ------------------------------------------------------------------------


def _words(block: str) -> list[str]:
    return block.split()


OUTLETS = {
    "de": """tagesschau.de spiegel.de zeit.de faz.net sueddeutsche.de welt.de handelsblatt.com
    taz.de n-tv.de stern.de focus.de tagesspiegel.de deutschlandfunk.de zdf.de br.de ndr.de
    mdr.de wdr.de rnd.de nzz.ch derstandard.at diepresse.com fr.de merkur.de t-online.de""",
    "en": """reuters.com apnews.com bbc.co.uk theguardian.com nytimes.com washingtonpost.com
    ft.com economist.com politico.eu dw.com cnn.com npr.org bloomberg.com independent.co.uk
    aljazeera.com""",
}
#: share of documents per language
LANG_SHARE = {"de": 0.6, "en": 0.4}

FIRST = {
    "de": """Olaf Annalena Robert Christian Friedrich Markus Hubertus Karl Lars Saskia Nancy
    Boris Svenja Cem Steffi Bärbel Hendrik Manuela Michael Thomas Andreas Stefan Claudia Katrin
    Sabine Petra Jürgen Wolfgang Ursula Julia Anna Lena Jonas Lukas Felix Paul Marie Sophie
    Heike Dirk Uwe Ralf Jens Kerstin Silke Tobias Florian Matthias Sebastian Tanja Ines""",
    "en": """John Mary James Patricia Robert Jennifer Michael Linda David Elizabeth William
    Susan Richard Jessica Joseph Sarah Thomas Karen Charles Nancy Daniel Lisa Matthew Betty
    Anthony Sandra Mark Ashley Steven Emily Andrew Kimberly Kevin Donna Brian Michelle George
    Carol Edward Amanda Ronald Melissa Timothy Rebecca Jason Laura Jeffrey Helen Ryan Kamala""",
}
LAST = {
    "de": """Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann
    Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger
    Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier
    Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung
    Hahn Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann
    Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein
    Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler
    Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Habeck
    Lindner Baerbock Faeser Pistorius Heil Lauterbach Özdemir Wissing Söder Merz Wüst Ramelow""",
    "en": """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez
    Hernandez Lopez Gonzalez Wilson Anderson Taylor Moore Jackson Lee Perez Thompson White
    Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres
    Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts
    Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales
    Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos
    Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes
    Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Starmer Sunak Blinken""",
}
#: people whose names are transliterated: (German spelling, English spelling, role de, en)
FAMOUS = [
    ("Wolodymyr Selenskyj", "Volodymyr Zelensky", "Präsident", "President"),
    ("Wladimir Putin", "Vladimir Putin", "Präsident", "President"),
    ("Sergej Lawrow", "Sergei Lavrov", "Außenminister", "Foreign Minister"),
    ("Dmitri Peskow", "Dmitry Peskov", "Kremlsprecher", "Kremlin spokesman"),
    ("Maria Sacharowa", "Maria Zakharova", "Sprecherin", "spokeswoman"),
    ("Sergej Schoigu", "Sergei Shoigu", "Sekretär", "Secretary"),
    ("Dmitri Medwedew", "Dmitry Medvedev", "Vizechef", "deputy chairman"),
    ("Alexander Lukaschenko", "Alexander Lukashenko", "Machthaber", "leader"),
    ("Dmytro Kuleba", "Dmytro Kuleba", "Außenminister", "Foreign Minister"),
    ("Vitali Klitschko", "Vitali Klitschko", "Bürgermeister", "Mayor"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "Präsident", "President"),
    ("Benjamin Netanjahu", "Benjamin Netanyahu", "Regierungschef", "Prime Minister"),
    ("Xi Jinping", "Xi Jinping", "Staatschef", "President"),
    ("Waleri Gerassimow", "Valery Gerasimov", "Generalstabschef", "Chief of Staff"),
    ("Andrij Jermak", "Andriy Yermak", "Stabschef", "chief of staff"),
    ("Denys Schmyhal", "Denys Shmyhal", "Regierungschef", "Prime Minister"),
]
ROLES = {
    "de": _words(
        """Bundeskanzler Ministerin Minister Sprecher Sprecherin Abgeordneter Abgeordnete
        Bürgermeisterin Bürgermeister Ökonom Ökonomin Gewerkschaftschef Parteichef Fraktionschef
        Staatssekretär Landrat Ministerpräsident Polizeisprecher Virologe Analyst"""
    ),
    "en": _words(
        """minister spokesperson senator economist chairman chairwoman governor mayor analyst
        spokesman lawmaker secretary director professor commissioner"""
    ),
}
ORG_PATTERNS = {
    "de": [
        "Bundesministerium für {topic}",
        "{last} AG",
        "Verband der {topic}",
        "{city}er Stadtwerke",
        "Institut für {topic}forschung",
        "{last} & {last2} GmbH",
        "Polizei {city}",
        "Landgericht {city}",
    ],
    "en": [
        "Ministry of {topic}",
        "{last} Group",
        "{topic} Association",
        "{city} City Council",
        "Institute for {topic} Studies",
        "{last} & {last2} LLC",
        "{city} Police Department",
        "{city} District Court",
    ],
}
ORG_TOPICS = {
    "de": _words(
        """Finanzen Verkehr Gesundheit Bildung Verteidigung Wirtschaft Arbeit Umwelt Energie
        Landwirtschaft Wohnungsbau Digitales Justiz Inneres Familie Klimaschutz"""
    ),
    "en": _words(
        """Finance Transport Health Education Defence Economy Labour Environment Energy Agriculture
        Housing Digital Justice Interior Family Climate"""
    ),
}
CITIES = _words(
    """Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dortmund Essen Bremen
    Dresden Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld Bonn Münster London Manchester
    Boston Chicago Denver Austin Seattle Dublin Toronto Sydney"""
)
ANONYMOUS = {
    "de": ["Regierungskreise", "Diplomaten", "Insider", "Sicherheitskreise", "Beobachter"],
    "en": ["officials", "diplomats", "sources familiar with the matter", "insiders", "aides"],
}

NOUNS = {
    "de": """Sanktionen Zölle Steuern Renten Mieten Preise Löhne Waffenlieferungen Schulden
    Subventionen Grenzkontrollen Klimaziele Energiepreise Gaspreise Strompreise Investitionen
    Reformen Verhandlungen Wahlen Streiks Entlassungen Impfungen Abgaben Kredite Hilfen
    Exporte Importe Emissionen Krankenhäuser Schulen Kitas Bahnstrecken Autobahnen Windräder
    Kohlekraftwerke Gespräche Ermittlungen Proteste Leitzinsen Truppen Flüchtlingszahlen
    Lieferketten Halbleiter Wärmepumpen Heizungen Bürgergeld Mindestlöhne Pflegekräfte""",
    "en": """sanctions tariffs taxes pensions rents prices wages weapons deliveries debts
    subsidies border checks climate targets energy prices gas prices investments reforms
    negotiations elections strikes layoffs vaccinations loans exports imports emissions
    hospitals schools nurseries rail lines highways wind farms coal plants talks
    investigations protests interest rates troops refugee numbers supply chains
    semiconductors heat pumps benefits minimum wages care workers""",
}
# English nouns of two words are joined by the templates as written above: split on the
# list of known compounds so "weapons deliveries" stays one noun
EN_COMPOUNDS = """weapons deliveries|border checks|climate targets|energy prices|gas prices|
rail lines|wind farms|coal plants|interest rates|refugee numbers|supply chains|heat pumps|
minimum wages|care workers""".replace("\n", "").split("|")
VERBS = {  # (infinitive, participle)
    "de": [
        ("verschärfen", "verschärft"), ("senken", "gesenkt"), ("erhöhen", "erhöht"),
        ("prüfen", "geprüft"), ("stoppen", "gestoppt"), ("ausweiten", "ausgeweitet"),
        ("kürzen", "gekürzt"), ("verlängern", "verlängert"), ("aussetzen", "ausgesetzt"),
        ("beschleunigen", "beschleunigt"), ("begrenzen", "begrenzt"),
        ("abschaffen", "abgeschafft"), ("fortsetzen", "fortgesetzt"),
        ("überprüfen", "überprüft"), ("verdoppeln", "verdoppelt"),
    ],
    "en": [
        ("tighten", "tightened"), ("cut", "cut"), ("raise", "raised"), ("review", "reviewed"),
        ("halt", "halted"), ("expand", "expanded"), ("reduce", "reduced"),
        ("extend", "extended"), ("suspend", "suspended"), ("speed up", "sped up"),
        ("limit", "limited"), ("scrap", "scrapped"), ("continue", "continued"),
        ("double", "doubled"), ("freeze", "frozen"),
    ],
}  # fmt: skip
ADJECTIVES = {
    "de": _words(
        """angespannt stabil kritisch dramatisch besorgniserregend ungewiss entscheidend überfällig
        unverantwortlich alternativlos falsch richtig notwendig gefährlich"""
    ),
    "en": _words(
        """tense stable critical dramatic worrying uncertain crucial overdue irresponsible
        inevitable wrong right necessary dangerous"""
    ),
}
PLACES = {
    "de": _words(
        """Berlin Brüssel Kiew Moskau Washington Peking Paris Bayern Sachsen Hamburg Nahost Europa
        Deutschland Österreich Polen Frankreich Italien China Russland"""
    ),
    "en": _words(
        """Berlin Brussels Kyiv Moscow Washington Beijing Paris London Gaza Europe Britain Germany
        France Poland China Russia Ukraine Texas California"""
    ),
}
WHEN = {
    "de": [
        "bis Ende des Jahres", "noch in dieser Woche", "im kommenden Monat", "vor der Wahl",
        "bis 2030", "so schnell wie möglich", "im Herbst", "nach der Sommerpause",
    ],
    "en": [
        "by the end of the year", "this week", "next month", "before the election",
        "by 2030", "as soon as possible", "in the autumn", "after the summer recess",
    ],
}  # fmt: skip
#: content templates: direct quotations and indirect reports
DIRECT = {
    "de": [
        "Wir werden die {n} {when} {v}",
        "Die {n} in {place} sind {adj}",
        "Es gibt keine Pläne, die {n} zu {v}",
        "Wir brauchen mehr {n} und weniger {n2}",
        "Die {n} müssen um {num} Prozent {vp} werden",
        "Die Lage bei den {n} bleibt {adj}",
        "Niemand hat die Absicht, die {n} zu {v}",
        "Ohne {n} wird es in {place} nicht gehen",
        "Wer die {n} {v} will, muss auch über {n2} reden",
        "Die Debatte über {n} ist {adj}, das sage ich ganz deutlich",
    ],
    "en": [
        "We will {v} the {n} {when}",
        "The {n} in {place} are {adj}",
        "There are no plans to {v} the {n}",
        "We need more {n} and fewer {n2}",
        "The {n} must be {vp} by {num} percent",
        "The situation with the {n} remains {adj}",
        "Nobody intends to {v} the {n}",
        "Without {n} nothing will work in {place}",
        "Anyone who wants to {v} the {n} has to talk about {n2} too",
        "The debate over {n} is {adj}, let me be very clear about that",
    ],
}
INDIRECT = {
    "de": [
        "die Regierung werde die {n} {when} {v}",
        "die {n} in {place} seien {adj}",
        "es gebe keine Pläne, die {n} zu {v}",
        "die {n} müssten um {num} Prozent {vp} werden",
        "man habe die {n} bereits {vp}",
    ],
    "en": [
        "the government would {v} the {n} {when}",
        "the {n} in {place} were {adj}",
        "there were no plans to {v} the {n}",
        "the {n} had to be {vp} by {num} percent",
        "the {n} had already been {vp}",
    ],
}
#: openers and reasons added to own reporting: a template seldom repeats word for word
OPENERS = {
    "de": """Klar ist: | Ehrlich gesagt: | Fest steht: | Am Ende gilt: | Ganz offen: |
    Wichtig ist: |
    Eines ist sicher: | Vor allem: | Natürlich: | Kurz gesagt: """,
    "en": """Clearly, | Frankly, | The fact is, | In the end, | To be honest, | Most importantly, |
    One thing is certain: | Above all, | Of course, | In short, """,
}
REASONS = {
    "de": [
        "wegen der {n} in {place}", "trotz der Kritik aus {place}", "angesichts der {n}",
        "mit Blick auf {place}", "nach den Gesprächen in {place}", "wegen der Lage in {place}",
        "auch wegen der {n}", "nach {num} Tagen Verhandlungen",
    ],
    "en": [
        "because of the {n} in {place}", "despite criticism from {place}",
        "given the {n}", "with an eye on {place}", "after the talks in {place}",
        "because of the situation in {place}", "also because of the {n}",
        "after {num} days of negotiations",
    ],
}  # fmt: skip
CUES = {
    "de": [
        "sagte",
        "erklärte",
        "betonte",
        "warnte",
        "kündigte an",
        "teilte mit",
        "sagte am Montag",
    ],
    "en": ["said", "told reporters", "stated", "warned", "announced", "said on Monday"],
}
HEARSAY_CUE = {"de": "soll gesagt haben", "en": "reportedly said"}
FILLER = {
    "de": [
        "Die Debatte über {n} hält seit Wochen an.",
        "In {place} wird mit einer Entscheidung {when} gerechnet.",
        "Zuletzt hatten sich die {n} deutlich verändert.",
        "Kritiker sehen das anders.",
    ],
    "en": [
        "The debate over {n} has been going on for weeks.",
        "A decision is expected in {place} {when}.",
        "The {n} have changed markedly in recent months.",
        "Critics disagree.",
    ],
}
TITLES = {
    "de": ["Streit um {n}", "{name}: {n} {adj}", "{place} will {n} {v}", "Neue Debatte um {n}"],
    "en": ["Row over {n}", "{name}: {n} {adj}", "{place} to {v} {n}", "New debate over {n}"],
}
SECTIONS = ["politik", "wirtschaft", "ausland", "inland", "world", "business", "news"]

# framing rates per statement
P_HEARSAY, P_HEDGED = 0.10, 0.08
P_DISTANCING, P_ENDORSING = 0.05, 0.03
P_DENIED, P_CONFIRMED, P_UNCONFIRMED = 0.02, 0.05, 0.08
P_ANONYMOUS = 0.06
#: share of statements that are agency copy (a claim printed by 2–20 outlets)
P_AGENCY = 0.20


def _nouns(lang: str) -> list[str]:
    if lang == "de":
        return _words(NOUNS["de"])
    out, words, i = [], _words(NOUNS["en"]), 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        if pair in EN_COMPOUNDS:
            out.append(pair)
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


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


DOC_COLS = _words(
    """id url version title author published published_date site lang text source meta ingested_at
    run_id statement_count analysis"""
)
ACTOR_COLS = _words("""id name key kind role aliases first_seen surname merged_into""")
DA_COLS = _words("""document_id local_id actor_id name kind role mentions match_rule match_score""")
ST_COLS = _words(
    """id document_id local_id lang form medium content content_spans speaker cue actor_id chain
    parent confidence hearsay hedged stance confirmation framing rules claim_id published_date"""
)
REL_COLS = _words(
    """id document_id local_id kind source_id target_id target_actor_id confidence reason evidence
    rules"""
)
CLAIM_COLS = ["id", "key", "text", "lang", "appearances", "first_seen", "last_seen"]
RUN_COLS = _words(
    """id started_at finished_at note added new_versions duplicates failed statements"""
)
JSON_COLS = {
    "documents": {"meta", "analysis"},
    "actors": {"aliases"},
    "document_actors": {"mentions"},
    "statements": {"content_spans", "chain", "framing", "rules"},
    "relations": {"evidence", "rules"},
}


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
        self.outlets = {lang: _words(OUTLETS[lang]) for lang in ("de", "en")}
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
            name = f"{rng.choice(_words(FIRST[lang]))} {rng.choice(_words(LAST[lang]))}"
            if rng.random() < 0.3:  # double surnames, middle initials: more distinct names
                name = (
                    f"{name}-{rng.choice(_words(LAST[lang]))}"
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
                last=rng.choice(_words(LAST[lang])),
                last2=rng.choice(_words(LAST[lang])),
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
                opener = rng.choice(OPENERS[lang].split("|")).strip()
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
        doc_id = _content_id(body)
        url = f"https://www.{site}/{rng.choice(SECTIONS)}/{day:%Y/%m}/article-{self.doc_no}.html"
        published = f"{day.isoformat()}T{rng.randrange(5, 23):02d}:{rng.randrange(60):02d}:00Z"
        # ledger actors: one per document for anonymous sources
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
        a_statements = []
        first_sid = self.statement_id + 1
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
        author = None if rng.random() < 0.3 else f"{rng.choice(_words(FIRST[lang]))} " + (
            rng.choice(_words(LAST[lang])))  # fmt: skip
        self.data.documents.append(
            (doc_id, url, 1, title, author, published, day, site, lang, body,
             "benchmark:synthetic", None, self.now, 1, len(statements), analysis)
        )  # fmt: skip


# --- loading -------------------------------------------------------------------------


def _rows(
    rows: Sequence[tuple[Any, ...]], cols: Sequence[str], table: str, sqlite: bool
) -> Iterator[tuple[Any, ...]]:
    """Rows with JSON columns serialised (and, for SQLite, dates and times as SQLAlchemy
    writes them: ISO text, naive UTC, booleans as 0/1)."""
    json_at = [i for i, c in enumerate(cols) if c in JSON_COLS.get(table, ())]
    for row in rows:
        out = list(row)
        for i in json_at:
            if out[i] is not None:
                out[i] = json.dumps(out[i], ensure_ascii=False)
        if sqlite:
            for i, v in enumerate(out):
                if isinstance(v, dt.datetime):
                    out[i] = v.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ")
                elif isinstance(v, dt.date):
                    out[i] = v.isoformat()
                elif isinstance(v, bool):
                    out[i] = int(v)
        yield tuple(out)


TABLES: list[tuple[str, str, tuple[str, ...] | list[str]]] = [
    ("runs", "run", RUN_COLS),
    ("actors", "actors", ACTOR_COLS),
    ("claims", "claims", CLAIM_COLS),
    ("documents", "documents", DOC_COLS),
    ("document_actors", "document_actors", DA_COLS),
    ("statements", "statements", ST_COLS),
    ("relations", "relations", REL_COLS),
]


def _band_chunks(data: Data, size: int = 5000) -> Iterator[list[tuple[int, int]]]:
    """The claims' LSH band rows (16 per claim), as ingest writes them, a chunk of claims
    at a time (12 M rows for a million statements: not held in memory at once)."""
    from sayso.ledger.claims import fingerprints

    for i in range(0, len(data.claims), size):
        chunk = data.claims[i : i + size]
        prints = fingerprints([row[2] for row in chunk])
        yield [
            (band, row[0])
            for row, fp in zip(chunk, prints, strict=True)
            for band in sorted(set(fp.bands))
        ]


def _table_rows(data: Data, attr: str) -> Sequence[tuple[Any, ...]]:
    rows: Any = getattr(data, attr)
    return [rows] if attr == "run" else rows


def load_sqlite(url: str, data: Data) -> None:
    engine = create_engine(url)
    raw = engine.raw_connection()
    con: Any = raw.driver_connection
    con.isolation_level = None
    con.execute("PRAGMA synchronous = OFF")
    # one big transaction: a rollback journal, not a WAL file growing to the whole database
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("BEGIN")
    for table, attr, cols in TABLES:
        t0 = time.perf_counter()
        rows = _table_rows(data, attr)
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        batch: list[tuple[Any, ...]] = []
        for row in _rows(rows, cols, table, sqlite=True):
            batch.append(row)
            if len(batch) >= 10_000:
                con.executemany(sql, batch)
                batch.clear()
        if batch:
            con.executemany(sql, batch)
        print(f"    {table}: {len(rows):,} rows in {time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    bands = 0
    for chunk in _band_chunks(data):
        con.executemany("INSERT INTO claim_bands (band, claim_id) VALUES (?, ?)", chunk)
        bands += len(chunk)
    print(f"    claim_bands: {bands:,} rows in {time.perf_counter() - t0:.1f} s", flush=True)
    con.execute("COMMIT")
    t0 = time.perf_counter()
    con.execute("ANALYZE")
    print(f"    ANALYZE {time.perf_counter() - t0:.1f} s", flush=True)
    con.execute("PRAGMA journal_mode = WAL")  # as the ledger runs it
    raw.close()
    engine.dispose()


def load_postgresql(url: str, data: Data) -> None:
    engine = create_engine(url)
    raw = engine.raw_connection()
    con: Any = raw.driver_connection
    with con.cursor() as cur:
        cur.execute("SET maintenance_work_mem = '1GB'")
        cur.execute("SET synchronous_commit = off")
        # the GIN index is built once after the load, not maintained row by row
        cur.execute("DROP INDEX IF EXISTS ix_statements_search")
        for table, attr, cols in TABLES:
            t0 = time.perf_counter()
            rows = _table_rows(data, attr)
            with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in _rows(rows, cols, table, sqlite=False):
                    copy.write_row(row)
            print(f"    {table}: {len(rows):,} rows in {time.perf_counter() - t0:.1f} s",
                  flush=True)  # fmt: skip
        t0 = time.perf_counter()
        bands = 0
        # the key's index built once, sorted, after the rows are in (as migration 0005
        # does): maintained row by row, 12 M random keys left it half empty and 70 % larger
        cur.execute("ALTER TABLE claim_bands DROP CONSTRAINT pk_claim_bands")
        with cur.copy("COPY claim_bands (band, claim_id) FROM STDIN") as copy:
            for chunk in _band_chunks(data):
                for row in chunk:
                    copy.write_row(row)
                bands += len(chunk)
        cur.execute(
            "ALTER TABLE claim_bands ADD CONSTRAINT pk_claim_bands PRIMARY KEY (band, claim_id)"
        )
        print(f"    claim_bands: {bands:,} rows in {time.perf_counter() - t0:.1f} s", flush=True)
        t0 = time.perf_counter()
        cur.execute("CREATE INDEX ix_statements_search ON statements USING gin (search)")
        print(f"    GIN index {time.perf_counter() - t0:.1f} s", flush=True)
        for table in ("runs", "actors", "claims", "statements", "relations"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
    con.commit()
    con.autocommit = True
    t0 = time.perf_counter()
    with con.cursor() as cur:
        cur.execute("VACUUM ANALYZE")
    print(f"    VACUUM ANALYZE {time.perf_counter() - t0:.1f} s", flush=True)
    raw.close()
    engine.dispose()


def check(ledger: Ledger, n: int) -> None:
    """The loaded ledger is whole: counts, full-text index, a document's analysis."""
    stats = ledger.stats()
    assert stats["statements"] == n, stats
    with ledger.engine.connect() as conn:
        if ledger.dialect == "sqlite":
            t0 = time.perf_counter()
            conn.exec_driver_sql(
                "INSERT INTO statements_fts(statements_fts, rank) VALUES('integrity-check', 1)"
            )
            print(f"    FTS5 integrity-check against statements: ok "
                  f"({time.perf_counter() - t0:.1f} s)")  # fmt: skip
        else:
            empty = conn.execute(text("SELECT count(*) FROM statements WHERE search IS NULL"))
            assert empty.scalar() == 0
        doc_id = conn.execute(text("SELECT id FROM documents LIMIT 1")).scalar()
    analysis = ledger.analysis(str(doc_id))
    assert analysis.statements and analysis.spans_text(analysis.statements[0].content)
    print(f"    {stats['documents']:,} documents, {stats['actors']:,} actors, "
          f"{stats['statements']:,} statements; a stored analysis round-trips")  # fmt: skip


def db_size(ledger: Ledger, path: Path | None) -> int:
    if path is not None:
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    with ledger.engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())


# --- queries -------------------------------------------------------------------------


@dataclass
class Timing:
    kind: str
    ms: list[float]
    rows: list[int]

    def line(self, backend: str) -> str:
        q = sorted(self.ms)
        p95 = q[min(len(q) - 1, math.ceil(0.95 * len(q)) - 1)]
        flag = "ok" if p95 < GOAL_MS else "MISSES the goal"
        return (
            f"  {backend:<10} {self.kind:<12} p50 {statistics.median(q):7.1f} ms   "
            f"p95 {p95:7.1f} ms   max {q[-1]:7.1f} ms   "
            f"rows/query {statistics.mean(self.rows):5.1f}"
            f"   ({flag})"
        )

    @property
    def p95(self) -> float:
        q = sorted(self.ms)
        return q[min(len(q) - 1, math.ceil(0.95 * len(q)) - 1)]


def speaker_queries(gen_people: Sequence[GenActor], k: int, rng: random.Random) -> list[str]:
    """Names as people type them: full names, surnames, the other language's spelling."""
    cum = list(accumulate(1 / (r + 1) for r in range(len(gen_people))))
    out = []
    for i in range(k):
        if i % 2 == 0:  # the speakers people ask about most are the ones most quoted
            a = gen_people[bisect.bisect(cum, rng.random() * cum[-1])]
        else:
            a = rng.choice(gen_people)
        r = rng.random()
        if a.kind == "person" and r < 0.3:
            out.append(a.name.split()[-1])
        elif r < 0.5 and a.spellings.get("en") != a.name:
            out.append(a.spellings["en"])
        else:
            out.append(a.name.lower() if r > 0.9 else a.name)
    return out


def fulltext_queries(k: int, rng: random.Random) -> list[str]:
    out = []
    for i in range(k):
        lang = "de" if i % 2 == 0 else "en"
        nouns = _nouns(lang)
        r = rng.random()
        if r < 0.6:
            out.append(rng.choice(nouns))
        elif r < 0.85:
            out.append(f"{rng.choice(nouns)} {rng.choice(PLACES[lang])}")
        else:
            out.append(f"{rng.choice(VERBS[lang])[0]} {rng.choice(nouns)}")
    return out


def timed(kind: str, params: Sequence[Any], call: Callable[[Any], int]) -> Timing:
    for p in params[:3]:  # warm caches and the connection pool
        call(p)
    ms, rows = [], []
    for p in params:
        t0 = time.perf_counter()
        rows.append(call(p))
        ms.append((time.perf_counter() - t0) * 1000)
    return Timing(kind, ms, rows)


def topic_call(ledger: Ledger) -> tuple[str, Callable[[str], int]]:
    accounts = getattr(ledger, "accounts", None)
    if callable(accounts):

        def via_ledger(q: str) -> int:
            return len(accounts(q, limit=200))

        return "Ledger.accounts", via_ledger

    from sayso.ledger.accounts import Item, group_events

    def by_hand(q: str) -> int:
        items = [
            Item(
                id=str(r.id),
                content=r.content,
                lang=r.lang,
                actor=str(r.actor_id if r.actor_id is not None else r.speaker),
                title=r.title or "",
                published=r.published_date.isoformat() if r.published_date else None,
                outlet=r.site,
                claim=None if r.claim_id is None else str(r.claim_id),
            )
            for r in ledger.statements(about=q, limit=200)
        ]
        return len(group_events(items))

    return "full-text 200 + group_events", by_hand


def run_queries(ledger: Ledger, data: Data, k: int, backend: str) -> list[Timing]:
    # the generated ledger (millions of Python objects) stays alive for the speaker
    # queries: out of the collector's way, or every full collection walks it and lands in
    # some query's time (as a service freezes its loaded models, see runner.warm_up)
    gc.collect()
    gc.freeze()
    rng = random.Random(7)
    names = speaker_queries(data.people, k, rng)
    terms = fulltext_queries(k, rng)
    topics = fulltext_queries(max(10, k // 4), rng)
    out = [
        timed("speaker", names, lambda q: len(ledger.statements(speaker=q, limit=50))),
        timed("full-text", terms, lambda q: len(ledger.statements(about=q, limit=50))),
    ]
    how, call = topic_call(ledger)
    topic = timed("topic", topics, call)
    topic_db = timed(
        "topic (db)", topics, lambda q: len(ledger.statements(about=q, limit=200, recent=True))
    )
    out += [topic, topic_db]
    print(f"  topic = {how}; 'topic (db)' is its full-text part alone (newest 200)")
    slowest = sorted(zip(out[0].ms, names, strict=True), reverse=True)[:3]
    print("  slowest speaker queries:", ", ".join(f"{q!r} {m:.0f} ms" for m, q in slowest))
    slowest = sorted(zip(out[1].ms, terms, strict=True), reverse=True)[:3]
    print("  slowest full-text queries:", ", ".join(f"{q!r} {m:.0f} ms" for m, q in slowest))
    for t in out:
        print(t.line(backend), flush=True)
    return out


# --- PostgreSQL ----------------------------------------------------------------------


#: the benchmark's PostgreSQL is configured as a server holding a 3 GB ledger would be:
#: PostgreSQL's default shared_buffers (128 MB) suits a small machine, and its guidance is
#: a quarter of the RAM; 2 GB of this 23 GB machine (the tests keep the default)
SERVER_SETTINGS = ("shared_buffers=2GB",)


class PgCluster:
    """The tests' throwaway server (tests/ledger/pg_server.py); under ``keep`` it persists."""

    def __init__(self, keep: Path | None) -> None:
        sys.path.insert(0, str(ROOT / "tests" / "ledger"))
        import pg_server

        self.keep = keep
        if keep is None:
            self.server = pg_server.PgServer.start(SERVER_SETTINGS)
            return
        root = keep / "pg"
        user = pg_server.ensure_os_user() if os.geteuid() == 0 else None
        root.mkdir(parents=True, exist_ok=True)
        if user is not None:
            os.chown(keep, user.pw_uid, user.pw_gid)
            os.chown(root, user.pw_uid, user.pw_gid)
        self.server = pg_server.PgServer(pg_server.find_bindir(), root, 0, user, SERVER_SETTINGS)
        if not (self.server.data / "PG_VERSION").exists():
            self.server._initdb()
        self.server._start()

    def database(self, name: str) -> tuple[str, bool]:
        """URL of database ``name`` (created when missing) and whether it existed."""
        admin = create_engine(self.server.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            found = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            ).scalar()
            if not found:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        return self.server.url(name), bool(found)

    def stop(self) -> None:
        if self.keep is None:
            self.server.stop()
        else:
            self.server._run("pg_ctl", "-D", str(self.server.data), "-m", "fast", "-w", "stop")


# --- ingest --------------------------------------------------------------------------


def load_texts(path: Path) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) > 1]


def _analyse(text_: str) -> int:
    import sayso

    return len(sayso.analyze(text_, "de").statements)


#: the ingest pass of ``--jobs 1`` whose ledger stores nothing
NO_STORE = -1


class _NoStore(Ledger):
    """A ledger that counts the analysed documents of a run and stores nothing."""

    def add_batch(self, batch: Sequence[tuple[Any, Any]], summary: Any) -> None:
        summary.added += len(batch)


def ingest_bench(path: Path, repeat: int) -> None:
    """Ingest with storage against analysis alone, three ways:

    - ``--jobs 1``, the default of ``sayso ingest`` on two CPUs: one worker analyses, the
      main process stores — against analysing in one process (the goal's figure);
    - ``--jobs 0``: analysing and storing in one process — the CPU that storing costs;
    - ``--jobs 2``: two workers and the storing main process on the same two CPUs —
      against a pool of two analysing alone, started the same way;
    - and ``--jobs 1`` with a ledger that stores nothing: what the worker pipeline costs
      by itself (starting the worker, reading, sending documents and analyses), so that
      the goal's figure splits into the pipeline's share and storing's.
    """
    import sayso
    from sayso.ledger import runner

    texts = load_texts(path)
    n = len(texts)
    print(f"\ningest: {n} articles from {path}")
    runner.warm_up()  # models loaded and the heap frozen, as ingest does: both sides alike
    # one pass untimed: the first pass over a set of texts fills the per-word caches and
    # loads the compiled decoder, and takes twice as long as the next; every timed pass
    # (and every worker, forked from this process) then meets the same warm caches. This
    # is the harder comparison for storage: fresh articles analyse slower than these
    for t in texts:
        sayso.analyze(t, "de")
    alone: dict[int, list[float]] = {1: [], 2: []}
    stored: dict[int, list[float]] = {0: [], 1: [], 2: [], NO_STORE: []}
    tmp = Path(tempfile.mkdtemp(prefix="sayso-ingest-"))
    src = tmp / "articles.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for t in texts:
            fh.write(json.dumps({"text": t, "lang": "de"}, ensure_ascii=False) + "\n")

    def ingest(jobs: int, r: int) -> None:
        kind = _NoStore if jobs == NO_STORE else Ledger
        with kind.open(f"sqlite:///{tmp / f'ledger-{jobs}-{r}.db'}") as ledger:
            t0 = time.perf_counter()
            summary = runner.run(ledger, [str(src)], jobs=1 if jobs == NO_STORE else jobs)
            stored[jobs].append(time.perf_counter() - t0)
            assert summary.added == n, summary

    # the passes alternate, so that other jobs on the machine slow both sides alike
    try:
        for r in range(repeat):
            t0 = time.perf_counter()
            for t in texts:
                sayso.analyze(t, "de")
            alone[1].append(time.perf_counter() - t0)
            ingest(1, r)
            ingest(NO_STORE, r)
            ingest(0, r)
            # a pool started for the pass, as ``sayso ingest --jobs 2`` starts its own
            t0 = time.perf_counter()
            with runner.start_pool(2) as pool:
                for _count in pool.imap(_analyse, texts, chunksize=2):
                    pass
            alone[2].append(time.perf_counter() - t0)
            ingest(2, r)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    how = runner.pool_context().get_start_method()
    lines = [
        (1, 1, f"--jobs 1 (one {how}ed worker, main stores) vs analysing in one process"),
        (0, 1, "--jobs 0 (analyse and store in one process) vs analysing in one process"),
        (2, 2, f"--jobs 2 (two {how}ed workers, main stores) vs a pool of two analysing"),
        (NO_STORE, 1, "--jobs 1 storing nothing (the pipeline alone) vs analysing alone"),
    ]
    for jobs, base, what in lines:
        a, s = min(alone[base]), min(stored[jobs])
        # this VM's speed drifts by a third within minutes: the overhead is the median of
        # the passes' own ratios (each ingest against the analysis-alone pass next to it)
        paired = statistics.median(x / y for x, y in zip(stored[jobs], alone[base], strict=True))
        overhead = (paired - 1) * 100
        flag = "ok" if overhead < GOAL_OVERHEAD else "MISSES the goal"
        goal = f"(goal < {GOAL_OVERHEAD:.0f} %: {flag})" if jobs == 1 else "(for information)"
        adds = "the pipeline adds" if jobs == NO_STORE else "storage adds"
        print(f"  {what}: {n / a:6.1f} -> {n / s:6.1f} docs/s (best of {repeat}); {adds} "
              f"{overhead:.1f} % (median of the passes' ratios; best against best "
              f"{(s / a - 1) * 100:.1f} %) {goal}")  # fmt: skip
        ratios = " ".join(f"{x / y:.2f}" for x, y in zip(stored[jobs], alone[base], strict=True))
        print(f"    the passes' ratios: {ratios}")


# --- main ----------------------------------------------------------------------------


def bench_backend(
    backend: str, args: argparse.Namespace, data: Data | None, gen: Callable[[], Data]
) -> Data:
    n = args.statements
    cluster: PgCluster | None = None
    path: Path | None = None
    tmp: Path | None = None
    if backend == "sqlite":
        base = args.keep or Path(tempfile.mkdtemp(prefix="sayso-scale-"))
        tmp = None if args.keep else base
        base.mkdir(parents=True, exist_ok=True)
        path = base / f"ledger-{n}.db"
        url = f"sqlite:///{path}"
        exists = path.exists()
    elif args.pg_url:
        url, exists = args.pg_url, False
    else:
        cluster = PgCluster(args.keep)
        url, exists = cluster.database(f"sayso_scale_{n}")
    try:
        print(f"\n{backend}: {url if backend != 'sqlite' else path}", flush=True)
        with Ledger.open(url) as ledger:  # runs the migrations (also on a kept ledger)
            have = ledger.stats()["statements"]
        if data is None:
            data = gen()
        if exists and have == n:
            print(f"  reusing the kept ledger ({have:,} statements)")
        else:
            if have:
                raise SystemExit(f"{url} holds {have} statements, not {n}: remove it first")
            t0 = time.perf_counter()
            (load_sqlite if backend == "sqlite" else load_postgresql)(url, data)
            print(f"  loaded in {time.perf_counter() - t0:.1f} s", flush=True)
        with Ledger.open(url) as ledger:
            if not (exists and have == n):
                check(ledger, n)
            size = db_size(ledger, path)
            print(f"  database size: {size / 1e6:,.0f} MB", flush=True)
            run_queries(ledger, data, args.queries, backend)
        return data
    finally:
        if cluster is not None:
            cluster.stop()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--queries", type=int, default=200, help="queries timed per kind")
    ap.add_argument("--pg-url", help="an empty PostgreSQL database (default: a throwaway server)")
    ap.add_argument("--keep", type=Path, help="keep the databases in DIR and reuse them")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="articles for ingest")
    ap.add_argument("--repeat", type=int, default=2, help="ingest passes (best is reported)")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--only-ingest", action="store_true")
    args = ap.parse_args()
    if args.keep:
        args.keep = args.keep.resolve()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} "
          "(other jobs may share the cores)")  # fmt: skip
    if not args.skip_ingest:
        # first, in a process that has not yet generated the million statements (measured
        # after them, with a 2.5 GB process forking its worker, ingest added 42 %)
        ingest_bench(args.data, args.repeat)
    if not args.only_ingest:
        data: Data | None = None

        def gen() -> Data:
            t0 = time.perf_counter()
            made = Generator(args.statements).generate()
            agency = sum(1 for c in made.claims if c[4] > 1)
            reused = sum(c[4] for c in made.claims if c[4] > 1)
            print(
                f"  generated {len(made.documents):,} documents, {len(made.actors):,} actors, "
                f"{len(made.statements):,} statements, {len(made.claims):,} claims "
                f"({agency:,} in 2+ statements, covering {reused / len(made.statements):.0%} "
                f"of statements) in {time.perf_counter() - t0:.1f} s",
                flush=True,
            )
            return made

        backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
        for backend in backends:
            data = bench_backend(backend, args, data, gen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
