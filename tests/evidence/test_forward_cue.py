"""A statement whose cue carries the previous report forward ("…, heißt es weiter.",
"… würde dies demnach nicht tun") has the source of the statement before it
(``chain.scope.forward.v1``); "hieß es dazu aus X" names X (written for these tests)."""

from __future__ import annotations

import sayso


def _names(text: str) -> list[tuple[str, str]]:
    a = sayso.analyze(text, lang="de")
    out = []
    for s in a.statements:
        actor = a.actor(s.chain[-1] if s.chain else s.actor)
        out.append((a.text[s.content[0].start : s.content[-1].end], actor.name if actor else ""))
    return out


def test_heisst_es_weiter_continues_the_speaker_before() -> None:
    text = (
        "Die Firma verschiebt das Spiel, sagte Chefentwickler Karl Berg in einer "
        "Stellungnahme. Das Spiel bringt ein ganz neues Erlebnis, heißt es weiter."
    )
    assert _names(text)[-1] == ("Das Spiel bringt ein ganz neues Erlebnis", "Karl Berg")


def test_without_a_speaker_before_it_stays_unknown() -> None:
    text = "Die Firma verschiebt das Spiel. Das Spiel bringt ein ganz neues Erlebnis, heißt es."
    assert _names(text)[-1][1] == "(unknown source)"


def test_hiess_es_with_an_adverb_names_the_source_after_it() -> None:
    # the tagger or the pattern makes the statement; either way the office speaks
    text = "Man bleibe am Verhandlungstisch, hieß es dazu aus dem Büro des Premiers."
    a = sayso.analyze(text, lang="de")
    (s,) = a.statements
    assert a.text[s.speaker[0].start : s.speaker[-1].end] == "dem Büro des Premiers"
    text = "Griechenland bleibt am Verhandlungstisch, hieß es dazu aus dem Büro des Premiers."
    a = sayso.analyze(text, lang="de")
    (s,) = a.statements
    assert "rule.according_to.de.hiess_es_adv_aus" in s.rules
    assert a.text[s.speaker[0].start : s.speaker[-1].end] == "dem Büro des Premiers"


def test_a_document_named_again_by_its_head_keeps_its_author() -> None:
    text = (
        "Verstimmung löst ein Brief von Kandidatin Anna Berger an zahlreiche Schulsprecher "
        "aus. Der Schulsprecher kritisiert den Brief. Ich möchte dich über unsere Kampagne "
        "informieren, heißt es im Brief."
    )
    a = sayso.analyze(text, lang="de")
    s = a.statements[-1]
    names = [a.actor(c).name for c in s.chain]  # type: ignore[union-attr]
    assert names[0] == "Brief" and names[-1].endswith("Anna Berger")


def test_a_document_without_a_named_author_stays_the_source() -> None:
    text = (
        "Der Schulsprecher kritisiert den Brief. Ich möchte dich über unsere Kampagne "
        "informieren, heißt es im Brief."
    )
    a = sayso.analyze(text, lang="de")
    s = a.statements[-1]
    assert [a.actor(c).name for c in s.chain] == ["Brief"]  # type: ignore[union-attr]
