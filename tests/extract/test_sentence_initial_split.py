"""The sentence-initial subject of a split cue (``speakers.sentence_initial_subject``): a
particle verb's stem or a perfect auxiliary stands second, the cue word later; drafts are
built by hand so that the taggers play no part."""

from __future__ import annotations

import pytest
from hand_drafts import hand_draft, words_of

from sayso.extract import speakers


def speaker_of(text: str, cue: list[str], content_from: str) -> tuple[str, list[str]]:
    seg, profile, d = hand_draft(text, cue, content_from)
    speakers.sentence_initial_subject(seg, profile, [d])
    return words_of(seg, d.speaker), d.rules


@pytest.mark.parametrize(
    ("text", "cue", "content_from", "speaker"),
    [
        # a particle verb: the stem "wies" is no cue word alone
        (
            "Karla Blum wies darauf hin, dass der Verein Mitglied sei.",
            ["wies", "hin"],
            "dass",
            "Karla Blum",
        ),
        # the perfect auxiliary with the participle in the cue
        (
            "Die Hochschule hatte erklärt, sie prüfe den Fall.",
            ["hatte", "erklärt"],
            "sie",
            "Die Hochschule",
        ),
        # the cue is only the particle; the stem stands second
        (
            "Die Ministerin wies dies als Unsinn zurück, sie sei empört.",
            ["zurück"],
            "sie",
            "Die Ministerin",
        ),
        # the tagger took the participle alone; the auxiliary stands second
        (
            "Die Stiftung Waldhaus hat im Mai darauf hingewiesen, dass Geld fehle.",
            ["hingewiesen"],
            "dass",
            "Die Stiftung Waldhaus",
        ),
    ],
)
def test_sentence_initial_subject_of_a_split_cue(
    text: str, cue: list[str], content_from: str, speaker: str
) -> None:
    got, rules = speaker_of(text, cue, content_from)
    assert got == speaker
    assert "group.speaker.sentence_initial.split_verb.v1" in rules


def test_sentence_initial_subject_opening_with_an_article() -> None:
    # "Die" is also a demonstrative pronoun ("Die sagte …"), but here it opens the subject
    got, rules = speaker_of("Die Gewerkschaft sagte, sie streike.", ["sagte"], "sie")
    assert got == "Die Gewerkschaft"
    assert rules == ["group.speaker.sentence_initial.v1"]


@pytest.mark.parametrize(
    ("text", "cue", "content_from"),
    [
        # a passive: its subject is not the speaker
        ("Der Plan wurde am Montag vorgestellt, er koste viel.", ["vorgestellt"], "er"),
        # a stem without its particle in the cue is no split cue
        ("Die Firma gab Geld aus, dass es reiche.", ["gab"], "dass"),
    ],
)
def test_no_sentence_initial_subject_without_a_split_cue(
    text: str, cue: list[str], content_from: str
) -> None:
    got, _ = speaker_of(text, cue, content_from)
    assert got == ""
