"""The declared pipeline: its components, their order, and when each runs."""

from __future__ import annotations

import pytest

import sayso
from sayso.extract.component import Stage, Work
from sayso.lang import load
from sayso.pipeline import PIPELINE
from sayso.settings import DEFAULT, Settings
from sayso.tagging.tagger import taggers
from sayso.text.segment import segment


def test_component_pipeline_names_and_order_are_pinned() -> None:
    # a change here is a change of what sayso extracts: say why in the commit
    assert [c.name for c in PIPELINE] == [
        "extract.assemble.tagged.v1",
        "extract.direct.cued_quotations.v1",
        "extract.reported.sentences.v1",
        "evidence.disputes.sentences.v1",
        "extract.roles.attach.v1",
        "extract.indirect.cue_clauses.v1",
        "extract.according_to.statements.v1",
        "extract.attributions.postposed.v1",
        "extract.anonymous.postposed.v1",
        "extract.denials.sentences.v1",
        "extract.attributions.anaphoric.v1",
        "extract.indirect.comma_clauses.v1",
        "extract.coordinated.contents.v1",
        "extract.attributions.medial.v1",
        "extract.direct.speaker_labels.v1",
        "extract.reported.whole_sentences.v1",
        "extract.direct.fragments.v1",
        "evidence.framing.plan_not_hearsay.v1",
        "evidence.framing.hearsay_sentences.v1",
        "extract.assemble.order.v1",
        "extract.speakers.complete_from_frame.v1",
        "extract.coordinated.speakers.v1",
        "extract.according_to.sources.v1",
        "extract.speakers.sentence_initial.v1",
        "extract.adverb_speakers.replace.v1",
        "extract.speakers.clause_subject.v1",
        "extract.direct.attribution_after_quote.v1",
        "extract.relays.quoted_with.v1",
        "extract.relays.causative.v1",
        "extract.addressees.find.v1",
        "extract.addressees.outlet_dative.v1",
        "extract.speakers.extend_to_cue.v1",
        "extract.indirect.snap.v1",
        "extract.according_to.clause_content.v1",
        "extract.attributions.postposed_tail.v1",
        "extract.attributions.bare_trigger.v1",
        "extract.free_indirect.framed_continuations.v1",
        "extract.assemble.prune.v1",
        "extract.indirect.semicolon.v1",
        "extract.direct.colon_quotations.v1",
        "extract.intros.colon_speakers.v1",
        "extract.headline_label.v1",
        "extract.indirect.stubs.v1",
        "extract.indirect.prepositional_relatives.v1",
        "extract.speakers.trim.v1",
        "extract.speaker_phrases.clause_cut.v1",
        "extract.speakers.closing_comma.v1",
        "extract.name_particles.extend.v1",
        "extract.anonymous.extend.v1",
        "extract.direct.nested.v1",
        "extract.free_indirect.previous_sentence.v1",
        "extract.continued.konjunktiv.v1",
        "extract.free_indirect.inherit.v1",
        "extract.free_indirect.first_person.v1",
        "evidence.framing.unknown_hearsay_source.v1",
        "extract.ranker.speakers.v1",
        "extract.assemble.statements.v2",
        "evidence.relays.speakers.v1",
        "evidence.entities.link.v1",
        "evidence.layer.chains.v1",
        "evidence.framing.frame.v1",
        "evidence.disputes.link.v2",
        "evidence.contradictions.infer.v2",
        "evidence.framing.confirm.v1",
        "evidence.layer.relations.v1",
        "evidence.layer.plain_actors.v1",
    ]


def test_component_every_one_is_documented_and_named_by_its_module() -> None:
    for c in PIPELINE:
        assert c.doc, c.name
        package, module = c.name.split(".")[:2]
        assert c.run.__module__ == f"sayso.{package}.{module}", c.name
        assert c.name.rsplit(".", 1)[1].startswith("v"), c.name
    stages = [c.stage for c in PIPELINE]
    # statements are made once, after every draft step and before every evidence step
    finish = stages.index(Stage.FINISH)
    assert stages.count(Stage.FINISH) == 1
    assert all(s is not Stage.EVIDENCE for s in stages[:finish])
    assert all(s is Stage.EVIDENCE for s in stages[finish + 1 :])


def _work(text: str, lang: str, settings: Settings = DEFAULT) -> Work:
    profile = load(lang)
    seg = segment(text, profile.abbreviations, profile.months)
    return Work(seg, profile, settings, taggers(lang))


def test_component_language_switch_runs_english_cue_clauses_only_on_english() -> None:
    (cue_clauses,) = [c for c in PIPELINE if c.name == "extract.indirect.cue_clauses.v1"]
    assert cue_clauses.applies(_work("Officials said that the bridge was safe.", "en"))
    assert not cue_clauses.applies(_work("Der Minister sagte, die Brücke sei sicher.", "de"))


def test_component_setting_switch_picks_one_actor_path() -> None:
    text = '"Die Brücke ist sicher", sagte die Ministerin.'
    on, off = _work(text, "de"), _work(text, "de", Settings(evidence=False))
    for w in (on, off):
        w.statements = list(sayso.analyze(text, "de").statements)
    chains = next(c for c in PIPELINE if c.name == "evidence.layer.chains.v1")
    plain = next(c for c in PIPELINE if c.name == "evidence.layer.plain_actors.v1")
    assert chains.applies(on) and not chains.applies(off)
    assert plain.applies(off) and not plain.applies(on)


def test_component_evidence_steps_skip_a_document_without_statements() -> None:
    w = _work("Die Sonne schien den ganzen Tag.", "de")
    assert not any(c.applies(w) for c in PIPELINE if c.stage is Stage.EVIDENCE)


def test_component_token_scores_are_dropped_after_their_last_reader() -> None:
    a = sayso.analyze("Der Bürgermeister sagte, die Schule werde im Herbst eröffnet.", "de")
    assert a.statements  # the run completed although the scores were dropped midway
    last = max(k for k, c in enumerate(PIPELINE) if c.scores)
    assert all(not c.scores for c in PIPELINE[last + 1 :])
    assert PIPELINE[last].stage is not Stage.EVIDENCE


def test_component_profile_flags_decide_german_only_steps() -> None:
    de, en = _work("Er sagte: „Ja.“", "de"), _work('He said: "Yes."', "en")
    for name in (
        "extract.direct.colon_quotations.v1",  # clause.json colon_quotation
        "extract.direct.fragments.v1",  # clause.json fragment_marks
        "extract.indirect.stubs.v1",  # clause.json content_clause.stub_tokens
    ):
        (c,) = [c for c in PIPELINE if c.name == name]
        assert c.requires and c.applies(de) and not c.applies(en), name


def test_component_scores_read_after_they_are_dropped_is_an_error() -> None:
    w = _work("Sie sagte, es regne.", "de")
    with pytest.raises(RuntimeError, match="scores=True"):
        _ = w.scores
