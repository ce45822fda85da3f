"""The one Markdown block scanner, and the three readers of blocks that now agree through it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import scraped_body, wikinews_body
from hypothesis import given
from hypothesis import strategies as st

from kimreader.analysis.entities import markdown_prose
from kimreader.analysis.text import paragraphs
from kimreader.corpus.html import extract_html
from kimreader.corpus.markdown import (
    prose_blocks,
    scan_blocks,
    with_blank_lines_between_paragraphs,
)
from kimreader.tui.widgets.layout import parse_blocks

BODY = """## A heading

First paragraph,
over two lines.

- - -

> A quote that
> continues.

- an item
  continued
1. numbered

```
code line
```

| a | b |
|---|---|

Title
=====

Last."""


def kinds(body: str) -> list[str]:
    return [block.kind for block in scan_blocks(body)]


def contents(body: str) -> list[list[str]]:
    return [[body[s:e] for s, e in block.lines] for block in scan_blocks(body)]


def test_blocks_and_their_content_offsets() -> None:
    assert kinds(BODY) == [
        "heading",
        "paragraph",
        "rule",
        "quote",
        "item",
        "item",
        "code",
        "table",
        "heading",
        "paragraph",
    ]
    assert contents(BODY) == [
        ["A heading"],
        ["First paragraph,", "over two lines."],
        [],
        ["A quote that", "continues."],
        ["an item", "continued"],
        ["numbered"],
        ["code line"],
        ["| a | b |", "|---|---|"],
        ["Title"],
        ["Last."],
    ]
    heading = scan_blocks(BODY)[0]
    assert (heading.level, BODY[heading.start : heading.end]) == (2, "## A heading")
    assert [b.marker for b in scan_blocks(BODY) if b.kind == "item"] == ["-", "1."]


@pytest.mark.parametrize("rule", ["---", "- - -", "***", " * * *", "___", "_ _ _ _"])
def test_a_rule_is_a_rule_for_passages_reader_and_entities(rule: str) -> None:
    from kimreader.tui.widgets.layout import parse_blocks

    body = f"Before the rule.\n\n{rule}\n\nAfter the rule."
    assert kinds(body) == ["paragraph", "rule", "paragraph"]
    assert [p.text for p in paragraphs(body)] == ["Before the rule.", "After the rule."]
    assert [b.kind for b in parse_blocks(body)] == ["p", "rule", "p"]
    prose = markdown_prose(body).text
    assert rule.strip()[0] not in prose and "rule.\n\n\n\nAfter" in prose


def test_passages_are_prose_blocks_without_structure() -> None:
    assert [p.text for p in paragraphs(BODY)] == [
        "First paragraph,\nover two lines.",
        "A quote that\n> continues.",
        "an item\n  continued",
        "numbered",
        "Last.",
    ]
    # A heading directly above its paragraph no longer hides the paragraph.
    assert [p.text for p in paragraphs("## Head\nText under it.")] == ["Text under it."]


BAKER = "influential-rock-drummer-ginger-baker-dies-at-age-80"


@pytest.mark.parametrize(
    "stem", [BAKER, "benin-nigeria-join-african-union-continental-free-trade-bloc"]
)
def test_a_text_written_a_paragraph_a_line_has_a_paragraph_a_line(stem: str) -> None:
    # A page's text scraped writes each paragraph on a line of its own with no blank line
    # between: the scanner finds the paragraphs the Markdown page (blank lines) has.
    body = scraped_body(stem)
    assert "\n\n" not in body.strip()
    markdown = [p.text for p in paragraphs(wikinews_body(stem))]
    assert len(markdown) > 5
    assert [p.text for p in paragraphs(body)] == markdown
    for block in scan_blocks(body):  # offsets exact
        assert body[block.start : block.end].strip() == body[block.lines[0][0] : block.lines[-1][1]]
    # The reader shows them as separate paragraphs.
    shown = [block.text for block in parse_blocks(body) if block.kind == "p"]
    assert len(shown) == len([b for b in scan_blocks(body) if b.kind == "paragraph"]) > 5
    assert shown[0] == markdown[0]


def test_a_paragraph_wrapped_by_hand_stays_one_paragraph() -> None:
    words = " ".join(scraped_body(BAKER).split()[:300])
    wrapped = "\n".join(textwrap.wrap(words, 72))  # lines ending sentences now and then
    assert [p.text for p in paragraphs(wrapped)] == [wrapped]
    assert len(parse_blocks(wrapped)) == 1
    # lines over 100 characters broken inside sentences (a page read from HTML) too
    wide = "\n".join(textwrap.wrap(words, 120))  # (at 140 a line opens "2016.": a list item)
    assert [p.text for p in paragraphs(wide)] == [wide]


def test_a_long_line_broken_inside_a_sentence_stays_in_its_paragraph(shared_dir: Path) -> None:
    page = shared_dir / "testdata/mozilla-readability/test/test-pages/salon-1/source.html"
    body = extract_html(page.read_text("utf-8")).markdown
    (paragraph,) = [p.text for p in paragraphs(body) if "Man Haron" in p.text]
    assert "Man Haron\nMonis, who was" in paragraph
    # a caption line and a long line after it, the first ending no sentence: two paragraphs
    caption = "Trade booms"
    long = "Mr Hu was all smiles as he emerged from the talks, a correspondent in Sao Paulo said."
    body = f"{caption}\n{long} {long}\n“We agree,” he said."
    assert [p.text for p in paragraphs(body)] == body.split("\n")
    # … but a short line ending in a function word goes on in the next
    body = f"The talks were held in\n{long} {long}\n“We agree,” he said."
    assert [p.text for p in paragraphs(body)] == [
        body[: body.index("\n“")],
        "“We agree,” he said.",
    ]


def test_entity_input_drops_markers_but_keeps_offsets() -> None:
    prose = markdown_prose(BODY)
    assert "##" not in prose.text and "> " not in prose.text and "code line" not in prose.text
    assert "=" not in prose.text
    at = prose.text.index("continues")
    assert BODY[prose.offsets[at] : prose.offsets[at] + 9] == "continues"


@given(st.text(alphabet="ab #>-*_=|`~1.\n \t", max_size=80))
def test_any_text_scans_to_ordered_blocks_with_offsets_inside(body: str) -> None:
    previous_end = -1
    for block in scan_blocks(body):
        assert previous_end < block.start <= block.end <= len(body)
        for start, end in block.lines:
            assert block.start <= start <= end <= block.end
            assert "\n" not in body[start:end]
        previous_end = block.end
    for block in prose_blocks(body):
        assert block.kind in ("paragraph", "quote", "item")


def test_a_commonmark_renderer_gets_the_blank_lines_between_such_paragraphs() -> None:
    # `kimreader show` renders with rich's Markdown (CommonMark), which would run the lines
    # of a text written a paragraph a line into one paragraph: it gets them parted.
    body = scraped_body(BAKER)
    parted = with_blank_lines_between_paragraphs(body)
    assert parted.replace("\n\n", "\n") == body  # nothing but blank lines added
    markdown = [p.text for p in paragraphs(wikinews_body(BAKER))]
    assert [p.text for p in paragraphs(parted)] == markdown
    assert parted.count("\n\n") == len(markdown) - 1
    # a Markdown body, and a paragraph wrapped by hand, are left as they are
    assert with_blank_lines_between_paragraphs(wikinews_body(BAKER)) == wikinews_body(BAKER)
    wrapped = "\n".join(textwrap.wrap(" ".join(body.split()[:300]), 72))
    assert with_blank_lines_between_paragraphs(wrapped) == wrapped


def test_commonmark_blank_lines_after_a_list_item_and_without_indentation() -> None:
    # A line split off a list item is a paragraph of its own (the scanner's), and an indented
    # line after the inserted blank line would be code to CommonMark: both shown as the reader
    # shows them.
    long = (
        "The minister said the talks had gone well and that both sides would meet again "
        "next month in Geneva."
    )
    body = f"- {long}\n  {long}\nLast words of the page here.\n"
    assert [b.kind for b in scan_blocks(body)] == ["item", "paragraph", "paragraph"]
    parted = with_blank_lines_between_paragraphs(body)
    assert parted == f"- {long}\n\n{long}\n\nLast words of the page here.\n"
    indented = f"Headline\n{long} {long}\n      {long}\n"
    assert with_blank_lines_between_paragraphs(indented).endswith(f"\n\n{long}\n")
