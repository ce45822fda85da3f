"""Markdown bodies as prose for the entity model, every character keeping its body offset.

The model reads the prose with Markdown syntax removed (not blanked), soft line breaks as spaces
and block or caption boundaries as line breaks; `Prose.body_span` maps a span back, so
body[start:end] is the mention as written. `layout` says which ranges are headings or credits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kimreader.analysis.names import FUNCTION_WORDS
from kimreader.corpus.markdown import scan_blocks

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# Link text may wrap onto the next line ("[Xbox\nOne S](url)"), never over a blank line.
_LINK = re.compile(r"\[((?:[^\[\]\n]|\n(?!\n))*)\](\([^)\n]*\)|\[[^\]\n]*\])")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,300}>|<https?://[^<>\s]+>")
_INLINE_MARKS = re.compile(r"[*`|~]|(?<!\w)_+|_+(?!\w)|\\(?=[!-/:-@\[-`{-~])")
_SOFT_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")


@dataclass(frozen=True)
class Prose:
    """A body's prose for the model, with the body offset of each of its characters.

    Markdown syntax is removed rather than blanked: long runs of spaces where a link target was
    change what the model tags ("Xinhua" + 30 spaces came out as a PERSON).
    """

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(body)

    def body_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end - 1] + 1


def markdown_prose(body: str) -> Prose:
    """The body without Markdown syntax; soft line breaks become spaces."""
    syntax = bytearray(len(body))

    def mark(start: int, end: int) -> None:
        syntax[start:end] = b"\x01" * (end - start)

    _mark_block_syntax(body, mark)
    for pattern in (_IMAGE, _LINK_DEFINITION, _HTML_TAG):
        for match in pattern.finditer(body):
            mark(match.start(), match.end())
    for match in _LINK.finditer(body):
        mark(match.start(), match.start(1))  # "["
        mark(match.end(1), match.end())  # "](url)"
    for match in _INLINE_MARKS.finditer(body):
        mark(match.start(), match.end())
    pieces: list[str] = []
    offsets: list[int] = []
    for kept in re.finditer(rb"\x00+", bytes(syntax)):
        start, end = kept.span()
        if pieces and pieces[-1][-1:].isalnum() and body[start].isalnum():
            pieces.append(" ")  # "word<br>word" must stay two words
            offsets.append(start - 1)
        pieces.append(body[start:end])
        offsets.extend(range(start, end))
    offsets.append(len(body))
    joined = "".join(pieces)
    soft = _soft_breaks(body)
    held = held_line_breaks(body)
    # A soft line break inside a paragraph must not split "Kim\nJong Un" for the model; a break
    # between blocks, or after a caption-like line, must keep "Congress\n- Syria" apart, unless
    # a link's text or an italic title holds the two lines together ("[Xbox\nOne S](url)").
    text = _SOFT_NEWLINE.sub(
        lambda m: (
            " "
            if offsets[m.start()] in soft
            and (offsets[m.start()] in held or not _after_label(joined, m.start()))
            else "\n"
        ),
        joined,
    )
    text = _NAME_SLASH.sub("\n", text)  # "Thomas Coex/AFP/Getty Images", "Nintendo/Apple"
    return Prose(text, tuple(offsets))


_NAME_SLASH = re.compile(r"(?<=[^\W\d_])/(?=[A-Z])")
_LABEL_LINE = re.compile(r"(?:^|\n)([^\n]{1,39})$")


def held_line_breaks(body: str) -> set[int]:
    """Body offsets of the line breaks inside a link's text or an italic span."""
    held: set[int] = set()
    for pattern, group in ((_LINK, 1), (_ITALIC, 1)):
        for match in pattern.finditer(body):
            if "\n" in match.group(group):
                start = match.start(group)
                held.update(start + i for i, ch in enumerate(match.group(group)) if ch == "\n")
    return held


def _soft_breaks(body: str) -> set[int]:
    """Body offsets of the line breaks inside one paragraph or quote (not between blocks).

    A text written a paragraph a line, as a page's text scraped writes each paragraph, caption,
    byline and menu ("By Meng Yan (China Daily)", "Sue Branford", "Latin America analyst"), has
    a block a line (`corpus.markdown.written_a_paragraph_a_line` decides)."""
    soft: set[int] = set()
    for block in scan_blocks(body):
        if block.kind in ("paragraph", "quote", "item"):
            soft.update(end for _start, end in block.lines[:-1])
    return soft


def _after_label(text: str, newline: int) -> bool:
    """Does a short line ending in a capitalised word end here ("Nintendo/Apple", a credit)?"""
    line = _LABEL_LINE.search(text, max(0, newline - 40), newline)
    if line is None:
        return False
    words = line.group(1).split()
    return bool(words) and words[-1][:1].isupper()


_CREDIT_PARAGRAPH = re.compile(r"(?i)\bcopyright\b|all rights reserved|^\W*©")
_TRAILING_CREDIT = re.compile(r"[—–]\s*(?:[A-Z][\w.&'’-]*[ \t]*){1,4}\s*\Z")
_END_PUNCTUATION = tuple('.!?:;,"”’)…')


def _mark_block_syntax(body: str, mark: Callable[[int, int], None]) -> None:
    """Rules and code entirely; block markers ("> ", "- ", "## ", a setext underline)."""
    for block in scan_blocks(body):
        if block.kind in ("rule", "code"):
            mark(block.start, block.end)
            continue
        position = block.start
        for start, end in block.lines:
            _mark_except_newlines(body, position, start, mark)
            position = end
        _mark_except_newlines(body, position, block.end, mark)


def _mark_except_newlines(
    body: str, start: int, end: int, mark: Callable[[int, int], None]
) -> None:
    for match in re.finditer(r"[^\n]+", body[start:end]):
        mark(start + match.start(), start + match.end())


def layout(body: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(heading ranges, ignored ranges): headings and subheads; copyright and credit lines."""
    headings: list[tuple[int, int]] = []
    ignored: list[tuple[int, int]] = []
    for block in scan_blocks(body):
        text = body[block.start : block.end].strip()
        # A long heading is a standfirst, not a section label: its names are content.
        short_heading = block.kind == "heading" and len(text.split()) <= 12
        if short_heading or (block.kind == "paragraph" and _is_subhead(text)):
            headings.append((block.start, block.end))
        elif block.is_prose and len(text) < 200 and _CREDIT_PARAGRAPH.search(text):
            ignored.append((block.start, block.end))
    credit = _TRAILING_CREDIT.search(body)
    if credit:
        ignored.append(credit.span())
    return headings, ignored


def is_title_case(line: str) -> bool:
    """A line in title case, as headlines are: short, four words or more, every one of four
    letters or more capitalised; no table row."""
    if len(line) > 240:
        return False  # a paragraph, not a headline (and no need to read it word by word)
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    long_words = [w for w in words if len(w) >= 4]
    return (
        len(words) >= 4
        and len(long_words) >= 3
        and "|" not in line
        and all(w[0].isupper() for w in long_words)
    )


def _is_subhead(text: str) -> bool:
    """A one-line paragraph of a few words without closing punctuation: a subhead or label; no
    dateline ("OLYMPIA, Wash. Dec 30, 2004" on a line of its own, in a text written a paragraph
    a line: its place is the report's)."""
    bare = text.strip("*_ ")
    return (
        "\n" not in text
        and len(bare.split()) <= 8
        and not bare.endswith(_END_PUNCTUATION)
        and not _DATELINE.match(bare)
    )


# A dateline's place in capitals, up to four words ("WASHINGTON", "ST. LOUIS"); here before a
# comma, in junk.dateline_places before the rest of a dateline.
DATELINE_PLACE = r"[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,3}"
_DATELINE = re.compile(rf"{DATELINE_PLACE},[ \t]")


# Italics inside a paragraph ("*Killer\nInstinct*"), not bold ("**...**").
_ITALIC = re.compile(r"(?<![*\w])\*(?![*\s])((?:[^*\n]|\n(?!\n))+?)(?<!\s)\*(?![*\w])")


def titles_of_works(body: str) -> list[tuple[int, int]]:
    """Body spans of italic titles inside sentences: news style sets the titles of games, books,
    films and shows in italics (*Killer Instinct*, *Assassin's Creed Origins*). A title is in
    title case and has words of its sentence outside it (an italic caption or credit line is
    no title)."""
    found = []
    for match in _ITALIC.finditer(body):
        words = match.group(1).split()
        if not 1 <= len(words) <= 8 or not words[0][:1].isupper():
            continue
        if any(w[:1].islower() and w.lower() not in FUNCTION_WORDS for w in words):
            continue
        paragraph_start = body.rfind("\n\n", 0, match.start()) + 1
        paragraph_end = body.find("\n\n", match.end())
        before = body[paragraph_start : match.start()]
        after = body[match.end() : paragraph_end if paragraph_end >= 0 else len(body)]
        if re.search(r"[^\W\d_]{2}", before + after):
            title = match.group(1).rstrip(".,;:!? ")
            found.append((match.start(1), match.start(1) + len(title)))
    return found


def inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(low <= start and end <= high for low, high in ranges)


@lru_cache(maxsize=4)
def lower_case_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case, as words of their own; read once per text."""
    return frozenset(re.findall(r"(?<![\w’'-])[a-z]+(?![\w’'-])", text))
