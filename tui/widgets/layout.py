"""A small Markdown layout for the reader, keeping every displayed character's body offset.

The search index reports hits as [start, end) offsets into an article's Markdown body; entity
mentions are body offsets too. Rendering through a general Markdown widget would lose that
mapping, so the reader lays the body out itself: blocks (headings, paragraphs, quotes, list
items, code, rules), inline emphasis and links reduced to styled text, then word wrapping.
Each displayed character keeps the body offset it came from (-1 for characters the layout adds,
such as bullets or a link's host), so a highlight lands exactly where the index says.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rich.cells import cell_len

if TYPE_CHECKING:
    from kimreader.corpus.markdown import MarkdownBlock

SYNTHETIC = -1

_INLINE = re.compile(
    r"(?P<image>!\[(?P<alt>[^\]\n]*)\]\((?P<isrc>[^)\s]*)[^)]*\))"
    r"|(?P<link>\[(?P<ltext>[^\]\n]+)\]\((?P<href>[^)\s]*)[^)]*\))"
    r"|(?P<code>`[^`\n]+`)"
    r"|(?P<auto><https?://[^>\s]+>)"
    r"|(?P<strong>\*\*|__)"
    r"|(?P<em>(?<![\w*\\])[*_](?=[^\s*_])|(?<=[^\s*_\\])[*_](?![\w*]))"
    r"|(?P<escape>\\[\\`*_{}\[\]()#+\-.!>])"
)


@dataclass
class Block:
    """One wrapped unit of display text, e.g. a paragraph or a list item."""

    kind: str  # title, meta, url, h1..h6, p, quote, item, code, rule
    text: str = ""
    offsets: list[int] = field(default_factory=list)  # per character; SYNTHETIC if added
    styles: list[tuple[int, int, str]] = field(default_factory=list)  # display spans
    first_prefix: str = ""
    prefix: str = ""
    source: str = "body"  # what the offsets point into: "body", "title" or "" (nothing)

    def add(self, text: str, offset: int | None, style: str = "") -> None:
        """Append text; `offset` is the body offset of its first char (None: synthetic)."""
        start = len(self.text)
        self.text += text
        if offset is None:
            self.offsets.extend([SYNTHETIC] * len(text))
        else:
            self.offsets.extend(range(offset, offset + len(text)))
        if style and text:
            self.styles.append((start, len(self.text), style))

    def offset_range(self) -> tuple[int, int]:
        real = [o for o in self.offsets if o >= 0]
        return (min(real), max(real) + 1) if real else (0, 0)


@dataclass(frozen=True)
class Line:
    block: int
    start: int  # display positions in the block's text
    end: int
    first: bool  # the block's first line (gets first_prefix)


# -- blocks -------------------------------------------------------------------------------


def parse_blocks(body: str) -> list[Block]:
    """Split a Markdown body into display blocks, inline markup resolved."""
    from kimreader.corpus.markdown import scan_blocks  # with the first article, not before

    blocks: list[Block] = []
    for scanned in scan_blocks(body):
        if scanned.kind == "rule":
            blocks.append(Block(kind="rule", source=""))
        elif scanned.kind == "code":
            for start, end in scanned.lines:
                line = body[start:end]
                block = Block(kind="code", first_prefix="  ", prefix="  ")
                block.add(line.expandtabs(4) if "\t" in line else line, start, "code")
                blocks.append(block)
        else:
            block = _display_block(scanned)
            _inline(block, [(start, body[start:end]) for start, end in scanned.lines])
            blocks.append(block)
    return blocks


def _display_block(scanned: MarkdownBlock) -> Block:
    """An empty display block for a heading, quote, list item or paragraph."""
    if scanned.kind == "heading":
        return Block(kind=f"h{scanned.level}")
    if scanned.kind == "quote":
        return Block(kind="quote", first_prefix="▌ ", prefix="▌ ")
    if scanned.kind == "item":
        bullet = scanned.marker if scanned.marker[0].isdigit() else "•"
        first_prefix = "  " * scanned.level + bullet + " "
        return Block(kind="item", first_prefix=first_prefix, prefix=" " * len(first_prefix))
    return Block(kind="p")


# -- inline markup ------------------------------------------------------------------------


def _inline(block: Block, pieces: list[tuple[int, str]]) -> None:
    """Add source lines to a block, joined by spaces, with emphasis and links resolved."""
    bold = italic = False
    for number, (offset, raw) in enumerate(pieces):
        text = raw.strip()
        offset += len(raw) - len(raw.lstrip())
        if not text:
            continue
        if number and block.text and not block.text.endswith(" "):
            block.add(" ", None)  # the line break, shown as a space
        position = 0
        for match in _INLINE.finditer(text):
            style = _style(bold, italic)
            block.add(text[position : match.start()], offset + position, style)
            position = match.end()
            kind = match.lastgroup
            if kind == "strong":
                bold = not bold
            elif kind == "em":
                italic = not italic
            elif kind == "escape":
                block.add(match.group()[1], offset + match.start() + 1, style)
            elif kind == "code":
                block.add(match.group()[1:-1], offset + match.start() + 1, "code")
            elif kind in ("link", "image"):
                _link(block, match, offset)
            elif kind == "auto":
                block.add(match.group()[1:-1], offset + match.start() + 1, "link")
        block.add(text[position:], offset + position, _style(bold, italic))


def _style(bold: bool, italic: bool) -> str:
    return " ".join(name for name, on in (("bold", bold), ("italic", italic)) if on)


def _link(block: Block, match: re.Match[str], offset: int) -> None:
    """A link shows its text and the site it points to; it is never followed."""
    is_image = match.lastgroup == "image"
    label = "alt" if is_image else "ltext"
    target = match.group("isrc" if is_image else "href")
    if is_image:
        block.add("[image: ", None, "link_target")
    block.add(match.group(label), offset + match.start(label), "link")
    host = urlsplit(target).netloc if "://" in target else ""
    if is_image:
        block.add("]", None, "link_target")
    elif host:
        block.add(f" ({host})", None, "link_target")


# -- wrapping -----------------------------------------------------------------------------

_TOKEN = re.compile(r"\S+\s*|\s+")


def wrap_block(block: Block, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of a block's text into (start, end) display ranges."""
    text = block.text
    if not text:
        return [(0, 0)]
    avail_first = max(4, width - cell_len(block.first_prefix))
    avail = max(4, width - cell_len(block.prefix))
    ranges: list[tuple[int, int]] = []
    start = used = 0
    limit = avail_first
    for match in _TOKEN.finditer(text):
        word = match.group().rstrip()
        word_cells = cell_len(word)
        if used and used + word_cells > limit:
            ranges.append((start, match.start()))
            start, used, limit = match.start(), 0, avail
        while word_cells > limit:  # a word longer than the line: cut it
            cut = _cut_at(text, start, limit)
            ranges.append((start, cut))
            start, limit = cut, avail
            word_cells = cell_len(text[cut : match.start() + len(word)])
        used += cell_len(text[max(start, match.start()) : match.end()])
    ranges.append((start, len(text)))
    return ranges


def _cut_at(text: str, start: int, cells: int) -> int:
    end, used = start, 0
    while end < len(text) and used + cell_len(text[end]) <= cells:
        used += cell_len(text[end])
        end += 1
    return max(end, start + 1)


@dataclass
class Layout:
    """The article's blocks wrapped at one width, with lookups from offsets to lines."""

    blocks: list[Block]
    width: int
    lines: list[Line] = field(default_factory=list)
    block_first_line: list[int] = field(default_factory=list)
    block_ranges: list[tuple[int, int]] = field(default_factory=list)  # offsets per block

    @classmethod
    def build(cls, blocks: list[Block], width: int) -> Layout:
        layout = cls(blocks, width)
        layout.block_ranges = [block.offset_range() for block in blocks]
        for index, block in enumerate(blocks):
            if index and _gap_before(blocks[index - 1], block):
                layout.lines.append(Line(-1, 0, 0, False))  # a blank line between blocks
            layout.block_first_line.append(len(layout.lines))
            if block.kind == "rule":
                layout.lines.append(Line(index, 0, 0, True))
                continue
            for number, (start, end) in enumerate(wrap_block(block, width)):
                layout.lines.append(Line(index, start, end, number == 0))
        return layout

    def line_of(self, source: str, offset: int) -> int | None:
        """The line showing a character of the body (or title), or None."""
        for index, block in enumerate(self.blocks):
            if block.source != source:
                continue
            low, high = self.block_ranges[index]
            if not low <= offset < high:
                continue
            position = next(
                (i for i, o in enumerate(block.offsets) if o >= offset), len(block.offsets) - 1
            )
            first = self.block_first_line[index]
            starts = []
            for line in self.lines[first:]:
                if line.block != index:
                    break
                starts.append(line.start)
            return first + max(0, bisect_right(starts, position) - 1)
        return None


def _gap_before(previous: Block, block: Block) -> bool:
    """Blank lines between blocks, except inside a list, a quote, code or the header."""
    if previous.kind == block.kind and block.kind in ("item", "code", "meta"):
        return False
    return not (previous.kind == "title" and block.kind == "meta")
