"""Actor identity across articles: transliteration variants, surnames, typos, titles."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sayso.ledger import identity
from sayso.ledger.identity import name_key, same_actor
from sayso.model import ActorKind


@pytest.mark.parametrize(
    "names",
    [
        ("Selenskyj", "Zelensky", "Zelenskyy", "Selenskij", "Zelenskiy"),
        ("Schoigu", "Shoigu"),
        ("Peskow", "Peskov"),
        ("Nawalny", "Navalny", "Nawalnyj"),
        ("Sergej Lawrow", "Sergey Lavrov"),
        ("Wladimir Putin", "Vladimir Putin"),
        ("Chodorkowski", "Khodorkovsky"),
    ],
)
def test_identity_transliterations_share_one_key(names: tuple[str, ...]) -> None:
    keys = {name_key(n) for n in names}
    assert len(keys) == 1, keys


def test_identity_full_name_and_surname_are_one_person() -> None:
    m = same_actor("Wolodymyr Selenskyj", "Zelensky")
    assert m is not None and m.rule == "identity.surname"


def test_identity_titles_are_not_part_of_the_name() -> None:
    titles = frozenset({"prasident", "president", "kremlsprecher"})
    assert name_key("Präsident Selenskyj", titles) == name_key("Selenskyj")
    m = same_actor("Präsident Wolodymyr Selenskyj", "President Zelenskyy", titles=titles)
    assert m is not None


def test_identity_one_letter_typo_in_a_long_name() -> None:
    m = same_actor("Selenskyj", "Selemskyj", corroborated=True)
    assert m is not None and m.rule == "identity.typo" and m.score < 1


def test_identity_a_typo_needs_more_than_edit_distance() -> None:
    """A near surname alone is often another person; an abbreviation one letter off is
    another body."""
    assert same_actor("Selenskyj", "Selemskyj") is None
    assert same_actor("Karl Hollweger", "Karl Hallweger") is None
    for kind in (ActorKind.OUTLET, ActorKind.ORGANIZATION):
        assert (
            same_actor("Agentur Nordpress", "Agentur Nordprest", kind, kind, corroborated=True)
            is None
        )


def test_identity_different_people_stay_apart() -> None:
    assert same_actor("Scholz", "Schulz") is None  # short names: no typo rule
    assert same_actor("Angela Merkel", "Friedrich Merz") is None
    assert same_actor("Olaf Scholz", "Martin Schulz") is None
    assert same_actor("Anna Berger", "Thomas Berger") is None  # same surname, other person


def test_identity_anonymous_groups_are_never_merged_by_name() -> None:
    assert same_actor("officials", "officials", ActorKind.ANONYMOUS, ActorKind.ANONYMOUS) is None


def test_identity_kinds_must_be_compatible() -> None:
    assert same_actor("Reuters", "Reuters", ActorKind.OUTLET, ActorKind.PERSON) is None
    assert same_actor("Reuters", "Reuters", ActorKind.OUTLET, ActorKind.UNKNOWN) is not None


@given(st.text(max_size=60))
def test_identity_fold_drops_exactly_the_combining_marks(text: str) -> None:
    reference = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    reference = re.sub(r"[^a-z0-9 ]+", " ", reference.replace("ß", "ss").lower()).strip()
    assert identity.fold(text) == reference


def test_identity_given_names_must_agree_beyond_the_first_word() -> None:
    assert same_actor("John F. Kennedy", "John Kennedy") is not None
    assert same_actor("Hillary Rodham Clinton", "Hillary Clinton") is not None
    assert same_actor("Bill Clinton", "Hillary Clinton") is None
    # an unknown title in front is no shared first name
    assert same_actor("Oberamtsrätin Anna Berger", "Oberamtsrätin Thomas Berger") is None
