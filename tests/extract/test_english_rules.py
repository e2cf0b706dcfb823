"""English rules for statements the content tagger misses: a cue verb with a bare content
clause in an otherwise empty sentence, and speaker labels of transcripts and headlines.
All sentences are written for these tests."""

from __future__ import annotations

import sayso
from sayso.extract import indirect
from sayso.lang import load
from sayso.model import Form
from sayso.tagging.tagger import taggers
from sayso.text.segment import segment


def _cue_clauses(text: str) -> list[tuple[str, str, str]]:
    profile = load("en")
    tg = taggers("en")
    seg = segment(text, profile.abbreviations, profile.months)
    tagged = tg.tag(seg)
    out = []
    for d in indirect.cue_clauses(seg, profile, tg, tagged, []):
        assert d.rules[0] == "rule.cue_clause.v1"
        out.append(
            (
                " ".join(seg.words[d.a : d.b]),
                " ".join(w for r in d.speaker for w in seg.words[r.a : r.b]),
                " ".join(w for r in d.cue for w in seg.words[r.a : r.b]),
            )
        )
    return out


def test_cue_clause_takes_the_clause_after_a_reporting_verb() -> None:
    got = _cue_clauses(
        "The spokesman said Clinton will address the comments at an event in Florida "
        "later on Friday."
    )
    assert got == [
        (
            "Clinton will address the comments at an event in Florida later on Friday",
            "The spokesman",
            "said",
        )
    ]


def test_cue_clause_takes_the_object_of_a_speech_verb() -> None:
    got = _cue_clauses("The senator criticized the new tax plan for its cost to small farms.")
    assert got == [("the new tax plan for its cost to small farms", "The senator", "criticized")]
    # a writing verb with an object is no statement
    assert _cue_clauses("Her doctor wrote a memoir of her years at the clinic.") == []


def test_cue_clause_skips_noun_readings_of_cue_forms() -> None:
    # "states" and "report" are nouns here, not verbs
    assert _cue_clauses("The interests of member states trump everything else in the plan.") == []
    assert _cue_clauses("The annual report shows the budget grew by a tenth last year.") == []


def test_cue_clause_skips_passives_and_sentences_without_speaker() -> None:
    assert _cue_clauses("The new curfew was announced on Monday for the whole district.") == []


def test_speaker_label_of_a_transcript_and_a_headline() -> None:
    text = (
        "Miller: Bridge Plan Is Dead\n\n"
        "Partial transcript:\n\n"
        "MILLER: We will open the new bridge in spring, and not a day later.\n\n"
        "The Latest: The council met again on Monday."
    )
    a = sayso.analyze(text, lang="en")
    labelled = [s for s in a.statements if "rule.speaker_label.v1" in s.rules]
    assert [(a.spans_text(s.speaker), a.spans_text(s.cue)) for s in labelled] == [
        ("Miller", ":"),
        ("MILLER", ":"),
    ]
    assert a.spans_text(labelled[0].content) == "Bridge Plan Is Dead"
    assert a.spans_text(labelled[1].content) == (
        "We will open the new bridge in spring, and not a day later"
    )


def _statements(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    a = sayso.analyze(text, lang="en")
    return [
        (a.spans_text(s.speaker), a.spans_text(s.cue), a.spans_text(s.content), s.rules)
        for s in a.statements
    ]


def test_according_to_source_runs_to_the_clause_break() -> None:
    (got,) = _statements(
        "According to early exit polls, the mayor kept a small lead in the northern suburbs."
    )
    assert got[:3] == (
        "early exit polls",
        "According to",
        "the mayor kept a small lead in the northern suburbs",
    )
    (got,) = _statements(
        "Nearly 4,000 nurses joined the strike across the state, according to the union "
        "organizer Nurses for Fair Pay (NFP)."
    )
    assert got[0] == "the union organizer Nurses for Fair Pay (NFP)"


def test_medial_attribution_takes_the_content_on_both_sides() -> None:
    (got,) = _statements(
        "The old ferry was safe for decades, the harbor spokesman said, until the storm "
        "damaged its hull."
    )
    assert got[0] == "the harbor spokesman"
    assert got[1] == "said"
    assert "The old ferry was safe for decades" in got[2]
    assert "until the storm damaged its hull" in got[2]
    assert any("medial_attribution" in r for r in got[3])


def test_according_to_source_replaces_a_speaker_found_elsewhere() -> None:
    got = _statements(
        "The new parking rules appear to be hurting small shops in the old town, according "
        "to a recent city survey of store owners."
    )
    assert [g[:2] for g in got] == [("a recent city survey of store owners", "according to")]


def test_postposed_speaker_keeps_a_party_label_and_its_apposition() -> None:
    got = _statements(
        '"We will not back down on this," said Rep. Anna Berg (D-Ore.), head of the caucus.'
    )
    assert [g[0] for g in got] == ["Rep. Anna Berg (D-Ore.), head of the caucus"]


def test_speaker_trim_drops_a_time_phrase_and_a_leading_relative_pronoun() -> None:
    from sayso.extract.draft import Draft, Seg
    from sayso.extract.speakers import trim_speakers
    from sayso.model import Form

    profile = load("en")
    text = "A short council report in 2019 said so, which the mayor said too."
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    d1 = Draft(parts=[Seg(7, 8, "indirect", 0)], form=Form.INDIRECT)
    d1.speaker = [Seg(0, 6, "S", 0)]  # "A short council report in 2019"
    k = words.index("which")
    d2 = Draft(parts=[Seg(k + 4, k + 5, "indirect", 0)], form=Form.INDIRECT)
    d2.speaker = [Seg(k, k + 3, "S", 0)]  # "which the mayor"
    trim_speakers(seg, profile, [d1, d2])
    assert words[d1.speaker[0].a : d1.speaker[0].b] == ["A", "short", "council", "report"]
    assert "group.speaker.trim.v1" in d1.rules
    assert words[d2.speaker[0].a : d2.speaker[0].b] == ["which", "the", "mayor"]


def test_speaker_trim_keeps_the_time_of_a_participle_or_relative_clause() -> None:
    from sayso.extract.draft import Draft, Seg
    from sayso.extract.speakers import trim_speakers
    from sayso.model import Form

    profile = load("en")
    text = "A council survey conducted last week found that, and Berg, who won in 2019, agreed."
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    f = words.index("found")
    d1 = Draft(parts=[Seg(f + 1, f + 2, "indirect", 0)], form=Form.INDIRECT)
    d1.speaker = [Seg(0, f, "S", 0)]  # "A council survey conducted last week"
    b = words.index("Berg")
    d2 = Draft(parts=[Seg(b - 2, b - 1, "indirect", 0)], form=Form.INDIRECT)
    d2.speaker = [Seg(b, words.index("2019") + 1, "S", 0)]  # "Berg, who won in 2019"
    trim_speakers(seg, profile, [d1, d2])
    assert words[d1.speaker[0].a : d1.speaker[0].b][-2:] == ["last", "week"]
    assert words[d2.speaker[0].b - 1] == "2019"
    assert not d1.rules and not d2.rules


def _cued(text: str, cue: str) -> tuple[str, list[str]]:
    from sayso.extract import draft, speakers

    profile = load("en")
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    c = words.index(cue)
    d = draft.Draft(
        parts=[draft.Seg(c + 1, len(words) - 1, "q", 0)],
        form=Form.INDIRECT,
        cue=[draft.Seg(c, c + 1, "C", 0)],
    )
    speakers.clause_subject(seg, profile, [d])
    return " ".join(words[i] for r in d.speaker for i in range(r.a, r.b)), d.rules


def test_a_cue_verb_coordinated_with_the_main_verb_takes_its_subject() -> None:
    got = _cued("The senator criticised the bill and suggested that it would fail.", "suggested")
    assert got == ("The senator", ["group.speaker.coordinated_verb.v1"])
    got = _cued("Berg answered first, but then said that the plan was dead.", "said")
    assert got == ("Berg", ["group.speaker.coordinated_verb.v1"])


def test_a_coordinated_cue_after_an_opening_participle_takes_no_subject() -> None:
    assert _cued("Asked about the vote, she smiled and said it was over.", "said") == ("", [])


def test_speaker_runs_on_over_an_apposition_and_relative_clause() -> None:
    from sayso.extract.draft import Draft, Seg
    from sayso.extract.speakers import extend_speaker_to_cue
    from sayso.model import Form

    profile = load("en")

    def run(text: str, speaker: tuple[int, int]) -> str:
        seg = segment(text, profile.abbreviations, profile.months)
        words = seg.words
        c = words.index("said")
        d = Draft(parts=[Seg(0, 1, "indirect", 0)], form=Form.INDIRECT)
        d.speaker = [Seg(speaker[0], speaker[1], "S", 0)]
        d.cue = [Seg(c, c + 1, "C", 0)]
        extend_speaker_to_cue(seg, profile, [d])
        return " ".join(words[d.speaker[0].a : d.speaker[0].b])

    # before the cue: an apposition, not a participle phrase
    assert run("Peter Berg, a lawyer for the club, said so.", (0, 2)) == (
        "Peter Berg , a lawyer for the club"
    )
    assert run("Anna Berg, speaking to reporters, said so.", (0, 2)) == "Anna Berg"
    # after a sentence-final cue: apposition and relative clause up to the end
    text = '"It is unsafe," said Peter Berg, a lawyer for the club, who has fought the plant.'
    seg = segment(text, profile.abbreviations, profile.months)
    k = seg.words.index("Peter")
    assert run(text, (k, k + 2)) == (
        "Peter Berg , a lawyer for the club , who has fought the plant"
    )


def test_party_label_with_a_two_part_state_does_not_end_the_sentence() -> None:
    profile = load("en")
    text = '"We stay," said Rep. Anna Berg (D-N.Y.), a member of the panel. The vote is due.'
    seg = segment(text, profile.abbreviations, profile.months)
    assert len(seg.sentences) == 2
    got = _statements(text)
    assert [g[0] for g in got] == ["Rep. Anna Berg (D-N.Y.), a member of the panel"]


def test_postposed_speaker_with_a_relative_clause_runs_to_the_sentence_end() -> None:
    # "who" inside the apposition opens a relative clause, not a content clause
    got = _statements(
        "The new ferry could start next month, said Peter Holm, a consultant to the harbor "
        "board who oversees the tender."
    )
    assert [g[:2] for g in got] == [
        ("Peter Holm, a consultant to the harbor board who oversees the tender", "said")
    ]
    assert any("postposed_attribution" in r for r in got[0][3])
    # a relative clause at the sentence end may hold commas; a content-less draft the
    # tagger made inside it does not stop the speaker
    text = (
        '"The harbor needs a plan," said Peter Holm, who ran the port from 1995 to 1999, '
        "during the strike, and has advised the city since her first term."
    )
    (got,) = _statements(text)
    assert got[0] == (
        "Peter Holm, who ran the port from 1995 to 1999, during the strike, and has advised "
        "the city since her first term"
    )


def test_speaker_ended_inside_its_apposition_runs_on() -> None:
    from sayso.extract.draft import Draft, Seg
    from sayso.extract.speakers import extend_speaker_to_cue
    from sayso.model import Form

    profile = load("en")
    text = '"It is unsafe," said Peter Berg, a lawyer at Holm & Berg, who represents the club.'
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    c = words.index("said")

    def run(hi: int) -> str:
        d = Draft(parts=[Seg(0, c - 1, "direct", 0)], form=Form.DIRECT)
        d.speaker = [Seg(c + 1, hi, "S", 0)]
        d.cue = [Seg(c, c + 1, "C", 0)]
        extend_speaker_to_cue(seg, profile, [d])
        return " ".join(words[d.speaker[0].a : d.speaker[0].b])

    lawyer = words.index("lawyer") + 1
    assert run(lawyer) == "Peter Berg , a lawyer at Holm & Berg , who represents the club"
    # without an apposition begun there is nothing to continue
    assert run(c + 3) == "Peter Berg , a lawyer at Holm & Berg , who represents the club"
    text2 = '"It is unsafe," said Peter Berg, in a statement.'
    seg2 = segment(text2, profile.abbreviations, profile.months)
    c2 = seg2.words.index("said")
    d = Draft(parts=[Seg(0, c2 - 1, "direct", 0)], form=Form.DIRECT)
    d.speaker = [Seg(c2 + 1, c2 + 3, "S", 0)]
    d.cue = [Seg(c2, c2 + 1, "C", 0)]
    extend_speaker_to_cue(seg2, profile, [d])
    assert seg2.words[d.speaker[0].a : d.speaker[0].b] == ["Peter", "Berg"]


def test_medial_attribution_after_a_two_word_subject() -> None:
    (got,) = _statements(
        "The museum, the mayor said, will open its new wing to visitors in the spring."
    )
    assert got[:2] == ("the mayor", "said")
    assert "The museum" in got[2] and "will open its new wing" in got[2]


def test_attribution_after_a_question_or_exclamation() -> None:
    got = _statements(
        "The hearing ran late. “Why is this bank still allowed to operate?” Holm demanded. "
        "The chair did not answer."
    )
    after = [g for g in got if "group.attribution_after_quote.v1" in g[3]]
    assert [g[:2] for g in after] == [("Holm", "demanded")]
    got = _statements(
        "“We won the vote!” Peter Holm said, looking at the crowd. The count ended at noon."
    )
    assert [g[:2] for g in got] == [("Peter Holm", "said")]
    # the next sentence is a statement of its own, not an attribution
    got = _statements("“Who pays for this?” The council said the budget is fixed.")
    assert all("group.attribution_after_quote.v1" not in g[3] for g in got)


def test_speaker_takes_the_comma_closing_its_apposition() -> None:
    from sayso.extract.draft import Draft, Seg
    from sayso.extract.speaker_phrases import speaker_closing_comma
    from sayso.model import Form

    profile = load("en")
    text = "Anna Berg, the mayor, said the plan is dead, and Holm, too, agreed."
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    d1 = Draft(parts=[Seg(6, 10, "indirect", 0)], form=Form.INDIRECT)
    d1.speaker = [Seg(0, 5, "S", 0)]  # "Anna Berg , the mayor"
    h = words.index("Holm")
    d2 = Draft(parts=[Seg(h + 4, h + 5, "indirect", 0)], form=Form.INDIRECT)
    d2.speaker = [Seg(h, h + 2, "S", 0)]  # "Holm ,"
    speaker_closing_comma(seg, profile, [d1, d2])
    assert words[d1.speaker[0].a : d1.speaker[0].b] == ["Anna", "Berg", ",", "the", "mayor", ","]
    assert words[d2.speaker[0].a : d2.speaker[0].b] == ["Holm"]
    assert "group.speaker.closing_comma.v1" in d1.rules


def test_pronoun_speaker_leaves_out_a_contracted_auxiliary() -> None:
    got = _statements("He’s claiming that the count was rigged. She's said the vote was fair.")
    assert [g[0] for g in got] == ["He", "She"]
    assert all("group.speaker.contraction.v1" in g[3] for g in got)
    # a name's possessive stays
    got = _statements("Clinton's aide said the plan failed.")
    assert got[0][0] == "Clinton's aide"


def test_a_speaker_that_ran_into_its_verb_ends_with_the_subject() -> None:
    from sayso.extract.draft import Draft, Seg
    from sayso.extract.speaker_phrases import cut_at_clause

    profile = load("en")
    text = "Former aide Jon Berg published a column on Monday, arguing that the vote matters."
    seg = segment(text, profile.abbreviations, profile.months)
    words = seg.words
    c = words.index("arguing")
    d = Draft(parts=[Seg(c + 1, len(words) - 1, "indirect", 0)], form=Form.INDIRECT)
    d.speaker = [Seg(0, c - 1, "S", 0)]  # the tagger's "Former aide … on Monday"
    cut_at_clause(seg, profile, [d])
    assert words[d.speaker[0].a : d.speaker[0].b] == ["Former", "aide", "Jon", "Berg"]
    assert d.rules == ["group.speaker.clause_cut.v1"]


def test_a_speaker_with_a_relative_clause_or_participle_adjective_is_kept() -> None:
    from sayso.extract.draft import Draft, Seg
    from sayso.extract.speaker_phrases import cut_at_clause

    profile = load("en")
    text = "A retired teacher who lined up early said the wall was needed."
    seg = segment(text, profile.abbreviations, profile.months)
    said = seg.words.index("said")
    d = Draft(parts=[Seg(said + 1, len(seg.words) - 1, "indirect", 0)], form=Form.INDIRECT)
    d.speaker = [Seg(0, said, "S", 0)]
    cut_at_clause(seg, profile, [d])
    assert (d.speaker[0].a, d.speaker[0].b) == (0, said) and not d.rules
