"""Quote speakers in the forms of US political news and wire reports (written for the cases:
statements, tweets, joint speakers, a sentence a paragraph)."""

from __future__ import annotations

from pathlib import Path

from kimreader.analysis.entity import Entity
from kimreader.analysis.quotes import extract_quotes


def _person(body: str, name: str, *written: str) -> Entity:
    """A person with every place where each written form stands in `body`."""
    spans = []
    for form in written or (name,):
        at = body.find(form)
        while at >= 0:
            spans.append((at, at + len(form)))
            at = body.find(form, at + 1)
    return Entity(name, "person", tuple(written or (name,)), tuple(sorted(spans)))


def test_a_conjunction_opening_the_sentence_is_no_part_of_the_speaker() -> None:
    # "But Professor Varoufakis" (fresh14, the professor read as an organisation) and "But
    # critics": the conjunction is the sentence's, not the speaker's
    body = (
        "The senator was asked about the bill on Monday.\n\n"
        '"It is dead," he said.\n\n'
        'But critics said the bill was "a giveaway to the rich."'
    )
    assert [q.speaker for q in extract_quotes(body)][1] == "critics"


def test_speakers_listed_together_are_given_the_first_named() -> None:
    # Three committee chairmen issuing one statement: the first of them, never the last (the
    # subject right before "said") nor nobody
    body = (
        "Republicans defended the memo on Friday. House Judiciary Committee Chairman Bob "
        "Goodlatte, House Oversight Committee Chairman Trey Gowdy and House Intelligence "
        'Committee Chairman Devin Nunes said in a statement: "We will get to the bottom of '
        'this."\n\n'
        'Senators Lindsey Graham, John McCain and Bob Corker said in a statement on Friday: "The '
        'president must act now."\n\n'
        '"We are ready," Ian Holt and Tom Ward said in a joint statement.'
    )
    people = (
        _person(body, "Bob Goodlatte"),
        _person(body, "Trey Gowdy"),
        _person(body, "Devin Nunes"),
        _person(body, "Lindsey Graham"),
        _person(body, "John McCain"),
        _person(body, "Bob Corker"),
        _person(body, "Ian Holt"),
        _person(body, "Tom Ward"),
    )
    assert [q.speaker for q in extract_quotes(body, people)] == [
        "Bob Goodlatte",
        "Lindsey Graham",
        "Ian Holt",
    ]


def test_a_list_that_is_no_subject_names_no_speaker() -> None:
    body = 'Trump fired Comey and Rosenstein said "it was the right call."'
    people = (_person(body, "Trump"), _person(body, "Comey"), _person(body, "Rosenstein"))
    assert [q.speaker for q in extract_quotes(body, people)] == [""]


def test_a_quote_paragraph_after_reported_speech_by_a_person_named_by_surname_alone() -> None:
    # Written a sentence a paragraph: the quote with no attribution after "Comey said …" is his,
    # the one person the sentence names where it speaks, even with no given name in the report
    body = (
        "Comey told senators the president had lied about the FBI.\n\n"
        '"Those were lies, plain and simple."\n\n'
        "Analysts said the hearing was damaging.\n\n"
        '"It was a bad day for the White House."'
    )
    assert [q.speaker for q in extract_quotes(body, (_person(body, "Comey"),))] == ["Comey", ""]


def test_a_post_quoted_over_paragraphs_is_given_to_the_signature_below_it() -> None:
    # A tweet printed as pages print an embedded post: its words in quote marks, a paragraph a
    # sentence, then the author's signature with the handle and the day
    body = (
        "President Trump lashed out at the FBI on Saturday.\n\n"
        '"Very sad that the FBI missed all of the many signals sent out by the Florida school '
        "shooter.\n\n"
        "This is not acceptable.\n\n"
        'Get back to the basics and make us all proud!"\n\n'
        "— Donald J. Trump (@realDonaldTrump) February 18, 2018\n\n"
        "The post drew criticism from Democrats."
    )
    people = (_person(body, "Donald J. Trump", "Donald J. Trump", "Trump"),)
    assert [q.speaker for q in extract_quotes(body, people)] == ["Donald J. Trump"] * 3


def test_an_attribution_inside_the_marks_in_the_middle_of_the_quote() -> None:
    # The marks slip: the writer's attribution stands inside them, and the quote goes on after
    body = (
        "Senator Lindsey Graham spoke to reporters on Tuesday about the nominee.\n\n"
        '"He\'s made outrageous comments, Graham said, and I think he has to answer for them."'
    )
    quotes = extract_quotes(body, (_person(body, "Lindsey Graham", "Lindsey Graham", "Graham"),))
    assert [(q.text, q.speaker) for q in quotes] == [
        ("He's made outrageous comments", "Lindsey Graham"),
        ("and I think he has to answer for them.", "Lindsey Graham"),
    ]


def test_a_name_qualifying_a_role_after_the_verb_is_no_speaker() -> None:
    # A headline's "…, says Trump lawyer": the lawyer speaks, unnamed, not Trump
    body = (
        "Comey 'clearly' leaked, says Trump lawyer\n\n"
        "Marc Kasowitz said on Thursday that James Comey had leaked information."
    )
    people = (_person(body, "Trump"), _person(body, "Marc Kasowitz"), _person(body, "James Comey"))
    assert [q.speaker for q in extract_quotes(body, people)] == [""]


def test_a_spokesman_or_lawyer_nobody_was_titled_is_not_the_last_person_named() -> None:
    # "the lawyer said" after a sentence about the indicted man: his lawyer, unnamed
    for sentence, role in (
        ("Paul Manafort was indicted on Monday.", "the lawyer"),
        ("Trump met Prime Minister Shinzo Abe on Friday.", "the spokesman"),
    ):
        body = f'{sentence}\n\n"These charges are ridiculous," {role} said.'
        people = tuple(
            _person(body, name) for name in ("Paul Manafort", "Trump", "Shinzo Abe") if name in body
        )
        [quote] = extract_quotes(body, people)
        assert (quote.speaker, quote.speaker_kind) == (role, "anonymous")


def test_a_long_title_before_the_name_after_the_quote(shared_dir: Path) -> None:
    # ECB+ 1_12ecbplus: '“The facility that Lindsay is now in, that’ s not a licensed …,”
    # California Department of Alcohol and Drug Program deputy director Millicent Tidwell told
    # The Post.': nine words of title before her name (political news writes such titles: "House
    # Oversight and Government Reform Committee Chairman Jason Chaffetz said")
    body = (shared_dir / "testdata/ecbplus/text/1/1_12ecbplus.txt").read_text(encoding="utf-8")
    people = (_person(body, "Millicent Tidwell"),)
    [quote] = [q for q in extract_quotes(body, people) if q.text.startswith("The facility")]
    assert quote.speaker == "Millicent Tidwell"


def test_a_sentence_after_a_closing_mark_with_no_space_attributes_nothing_of_the_quote() -> None:
    # 'universe.”The next …': the quote's sentence ended inside its marks; the next sentence's
    # "Pelosi said" is hers, not the quote's
    body = (
        "Obama spoke about science on Monday.\n\n"
        "“It is a big universe.”The next step is up to Congress, Pelosi said."
    )
    people = (_person(body, "Obama"), _person(body, "Pelosi"))
    assert [q.speaker for q in extract_quotes(body, people)] == [""]


def test_a_quote_attributed_after_it_by_a_verb_not_read_is_no_continuation() -> None:
    # '“We are rolling out the first delivery airplane, the first 787,” enthused Scott Fancher,
    # 787 project manager' right after another speaker's quote: not that speaker's going on
    body = (
        '"We plan to use the 787 to expand our business," says ANA senior vice president Mitsuo '
        "Morimoto.\n\n"
        '"We are rolling out the first delivery airplane, the first 787," enthused Scott '
        "Fancher, 787 project manager and Boeing vice president."
    )
    people = (_person(body, "Mitsuo Morimoto"), _person(body, "Scott Fancher"))
    assert [q.speaker for q in extract_quotes(body, people)] == ["Mitsuo Morimoto", ""]


def test_a_described_role_of_a_body_then_the_name_after_the_verb() -> None:
    # "…,” said the general secretary of the British union Unite, Tony Woodley.": the one
    # named, not the minister the sentence before quoted (nor the described role's fallback)
    body = (
        '"This behaviour is completely unacceptable," said German economy minister Rainer '
        "Bruederle.\n\n"
        '"It is the best decision for Britain and our plants," said the general secretary of the '
        "British union Unite, Tony Woodley."
    )
    people = (_person(body, "Rainer Bruederle"), _person(body, "Tony Woodley"))
    assert [q.speaker for q in extract_quotes(body, people)] == ["Rainer Bruederle", "Tony Woodley"]


def test_an_office_in_capitals_then_its_holders_name_after_the_verb() -> None:
    # "“…,” said Airbus President and Chief Executive Officer, Tom Enders." (the MEANTIME pool's
    # A380 report): the holder, not the office as a name
    body = (
        '"I want to thank our teams for their dedication and commitment," said Airbus President '
        "and Chief Executive Officer, Tom Enders.\n\n"
        '"We will win," said Senate Majority Leader, Mitch McConnell.'
    )
    people = (_person(body, "Tom Enders"), _person(body, "Mitch McConnell"))
    assert [q.speaker for q in extract_quotes(body, people)] == ["Tom Enders", "Mitch McConnell"]


def test_a_scare_quote_inside_a_role_set_after_the_name_is_not_the_persons(
    shared_dir: Path,
) -> None:
    # mozilla's breitbart page, as kimreader imports it: 'Emery, a writer for partisan
    # “fact-checking” website Snopes.com which soon will be in charge of labelling “fake news”
    # …': the report's words for his role, not his (the sentence has no speech verb)
    from kimreader.analysis.entities import extract_entities
    from kimreader.corpus.readers import read_file

    page = shared_dir / "testdata/mozilla-readability/test/test-pages/breitbart/source.html"
    body = read_file(page).body
    [entities] = extract_entities([body])
    quotes = extract_quotes(body, entities)
    [checking] = [q for q in quotes if q.text == "fact-checking"]
    labelled = [q for q in quotes if q.text == "fake news"][0]
    assert (checking.speaker, labelled.speaker) == ("", "")


def test_a_person_named_after_the_clauses_own_subject_is_its_object() -> None:
    # fresh16c (NYT, pair4b): the name after an opening participle is its object, and the one
    # after a role's verb ("The president has previously denounced Mr. Kim") is that verb's:
    # the subject speaks, never the person named nearest the quote
    body = (
        "President Donald Trump met Kim Jong Un's envoy, and President Trump praised him.\n\n"
        "Hosting President Emmanuel Macron of France at the White House, Mr. Trump again "
        'assailed the agreement made by the Obama administration as "insane" and "ridiculous."'
        '\n\nThe president has previously denounced Mr. Kim as a "madman."'
    )
    people = (
        _person(body, "Donald Trump", "Donald Trump", "Trump"),
        _person(body, "Kim Jong Un", "Kim Jong Un", "Kim"),
        _person(body, "Emmanuel Macron"),
    )
    assert [q.speaker for q in extract_quotes(body, people)] == [
        "Donald Trump",
        "Donald Trump",
        "Donald Trump",
    ]


def test_the_subject_of_an_aside_and_of_a_participle_speaks() -> None:
    # fresh16 (wcl0, wcl8): "sitting next to …" is what the president did as he spoke, and
    # "saying" has the clause's subject, not "Cohen" named in between
    body = (
        "Special counsel Robert Mueller hopes to ask President Donald Trump dozens of "
        "questions.\n\n"
        "The president, sitting next to Japanese Prime Minister Shinzo Abe, said he believed "
        '"there\'s a lot of goodwill" going into the meeting.\n\n'
        "The president, however, has since moved to distance himself from Cohen, saying on "
        'television last week that the lawyer handled only a "tiny, tiny little fraction" of '
        "his overall legal work."
    )
    people = (
        _person(body, "Robert Mueller"),
        _person(body, "Donald Trump"),
        _person(body, "Shinzo Abe"),
        _person(body, "Michael Cohen", "Cohen"),
    )
    assert [q.speaker for q in extract_quotes(body, people)] == ["Donald Trump", "Donald Trump"]


def test_the_president_after_two_presidents_titled_as_often_is_nobody() -> None:
    # fresh16c (NYT, pair4b): President Trump and President Macron, each titled twice before
    # "The president": either may be meant, so no speaker rather than the latest named
    body = (
        "President Trump welcomed President Emmanuel Macron of France on Tuesday.\n\n"
        "President Trump signaled that he was open to a new arrangement, and President "
        "Emmanuel Macron agreed.\n\n"
        'The president has previously denounced Mr. Kim as a "madman."'
    )
    people = (
        _person(body, "Donald Trump", "Trump"),
        _person(body, "Emmanuel Macron"),
        _person(body, "Kim Jong Un", "Kim"),
    )
    assert [q.speaker for q in extract_quotes(body, people)] == [""]


def _org(body: str, name: str, *written: str) -> Entity:
    found = _person(body, name, *written)
    return Entity(found.name, "org", found.aliases, found.mentions)


def test_an_outlet_reporting_a_persons_words_is_not_their_speaker() -> None:
    # fresh16c (pair7a, pair2b, pair3b): the agency reports, the person speaks; a statement an
    # agency published is the main clause's subject's
    body = (
        "Iran's deputy foreign minister and senior nuclear negotiator, Abbas Araghchi, called "
        'Netanyahu\'s presentation "childish and ridiculous," and said the purported evidence was '
        '"fake and fabricated," the Associated Press reported.\n\n'
        "London Mayor Sadiq Khan has criticised the visit.\n\n"
        "Breitbart London reported in 2017 on Khan's remarks, when he said it wouldn't be "
        '"appropriate for our government to roll out the red carpet" to President Trump.\n\n'
        "In a statement published by the state-run Korean Central News Agency, North Korean "
        'dictator Kim Jong Un promised to "never use nuclear weapons" unless threatened.\n\n'
        '"North Korea\'s nuclear test center will be discarded," the statement said.'
    )
    entities = (
        _person(body, "Abbas Araghchi"),
        _person(body, "Benjamin Netanyahu", "Netanyahu"),
        _org(body, "Associated Press"),
        _person(body, "Sadiq Khan", "Sadiq Khan", "Khan"),
        _org(body, "Breitbart"),
        _person(body, "Donald Trump", "Trump"),
        _org(body, "Korean Central News Agency"),
        _person(body, "Kim Jong Un"),
    )
    assert [q.speaker for q in extract_quotes(body, entities)] == [
        "Abbas Araghchi",
        "Abbas Araghchi",
        "Sadiq Khan",
        "Kim Jong Un",
        "Kim Jong Un",
    ]


def test_words_around_a_subject_that_are_no_speaker() -> None:
    # fresh16c and fresh16: a time between the subject and its verb (pair1b), a country after an
    # office (pair6b: the ambassador, whom the report titles nowhere: no one), a tweet someone
    # sent (wcl3), an office the report gives its holder's title elsewhere (pair5a)
    body = (
        "President Trump late Thursday tweeted that the newly released memos written by former "
        'FBI Director James Comey "show clearly" no collusion with Russia.\n\n'
        "Israel's ambassador to the United States said a speech by Prime Minister Benjamin "
        'Netanyahu unveiled facts that were worse than a "smoking gun."\n\n'
        "The suit prompted Trump to send a Friday evening tweet that called the Democrats "
        '"obstructionist" and promised a counterattack.\n\n'
        "The secretary of homeland security issued a statement likening the caravan's organizers "
        'to "smugglers" and the attorney general threatened to prosecute them.\n\n'
        "Homeland Security Secretary Kirstjen Nielsen chipped in with a statement last week."
    )
    entities = (
        _person(body, "Donald Trump", "Trump"),
        _person(body, "James Comey"),
        _org(body, "FBI"),
        _org(body, "United States"),
        _person(body, "Benjamin Netanyahu"),
        _person(body, "Kirstjen Nielsen"),
    )
    assert [q.speaker for q in extract_quotes(body, entities)] == [
        "Trump",
        "",
        "Trump",
        "Kirstjen Nielsen",
    ]


def test_a_quote_missing_its_opening_mark_and_one_with_curly_marks_inside_straight_ones() -> None:
    # fresh16c (pair5b, Breitbart): curly marks inside a quote held by straight ones are a
    # quote inside it (the straight closing mark still closes the quote), and a paragraph whose
    # one mark stands after its punctuation before "he said." closes a quote whose opening mark
    # the page left out: the agent's words, not the president's
    body = (
        "President Donald Trump has tracked the caravan.\n\n"
        '"Mexico has the absolute power not to let these large “Caravans” of people enter their '
        'country. They must stop them at their Northern Border," he tweeted earlier this month.'
        "\n\nIn a statement Saturday, Chief Patrol Agent Rodney Scott said there had been several "
        "attempted illegal entries by people associated with the caravan.\n\n"
        "Over the past 24-hours several groups of people associated with the Central American "
        "Caravan have illegally entered the United States by climbing over the border fence on "
        'either side of the San Ysidro Port of Entry, "he said.'
    )
    people = (_person(body, "Donald Trump"), _person(body, "Rodney Scott"))
    quotes = extract_quotes(body, people)
    assert [(q.text[:20], q.speaker) for q in quotes] == [
        ("Mexico has the absol", "Donald Trump"),
        ("Over the past 24-hou", "Rodney Scott"),
    ]


def test_objects_asides_and_titles_are_no_speakers() -> None:
    # fresh16c (pair4a, pair6a) and fresh16 (wcl5): people listed after a preposition are its
    # objects ("like John Bolton and Mike Pompeo"), as is the topic of "As for Trump,"; an aside
    # ", Netanyahu said Monday," inside what an earlier verb reports is not that verb's subject;
    # an event's long title after a preposition is nobody's words
    body = (
        "Trump’s former top foreign policy advisers unanimously supported staying in the Iran "
        "deal. But administration shakeups have brought interventionists like John Bolton and "
        "Mike Pompeo aboard.\n\n"
        "On the campaign trail, he repeatedly promised he would repeal Obamacare. "
        '"Nobody knew that health care could be so complicated," he said in February 2017.\n\n'
        "U.S. intelligence reportedly confirmed that files seized by Israel from Iran that, "
        "Israeli Prime Minister Benjamin Netanyahu said Monday, document Iran's covert nuclear "
        'weapons program are "authentic."\n\n'
        "As for Trump, \"I'm sure he'll do the right thing.\"\n\n"
        "In Washington, White House press secretary Sarah Huckabee Sanders made the "
        'announcement at a briefing for "Take Your Daughters and Sons to Work Day," noting that '
        "the royal family just had a baby boy."
    )
    people = (
        _person(body, "Donald Trump", "Trump"),
        _person(body, "John Bolton"),
        _person(body, "Mike Pompeo"),
        _person(body, "Benjamin Netanyahu"),
        _person(body, "Sarah Huckabee Sanders"),
    )
    assert [q.speaker for q in extract_quotes(body, people)] == ["", "", "", ""]


def test_a_sentence_a_page_broke_over_paragraphs_is_read_whole() -> None:
    # fresh16c (pair7a, a page printed with a line break after each clause): "Secretary of State
    # Mike Pompeo, who met with Netanyahu in Israel on Sunday,\n\naccused Iran of “…”": his
    # words; and "Iran's deputy foreign minister" is no speaker "Iran's deputy" (pair6a, where
    # no person is found in the broken sentence)
    body = (
        "Secretary of State Mike Pompeo, who met with Netanyahu in Israel on Sunday,\n\n"
        'accused Iran of "behaving worse" since the deal.\n\n'
        "Earlier in the day, Iran's deputy foreign minister,\n\n"
        "Abbas Araghchi, reportedly\n\n"
        "said:\n\n"
        '"The Iran nuclear deal is no longer sustainable for Iran in its present form."'
    )
    people = (_person(body, "Mike Pompeo"), _person(body, "Benjamin Netanyahu", "Netanyahu"))
    assert [q.speaker for q in extract_quotes(body, people)] == ["Mike Pompeo", ""]


def test_a_participle_after_the_sentences_own_speech_verb_a_passive_quoting_a_broken_line() -> None:
    # fresh16 (wcl5, wcl9): "saying" has the subject the sentence opens with before its first
    # speech verb; "X was quoted by … as saying"; an attribution the page put in a paragraph of
    # its own after the quote's comma
    body = (
        "Prime Minister Benjamin Netanyahu spoke on Monday.\n\n"
        "The prime minister's office confirmed that the two leaders would meet one-on-one, but "
        'did not elaborate on their expected agenda, saying only that "further details would be '
        'set out in due course."\n\n'
        '"Technically, we are fully prepared to enrich uranium higher than before," Ali Akbar '
        "Salehi was quoted by Iranian state television as saying.\n\n"
        '"First, Iran lied about never having a nuclear weapons program,"\n\n'
        "Netanyahu said."
    )
    people = (
        _person(body, "Ali Akbar Salehi"),
        _person(body, "Benjamin Netanyahu", "Benjamin Netanyahu", "Netanyahu"),
    )
    assert [q.speaker for q in extract_quotes(body, people)] == [
        "The prime minister’s office",
        "Ali Akbar Salehi",
        "Benjamin Netanyahu",
    ]


def test_a_surname_opening_the_pronouns_own_sentence_is_whom_it_stands_for() -> None:
    # fresh16c (pair2a): the entities give "Theresa May" but not "May" alone, which reads as the
    # month; "she" in the sentence May opens is May, not the president quoted before
    body = (
        "President Trump will meet British Prime Minister Theresa May in July.\n\n"
        '"We are very much joined at the hip," he said before turning to speak to May directly.'
        '\n\nMay was similarly glowing in her praise of what she called a "really special '
        'relationship between the U.K. and the United States."'
    )
    people = (
        _person(body, "Donald Trump", "Trump"),
        _person(body, "Theresa May", "Theresa May"),
    )
    assert [q.speaker for q in extract_quotes(body, people)] == ["Trump", "Theresa May"]


def test_an_attribution_alone_below_with_the_name_after_its_verb() -> None:
    # the paragraph after a quote's comma may put the name after the verb ("said Netanyahu."),
    # which the pattern reads as its late name
    body = (
        "Prime Minister Benjamin Netanyahu spoke on Monday.\n\n"
        '"First, Iran lied about never having a nuclear weapons program,"\n\n'
        "said Benjamin Netanyahu."
    )
    people = (_person(body, "Benjamin Netanyahu"),)
    assert [q.speaker for q in extract_quotes(body, people)] == ["Benjamin Netanyahu"]


def _speakers(body: str, *people: Entity) -> list[str]:
    return [q.speaker for q in extract_quotes(body, people)]


def test_a_statement_named_after_the_speech_verb_is_what_was_said_not_its_speaker() -> None:
    # NewsWCL50 (fresh18c pair1b): the official plays the report down; the statement by the two
    # presidents is what he says it may hold, not whose words "abstract" are
    body = (
        "A South Korean government official later played down the report, saying it was too "
        "soon to tell what a joint statement by Mr. Moon and Mr. Kim would contain, other than "
        'broad and "abstract" statements.'
    )
    assert _speakers(body, _person(body, "Moon Jae-in", "Mr. Moon")) != ["Moon Jae-in"]


def test_a_party_and_state_tag_after_a_name_is_no_speaker() -> None:
    # NewsWCL50 (fresh18 wcl1): "R-Va." set after the first of three chairmen
    body = (
        '"These memos are significant for both what is in them and what is not," said a '
        "statement from Judiciary Chairman Bob Goodlatte, R-Va., Oversight Chairman Trey Gowdy, "
        "R-S.C., and Intelligence Chairman Devin Nunes, R-Calif."
    )
    people = (
        _person(body, "Bob Goodlatte"),
        _person(body, "Trey Gowdy"),
        _person(body, "Devin Nunes"),
    )
    assert _speakers(body, *people) == ["Bob Goodlatte"]


def test_a_progressive_speech_verb_gives_its_subject_over_a_late_according_to() -> None:
    # NewsWCL50 (fresh18c pair3a): the DNC alleges; the Post reports the allegation
    body = (
        "The DNC is alleging, in a complaint filed in federal district court in Manhattan, that"
        ' top Trump campaign officials "conspired" with the Russian government, according to'
        " the Post."
    )
    assert _speakers(body) == ["DNC"]


def test_words_named_as_someones_comments_that_are_theirs() -> None:
    # NewsWCL50 (fresh18 wcl1): Comey recounts challenging Trump's comments; "killers" is
    # Trump's word, not Comey's
    body = (
        "President Trump spoke to Fox News. Comey also recounted having seriously crossed Trump"
        " when he challenged the president's comments to Fox News that Russia and America were"
        ' similar in that both harbored "killers."'
    )
    people = (_person(body, "Donald Trump", "Trump"), _person(body, "James Comey", "Comey"))
    assert _speakers(body, *people) in (["Trump"], ["Donald Trump"])


def test_a_quote_ending_its_sentence_after_its_own_speech_verb_is_not_the_next_subjects() -> None:
    # NewsWCL50 (fresh18 wcl0): the president disclosed the words; "Aides said" opens the next
    # sentence
    body = (
        "President Trump welcomed Shinzo Abe. The president also disclosed that, amid planning "
        'for a one-on-one meeting with North Korea leader Kim Jong Un, "we have had direct talks'
        ' at very high levels, extremely high levels, with North Korea." Aides said Trump himself'
        " has not spoken with Kim."
    )
    people = (_person(body, "Donald Trump", "Trump"), _person(body, "Shinzo Abe"))
    assert _speakers(body, *people) != ["Aides"]


def test_the_president_between_two_presidents_is_the_one_the_sentence_before_is_about() -> None:
    # NewsWCL50 (fresh18c pair2a): President Moon and President Trump each titled once before;
    # the sentence before the tweet is about Mr. Trump
    body = (
        "Mr. Kim's announcement came days before a summit meeting with President Moon Jae-in of"
        " South Korea and weeks before a meeting with President Trump.\n\n"
        'Still, Mr. Trump welcomed what Mr. Kim said. "North Korea has agreed to suspend all '
        'Nuclear Tests," the president said in a Twitter message.'
    )
    people = (
        _person(body, "Moon Jae-in"),
        _person(body, "Trump"),
        _person(body, "Kim", "Mr. Kim"),
    )
    assert _speakers(body, *people) == ["Trump"]


def test_it_said_after_a_quote_is_the_body_before_not_one_the_quote_names() -> None:
    # NewsWCL50 (fresh18 wcl7): "it said in a statement", the Commission of the sentence
    # before (not the EU the quote opens with)
    body = (
        "The European Commission said the extension of the temporary exemption prolonged market"
        ' uncertainty.\n\n"The EU should be fully and permanently exempted from these measures,"'
        " it said in a statement."
    )
    bodies = (
        Entity("European Commission", "org", ("European Commission",), ((4, 23),)),
        Entity("European Union", "org", ("EU",), ((body.index("EU"), body.index("EU") + 2),)),
    )
    assert _speakers(body, *bodies) == ["European Commission"]
