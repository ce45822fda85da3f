"""analysis/names.py: the one place that decides when two spellings name the same thing."""

from __future__ import annotations

import pytest

from kimreader.analysis.names import (
    abbreviates,
    canonical_key,
    display_name,
    is_acronym_of,
    resolve_short_name,
    same_entity,
    surname,
)

# Pairs from issue #11, each seen on a real page or report pair.
SAME_PERSON = [
    ("Adam Schiff", "Adam B. Schiff"),
    ("Robert Mueller", "Robert S. Mueller III"),
    ("William Barr", "William P. Barr"),
    ("Michael Conaway", "K. Michael Conaway"),
    ("Donald J. Trump", "Donald Trump"),
    ("Omar Hassan al-Bashir", "Omar al-Bashir"),
    ("Netan\u00adyahu", "Netanyahu"),
    ("José Martí", "Jose Marti"),
    ("Martin Luther King Jr.", "Martin Luther King"),
    ("Sen. Chuck Grassley", "Chuck Grassley"),
]


@pytest.mark.parametrize(("a", "b"), SAME_PERSON)
def test_spellings_of_one_person_share_a_key(a: str, b: str) -> None:
    assert same_entity(a, (), b, (), "person")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Moon Jae-in", "Moon Chung-in"), ("Kim Jong Un", "Kim Jong Il"), ("Kim Jong Un", "Kim")],
)
def test_different_people_stay_apart(a: str, b: str) -> None:
    assert not same_entity(a, (), b, (), "person")


def test_acronyms_and_curated_aliases() -> None:
    assert same_entity("U.N.", (), "UN", (), "org")
    assert same_entity("UN", (), "United Nations", (), "org")
    assert is_acronym_of("ICC", "International Criminal Court")
    assert not is_acronym_of("ICC", "Criminal Court")


def test_titles_stay_in_organisation_names() -> None:
    assert canonical_key("General Motors") == "general motors"
    assert canonical_key("President Xi Jinping") == "xi jinping"


def test_short_forms_and_surnames_with_particles() -> None:
    bashir = canonical_key("Omar Hassan al-Bashir", "person")
    assert surname(bashir) == "al bashir"
    assert abbreviates(bashir, "bashir") and abbreviates(bashir, "al bashir")
    assert abbreviates(canonical_key("Robert S. Mueller III", "person"), "mueller")
    assert not abbreviates("kim jong un", "jong")


def test_a_short_name_resolves_to_the_person_introduced_first_or_the_recent_speaker() -> None:
    full_names = {"kim jong un": 0, "kim byung yeon": 100}
    assert resolve_short_name("kim", 50, full_names) == "kim jong un"
    assert resolve_short_name("kim", 200, full_names) == "kim jong un"
    speakers = [(100, "kim byung yeon")]
    assert resolve_short_name("kim", 200, full_names, speakers, attribution=True) == (
        "kim byung yeon"
    )
    assert resolve_short_name("lee", 200, full_names) is None


def test_display_name_drops_titles_and_invisible_characters() -> None:
    assert display_name("President Xi Jinping", "person") == "Xi Jinping"
    assert display_name("Benjamin Netan\u00adyahu", "person") == "Benjamin Netanyahu"
