"""Types the words around a name give it: lists of names (analysis/mention_types.py `_lists`,
`type_like_the_others`)."""

from __future__ import annotations

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
