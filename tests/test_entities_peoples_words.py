"""A word for a place's people names no entity (gazetteer.is_peoples_word), on the real Wikinews
articles that show it (bench/gold/wikinews, CC BY 2.5; development sets only)."""

from __future__ import annotations

from conftest import wikinews_body

from kimreader.analysis import gazetteer
from kimreader.analysis.entities import extract_entities

ARTICLES = {
    "hong kong": "hong-kong-protests-continue-through-police-opposition-rainst",
    "samoa": "us-federal-judge-rules-american-samoans-are-citizens-then-de",
    "brexit": "thousands-march-in-anti-brexit-protest-london",
}


def test_a_peoples_word_is_no_entity_and_the_place_stays() -> None:
    # "Hongkongers" (a place), "American Samoan" and "European" (of "the European union, which
    # it joined": organisations) were sidebar entities
    stems = list(ARTICLES.values())
    bodies = [wikinews_body(s) for s in stems]
    hong_kong, samoa, brexit = (
        {e.name: e.type for e in found if e.type in ("person", "org", "place")}
        for found in extract_entities(bodies)
    )
    assert "Hongkongers" not in hong_kong and hong_kong["Hong Kong"] == "place"
    assert "American Samoan" not in samoa and samoa["American Samoa"] == "place"
    assert "European" not in brexit and brexit["European Union"] == "org"


def test_peoples_words_and_the_names_that_only_look_like_them() -> None:
    for word in ("Hongkongers", "Londoners", "New Yorkers", "American Samoan", "European"):
        assert gazetteer.is_peoples_word(word), word
    # places, given names, and a town whose name ends in "n" after no "a"
    for word in ("Oman", "Hong Kong", "Lillian", "Coron", "Jordan", "Morgan"):
        assert not gazetteer.is_peoples_word(word), word
