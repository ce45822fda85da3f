"""Same-event report pairs (ECB+ topic 1, the development topic): an entity both reports name is
listed as shared by the comparison, however each report writes it.

The reports are ../shared/testdata/ecbplus texts, extracted as an import would extract them;
never one of those bench/gold/reserved_fresh3.json keeps unseen for the blind fresh3 sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.analysis.compare import compare_entities
from kimreader.analysis.entities import extract_entities
from kimreader.analysis.entity import Entity

REPORTS = (
    "1_1ecbplus 1_4ecbplus 1_9ecbplus 1_10ecb 1_14ecb 1_12ecbplus 1_20ecbplus 1_8ecbplus "
    "1_18ecbplus 1_2ecbplus 1_6ecbplus 1_7ecbplus 1_16ecbplus"
).split()


ECB_TOPIC = Path(__file__).resolve().parents[2] / "shared/testdata/ecbplus/text/1"


@pytest.fixture(scope="module")
def reports() -> dict[str, list[Entity]]:
    if not ECB_TOPIC.is_dir():
        pytest.skip("../shared is not present")
    folder = ECB_TOPIC
    texts = [(folder / f"{name}.txt").read_text("utf-8") for name in REPORTS]
    return dict(zip(REPORTS, extract_entities(texts), strict=True))


def test_a_blended_nickname_is_the_person(reports: dict[str, list[Entity]]) -> None:
    # 1_4ecbplus names her in full only in its title-case headline, then says "LiLo" throughout;
    # 1_1ecbplus names Lindsay Lohan.
    lilo = [e for e in reports["1_4ecbplus"] if "LiLo" in e.aliases]
    assert [(e.name, e.type) for e in lilo] == [("Lindsay Lohan", "person")]
    comparison = compare_entities(reports["1_4ecbplus"], reports["1_1ecbplus"])
    assert [s for s in comparison.shared if s.type == "person" and s.name == "Lindsay Lohan"]
    assert "Lindsay Lohan" not in {e.name for e in comparison.only_b}


def test_a_clinic_named_with_its_town_is_the_clinic(reports: dict[str, list[Entity]]) -> None:
    # "Malibu Promises Treatment Center" / "Promises Treatment Center" (Malibu: too small for
    # the gazetteer).
    comparison = compare_entities(reports["1_14ecb"], reports["1_10ecb"])
    assert "Promises Treatment Center" not in {e.name for e in comparison.only_b}
    assert [s for s in comparison.shared if "Promises Treatment Center" in s.name]


@pytest.mark.parametrize(
    ("a", "b", "name_a", "name_b"),
    [
        ("1_20ecbplus", "1_9ecbplus", "Betty Ford Treatment Center", "Betty Ford Center"),
        ("1_12ecbplus", "1_9ecbplus", "Morningside Recovery", "Morningside Recovery Center"),
    ],
)
def test_a_clinic_however_a_report_words_it(
    reports: dict[str, list[Entity]], a: str, b: str, name_a: str, name_b: str
) -> None:
    assert name_a in {e.name for e in reports[a]} and name_b in {e.name for e in reports[b]}
    comparison = compare_entities(reports[a], reports[b])
    only = {e.name for e in (*comparison.only_a, *comparison.only_b)}
    assert name_a not in only and name_b not in only


def test_a_subject_named_in_full_only_in_the_headline(reports: dict[str, list[Entity]]) -> None:
    # 1_18ecbplus: "Lindsay Lohan checks into unapproved rehab", then "Lohan" throughout.
    lohan = [e for e in reports["1_18ecbplus"] if "Lohan" in e.aliases]
    assert [(e.name, e.type) for e in lohan] == [("Lindsay Lohan", "person")]
    comparison = compare_entities(reports["1_18ecbplus"], reports["1_8ecbplus"])
    assert ("Lindsay Lohan", "person") in {(s.name, s.type) for s in comparison.shared}


def test_a_clinic_written_where_a_place_goes_is_the_clinic(
    reports: dict[str, list[Entity]],
) -> None:
    # 1_8ecbplus: "she was at the Betty Ford Center" ... "is back at Betty Ford" (the model's
    # PERSON): the clinic, one entity.
    ford = [e for e in reports["1_8ecbplus"] if "Betty Ford" in e.aliases]
    assert [(e.name, e.type) for e in ford] == [("Betty Ford Center", "org")]


def test_a_one_word_name_never_introduced_as_a_person_is_none(
    reports: dict[str, list[Entity]],
) -> None:
    # 1_2ecbplus: "she never entered Morningside" (the model's person). 1_2ecbplus: "Heller"
    # after "Mark Jay Heller" stays a person.
    assert {e.type for e in reports["1_2ecbplus"] if "Morningside" in e.aliases} == {"org"}
    assert {e.type for e in reports["1_2ecbplus"] if "Heller" in e.aliases} == {"person"}


def test_a_shared_entry_takes_the_type_both_reports_vote_for(
    reports: dict[str, list[Entity]],
) -> None:
    # 1_20ecbplus names the clinic "Betty Ford Treatment Center" once and "Betty Ford" once (the
    # model's person); 1_8ecbplus says "Betty Ford Center" three times. Shared, the entry was
    # "Betty Ford", a person, as A's most mentioned member; it is the clinic.
    comparison = compare_entities(reports["1_20ecbplus"], reports["1_8ecbplus"])
    clinic = [s for s in comparison.shared if s.name.startswith("Betty Ford")]
    assert [(s.name, s.type) for s in clinic] == [("Betty Ford Treatment Center", "org")]


def test_a_name_only_in_a_title_case_headline(reports: dict[str, list[Entity]]) -> None:
    # 1_6ecbplus: "Lindsay Lohan Checks Into Rehab at Betty Ford Center" (the model tags nothing
    # in it), then only "the 26-year-old actress": she is still named, and shared with 1_8ecbplus.
    lohan = [(e.name, e.type) for e in reports["1_6ecbplus"] if "Lohan" in e.name]
    assert lohan == [("Lindsay Lohan", "person")]
    comparison = compare_entities(reports["1_6ecbplus"], reports["1_8ecbplus"])
    assert ("Lindsay Lohan", "person") in {(s.name, s.type) for s in comparison.shared}
    assert "Checks" not in " ".join(e.name for e in reports["1_6ecbplus"])


def test_a_clinic_the_model_read_as_a_work_is_the_clinic(reports: dict[str, list[Entity]]) -> None:
    # 1_7ecbplus: "had checked into Morningside Recovery in Newport Beach" (the model's
    # WORK_OF_ART): the clinic, shared with 1_9ecbplus's "Morningside Recovery Center".
    assert {e.type for e in reports["1_7ecbplus"] if e.name == "Morningside Recovery"} == {"org"}
    comparison = compare_entities(reports["1_7ecbplus"], reports["1_9ecbplus"])
    assert [s for s in comparison.shared if s.name.startswith("Morningside Recovery")]


def test_common_words_of_a_title_case_headline_are_no_name(
    reports: dict[str, list[Entity]],
) -> None:
    # 1_16ecbplus: "Lindsay Lohan Checks Into Rehab in Newport Beach; Investigation of Facility
    # Pending" (the model's organisation), words the report writes in lower case.
    assert not [e.name for e in reports["1_16ecbplus"] if "Investigation" in e.name]
