"""Quote marks written wrongly in scraped news text, read as a careful reader reads them."""

from __future__ import annotations

from pathlib import Path

from kimreader.analysis.quote_marks import quote_spans, with_single_marks, with_typed_marks
from kimreader.analysis.quotes import extract_quotes


def test_two_apostrophes_close_a_straight_double_mark(shared_dir: Path) -> None:
    # ECB+ 1_1ecb: 'who starred in "American Pie" and appeared on U.S. TV show "Scrubs,'' has
    # entered the Promises Treatment Center …': the paragraph's straight marks are odd and the
    # two apostrophes come while "Scrubs, is open: they close it. Read as written, the mark
    # opened a quote running to the paragraph's end, given to Tara Reid.
    body = (shared_dir / "testdata/ecbplus/text/1/1_1ecb.txt").read_text(encoding="utf-8")
    marked = with_single_marks(body)
    assert len(marked) == len(body)
    assert [span.text for span in quote_spans(marked)][:2] == ["American Pie", "Scrubs,"]
    assert not any("Promises" in quote.text for quote in extract_quotes(body))
    # ECB+ 37_10ecbplus: 'the Pacific "Ring of Fire'' where tectonic plates collide, …'
    body = (shared_dir / "testdata/ecbplus/text/37/37_10ecbplus.txt").read_text(encoding="utf-8")
    assert not any("tectonic" in quote.text for quote in extract_quotes(body))
    assert "Ring of Fire" in [span.text for span in quote_spans(with_single_marks(body))]


def test_two_apostrophes_are_left_alone_where_the_marks_pair_up() -> None:
    # Even straight marks, or no quote open before them: nothing to close.
    for text in (
        "He said \"yes,\" and the word ''maybe'' came later.",
        "The ''Iron Lady'' spoke.",
        "She said \"no.\" The ''Iron Lady'' spoke. \"We won",
    ):
        assert "''" in text
        assert with_single_marks(text) == text
    # The pair closes as a typed closing mark does (one shape, _TYPED_CLOSE): not a height, even
    # while a straight mark is open
    assert with_single_marks("\"He is 6'2'' tall, she said.") == "\"He is 6'2'' tall, she said."


def test_double_marks_typed_as_two_characters_open_and_close_quotes() -> None:
    # Written for the case (no repository text shows it; wire copy on scraped pages of 2004
    # does): "``…''" and "''…''" for double marks. Read as written, they held no quote.
    body = (
        "Hamas may run a candidate. ``When he decides, we will support him,'' said Ahmed"
        " Ghneim, a Fatah leader.\n''It had been our hope,'' Gen. John Abizaid said."
    )
    assert len(with_typed_marks(body)) == len(body)
    found = extract_quotes(body)
    assert [(q.text, q.speaker) for q in found] == [
        ("When he decides, we will support him", "Ahmed Ghneim"),
        ("It had been our hope", "John Abizaid"),
    ]
    assert all(body[q.start : q.end] == q.text for q in found)
    # Not two apostrophes that close nothing opened so, nor a height
    for text in ("He is 6'2'' tall.", "The word ''maybe came later."):
        assert with_typed_marks(text) == text
    assert with_typed_marks("``Run it'' at 5'10''") == " \"Run it\"  at 5'10''"


def test_two_apostrophes_opening_a_quote_closed_by_a_straight_mark() -> None:
    # Written for the case (no repository text shows it; ECB+ reports of the review pool do,
    # their curly opening marks turned into two apostrophes): every quote of those reports was
    # read from a closing mark to the next opening one, and no speaker found.
    body = (
        "The Colts won on Sunday.\n\n"
        "''We wanted to get that done.\n\n"
        'That was the opportune time to do it," Reggie Wayne said.\n\n'
        "''It was fun today,\" Jamaal Charles said."
    )
    assert len(with_typed_marks(body)) == len(body)
    found = extract_quotes(body)
    assert [(q.text, q.speaker) for q in found] == [
        ("We wanted to get that done.", "Reggie Wayne"),
        ("That was the opportune time to do it", "Reggie Wayne"),
        ("It was fun today", "Jamaal Charles"),
    ]
    # not without a straight mark closing after it
    assert with_typed_marks("The word ''maybe came later.") == "The word ''maybe came later."


def test_single_marks_with_a_described_speaker_after_them() -> None:
    # Written for the case (a government release in the review pool quotes so): "‘…,’ a
    # Department spokesperson said." quotes speech with single marks.
    body = "‘People should call the hotline on 1300,’ a Department spokesperson said."
    [quote] = extract_quotes(body)
    assert (quote.text, quote.speaker) == (
        "People should call the hotline on 1300",
        "a Department spokesperson",
    )


def test_a_term_quoted_inside_a_quote_with_the_same_straight_marks() -> None:
    # Written for the case (no development text shows it; one review-pool article does): the
    # quote holds a term in the same straight marks. Read in pairs, the marks closed the quote
    # at "The" and reopened it at " is not", cutting it in two and leaving the term outside.
    body = (
        'The envoy also criticized the plan online. "The statement shows no grasp of the war. '
        'The "coalition" is not holding any prisoners. They are all held by the militia." '
        'He later wrote, "Not one of them was lost."'
    )
    assert [span.text for span in quote_spans(body)] == [
        'The statement shows no grasp of the war. The "coalition" is not holding any prisoners. '
        "They are all held by the militia.",
        "Not one of them was lost.",
    ]
    assert [span.text for span in quote_spans('“The "coalition" holds none,” he said.')] == [
        'The "coalition" holds none,'
    ]
    two = '"She called it "nonsense" and "rubbish" twice," he said.'
    assert [span.text for span in quote_spans(two)] == [
        'She called it "nonsense" and "rubbish" twice,'
    ]


def test_straight_marks_that_only_look_nested_pair_as_written() -> None:
    for text, spans in (
        # A slip (a space before the closing mark): the marks are odd; nothing is nested.
        (
            '"My client is in the clinic right now, "her lawyer argued after the hearing."',
            ["My client is in the clinic right now, "],
        ),
        # Two terms quoted one after the other.
        ('He called it "great" and "good".', ["great", "good"]),
        # No words after the "term" before the next mark: no term inside a quote.
        ('"We will win. She called it "nonsense" "for sure', ["We will win. She called it "]),
        # A sentence ends inside the marks: no term.
        ('"We are ready. "They lost. We won" and then "it ended."', None),
    ):
        found = [span.text for span in quote_spans(text)]
        if spans is not None:
            assert found == spans
        assert not any('"' in span for span in found)


def test_an_opening_curly_mark_typed_where_the_quote_closes() -> None:
    # Written for the case (no repository text shows it): '“…,“ Ryan told reporters' closes the
    # quote with an opening mark's shape; read as written, the quote ran on over the attribution
    body = "Ryan met reporters on Tuesday.\n\n“It is a good plan,“ Ryan told reporters.\n\nNo vote."
    typed = with_typed_marks(body)
    assert len(typed) == len(body)
    assert [(q.text, q.speaker) for q in extract_quotes(body)] == [("It is a good plan", "Ryan")]
    # an opening mark at a word's start stays one
    assert with_typed_marks("He said “yes” today.") == "He said “yes” today."


def test_typed_marks_spaced_off_their_words_as_a_tokenised_text_writes_them() -> None:
    # Written for the case (the MEANTIME review pool's Wikinews texts are written so, a sentence
    # a paragraph): "said in an interview `` Everyone told us … chance.\n\nBut we … run. ''"
    body = (
        "Northrop Grumman CEO Ron Sugar said in an interview `` Everyone told us we were crazy, "
        "that we had no chance.\n\nBut we took a big swing and in this case, we hit a home run. ''"
        "\n\nThe Air Force chose the tanker."
    )
    typed = with_typed_marks(body)
    assert len(typed) == len(body)
    quotes = extract_quotes(body)
    assert [q.text for q in quotes] == [
        "Everyone told us we were crazy, that we had no chance.",
        "But we took a big swing and in this case, we hit a home run.",
    ]
    # no closing pair after the opening one: backticks left as written
    assert with_typed_marks("Run `` ls -l'' to see it.") == "Run `` ls -l'' to see it."
