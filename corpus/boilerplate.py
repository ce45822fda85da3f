"""Page furniture that extraction leaves in a body: photo markers, credits, captions, prompts.

"Photo", "Credit … Getty Images", "Continue reading the main story", "Advertisement" are not
the report: kept, they become passages for the comparison and entities ("Photo United
Nations"). They are removed from bodies extracted from HTML, block by block, before the body is
stored (so every offset is into the clean text). A block is removed only when all of it is
furniture; a sentence that merely mentions a photo stays.
"""

from __future__ import annotations

import functools
import hashlib
import re

from kimreader.corpus.markdown import MarkdownBlock, scan_blocks

# Whole blocks that are prompts or markers, compared case-folded without punctuation.
_PROMPTS = frozenset(
    {
        "photo",
        "photograph",
        "image",
        "video",
        "advertisement",
        "continue reading the main story",
        "continue reading below",
        "story continues below advertisement",
        "supported by",
        "sign up for our newsletter",
    }
)
_CREDIT = re.compile(
    r"^(?:photo\s*)?credits?\b|^(?:photo(?:graph)?|image|picture)s?\s*(?:by\b|:|credit\b)",
    re.IGNORECASE,
)
_AGENCY_CREDIT = re.compile(
    r"(?:^|[/—–-]\s*)(?:Getty Images|AFP|Reuters|AP Photo|Associated Press|EPA(?:-EFE)?|"
    r"Shutterstock|Alamy)\s*$"
)
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`#>]")
_MAX_CREDIT_CHARS = 200
# A caption between a "Photo" marker and its credit is a short paragraph or two.
_MAX_CAPTION_BLOCKS = 2
_MAX_CAPTION_WORDS = 80


def remove_boilerplate(markdown: str) -> str:
    """The body without furniture blocks (blank lines where they were, folded later)."""
    blocks = scan_blocks(markdown)
    drop: set[int] = set()
    for index, block in enumerate(blocks):
        text = _plain(markdown, block)
        if _fold(text) in _PROMPTS:
            drop.add(index)
            if _fold(text) in ("photo", "image"):
                drop.update(_caption_after(markdown, blocks, index))
        elif _is_credit(block, text):
            drop.add(index)
    if not drop:
        return markdown
    pieces, position = [], 0
    for index in sorted(drop):
        pieces.append(markdown[position : blocks[index].start])
        position = blocks[index].end
    pieces.append(markdown[position:])
    return "".join(pieces)


def _caption_after(markdown: str, blocks: list[MarkdownBlock], marker: int) -> list[int]:
    """The caption blocks and credit that follow a "Photo" marker (none if no credit comes)."""
    for offset in range(1, _MAX_CAPTION_BLOCKS + 2):
        index = marker + offset
        if index >= len(blocks) or blocks[index].kind != "paragraph":
            return []
        text = _plain(markdown, blocks[index])
        if _is_credit(blocks[index], text):
            return list(range(marker + 1, index + 1))
        if len(text.split()) > _MAX_CAPTION_WORDS:
            return []
    return []


def _is_credit(block: MarkdownBlock, text: str) -> bool:
    """A one-line credit: "Credit …", "Photo by …", "… /AFP/Getty Images"; not a sentence."""
    if len(block.lines) != 1 or len(text) > _MAX_CREDIT_CHARS or text.endswith((".", "!", "?")):
        return False
    return bool(_CREDIT.match(text) or _AGENCY_CREDIT.search(text))


def _plain(markdown: str, block: MarkdownBlock) -> str:
    """A block's text with links reduced to their text and emphasis marks removed."""
    text = " ".join(markdown[start:end] for start, end in block.lines)
    return _MARKUP.sub(lambda m: m.group(1) or "", text).strip()


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


_LINK_TARGET = re.compile(r"\]\([^)]*\)")


@functools.lru_cache(maxsize=16)
def near_duplicate_key(title: str, body: str) -> str:
    """A digest of an article's words: the same for a page and its saved copy (whitespace,
    case, Markdown syntax, link targets and furniture aside). Cached: an import asks it of
    each article three times (its own batch, the library's classification, the catalog)."""
    text = title + "\n\n" + _LINK_TARGET.sub("]", remove_boilerplate(body))
    words = re.findall(r"[^\W_]+", text.casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:32] if words else ""
