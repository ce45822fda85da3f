"""Spans the model glued from two names or cut short (analysis/mention_spans.py glued_names and
fuller_name), on the real Wikinews articles that show them (bench/gold/wikinews, CC BY 2.5;
development sets only), read as the bench reads them, and the names that must stay whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.analysis.entities import (
    entities_from_spans,
    entity_groups,
    extract_entities,
    iter_model_spans,
)
from kimreader.analysis.mention_spans import fuller_name, glued_names, names_used_alone
from kimreader.analysis.names import WORD_PARTICLES
from kimreader.analysis.prose import markdown_prose
from kimreader.corpus.article import Article

WIKINEWS = Path(__file__).resolve().parents[1] / "bench" / "gold" / "wikinews"
ARTICLES = {
    "harris": "biden-announces-kamala-harris-as-2020-running-mate-in-us-pre",
    "mindanao": "bombs-kill-at-least-20-at-cathedral-in-mindanao-philippines",
    "chirac": "former-president-of-france-jacques-chirac-dies-aged-86",
    "extradition": "hong-kong-leader-announces-withdrawal-of-extradition-bill",
    "paris": "paris-court-jails-two-police-in-high-profile-rape-case",
    "primaries": "bloomberg-warren-end-us-presidential-campaigns-following-sup",
    "vanderbilt": "u-s-heiress-designer-and-author-gloria-vanderbilt-dies-at-95",
    "baker": "influential-rock-drummer-ginger-baker-dies-at-age-80",
    "network": "philippines-largest-television-network-shut-down-by-governme",
    "comicon": "toronto-comicon-2019-welcomes-fans-with-celebrities-creativi",
    "ecj": "european-court-of-justice-says-facebook-must-remove-illegal",
    "mukherjee": "former-president-of-india-pranab-mukherjee-dies-aged-84",
    "cairo": "cairo-summit-denounces-turkish-libyan-maritime-border-agreem",
    "abortion bill": "argentine-president-fernandez-to-send-bill-legalising-aborti",
    "anime": "toronto-s-anime-north-2019-brings-thousands-of-fans-together",
    "monarch": "report-indicates-mexican-monarch-butterfly-population-at-ten",
    "helicopter": "power-firm-helicopter-strikes-cables-crashes-near-fairfield",
    "sixteen states": "sixteen-states-sue-u-s-president-trump-to-stop-declaration-o",
    "el paso": "gunman-opens-fire-in-el-paso-texas-superstore-more-than-20-d",
}


def _body(key: str) -> str:
    text = (WIKINEWS / f"{ARTICLES[key]}.txt").read_text("utf-8")
    return Article.create(ARTICLES[key], text).body


@pytest.fixture(scope="module")
def mentions() -> dict[str, set[tuple[str, str]]]:
    """(surface, type) of every mention the rules find in each article, before the learned
    decision keeps or drops an entity."""
    keys = list(ARTICLES)
    found: dict[str, set[tuple[str, str]]] = {}
    for key, (body, prose, spans) in zip(
        keys, iter_model_spans([_body(key) for key in keys]), strict=True
    ):
        groups = entity_groups(prose, spans, body)
        found[key] = {(m.surface, m.type) for group in groups for m in group}
    return found


def _surfaces(found: set[tuple[str, str]]) -> set[str]:
    return {surface for surface, _type in found}


def test_a_lower_case_the_between_two_names_parts_them(mentions: dict) -> None:
    # "making Ferraro the Democratic Party's first female candidate"; "According to the
    # National Conference of State Legislatures, the Democratic Party is scheduled"
    harris = _surfaces(mentions["harris"])
    assert "Ferraro" in harris and "Ferraro the Democratic Party" not in harris
    primaries = _surfaces(mentions["primaries"])
    assert "National Conference of State Legislatures" in primaries
    assert not [s for s in primaries if s.endswith(", the Democratic Party")]
    # "leaving Blues Incorporated for The Rolling Stones"
    baker = _surfaces(mentions["baker"])
    assert {"Blues Incorporated", "Rolling Stones"} <= baker
    assert "Blues Incorporated for The Rolling Stones" not in baker


def test_a_second_name_with_its_own_the_after_and_is_a_name_of_its_own(mentions: dict) -> None:
    # "launched by the Federal Aviation Administration and the National Transportation Safety
    # Board": the model read two names; the "and" joining an organisation's pieces ("World
    # Travel and Tourism Council") is no join where the second starts with its own "the"
    helicopter = mentions["helicopter"]
    assert {
        ("Federal Aviation Administration", "org"),
        ("National Transportation Safety Board", "org"),
    } <= helicopter
    assert not [s for s, _t in helicopter if " and the " in s]


def test_a_judicial_district_is_named_with_its_state_and_is_its_courts(mentions: dict) -> None:
    # "filed in the U.S. District Court for Northern District of California": one court (the
    # model read "District Court" and a place "Northern District"); "the U.S. Attorney for the
    # Western District of Texas": a court's district, no place "Western District"
    court = "U.S. District Court for Northern District of California"
    assert (court, "org") in mentions["sixteen states"]
    assert not [s for s, _t in mentions["sixteen states"] if s.endswith("District")]
    el_paso = mentions["el paso"]
    assert ("Western District of Texas", "org") in el_paso
    assert ("Western District", "place") not in el_paso


def test_a_title_with_its_the_stays_one_name(mentions: dict) -> None:
    # "a recurring guest actor on Buffy the Vampire Slayer": "Vampire Slayer" has no head word
    comicon = _surfaces(mentions["comicon"])
    assert "Buffy" not in comicon and "Vampire Slayer" not in comicon


def test_an_organisation_or_an_office_glued_before_a_person_is_cut_off(mentions: dict) -> None:
    # "Hong Kong director of Amnesty International Man-kei Tam said"
    extradition = mentions["extradition"]
    assert {("Amnesty International", "org"), ("Man-kei Tam", "person")} <= extradition
    # "a statement by the Presidential Spokesperson Harry Roque": the office is no entity
    network = mentions["network"]
    assert ("Harry Roque", "person") in network
    assert not [s for s, _t in network if "Spokesperson" in s]
    # "an order by Coast Guard Commandant Admiral Elson Hermogino": the Coast Guard's office
    mindanao = _surfaces(mentions["mindanao"])
    assert "Coast Guard" in mindanao and "Coast Guard Commandant" not in mindanao


def test_an_office_ending_an_of_phrase_stays_in_the_name(mentions: dict) -> None:
    # "the European Court of Justice": "Justice" is a title, but not one after "Court of"
    assert "European Court of Justice" in _surfaces(mentions["ecj"])


def test_a_persons_name_cut_short_goes_on_where_the_text_does(mentions: dict) -> None:
    # "President Valéry Giscard d'Estaing", "her aunt, Gertrude Vanderbilt Whitney",
    # "Chief Superintendent Graciano Mijares of the police", "Arnel dela Vega of the army's"
    assert ("Valéry Giscard d'Estaing", "person") in mentions["chirac"]
    assert ("Gertrude Vanderbilt Whitney", "person") in mentions["vanderbilt"]
    assert "Vanderbilt Whitney" not in _surfaces(mentions["vanderbilt"])
    mindanao = _surfaces(mentions["mindanao"])
    assert {"Arnel dela Vega", "Superintendent Graciano Mijares"} <= mindanao
    # a French name's "et": "the Brigade de Recherche et d’Intervention, an elite unit"
    assert "Brigade de Recherche et d’Intervention" in _surfaces(mentions["paris"])


def test_a_place_before_a_name_is_no_given_name(mentions: dict) -> None:
    # "Prime Minister of India Narendra Modi": "India" is a given name too
    mukherjee = mentions["mukherjee"]
    assert ("Narendra Modi", "person") in mukherjee
    assert not [s for s, _t in mukherjee if s.startswith("India ")]


def test_mme_is_a_title() -> None:
    # "The court has found that Mme Spanton did not lie": one person with "Spanton"
    from kimreader.analysis.names import canonical_key

    assert canonical_key("Mme Spanton", "person") == "spanton"


def test_the_pieces_of_a_glued_span_and_its_labels() -> None:
    text = "according to a statement by the Presidential Spokesperson Harry Roque."
    start = text.index("Presidential")
    end = text.index(".", start)
    alone = names_used_alone(text, [])
    assert glued_names(text, start, end, "ORG", alone) == [(text.index("Harry"), end, "PERSON")]
    # a word after a name that is no surname stays out: "Graciano Police"
    text = "said Graciano Police spokesman"
    start = text.index("Graciano")
    assert fuller_name(text, start, start + len("Graciano"), "PERSON") == (
        start,
        start + len("Graciano"),
    )


def test_a_makers_name_before_a_name_ending_in_a_head_word_is_no_product(mentions: dict) -> None:
    # "Warren, formerly a professor at Harvard Law School": "Harvard" is listed, but the name
    # ends in "School" (maker_only kept "Harvard" alone, as for "Intel Core i7")
    primaries = _surfaces(mentions["primaries"])
    assert "Harvard Law School" in primaries and "Harvard" not in primaries


def test_a_list_of_names_each_of_its_own_is_parted(mentions: dict) -> None:
    # "the sea between Crete and Cyprus": the model's one organisation; the article writes
    # "Crete" alone ("a future meet on Crete") and the gazetteer has Cyprus
    cairo = mentions["cairo"]
    assert ("Cyprus", "place") in cairo and "Crete" in _surfaces(cairo)
    assert "Crete and Cyprus" not in _surfaces(cairo)


def test_a_list_whose_whole_is_a_name_or_whose_items_are_written_only_in_it_stays() -> None:
    # a place named with "and" ("Bosnia and Herzegovina"), and a name the article writes
    # again where the model cut it ("Rogaland Fire" + "Rescue")
    text = "Bosnia and Herzegovina met Serbia. Bosnia won; Herzegovina lost."
    spans = [(0, 22, "GPE"), (27, 33, "GPE"), (35, 41, "GPE"), (48, 59, "GPE")]
    assert glued_names(text, 0, 22, "GPE", names_used_alone(text, spans)) == [(0, 22, "GPE")]
    text = "Ann Lee of Rogaland Fire and Rescue said no. Rogaland Fire and Rescue asked."
    first = text.index("Rogaland")
    second = text.index("Rogaland", first + 1)
    spans = [
        (first, first + 24, "ORG"),
        (second, second + 13, "PERSON"),
        (second + 18, second + 24, "ORG"),
    ]
    alone = names_used_alone(text, spans)
    assert glued_names(text, first, first + 24, "ORG", alone) == [(first, first + 24, "ORG")]


def test_a_title_the_model_read_apart_is_the_persons(mentions: dict) -> None:
    # "criticised by archbishop Monsenor Jorge Eduardo Scheinig": the model's organisation
    # "Monsenor" and person "Jorge Eduardo Scheinig"
    found = mentions["abortion bill"]
    assert ("Monsenor Jorge Eduardo Scheinig", "person") in found
    assert "Monsenor" not in _surfaces(found)


def test_a_place_for_a_name_the_article_writes_alone_is_two_names(mentions: dict) -> None:
    # "fans descended on the Toronto Congress Centre for Anime North": the convention the
    # article names throughout; "the Center for Biological Diversity" stays one, though the
    # model reads "Biological Diversity" alone where the article writes the name again
    anime = _surfaces(mentions["anime"])
    assert {"Toronto Congress Centre", "Anime North"} <= anime
    assert "Toronto Congress Centre for Anime North" not in anime
    monarch = _surfaces(mentions["monarch"])
    assert "Center for Biological Diversity" in monarch
    assert "Biological Diversity" not in monarch


def test_a_page_repeated_thousands_of_times_parts_its_names_in_every_copy() -> None:
    # Hostile text (an imported page can be anything): the anime and cairo articles' sentences
    # with "the Toronto Congress Centre for Anime North" and "the sea between Crete and Cyprus",
    # 4,000 times over (3 MB), with the model's spans of one copy in every copy. Each glued
    # span searched the whole text for every place it is written, and each reading alone was
    # checked against every one of those places (quadratic: 21 s before, 0.4 s after); every
    # copy is parted as the page is.
    anime = (WIKINEWS / f"{ARTICLES['anime']}.txt").read_text("utf-8").splitlines()
    cairo = (WIKINEWS / f"{ARTICLES['cairo']}.txt").read_text("utf-8").splitlines()
    page = "\n\n".join([anime[3], anime[36], cairo[9], cairo[21]])
    [(_body, prose, spans)] = iter_model_spans([page])
    copy = prose.text + "\n\n"

    def parted(text: str, spans: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
        alone = names_used_alone(text, spans)
        return [glued_names(text, start, end, label, alone) for start, end, label in spans]

    once = parted(copy, spans)
    assert [copy[s:e] for pieces in once for s, e, _label in pieces if len(pieces) == 2] == [
        "the Toronto Congress Centre", "Anime North", "Crete", "Cyprus"
    ]  # fmt: skip
    copies = 4000
    text = copy * copies
    shifted = [(s + k * len(copy), e + k * len(copy), label) for k in range(copies)
               for s, e, label in spans]  # fmt: skip
    assert parted(text, shifted) == [
        [(s + k * len(copy), e + k * len(copy), label) for s, e, label in pieces]
        for k in range(copies)
        for pieces in once
    ]


@pytest.mark.parametrize("particle", sorted(WORD_PARTICLES))
def test_every_particle_of_a_surname_is_read_before_it(particle: str) -> None:
    # names.WORD_PARTICLES is the one list ("Arnel dela Vega" of the mindanao page, "Fatima
    # bint Mubarak"): the surname after a given name the model cut there, and the given name
    # before a span that opens with the particle (not French "le", "la")
    text = f"The award went to Fatima {particle} Mubarak on Monday."
    start, end = text.index("Fatima"), text.index(" on")
    assert fuller_name(text, start, start + len("Fatima"), "PERSON") == (start, end)
    at = text.index(f" {particle} ") + 1
    expected = (at, end) if particle in ("le", "la") else (start, end)
    assert fuller_name(text, at, end, "PERSON") == expected


@pytest.mark.parametrize("label", ["ORG", "PERSON"])
def test_a_span_glued_after_a_hashtag_s_word_is_read_without_a_crash(label: str) -> None:
    # The model's span right after "#" ("#Ferraro the Democratic Party", as the harris page's
    # "Ferraro the Democratic Party's first"): junk.pieces cuts the hashtag's word off, and
    # the rest opens with " the", no word before the glue (IndexError before)
    body = "Fans tweeted #Ferraro the Democratic Party nominee on Monday."
    prose = markdown_prose(body)
    start, end = prose.text.index("Ferraro"), prose.text.index(" nominee")
    found = entities_from_spans(body, [(start, end, label)], prose)
    assert "Democratic Party" in {entity.name for entity in found}


@pytest.mark.parametrize(
    "written",
    [
        "[Valéry Giscard](https://en.wikipedia.org/wiki/Giscard) d'Estaing",
        "*Valéry Giscard* d'Estaing",
    ],
)
def test_a_name_is_taken_whole_only_where_no_markup_stands_between(written: str) -> None:
    # The chirac page's "first under President Valéry Giscard d'Estaing", with the first words
    # linked or set in italics as a page may write them: the model reads "Valéry Giscard" and
    # fuller_name's "d'Estaing" lies past the link's end; a mention's offsets in the body must
    # hold the name as written, never the markup ("Valéry Giscard](https://…) d'Estaing")
    line = _body("chirac").split("\n")[5]
    body = line.replace("Valéry Giscard d'Estaing", written)
    [found] = extract_entities([body])
    surfaces = {body[s:e] for entity in found for s, e in entity.mentions}
    assert "Valéry Giscard" in surfaces
    assert not [s for s in surfaces if "](" in s or "*" in s]


def test_an_acronym_glued_before_a_person_the_article_names_alone_is_cut_off() -> None:
    # No development text shows it; the untuned review pool did (an outlet after "told", glued
    # to the article's subject, made him an organisation), so the text is written for it.
    text = (
        "Hamza bin Laden was reported dead on Wednesday. A former agent told NPR Hamza bin "
        "Laden had been groomed as a leader of the group. Officials said Hamza bin Laden was "
        "killed in a raid.\n"
    )
    (found,) = extract_entities([text])
    kinds = {e.name: e.type for e in found}
    assert kinds.get("Hamza bin Laden") == "person"
    assert not [name for name in kinds if name.startswith("NPR ")]
