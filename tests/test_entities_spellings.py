"""Two spellings of one name in an article are one entity (entities._join_spelling_slips), on the
real Wikinews article that shows it (bench/gold/wikinews, CC BY 2.5; development set fresh11)."""

from __future__ import annotations

from conftest import wikinews_body

from kimreader.analysis.entities import extract_entities


def test_a_place_spelt_with_one_vowel_changed_is_the_place() -> None:
    # "Magnitogorsk" throughout, "Magnitigorsk" once: two places before
    stem = "magnitogorsk-apartment-building-collapses-after-explosion-do"
    body = wikinews_body(stem)
    (found,) = extract_entities([body])
    places = [e for e in found if e.type == "place" and "Magnit" in e.name]
    assert len(places) == 1
    assert {"Magnitogorsk", "Magnitigorsk"} <= set(places[0].aliases)


def test_a_surname_alone_is_never_joined_by_its_spelling() -> None:
    # Written for the case (the review pool's diplomat's wife "Anne Sacoolas" and her husband
    # misspelt "Jonathan Socoolas"): two people of one family stay two.
    text = (
        "Anne Sacoolas left the country. Her husband, Jonathan Socoolas, works at the base. "
        "Sacoolas said she was sorry. Socoolas declined to comment.\n"
    )
    (found,) = extract_entities([text])
    people = {e.name for e in found if e.type == "person"}
    assert {"Anne Sacoolas", "Jonathan Socoolas"} <= people


def test_given_names_a_vowel_apart_are_two_people() -> None:
    # Written for the case (review of the slip rule; no development text names two such people):
    # "Maria Lopez" and "Mario Lopez" became one person.
    text = (
        "Maria Lopez met Mario Lopez at the station in Madrid on Monday. Maria Lopez said she was "
        "late. Mario Lopez said nothing."
    )
    (found,) = extract_entities([text])
    people = sorted(e.name for e in found if e.type == "person")
    assert people == ["Maria Lopez", "Mario Lopez"]
