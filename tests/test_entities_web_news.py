"""Entities of web news as ECB+ collects it (news sites, blogs and press releases of 2006-2013):
a URL line, a headline in title case, a date line, then a paragraph a sentence. The cases are
written for this kind of text or shown on ECB+ reports of ../shared/testdata."""

from __future__ import annotations

from pathlib import Path

from conftest import wikinews_body

from kimreader.analysis.entities import entities_from_spans, extract_entities

ALDI_PAGE = "stores-in-australia-lower-toilet-paper-limits-per-transactio"


def _names(text: str) -> set[tuple[str, str]]:
    (found,) = extract_entities([text])
    return {(e.name, e.type) for e in found if e.type in ("person", "org", "place")}


def test_a_headlines_words_glued_to_the_bodys_names_are_cut_off() -> None:
    # written for the case: the headline's verb ("Kills", "Placed", "Overturns") glued to a
    # name the body writes; the body writes the verb in lower case, in another form
    for text, name, verb in (
        (
            "http://www.example.com/2010/09/10/shooter-kills-two/\n\n"
            "Female Worker Yvonne Hiller Kills Two In Plant Shooting\n\n"
            "A worker opened fire at a food plant in Philadelphia last night, killing two "
            "people and wounding another.\n\n"
            "Yvonne Hiller, 43, was suspended an hour before the shooting, police said.\n",
            "Yvonne Hiller",
            "Kills",
        ),
        (
            "http://www.example.com/thomas-to-ir.html\n\n"
            "Pierre Thomas Placed on Injured Reserve, Out for Playoffs\n\n"
            "Jan 5, 2011\n\n"
            "Pierre Thomas was placed on injured reserve by the Saints on Wednesday, so he "
            "will miss the playoffs.\n",
            "Pierre Thomas",
            "Placed",
        ),
        (
            "http://www.example.com/obama-species-rule.html\n\n"
            "President Obama Overturns Species Rule of Predecessor\n\n"
            "Mar 4, 2009\n\n"
            "President Obama on Tuesday overturned a rule of the last administration on "
            "endangered species.\n",
            "Obama",
            "Overturns",
        ),
    ):
        names = _names(text)
        assert (name, "person") in names
        assert not [found for found, _type in names if verb in found]


def test_a_headlines_name_the_body_never_writes_alone_stays_whole() -> None:
    # written for the case: "Rice" is a word the body writes in lower case, yet the body
    # writes "Condoleezza" only before "Rice": the headline's name is whole
    text = (
        "Condoleezza Rice Meets Leaders in Cairo\n\n"
        "Secretary of State Condoleezza Rice met leaders in Cairo on Sunday to talk about "
        "rice prices and the talks.\n\n"
        "Rice said the talks went well.\n"
    )
    assert ("Condoleezza Rice", "person") in _names(text)


def test_a_sentences_ing_word_before_a_surname_is_no_given_name() -> None:
    # written for the case: "Having Jackman" opens a sentence; the article writes "have"
    text = (
        "Hugh Jackman will host the awards show, the academy said on Friday.\n\n"
        "Having Jackman as host is a bet, since the academy's hosts have been comedians.\n\n"
        "Jackman has hosted the Tony Awards three times.\n"
    )
    names = _names(text)
    assert ("Hugh Jackman", "person") in names
    assert not [name for name, _type in names if name.startswith("Having")]


def test_a_date_lines_weekday_and_month_are_no_name(shared_dir: Path) -> None:
    # ECB+ reports whose date line the model read as a person: "Posted on Thu Jun 13, 2013",
    # "Tue Jul 2, 2013"
    for report, words in (("1/1_20ecbplus", "Thu Jun"), ("37/37_5ecbplus", "Tue Jul")):
        body = (shared_dir / f"testdata/ecbplus/text/{report}.txt").read_text(encoding="utf-8")
        assert words in body
        assert not [name for name, _type in _names(body) if words in name]


def test_a_title_inside_a_span_starts_the_name_after_it() -> None:
    # written for the case: sports positions abbreviated, after the team's name ("Colts QB
    # Andrew Luck") or alone ("DT Tyson Jackson", "RB Joique Bell")
    text = (
        "The Chiefs lost the game on Sunday, the same as last season when Colts QB Andrew "
        "Luck was a rookie.\n\n"
        "Luck threw for 205 yards and the Colts won 20-13.\n\n"
        "The Chiefs lost DT Tyson Jackson to a knee injury in the third quarter.\n\n"
        "Kansas City also lost RB Joique Bell, a rookie.\n"
    )
    names = _names(text)
    assert {("Andrew Luck", "person"), ("Tyson Jackson", "person")} <= names
    assert ("Joique Bell", "person") in names
    assert not [name for name, _type in names if name.startswith(("Colts QB", "DT", "RB"))]


def test_a_place_and_a_capitalised_plural_name_a_team() -> None:
    # written for the case: teams the model read as places or people; "the Jaguars" is no
    # person's name, while "the Collins campaign" after "Phil Collins" keeps a surname
    text = (
        "The Indianapolis Colts beat the Jacksonville Jaguars 28-24 on Thursday night.\n\n"
        "The Jaguars had led by ten points at half-time, but the Colts scored twice late.\n\n"
        "Next week the Colts play the Miami Dolphins, and the Jaguars face the Seattle "
        "Seahawks.\n\n"
        "Phil Collins sang the anthem; the Collins camp said he was honoured.\n"
    )
    names = _names(text)
    assert ("Seattle Seahawks", "org") in names
    teams = ("Jaguars", "Colts", "Dolphins", "Seahawks")
    assert not [(n, t) for n, t in names if n.endswith(teams) and t != "org"]
    assert ("Phil Collins", "person") in names


def test_a_name_before_administration_is_a_leaders() -> None:
    # written for the case: a gazetteer has a place named Bush; "the Bush administration"
    # names the president
    text = (
        "The Obama administration on Tuesday overturned a rule on endangered species.\n\n"
        "The Bush administration had issued the rule weeks before it left office.\n\n"
        "Environmental groups said the Bush administration rule weakened the law.\n"
    )
    names = _names(text)
    assert ("Bush", "person") in names
    assert ("Bush", "place") not in names


def test_a_papers_or_a_telecoms_head_word_makes_an_organisation() -> None:
    # written for the case: the model read the operator and the paper as people
    text = (
        "The cut cable disrupted internet traffic between Europe and Asia on Friday.\n\n"
        "France Telecom said repairs would take two weeks, and a spokesman for France Telecom "
        "said a ship was on its way.\n\n"
        "Rescuers told the Timaru Herald that the climbers were found on Sunday.\n"
    )
    names = _names(text)
    assert {("France Telecom", "org"), ("Timaru Herald", "org")} <= names


def test_a_ministers_portfolio_is_no_organisation() -> None:
    # written for the case: "Minister of ..." and "Secretary of ..." name an office, not a body
    text = (
        "Egypt's Minister of Communications and Information Technology Tareq Kamel said on "
        "Friday that service would improve within 12 hours.\n\n"
        "Kamel spoke after a meeting with the Secretary of Transportation in Cairo.\n"
    )
    names = {name for name, _type in _names(text)}
    assert "Tareq Kamel" in names
    assert not names & {"Communications and Information Technology", "Transportation"}


def test_a_streets_or_a_squares_kind_first_makes_a_place() -> None:
    # written for the case: French streets and squares, a glacier the model read as people
    text = (
        "Armed robbers raided a jeweller on the Place Vendôme in Paris on Thursday.\n\n"
        "The men escaped along the Rue de Castiglione, police said, and witnesses saw them "
        "on the Avenue Montaigne an hour later.\n\n"
        "In New Zealand, the climber fell into a crevasse on the Mueller Glacier.\n"
    )
    names = _names(text)
    assert {("Place Vendôme", "place"), ("Mueller Glacier", "place")} <= names
    assert not [(n, t) for n, t in names if n.startswith(("Rue", "Avenue")) and t != "place"]


def test_one_word_in_capitals_the_model_read_as_a_person_is_a_company() -> None:
    # a development Wikinews page: "ALDI also introduced a one-pack limit", "while ALDI, in a
    # Facebook post"; a name in capitals next to another ("BY MIKE WENDLAND") stays a name
    (found,) = extract_entities([wikinews_body(ALDI_PAGE)])
    assert ("ALDI", "org") in {(e.name, e.type) for e in found}
    text = (
        "Ballmer talks up links to the Net\n\n"
        "December 2, 2004 BY MIKE WENDLAND, a columnist of the paper\n\n"
        "Steve Ballmer has been called software's biggest cheerleader, Wendland wrote.\n"
    )
    assert not [name for name, type_ in _names(text) if name == "MIKE" and type_ == "org"]


def test_a_line_in_capitals_is_read_once_not_once_per_word_in_capitals(monkeypatch) -> None:
    """Whether a word in capitals stands in a line with lower case is read once per line: read
    from the line's start per mention, a long line in capitals ("ALDI. ALDI. …", 27,000
    characters) took time quadratic in its length (21 s for 36,000 characters)."""
    import builtins
    import re

    from kimreader.analysis.mention_types import _one_word_in_capitals
    from kimreader.analysis.mentions import Mention

    body = wikinews_body(ALDI_PAGE)  # "ALDI also introduced a one-pack limit"
    text = body + "\n\n" + "ALDI. " * 4500 + "\n"
    starts = [m.start() for m in re.finditer(r"\bALDI\b", text)]
    mentions = [Mention(s, s + 4, "ALDI", "PERSON", "person", "aldi", False) for s in starts]
    reads = []
    real_any = builtins.any
    monkeypatch.setattr(builtins, "any", lambda found: reads.append(1) or real_any(found))
    verdicts = [_one_word_in_capitals(text, mention) for mention in mentions]
    monkeypatch.undo()
    in_body = sum(1 for s in starts if s < len(body))
    assert in_body and verdicts[:in_body] == [True] * in_body  # the page's lines: lower case
    assert verdicts[in_body:] == [False] * 4500  # the line in capitals: a name in capitals
    assert len(reads) <= len({text.rfind("\n", 0, s) for s in starts})  # each line once


def test_a_name_set_after_an_organisation_and_a_comma_is_no_part_of_it() -> None:
    # written for the case, with the spans the model gave an ECB+ report of this shape: it
    # read "the University of Leeds" and "Marek Dobrowski" as two organisations and
    # "Professor Dobrowski" as a third; the comma parts the first two, and a title before the
    # surname of a full name makes both forms the person
    text = (
        "A lecturer in history at the University of Leeds, Marek Dobrowski, did not go to "
        "work today because the roads were closed.\n\n"
        "Professor Dobrowski blames the storm for the damage.\n"
    )

    def span(name: str) -> tuple[int, int, str]:
        return text.index(name), text.index(name) + len(name), "ORG"

    spans = [span("the University of Leeds"), span("Marek Dobrowski"), span("Professor Dobrowski")]
    found = {(e.name, e.type) for e in entities_from_spans(text, spans)}
    assert found == {("University of Leeds", "org"), ("Marek Dobrowski", "person")}


def test_which_after_the_noun_of_a_persons_name_is_the_nouns() -> None:
    # written for the case: "the death of dictator Kurban Nazarov, which kindled" speaks of
    # the death; the model's person stays one
    text = (
        "The vote comes two years after the death of dictator Kurban Nazarov, which kindled "
        "hopes of reform in the country.\n\n"
        "Nazarov ruled the country for two decades.\n"
    )
    assert ("Kurban Nazarov", "person") in _names(text)


def test_a_small_town_before_a_word_for_its_resident_is_a_place() -> None:
    # written for the case: "A Spiro man", "a 57-year-old Wasilla woman": towns of the
    # small-places list; a hyphenated "three-man" before a county is no word for a person,
    # and "a relative" after a name describes a person
    text = (
        "A Spiro man was found guilty on Thursday.\n\n"
        "A 57-year-old Wasilla woman was charged in a separate case.\n\n"
        "A three-man LeFlore County jury deliberated for seven hours.\n\n"
        "He asked Deshawn Mallory, a relative, about a phone.\n"
    )
    names = _names(text)
    assert ("Spiro", "place") in names
    assert ("Wasilla", "place") in names
    assert ("LeFlore County", "place") in names
    assert ("Deshawn Mallory", "person") in names


def test_a_word_for_an_office_alone_is_no_organisation() -> None:
    # written for the case: a press release's "Name, Controller, Channel says:"; the model
    # reads "Controller" as an organisation
    text = 'Maria Lindqvist, Controller, BBC Drama Commissioning says: "We are thrilled."\n'
    names = _names(text)
    assert ("BBC Drama Commissioning", "org") in names
    assert not [name for name, _type in names if name == "Controller"]


def test_a_small_town_after_a_persons_name_and_of_is_a_place() -> None:
    # written for the case: "attorney Dale Hutchins of McAlester": the model reads the town
    # (in the small-places list) as a person, and the name after a person and "of" was an
    # organisation, a band's or a company's, unless the large gazetteer had it
    text = "Defense attorney Dale Hutchins of McAlester argued that the clerks never saw a car.\n"
    assert ("McAlester", "place") in _names(text)
