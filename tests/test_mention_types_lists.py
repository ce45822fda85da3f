"""Types the words around a name give it (analysis/mention_types.py): lists of names (`_lists`,
`type_like_the_others`), storms, a description of a person before a name."""

from __future__ import annotations

from conftest import wikinews_body

from kimreader.analysis.entities import extract_entities


def test_a_date_before_a_list_of_places_is_no_item_of_it() -> None:
    # No development text shows the case; the untuned review pool did ("On November 27, Turkey
    # and Libya signed ..." gave a place "November 27"), so this sentence is written for it.
    # A date, its comma and two places read as a list of three made the date a place.
    text = "The talks went on for weeks. On June 12, Turkey and Libya signed an agreement.\n"
    (found,) = extract_entities([text])
    kinds = {e.name: e.type for e in found}
    assert kinds["June 12"] == "date"
    assert kinds["Turkey"] == kinds["Libya"] == "place"


def test_a_storm_is_an_event_by_its_kind_and_its_name_alone_is_the_storm() -> None:
    # No development text shows these (storms are optional in every gold set); the untuned
    # review pool did, in six articles ("Tropical Storm Humberto" an organisation, "Humberto"
    # and "Storm Barry" people, "Typhoon Haiyan, which killed" an organisation), so the
    # sentences are written for them.
    texts = [
        "Forecasters upgraded Tropical Storm Humberto on Sunday. Humberto was moving north at "
        "eight miles per hour, and Hurricane Humberto is expected to pass near Bermuda.\n",
        "The governor declared an emergency as Tropical Storm Barry approached the coast.\n",
        "The region was struck by Typhoon Haiyan, which killed thousands of people in 2013.\n",
    ]
    humberto, barry, haiyan = extract_entities(texts)
    people_or_bodies = [
        (e.name, e.type) for found in (humberto, barry, haiyan) for e in found
        if e.type in ("person", "org")
    ]  # fmt: skip
    assert people_or_bodies == []
    assert {e.name: e.type for e in haiyan}["Typhoon Haiyan"] == "event"
    (storm,) = [e for e in humberto if e.type == "event"]
    assert {"Humberto", "Hurricane Humberto"} <= set(storm.aliases)


def test_a_name_set_off_by_commas_after_a_description_of_a_person_is_a_person() -> None:
    # "According to his wife, Amanda, Huber succumbed" (fresh11): the model's organisation
    stem = "us-professional-wrestler-jon-huber-dies-aged-41"
    body = wikinews_body(stem)
    (found,) = extract_entities([body])
    assert {e.name: e.type for e in found}["Amanda"] == "person"
