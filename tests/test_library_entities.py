"""Merging across the library (analysis/library_entities.py) on real Wikinews articles
(bench/gold/wikinews, CC BY 2.5; development sets only): each defect on the articles that show
it, read as the bench reads them (the whole text), extracted once and grouped as the library
groups them."""

from __future__ import annotations

import pytest
from conftest import wikinews_entities

from kimreader.analysis.entity import Entity, EntityType
from kimreader.analysis.library_entities import group_library

ARTICLES = {
    "ford emissions": "us-department-of-justice-investigating-ford-over-emissions-t",
    "stevens": "retired-us-supreme-court-justice-john-paul-stevens-dies",
    "depression": "tropical-depression-three-of-2019-approaches-florida-before",
    "maritime border": "cairo-summit-denounces-turkish-libyan-maritime-border-agreem",
    "mendez": "former-u-s-intelligence-agent-tony-mendez-architect-of-argo",
    "boseman": "tributes-paid-to-recently-deceased-us-actor-chadwick-boseman",
    "johnson": "boris-johnson-elected-conservative-leader-slated-to-be-brita",
    "uk election": "conservative-party-wins-majority-in-2019-uk-general-election",
    "face veils": "tunisian-prime-minister-signs-decree-to-ban-face-veils-in-pu",
    "abortion": "new-south-wales-decriminalizes-abortion",
    "abs-cbn": "philippines-largest-television-network-shut-down-by-governme",
    "cruz": "senator-ted-cruz-proposes-amendment-to-u-s-constitution-sett",
    "hickenlooper": "hickenlooper-ends-us-presidential-bid-senate-run-possible",
    "mukherjee": "former-president-of-india-pranab-mukherjee-dies-aged-84",
    "karaj": "iranian-cargo-plane-crashes-into-karaj-houses",
    "area 51": "millions-don-t-turn-up-to-storm-us-airbase-for-extraterrestr",
}


@pytest.fixture(scope="module")
def articles() -> dict[str, list[Entity]]:
    return wikinews_entities(ARTICLES)


def group_of(
    articles: dict[str, list[Entity]], article: str, name: str, kind: str
) -> set[tuple[str, str, str]]:
    """The (article, type, name) of every member of the library group of one entity."""
    for members in group_library(articles):
        found = {(a, e.type, e.name) for a, e in members}
        if (article, kind, name) in found:
            return found
    raise AssertionError(f"{name!r} ({kind}) not found in {article!r}")


def test_a_one_word_name_beginning_an_organisations_name_in_its_article_is_no_library_person(
    articles: dict[str, list[Entity]],
) -> None:
    # "Ford" (the carmaker: "Ford Motor Company" in its article) is not Gerald Ford of another
    # article. Since names.alias_table reads "Motor Company" as a suffix, the article's "Ford"
    # is an alias of its "Ford Motor Company", the entity looked up here.
    group = group_of(articles, "ford emissions", "Ford Motor Company", "org")
    assert ("stevens", "person", "Gerald Ford") in group_of(
        articles, "stevens", "Gerald Ford", "person"
    )
    assert not any(article == "stevens" for article, _t, _n in group)


def test_a_place_joins_no_organisation_or_person_of_another_article_by_its_first_word(
    articles: dict[str, list[Entity]],
) -> None:
    atlantic = group_of(articles, "depression", "Atlantic", "place")
    assert not any(article == "maritime border" for article, _t, _n in atlantic)
    frederick = group_of(articles, "mendez", "Frederick", "place")
    assert not any(article == "boseman" for article, _t, _n in frederick)


def articles_of(group: set[tuple[str, str, str]]) -> set[str]:
    return {article for article, _t, _n in group}


def test_a_parliament_named_alike_joins_only_the_one_of_its_country(
    articles: dict[str, list[Entity]],
) -> None:
    # two articles about the United Kingdom name its "Parliament"; Tunisia's ("Tunisian
    # Parliament", also "Parliament") and New South Wales's are other ones
    uk = articles_of(group_of(articles, "johnson", "Parliament", "org"))
    assert "uk election" in uk
    assert not uk & {"face veils", "abortion"}
    assert "abortion" not in articles_of(
        group_of(articles, "face veils", "Tunisian Parliament", "org")
    )


def test_a_senate_or_congress_joins_only_its_countrys(articles: dict[str, list[Entity]]) -> None:
    us_senate = articles_of(group_of(articles, "hickenlooper", "United States Senate", "org"))
    assert "cruz" in us_senate  # "the Senate" of an article about the United States
    assert "abs-cbn" not in us_senate  # the Philippine Senate
    us_congress = articles_of(group_of(articles, "cruz", "U.S. Congress", "org"))
    assert not us_congress & {"abs-cbn", "mukherjee"}  # the Philippine one, the party


def test_a_countrys_air_force_is_not_another_countrys(articles: dict[str, list[Entity]]) -> None:
    # "Air Force" in an article about Iran is not the "United States Air Force" of another
    assert "karaj" not in articles_of(
        group_of(articles, "area 51", "United States Air Force", "org")
    )


def test_an_article_naming_no_country_reads_whose_its_bodies_are_from_their_names() -> None:
    # an article on an impeachment vote names the "U.S. Senate" and "Congress" and no place: its
    # Congress is the one of an article about the United States (no development page shows the
    # case, a review-pool article did: entities written for it)
    vote = [
        Entity("U.S. Senate", "org", ("U.S. Senate",), ((0, 11),)),
        Entity("Congress", "org", ("Congress",), ((40, 48),)),
    ]
    budget = [
        Entity("United States", "place", ("United States",), ((0, 13),)),
        Entity("Congress", "org", ("Congress",), ((30, 38),)),
    ]
    groups = [
        {a for a, e in members if e.name == "Congress"}
        for members in group_library({"vote": vote, "budget": budget})
    ]
    assert {"vote", "budget"} in groups


def _named(*names: tuple[str, EntityType]) -> list[Entity]:
    return [Entity(name, kind, (name,), ((0, len(name)),)) for name, kind in names]


def test_a_senate_beside_a_country_without_one_is_the_librarys_countrys() -> None:
    # American reports about Saudi Arabia or Russia write "the Senate" and "Congress" for their
    # own country's (made-up entities: "Senators in Congress condemned Saudi Arabia."); a
    # "Senate" beside "Maine" alone is the state's; beside Libya and the United States, the
    # Senate is the American one (Libya has none) but "the House" could be either
    library = {
        "budget": _named(("United States", "place"), ("Senate", "org"), ("Congress", "org")),
        "tariffs": _named(("United States", "place"), ("China", "place")),
        "saudi": _named(("Saudi Arabia", "place"), ("Senate", "org"), ("Congress", "org")),
        "russia": _named(("Russia", "place"), ("Senate", "org")),
        "maine": _named(("Maine", "place"), ("Senate", "org")),
        "benghazi": _named(
            ("Libya", "place"), ("United States", "place"), ("Senate", "org"), ("House", "org")
        ),
        "budget2": _named(("United States", "place"), ("House", "org")),
    }
    groups = [
        {a for a, e in members} for members in group_library(library) if members[0][1].type == "org"
    ]
    assert {"budget", "saudi"} in groups  # Congress
    assert {"budget", "saudi", "russia", "benghazi"} in groups  # Senate
    assert {"maine"} in groups
    assert {"benghazi"} in groups  # its House


def test_a_surname_alone_joins_the_one_the_library_names_most() -> None:
    # "Clinton" alone in one report ("Clinton lost the election.", made up) is the Hillary
    # Clinton of three reports, not the Bill Clinton one report names beside her; two reports
    # each naming one of them are too few to say
    library = {
        "alone": _named(("Clinton", "person")),
        "both": _named(("Hillary Clinton", "person"), ("Bill Clinton", "person")),
        "debate": _named(("Hillary Clinton", "person")),
        "emails": _named(("Hillary Clinton", "person")),
    }
    groups = [{(a, e.name) for a, e in m} for m in group_library(library)]
    assert {("both", "Bill Clinton")} in groups
    assert {
        ("alone", "Clinton"),
        ("both", "Hillary Clinton"),
        ("debate", "Hillary Clinton"),
        ("emails", "Hillary Clinton"),
    } in groups
    library.pop("emails")
    library.pop("debate")
    library["bill"] = _named(("Bill Clinton", "person"))
    assert {("alone", "Clinton")} in [{(a, e.name) for a, e in m} for m in group_library(library)]


def test_the_house_of_a_country_with_a_house_of_representatives_is_that_one() -> None:
    # "the House passed the bill" in one American report, "the House of Representatives" in
    # another (made up): one chamber; the British "House" is no House of Commons by this rule
    library = {
        "bill": _named(("United States", "place"), ("House", "org")),
        "vote": _named(("United States", "place"), ("House of Representatives", "org")),
        "brexit": _named(("United Kingdom", "place"), ("House", "org")),
    }
    groups = [{(a, e.name) for a, e in m} for m in group_library(library)]
    assert {("bill", "House"), ("vote", "House of Representatives")} in groups
    assert {("brexit", "House")} in groups
