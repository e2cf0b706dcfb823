"""``clause.json`` ``inherit_reach``: a German quotation without its own attribution
inherits the previous statement's speaker only when that speaker was named in the
sentence before; Konjunktiv continuations keep inheriting over longer stretches."""

from __future__ import annotations

import sayso
from sayso.lang import load


def _actors(text: str) -> list[tuple[str, str | None]]:
    a = sayso.analyze(text, lang="de")
    out = []
    for s in a.statements:
        actor = a.actor(s.chain[-1] if s.chain else s.actor)
        name = None if actor is None or actor.kind.value == "unknown" else actor.name
        out.append((a.text[s.content[0].start : s.content[-1].end], name))
    return out


def test_the_german_profile_sets_a_reach() -> None:
    assert load("de").inherit_reach == 1
    assert load("en").inherit_reach == 0


def test_a_quotation_right_after_its_speaker_inherits() -> None:
    text = (
        "Die Ministerin Anna Berger sagte am Montag, die Brücke werde im Mai fertig. "
        "„Wir sind im Zeitplan.“"
    )
    assert _actors(text)[-1] == ("„Wir sind im Zeitplan.“", "Anna Berger")


def test_a_quotation_far_from_the_last_speaker_does_not_inherit() -> None:
    text = (
        "Die Ministerin Anna Berger sagte am Montag, die Brücke werde im Mai fertig. "
        "Der Bau war lange umstritten. „Wir sind im Zeitplan.“"
    )
    assert _actors(text)[-1] == ("„Wir sind im Zeitplan.“", None)
