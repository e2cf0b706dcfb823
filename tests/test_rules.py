"""The rule catalogue (``sayso.rules``, ``rules.toml``): every id an analysis records is
declared once, with its component, a one-line description and an example."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

import sayso
from sayso import rules
from sayso.cli.main import main
from sayso.lang import load
from sayso.pipeline import PIPELINE

SRC = Path(sayso.__file__).parent
#: ids the code uses internally and never records ("actor.pronoun.v1" becomes
#: "actor.coref.pronoun.v1" once the pronoun is resolved)
INTERNAL = {"actor.pronoun.v1"}
FAMILIES = re.compile(r"^(rule|group|crf|chain|framing|actor|relation|lexicon|identity|manual)\.")

#: texts written for this test, with the shapes most rules fire on
TEXTS = [
    ("de", "„Wir bauen die Brücke neu“, sagte die Ministerin am Montag vor Journalisten."),
    ("de", "Laut Polizei wurden drei Menschen verletzt. Der Täter soll geflohen sein."),
    ("de", "Die Zeitung meldet Entlassungen. Der Konzern wies den Bericht zurück."),
    ("de", "Wie ein Sprecher mitteilte, bleibt die Halle geschlossen. Man prüfe alles."),
    ("de", "Der Anwalt betonte, sein Mandant sei unschuldig, und er werde klagen."),
    ("en", '"We will rebuild the school," said Maria Lopez, head of the parents group.'),
    ("en", "Officials told reporters the bridge will reopen in May, according to the agency."),
    ("en", "The plant was safe, the mayor said, until the flood came. He's claiming it was."),
]


def test_rules_every_entry_is_documented_and_owned_by_a_component() -> None:
    owners = {c.name for c in PIPELINE} | set(rules.LEDGER_COMPONENTS)
    for r in rules.catalogue().values():
        assert FAMILIES.match(r.id), r.id
        assert r.component in owners, r.id
        for text in (r.doc, r.example):
            assert text.strip() and "\n" not in text, r.id


def test_rules_every_according_to_pattern_has_its_id() -> None:
    for lang in ("de", "en"):
        for pattern in load(lang).according_to:
            assert f"rule.according_to.{pattern.id}" in rules.catalogue(), pattern.id


def test_rules_every_id_written_in_the_code_is_declared() -> None:
    ids = rules.catalogue()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            word = node.value
            if not FAMILIES.match(word) or not re.fullmatch(r"[a-z0-9_.]+", word):
                continue
            if word in INTERNAL:
                assert word not in ids, word
                continue
            # a whole id, or a prefix the code tests ids with ("group.speaker.inherit")
            assert any(i == word or i.startswith(word) for i in ids), f"{path.name}: {word}"


def test_rules_ids_recorded_on_written_sentences_are_declared() -> None:
    texts = TEXTS + [("de", r.example) for r in rules.catalogue().values()]
    seen: set[str] = set()
    for lang, text in texts:
        got = rules.recorded(sayso.analyze(text, lang))
        assert not rules.unknown(got), (text, rules.unknown(got))
        seen |= got
    assert len(seen) > 40  # the texts do exercise the rules


def test_rules_an_undeclared_id_is_reported() -> None:
    a = sayso.analyze("Laut Polizei wurden drei Menschen verletzt.", "de")
    assert rules.unknown(rules.recorded(a) | {"rule.made_up.v1"}) == ["rule.made_up.v1"]


def test_rules_find_by_id_prefix_and_component() -> None:
    assert [r.id for r in rules.find("rule.according_to.de.laut")] == ["rule.according_to.de.laut"]
    german = rules.find("rule.according_to.de.")
    assert len(german) == len(load("de").according_to)
    assert {r.component for r in rules.find("extract.speakers")} <= {
        c.name for c in PIPELINE if c.name.startswith("extract.speakers")
    }
    assert rules.find("nothing.like.this") == []


def test_rules_cli_json_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in data] == list(rules.catalogue())
    assert all(set(d) == {"id", "component", "doc", "example"} for d in data)


def test_rules_cli_explains_one_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "rule.according_to.de.laut"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "extract.according_to.statements.v1"
    assert "laut" in out and "e.g." in out


def test_rules_cli_unknown_id_fails_with_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "rule.made_up.v1"]) == 1
    assert "sayso rules" in capsys.readouterr().err
