"""Entities of news as scraped from outlets' pages: plain text with each paragraph, caption,
byline and menu on a line of its own, and no blank line. The cases are shown on real
development Wikinews articles (bench/gold/wikinews, CC BY 2.5) laid out that way."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import scraped_body

from kimreader.analysis.entities import extract_entities
from kimreader.analysis.gazetteer import state_abbreviations
from kimreader.analysis.junk import dateline_places
from kimreader.analysis.prose import layout, markdown_prose

BAKER = "influential-rock-drummer-ginger-baker-dies-at-age-80"


def test_each_line_of_a_scraped_text_is_a_paragraph_of_its_own() -> None:
    body = scraped_body(BAKER)  # a block a line: tests/test_markdown_blocks.py
    # "… with John Lydon's Public Image Ltd." ends a paragraph, "Cream …" opens the next
    assert "Public Image Ltd.\n" in markdown_prose(body).text
    (found,) = extract_entities([body])
    names = {e.name for e in found}
    assert {"Public Image Ltd.", "Cream"} <= names
    assert not [name for name in names if "Ltd. Cream" in name]
    # text wrapped by hand (no line over 100 characters) keeps its soft breaks
    wrapped = "\n".join(textwrap.wrap(" ".join(body.split()[:300]), 72))
    assert "\n" not in markdown_prose(wrapped).text


def test_the_capitals_of_a_dateline_name_its_place() -> None:
    # the forms of wire copy's datelines, written for the case (a development page has the
    # first two: "LONDON — " of nytimes-1, "MOSCOW (AP) — " of yahoo-2, test_entity_pages.py)
    text = (
        "WASHINGTON (AP) -- Sen. Harry Reid won.\n"
        "RAMALLAH, West Bank (AP) - A leader spoke.\n"
        "WASHINGTON, Nov 15 (Reuters) - The president chose.\n"
        "LAKE BUENA VISTA, Fla. -- Fans will find out.\n"
        "OLYMPIA, Wash. Dec 30, 2004\n"
        "QUESTION: Mr. Secretary, one more?\n"
        "THE MAIN POINTS of the plan\n"
        "Paris - the city\n"
        "TOP STORIES Dec 30\n"
    )
    found = {text[s:e] for s, e in dateline_places(text)}
    assert found == {"WASHINGTON", "RAMALLAH", "LAKE BUENA VISTA", "OLYMPIA"}
    # written a paragraph a line, a dateline is a paragraph of its own but no subhead (a name
    # only in headings is dropped): a headline above the Wikinews lead, the dateline between
    lead = scraped_body(BAKER).split("\n")[1]
    body = f"Drummer Ginger Baker Dies\nLONDON, England Oct 6, 2019\n{lead}\n"
    headings, _ignored = layout(body)
    assert [body[start:end] for start, end in headings] == ["Drummer Ginger Baker Dies"]


def test_a_state_abbreviated_after_a_town_or_a_party_is_the_state(shared_dir: Path) -> None:
    # ECB+ report 1_1ecbplus: "a rehab facility in Malibu, Calif., Access Hollywood has …"
    body = (shared_dir / "testdata/ecbplus/text/1/1_1ecbplus.txt").read_text("utf-8")
    (found,) = extract_entities([body])
    california = [e for e in found if "Calif." in e.aliases]
    assert [(e.name, e.type) for e in california] == [("California", "place")]
    written = "Rep. Jeff Miller, R-Fla., said so in Troy, Mich., and Jackson, Miss. Smith agreed."
    assert [state for _s, _e, state in state_abbreviations(written)] == ["Florida", "Michigan"]


def test_a_unit_by_its_number_and_a_byline_in_capitals() -> None:
    # written for the case (no development text names a numbered unit or a byline in capitals)
    text = (
        "Army medics reach a school\n"
        "By MARIA LOPEZ\n"
        "Staff writer\n"
        "Soldiers of the 3rd Forward Support Battalion and the 82nd Airborne Division "
        "visited the school on Monday, said Major Tom Reyes of the 41st Military Police Brigade. "
        "The 3rd Forward Support Battalion will return next month.\n"
    )
    (found,) = extract_entities([text])
    named = {(e.name, e.type) for e in found}
    assert {
        ("3rd Forward Support Battalion", "org"),
        ("82nd Airborne Division", "org"),
        ("41st Military Police Brigade", "org"),
        ("MARIA LOPEZ", "person"),
    } <= named
    assert not [name for name, _type in named if name in ("LOPEZ", "Military Police Brigade")]


def test_a_headlines_verb_in_ing_parts_the_names_around_it() -> None:
    # written for the case: a headline in title case with the verb the story writes in lower case
    text = (
        "Northwind Buying Contoso in $2 Billion Deal\n"
        "Northwind Traders said on Monday it was buying Contoso, the software maker, after "
        "months of talks with its board and its bankers.\n"
        "Contoso shareholders will vote in March, the company said.\n"
    )
    (found,) = extract_entities([text])
    names = {e.name for e in found if e.type in ("person", "org", "place")}
    assert "Contoso" in names
    assert not [name for name in names if "Buying" in name]


def test_a_rank_abbreviated_belongs_to_the_name_after_it() -> None:
    # written for the case (no development text writes an outfit right before a rank)
    text = (
        "Medics visit a school in Baghdad, Iraq, where children were examined on Saturday.\n"
        "The kids were in good spirits, U.S. Army Staff Sgt. Jason Moore said of the visit.\n"
        "Photo by Air Force Maj. Ann Lee, who also took the pictures of the medics' work.\n"
    )
    (found,) = extract_entities([text])
    named = {(e.name, e.type) for e in found}
    assert {("U.S. Army", "org"), ("Jason Moore", "person"), ("Air Force", "org")} <= named
    assert not [name for name, _type in named if name.endswith(("Sgt", "Maj", "Staff"))]


def test_a_brand_opening_with_a_companys_first_word_is_no_persons_name() -> None:
    # written for the case: the model reads "Fabrikam Grand" (a store format) as a person,
    # whose surname "Fabrikam" then took every lone "Fabrikam" from the company
    text = (
        "Fabrikam Holdings, the group formed by the merger, will keep its offices in Ohio. "
        "Fabrikam launched a larger format, Fabrikam Grand, in 2003. Fabrikam shares rose on "
        "Tuesday, and Fabrikam said it would close forty stores. Fabrikam trails Walmart.\n"
    )
    (found,) = extract_entities([text])
    (company,) = [e for e in found if "Fabrikam" in e.aliases]
    assert (company.type, company.count) == ("org", 5)


def test_the_surname_before_a_particles_surname_names_the_person_alone() -> None:
    # written for the case: Portuguese names write two surnames; the first alone names him
    text = (
        "Visiting Brazilian President Joao Carlos Pereira da Costa met the premier on Monday.\n"
        "Pereira said the talks went well, and the two leaders signed an agreement on trade.\n"
        "Pereira said he would fly to Shanghai on Wednesday, after the meeting ended.\n"
    )
    (found,) = extract_entities([text])
    people = [e for e in found if e.type == "person"]
    assert [(e.name, e.count) for e in people] == [("Joao Carlos Pereira da Costa", 3)]


def test_a_name_after_suburb_of_is_a_place() -> None:
    # written for the case: small towns the model reads as a person or an organisation
    text = (
        "The retailer will keep its head office in the Chicago suburb of Hoffman Estates, "
        "and a warehouse in the suburb of Gurnee will close next year, the company said.\n"
    )
    (found,) = extract_entities([text])
    types = {e.name: e.type for e in found}
    assert types.get("Hoffman Estates") == "place" and types.get("Gurnee") == "place"


def test_a_name_ending_in_cooperation_is_an_organisation() -> None:
    # written for the case (the model may read the forum as a place)
    text = (
        "The two leaders hope to meet on the sidelines of the annual summit of the "
        "Asia-Pacific Economic Cooperation forum in Chile later this month, an aide said.\n"
    )
    (found,) = extract_entities([text])
    assert {e.name: e.type for e in found}.get("Asia-Pacific Economic Cooperation") == "org"


def test_a_name_a_pages_links_cut_out_of_its_sentence_is_no_subhead() -> None:
    # NewsWCL50 (fresh18 wcl8_R): each link of the page is a paragraph of its own
    body = (
        "Mueller's Russia investigation: What to know\n\n"
        "The appointment came after a growing cry for someone outside the Justice Department "
        "to handle the probe. Attorney General\n\n"
        "Jeff Sessions\n\n"
        "had already recused himself from the investigation.\n\n"
        "Deputy Attorney Gen.\n\n"
        "Rod Rosenstein\n\n"
        'said, "There is no allegation in this indictment."\n\n'
        "The questions reportedly ask for information related to Flynn, Sessions, fired FBI "
        "Director\n\n"
        "James Comey, former deputy FBI director\n\n"
        "Andrew McCabe\n\n"
        "and his campaign's connections to Russia, including the now-infamous\n\n"
        "Trump Tower meeting\n\n"
        "with Manafort.\n\n"
        "Characters from Disney Fairies\n\n"
        "Rocket Raccoon\n\n"
        "torontogroot as Beast Boy"
    )
    (found,) = extract_entities([body])
    people = {e.name for e in found if e.type == "person"}
    assert {"Jeff Sessions", "Rod Rosenstein", "James Comey", "Andrew McCabe"} <= people
    # a building: its owner's surname is no given name, and "Trump" is not its person
    assert "Trump Tower" not in people
    # a caption after a caption: no sentence stops at "Disney Fairies"
    assert "Rocket Raccoon" not in {e.name for e in found}


def test_a_phrase_quoted_or_a_titles_words_or_a_compounds_piece_names_no_one() -> None:
    # NewsWCL50 (fresh18 wcl1_M, wcl0_M)
    text = (
        "\"The president brought up the 'Golden Shower Thing' and said it really bothered him,\" "
        'Comey wrote. Trump called him a "lie" teller.\n\n'
        "Comey is promoting a book, Higher Loyalty: Truth, Lies, and Leadership, in which he "
        "details the encounters.\n\n"
        "Trump welcomed Japanese Prime Minister Shinzo Abe to his Mar-a-Lago estate."
    )
    (found,) = extract_entities([text])
    names = {e.name for e in found}
    assert not {"Golden Shower Thing", "'Golden Shower Thing", "Lies", "Mar-a"} & names
    assert {"Shinzo Abe", "Comey"} <= names
