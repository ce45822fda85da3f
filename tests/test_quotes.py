"""Direct quotes and their speakers on small made-up paragraphs, one pattern each."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kimreader.analysis.attribution import speech_forms
from kimreader.analysis.entities import extract_entities
from kimreader.analysis.entity import Entity
from kimreader.analysis.quote_marks import quote_spans
from kimreader.analysis.quotes import (
    Quote,
    extract_quotes,
    extract_reported_speech,
    people_quoted_in_both,
)
from kimreader.analysis.speakers import People


def speakers(body: str, entities: tuple[Entity, ...] = ()) -> list[tuple[str, str, bool]]:
    return [(q.text, q.speaker, q.full) for q in extract_quotes(body, entities)]


@pytest.mark.parametrize(
    "body",
    [
        "“We will talk,” said Ana Ruiz, a diplomat.",
        "“We will talk,” Ana Ruiz said.",
        "Ana Ruiz said: “We will talk.”",
        '"We will talk," said Ana Ruiz.',
    ],
)
def test_attribution_patterns(body: str) -> None:
    [(text, speaker, full)] = speakers(body)
    assert text.rstrip(".") == "We will talk"
    assert speaker == "Ana Ruiz"
    assert full


def test_he_after_a_possessive_is_the_one_named_after_it() -> None:
    # ECB+ 41_1ecb: "Abed Sultan's father, Samir, said ..." then "“...,” he said": Samir.
    body = (
        "Abed Sultan, 20, a student, died.\n\n"
        "Abed Sultan's father, Samir, said the bodies were so mangled that he could not tell.\n\n"
        '"We came to the school when the Israelis warned us to leave," he said.'
    )
    second, samir = body.index("Abed Sultan's"), body.index("Samir")
    entities = (
        Entity("Abed Sultan", "person", ("Abed Sultan",), ((0, 11), (second, second + 11))),
        Entity("Samir", "person", ("Samir",), ((samir, samir + 5),)),
    )
    assert [s for _t, s, _f in speakers(body, entities)] == ["Samir"]


def test_pronoun_takes_the_previous_speaker() -> None:
    body = "“First point,” said Ana Ruiz.\n\n“Second point,” she said."
    assert [s for _t, s, _f in speakers(body)] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_quote_over_two_sentences_continues_its_speaker() -> None:
    body = "“One thing,” said Ana Ruiz. “Another thing, and more.”"
    assert speakers(body) == [
        ("One thing", "Ana Ruiz", True),
        ("Another thing, and more.", "Ana Ruiz", True),
    ]


def test_quote_left_open_continues_in_the_next_paragraph() -> None:
    body = "“It began here, said Ana Ruiz.\n\n“And it goes on,” she added."
    spans = quote_spans(body)
    assert [s.text for s in spans] == ["It began here, said Ana Ruiz.", "And it goes on,"]


def test_a_surname_is_the_most_recent_full_name() -> None:
    body = (
        "Kim Jong Un visited.\n\nKim Byung-yeon, a professor at Seoul National University, "
        "spoke.\n\n“It is a risk,” Kim said."
    )
    [quote] = extract_quotes(body)
    assert quote.speaker == "Kim Byung-yeon"
    assert quote.role == "a professor at Seoul National University"


def test_entities_give_the_canonical_name() -> None:
    body = "Kim Jong-un left.\n\nKim wants “a new path” now."
    kim = Entity("Kim Jong Un", "person", ("Kim Jong Un", "Kim"), ((0, 11), (19, 22)))
    assert speakers(body, (kim,)) == [("a new path", "Kim Jong Un", False)]


def test_a_fragment_inside_a_sentence_is_not_full() -> None:
    [quote] = extract_quotes("He is a “very good diplomat,” Andrei Lankov said.")
    assert (quote.text, quote.speaker, quote.full) == ("very good diplomat", "Andrei Lankov", False)


def test_a_book_title_is_skipped() -> None:
    body = "Ana Ruiz, author of a recent book, “The Long Road Home,” said little."
    assert extract_quotes(body) == []


def test_an_unattributed_quote_has_no_speaker() -> None:
    [quote] = extract_quotes("“Nobody knows.”")
    assert quote.speaker == "" and quote.cue == "none"


def test_single_quotes_are_not_quotes() -> None:
    assert quote_spans("Kim’s ‘opening up’ policy") == []


def test_reported_speech_is_found_without_quote_marks() -> None:
    body = "Ana Ruiz visited.\n\nThe talks failed, Ruiz said. Analysts said little."
    assert [r.speaker for r in extract_reported_speech(body)] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    "sentence",
    ["Ruiz argued that the talks failed.", "Ruiz pointed out the talks had failed.",
     "Ruiz warned the talks would fail."],
)  # fmt: skip
def test_reported_speech_by_any_verb_of_saying(sentence: str) -> None:
    # not "maintained her lead" (no speech), nor the name a verb other than "said" governs
    body = (
        f"Ana Ruiz visited.\n\n{sentence} Ruiz maintained her lead in the polls. The "
        "minister confirmed the death of Tom Ward."
    )
    assert [r.speaker for r in extract_reported_speech(body)] == ["Ana Ruiz"]


def test_people_quoted_in_both_fold_spelling() -> None:
    a = extract_quotes("“Yes,” said Kim Jong Un.")
    b = extract_quotes("“No,” said Kim Jong-un.")
    assert people_quoted_in_both(a, b) == ["Kim Jong Un"]


def test_an_anonymous_speaker_is_not_quoted_in_both() -> None:
    # Each report's "senior official" may be anyone: not one person quoted in both.
    a = extract_quotes("“Yes,” said a senior official.")
    b = extract_quotes("“No,” a senior official said.")
    assert [q.speaker_kind for q in (*a, *b)] == ["anonymous", "anonymous"]
    assert people_quoted_in_both(a, b) == []


def test_an_attribution_inside_the_closing_mark_is_not_part_of_the_quote() -> None:
    [quote] = extract_quotes(
        "Lindsey Graham spoke.\n\n“He’s made some pretty outrageous comments, Graham said.”"
    )
    assert quote.text == "He’s made some pretty outrageous comments"
    assert quote.speaker == "Lindsey Graham"


def test_a_quote_runs_on_through_unmarked_paragraphs_until_it_closes() -> None:
    body = (
        '"We came to the school," Samir Sultan said.\n\n'
        '"We hoped it would be safe.\n\nWe were 20 in one room.\n\n'
        '"Suddenly we heard a bomb.\n\nThey were cut into pieces."\n\n'
        "The army said nothing."
    )
    quotes = extract_quotes(body)
    assert [q.text.strip() for q in quotes] == [
        "We came to the school",
        "We hoped it would be safe.",
        "We were 20 in one room.",
        "Suddenly we heard a bomb.",
        "They were cut into pieces.",
    ]
    assert {q.speaker for q in quotes} == {"Samir Sultan"}


def test_a_paragraph_ending_in_a_colon_introduces_the_quote_after_its_own_quotes() -> None:
    # A Wikinews page writing a paragraph a line: 'The reports use the description "research
    # services". Seidenberg defended the payments:' and the quote as the next line is his,
    # though a term is quoted earlier in that paragraph (it gave the term's 'speaker')
    body = (
        "The reports use the description “research services” or leave the label blank. Ann Ruiz"
        " defended the payments in comments and denied any wrongdoing:\n“The advances were to"
        " cover hotels and travel expenses around the state.”"
    )
    assert [(q.text, q.speaker) for q in extract_quotes(body)][-1][1] == "Ann Ruiz"


def test_a_sentence_quoted_whole_is_not_the_next_sentence_s_speaker_s() -> None:
    # Written for the case (a wire report in the review pool shows it): the quote ends its
    # sentence with a full stop, and the next sentence's speech verb goes on with a reported
    # clause: the wife's own words, not the quote's attribution (it gave the quote to her)
    body = (
        "“We will support him,” said Ahmed Ghneim, a Fatah leader. “I think he has the best"
        " chances of anybody to win the elections.” Barghouti's wife, Fadwa, said she was unaware"
        " of his plans."
    )
    assert [q.speaker for q in extract_quotes(body)] == ["Ahmed Ghneim", "Ahmed Ghneim"]
    # An object after the verb is no reported clause: the quote's attribution
    [quote] = extract_quotes("“We won the game.” Ann Lee told the crowd in Leeds.")
    assert quote.speaker == "Ann Lee"


def test_the_official_right_after_quotes_of_a_senior_official_is_that_official() -> None:
    # Written for the case (a CNN report and a government release in the review pool show it):
    # "the senior official" and "the spokesperson" right after quotes of "a senior State
    # Department official", "a Department spokesperson" were the last subject (Powell) or a
    # name after "The spokesperson said the" (read as that name's title)
    body = (
        "But a senior State Department official characterized Powell's departure this way: “He"
        " was not asked to stay.”\nFor months Colin Powell said he served at the pleasure of the"
        " president.\n“That didn't happen,” the senior official said. But the official also said"
        " Powell “never asked to stay.”"
    )
    people = _entities(body, {"Powell": "person"})
    assert {q.speaker for q in extract_quotes(body, people)} == {
        "a senior State Department official"
    }
    body = (
        "‘Call the hotline,’ a Department spokesperson said.\nThe spokesperson said the Migration"
        " Act also had provisions.\n‘Applications will be given urgent attention,’ the"
        " spokesperson said."
    )
    people = _entities(body, {"Migration Act": "person"})  # as the entity model typed it
    assert [q.speaker for q in extract_quotes(body, people)] == ["a Department spokesperson"] * 2
    # "the former official" is no "the former" of two named before (fresh13, a Washington Post
    # report of 2004: the quote after one of "A former senior administration official")
    body = (
        "A former senior administration official who discussed the plan said the change “is"
        " assumed.”\n“You've got the bitter medicine,” the former official said."
    )
    assert [q.speaker for q in extract_quotes(body)] == [
        "A former senior administration official"
    ] * 2
    # "the latter" with a word after it is still one of two (Wikinews, fresh11: "… by the Federal
    # Aviation Administration and the National Transportation Safety Board, with the latter
    # yesterday confirming on Twitter they were “not traveling …”")
    body = (
        "Investigations have been launched by the Federal Aviation Administration and the"
        " National Transportation Safety Board, with the latter yesterday confirming on Twitter"
        " they were “not traveling to the crash scene at this time.”"
    )
    bodies = {
        "Federal Aviation Administration": "org",
        "National Transportation Safety Board": "org",
    }
    quote = _quote_in(body, _entities(body, bodies), "not traveling")
    assert quote.speaker == "National Transportation Safety Board"


def test_a_term_sentences_after_a_quote_is_not_its_speaker_s() -> None:
    # Written for the case (a Guardian report in the review pool, scraped as one line): terms
    # quoted in narrative sentences after Reid's quote, and one after another speaker's verb,
    # were given to the speaker of the quote before
    body = (
        "Mr Reid said: “We will shift the balance.” He said £1bn would be spent. The mantra"
        " behind the paper shifts approaches from “advice from on high to support from next"
        " door”, and central to it are NHS “health trainers”. They will be trained first. Tim"
        " Lord, of the tobacco makers' association, said: “We are"
        " disappointed.” Anti-smoking campaigners Action on Smoking and Health (Ash) said Dr Reid"
        " had made a “ridiculous bodge” in his proposals."
    )
    people = _entities(body, {"Reid": "person", "Tim Lord": "person"})
    found = {q.text: q.speaker for q in extract_quotes(body, people)}
    assert found["We will shift the balance."] == "Reid"
    assert found["We are disappointed."] == "Tim Lord"
    assert found["advice from on high to support from next door"] == ""
    assert found["health trainers"] == ""
    assert found["ridiculous bodge"] != "Tim Lord"
    # The quote's own sentence, or the next one whose verb has the speaker for subject, goes on
    body = (
        "“We are cooperating,” Ann Lee told The Verge. In the filing itself Lee also made this"
        " point, writing “we have notified other agencies.”"
    )
    people = _entities(body, {"Ann Lee": "person", "Lee": "person"})
    assert [q.speaker for q in extract_quotes(body, people)] == ["Ann Lee", "Ann Lee"]


def test_words_a_passive_verb_says_of_its_subject_are_not_the_subject_s() -> None:
    # Written for the case (a CNN report and an AP report in the review pool show it): a
    # fragment after the subject's passive verb describes the subject; it gave it the speaker
    body = (
        "“We will not serve,” Lawrence Eagleburger said.\nColin Powell, after announcing his"
        " resignation, was praised Monday as a “great statesman” and a “voice of moderation.”\n"
        "The aide on the tape, Frank Corrente, was convicted of serving as Cianci's “bag man.”"
    )
    people = _entities(body, {"Lawrence Eagleburger": "person", "Colin Powell": "person",
                              "Frank Corrente": "person"})  # fmt: skip
    found = [(q.speaker, q.cue) for q in extract_quotes(body, people)]
    assert found == [("Lawrence Eagleburger", "after")] + [("", "described")] * 3


def test_a_person_whose_role_is_of_a_body_speaks_not_the_body() -> None:
    # Written for the case (reports in the review pool show it): the body after "chairman of",
    # "head of retail services at", itself in apposition, was read as the subject
    people = {"Ken Boehm": "person", "National Legal and Policy Center": "org",
              "Gary Ruffing": "person", "BBK": "org"}  # fmt: skip
    for body, speaker in (
        (
            "But Ken Boehm, chairman of the National Legal and Policy Center, an independent"
            " interest group that has been following the case, said Sears “has to have"
            " information.”",
            "Ken Boehm",
        ),
        (
            "Gary Ruffing, head of retail services at management consulting group BBK said the"
            " deal “looms good for both businesses overall”.",
            "Gary Ruffing",
        ),
    ):
        [quote] = extract_quotes(body, _entities(body, people))
        assert (quote.speaker, quote.speaker_kind) == (speaker, "person")


def test_he_or_she_is_no_unnamed_group() -> None:
    # Written for the case (a UPI report in the review pool shows it): "she" and "he" were the
    # unnamed "Many of the bodies" and "Many of the displaced" of the sentences before
    body = (
        "Many of the bodies were already decomposing. A WHO spokesperson in New Delhi said the"
        " risk was high. “We have to look out for ways of providing water,” she said.\nMany of"
        " the displaced were sleeping in schools. “It is not a phenomenon we knew,” he said."
    )
    speakers = [q.speaker for q in extract_quotes(body)]
    assert not any(speaker.startswith("Many") for speaker in speakers)
    # One of a group is one: "One of the victims decided …. She said …" stays hers
    [quote] = extract_quotes("One of the victims spoke to the court. “I was afraid,” she said.")
    assert quote.speaker == "One of the victims"


def test_a_role_without_article_and_without_its_closing_comma() -> None:
    # Written for the case (a UPI report in the review pool shows it): "“…,” Name, spokesman for
    # … said." gave no speaker (the comma after the role left out, and no "a"/"the" before it)
    body = (
        "“The biggest health challenges are waterborne diseases,” Hakan Sandbladh, spokesman for"
        " International Federation of Red Cross and Red Crescent Societies said."
    )
    [quote] = extract_quotes(body, _entities(body, {"Hakan Sandbladh": "person"}))
    assert quote.speaker == "Hakan Sandbladh"


def test_a_letter_named_as_someone_s_speaks_for_them() -> None:
    # Written for the case (a CNN report in the review pool shows it): "Powell's resignation
    # letter … “…,” the letter reads" gave the words to "the letter", not to Powell
    body = (
        "Colin Powell's resignation letter to Bush was dated last Friday. “Now that the election"
        " is over,” the letter reads, “the time has come for me to step down.”"
    )
    people = _entities(body, {"Colin Powell": "person", "Bush": "person"})
    assert [q.speaker for q in extract_quotes(body, people)] == ["Colin Powell"] * 2


def test_a_name_in_brackets_is_nobody_s_words() -> None:
    # Written for the case (a BBC report in the review pool shows it): the attribution after
    # the brackets gave the name to the correspondent
    body = (
        "Mr Hu emerged from talks with President Luiz Inacio Lula da Silva (“Lula”), according to"
        " the BBC's Tom Gibb in Sao Paulo."
    )
    [quote] = extract_quotes(body, _entities(body, {"Tom Gibb": "person"}))
    assert (quote.text, quote.speaker, quote.cue) == ("Lula", "", "name")


def test_the_vice_minister_is_whom_the_report_titled_so() -> None:
    # Written for the case (a Japan Times report in the review pool shows it): "The vice
    # minister called the incident “regrettable”" went to the sentence before's subject
    body = (
        "Chinese Vice Foreign Minister Wu Dawei met Japan's ambassador on Tuesday. Chief Cabinet"
        " Secretary Hiroyuki Hosoda told reporters about it. The vice minister called the"
        " incident “regrettable,” a remark Tokyo interprets as an apology, Hosoda said."
    )
    people = _entities(body, {"Wu Dawei": "person", "Hiroyuki Hosoda": "person"})
    [quote] = extract_quotes(body, people)
    assert quote.speaker == "Wu Dawei"


def test_a_quote_left_open_is_not_carried_into_narrative() -> None:
    body = '"It began here.\n\nThe talks went on.\n\nThen Ana Ruiz said "we left."'
    assert [s.text for s in quote_spans(body)] == ["It began here.", "we left."]


def test_an_unnamed_source_is_an_anonymous_speaker() -> None:
    [quote] = extract_quotes("“We are ready,” a senior administration official told reporters.")
    assert (quote.speaker, quote.speaker_kind) == ("a senior administration official", "anonymous")


def test_a_spokesman_named_after_his_agency_is_the_speaker() -> None:
    [quote] = extract_quotes('"Two bombs fell," said UNHCR spokesman Adrian Edwards.')
    assert (quote.speaker, quote.speaker_kind) == ("Adrian Edwards", "person")


def test_a_letter_speaks_for_whoever_signed_it_never_for_the_man_it_is_about() -> None:
    body = (
        "President Donald Trump attacked Adam Schiff. A letter signed by the committee's "
        "nine Republicans demanded that he resign.\n\n"
        "“Your actions are incompatible with your duty,” the letter said."
    )
    [quote] = extract_quotes(body)
    assert quote.speaker == "committee's nine Republicans"
    assert quote.speaker_kind == "body"


def test_a_tweet_is_its_author_s() -> None:
    [quote] = extract_quotes("Donald Trump tweeted, “Schiff should resign!”")
    assert quote.speaker == "Donald Trump"


def test_a_body_named_by_its_acronym_speaks_as_a_body() -> None:
    [quote] = extract_quotes("The UN protested at a “complete absence of accountability”.")
    assert (quote.speaker, quote.speaker_kind) == ("UN", "body")


def test_a_rep_speaks_for_the_star_and_is_not_the_star() -> None:
    body = "Tara Reid has entered rehab.\n\n“We appreciate your respect,” Reid's rep told Us."
    at = body.index("Reid's")
    reid = Entity("Tara Reid", "person", ("Reid",), ((0, 9), (at, at + 4)))
    [quote] = extract_quotes(body, (reid,))
    assert (quote.speaker, quote.speaker_kind) == ("Tara Reid’s rep", "anonymous")


def _entities(body: str, people: dict[str, str]) -> tuple[Entity, ...]:
    """Entities as the entity model gives them: name -> type, every mention in the body."""
    found = []
    for name, kind in people.items():
        mentions = tuple((m.start(), m.end()) for m in re.finditer(re.escape(name), body))
        found.append(Entity(name, kind, (name,), mentions))
    return tuple(found)


def test_a_one_word_name_introduced_with_a_role_is_a_person(shared_dir: Path) -> None:
    # ECB+ 37_1ecbplus: "Fauzi, an official from the local disaster agency" (the small entity
    # model tags Fauzi a place), then "said the official who uses one name" and "…," he said.
    body = (shared_dir / "testdata/ecbplus/text/37/37_1ecbplus.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Fauzi": "place", "Suka Makmur": "person", "Aceh": "place"})
    by_start = {q.text[:24]: q.speaker for q in extract_quotes(body, entities)}
    assert by_start["A man was working at a c"] == "Fauzi"
    assert by_start["His body was found under"] == "Fauzi"
    # A weekday, a known place or the end of a longer name introduced the same way is none.
    body = "On Tuesday, an official spoke. Egypt, a leader, Banda Aceh, a mayor, Fauzi, a doctor."
    names = [name for *_span, name in People(body, (), []).full_names]
    assert [name for name in names if " " not in name] == ["Fauzi"]


def test_a_quote_paragraph_after_reported_speech_is_the_same_speaker_s(shared_dir: Path) -> None:
    # ECB+ 41_5ecb: "These attacks reinforce the urgent need …, he said, demanding an independent
    # investigation …" and then a paragraph that is only a quote.
    body = (shared_dir / "testdata/ecbplus/text/41/41_5ecb.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"John Ging": "person", "Ban Ki-moon": "person"})
    [quote] = [q for q in extract_quotes(body, entities) if q.text.startswith("I sincerely")]
    assert (quote.speaker, quote.cue) == ("John Ging", "previous")
    # Not when the paragraph before names no speaker, nor across a quote of its own.
    [quote] = extract_quotes("The talks ended, officials said nothing.\n\n“We go home.”")
    assert quote.speaker == ""
    # A paragraph that is one sentence of reported speech, in a report written a sentence a
    # paragraph ("Dorsey said the shooting was going to be hard on everyone.\n\n"We're like
    # family here."", an ECB+ report of the review pool): its speaker, named in full before
    body = (
        "Kenneth Dorsey works at the plant.\n\nDorsey said the shooting was going to be hard on"
        " everyone.\n\n“We're like family here.”"
    )
    [quote] = extract_quotes(body, _entities(body, {"Kenneth Dorsey": "person"}))
    assert (quote.speaker, quote.cue) == ("Kenneth Dorsey", "previous")
    # An adverb before the verb ("Dr. Alsip also said Dr. Benjamin is tenacious.", an ECB+
    # report of the review pool): the subject speaks, not "Dr" after "said"
    body = (
        "Jorge Alsip has known her for years.\n\nDr. Alsip also said Dr. Benjamin is tenacious."
        "\n\n“If Regina's in a fight, don't ever bet against her.”"
    )
    people = _entities(body, {"Jorge Alsip": "person", "Benjamin": "person"})
    assert _quote_in(body, people, "If Regina").speaker == "Jorge Alsip"


def test_a_title_or_a_name_in_quote_marks_has_no_speaker(shared_dir: Path) -> None:
    # ECB+ 1_14ecb: 'Reid has had a recurring role on "Scrubs" and starred in "Van Wilder" and
    # "The Big Lebowski."' (her films, not her words; the subject rule gave them to her).
    body = (shared_dir / "testdata/ecbplus/text/1/1_14ecb.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Tara Reid": "person", "Reid": "person"})
    by_text = {q.text.rstrip("."): (q.speaker, q.cue) for q in extract_quotes(body, entities)}
    for title in ("Scrubs", "Van Wilder", "The Big Lebowski", "American Pie"):
        assert by_text[title] == ("", "name")
    assert by_text["Trust me, my body is tired"][0] == "Tara Reid"  # her words still are hers
    # ECB+ 37_12ecbplus: the Pacific Basin's "Ring of Fire" is nobody's quote.
    body = (shared_dir / "testdata/ecbplus/text/37/37_12ecbplus.txt").read_text(encoding="utf-8")
    [ring] = [q for q in extract_quotes(body, _entities(body, {"Pacific Basin": "person"}))
              if q.text.startswith("Ring")]  # fmt: skip
    assert ring.speaker == ""
    # Words a speaker says in title case stay theirs; a piece of a longer quote is no title.
    assert speakers("“Absolutely Not,” Ana Ruiz said.")[0][1] == "Ana Ruiz"
    [_, (text, speaker, _full)] = speakers("Ana Ruiz said: “We met.\n\nNo.”")
    assert (text, speaker) == ("No.", "Ana Ruiz")
    # A short answer in title case that a speech verb introduces is said, not a title.
    assert speakers("Ana Ruiz said: “No.”")[0][1] == "Ana Ruiz"
    asked = "Asked whether she would stay, Ana Ruiz said, “Absolutely.”"
    assert speakers(asked)[0][1] == "Ana Ruiz"


def test_a_report_that_quotes_with_single_marks(shared_dir: Path) -> None:
    # ECB+ 1_5ecb: "her 'party girl' reputation", then a quote over eight one-sentence
    # paragraphs, "'I've done it. / Trust me. / … anything anymore,' she told the magazine."
    body = (shared_dir / "testdata/ecbplus/text/1/1_5ecb.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Tara Reid": "person", "Reid": "person"})
    by_text = {q.text.rstrip(".,"): q for q in extract_quotes(body, entities)}
    assert by_text["party girl"].speaker == ""
    for said in ("I've done it", "Trust me", "I partied", "I don't need to do anything anymore"):
        assert by_text[said].speaker == "Tara Reid"
    assert body[by_text["I partied"].start - 2 : by_text["I partied"].start] == "\n\n"
    # Apostrophes are no quote marks, nor single marks in a report that quotes with double ones.
    assert speakers("Reid's rep said the Reids' house was 'quiet'.") == []
    assert quote_spans("Kim’s ‘opening up’ policy, ‘we are open,’ he said") == []


def test_a_quote_paragraph_after_said_a_role_and_a_name(shared_dir: Path) -> None:
    # ECB+ 37_10ecbplus: "…, one man was killed when a landslide engulfed a coffee plantation,
    # said disaster agency official Fauzi." and then a paragraph that is only his quote.
    body = (shared_dir / "testdata/ecbplus/text/37/37_10ecbplus.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Subhan Sahara": "person", "Fauzi": "person"})
    [quote] = [q for q in extract_quotes(body, entities) if q.text.startswith("A man was")]
    assert (quote.speaker, quote.cue) == ("Fauzi", "previous")


def test_the_source_is_anonymous(shared_dir: Path) -> None:
    # ECB+ 1_8ecbplus: "… is back at Betty Ford. / The challenge now is …, "the source told us."
    body = (shared_dir / "testdata/ecbplus/text/1/1_8ecbplus.txt").read_text(encoding="utf-8")
    quotes = [q for q in extract_quotes(body) if q.text.startswith(("Lindsay never", "The chall"))]
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [("the source", "anonymous")] * 2


def test_a_role_with_a_possessive_before_the_name(shared_dir: Path) -> None:
    # ECB+ 1_5ecb: "“We appreciate …,” the actress's rep Jack Ketsoyan tells People magazine."
    body = (shared_dir / "testdata/ecbplus/text/1/1_5ecb.txt").read_text(encoding="utf-8")
    [quote] = [q for q in extract_quotes(body) if q.text.startswith("We appreciate")]
    assert (quote.speaker, quote.cue) == ("Jack Ketsoyan", "after")


def test_a_name_the_entity_model_cut_after_a_role_keeps_its_first_words(shared_dir: Path) -> None:
    # ECB+ 41_3ecbplus: "Sudan Armed Forces spokesman Sawarmi Khaled Saad vehemently denied …",
    # then his quote over three paragraphs; the model finds only "Khaled Saad".
    body = (shared_dir / "testdata/ecbplus/text/41/41_3ecbplus.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Khaled Saad": "person", "Taban Deng": "person"})
    quotes = [q for q in extract_quotes(body, entities) if q.start > body.index("Sawarmi")]
    assert [q.speaker for q in quotes] == ["Sawarmi Khaled Saad"] * 4
    # A rank between the role and the name is no part of the name.
    body = "The army spokesman Captain Ana Ruiz spoke.\n\n“We left,” Ruiz said."
    entities = _entities(body, {"Ana Ruiz": "person", "Ruiz": "person"})
    assert [q.speaker for q in extract_quotes(body, entities)] == ["Ana Ruiz"]


def test_a_speaker_with_an_appositive_before_the_quote(shared_dir: Path) -> None:
    # ECB+ 41_8ecbplus: "Aleem Siddique, a U. N. spokesman in South Sudan, said: “…”" (the
    # model tags "U. N." a person and misses Aleem Siddique), and "condemnation from the U. S.
    # State Department, which said the “unacceptable and unjustified” attacks …".
    body = (shared_dir / "testdata/ecbplus/text/41/41_8ecbplus.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"U. N.": "person", "Salva Kiir": "person"})
    by_start = {q.text[:16]: (q.speaker, q.speaker_kind) for q in extract_quotes(body, entities)}
    assert by_start["We're concerned "] == ("Aleem Siddique", "person")
    assert by_start["unacceptable and"] == ("U. S. State Department", "body")


def test_he_said_after_reported_speech_of_a_name_the_model_missed(shared_dir: Path) -> None:
    # ECB+ 41_5ecbplus: the governor's quote over three paragraphs ends "…," Deng, the governor,
    # said.'; then "Al-Sawarmi Khalid, spokesman for Sudan's armed forces, said Sudan had not
    # bombed …" and a quote over two paragraphs ending "…," he said': Khalid, not Deng (no entity
    # names Khalid, and "he" had gone back to the last person the model knew).
    body = (shared_dir / "testdata/ecbplus/text/41/41_5ecbplus.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Taban Deng": "person", "Deng": "person"})
    by_start = {q.text[:16]: q.speaker for q in extract_quotes(body, entities)}
    assert by_start["The refugees nee"] == by_start["They ran away fr"] == "Taban Deng"
    assert by_start["South Sudan is a"] == by_start["We respect inter"] == "Al-Sawarmi Khalid"


def _speaker_of(shared_dir: Path, report: str, people: dict[str, str], start: str) -> str:
    """The speaker of the quote starting `start` in an ECB+ report (its people as entities)."""
    body = (shared_dir / "testdata/ecbplus/text" / report).read_text(encoding="utf-8")
    [quote] = [q for q in extract_quotes(body, _entities(body, people)) if q.text.startswith(start)]
    return quote.speaker


def test_a_paragraph_that_introduces_the_next_one_s_quote(shared_dir: Path) -> None:
    # ECB+ 41_9ecb: "…, Mr Gunness denied militants were at the school:" and the quote as the
    # next paragraph; ECB+ 1_15ecb: "… Jack Ketsoyan left a statement for the press, he said"
    # (no full stop) and the quote below it.
    people = {"Christopher Gunness": "person", "Gunness": "person"}
    assert _speaker_of(shared_dir, "41/41_9ecb.txt", people, "We are 99.9") == "Christopher Gunness"
    people = {"Tara Reid": "person", "Jack Ketsoyan": "person"}
    assert _speaker_of(shared_dir, "1/1_15ecb.txt", people, "We appreciate") == "Jack Ketsoyan"
    # A paragraph ending in a full stop introduces nothing.
    assert speakers("Ana Ruiz left the talks.\n\n“We go home.”")[0][1] == ""
    # Nor the verb's comma: "Andrew Wetzler, director of …, commented," and the quote as the
    # next paragraph (an ECB+ report of the review pool; no repository text shows it)
    body = "Ana Ruiz, director of the council, commented,\n\n“We go home.\n\nWe stay there.”"
    assert [speaker for _text, speaker, _full in speakers(body)] == ["Ana Ruiz", "Ana Ruiz"]
    # A quote left open at its paragraph's end, a line without a full stop, is no headline: it
    # runs on (an ECB+ report of the review pool: 'sue:\n\n"This administration has rejected
    # anything with a whiff of science\n\nso before …')
    body = (
        "Ana Ruiz, director of the council, says her group will sue:\n\n"
        "“The board rejected it\n\nso we go to court.”"
    )
    assert [speaker for _text, speaker, _full in speakers(body)] == ["Ana Ruiz", "Ana Ruiz"]
    # "Below is a statement by Francesca Grifo, director of …:" (an ECB+ report of the review
    # pool): the statement's author
    body = "Below is a statement by Ana Ruiz, director of the council:\n\n“We go home.”"
    assert [speaker for _text, speaker, _full in speakers(body)] == ["Ana Ruiz"]


def test_a_speaker_after_the_quote_with_an_age_or_a_unit_around_the_name(
    shared_dir: Path,
) -> None:
    # ECB+ 1_10ecb: "“…,” the 33-year-old actress's rep Jack Ketsoyan told the magazine";
    # ECB+ 37_5ecb: "“…,” Doctor Sokal Pirg of the unit told Xinhua by phone".
    people = {"Tara Reid": "person", "Jack Ketsoyan": "person"}
    assert _speaker_of(shared_dir, "1/1_10ecb.txt", people, "We appreciate") == "Jack Ketsoyan"
    people = {"Sokal Pirg": "person", "Manrosan": "person"}
    assert _speaker_of(shared_dir, "37/37_5ecb.txt", people, "Most of them") == "Sokal Pirg"


def test_a_correspondent_is_anonymous_and_an_organisation_a_body(shared_dir: Path) -> None:
    # ECB+ 41_1ecbplus: 'A Reuters correspondent reported hearing a large explosion, then saw
    # "a crater …' (the mark is never closed: the next eleven paragraphs, up to one that
    # holds a quote of its own, are no quote); Salon: '“igniting,” as Reuters reported'.
    body = (shared_dir / "testdata/ecbplus/text/41/41_1ecbplus.txt").read_text(encoding="utf-8")
    quotes = extract_quotes(body, _entities(body, {"Ryan Boyette": "person"}))
    assert (quotes[0].text[:9], quotes[0].speaker, quotes[0].speaker_kind) == (
        "a crater ",
        "A Reuters correspondent",
        "anonymous",
    )
    assert quotes[1].text.startswith("The regime in Khartoum")
    body = "He put up a flag, “igniting,” as Reuters reported, “fears of an attack.”"
    reuters = body.index("Reuters")
    entities = (Entity("Reuters", "org", ("Reuters",), ((reuters, reuters + 7),)),)
    assert {(q.speaker, q.speaker_kind) for q in extract_quotes(body, entities)} == {
        ("Reuters", "body")
    }


def test_a_headline_quotes_with_single_marks_and_names_no_speaker(shared_dir: Path) -> None:
    # ECB+ 41_3ecbplus (BBC): the headline "Sudan 'bombs refugees' in South Sudan's Unity state"
    # and the subheading "'Completely false'", in a report that quotes with double marks.
    body = (shared_dir / "testdata/ecbplus/text/41/41_3ecbplus.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Taban Deng": "person", "Khaled Saad": "person"})
    by_text = {q.text: (q.speaker, q.cue) for q in extract_quotes(body, entities)}
    assert by_text["bombs refugees"] == by_text["Completely false"] == ("", "headline")
    # In a sentence of the body, single marks stay nested quotes or apostrophes.
    assert speakers("He said the camp was \"safe\". The Reids' house was 'quiet' then.") == [
        ("safe", "", False)
    ]


def test_a_name_in_what_was_said_is_not_the_speaker(shared_dir: Path) -> None:
    # Washington Post (mozilla wapo-2): "… Netanyahu’s Likud party, which tried to rally
    # right-wing support by saying that Arab Israeli voters were “coming out in droves.”": not
    # the voters' words ("Arab Israeli" read as a name without entities).
    import lxml.html

    page = shared_dir / "testdata/mozilla-readability/test/test-pages/wapo-2/expected.html"
    tree = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    body = "\n\n".join(" ".join(p.text_content().split()) for p in tree.iter("p"))
    [quote] = [q for q in extract_quotes(body) if q.text.startswith("coming out in droves")]
    assert quote.speaker == ""


def test_the_statement_said_is_whoever_released_it(shared_dir: Path) -> None:
    # ECB+ 41_4ecb: "In a statement released by spokesman Captain Benjamin Rutland, it said …"
    # and then "“This is not the first time that Hamas has fired mortars …,” the statement said."
    people = {"Benjamin Rutland": "person", "Avi Benayahu": "person"}
    speaker = _speaker_of(shared_dir, "41/41_4ecb.txt", people, "This is not the first time")
    assert speaker == "Benjamin Rutland"


@pytest.mark.parametrize(
    ("body", "places", "expected"),
    [
        (
            "Residents of Rafah, a town on the Egyptian border, said “the shelling went on all "
            "night.”",
            {"Rafah": "place"},
            ("Residents of Rafah", "anonymous"),
        ),
        (
            "In Gaza, residents of Beit Hanoun said “we have no water.”",
            {"Gaza": "place", "Beit Hanoun": "place"},
            ("residents of Beit Hanoun", "anonymous"),
        ),
        ("Officials in Khartoum said “the talks will resume.”", {"Khartoum": "place"},
         ("Officials in Khartoum", "anonymous")),
    ],
)  # fmt: skip
def test_a_place_is_no_speaker(body: str, places: dict[str, str], expected: tuple) -> None:
    """The people of a place speak, not the place: "Residents of Rafah said" gave the person
    "Rafah". A place written where the speaker goes gives no speaker rather than a wrong one."""
    for entities in (_entities(body, places), ()):
        [quote] = extract_quotes(body, entities)
        assert (quote.speaker, quote.speaker_kind) == expected
    # Where only the entities tell that the name is a place.
    body = "Since the strike, Rafah said “the shelling went on.”"
    [quote] = extract_quotes(body, _entities(body, {"Rafah": "place"}))
    assert (quote.speaker, quote.speaker_kind) == ("", "")


def test_a_person_after_a_title_of_a_place_is_still_the_speaker() -> None:
    body = "Secretary of State John Kerry said “the talks will resume.”"
    [quote] = extract_quotes(body, _entities(body, {"John Kerry": "person"}))
    assert (quote.speaker, quote.speaker_kind) == ("John Kerry", "person")


# Common news phrasings, each in a sentence written for this test: (body, people the entity
# model would find, the speaker of each quote in order).
_PHRASINGS = [
    ('"The pier will reopen in May," Dana Holt, the harbour master of Kessick, said.',
     ["Dana Holt"], ["Dana Holt"]),
    ('Dana Holt told reporters "the pier will reopen in May."', ["Dana Holt"], ["Dana Holt"]),
    ('"The pier will reopen in May," Dana Holt told the BBC.', ["Dana Holt"], ["Dana Holt"]),
    ('According to Dana Holt, the pier is "safe again."', ["Dana Holt"], ["Dana Holt"]),
    ('According to police, the pier is "safe again."', [], ["police"]),
    ('Dana Holt explained: "The pier will reopen in May."', ["Dana Holt"], ["Dana Holt"]),
    ('"The pier will reopen in May," Dana Holt remarked.', ["Dana Holt"], ["Dana Holt"]),
    ('In a statement, Dana Holt said: "The pier will reopen."', ["Dana Holt"], ["Dana Holt"]),
    ('Dana Holt spoke on Monday. He later added: "The pier will reopen."', ["Dana Holt"],
     ["Dana Holt"]),
    ('"Two boats were stolen," police said.', [], ["police"]),
    ('"The car was on fire," witnesses told reporters.', [], ["witnesses"]),
    ('"No comment," a lawyer for Dana Holt said.', ["Dana Holt"], ["a lawyer for Dana Holt"]),
    ('"We are grateful," the family of Dana Holt said.', ["Dana Holt"],
     ["the family of Dana Holt"]),
    ('"She loved the sea," her brother, Owen, said.', ["Owen"], ["Owen"]),
    ('In a tweet, the singer\'s family wrote: "We are grateful."', [], ["the singer's family"]),
    ('Dana Holt said: "The pier is safe." Owen Pike said it was "far from safe."',
     ["Dana Holt", "Owen Pike"], ["Dana Holt", "Owen Pike"]),
]  # fmt: skip


@pytest.mark.parametrize(("body", "people", "expected"), _PHRASINGS)
def test_common_news_phrasings(body: str, people: list[str], expected: list[str]) -> None:
    entities = _entities(body, dict.fromkeys(people, "person"))
    assert [q.speaker.replace("’", "'") for q in extract_quotes(body, entities)] == expected


@pytest.mark.parametrize(
    "body",
    [
        "The town council issued a statement on Monday.\n\n"
        '"The pier will reopen in May," the statement read.',
        'In a press statement released on Friday, the town council urged calm.\n\n'
        '"The pier will reopen," read the press release.',
        'The town council said in a statement that the pier was safe. "We thank you for your '
        'patience," the statement said.',
    ],
)  # fmt: skip
def test_a_statement_speaks_for_whoever_issued_it(body: str) -> None:
    [quote] = extract_quotes(body)
    assert (quote.speaker, quote.speaker_kind) == ("town council", "body")
    # A statement nobody is said to have issued speaks as itself, as the report words it (an
    # anonymous speaker: Dana Holt is not its issuer).
    [quote] = extract_quotes('Dana Holt left. "The pier is closed," the statement said.')
    assert (quote.speaker, quote.speaker_kind) == ("the statement", "anonymous")


def test_a_person_s_statement_is_the_person_s_words() -> None:
    body = 'Dana Holt\'s statement said "the pier is closed."'
    [quote] = extract_quotes(body, _entities(body, {"Dana Holt": "person"}))
    assert (quote.speaker, quote.speaker_kind) == ("Dana Holt", "person")


def test_a_plural_group_speaks_unnamed() -> None:
    kinds = {
        q.speaker: q.speaker_kind
        for q in extract_quotes('Witnesses said "it burned." Police said "it is over."')
    }
    assert kinds == {"Witnesses": "anonymous", "Police": "body"}


def test_a_term_in_quote_marks_inside_a_noun_phrase_is_nobody_s() -> None:
    body = 'Owen Pike asked ten people to do a "memory span" test. The "Sea Wolf" crew left.'
    quotes = extract_quotes(body, _entities(body, {"Owen Pike": "person"}))
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("memory span", "", "name"),
        ("Sea Wolf", "", "name"),
    ]
    # What was said, quoted inside a noun phrase, stays the speaker's.
    body = 'Owen Pike said the "reckless and cruel" attacks must stop.'
    [quote] = extract_quotes(body, _entities(body, {"Owen Pike": "person"}))
    assert quote.speaker == "Owen Pike"


def test_a_sentence_opening_word_is_no_speaker() -> None:
    for body in (
        'In a short post, the mayor\'s office wrote: "We are ready."',
        'Explaining the delay, the club claimed that rain had "ruined the pitch".',
    ):
        [quote] = extract_quotes(body)
        assert quote.speaker.split()[0] not in ("In", "Explaining")


def test_a_passive_speech_verb_names_no_speaker() -> None:
    # "a date would be announced" has no speaker of its own: the sentence's subject speaks.
    body = "Dana Holt is planning a visit, saying a date would be announced “in a few weeks”."
    [quote] = extract_quotes(body, _entities(body, {"Dana Holt": "person"}))
    assert quote.speaker == "Dana Holt"


def test_a_name_in_the_role_s_place_after_a_relative() -> None:
    body = '"This is hard," said her uncle, Omar Reyes, after the service.'
    [quote] = extract_quotes(body, _entities(body, {"Omar Reyes": "person"}))
    assert quote.speaker == "Omar Reyes"


@pytest.mark.parametrize(
    "body",
    [
        "Carl Dunn spoke on Friday. Speaking to Ann Lee of the Herald, he said, "
        '"I take the blame."',
        "Carl Dunn spoke on Friday. Faced with losing the part of Ann Lee, the studio relented. "
        '"It was a good day," he recalls.',
    ],
)
def test_he_is_not_a_name_after_a_preposition(body: str) -> None:
    entities = _entities(body, {"Carl Dunn": "person", "Ann Lee": "person"})
    assert [q.speaker for q in extract_quotes(body, entities)] == ["Carl Dunn"]


def test_a_quote_borrows_the_next_one_s_speaker_only_across_marks_or_an_attribution() -> None:
    body = '"We won today." "We will win again," Ann Lee said.'
    assert [q.speaker for q in extract_quotes(body)] == ["Ann Lee", "Ann Lee"]
    body = 'He put up a flag, "igniting," as Reuters reported, "fears of an attack."'
    assert {q.speaker for q in extract_quotes(body)} == {"Reuters"}
    # Not across a sentence of narrative between the two.
    body = '"We won today." The crowd left early. "We will win again," Ann Lee said.'
    assert [q.speaker for q in extract_quotes(body)] == ["", "Ann Lee"]


def test_a_source_named_at_the_end_does_not_take_a_quote_said_before() -> None:
    body = 'Ann Lee said in a memo that the "old plan is dead" as prices fell, the Herald reported.'
    [quote] = extract_quotes(body, _entities(body, {"Ann Lee": "person"}))
    assert quote.speaker == "Ann Lee"


def test_a_passive_with_its_agent_gives_the_agent() -> None:
    body = 'Ann Lee has been described by the Kessick Herald as a "born leader".'
    [quote] = extract_quotes(body, _entities(body, {"Ann Lee": "person"}))
    assert (quote.speaker, quote.speaker_kind) == ("Kessick Herald", "body")


@pytest.mark.parametrize("adverb", ["too", "further", "also"])
def test_too_and_further_stand_between_a_pronoun_and_its_speech_verb(adverb: str) -> None:
    # Written for the case (no development text shows it): "she too argued", "she further
    # argued" as "she also argued"; not read, the subject was taken from the participle
    # ("Asked", a wrong speaker).
    body = f'Ann Lee spoke. Asked about it, she {adverb} argued that "the rules are unfair."'
    [quote] = extract_quotes(body, _entities(body, {"Ann Lee": "person"}))
    assert quote.speaker == "Ann Lee"


def test_a_passive_participle_without_its_auxiliary_gives_its_agent_before_as() -> None:
    # Written for the case (no development text shows it; one review-pool article does): no
    # "was" before "described", the agent then "as" right before the quote.
    body = 'The tanker sailed on a course described by the Kessick Herald as "rather erratic".'
    [quote] = extract_quotes(body, _entities(body, {"Kessick Herald": "org"}))
    assert (quote.speaker, quote.speaker_kind) == ("Kessick Herald", "body")
    body = 'Ann Lee, criticised by the Kessick Herald as "out of touch", resigned.'
    entities = _entities(body, {"Ann Lee": "person", "Kessick Herald": "org"})
    assert [q.speaker for q in extract_quotes(body, entities)] == ["Kessick Herald"]
    # Not a meeting called by someone, nor words quoted by a paper: no "as" before the quote.
    body = 'At a meeting called by Ann Lee, Tom Ward said the plan was "dead".'
    entities = _entities(body, {"Ann Lee": "person", "Tom Ward": "person"})
    assert [q.speaker for q in extract_quotes(body, entities)] == ["Tom Ward"]


def test_a_quote_after_a_sentence_of_reported_speech_is_its_speaker_s() -> None:
    body = (
        'Ann Lee spoke at the fair. She revealed that a sequel is planned. "We start in May. '
        'Nobody knows the title yet." The fair closed on Sunday.'
    )
    quotes = extract_quotes(body, _entities(body, {"Ann Lee": "person"}))
    assert [(q.speaker, q.cue) for q in quotes] == [("Ann Lee", "previous")]
    # Not after narrative, nor after a sentence that holds a quote of its own.
    assert speakers('Ann Lee spoke at the fair. The fair closed. "We start in May."')[0][1] == ""


@pytest.mark.parametrize(
    ("body", "place"), [('Norway has suggested people "stay home".', "Norway"),
                        ('Wales has suggested people "stay home".', "Wales")],
)  # fmt: skip
def test_a_country_speaks_as_its_government(body: str, place: str) -> None:
    [quote] = extract_quotes(body, _entities(body, {place: "place"}))
    assert (quote.speaker, quote.speaker_kind) == (place, "body")


def test_a_role_after_an_organisation_s_possessive() -> None:
    body = '"Help them," Kessick Aid\'s president Ann Lee said in a press release.'
    [quote] = extract_quotes(body, _entities(body, {"Ann Lee": "person"}))
    assert quote.speaker == "Ann Lee"


def _people(body: str, *names: str) -> tuple[Entity, ...]:
    return _entities(body, dict.fromkeys(names, "person"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Two men who may act in the sentence before: "he" is either.
        ('Dan Lee met Tom Ward on Monday.\n\n"It went well," he said.', ""),
        # A woman's given name leaves "he" to the man.
        ('Ann Lee met Tom Ward on Monday.\n\n"It went well," he said.', "Tom Ward"),
        # The report calls one of them "she": "he" is the other.
        ('Ann Lee said she was tired. Ann Lee met Tom Ward on Monday.\n\n"It went well," he '
         "said.", "Tom Ward"),
        # The one a sentence of reported speech names.
        ('A girl, identified as Ann Lee, died, said hospital chief Tom Ward.\n\n"We tried," he '
         "said.", "Tom Ward"),
        # A person after a relative clause is whom the sentence is about.
        ('Ann Lee said she was tired. It surprised the producer Tom Ward, who hired Ann Lee.\n\n'
         '"She was great," he said.', "Tom Ward"),
    ],
)  # fmt: skip
def test_he_or_she_only_when_one_person_fits(body: str, expected: str) -> None:
    [quote] = extract_quotes(body, _people(body, "Ann Lee", "Dan Lee", "Tom Ward"))
    assert quote.speaker == expected


def test_a_pronoun_does_not_reach_back_past_four_sentences_of_narrative() -> None:
    body = (
        '"We won," Tom Ward said. The team left. The bus was late. It rained. Fans waited. '
        'Ann Lee joined the club in May.\n\n"I love it here," she said.'
    )
    assert [q.speaker for q in extract_quotes(body, _people(body, "Ann Lee", "Tom Ward"))] == [
        "Tom Ward",
        "Ann Lee",
    ]
    body = '"We won," Tom Ward said. The team left. The bus was late. It rained. Fans waited. '
    body += 'Nobody spoke.\n\n"I love it here," she said.'
    assert [q.speaker for q in extract_quotes(body, _people(body, "Tom Ward"))] == ["Tom Ward", ""]


def test_it_and_they_stand_for_a_body_or_a_group() -> None:
    body = 'The Kessick Ministry said cases were rising. It added: "Stay home."'
    [quote] = extract_quotes(body)
    assert (quote.speaker, quote.speaker_kind) == ("Kessick Ministry", "body")
    body = 'Police said roads were closed. "Stay home," they said.'
    assert [(q.speaker, q.speaker_kind) for q in extract_quotes(body)] == [("Police", "body")]
    # Two people are no "they" this reader can name.
    body = 'Tom Ward and Ann Lee spoke. "We agree," they said.'
    assert [q.speaker for q in extract_quotes(body, _people(body, "Ann Lee", "Tom Ward"))] == [""]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('The raid was described as "reckless" by Mayor Dan Cole.', ["Dan Cole"]),
        ('"The plan failed," the Kessick Herald quoted Dan Cole as saying.', ["Dan Cole"]),
        ('Dan Cole\'s lawyer said his client was "innocent."', ["Dan Cole’s lawyer"]),
        ('Dan Cole, who was named "Mayor of the Year" in 2010, said "the plan failed."',
         ["", "Dan Cole"]),
        ('Dan Cole is known as "the Iron Mayor" in his party.', [""]),
        ('A statement from the Cole family read: "We are grateful."', ["Cole family"]),
    ],
)  # fmt: skip
def test_passives_nicknames_and_sentences_with_two_quotes(body: str, expected: list[str]) -> None:
    quotes = extract_quotes(body, _people(body, "Dan Cole"))
    assert [q.speaker for q in quotes] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Names after the speech verb are what was said, also past an earlier quote.
        ('Helen Ortiz said the plan was "dead" and that Peter Marsh "knew it."',
         ["Helen Ortiz", "Helen Ortiz"]),
        # An earlier quote that ends its sentence ends it.
        ('The sign read, "Closed for good." Peter Marsh wrote below it, "Not yet."',
         ["", "Peter Marsh"]),
        ('"It is over," the Herald reported Helen Ortiz as saying.', ["Helen Ortiz"]),
        ('"It is over," said one councillor, who asked not to be named.', ["one councillor"]),
    ],
)  # fmt: skip
def test_the_sentence_around_an_earlier_quote(body: str, expected: list[str]) -> None:
    quotes = extract_quotes(body, _people(body, "Helen Ortiz", "Peter Marsh"))
    assert [q.speaker for q in quotes] == expected


def test_her_before_a_role_is_someone_else_s() -> None:
    # "Kim Lee is her deputy": the "her" is someone else's, so nothing tells Kim Lee's pronoun
    # (nor does "Kim", a given name of either sex) and "he" after a sentence naming Tom Ward
    # and Kim Lee is either (read as "she", Kim Lee would leave "he" to Tom Ward).
    body = 'Kim Lee is her deputy. Tom Ward met Kim Lee.\n\n"We agreed," he said.'
    [quote] = extract_quotes(body, _people(body, "Kim Lee", "Tom Ward"))
    assert quote.speaker == ""


@pytest.mark.parametrize(
    ("body", "entities", "expected"),
    [
        ('"We waited," Rosa Diaz — a nurse from Leeds — said.', {"Rosa Diaz": "person"},
         "Rosa Diaz"),
        ('"We waited" — Rosa Diaz', {"Rosa Diaz": "person"}, "Rosa Diaz"),
        ('The Met Office issued a warning, saying "heavy rain is expected."',
         {"Met Office": "org"}, "Met Office"),
        # Without entities, a sentence opening on "The" and a name is no speaker unless a
        # body's: not the Obama of "The Obama administration's comments".
        ('The Obama administration\'s comments came late, saying voters were "angry."', {}, ""),
    ],
)  # fmt: skip
def test_dashes_and_a_body_that_opens_the_sentence(
    body: str, entities: dict[str, str], expected: str
) -> None:
    [quote] = extract_quotes(body, _entities(body, entities))
    assert quote.speaker == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('Tom Ward\'s rep confirmed the news to E! News, saying "he is getting help."',
         ("Tom Ward’s rep", "anonymous")),
        ('"We are still counting," the official, who declined to be named, said.',
         ("the official", "anonymous")),
    ],
)  # fmt: skip
def test_a_rep_before_a_one_letter_name_and_an_official_not_named(
    body: str, expected: tuple[str, str]
) -> None:
    [quote] = extract_quotes(body, _people(body, "Tom Ward"))
    assert (quote.speaker, quote.speaker_kind) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('"We are ready," said Tom Ward\'s spokesman, Ian Holt.', "Ian Holt"),
        ('"We are ready," Tom Ward\'s spokesman, Ian Holt, said.', "Ian Holt"),
        # Two speakers at once: the first named (tests/test_quotes_news.py)
        ('Ian Holt and Tom Ward issued a joint statement: "We are ready."', "Ian Holt"),
        ('"We are ready," Ian Holt and Tom Ward said in a joint statement.', "Ian Holt"),
    ],
)
def test_a_spokesman_named_after_and_two_speakers_at_once(body: str, expected: str) -> None:
    [quote] = extract_quotes(body, _people(body, "Tom Ward", "Ian Holt"))
    assert quote.speaker == expected


def test_a_person_entity_over_a_comma_is_no_speaker() -> None:
    # The entity model may join two names over a comma ("an interview with People, Reid
    # claimed"): the speaker is the name after the comma, as written.
    body = 'Tara Reid rested. In an interview with People, Reid claimed she was a "social drinker".'
    people = {"Tara Reid": "person", "People, Reid": "person"}
    [quote] = extract_quotes(body, _entities(body, people))
    assert quote.speaker == "Tara Reid"


def test_a_passive_with_its_agent_names_the_speaker_even_after_called() -> None:
    found = speakers("Lee was called “a liar” by President Dan Cole on Monday.")
    assert [(text, speaker) for text, speaker, _ in found] == [("a liar", "Dan Cole")]
    named = speakers("She is known as “the Iron Lady” in Britain.")
    assert [(text, speaker) for text, speaker, _ in named] == [("the Iron Lady", "")]


def test_a_long_run_of_quotes_keeps_its_speaker_and_reads_each_quote_nearby() -> None:
    """Pronouns look back on a bounded window of sentences: a report of many short quotes
    is read quote by quote, not every earlier sentence again for each one."""
    quotes = [f"“We will go on with part {n},” she said." for n in range(300)]
    found = speakers("\n\n".join(["Ann Lee spoke to reporters on Monday.", *quotes]))
    assert len(found) == 300 and {speaker for _, speaker, _ in found} == {"Ann Lee"}


def test_two_quotes_far_apart_do_not_share_an_attribution() -> None:
    narrative = "The crowd waited in the rain for hours. " * 12
    found = speakers(f"“We are ready.” {narrative}“We will win,” said Ann Lee.")
    assert [(text, speaker) for text, speaker, _ in found] == [
        ("We are ready.", ""),
        ("We will win", "Ann Lee"),
    ]


def test_a_relative_clause_after_a_team_is_no_statement(shared_dir: Path) -> None:
    # Review of this round: only a document ("a statement which said") loses its "which"; in
    # quanta-1's 'Hamilton, who popularized the term “software engineering,” later led the team
    # that wrote the software' the term is nobody's words, not the team's
    from kimreader.analysis.entities import extract_entities
    from kimreader.corpus.readers import read_file

    page = shared_dir / "testdata/mozilla-readability/test/test-pages/quanta-1/source.html"
    body = read_file(page).body
    [entities] = extract_entities([body])
    [term] = [q for q in extract_quotes(body, entities) if q.text == "software engineering"]
    assert term.speaker == ""


def test_the_subject_of_a_participle_after_with_speaks(shared_dir: Path) -> None:
    # ECB+ 41_6ecb: 'Pressure to obtain a ceasefire in Gaza has been mounting, with the EU warning
    # Israel it was "destroying" its image': the EU, not the sentence's opening word.
    body = (shared_dir / "testdata/ecbplus/text/41/41_6ecb.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"EU": "org", "Israel": "place", "Gaza": "place"})
    [quote] = [q for q in extract_quotes(body, entities) if q.text == "destroying"]
    assert (quote.speaker, quote.speaker_kind) == ("EU", "body")


def test_a_described_speaker_of_the_other_sex_is_not_the_last_subject() -> None:
    # "the spokeswoman" is not Tom Baker, whom the report calls "he": she stays described.
    body = "Tom Baker visited the pier. He left early.\n\n“We are sad,” the spokeswoman said."
    [quote] = extract_quotes(body, _entities(body, {"Tom Baker": "person"}))
    assert (quote.speaker, quote.speaker_kind) == ("the spokeswoman", "anonymous")
    # Nor Ann Lee, whom it calls "she": a spokeswoman speaks for someone, and nobody was given
    # that role (tests/test_quotes_news.py)
    body = "Ann Lee visited the pier. She left early.\n\n“We are sad,” the spokeswoman said."
    [quote] = extract_quotes(body, _entities(body, {"Ann Lee": "person"}))
    assert (quote.speaker, quote.speaker_kind) == ("the spokeswoman", "anonymous")


def test_a_body_calling_a_thing_so_after_with_speaks_and_insist_is_a_speech_verb(
    shared_dir: Path,
) -> None:
    # ECB+ 41_6ecb: 'The bombing has drawn international condemnation, with the EU calling it
    # "completely unacceptable."'; 41_1ecb: 'Israel continues to insist most of those killed …
    # are … fighters-although its assertion it is going to extraordinary lengths to target only
    # "terrorists" has been undermined'
    body = (shared_dir / "testdata/ecbplus/text/41/41_6ecb.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"EU": "org", "Israel": "place", "Gaza": "place"})
    [quote] = [q for q in extract_quotes(body, entities) if q.text.startswith("completely")]
    assert (quote.speaker, quote.speaker_kind) == ("EU", "body")
    body = (shared_dir / "testdata/ecbplus/text/41/41_1ecb.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Israel": "place", "Gaza": "place"})
    [quote] = [q for q in extract_quotes(body, entities) if q.text == "terrorists"]
    assert quote.speaker == "Israel"


def _page_paragraphs(shared_dir: Path, name: str, *starts: str) -> str:
    """The paragraphs of a mozilla-readability page's expected.html that start with `starts`."""
    import lxml.html

    page = shared_dir / "testdata/mozilla-readability/test/test-pages" / name / "expected.html"
    root = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    texts = [" ".join(p.text_content().split()) for p in root.iter("p")]
    return "\n\n".join(next(t for t in texts if t.startswith(start)) for start in starts)


def test_a_described_subject_is_read_within_its_paragraph_and_from_names_a_document_s_issuer(
    shared_dir: Path,
) -> None:
    # mozilla cnn: '… as they used to' ends the paragraph before 'The report also suggested the
    # U.S. might not be the "jobs machine"': "to" there made "also" part of the speaker
    body = _page_paragraphs(shared_dir, "cnn", "Related: Rich", "The report also suggested")
    [entities] = extract_entities([body])
    [quote] = extract_quotes(body, entities)
    assert (quote.speaker, quote.speaker_kind) == ("The report", "anonymous")
    # mozilla breitbart: 'The tweet from Vulture magazine reads, "#Hamilton Chicago show …"'
    body = _page_paragraphs(shared_dir, "breitbart", "The tweet from Vulture")
    [entities] = extract_entities([body])
    quotes = extract_quotes(body, entities)
    assert [q.speaker for q in quotes if q.text.startswith("#Hamilton")] == ["Vulture"]


def test_the_judge_is_never_the_last_person_named_by_default() -> None:
    # a judge is someone other than the defendant the sentence before is about
    body = "Ana Ruiz was jailed on Monday. “This was a cruel crime,” the judge said."
    [quote] = extract_quotes(body, _entities(body, {"Ana Ruiz": "person"}))
    assert (quote.speaker, quote.speaker_kind) == ("the judge", "anonymous")


def test_as_someone_put_it_after_a_fragment() -> None:
    body = "The talks were “a complete disaster,” as Ana Ruiz put it, and ended early."
    [quote] = extract_quotes(body, _entities(body, {"Ana Ruiz": "person"}))
    assert quote.speaker == "Ana Ruiz"


def test_a_fragment_after_he_is_or_was_is_not_his() -> None:
    # what he is called ("a “rising star”") is someone else's words, not his
    body = "Tom Ward spoke on Monday. Now, he is a “rising star” of the party."
    [quote] = extract_quotes(body, _entities(body, {"Tom Ward": "person"}))
    assert quote.speaker == ""


def test_a_surname_after_another_given_name_is_someone_else() -> None:
    # the entities took every "Ward" for Tom Ward: "Ann Ward" is his wife, "Senator Ward" and
    # "Speaker Ward" him
    body = (
        "Tom Ward won the vote. “We did it,” said his wife Ann Ward.\n\n"
        "“It was close,” said Senator Ward. “We won,” said Speaker Ward."
    )
    mentions = ((0, 8), (54, 58), (90, 94), (119, 123))
    entities = (Entity("Tom Ward", "person", ("Tom Ward",), mentions),)
    speakers = [q.speaker for q in extract_quotes(body, entities)]
    assert speakers == ["Ann Ward", "Tom Ward", "Tom Ward"]


def test_the_subject_of_the_main_clause_after_a_subordinate_one() -> None:
    body = "After Ann Lee left the room, Tom Ward apologised for “a complete disgrace”."
    people = {"Ann Lee": "person", "Tom Ward": "person"}
    [quote] = extract_quotes(body, _entities(body, people))
    assert quote.speaker == "Tom Ward"


@pytest.mark.parametrize("verb", ["quipped", "retorted", "reiterated", "testified"])
def test_verbs_of_speech_after_the_quote(verb: str) -> None:
    body = f"“We will not give up,” {verb} Ana Ruiz, a teacher."
    [quote] = extract_quotes(body, _entities(body, {"Ana Ruiz": "person"}))
    assert quote.speaker == "Ana Ruiz"


def test_two_people_neither_called_he_leave_he_unresolved() -> None:
    # the subject alone is no evidence: "he" may be either
    body = "Tom Ward met Dan Cole in Paris. “We agreed on nothing,” he said."
    people = {"Tom Ward": "person", "Dan Cole": "person"}
    [quote] = extract_quotes(body, _entities(body, people))
    assert quote.speaker == ""


def _quote_in(body: str, entities: tuple[Entity, ...], words: str) -> Quote:
    at = body.index(words)
    [quote] = [q for q in extract_quotes(body, entities) if q.start <= at < q.end]
    return quote


def test_an_aside_between_dashes_is_no_attribution_of_the_quote_after_it(
    shared_dir: Path,
) -> None:
    # ECB+ 1_12ecbplus (fresh9c): 'Prosecutor Terry White told The Post a couple hours after a
    # court hearing — where Lohan’ s lawyer Mark Heller said she was “ensconced in the bosom”
    # of Morningside Recovery in Newport Beach — “I hear she’ s on her way to LAX …”'
    body = (shared_dir / "testdata/ecbplus/text/1/1_12ecbplus.txt").read_text(encoding="utf-8")
    people = {"Terry White": "person", "Mark Heller": "person", "Lohan": "person"}
    entities = _entities(body, people)
    assert _quote_in(body, entities, "I hear she").speaker == "Terry White"
    assert _quote_in(body, entities, "ensconced in the bosom").speaker == "Mark Heller"
    # An aside before the verb is the subject's own: the name set off by dashes speaks (no
    # development text has the shape; the blanking took every aside and left "Her lawyer")
    for body in (
        "Her lawyer – Mark Heller – told reporters “She is doing well.”",
        "Her lawyer — Mark Heller — said: “She is doing well.”",
    ):
        entities = _entities(body, {"Mark Heller": "person"})
        assert _quote_in(body, entities, "She is doing well").speaker == "Mark Heller"


def test_a_name_then_quoted_as_saying_or_a_role_without_its_comma_speaks(
    shared_dir: Path,
) -> None:
    # ECB+ 41_6ecb (fresh9c): '"I am very sure …," Gabriela Shalev, Israel's ambassador to the UN,
    # was quoted as saying by Reuters.'
    body = (shared_dir / "testdata/ecbplus/text/41/41_6ecb.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Gabriela Shalev": "person", "Reuters": "org"})
    assert _quote_in(body, entities, "I am very sure").speaker == "Gabriela Shalev"
    # ECB+ 41_8ecb: '"I saw a lot of women and children wheeled in," Fares Ghanem, a hospital
    # official told the Associated Press.' and the quote paragraph after it
    body = (shared_dir / "testdata/ecbplus/text/41/41_8ecb.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Fares Ghanem": "person", "Associated Press": "org"})
    assert _quote_in(body, entities, "I saw a lot of women").speaker == "Fares Ghanem"
    assert _quote_in(body, entities, "A lot of the wounded").speaker == "Fares Ghanem"


def test_an_honorific_and_the_surname_of_one_person_named_in_full_is_that_person(
    shared_dir: Path,
) -> None:
    # ECB+ 41_6ecb (fresh9c): 'The UN's Mr Gunness disagreed with the minister:' and five quote
    # paragraphs after it; the entity model gives "Christopher Gunness" but not that "Mr Gunness"
    body = (shared_dir / "testdata/ecbplus/text/41/41_6ecb.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Christopher Gunness": "person", "Livni": "person"})
    for words in ("There is a humanitarian crisis already", "During the period of relative"):
        assert _quote_in(body, entities, words).speaker == "Christopher Gunness"
    # Not when two people have that surname: "Mr Lee" is neither
    body = "Ann Lee and Tom Lee spoke. Mr Lee was asked:\n\n“We go home.”"
    entities = _entities(body, {"Ann Lee": "person", "Tom Lee": "person"})
    assert _quote_in(body, entities, "We go home").speaker == ""


def test_a_possessive_description_before_the_name_after_said(shared_dir: Path) -> None:
    # ECB+ 37_3ecb (fresh9c): '"I'm half-dead in my tent.\n\nI want to go home but I'm scared of a
    # tsunami," said fisherman's wife Mapahai, 35, who fled with her husband and six children.'
    body = (shared_dir / "testdata/ecbplus/text/37/37_3ecb.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Mapahai": "person"})
    assert _quote_in(body, entities, "I want to go home but").speaker == "Mapahai"
    assert _quote_in(body, entities, "half-dead in my tent").speaker == "Mapahai"


def test_said_a_description_then_a_name_is_the_name_with_that_role(shared_dir: Path) -> None:
    # ECB+ 41_6ecbplus (fresh9c): '"We don't have any intention to go to war again, …," said a
    # Sudanese government spokesman, Rabie A. Atti.' (the attribution stopped at "a Sudanese")
    body = (shared_dir / "testdata/ecbplus/text/41/41_6ecbplus.txt").read_text(encoding="utf-8")
    entities = _entities(body, {"Rabie A. Atti": "person"})
    quote = _quote_in(body, entities, "have any intention to go to war")
    assert (quote.speaker, quote.role) == ("Rabie A. Atti", "a Sudanese government spokesman")
    # A day after the comma is no name (it was the speaker: "Monday")
    body = "“We will grow,” said the company’s chief executive, Monday."
    assert _quote_in(body, _people(body, "Jane Roe"), "We will grow").speaker == ""


def test_according_to_a_named_body_or_a_name_and_role_after_the_quote(shared_dir: Path) -> None:
    # mozilla guardian-1: '… but “sickness, navigational error, …” are all thought to contribute,
    # according to the New Zealand Department of Conservation.' (only a bare source was read)
    body = _page_paragraphs(shared_dir, "guardian-1", "Concrete information on why whales")
    entities = _entities(body, {"New Zealand Department of Conservation": "org"})
    quote = _quote_in(body, entities, "navigational error")
    assert (quote.speaker, quote.speaker_kind) == ("New Zealand Department of Conservation", "body")
    body = "Prices rose in a “sharp and painful increase”, according to Ann Lee, an economist."
    quote = _quote_in(body, _people(body, "Ann Lee"), "sharp and painful")
    assert (quote.speaker, quote.role) == ("Ann Lee", "an economist")


@pytest.mark.parametrize(
    ("body", "people", "expected"),
    [
        # a surname with a particle and a name with a suffix (names.surname, canonical_key)
        # (as "The UN's Mr Gunness disagreed with the minister:" of ECB+ 41_6ecb)
        ("Omar al-Bashir met Ann Lee. Sudan's Mr al-Bashir disagreed with the minister:\n\n"
         "“We will not yield.”", ("Omar al-Bashir", "Ann Lee"), "Omar al-Bashir"),
        ("Martin Luther King Jr. met Ann Lee. The pastor's Dr King disagreed with the minister:"
         "\n\n“We will not yield.”", ("Martin Luther King Jr.", "Ann Lee"),
         "Martin Luther King Jr."),
        # "Dr. Tristan Smith" is no "Dr. Tristan" (not Ann Tristan, whom the model knows)
        ("Ann Tristan chairs the panel. Dr. Tristan Smith told it:\n\n“We will not yield.”",
         ("Ann Tristan",), "Tristan Smith"),
    ],
)  # fmt: skip
def test_an_honorific_and_a_surname_read_as_names_reads_them(
    body: str, people: tuple[str, ...], expected: str
) -> None:
    assert _quote_in(body, _people(body, *people), "We will not yield").speaker == expected


@pytest.mark.parametrize(
    "body",
    [
        # an interview's answer: the one answering says "I", and no name is written
        'And I started crying and I said, "You are not listening to me."',
        # a sentence adverb taken for the subject
        'That said, the company is working on some "low-cost programs" for its users.',
        'Because warm water rises, says the study, it forms an "upside-down river" there.',
    ],
)
def test_a_first_person_pronoun_or_a_function_word_is_no_speaker(body: str) -> None:
    assert [s for _t, s, _f in speakers(body)] == [""]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a thing that says the words, named by no one: as the report describes it
        ('The 14th Amendment states: "all persons born here are citizens."',
         ("The 14th Amendment", "anonymous")),
        ('"We will all meet up at the gate," the event description read.',
         ("the event description", "anonymous")),
        # but words a thing bears are nobody's, as "signs which read"
        ('The sign read, "Closed for good."', ("", "")),
        # a role the report gave a person: that person, not the description
        ('Ann Lee, the trade commissioner, announced the deal on Monday. The commissioner said, '
         '"We have agreed."', ("Ann Lee", "person")),
        # "say" of a plural subject, and after a modal
        ('Residents say the water is "undrinkable".', ("Residents", "anonymous")),
        ('When we asked for money, the family would say, "Why do you need it?"',
         ("the family", "body")),
    ],
)  # fmt: skip
def test_a_described_speaker_of_a_verb_of_saying(body: str, expected: tuple[str, str]) -> None:
    people = ("Ann Lee",) if "Ann Lee" in body else ()
    [quote] = extract_quotes(body, _people(body, *people))
    assert (quote.speaker, quote.speaker_kind) == expected


def test_a_first_person_pronoun_after_an_opening_word_is_no_speaker() -> None:
    body = 'So I would say to them, "What do you mean by that?"'
    assert [s for _t, s, _f in speakers(body)] == [""]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the honorific the report writes before her surname tells who "he" is not
        ('Kim Lee met Tom Ward on Monday.\n\n"It went well," he said. Ms Lee did not comment.',
         "Tom Ward"),
    ],
)  # fmt: skip
def test_he_or_she_by_an_honorific(body: str, expected: str) -> None:
    quotes = extract_quotes(body, _people(body, "Kim Lee", "Tom Ward"))
    assert quotes[-1].speaker == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('Ann Lee left the band in May. "I wanted a quieter life."', "Ann Lee"),
        ('Ann Lee spoke on Friday.\n\nUnderwhelmed with her role, she left the series. "This is '
         'not what I wanted."', "Ann Lee"),
        # words not in the first person may be anyone's, or the report's
        ('Ann Lee left the band in May. "The band was never the same."', ""),
    ],
)  # fmt: skip
def test_a_quote_in_the_first_person_after_a_sentence_about_one_person(
    body: str, expected: str
) -> None:
    [quote] = extract_quotes(body, _people(body, "Ann Lee"))
    assert quote.speaker == expected


@pytest.mark.parametrize(
    ("lemmas", "forms"),
    [
        ("say", ["said", "says"]),
        ("point_out", ["pointed out", "points out"]),
        ("emphasise", ["emphasised", "emphasises", "emphasized", "emphasizes"]),
        ("testify", ["testified", "testifies"]),
        ("quip beg", ["quipped", "quips", "begged", "begs"]),
        # a third person that is a noun as often ("rules") is left out
        ("-rule", ["ruled"]),
    ],
)
def test_a_speech_verb_lemma_gives_every_form(lemmas: str, forms: list[str]) -> None:
    assert speech_forms(lemmas) == forms


@pytest.mark.parametrize(
    "verb",
    ["pointed out", "points out", "emphasized", "emphasised", "testified", "conceded", "quipped",
     "cautioned", "countered", "ruled", "pledged", "went on", "informed reporters"],
)  # fmt: skip
def test_every_speech_verb_after_a_quote_attributes_it(verb: str) -> None:
    body = f"Tom Ward spoke first.\n\n“We will talk,” Ana Ruiz {verb}."
    [quote] = extract_quotes(body, _people(body, "Ana Ruiz", "Tom Ward"))
    assert quote.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    "verb", ["characterized the call with Tom Ward as", "characterised the call with Tom Ward as"]
)
def test_a_speech_verb_before_a_quote_gives_its_subject(verb: str) -> None:
    body = f"In a letter to Tom Ward, Ana Ruiz {verb} that it was “a mistake.”"
    [quote] = extract_quotes(body, _people(body, "Ana Ruiz", "Tom Ward"))
    assert quote.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "comments" here is a noun, the Herald's page no speaker
        ("Ana Ruiz reflects this view in Herald comments:\n\n“It is our position.”", "Ana Ruiz"),
        # "continued" says words only after a quote ("“…,” she continued")
        ("Ana Ruiz spoke in May.\n\nUnrest continued in Paris. “Law and order” was a theme.", ""),
    ],
)  # fmt: skip
def test_a_speech_verb_that_is_a_noun_or_says_nothing_before_a_quote(
    body: str, expected: str
) -> None:
    [quote] = extract_quotes(body, _entities(body, {"Ana Ruiz": "person", "Paris": "place",
                                                     "Herald": "org"}))  # fmt: skip
    assert quote.speaker == expected


def test_a_place_after_a_comma_in_a_name_is_no_subject() -> None:
    # "X of the University of California, Los Angeles disagreed": the place is the university's
    body = "Ana Ruiz of the University of California, Los Angeles said: “It is unlikely.”"
    entities = _entities(body, {"Ana Ruiz": "person", "Los Angeles": "place"})
    [quote] = extract_quotes(body, entities)
    assert quote.speaker == "Ana Ruiz"


def test_a_sentence_quoted_whole_then_its_speaker_and_verb_needs_no_comma() -> None:
    # Written for the case (no development text shows it; seen on the review pool): a whole
    # sentence in marks with no comma, then who said it and the verb
    body = (
        "The ship was last seen on Monday. “It is possible that the radio had been switched off "
        "by the crew” Ana Ruiz told reporters yesterday."
    )
    assert [s for _t, s, _f in speakers(body)] == ["Ana Ruiz"]


def test_according_to_after_a_quote_is_a_source_only_for_a_sentence_without_a_speaker() -> None:
    # Written for the case (no development text shows it; seen on the review pool): a speaker
    # with her verb before the quote keeps her words when the sentence ends "according to" a
    # medium; a fragment without a speech verb is the source's, comma or none
    body = (
        "Ana Ruiz called the plan a “breach of trust,” according to NBC.\n\n"
        "Tom Ward suffered “two broken ribs” in the crash according to a hospital spokesperson."
    )
    assert [s for _t, s, _f in speakers(body)] == ["Ana Ruiz", "a hospital spokesperson"]


def test_she_after_a_sentence_about_one_of_a_group_is_that_one_unnamed() -> None:
    # Written for the case (no development text shows it; seen on the review pool): "she" is
    # the witness the sentence before is about, not the prosecutor named further back
    body = (
        "Prosecutor Tom Ward said the men were “cruel and careless”.\n\n"
        "One of the witnesses chose to speak in public. She said she did it so that others would "
        "know “there is no shame in this”."
    )
    assert [s for _t, s, _f in speakers(body)][1] == "One of the witnesses"


def test_one_of_a_group_named_in_apposition_is_the_one_named() -> None:
    # Written for the case (no development text shows it; seen on the review pool)
    body = (
        "Several unions had backed the strike. One of these unions, the National Union of "
        "Teachers (NUT), opposed the deal and said it had been given “promises that no school "
        "would close.”"
    )
    [entities] = extract_entities([body])
    [quote] = extract_quotes(body, entities)
    assert (quote.speaker, quote.speaker_kind) == ("National Union of Teachers", "body")


def test_a_body_in_a_place_speaks_not_the_place() -> None:
    # Written for the case (no development text shows it; seen on the review pool)
    body = (
        "Ana Ruiz, a former minister of Kerala, India, died on Monday. The Communist Party of "
        "India in Kerala, in its statement, said she was a “tireless worker”."
    )
    [entities] = extract_entities([body])
    [quote] = extract_quotes(body, entities)
    assert (quote.speaker, quote.speaker_kind) == ("Communist Party of India", "body")


def test_the_title_opening_a_sentence_with_saying_is_the_one_so_titled() -> None:
    # Written for the case (no development text shows it; seen on the review pool)
    body = (
        "On Wednesday Governor Ana Ruiz signed the bill into law.\n\n"
        "The governor posted her reasons online saying, “I signed this law for every family in "
        "the state.”"
    )
    [entities] = extract_entities([body])
    [quote] = extract_quotes(body, entities)
    assert quote.speaker == "Ana Ruiz"


def test_criticized_is_a_verb_of_saying() -> None:
    # Written for the case (no development text shows it; seen on the review pool): the quote
    # after a sentence whose subject criticized something is theirs
    body = (
        "The council approved the plan on Monday. Ana Ruiz, who was the city's envoy until "
        "May, also criticized the decision on Twitter. “The plan shows a complete lack of "
        "understanding of the city.”"
    )
    [entities] = extract_entities([body])
    [quote] = extract_quotes(body, entities)
    assert quote.speaker == "Ana Ruiz"


def test_a_surname_the_report_keeps_using_alone_is_its_subject_s_not_a_relatives() -> None:
    # Written for the case (no text in the repository shows it): in an unseen ECB+ report (the
    # fourteenth round's fresh12c), a player's thirty quotes went to his father, the coach, named
    # in full once before them, and on untuned Wikinews "Biden argued" went to Hunter Biden.
    # "McDermott" alone, used again and again for the son, is still the son after the father's
    # full name; an attribution right after a full name stays that person's ("Kim" below).
    body = (
        "Creighton's Doug Ridley returns for a senior season.\n\n"
        "Shortly before practice, Ridley had told his father, Creighton coach Greg Ridley, that he "
        "intended to return.\n\n"
        "Later that night, Ridley let the news slip to a couple of teammates.\n\n"
        "“That is a lot of money I am passing up,” Ridley told reporters Thursday.\n\n"
        "“My heart has been telling me all along to stay,” Ridley said.\n\n"
        "Kim Jong Un visited Beijing. “It is a show of strength,” said Kim Byung-yeon, a "
        "professor. “The talks will go on,” Kim said."
    )
    [entities] = extract_entities([body])
    speakers = [q.speaker for q in extract_quotes(body, entities)]
    assert speakers == ["Doug Ridley", "Doug Ridley", "Kim Byung-yeon", "Kim Byung-yeon"]


def test_she_stands_for_no_place_the_report_names() -> None:
    # Written for the case (no text in the repository shows it; seen in an unseen ECB+ report
    # after its scoring): a report without person entities gave a spokeswoman's words to the
    # street the sentence before named. A wrong speaker is worse than none.
    body = (
        "A large fire has destroyed a Tesco store in Epsom.\n\n"
        "Fire crews were called to the Market Street premises shortly before 10pm on Saturday "
        "after a passer-by saw smoke.\n\n"
        "Forty people had to leave their homes, but they had all been allowed back by Sunday "
        "evening.\n\n"
        "A police spokeswoman said nearby shops suffered broken windows.\n\n"
        "Roads around the area, including Epsom Market Street itself, were closed for hours, but "
        "the spokeswoman said they were all open again by 5pm on Sunday.\n\n"
        'She added: "Our focus today has been the safety of the public and a return to normal."'
    )
    [entities] = extract_entities([body])
    [quote] = extract_quotes(body, entities)
    assert quote.speaker not in ("Epsom Market Street", "Market Street")


def test_a_neighbour_speaks_unnamed_and_goes_on_in_the_paragraphs_wholly_in_quotes() -> None:
    # Text written for the case (no repository text shows it): a described speaker set off by a
    # relative clause, then two paragraphs wholly in quote marks that continue that speaker.
    body = (
        "Fire crews were called to a house in Elm Road on Tuesday night.\n\n"
        'A neighbour, who did not want to be named, said: "I heard a bang and saw smoke."\n\n'
        '"Everyone ran out into the street."\n\n'
        '"It was terrifying, we did not know if anyone was still inside."'
    )
    quotes = extract_quotes(body)
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [("A neighbour", "anonymous")] * 3


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Two people died in the fire, which police have said they are treating as "
            '"potentially suspicious."',
            "police",
        ),
        ("Crews fought the blaze, which officers say was “started deliberately”.", "officers"),
    ],
)
def test_a_relative_pronoun_is_no_part_of_a_group_speaking(body: str, speaker: str) -> None:
    # Text written for the case (no repository text shows it): "which police", not a speaker.
    [quote] = extract_quotes(body)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    "second",
    [
        'Another neighbour said: "They were a quiet family."',
        '"They were a quiet family," said another neighbour.',
    ],
)
def test_another_neighbour_is_a_second_unnamed_speaker_carried_on(second: str) -> None:
    # Text written for the case (no repository text shows it): "Another neighbour" speaks
    # unnamed, and the paragraph wholly in quotes after it is theirs, not the first neighbour's.
    body = (
        'Fire crews came to Elm Road.\n\nA neighbour said: "I heard a bang."\n\n'
        f'"Everyone ran out."\n\n{second}\n\n"We never had any trouble."'
    )
    assert [q.speaker.lower() for q in extract_quotes(body)] == ["a neighbour"] * 2 + [
        "another neighbour"
    ] * 2
    assert {q.speaker_kind for q in extract_quotes(body)} == {"anonymous"}


def test_the_friend_is_the_unnamed_friend_quoted_just_before() -> None:
    # Text written for the case (no repository text shows it): "The friend added" goes on with
    # "a friend of the family"; after another speaker between, "the neighbour" is still the one
    # neighbour quoted before (fresh12c's Cumbria report: "The friend said" after a neighbour's
    # quotes is the close friend quoted before them), but no one when two were.
    body = (
        'Fire crews came to Elm Road.\n\nA friend of the family said: "I heard a bang."\n\n'
        'The friend added: "They were a quiet family."\n\n"We never had any trouble."\n\n'
        '"They were quiet," said a neighbour.\n\nPolice said: "We are looking into it."\n\n'
        '"No trouble," the neighbour added.'
    )
    assert [q.speaker for q in extract_quotes(body)] == ["A friend of the family"] * 3 + [
        "a neighbour",
        "Police",
        "a neighbour",
    ]
    two = body.replace("Police said:", 'Another neighbour said: "Nothing."\n\nPolice said:')
    assert [q.speaker for q in extract_quotes(two)][-1] == ""


@pytest.mark.parametrize(
    "clause", ["who did not want to be named", "who asked not to be identified"]
)
def test_a_woman_who_would_not_be_named_speaks_unnamed_on_and_on(clause: str) -> None:
    # Text written for the case (no repository text shows it): the relative clause, not a role,
    # says she is unnamed; the paragraphs wholly in quotes after hers are hers.
    body = (
        f'Fire crews came to Elm Road.\n\nA woman, {clause}, said: "I heard a bang."\n\n'
        '"Everyone ran out."\n\n"It was terrifying."'
    )
    quotes = extract_quotes(body)
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [("A woman", "anonymous")] * 3


def test_one_neighbour_is_an_unnamed_speaker_carried_on() -> None:
    # Text written for the case (no repository text shows it); "One of the children" stays a
    # part of a group.
    body = (
        'Fire crews came to Elm Road.\n\nOne neighbour told the BBC: "I heard a bang."\n\n'
        '"Everyone ran out."\n\nOne of the children said: "It was loud."'
    )
    assert [(q.speaker, q.speaker_kind) for q in extract_quotes(body)] == [
        ("One neighbour", "anonymous"),
        ("One neighbour", "anonymous"),
        ("One of the children", "anonymous"),
    ]


def test_a_who_clause_without_commas_is_skipped_to_its_subject() -> None:
    # Text written for the case (no repository text shows it): "A neighbour who did not want
    # to be named said" is the neighbour's, and the next paragraph wholly in quotes too.
    body = (
        "Fire crews came to Elm Road.\n\nA neighbour who did not want to be named said: "
        '"I heard a bang."\n\n"Everyone ran out."'
    )
    assert [q.speaker for q in extract_quotes(body)] == ["A neighbour"] * 2


def test_a_role_and_the_body_it_serves_between_commas_after_the_name() -> None:
    # Written for the case (no repository text shows it; an ECB+ report of the review pool
    # does): the role was read as the speaker ('Chief Public Relations Officer').
    body = (
        "The warship challenged the boats.\n\n"
        "“The pirate skiffs reversed course and tried to flee the area,” Captain Manohar"
        " Nambiar, Chief Public Relations Officer, Defence, said."
    )
    people = _entities(body, {"Manohar Nambiar": "person", "Defence": "org"})
    [quote] = extract_quotes(body, people)
    assert quote.speaker == "Manohar Nambiar"


def test_a_title_abbreviated_before_the_name_after_a_role() -> None:
    # Written for the case (no repository text shows it; fresh13's Saddam report does): "Rep."
    # ended the role, and 'Rep' was the speaker.
    body = (
        "“We all knew that Saddam was doing everything in his power to evade sanctions,” said"
        " the panel’s top Democrat, Rep. Tom Lantos of California. “But it is truly"
        " infuriating.”"
    )
    people = _entities(body, {"Tom Lantos": "person", "Saddam": "person"})
    assert [q.speaker for q in extract_quotes(body, people)] == ["Tom Lantos", "Tom Lantos"]


def test_a_name_before_the_role_of_the_one_named_next_does_not_act() -> None:
    # Written for the case (no repository text shows it; a development ECB+ pair, fresh12c's
    # Mark Felt report, does): 'Nixon' was the subject who called it so.
    body = (
        "Richard M. Nixon resigned in 1974.\n\n"
        "Nixon press secretary Ron Ziegler dismissed the incident as “a third-rate burglary,”"
        " but details gradually tumbled out."
    )
    people = _entities(
        body, {"Richard M. Nixon": "person", "Nixon": "person", "Ron Ziegler": "person"}
    )
    [quote] = extract_quotes(body, people)
    assert quote.speaker == "Ron Ziegler"


def test_the_described_speaker_again_after_another_one_spoke() -> None:
    # Written for the case (no repository text shows it; a development ECB+ pair, fresh12c's
    # Cumbria report, does): "The friend said" after a neighbour's quotes is the close friend
    # quoted before them, and so is "She added" then; they went to nobody and to Alice McMeekin.
    body = (
        "Alice McMeekin, 58, was found dead on Saturday.\n\n"
        "A close friend of the dead mum said: “I can't believe it.”\n\n"
        "Another neighbour added: “She went down to Wales to give her kids a better life.”\n\n"
        "Security worker Alice had recently taken in a collie dog.\n\n"
        "The friend said she was “bubbly” when she saw her on Friday.\n\n"
        "She added: “We were chatting for about half an hour.”"
    )
    people = _entities(body, {"Alice McMeekin": "person", "Alice": "person"})
    assert [q.speaker for q in extract_quotes(body, people)] == [
        "A close friend of the dead mum",
        "Another neighbour",
        "A close friend of the dead mum",
        "A close friend of the dead mum",
    ]


def test_friends_of_a_person_speak_not_the_person() -> None:
    # Written for the case (no repository text shows it; a development ECB+ pair, fresh12c's
    # Cumbria report, does): the student was given her friends' words about her.
    body = (
        "Kathryn Jenkin, 20, was a student in Cardiff.\n\n"
        "Friends of Kathryn Jenkin, known as Katie, have described her as a “bright and"
        " much-liked student.”"
    )
    people = _entities(body, {"Kathryn Jenkin": "person", "Katie": "person"})
    [quote] = extract_quotes(body, people)
    assert quote.speaker not in ("Kathryn Jenkin", "Katie")


def test_he_is_not_a_man_named_in_a_clause_after_the_main_one() -> None:
    # Written for the case (no repository text shows it; fresh13's Ballmer column does): "he
    # said" after "It's reminiscent of 1996, when Microsoft Chairman Bill Gates ordered …" went
    # to Gates, of a clause after the main one whose subject is "it".
    body = (
        "Steve Ballmer spoke in Troy on Wednesday.\n\n"
        "The talk was geared at corporate types.\n\n"
        "It's reminiscent of 1996, when Microsoft Chairman Bill Gates ordered the company to"
        " make everything revolve around the Net.\n\n"
        "In our conversation, he made it clear that Microsoft has big designs on the Net.\n\n"
        "So far this fall, Microsoft has launched a music service.\n\n"
        '"Blogging is huge," he said.'
    )
    people = _entities(body, {"Steve Ballmer": "person", "Bill Gates": "person"})
    [quote] = extract_quotes(body, people)
    assert quote.speaker != "Bill Gates"
    # the clause's person is the sentence's subject when it opens it
    opening = body.replace("It's reminiscent of 1996, when", "In 1996,")
    assert extract_quotes(opening, _entities(opening, {"Bill Gates": "person"}))[0].speaker == (
        "Bill Gates"
    )


def test_a_described_speaker_after_the_verb_ends_at_its_head() -> None:
    # Written for the cases (no repository text shows them; ECB+ reports of the review pool
    # do): "the Navy chief" is no body 'Navy', "the 29-year-old on the eve of …" ends at its
    # head, and a source "in Sao Paulo" is still the sentence's source.
    body = (
        "The Indian Navy captured 23 pirates on Saturday.\n\n"
        '"We acted in self-defence," said the Navy chief.\n\n'
        '"I actually have goosebumps," said the 29-year-old on the eve of the South African Open.'
        '\n\nMr Hu was "all smiles" as he emerged from talks, according to the BBC\'s Tom Gibb in'
        " Sao Paulo."
    )
    people = _entities(body, {"Indian Navy": "org", "Hu": "person", "Tom Gibb": "person"})
    assert [(q.speaker, q.speaker_kind) for q in extract_quotes(body, people)] == [
        ("the Navy chief", "anonymous"),
        ("the 29-year-old", "anonymous"),
        ("Tom Gibb", "person"),
    ]


def test_a_later_pronoun_of_a_sentence_tells_nothing_of_the_one_named() -> None:
    # Written for the case (no repository text shows it; an ECB+ report of the review pool
    # does): "Dominic Mangoni, …, said he asked how she felt" called him "he" once and "she"
    # once, so "she said" could stand for him; the first pronoun after a name is theirs.
    body = (
        "Yvonne Hiller admitted the shootings in her statement.\n\n"
        "Homicide Detective Dominic Mangoni, testifying Tuesday at Hiller's preliminary hearing,"
        " said he asked how she felt just hours after the shootings.\n\n"
        '"I don\'t feel anything," she said, according to the statement.'
    )
    people = _entities(body, {"Yvonne Hiller": "person", "Dominic Mangoni": "person"})
    [quote] = extract_quotes(body, people)
    assert quote.speaker != "Dominic Mangoni"


def test_a_pronoun_whose_walk_back_leaves_its_reach_gets_nobody_not_a_crash() -> None:
    """Ginger Baker's report laid out a paragraph a line, before its entities are extracted
    (a comparison does so): "she …" sentences walked back past the pronoun's window, and
    looking up the sentence found there raised StopIteration out of extract_quotes."""
    from conftest import scraped_body

    body = scraped_body("influential-rock-drummer-ginger-baker-dies-at-age-80")
    quotes = extract_quotes(body, [])
    assert quotes and all(body[q.start : q.end] == q.text for q in quotes)


def test_a_role_in_lower_case_of_a_named_body_then_the_name_speaks_as_the_name() -> None:
    # NewsWCL50 (fresh16 wcl6): the role, the body it leads and a noun, then the name and "said"
    body = (
        '"This is not ideal for us to have this many people, this much publicity," leader of'
        " the Pueblo Sin Fronteras caravan Irineo Mujica said."
    )
    [(_text, speaker, _full)] = speakers(body)
    assert speaker == "Irineo Mujica"
