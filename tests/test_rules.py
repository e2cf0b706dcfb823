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
FAMILIES = re.compile(
    r"^(rule|group|crf|model|chain|framing|actor|entity|relation|lexicon|identity|manual)\."
)

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
    err = capsys.readouterr().err
    assert "E013" in err and "sayso rules" in err


#: (id, language) of the catalogue examples on which their own rule fires today
FIRING = [
    ("rule.continued.first_person.v1", "de"),
    ("group.speaker.first_person.v1", "de"),
    ("rule.according_to.de.laut", "de"),
    ("rule.according_to.de.so", "de"),
    ("rule.according_to.de.hiess_es", "de"),
    ("rule.according_to.en.quoted_as", "en"),
    ("rule.according_to.main_clause.v1", "de"),
    ("crf.quote.direct", "de"),
    ("crf.quote.indirect", "de"),
    ("crf.quote.indirect_free_indirect", "de"),
    ("crf.quote.q", "en"),
    ("rule.form.quote_marks.v1", "en"),
    ("crf.roles.statement.v1", "de"),
    ("group.speaker.nearest.v1", "de"),
    ("group.speaker.contraction.v1", "en"),
    ("lexicon.cue", "de"),
    ("crf.medium.v1", "de"),
    ("rule.nested_direct.v1", "de"),
    ("group.attribution_after_quote.v1", "en"),
    ("rule.speaker_label.v1", "en"),
    ("rule.reported.dispute.v1", "de"),
    ("rule.cue_clause.v1", "en"),
    ("rule.indirect.cue_clause_that.v1", "de"),
    ("rule.indirect.cue_clause_infinitive.v1", "de"),
    ("group.content.semicolon.v1", "de"),
    ("rule.according_to.de.gemaess", "de"),
    ("rule.according_to.de.nach_angaben", "de"),
    ("rule.according_to.de.nach_report", "de"),
    ("rule.according_to.de.nach_compound", "de"),
    ("rule.according_to.de.wie_cue", "de"),
    ("rule.according_to.de.wie_verlautete", "de"),
    ("rule.according_to.de.verlautete", "de"),
    ("rule.according_to.en.according_to", "en"),
    ("rule.according_to.en.as_cue", "en"),
    ("rule.according_to.en.as_cue_passive", "en"),
    ("rule.according_to.en.in_the_words_of", "en"),
    ("group.content.according_clause.v1", "de"),
    ("group.postposed_attribution.v1", "en"),
    ("rule.anaphoric_attribution.v1", "de"),
    ("group.anaphoric_content.v1", "de"),
    ("rule.medial_attribution.v1", "en"),
    ("group.speaker.trim.v1", "en"),
    ("group.speaker.closing_comma.v1", "en"),
    ("group.addressee.object.v1", "en"),
    ("group.speaker.previous_sentence.v1", "de"),
    ("rule.free_indirect.hearsay.v1", "de"),
    ("chain.citing.v1", "de"),
    ("chain.outlet_in_frame.v1", "de"),
    ("chain.embedded_speaker.v1", "de"),
    ("chain.scope.backward.v1", "de"),
    ("chain.scope.forward.v1", "de"),
    ("chain.unknown_source.v1", "de"),
    ("actor.unknown_source.v1", "de"),
    ("actor.coref.name.v1", "de"),
    ("entity.pronoun.v1", "de"),
    ("entity.description.role.v1", "de"),
    ("entity.description.age.v1", "de"),
    ("entity.description.nationality.v1", "de"),
    ("entity.description.salient.v1", "de"),
    ("entity.description.head.v1", "de"),
    ("entity.new.v1", "de"),
    ("actor.kind.common_noun.v1", "de"),
    ("actor.kind.share.v1", "de"),
    ("actor.kind.organization.v1", "de"),
    ("actor.kind.outlet.v1", "de"),
    ("actor.kind.anonymous.v1", "de"),
    ("actor.kind.document.v1", "de"),
    ("actor.kind.name.v1", "de"),
    ("actor.kind.role_name.v1", "de"),
    ("actor.kind.outlet_report.v1", "de"),
    ("framing.hearsay.marker.v1", "de"),
    ("framing.hearsay.modal_perfect.v1", "de"),
    ("framing.hearsay.modal_copula.v1", "de"),
    ("framing.hearsay.claim_modal.v1", "de"),
    ("framing.stance.claim_modal.v1", "de"),
    ("framing.stance.cue.distancing.v1", "de"),
    ("framing.stance.cue.endorsing.v1", "de"),
    ("framing.confirmation.confirmed.v1", "de"),
    ("framing.confirmation.denied.v1", "de"),
    ("framing.confirmation.unconfirmed.v1", "de"),
    ("relation.disputes.stated.v1", "de"),
    ("relation.confirms.stated.v1", "de"),
    ("relation.contradicts.inferred.v1", "en"),
    ("group.intro.colon_speaker.v1", "de"),
    ("group.intro.colon_addressee.v1", "de"),
    ("group.relay.quoted_with.v1", "de"),
    ("group.relay.content_after.v1", "de"),
    ("group.relay.causative.v1", "de"),
    ("chain.relay.v1", "de"),
    ("group.addressee.outlet_dative.v1", "de"),
    ("rule.anonymous_source.postposed.v1", "en"),
    ("rule.denial.sentence.v1", "en"),
]


def test_rules_examples_keep_showing_their_rule() -> None:
    ids = rules.catalogue()
    for rid, lang in FIRING:
        assert rid in rules.recorded(sayso.analyze(ids[rid].example, lang)), rid
