"""The comparison's entity listing on real ECB+ same-event pairs: a name one report's extraction
has and the other's missed is shared where the other report writes it as a whole name (never
one of the reports bench/gold/reserved_fresh3.json keeps unseen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.analysis.compare import EntityComparison, compare_entities
from kimreader.analysis.entities import extract_entities
from kimreader.analysis.entity import Entity

ECB_TEXT = Path(__file__).resolve().parents[2] / "shared/testdata/ecbplus/text"
REPORTS = (
    "1_10ecb 1_11ecb 1_15ecb 1_4ecb 37_1ecb 37_5ecb 41_1ecbplus 41_4ecbplus 41_4ecb 41_8ecb".split()
)

pytestmark = pytest.mark.skipif(not ECB_TEXT.is_dir(), reason="../shared is not present")


@pytest.fixture(scope="module")
def reports() -> dict[str, tuple[str, list[Entity]]]:
    texts = [(ECB_TEXT / n.split("_")[0] / f"{n}.txt").read_text("utf-8") for n in REPORTS]
    return dict(zip(REPORTS, zip(texts, extract_entities(texts), strict=True), strict=True))


def listing(
    reports: dict[str, tuple[str, list[Entity]]], a: str, b: str, bodies: bool = True
) -> EntityComparison:
    (text_a, found_a), (text_b, found_b) = reports[a], reports[b]
    return compare_entities(found_a, found_b, (text_a, text_b) if bodies else None)


def test_a_name_in_a_title_case_headline_the_model_missed_is_shared(
    reports: dict[str, tuple[str, list[Entity]]],
) -> None:
    # 41_1ecbplus names the camp only in "Breaking News: Sudan Bombs Yida Refugee Camp in South
    # Sudan" (the model reads no name there); 41_4ecbplus's extraction has "Yida Refugee Camp".
    without_text = listing(reports, "41_1ecbplus", "41_4ecbplus", bodies=False)
    assert "Yida Refugee Camp" not in {e.name for e in without_text.shared}
    shared = {e.name: e for e in listing(reports, "41_1ecbplus", "41_4ecbplus").shared}
    camp = shared["Yida Refugee Camp"]
    text_a = reports["41_1ecbplus"][0]
    assert [text_a[s:e] for s, e in camp.mentions_a] == ["Yida Refugee Camp"]
    assert camp.first_a == camp.mentions_a[0] and camp.count_b >= 1
    only_b = {e.name for e in listing(reports, "41_1ecbplus", "41_4ecbplus").only_b}
    assert "Yida Refugee Camp" not in only_b


def test_a_title_the_other_extraction_dropped_is_shared(
    reports: dict[str, tuple[str, list[Entity]]],
) -> None:
    # "the American Pie star's rep" in 1_4ecb (no entity there); 1_11ecb's extraction has it.
    comparison = listing(reports, "1_11ecb", "1_4ecb")
    assert "American Pie" in {e.name for e in comparison.shared}
    assert "American Pie" not in {e.name for e in comparison.only_a}


def test_a_name_inside_a_longer_name_or_a_common_word_opening_a_sentence_is_not_shared(
    reports: dict[str, tuple[str, list[Entity]]],
) -> None:
    # 37_5ecb writes "the Pacific Ring of Fire": not the Pacific of 37_1ecb.
    pacific = listing(reports, "37_1ecb", "37_5ecb")
    assert "Pacific" in {e.name for e in pacific.only_a}
    assert "Pacific" not in {e.name for e in pacific.shared}
    # 1_15ecb's "People are assuming …" is no magazine.
    people = listing(reports, "1_10ecb", "1_15ecb")
    assert "People" in {e.name for e in people.only_a}


def test_an_agency_named_without_the_organisation_that_runs_it_is_shared(
    reports: dict[str, tuple[str, list[Entity]]],
) -> None:
    # 41_4ecb's model reads "Relief and Works Agency" (without its "UN"); 41_8ecb writes the
    # "United Nations Relief and Works Agency".
    comparison = listing(reports, "41_4ecb", "41_8ecb", bodies=False)
    assert [e.name for e in comparison.shared if "Relief and Works Agency" in e.name]
    only = [e.name for e in (*comparison.only_a, *comparison.only_b)]
    assert not [name for name in only if "Relief and Works Agency" in name]
