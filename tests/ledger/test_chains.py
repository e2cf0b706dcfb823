"""The source chains an actor appears in (``Ledger.chains``) and the ledger's change
counter (``Ledger.change_version``), on SQLite and PostgreSQL. Texts written for these
tests."""

from __future__ import annotations

from sqlalchemy import text

from sayso.ledger import Ledger
from sayso.model import Actor, ActorKind, Analysis, Form, Span, Statement

TEXT = (
    "Nach Angaben der Agentur Nordpress sagten Kreise im Ministerium, Karl Brenner wolle "
    "zurücktreten. Brenner sagte, er bleibe im Amt."
)


def _span(word: str) -> Span:
    start = TEXT.index(word)
    return Span(start, start + len(word))


def chained(site: str = "Tagesblatt") -> Analysis:
    """s1: Nordpress → Kreise → Brenner (three hops); s2: Brenner alone (one hop)."""
    return Analysis(
        text=TEXT,
        lang="de",
        statements=(
            Statement(
                id="s1", content=(_span("Karl Brenner wolle zurücktreten"),),
                form=Form.INDIRECT, speaker=(_span("Kreise im Ministerium"),), actor="a2",
                chain=("a1", "a2", "a3"),
            ),
            Statement(
                id="s2", content=(_span("er bleibe im Amt"),), form=Form.INDIRECT,
                speaker=(_span("Brenner sagte"),), actor="a3", chain=("a3",),
            ),
        ),
        actors=(
            Actor("a1", "Nordpress", ActorKind.ORGANIZATION, mentions=(_span("Nordpress"),)),
            Actor("a2", "Kreise im Ministerium", ActorKind.ANONYMOUS,
                  mentions=(_span("Kreise im Ministerium"),)),
            Actor("a3", "Karl Brenner", ActorKind.PERSON, mentions=(_span("Karl Brenner"),)),
        ),
    )  # fmt: skip


def _actor_id(ledger: Ledger, name: str) -> int:
    return next(a.id for a in ledger.actors(name=name) if a.name == name)


def test_chains_lists_each_chain_holding_the_actor_with_its_statements(ledger: Ledger) -> None:
    doc = ledger.add({"site": "Tagesblatt", "published": "2024-05-02"}, chained()).document_id
    brenner, agency = _actor_id(ledger, "Karl Brenner"), _actor_id(ledger, "Nordpress")
    found = ledger.chains(brenner)
    assert len(found) == 1  # the one-hop chain of s2 is Brenner's own statement, not listed
    chain = found[0]
    assert [h.name for h in chain.hops] == ["Nordpress", "Kreise im Ministerium", "Karl Brenner"]
    assert [h.kind for h in chain.hops] == ["organization", "anonymous", "person"]
    assert chain.position == 2 and chain.appearances == 1
    (st,) = chain.statements
    assert (st.document_id, st.local_id, st.site) == (doc, "s1", "Tagesblatt")
    assert st.content == "Karl Brenner wolle zurücktreten"
    # the outlet at the head of the chain finds the same chain, standing first
    assert [c.position for c in ledger.chains(agency)] == [0]
    out = chain.to_dict()
    assert out["hops"][0] == {"actor_id": agency, "name": "Nordpress", "kind": "organization"}
    assert out["statements"][0]["published_date"] == "2024-05-02"


def test_chains_groups_one_chain_carried_by_several_documents(ledger: Ledger) -> None:
    ledger.add({"site": "Tagesblatt", "published": "2024-05-02"}, chained())
    # the same report in a second outlet (another text: one more sentence)
    other = chained()
    other = Analysis(
        text=TEXT + " Mehr folgt.", lang="de", statements=other.statements, actors=other.actors
    )
    doc2 = ledger.add({"site": "Abendpost", "published": "2024-05-03"}, other).document_id
    (chain,) = ledger.chains(_actor_id(ledger, "Karl Brenner"))
    assert chain.appearances == 2
    assert chain.statements[0].document_id == doc2  # newest first
    assert ledger.chains(_actor_id(ledger, "Karl Brenner"), documents=1)[0].appearances == 1


def test_chains_of_an_actor_without_chains_is_empty(ledger: Ledger) -> None:
    ledger.add({"site": "Tagesblatt"}, chained())
    assert ledger.chains(999_999) == []


def test_chains_follow_a_merge_of_actors(ledger: Ledger) -> None:
    ledger.add({"site": "Tagesblatt"}, chained())
    brenner, agency = _actor_id(ledger, "Karl Brenner"), _actor_id(ledger, "Nordpress")
    merge_id = ledger.merge_actors(brenner, agency)
    (chain,) = ledger.chains(brenner)
    assert [h.actor_id for h in chain.hops] == [brenner, _kreise(ledger), brenner]
    assert ledger.chains(agency) == []
    ledger.split_actor(merge_id)
    assert [c.position for c in ledger.chains(agency)] == [0]


def _kreise(ledger: Ledger) -> int:
    return _actor_id(ledger, "Kreise im Ministerium")


def test_change_version_rises_with_every_kind_of_write(ledger: Ledger) -> None:
    seen = [ledger.change_version()]

    def rose() -> bool:
        seen.append(ledger.change_version())
        return seen[-1] > seen[-2]

    doc = ledger.add({"site": "Tagesblatt"}, chained()).document_id
    assert rose()
    assert not rose()  # reading changes nothing
    ledger.correct(doc, "s1", "not_statement", author="desk")
    assert rose()
    merge_id = ledger.merge_actors(_actor_id(ledger, "Karl Brenner"), _kreise(ledger))
    assert rose()
    ledger.split_actor(merge_id)
    assert rose()
    ledger.add_error("https://example.org/x", "E026", "unreachable")
    assert rose()


def test_change_version_sees_a_write_by_another_connection(ledger: Ledger) -> None:
    """A write that bypasses the library (psql, another process) counts too."""
    doc = ledger.add({"site": "Tagesblatt"}, chained()).document_id
    before = ledger.change_version()
    with ledger.engine.begin() as conn:
        conn.execute(text("UPDATE documents SET site = 'Abendpost' WHERE id = :d"), {"d": doc})
    assert ledger.change_version() > before


def test_query_actor_list_of_any_length_is_one_parameter(ledger: Ledger) -> None:
    """A speaker query naming thousands of actors (a generic word) passes them as one
    parameter; it selects the same statements as a short IN list."""
    from sqlalchemy import select

    from sayso.ledger import orm as t
    from sayso.ledger import query

    ledger.add({"site": "Tagesblatt"}, chained())
    brenner = _actor_id(ledger, "Karl Brenner")
    many = [*range(100_000, 100_200), brenner]
    with ledger.db.read() as session:
        found = session.scalars(select(t.Statement.local_id).where(query._among(ledger.db, many)))
        assert sorted(found) == ["s2"]
    by_name = ledger.statements(speaker="Brenner", limit=5)
    assert [r.local_id for r in by_name] == ["s2"]


def test_change_watch_reads_the_counter_on_its_own_connection(ledger: Ledger) -> None:
    watch = ledger.change_watch()
    try:
        before = watch.version()
        assert before == ledger.change_version()
        ledger.add({"site": "Tagesblatt"}, chained())  # another connection writes
        assert watch.version() == ledger.change_version() > before
        watch._conn.close()  # a lost connection is opened again
        assert watch.version() == ledger.change_version()
    finally:
        watch.close()


def test_change_watch_on_an_in_memory_ledger_keeps_its_one_connection() -> None:
    with Ledger.open("sqlite:///:memory:") as ledger:
        watch = ledger.change_watch()
        before = watch.version()
        ledger.add({"site": "Tagesblatt"}, chained())
        assert watch.version() > before
        assert ledger.stats()["documents"] == 1  # the same database as before


def test_chains_of_an_actor_of_many_documents_reads_the_newest(ledger: Ledger) -> None:
    """More documents than four times ``documents``: the newest are walked by date."""
    for day in range(1, 7):
        text = TEXT + f" Teil {day}."
        base = chained()
        analysis = Analysis(text=text, lang="de", statements=base.statements, actors=base.actors)
        ledger.add({"site": f"Blatt{day}", "published": f"2024-05-0{day}"}, analysis)
    brenner = _actor_id(ledger, "Karl Brenner")
    (newest,) = ledger.chains(brenner, documents=1)
    assert newest.appearances == 1 and newest.statements[0].site == "Blatt6"
    (all_six,) = ledger.chains(brenner, documents=10)
    assert all_six.appearances == 6
    assert [s.site for s in all_six.statements] == [f"Blatt{d}" for d in range(6, 0, -1)]
