"""Places the small model does not know, typed by the words around every mention and the
gazetteer's small-places list, on real Wikinews articles (bench/gold/wikinews, CC BY 2.5;
development sets only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import wikinews_entities

from kimreader.analysis.entities import extract_entities
from kimreader.analysis.entity import Entity
from kimreader.corpus.readers import read_file

PAGES = Path(__file__).resolve().parents[2] / "shared/testdata/mozilla-readability/test/test-pages"
ARTICLES = {
    "oil": "oil-facilities-in-saudi-arabia-hit-by-drone-attacks",
    "fire": "fire-at-historic-welsh-ex-hotel-bontddu-hall-kills-one",
    "summit": "cairo-summit-denounces-turkish-libyan-maritime-border-agreem",
    "toilet paper": "stores-in-australia-lower-toilet-paper-limits-per-transactio",
    "rugby": "university-defeat-maroochydore-in-round-five-of-2020-sunshin",
    "el paso": "gunman-opens-fire-in-el-paso-texas-superstore-more-than-20-d",
    "buffalo": "northern-arapaho-tribe-welcomes-buffalo-herd-in-wyoming-unit",
    "magnitogorsk": "magnitogorsk-apartment-building-collapses-after-explosion-do",
}


@pytest.fixture(scope="module")
def articles() -> dict[str, list[Entity]]:
    return wikinews_entities(ARTICLES)


def types(entities: list[Entity]) -> dict[str, str]:
    return {e.name: e.type for e in entities}


def test_a_small_town_after_a_word_of_where_is_a_place(articles: dict) -> None:
    # "struck the largest processing plant at Abqaiq", "In 2006, Abqaiq was the target": the
    # model's organisation twice; Abqaiq is in the small-places list
    assert types(articles["oil"]).get("Abqaiq") == "place"
    # "printed in Darwin": the model's person, a given name the place list has
    assert types(articles["toilet paper"]).get("Darwin") == "place"


def test_a_place_noun_after_or_before_a_name_makes_it_a_place(articles: dict) -> None:
    # "the Khurais oil field" (in no list), "our biggest island Crete", "the Mawddach Estuary"
    assert types(articles["oil"]).get("Khurais") == "place"
    assert types(articles["summit"]).get("Crete") == "place"
    assert types(articles["fire"]).get("Mawddach Estuary") == "place"


def test_names_listed_after_from_with_a_place_among_them_are_places(articles: dict) -> None:
    # "appliances from Dolgellau, Harlech, Barmouth, Bala, and Blaenau Ffestiniog": the
    # model's place, organisation, person, person and person
    found = types(articles["fire"])
    for town in ("Dolgellau", "Harlech", "Barmouth", "Bala", "Blaenau Ffestiniog"):
        assert found.get(town) == "place", town


def test_towns_named_as_teams_with_no_word_of_where_stay_teams(articles: dict) -> None:
    # "a 22 points to 10 win over Maroochydore at Cotton Tree", "They pushed [reigning
    # premiers] Caloundra": both towns are in the small-places list, but no word of where
    # comes before them (the place is Cotton Tree)
    found = types(articles["rugby"])
    assert found.get("Maroochydore") == "org" and found.get("Caloundra") == "org"
    assert found.get("Cotton Tree") == "place"


@pytest.mark.skipif(not PAGES.is_dir(), reason="shared test pages not present")
def test_on_a_town_the_model_read_as_no_person_is_a_place() -> None:
    # seattletimes-1: "the Whole Foods store on Westlake, surrounded by Amazon headquarters
    # buildings" (the model's organisation; a place the small-places list has)
    [found] = extract_entities([read_file(PAGES / "seattletimes-1" / "source.html").body])
    assert types(found).get("Westlake") == "place"


def test_a_word_for_a_kind_of_place_before_or_after_a_name_makes_it_a_place(
    articles: dict,
) -> None:
    # "separated by the Rio Grande" (found as a given name and a word: a person), "the release
    # of ten buffalo for the Wind River Reservation" (the model's organisation)
    assert types(articles["el paso"])["Rio Grande"] == "place"
    assert types(articles["buffalo"])["Wind River Reservation"] == "place"


def test_a_place_before_its_office_is_a_place(articles: dict) -> None:
    # "Chelyabinsk regional Deputy Governor Oleg Klimov", "Chelyabinsk's governor has
    # promised": the model's organisation is the region
    assert types(articles["magnitogorsk"])["Chelyabinsk"] == "place"
