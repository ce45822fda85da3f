"""The one scanner of Markdown blocks, with body offsets.

The reader's layout, the entity model's input, passages and sentences all need to know which
lines of a body are headings, rules, code, quotes, list items or paragraphs. They used to carry
three copies of that knowledge and disagreed (`- - -` was a rule for the reader, dropped by NER
and a passage for the comparison); now they all call `scan_blocks`.

Every offset is into the body that was scanned. A block's `lines` are its content pieces: the
part of each source line after its marker ("> ", "- ", "## "), so a caller can keep the
markers out of what it shows or tags, and still map every character back to the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

BlockKind = Literal["heading", "rule", "code", "quote", "item", "table", "paragraph"]

# Blocks that hold running prose: what a reader would call the article's passages.
PROSE_KINDS: frozenset[str] = frozenset({"paragraph", "quote", "item"})

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$|^ {0,3}(#{1,6})[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}=+[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
_TABLE = re.compile(r"^ {0,3}\|")


@dataclass(frozen=True)
class MarkdownBlock:
    """One block of a Markdown body.

    `start`/`end` cover the block's source lines (markers included, final newline excluded);
    `lines` are the (start, end) body offsets of each line's content, markers removed; a rule
    has none. `level` is a heading's level or a list item's depth; `marker` a list item's
    bullet or number ("-", "1.").
    """

    kind: BlockKind
    start: int
    end: int
    lines: tuple[tuple[int, int], ...] = ()
    level: int = 0
    marker: str = ""

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS


@dataclass(frozen=True)
class _Line:
    start: int  # body offset of the line's first character
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _split_lines(body: str) -> list[_Line]:
    lines, position = [], 0
    for text in body.split("\n"):
        lines.append(_Line(position, text))
        position += len(text) + 1
    return lines


def starts_block(line: str) -> bool:
    """Whether a line cannot continue the paragraph, quote or item before it."""
    return bool(
        not line.strip()
        or _HEADING.match(line)
        or _RULE.match(line)
        or _FENCE.match(line)
        or _QUOTE.match(line)
        or _ITEM.match(line)
    )


def is_rule(line: str) -> bool:
    """A thematic break: three or more of one of - * _, spaces allowed between ("- - -")."""
    return bool(_RULE.match(line))


@lru_cache(maxsize=32)
def _scan(body: str) -> tuple[MarkdownBlock, ...]:
    lines = _split_lines(body)
    blocks: list[MarkdownBlock] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.text.strip():
            i += 1
        elif _FENCE.match(line.text):
            i = _code(lines, i, blocks)
        elif _HEADING.match(line.text):
            blocks.append(_heading(line))
            i += 1
        elif _RULE.match(line.text):
            blocks.append(MarkdownBlock("rule", line.start, line.end))
            i += 1
        elif _QUOTE.match(line.text):
            i = _quote(lines, i, blocks)
        elif _ITEM.match(line.text):
            i = _item(lines, i, blocks)
        else:
            i = _paragraph(lines, i, blocks)
    return tuple(blocks)


def scan_blocks(body: str) -> list[MarkdownBlock]:
    """The blocks of a Markdown body, in order (cached: every analysis step asks again)."""
    return list(_scan(body))


def prose_blocks(body: str) -> list[MarkdownBlock]:
    """Paragraphs, quotes and list items: the blocks that hold the report's sentences."""
    return [block for block in _scan(body) if block.is_prose]


def _heading(line: _Line) -> MarkdownBlock:
    match = _HEADING.match(line.text)
    assert match
    if match.group(1) is None:  # "##" alone: an empty heading
        return MarkdownBlock("heading", line.start, line.end, (), len(match.group(3)))
    content = (line.start + match.start(2), line.start + match.end(2))
    return MarkdownBlock("heading", line.start, line.end, (content,), len(match.group(1)))


def _code(lines: list[_Line], i: int, blocks: list[MarkdownBlock]) -> int:
    fence = lines[i].text.strip()[:3]
    first = i
    i += 1
    content: list[tuple[int, int]] = []
    while i < len(lines) and not lines[i].text.strip().startswith(fence):
        content.append((lines[i].start, lines[i].end))
        i += 1
    last = lines[min(i, len(lines) - 1)]
    blocks.append(MarkdownBlock("code", lines[first].start, last.end, tuple(content)))
    return i + 1


def _content(line: _Line, skip: int = 0) -> tuple[int, int]:
    """The line's text after `skip` marker characters, without surrounding blanks."""
    text = line.text[skip:]
    stripped = text.strip()
    if not stripped:
        return (line.start + skip, line.start + skip)
    begin = line.start + skip + len(text) - len(text.lstrip())
    return (begin, begin + len(stripped))


def _continuation(lines: list[_Line], i: int, pieces: list[tuple[int, int]]) -> int:
    """Lines that carry on the block (a soft line break), up to the next block's start."""
    while i < len(lines) and not starts_block(lines[i].text):
        pieces.append(_content(lines[i]))
        i += 1
    return i


def _paragraph(lines: list[_Line], i: int, blocks: list[MarkdownBlock]) -> int:
    first = i
    kind: BlockKind = "table" if _TABLE.match(lines[i].text) else "paragraph"
    pieces = [_content(lines[i])]
    i = _continuation(lines, i + 1, pieces)
    if kind == "paragraph":
        # "Title\n=====": a setext heading (the underline was read as a continuation).
        underline = next(
            (n for n in range(first + 1, i) if _SETEXT_UNDERLINE.match(lines[n].text)), None
        )
        if underline is not None:
            heading_lines = tuple(pieces[: underline - first])
            blocks.append(
                MarkdownBlock("heading", lines[first].start, lines[underline].end, heading_lines, 1)
            )
            if underline + 1 < i:
                return _paragraph(lines, underline + 1, blocks)
            return i
    if kind == "table":
        blocks.append(MarkdownBlock(kind, lines[first].start, lines[i - 1].end, tuple(pieces)))
        return i
    for start, end in _line_groups(lines, first, i):
        group = tuple(pieces[start - first : end - first])
        blocks.append(MarkdownBlock("paragraph", lines[start].start, lines[end - 1].end, group))
    return i


def _line_groups(lines: list[_Line], first: int, end: int) -> list[tuple[int, int]]:
    """The [first, end) runs of lines of one Markdown paragraph (or list item) that are each a
    paragraph: all of them, unless they are written a paragraph a line; then each line, or each
    run of lines broken inside a sentence (`_continues`)."""
    if not written_a_paragraph_a_line([line.text for line in lines[first:end]]):
        return [(first, end)]
    groups, start = [], first
    for n in range(first, end):
        if n + 1 == end or not _continues(lines[n].text, lines[n + 1].text):
            groups.append((start, n + 1))
            start = n + 1
    return groups


# A paragraph a line. News text as users bring it (a page's text scraped and saved or pasted)
# writes each paragraph, headline, caption and byline on a line of its own with no blank line
# between, which Markdown reads as one paragraph. A line longer than PARAGRAPH_LINE_CHARS is no
# line wrapped by hand (those run to 72 or 80 characters); a line of SHORT_LINE_CHARS or fewer
# may be a whole headline, caption or byline.
PARAGRAPH_LINE_CHARS = 100
SHORT_LINE_CHARS = 60
# A line ending a sentence: . ! ? : with closing quotes, brackets or emphasis after it, or a
# closing quote mark (`_ends_sentence`; no regular expression: one searched for at the line's
# end from every quote mark took quadratic time on a line of quote marks).
_SENTENCE_ENDS = (".", "!", "?", ":")
_QUOTE_MARKS = '”"’'
_CLOSERS = _QUOTE_MARKS + "')]*_"
# A line breaking a sentence: after a comma, a dash, an opening bracket or a function word.
_OPEN_END = re.compile(
    r"(?:[,;(\[–—-]|\b(?:the|a|an|of|to|in|on|at|for|and|or|but|with|by|from|as|that|which|who|"
    r"whose|his|her|its|their|our|your|my|is|are|was|were|be|been|has|have|had|will|would|not|"
    r"than|into|over|under|about|after|before|between|this|these|those))$"
)
_LOWER_START = re.compile(r"^[ \t*_\[]*[a-z]")


def written_a_paragraph_a_line(lines: list[str]) -> bool:
    """Are these lines of one Markdown paragraph a text written a paragraph a line: not wrapped
    by hand (a line longer than PARAGRAPH_LINE_CHARS), and at least half the line breaks after a
    line ending a sentence or a short line (a headline, caption or byline)? A paragraph of long
    lines broken inside sentences, as Markdown read from HTML may have ("Someone named Man
    Haron\nMonis, who was considered mentally unstable and had been investigated for\n"), is not.
    Its breaks that `_continues` a sentence stay soft breaks inside one paragraph."""
    if len(lines) < 2 or all(len(line.strip()) <= PARAGRAPH_LINE_CHARS for line in lines):
        return False
    ends = sum(
        _ends_sentence(line)
        or (len(line.strip()) <= SHORT_LINE_CHARS and not _continues(line, following))
        for line, following in zip(lines, lines[1:], strict=False)
    )
    return 2 * ends >= len(lines) - 1


def with_blank_lines_between_paragraphs(body: str) -> str:
    """The body with a blank line between the paragraph blocks that no blank line parts (a text
    written a paragraph a line), for renderers that follow CommonMark and would run them into
    one paragraph (rich's Markdown in `kimreader show`); every other character is kept."""
    blocks = _scan(body)
    pieces, start = [], 0
    for block, after in zip(blocks, blocks[1:], strict=False):
        if after.kind == "paragraph" and "\n\n" not in body[block.end : after.start]:
            # after a list item too (CommonMark would fold the paragraph into it), and
            # without its indentation (four spaces after a blank line are code)
            pieces += [body[start : block.end], "\n\n"]
            start = after.start + len(body[after.start :]) - len(body[after.start :].lstrip(" \t"))
    return "".join(pieces) + body[start:]


def _ends_sentence(line: str) -> bool:
    """Does the line end a sentence: . ! ? : or a quote mark, then only closing marks?"""
    line = line.rstrip()
    kept = line.rstrip(_CLOSERS)
    return kept.endswith(_SENTENCE_ENDS) or any(mark in line[len(kept) :] for mark in _QUOTE_MARKS)


def _continues(line: str, following: str) -> bool:
    """Does the sentence of `line` go on in `following`: no sentence end, and a comma or a
    function word before the break, or a lower-case word after it?"""
    line = line.rstrip()
    if _ends_sentence(line):
        return False
    return bool(_OPEN_END.search(line.rstrip("*_ ")) or _LOWER_START.match(following))


def _quote(lines: list[_Line], i: int, blocks: list[MarkdownBlock]) -> int:
    first = i
    pieces: list[tuple[int, int]] = []
    while i < len(lines):
        marker = _QUOTE.match(lines[i].text)
        if marker:
            if i > first and not lines[i].text[marker.end() :].strip():
                break  # ">" alone ends the quoted paragraph
            pieces.append(_content(lines[i], marker.end()))
            i += 1
        elif i > first and not starts_block(lines[i].text):
            pieces.append(_content(lines[i]))  # a lazy continuation line
            i += 1
        else:
            break
    blocks.append(MarkdownBlock("quote", lines[first].start, lines[i - 1].end, tuple(pieces)))
    return i


def _item(lines: list[_Line], i: int, blocks: list[MarkdownBlock]) -> int:
    marker = _ITEM.match(lines[i].text)
    assert marker
    first = i
    depth = len(marker.group(1).expandtabs(4)) // 2
    pieces = [_content(lines[i], marker.end())]
    i = _continuation(lines, i + 1, pieces)
    # Written a paragraph a line, the lines after the item's are paragraphs of their own.
    (start, end), *paragraphs = _line_groups(lines, first, i)
    item = tuple(pieces[: end - first])
    blocks.append(
        MarkdownBlock("item", lines[first].start, lines[end - 1].end, item, depth, marker.group(2))
    )
    for start, end in paragraphs:
        group = tuple(pieces[start - first : end - first])
        blocks.append(MarkdownBlock("paragraph", lines[start].start, lines[end - 1].end, group))
    return i
