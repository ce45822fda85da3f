"""Entities of single ECB+ reports (topics 37 and 41: earthquakes in Indonesia, strikes in Gaza
and South Sudan), each on the report that shows the case; never one of those
bench/gold/reserved_fresh3.json keeps unseen for the blind fresh3 sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.analysis.compare import compare_entities
from kimreader.analysis.entities import extract_entities
from kimreader.analysis.entity import Entity

ECB_TEXT = Path(__file__).resolve().parents[2] / "shared/testdata/ecbplus/text"
REPORTS = (
    "37_1ecb 37_2ecb 37_4ecb 37_5ecb 37_10ecbplus 41_6ecb 41_8ecb 41_6ecbplus 41_8ecbplus "
    "41_9ecbplus"
).split()

pytestmark = pytest.mark.skipif(not ECB_TEXT.is_dir(), reason="../shared is not present")


@pytest.fixture(scope="module")
def reports() -> dict[str, list[Entity]]:
    texts = [(ECB_TEXT / n.split("_")[0] / f"{n}.txt").read_text("utf-8") for n in REPORTS]
    return dict(zip(REPORTS, extract_entities(texts), strict=True))


def types_of(entities: list[Entity], name: str) -> set[str]:
    return {e.type for e in entities if name in (e.name, *e.aliases)}


@pytest.mark.parametrize(("a", "b"), [("37_1ecb", "37_2ecb"), ("37_2ecb", "37_4ecb")])
def test_a_country_written_short_in_an_agency_name_is_the_same_agency(
    reports: dict[str, list[Entity]], a: str, b: str
) -> None:
    # "U.S. Geological Survey" / "United States Geological Survey" / "US Geological Survey".
    comparison = compare_entities(reports[a], reports[b])
    assert [s.name for s in comparison.shared if "Geological Survey" in s.name]
    only = {e.name for e in (*comparison.only_a, *comparison.only_b)}
    assert not {name for name in only if "Geological Survey" in name}


@pytest.mark.parametrize("report", ["37_4ecb", "37_5ecb"])
def test_a_name_the_model_also_reads_as_a_place_is_a_place(
    reports: dict[str, list[Entity]], report: str
) -> None:
    # "Indonesia's remote eastern province of Papua" (the model's GPE), then "Papua" read as a
    # person: never introduced as one, it is the place, not an organisation.
    assert types_of(reports[report], "Papua") == {"place"}


@pytest.mark.parametrize(
    ("report", "name"),
    [
        ("41_6ecbplus", "Southern Kordofan"),  # "the Sudanese provinces of Southern Kordofan
        ("41_6ecbplus", "Blue Nile"),  # and Blue Nile" (both the model's organisations)
        ("41_8ecbplus", "Talodi"),  # "in the town of Talodi"
        ("41_6ecb", "Jabaliya"),  # "the northern town of Jabaliya, which also wounded"
        ("41_8ecb", "Khan Younis"),  # "Gaza's second largest city, Khan Younis," (a person)
        ("37_10ecbplus", "Banda Aceh"),  # "in Banda Aceh" (a person; the gazetteer's city)
        ("41_8ecb", "Karni"),  # "Karni, the main commercial crossing" (an organisation)
    ],
)
def test_a_place_named_by_the_words_around_it(
    reports: dict[str, list[Entity]], report: str, name: str
) -> None:
    assert types_of(reports[report], name) == {"place"}


def test_a_name_after_a_word_for_a_person_is_a_person(reports: dict[str, list[Entity]]) -> None:
    # "said disaster agency official Fauzi" (the model's place).
    assert types_of(reports["37_10ecbplus"], "Fauzi") == {"person"}


@pytest.mark.parametrize(
    ("report", "name", "other"),
    [
        ("41_6ecb", "Gaza Strip", "Gaza"),
        ("41_8ecbplus", "Republic of South Sudan", "South Sudan"),
        ("41_9ecbplus", "Southern Kordofan", "South Kordofan"),
    ],
)
def test_one_place_however_the_report_names_its_kind(
    reports: dict[str, list[Entity]], report: str, name: str, other: str
) -> None:
    places = [e for e in reports[report] if e.type == "place" and {name, other} & {*e.aliases}]
    assert len(places) == 1 and {name, other} <= set(places[0].aliases)


def test_an_acronym_written_with_spaced_letters_is_the_acronym(
    reports: dict[str, list[Entity]],
) -> None:
    # 41_8ecbplus: "a U. N. helicopter", "a U. N. spokesman" (the model's person) is the UN.
    assert types_of(reports["41_8ecbplus"], "U. N.") == {"org"}
    assert "United Nations" in {e.name for e in reports["41_8ecbplus"] if "U. N." in e.aliases}


def test_a_quote_mark_the_name_does_not_close_ends_it(reports: dict[str, list[Entity]]) -> None:
    # 37_10ecbplus: 'the Pacific "Ring of Fire"' was one name, 'Pacific "Ring of Fire'.
    assert not [e.name for e in reports["37_10ecbplus"] if '"' in e.name or "Ring of" in e.name]


def test_a_rank_or_suffix_alone_is_no_entity() -> None:
    # 37_6ecb: "Col." and "Snr" (of "Snr Commissioner") stood alone as an organisation and a
    # person.
    text = (ECB_TEXT / "37/37_6ecb.txt").read_text("utf-8")
    assert "Snr" in text and "Col" in text
    names = {e.name for e in extract_entities([text])[0]}
    assert not names & {"Col", "Snr"}


def test_an_acronym_of_a_name_with_a_short_acronym_in_it(reports: dict[str, list[Entity]]) -> None:
    # 41_6ecb: "the UN Relief and Works Agency (UNRWA)", then "UNRWA hands out food".
    agency = [e for e in reports["41_6ecb"] if "UNRWA" in e.aliases]
    assert [e.name for e in agency] == ["UN Relief and Works Agency"]


def test_a_place_and_its_kind_are_one_across_reports(reports: dict[str, list[Entity]]) -> None:
    # 37_10ecbplus says "Sumatra", 37_5ecb "Sumatra Island".
    comparison = compare_entities(reports["37_10ecbplus"], reports["37_5ecb"])
    assert [s for s in comparison.shared if s.type == "place" and "Sumatra" in s.name]
    only = {e.name for e in (*comparison.only_a, *comparison.only_b)}
    assert not {"Sumatra", "Sumatra Island"} & only


def test_a_well_known_organisation_is_no_person(reports: dict[str, list[Entity]]) -> None:
    # 41_6ecb: "alongside the Red Cross and Red Crescent condemned the attack" (the model's
    # person; organisations.json lists both).
    assert types_of(reports["41_6ecb"], "Red Crescent") == {"org"}


def test_a_name_after_a_place_and_a_comma_alone_is_no_list_of_places() -> None:
    # "The de facto Hamas prime minister in Gaza, Ismail Haniyeh, issued a statement": after a
    # word of where, a place and a name with only a comma between are no list of places (see
    # test_entity_wikinews.py's names listed after a word of where)
    text = (ECB_TEXT / "41" / "41_1ecb.txt").read_text("utf-8")
    [entities] = extract_entities([text])
    assert types_of(entities, "Ismail Haniyeh") == {"person"}
