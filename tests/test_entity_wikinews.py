"""Entity defects on real Wikinews articles (bench/gold/wikinews, CC BY 2.5; development sets
only, never the blind ones), each on the article that shows it. The articles are read as the
bench reads them (the whole text), then extracted once."""

from __future__ import annotations

import pytest
from conftest import WIKINEWS, wikinews_entities

from kimreader.analysis.entities import extract_entities
from kimreader.analysis.entity import Entity
from kimreader.corpus.article import Article

ARTICLES = {
    "tunisia": "tunisian-prime-minister-signs-decree-to-ban-face-veils-in-pu",
    "erdogan": "turkey-s-president-erdogan-proposes-converting-hagia-sophia",
    "ebola": "scientists-report-two-life-saving-treatments-for-ebola",
    "contempt": "us-house-of-representatives-holds-two-cabinet-officers-in-cr",
    "abortion": "new-south-wales-decriminalizes-abortion",
    "prorogation": "uk-prime-minister-johnson-suspends-parliament-for-five-weeks",
    "samoa": "us-federal-judge-rules-american-samoans-are-citizens-then-de",
    "car bomb": "car-bomb-ramming-attack-kills-dozens-at-military-base-in-mai",
    "court": "new-zealand-mosque-murder-suspect-appears-in-court-at-christ",
    "impeachment": "u-s-house-formalizes-rules-for-trump-impeachment-proceedings",
    "mukherjee": "former-president-of-india-pranab-mukherjee-dies-aged-84",
    "baker": "influential-rock-drummer-ginger-baker-dies-at-age-80",
    "crash": "world-war-ii-era-plane-crashes-in-connecticut-us-killing-at",
    "aftershocks": "aftershocks-increase-death-toll-of-magnitude-6-3-earthquake",
    "supreme court": "uk-supreme-court-rules-prorogation-of-parliament-unlawful",
    "court of session": "scottish-court-finds-suspension-of-uk-parliament-unlawful",
    "shark": "study-indicates-as-great-white-shark-disappears-living-fossi",
    "railway": "indian-railway-all-women-crew-steers-tippu-express-ahead-of",
    "plankton": "scientists-report-skyrocketing-phytoplankton-population-in-a",
    "debate": "second-us-biden-trump-debate-cancelled-amid-safety-controver",
    "cargo": "iranian-cargo-plane-crashes-into-karaj-houses",
    "pope": "pope-francis-instructs-reporting-of-sexual-abuse-to-higher-c",
    "mir-mohammadi": "iranian-government-official-mohammad-mir-mohammadi-dies-of-c",
    "gdansk": "arrest-made-as-mayor-of-gdansk-poland-stabbed-on-stage",
    "kaczynski": "polish-leader-jaroslaw-kaczynski-promises-stricter-punishmen",
    "ecj": "european-court-of-justice-says-facebook-must-remove-illegal",
    "koszalin": "escape-room-fire-kills-five-teen-girls-in-koszalin-poland",
    "boat": "dozens-dead-in-california-boat-fire",
    "conyers": "former-us-representative-john-conyers-dies-at-age-90",
    "coalition": "coalition-authorities-report-no-casualties-from-missile-stri",
    "primaries": "arizona-florida-illinois-hold-2020-us-presidential-primaries",
    "carrie lam": "hong-kong-s-carrie-lam-delivers-speech-on-video-after-protes",
    "ibis": "ancient-egyptians-collected-wild-ibis-birds-for-sacrifice-sa",
    "march": "hong-kong-protests-continue-through-police-opposition-rainst",
    "coating": "slippery-business-materials-scientists-invent-new-coating-fo",
    "bridgegate": "us-supreme-court-overturns-fraud-convictions-in-kelly-v-unit",
    "pileup": "florida-highway-pileup-fire-kills-five-children-two-truck-dr",
    "imus": "radio-host-don-imus-dies-aged-79",
    "monarch": "report-indicates-mexican-monarch-butterfly-population-at-ten",
    "mugabe": "longtime-leader-of-zimbabwe-robert-mugabe-dies-aged-95",
    "abortion bill": "argentine-president-fernandez-to-send-bill-legalising-aborti",
    "anime": "toronto-s-anime-north-2019-brings-thousands-of-fans-together",
}


@pytest.fixture(scope="module")
def articles() -> dict[str, list[Entity]]:
    return wikinews_entities(ARTICLES)


def names(entities: list[Entity], kind: str) -> set[str]:
    return {e.name for e in entities if e.type == kind}


def test_a_persons_name_the_model_cut_with_nothing_between_is_one() -> None:
    # "during Zine El Abidine Ben Ali's Presidency": the model read two people. (The rules'
    # groups: whether a person named once is kept is the learned decision's call.)
    from kimreader.analysis.entities import entity_groups, iter_model_spans

    text = (WIKINEWS / f"{ARTICLES['tunisia']}.txt").read_text("utf-8")
    body = Article.create(ARTICLES["tunisia"], text).body
    [(_body, prose, spans)] = iter_model_spans([body])
    surfaces = {m.surface for group in entity_groups(prose, spans, body) for m in group}
    assert "Zine El Abidine Ben Ali" in surfaces
    assert not surfaces & {"Zine El Abidine", "Ben Ali"}


def test_an_organisations_name_cut_at_its_comma_and_or_for_the_is_whole(
    articles: dict,
) -> None:
    orgs = names(articles["erdogan"], "org")
    assert "United Nations Educational, Scientific and Cultural Organization" in orgs
    assert "Cultural Organization" not in orgs and "United Nations Educational" not in orgs
    orgs = names(articles["tunisia"], "org")
    assert "Tunisian League for the Defence of Human Rights" in orgs
    assert not orgs & {"Tunisian League", "Defence of Human Rights"}


def test_an_organisations_name_cut_before_or_after_its_and_is_whole(articles: dict) -> None:
    orgs = names(articles["ebola"], "org")
    assert "United States National Institute of Allergy and Infectious Diseases" in orgs
    orgs = names(articles["contempt"], "org")
    assert {"House Oversight and Reform Committee", "Operation Fast and Furious"} <= orgs
    assert not orgs & {"Reform Committee", "Operation Fast"}


def test_an_outlet_after_a_word_for_its_kind_is_found(articles: dict) -> None:
    # "newspaper The Hindu reported": the model read "Hindu" as a people's word, and "The"
    # starts the name; "the journal Science published": the model read a work of art
    assert "Hindu" in names(articles["railway"], "org")  # shown without "The", as "Guardian"
    assert "Science" in names(articles["plankton"], "org")


def test_an_of_phrase_the_model_ended_at_its_and_goes_on(articles: dict) -> None:
    # "the Islamic State of Iraq and the Levant": the model's organisation and place "Levant";
    # "the Rosenstiel School of Marine and Atmospheric Science": its organisation and person
    aliases = {a for e in articles["tunisia"] if e.type == "org" for a in e.aliases}
    assert "Islamic State of Iraq and the Levant" in aliases  # shown as "Islamic State"
    assert "Islamic State of Iraq" not in aliases
    assert "Levant" not in names(articles["tunisia"], "place")
    orgs = names(articles["shark"], "org")
    assert "Rosenstiel School of Marine and Atmospheric Science" in orgs
    assert "Rosenstiel School of Marine" not in orgs
    assert "Atmospheric Science" not in names(articles["shark"], "person")


def test_an_acronym_of_a_place_is_the_place(articles: dict) -> None:
    # "the Parliament of New South Wales (NSW)", then "NSW" four times, read as an organisation.
    [nsw] = [e for e in articles["abortion"] if "NSW" in e.aliases]
    assert nsw.type == "place" and nsw.name == "New South Wales"
    # "the Democratic Republic of the Congo", later "the DRC's", never in brackets.
    [drc] = [e for e in articles["ebola"] if "DRC" in e.aliases]
    assert drc.type == "place" and "Democratic Republic of the Congo" in drc.aliases


def test_an_office_before_a_name_is_a_title(articles: dict) -> None:
    # "Taoiseach Leo Varadkar" is Leo Varadkar, as "Prime Minister Boris Johnson" is Johnson.
    from kimreader.analysis.names import canonical_key

    people = {canonical_key(e.name, "person") for e in articles["prorogation"]}
    assert "leo varadkar" in people


def test_a_time_zone_after_a_clock_time_is_no_entity(articles: dict) -> None:
    # "at 9:54 a.m. ET (1354 UTC)": ET was an organisation.
    assert not [e for e in articles["crash"] if "ET" in (e.name, *e.aliases)]


def test_a_country_the_model_read_as_an_organisation_is_a_place(articles: dict) -> None:
    # "American Samoa has a delegate to the U.S. House": every mention an ORG to the model.
    assert {e.type for e in articles["samoa"] if e.name == "American Samoa"} == {"place"}


def test_a_word_for_an_organisation_before_a_name_makes_it_one(articles: dict) -> None:
    # "now produced by the Florida company Ridgeback Biotherapeutics", a person to the model.
    assert {e.type for e in articles["ebola"] if e.name == "Ridgeback Biotherapeutics"} == {"org"}


def test_a_person_after_an_office_of_a_country_stays_a_person_before_which(
    articles: dict,
) -> None:
    # "by the President of the United States Donald Trump, which was made on Monday": the
    # "which" is the recognition's, so no organisation.
    assert {e.type for e in articles["erdogan"] if e.name == "Donald Trump"} == {"person"}


def test_an_outlets_name_ending_in_news_is_whole(articles: dict) -> None:
    # "In an interview with Sputnik News": "Sputnik" is listed, "News" is no product of it.
    assert "Sputnik News" in names(articles["erdogan"], "org")


def test_an_organisations_head_word_beats_a_place_cue_and_a_place_in_a_country(
    articles: dict,
) -> None:
    # "A source within the central Interior Ministry"; "appeared in Christchurch District Court,
    # New Zealand"; "rammed into a military base in Maidan Shahr in the centre of Afghanistan's
    # Maidan Wardak province" (a person to the model).
    types = {e.name: e.type for e in articles["car bomb"]}
    assert types["Interior Ministry"] == "org" and types["Maidan Shahr"] == "place"
    assert types["Ghazni"] == "place"  # "the deadliest since an assault in Ghazni in August"
    assert {e.type for e in articles["court"] if e.name == "Christchurch District Court"} == {"org"}


def test_a_bare_head_word_is_the_one_organisation_named_head_of(articles: dict) -> None:
    # "the Speaker of the House" is the article's "House of Representatives"; with a country
    # before it ("The United States House of Representatives voted") too.
    for key in ("impeachment", "contempt"):
        houses = [e for e in articles[key] if "House" in (e.name, *e.aliases)]
        assert len(houses) == 1 and "House of Representatives" in houses[0].name


def test_a_country_after_an_office_a_bracketed_acronym_and_an_owner_do_not_cut_names(
    articles: dict,
) -> None:
    # "Current Prime Minister of India Narendra Modi wrote" (one organisation to the model);
    # "the Indian National Congress (INC) party"; "at the Army’s Research and Referral
    # Hospital" (cut after its "and"; the Army's is the owner, no second name).
    entities = articles["mukherjee"]
    assert "Narendra Modi" in names(entities, "person")
    orgs = names(entities, "org")
    assert "Indian National Congress" in orgs and "Research and Referral Hospital" in orgs
    assert not orgs & {"India Narendra Modi", "Research", "Referral Hospital"}


def test_people_of_a_place_are_no_organisation(articles: dict) -> None:
    # "people born in American Samoa are United States citizens ... American Samoans"
    assert not [e for e in articles["samoa"] if e.name == "American Samoans"]


def test_a_birth_name_after_was_born_is_the_subjects(articles: dict) -> None:
    # "Ginger Baker was born Peter Edward Baker" (his daughter Nettie Baker shares the surname).
    [baker] = [e for e in articles["baker"] if "Ginger Baker" in (e.name, *e.aliases)]
    assert "Peter Edward Baker" in baker.aliases
    assert baker.name == "Ginger Baker"  # the name he is known by, not the longer birth name


# The three below were found by reviewing this round's rules on articles they were not written
# from (Wikinews fresh4v, development data for the verdicts only).


def test_a_place_the_model_cut_at_a_title_word_is_one_place(articles: dict) -> None:
    # "recorded in Sultan Kudarat": the model's two places "Sultan" + "Kudarat"; "Sultan" is
    # also a title, which made "Sultan Kudarat" elsewhere a person's name
    places = {e.name: e.count for e in articles["aftershocks"] if e.type == "place"}
    assert places.get("Sultan Kudarat") == 2
    assert "Sultan" not in places and "Kudarat" not in places


def test_a_bare_head_word_beside_two_of_its_kind_joins_neither_of_them(articles: dict) -> None:
    # "The Supreme Court is the final court of appeal …": "Court" is the Supreme Court's, not
    # the article's one "Court of Session", whose ruling was appealed
    orgs = {e.name: e for e in articles["supreme court"] if e.type == "org"}
    # "the Supreme Court of the United Kingdom", then "the Supreme Court"
    assert "Supreme Court of the United Kingdom" in orgs and "Court of Session" in orgs
    assert "Supreme Court" in orgs["Supreme Court of the United Kingdom"].aliases
    assert "Supreme Court" not in orgs["Court of Session"].aliases
    # where no other organisation ends in "Court", "the Court" is the one "Court of Session"
    [session] = [e for e in articles["court of session"] if e.name == "Court of Session"]
    assert "Court" in session.aliases


def test_a_title_alone_is_the_one_person_named_with_it(articles: dict) -> None:
    # "the Queen suspended parliament", later "Johnson asked Queen Elizabeth II": one person,
    # shown by the fuller name though the title alone is written first
    people = {e.name: e for e in articles["prorogation"] if e.type == "person"}
    assert "Queen" not in people
    assert people["Elizabeth II"].count == 2


def test_an_organisations_short_forms_join_it(articles: dict) -> None:
    # "CPD announced": the initials of "(United States) Commission on Presidential Debates"
    # without its country; "lists Saha as belonging to the Air Force": "Saha Airlines"
    [debates] = [e for e in articles["debate"] if "CPD" in e.aliases]
    assert debates.name == "United States Commission on Presidential Debates"
    [saha] = [e for e in articles["cargo"] if "Saha" in e.aliases]
    assert saha.name == "Saha Airlines" and saha.count == 2


def test_a_word_capitalised_only_as_a_sentences_first_is_no_name(articles: dict) -> None:
    # "Amongst reported incidents", "Offering his condolence, ...", "Unlike red algae, ...":
    # the model's place, place and organisation
    shown = {e.name for key in ("pope", "mir-mohammadi", "plankton") for e in articles[key]}
    assert not shown & {"Amongst", "Offering", "Unlike"}
    # a name the data knows stays, at a sentence's start too: "Reuters reported Monday's attack"
    assert "Reuters" in names(articles["car bomb"], "org")


def test_evidence_that_reads_past_the_name_it_is_about_types_nothing(articles: dict) -> None:
    # "restricted to 'Stefan W'": a given name and an initial, no product's model code
    assert "Stefan W" in names(articles["gdansk"], "person")
    # "a documentary by Tomasz and Marek Sekielski, which is about ...": "which" is the film
    assert "Marek Sekielski" in names(articles["kaczynski"], "person")
    # "(UH Mānoa)": initials in capitals are no given name ("Uh")
    assert "UH Mānoa" in names(articles["plankton"], "org")


def test_the_with_its_capital_inside_a_sentence_starts_an_organisations_name(
    articles: dict,
) -> None:
    # "According to a recent report by The Atlantic": the model's place (the ocean's name);
    # "spokesperson for The Greens": its people's word
    assert "Atlantic" in names(articles["pope"], "org")
    assert "Atlantic" not in names(articles["pope"], "place")
    assert "Greens" in names(articles["ecj"], "org")


def test_after_a_title_and_of_a_given_name_starts_the_person(articles: dict) -> None:
    # "Mayor of Koszalin Piotr Jedlinski", "First Minister of Scotland Nicola Sturgeon": the
    # model's one person (or organisation) is the place of the office and its holder
    assert "Piotr Jedlinski" in names(articles["koszalin"], "person")
    assert "Koszalin" in names(articles["koszalin"], "place")
    assert "Nicola Sturgeon" in names(articles["court of session"], "person")
    assert "Scotland Nicola Sturgeon" not in names(articles["court of session"], "org")


def test_a_name_starting_with_a_capital_beyond_ascii_is_kept(articles: dict) -> None:
    # "Health Minister Łukasz Szumowski said": the model's person, dropped as lower-case noise
    [health] = [e for e in articles["gdansk"] if e.name == "Łukasz Szumowski"]
    assert health.type == "person" and health.count == 2


def test_a_word_for_a_kind_of_place_after_a_name_makes_it_a_place(articles: dict) -> None:
    # "the eruption of the Kīlauea volcano": the model's person (then an organisation)
    assert "Kīlauea" in names(articles["plankton"], "place")


def test_an_office_or_its_holders_read_as_an_organisation_is_no_entity(articles: dict) -> None:
    # "Republican Representatives attacked the impeachment inquiry", "Professor Greg Barton,
    # Chair In Global Islamic Politics", "the Archbishop of Gdańsk, Sławoj Leszek Głódź"
    shown = {e.name for key in ("impeachment", "court", "gdansk") for e in articles[key]}
    assert not shown & {
        "Republican Representatives",
        "Chair In Global Islamic Politics",
        "Archbishop of Gdańsk",
    }
    # an organisation named with a word for people stays: "House of Representatives" (shown
    # by its fullest name, "the United States House of Representatives")
    [house] = [e for e in articles["impeachment"] if "House of Representatives" in e.aliases]
    assert house.type == "org"


def test_a_holidays_name_is_no_organisation_or_person(articles: dict) -> None:
    # "with Monday being the Labor Day holiday": not the party "Labor"; "Martin Luther King Jr.
    # Day" is no person (a given name first, but more than a name and "Day": not "Doris Day")
    assert "Labor" not in names(articles["boat"], "org")
    assert "Martin Luther King Jr. Day" not in names(articles["conyers"], "person")
    assert "John James Conyers Jr." in names(articles["conyers"], "person")


def test_the_islamic_state_is_one_organisation_however_written(articles: dict) -> None:
    # "to eliminate Islamic State elements" and "ISIS" (aliases.json)
    [state] = [e for e in articles["coalition"] if e.name == "Islamic State"]
    assert "ISIS" in state.aliases and state.count == 2


def test_a_surname_with_a_capital_inside_joins_the_full_name(articles: dict) -> None:
    # "Governor Mike DeWine postponed it", then "DeWine's decision", read as an organisation
    shown = articles["primaries"]
    assert "DeWine" not in {e.name for e in shown}
    [governor] = [e for e in shown if e.name == "Mike DeWine"]
    assert governor.type == "person" and governor.count == 3


def test_a_place_glued_to_the_person_holding_its_office_is_two(articles: dict) -> None:
    # "United States Senator from Vermont Bernie Sanders" read as one organisation, then
    # "Sanders" alone as one too; "Chief Executive of Hong Kong Carrie Lam" read as a place
    primaries, lam = articles["primaries"], articles["carrie lam"]
    assert not {e.name for e in primaries} & {"Vermont Bernie Sanders", "Sanders"}
    [sanders] = [e for e in primaries if e.name == "Bernie Sanders"]
    assert sanders.type == "person" and sanders.count == 2
    assert "Vermont" in names(primaries, "place")
    assert "Hong Kong Carrie Lam" not in {e.name for e in lam}
    [carrie_lam] = [e for e in lam if e.name == "Carrie Lam"]
    assert carrie_lam.type == "person" and carrie_lam.count == 10
    assert "Hong Kong" in names(lam, "place")


def test_names_listed_after_a_word_of_where_are_places(articles: dict) -> None:
    # "sites at Abydos, Saqqara, and Tuna el-Gebel", "catacombs in Saqqara and Tuna el-Gebel",
    # "Protesters started at the park, Causeway Bay, and Tin Hau": the model's people
    ibis, march = articles["ibis"], articles["march"]
    assert {"Abydos", "Saqqara", "Tuna el-Gebel"} <= names(ibis, "place")
    assert not names(ibis, "person") & {"Abydos", "Saqqara", "Tuna el-Gebel"}
    assert {"Causeway Bay", "Tin Hau"} <= names(march, "place")
    assert not names(march, "person") & {"Causeway Bay", "Tin Hau"}


def test_an_organisations_name_cut_at_its_and_is_whole(articles: dict) -> None:
    # "Carl Hensman of the Bill and Melinda Gates Foundation": the model's person "Bill" and
    # organisation "Melinda Gates Foundation"; "the Port Authority of New York and New Jersey":
    # the model's organisation ended at "and", "New Jersey" read as the state
    coating, bridgegate = articles["coating"], articles["bridgegate"]
    assert "Bill and Melinda Gates Foundation" in names(coating, "org")
    assert not {e.name for e in coating} & {"Bill", "Melinda Gates Foundation"}
    assert "Port Authority of New York and New Jersey" in names(bridgegate, "org")
    assert "Port Authority of New York" not in names(bridgegate, "org")
    [state] = [e for e in bridgegate if e.name == "New Jersey"]
    assert state.type == "place" and state.count == 4


def test_two_parties_listed_with_and_stay_two(articles: dict) -> None:
    # Wikinews, "US state of Wisconsin holds 2020 election amidst COVID-19 concerns"
    # (2020-04-07, CC BY 2.5; in no gold set): the model reads "Democratic" as a nationality
    # or party word and "Republican Party's" as an organisation. Joined like "the Bill and
    # Melinda Gates Foundation" (a person's name first), they made a party that does not exist.
    text = (
        "Wisconsin's elections included the Democratic and Republican Party's primary "
        "elections, and the general election for the race to fill a seat on the state's "
        "Supreme Court, among others.\n"
    )
    [entities] = extract_entities([Article.create("wisconsin", text)])
    orgs = names(entities, "org")
    assert "Republican Party" in orgs
    assert not any("Democratic and" in name for name in orgs)


def test_a_name_ending_in_partners_is_an_organisation(articles: dict) -> None:
    # "support from the Rice Business Plan Competition, Ben Franklin Technology Partners'
    # TechCelerator": the model's person (a given name first)
    assert "Ben Franklin Technology Partners" in names(articles["coating"], "org")


def test_a_word_whose_capital_only_opens_a_quotation_is_no_name(articles: dict) -> None:
    # 'He said "Guardrails can only take so much."'; "said, 'Bloody hell, we've got a drummer',
    # and I thought, 'Bloody hell, I'm a drummer'" (the model's organisation and person)
    assert "Guardrails" not in {e.name for e in articles["pileup"]}
    assert "Bloody" not in {e.name for e in articles["baker"]}


def test_an_organisation_named_without_its_of_phrase_is_the_one_named_with_it(
    articles: dict,
) -> None:
    # "the Port Authority of New York and New Jersey", then "administered by the Port
    # Authority"; "Mysore Division of the SWR" and "Mysore Division"; "the Supreme Court of the
    # United Kingdom", then "the Supreme Court" four times
    cases = {
        "bridgegate": ("Port Authority of New York and New Jersey", "Port Authority", 2),
        "railway": ("Mysore Division of the SWR", "Mysore Division", 2),
        "supreme court": ("Supreme Court of the United Kingdom", "Supreme Court", 5),
    }
    for article, (name, short, count) in cases.items():
        [org] = [e for e in articles[article] if e.name == name]
        assert short in org.aliases and org.count == count, article
        assert short not in {e.name for e in articles[article]}, article


def test_a_pronouns_contraction_is_no_name(articles: dict) -> None:
    # "I‘m beyond grateful to him": an opening quote mark typed for the apostrophe, which the
    # model's tokenizer leaves in the word, read as a person
    assert not {e.name for e in articles["imus"]} & {"I‘m", "I"}


def test_the_word_opening_a_sentence_is_no_part_of_the_name_after_it(articles: dict) -> None:
    # "Longtime Imus in the Morning writer and performer Rob Bartlett tweeted" (the model's
    # organisation "Longtime Imus"); "Remarked Center for Biological Diversity scientist
    # Tierra Curry" (the model's person "Remarked Center" and organisation "Biological
    # Diversity", the name cut at "for")
    imus, monarch = articles["imus"], articles["monarch"]
    assert "Longtime Imus" not in {e.name for e in imus}
    [don] = [e for e in imus if e.name == "Don Imus"]
    assert don.count == 16
    shown = {e.name for e in monarch}
    assert not shown & {"Remarked Center", "Biological Diversity"}
    assert not [name for name in shown if name.startswith("Remarked")]
    [center] = [e for e in monarch if e.name == "Center for Biological Diversity"]
    assert center.count == 3


def test_people_listed_one_word_each_and_read_as_one_organisation_are_each_a_person(
    articles: dict,
) -> None:
    # "The case revolved around Kelly and Baroni's convictions" (the model's organisation):
    # Bridget Anne Kelly and William Baroni, named in full before
    bridgegate = articles["bridgegate"]
    assert "Kelly and Baroni" not in {e.name for e in bridgegate}
    counts = {e.name: e.count for e in bridgegate if e.type == "person"}
    assert counts["Bridget Anne Kelly"] == 5 and counts["William Baroni"] == 5


def test_a_courts_name_goes_on_past_for_the(articles: dict) -> None:
    # "remanding the case back to the Court of Appeals for the Third Circuit": the model's
    # "the Court of Appeals" and "the Third Circuit"
    orgs = names(articles["bridgegate"], "org")
    assert "Court of Appeals for the Third Circuit" in orgs
    assert not orgs & {"Court of Appeals", "Third Circuit"}


def test_cde_is_a_title(articles: dict) -> None:
    # "Cde Mugabe" (Comrade, the Zimbabwean honorific) is Robert Gabriel Mugabe
    mugabe = articles["mugabe"]
    assert not [e.name for e in mugabe if e.name.startswith("Cde")]
    [robert] = [e for e in mugabe if e.name == "Robert Gabriel Mugabe"]
    assert "Cde Mugabe" in robert.aliases


def test_wikinews_tags_and_the_originals_they_give_name_nothing(articles: dict) -> None:
    # "((WN))  What got you into cosplay modelling?" (an organisation "WN"), "((es))Spanish
    # language: En el siglo XXI" (a person "En"), "((pl))Polish language: Prawo i
    # Sprawiedliwość publicly declared" (an organisation "Sprawiedliwość")
    assert "WN" not in {e.name for e in articles["anime"]}
    assert "En" not in {e.name for e in articles["abortion bill"]}
    kaczynski = {e.name for e in articles["kaczynski"]}
    assert "Sprawiedliwość" not in kaczynski
    # a name the shipped data has stays, though the original's end is not marked: "((pl))Polish
    # language: Tylko nie mów nikomu was released on YouTube on Saturday"
    assert "YouTube" in kaczynski


def test_a_country_right_before_its_institution_is_part_of_its_name(articles: dict) -> None:
    # "the special election to fill the United States House of Representatives seat": the
    # model's "the United States" and the listed "House of Representatives"
    primaries = articles["primaries"]
    assert "United States House of Representatives" in names(primaries, "org")
    assert "House of Representatives" not in {e.name for e in primaries}
    [country] = [e for e in primaries if e.name == "United States"]
    assert country.count == 6


def test_a_country_written_short_before_its_institution_is_part_of_its_name() -> None:
    # The same join as above when the country is written as the alias table's short form: the
    # small model reads "the U.S. House of Representatives" whole in every sentence tried, so
    # the model's two spans are given here as it gives them for "the United States".
    from kimreader.analysis.entities import _bodies_after_their_country
    from kimreader.analysis.mentions import Mention

    text = "the special election to fill the U.S. House of Representatives seat"
    country = text.index("U.S.")
    body = text.index("House")
    mentions = [
        Mention(country, country + 4, "U.S.", "GPE", "place", "us", False),
        Mention(body, body + 24, "House of Representatives", "ORG", "org",
                "house of representatives", False),
    ]  # fmt: skip
    [joined] = _bodies_after_their_country(text, mentions)
    assert (joined.surface, joined.type) == ("U.S. House of Representatives", "org")
