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
        "Die Bäckerei schließt im Mai für drei Wochen, sagte Inhaber Karl Berg in einer "
        "Mitteilung. Der neue Ofen backt doppelt so viele Brote, heißt es weiter."
    )
    assert _names(text)[-1] == ("Der neue Ofen backt doppelt so viele Brote", "Karl Berg")


def test_without_a_speaker_before_it_stays_unknown() -> None:
    text = "Die Bäckerei schließt im Mai. Der neue Ofen backt doppelt so viele Brote, heißt es."
    assert _names(text)[-1][1] == "(unknown source)"


def test_hiess_es_with_an_adverb_names_the_source_after_it() -> None:
    # the tagger or the pattern makes the statement; either way the office speaks
    text = "Man halte den Zoo offen, hieß es dazu aus dem Büro der Bürgermeisterin."
    a = sayso.analyze(text, lang="de")
    (s,) = a.statements
    assert a.text[s.speaker[0].start : s.speaker[-1].end] == "dem Büro der Bürgermeisterin"
    text = (
        "Der Zoo bleibt den ganzen Winter geöffnet, hieß es dazu aus dem Büro der Bürgermeisterin."
    )
    a = sayso.analyze(text, lang="de")
    (s,) = a.statements
    assert "rule.according_to.de.hiess_es_adv_aus" in s.rules
    assert a.text[s.speaker[0].start : s.speaker[-1].end] == "dem Büro der Bürgermeisterin"


def test_a_document_named_again_by_its_head_keeps_its_author() -> None:
    text = (
        "Ärger bei den Vereinen löst ein Schreiben von Stadträtin Anna Berger an die "
        "Obleute aus. Der Vereinsobmann kritisiert das Schreiben. Wir kürzen die Zuschüsse "
        "um ein Drittel, heißt es im Schreiben."
    )
    a = sayso.analyze(text, lang="de")
    s = a.statements[-1]
    names = [a.actor(c).name for c in s.chain]  # type: ignore[union-attr]
    assert names[0] == "Schreiben" and names[-1].endswith("Anna Berger")


def test_a_document_without_a_named_author_stays_the_source() -> None:
    text = (
        "Der Vereinsobmann kritisiert das Schreiben. Wir kürzen die Zuschüsse um ein "
        "Drittel, heißt es im Schreiben."
    )
    a = sayso.analyze(text, lang="de")
    s = a.statements[-1]
    assert [a.actor(c).name for c in s.chain] == ["Schreiben"]  # type: ignore[union-attr]
