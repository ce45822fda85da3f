"""Issue #11's entity defects, each on the real page that shows it (../shared/testdata).

Pages are imported as a user would (source.html through the HTML reader), then extracted once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.analysis.compare import compare_entities
from kimreader.analysis.entities import extract_entities, merge_library
from kimreader.analysis.entity import Entity
from kimreader.corpus.readers import read_file

PAGES = Path(__file__).resolve().parents[2] / "shared/testdata/mozilla-readability/test/test-pages"
NAMES = (
    "nytimes-1 nytimes-2 breitbart msn bbc-1 cnet aclu telegraph wapo-2 seattletimes-1 yahoo-2 "
    "cnn wapo-1 webmd-1 buzzfeed-1 theverge guardian-1 engadget yahoo-1 nytimes-3"
).split()

pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason="shared test pages not present")


@pytest.fixture(scope="module")
def pages() -> dict[str, tuple[str, list[Entity]]]:
    bodies = {name: read_file(PAGES / name / "source.html").body for name in NAMES}
    found = extract_entities(list(bodies.values()))
    return {name: (bodies[name], ents) for name, ents in zip(bodies, found, strict=True)}


def named(entities: list[Entity], name: str) -> list[Entity]:
    return [e for e in entities if name in (e.name, *e.aliases)]


def types_of(entities: list[Entity], name: str) -> set[str]:
    return {e.type for e in named(entities, name)}


def test_one_person_however_the_article_names_him(pages: dict) -> None:
    _, ents = pages["nytimes-1"]
    bashir = named(ents, "Omar Hassan al-Bashir")
    assert len(bashir) == 1 and "Bashir" in bashir[0].aliases
    obama = named(ents, "Obama")
    assert len(obama) == 1 and obama[0].type == "person"


def test_a_soft_hyphen_does_not_split_netanyahu_and_acronyms_join_their_expansion(
    pages: dict,
) -> None:
    body, ents = pages["wapo-2"]
    assert "\u00ad" in body or "Netan" in body
    netanyahu = [e for e in ents if "Netanyahu" in e.name.replace("\u00ad", "")]
    assert len(netanyahu) == 1 and netanyahu[0].name == "Benjamin Netanyahu"
    court = named(ents, "International Criminal Court")
    assert len(court) == 1 and "ICC" in court[0].aliases


def test_the_subject_of_a_short_piece_is_found_and_typed_by_evidence(pages: dict) -> None:
    _, ents = pages["breitbart"]
    assert types_of(ents, "Trump") == {"person"}  # "President-elect Trump", tagged ORG by the model
    emery = named(ents, "David Emery")
    assert len(emery) == 1 and emery[0].count >= 7
    assert "person" not in types_of(ents, "Twitter")
    assert not [e for e in ents if "@" in e.name]


def test_companies_and_products_are_not_people_or_places(pages: dict) -> None:
    _, cnet = pages["cnet"]
    assert named(cnet, "Facebook") and types_of(cnet, "Facebook") == {"org"}
    assert named(cnet, "Oculus VR") or named(cnet, "Oculus")
    assert types_of(cnet, "Snapchat") == {"org"}
    _, yahoo = pages["nytimes-2"]
    assert types_of(yahoo, "Verizon") == {"org"} and types_of(yahoo, "Alibaba") == {"org"}
    _, aclu = pages["aclu"]
    assert "person" not in types_of(aclu, "Firefox") | types_of(aclu, "Chrome")
    assert types_of(aclu, "Cambridge Analytica") == {"org"}
    assert not named(aclu, "Analytica")
    _, telegraph = pages["telegraph"]
    assert types_of(telegraph, "Zanu-PF") == {"org"}
    assert not named(telegraph, "Africans")


def test_captions_credits_and_lines_do_not_make_entities(pages: dict) -> None:
    junk = {
        "nytimes-1": "Photo United Nations",
        "msn": "Business Insider Inc Nintendo/Apple Nintendo",
        "bbc-1": "Congress Syria",
        "breitbart": "22 Dec 2016 651",
    }
    for page, name in junk.items():
        _, ents = pages[page]
        assert not [e for e in ents if name in (e.name, *e.aliases)], (page, name)
    # "fresh fish for Easter and Mother’s Day" (the page's apostrophe is curly): the model's
    # organisation is two holidays, no person, organisation or place
    _, seattle = pages["seattletimes-1"]
    holidays = [e for e in seattle if "Easter and Mother’s Day" in (e.name, *e.aliases)]
    assert all(e.type not in ("person", "org", "place") for e in holidays)
    _, nytimes = pages["nytimes-1"]
    assert not [e for e in nytimes if e.name.startswith("Friday,")]
    _, msn = pages["msn"]
    assert types_of(msn, "Nintendo") == {"org"}


def test_day_names_stay_in_their_article_and_people_meet_across_the_library(pages: dict) -> None:
    library = merge_library({name: ents for name, (_, ents) in pages.items()})
    assert all(len(e.article_ids) == 1 for e in library if e.type == "date")
    obama = [e for e in library if e.type == "person" and "Obama" in e.aliases]
    assert len(obama) == 1 and {"nytimes-1", "bbc-1", "wapo-2"} <= set(obama[0].article_ids)


def test_a_comparison_lists_what_the_library_merge_joins(pages: dict) -> None:
    _, a = pages["nytimes-1"]
    _, b = pages["wapo-2"]
    comparison = compare_entities(a, b)
    # nytimes-1 says only "Obama" and "President Obama"; wapo-2 names Barack Obama in full.
    assert [s for s in comparison.shared if s.type == "person" and "Obama" in s.name]
    assert not [e for e in comparison.only_b if e.name == "Barack Obama"]


def test_organisations_named_with_and_or_owned_by_another_keep_their_whole_name(
    pages: dict,
) -> None:
    expected = {
        "cnn": ("org", "Center on Poverty and Inequality"),
        "wapo-1": ("org", "World Travel and Tourism Council"),
        "webmd-1": ("org", "American Academy of Allergy, Asthma and Immunology"),
        "wapo-2": ("org", "Likud"),  # "the Likud party"
    }
    for page, (kind, name) in expected.items():
        _, ents = pages[page]
        assert types_of(ents, name) == {kind}, (page, name)
    _, cnn = pages["cnn"]
    assert not named(cnn, "Inequality")


def test_an_organisation_after_its_country_is_the_one_the_article_names(pages: dict) -> None:
    _, bbc = pages["bbc-1"]
    congress = named(bbc, "Congress")
    assert len(congress) == 1 and "US Congress" in congress[0].aliases


def test_the_subject_named_with_her_age_is_a_person(pages: dict) -> None:
    _, buzzfeed = pages["buzzfeed-1"]  # "Eloise Parry, 21, was taken to ..."
    assert types_of(buzzfeed, "Eloise Parry") == {"person"}
    assert not [e for e in buzzfeed if e.type == "org" and e.name == "Eloise"]


def test_parallel_names_in_one_span_are_two(pages: dict) -> None:
    _, verge = pages["theverge"]  # "... Apple Pay and Google Pay ..."
    assert named(verge, "Apple Pay") and named(verge, "Google Pay")
    assert not named(verge, "Apple Pay and Google Pay")


def test_a_centre_in_a_town_and_a_project_are_typed_by_their_words(pages: dict) -> None:
    _, guardian = pages["guardian-1"]
    assert types_of(guardian, "Whangārei") == {"place"}
    assert types_of(guardian, "Project Jonah") == {"org"}


def test_a_listed_companys_branch_is_not_a_place(pages: dict) -> None:
    _, nytimes = pages["nytimes-2"]
    assert types_of(nytimes, "Yahoo Japan") == {"org"}


def test_a_description_a_list_and_a_misread_label_type_a_name(pages: dict) -> None:
    _, wapo = pages[
        "wapo-1"
    ]  # "Ansar al-Sharia, an al-Qaeda-linked organization"; "downtown Tunis"
    assert types_of(wapo, "Ansar al-Sharia") == {"org"}
    assert types_of(wapo, "Tunis") == {"place"}
    _, aclu = pages["aclu"]  # "the company owns Instagram, Atlas, WhatsApp, and dozens of other"
    assert types_of(aclu, "Atlas") == {"org"}
    _, guardian = pages["guardian-1"]  # "his first mass beaching on Ninety Mile Beach"
    assert types_of(guardian, "Ninety Mile Beach") == {"place"}


def test_a_sentence_opening_word_and_a_quoted_title_are_not_names(pages: dict) -> None:
    _, wapo = pages["wapo-1"]  # "CAIRO — Gunmen opened fire ..." and later "the gunmen"
    assert not named(wapo, "Gunmen")
    _, yahoo = pages["yahoo-1"]  # "but “Eve Valkyrie” does an admirable job": a game
    assert not named(yahoo, "Eve Valkyrie")


def test_products_are_not_people_and_name_their_maker(pages: dict) -> None:
    _, engadget = pages["engadget"]  # "an upgraded AMD Polaris GPU with 6 teraflops"
    assert types_of(engadget, "Polaris GPU") == {"org"}
    assert types_of(engadget, "AMD") == {"org"}
    _, verge = pages["theverge"]  # "Sign up for Command Line, a paid weekly newsletter"
    assert types_of(verge, "Command Line") == {"org"}


def test_the_words_after_a_name_say_what_it_is(pages: dict) -> None:
    _, nytimes = pages["nytimes-3"]  # "Con Edison, which maintains about 90,000 miles"
    assert types_of(nytimes, "Con Edison") == {"org"}
    _, guardian = pages["guardian-1"]  # "a member of the Manu Taupunga group"
    assert types_of(guardian, "Manu Taupunga") == {"org"}
    _, verge = pages["theverge"]  # "the text in the Photos app"
    assert "place" not in types_of(verge, "Photos")
    _, wapo = pages["wapo-1"]  # "Roman mosaics" (a people's adjective), "Roman treasures"
    assert not named(wapo, "Roman")


def test_a_byline_verb_and_a_caption_opening_are_not_names(pages: dict) -> None:
    _, webmd = pages["webmd-1"]  # "Reviewed by Hansa D. Bhargava, MD"
    assert not named(webmd, "Reviewed")
    _, guardian = pages["guardian-1"]  # "Clockwise from top: Te Kaurinui Parata, ..."
    assert not named(guardian, "Clockwise")


def test_a_group_named_with_a_lower_case_particle_is_found(pages: dict) -> None:
    _, wapo = pages["wapo-1"]  # "Ansar al-Sharia, an al-Qaeda-linked organization"
    assert types_of(wapo, "al-Qaeda") == {"org"}


def test_a_region_after_a_word_of_where_and_a_notice_word_after_our(pages: dict) -> None:
    _, guardian = pages["guardian-1"]  # "elder of the Ngātiwai tribe of eastern Northland"
    assert types_of(guardian, "Northland") == {"place"}
    _, aclu = pages["aclu"]  # "relevant ads on and off our Services" (and "services" elsewhere)
    assert not named(aclu, "Services")


def test_italic_titles_are_works_not_people(pages: dict) -> None:
    # engadget: "*Killer\nInstinct*", "*Assassin's\nCreed Origins*" (the model: two people),
    # "*Forza Motorsport 7*", "*Call of Duty: WW2*".
    _, ents = pages["engadget"]
    for work in ("Killer Instinct", "Assassin's Creed Origins", "Super Lucky's Tale"):
        assert types_of(ents, work) == {"org"}, work
    assert not named(ents, "Assassin") and not named(ents, "Creed Origins")
    assert named(ents, "Forza Motorsport") and named(ents, "Call of Duty")
    assert not [e for e in ents if e.type == "person"]


def test_a_product_is_its_makers_and_its_short_name_is_the_product(pages: dict) -> None:
    # engadget: "Dolby Atmos" then "Atmos support" (the model's person); "[Xbox\nOne S](url)"
    # then "The One S, in comparison"; "powered by Intel Core i7"; "4K Blu-rays" ("K Blu").
    _, ents = pages["engadget"]
    atmos = named(ents, "Atmos")
    assert [(e.name, e.type) for e in atmos] == [("Dolby Atmos", "org")]
    assert [(e.name, e.type) for e in named(ents, "One S")] == [("Xbox One S", "org")]
    assert types_of(ents, "Intel") == {"org"} and not named(ents, "Intel Core")
    assert not [e for e in ents if "Blu" in e.name or e.name.endswith(". The")]
    _, verge = pages["theverge"]  # "Apple Vision Pro" once written "Apple Vision"
    assert not named(verge, "Apple Vision")


def test_a_hashtag_is_one_word(pages: dict) -> None:
    # breitbart: "“#Hamilton Chicago show interrupted by angry Trump supporters”" (the model:
    # one person "Hamilton Chicago").
    _, ents = pages["breitbart"]
    assert not named(ents, "Hamilton Chicago")
    assert types_of(ents, "Chicago") == {"place"}


def test_a_name_the_text_calls_a_region_is_a_place(pages: dict) -> None:
    # yahoo-2: "over the remote Russian Tuva region" (no tag), then "the Tuva government" and
    # "the spelling of the region to Tuva" (the model's person): the place, not an organisation.
    assert types_of(pages["yahoo-2"][1], "Tuva") == {"place"}


def test_a_name_ends_before_a_hyphenated_word_and_a_second_name(pages: dict) -> None:
    # seattletimes-1: "Kroger-owned QFC", "Whole Foods and QFC"; "Whole Foods Market" and
    # "Whole Foods" are one company; "the Aleutian Islands chain" is no retail chain.
    entities = pages["seattletimes-1"][1]
    names = {e.name for e in entities}
    assert "Kroger" in names and not {n for n in names if "-owned" in n or " and QFC" in n}
    assert len(named(entities, "Whole Foods")) == 1
    assert types_of(entities, "Aleutian Islands") == {"place"}


def test_a_time_zone_is_no_entity(pages: dict) -> None:
    # yahoo-2: "9:51 p.m. GMT" was an organisation.
    assert not named(pages["yahoo-2"][1], "GMT")


def test_names_under_a_header_that_says_what_they_are_take_its_type() -> None:
    # lwn-1: a table headed "Companies supporting LibreOffice development" lists "Red Hat",
    # "Collabora Multimedia" and "Igalia S.L." (the model's people) and "Canonical", "Yandex"
    # (which it skipped).
    entities = extract_entities([read_file(PAGES / "lwn-1" / "source.html").body])[0]
    for company in ("Red Hat", "Collabora Multimedia", "Igalia S.L.", "Canonical", "Yandex"):
        assert types_of(entities, company) == {"org"}, company


def test_a_persons_initials_are_the_person() -> None:
    # ebb-org: "Richard M. Stallman (RMS)'s public statements": the model's organisation "RMS"
    # made the person an organisation.
    entities = extract_entities([read_file(PAGES / "ebb-org" / "source.html").body])[0]
    assert types_of(entities, "Richard M. Stallman") == {"person"}


def test_an_institution_read_as_a_work_and_a_listed_short_name() -> None:
    # quanta-1: "the stacks of the Library of Congress" (the model's WORK_OF_ART; "Congress"
    # alone was left); nytimes-4: "the Federal Reserve", then "the Fed".
    quanta, nytimes = extract_entities(
        [read_file(PAGES / name / "source.html").body for name in ("quanta-1", "nytimes-4")]
    )
    assert types_of(quanta, "Library of Congress") == {"org"}
    assert not named(quanta, "Congress")
    assert [e.name for e in nytimes if "Fed" in e.aliases] == ["Federal Reserve"]


def test_a_figure_label_is_no_entity() -> None:
    # dropbox-blog: "Async Task Framework (ATF) [Fig 1]", "(See Fig. 1 above.)".
    entities = extract_entities([read_file(PAGES / "dropbox-blog" / "source.html").body])[0]
    assert not named(entities, "Fig")


def test_a_one_word_name_the_model_cut_from_a_table_cell_is_the_whole_cell() -> None:
    # lwn-1: the developers table's "Matteo Casalin | 442 | 2.0%" gave the model's "Matteo".
    entities = extract_entities([read_file(PAGES / "lwn-1" / "source.html").body])[0]
    assert types_of(entities, "Matteo Casalin") == {"person"}
    assert not named(entities, "Matteo")


def test_a_given_name_no_list_has_opening_a_sentence_stays_in_the_name(pages: dict) -> None:
    # "Ajmi Lourimi, a member of Ennahda, ..." opens a sentence: the model's person, whose
    # given name is in no list, is not "Lourimi" (the article also writes "Lourimi" alone)
    _, wapo = pages["wapo-1"]
    assert types_of(wapo, "Ajmi Lourimi") == {"person"}


def test_a_datelines_place_is_a_place_of_the_report(pages: dict) -> None:
    # "LONDON — …" opens nytimes-1 (London is named nowhere else), "MOSCOW (AP) — …" yahoo-2
    body, ents = pages["nytimes-1"]
    london = named(ents, "LONDON")
    assert [e.type for e in london] == ["place"] and london[0].mentions[0] == (0, 6)
    body, ents = pages["yahoo-2"]
    (moscow,) = named(ents, "Moscow")
    assert body[slice(*moscow.mentions[0])] == "MOSCOW"
