"""``according_to.according_clause_content`` on hand-built drafts: the content of a statement runs
on past its own according-to construction to the end of the clause."""

from __future__ import annotations

from sayso.extract import according, according_to, draft
from sayso.lang import load
from sayso.model import Form
from sayso.text.segment import segment


def grown(text: str, content: str, cue: str, frame_to_end: bool = True) -> tuple[str, str]:
    """Content and frame after the rule, for a draft whose content is the words
    ``content`` (contiguous), whose cue is the word ``cue`` and whose frame runs from the
    cue to the sentence end (as the frame tagger does)."""
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    b = seg.sentences[0][1] - 1
    first = content.split()
    c0 = next(i for i in range(len(words)) if words[i : i + len(first)] == first)
    c = words.index(cue)
    d = draft.Draft(
        parts=[draft.Seg(c0, c0 + len(first), "indirect", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(c, c + 1, "C", 0)],
        frame=[draft.Seg(c, b if frame_to_end else c + 2, "F", 0)],
    )
    according_to.according_clause_content(seg, profile, [d])
    show = lambda runs: " … ".join(" ".join(words[r.a : r.b]) for r in runs)  # noqa: E731
    return show(d.parts), show(d.frame)


def test_content_continues_after_an_embedded_laut() -> None:
    assert grown(
        "Zunächst ist laut Automobilwoche an den Bau des Modells gedacht.", "Zunächst ist", "laut"
    ) == (
        "Zunächst ist … an den Bau des Modells gedacht",
        "laut Automobilwoche",
    )


def test_an_embedded_clause_ends_at_its_comma() -> None:
    text = "Die Armee, die laut Gesetz für die Sicherheit zuständig ist, hält sich zurück."
    assert grown(text, "die", "laut")[0] == "die … für die Sicherheit zuständig ist"


def test_content_after_a_sentence_initial_construction_starts_right_after_it() -> None:
    text = (
        "Nach Aussagen des Ministeriums haben sich die Menschen versammelt, nachdem eine "
        "Warnung missachtet worden sei."
    )
    assert grown(text, "missachtet worden sei", "Nach")[0] == (
        "haben sich die Menschen versammelt , nachdem eine Warnung missachtet worden sei"
    )


def test_adverbial_laut_is_no_construction() -> None:
    # "laut über … nachdenken" is "aloud": no according-to match, nothing grows
    text = "Der Chef dachte bereits laut über mögliche Nachfolger nach."
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    assert according.find(seg, profile, 0, 0.0) == []
    assert grown(text, "Der Chef dachte bereits", "laut", frame_to_end=False)[0] == (
        "Der Chef dachte bereits"
    )


def according_content(text: str) -> str:
    """The content ``according_to.according_to_statements`` gives a sentence without statements."""
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    (d,) = according_to.according_to_statements(seg, profile, [], 0.5)
    return " … ".join(" ".join(seg.words[p.a : p.b]) for p in d.parts)


def test_the_clause_before_the_host_clause_is_no_content() -> None:
    text = "Die ersten Funde gab es 2000, im Jahr 2004 war die Gruppe nach eigener Aussage am Ziel."
    assert according_content(text) == "im Jahr 2004 war die Gruppe … am Ziel"


def test_a_relative_clause_hosting_the_construction_starts_at_its_pronoun() -> None:
    text = (
        "Die Stadt führte eine Umweltzone ein, die nach Einschätzung des Amtes die Luft verbessert."
    )
    assert according_content(text) == "die … die Luft verbessert"


def test_an_embedded_relative_clause_keeps_the_subject_before_it() -> None:
    text = "Die Firma, die 1990 gegründet wurde, plant laut Gewerkschaft den Abbau von Stellen."
    assert according_content(text) == (
        "Die Firma , die 1990 gegründet wurde , plant … den Abbau von Stellen"
    )


def test_an_apposition_of_the_source_is_no_content() -> None:
    text = "Nach Angaben von Anna Berger, einer Managerin der Firma, wurde eine Besatzung gefunden."
    assert according_content(text) == "wurde eine Besatzung gefunden"


def matched(text: str) -> list[tuple[str, str, str]]:
    profile = load("de")
    seg = segment(text, profile.abbreviations, profile.months)
    return [
        (
            m.pattern.id,
            " ".join(seg.words[i] for i in m.source),
            " ".join(seg.words[m.start : m.end]),
        )
        for m in according.find(seg, profile, 0, 0.5)
    ]


def test_wie_aus_kreisen_verlautete_is_one_construction() -> None:
    text = "Wie aus Reihen des Gerichts verlautete, wurde er in Serbien gefasst."
    assert matched(text) == [
        (
            "de.wie_verlautete",
            "Reihen des Gerichts",
            "Wie aus Reihen des Gerichts verlautete",
        )
    ]


def test_a_genitive_without_article_and_a_name_with_digits_are_sources() -> None:
    assert matched("Die Lage soll nach Meinung politischer Beobachter ernst sein.")[0][1] == (
        "Meinung politischer Beobachter"
    )
    assert matched("Nach Angaben von n24 sind die Gruppen mobil.")[0][1] == "Angaben von n24"


def test_a_tagged_content_loses_the_words_of_its_construction() -> None:
    text = "Laut Justizsprecher Anna Berger sei nichts weiter passiert."
    assert grown(text, "Berger sei nichts weiter passiert", "Laut", frame_to_end=False)[0] == (
        "sei nichts weiter passiert"
    )
