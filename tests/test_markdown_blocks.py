"""The one Markdown block scanner, and the three readers of blocks that now agree through it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kimreader.analysis.entities import markdown_prose
from kimreader.analysis.text import line_paragraphs, paragraphs
from kimreader.corpus.markdown import prose_blocks, scan_blocks

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


def test_lines_longer_than_hand_wrapped_ones_are_paragraphs_each() -> None:
    # A page scraped to text writes a paragraph a line; hand-wrapped lines stay one paragraph
    # (BODY's "First paragraph,\nover two lines.")
    long = "Mr Hu was all smiles as he emerged from the talks, a correspondent in Sao Paulo said."
    body = f"Trade booms\n{long} {long}\n“We agree,” he said."
    assert [p.text for p in paragraphs(body)] == [body]
    assert [p.text for p in line_paragraphs(body)] == body.split("\n")
    assert [p.text for p in line_paragraphs(BODY)] == [p.text for p in paragraphs(BODY)]


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
