"""\"Did you mean\": replace words the library does not contain with close ones it does."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whoosh.reading import IndexReader

_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
# A plain word: not a field name, not part of field:value, no wildcard or fuzzy marks.
_WORD = re.compile(r"(?<![\w:*?~\-])([^\W\d_]{3,})(?![\w:*?~])")


def suggest_query(reader: IndexReader, text: str) -> str:
    """The query with each unknown word replaced by its best correction ("" if none)."""
    corrector = reader.corrector("words")
    changed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(1)
        if word in _OPERATORS or _follows_field(text, match.start()):
            return word
        lowered = word.lower()
        if reader.doc_frequency("words", lowered):
            return word
        options = corrector.suggest(lowered, limit=1, maxdist=2, prefix=1)
        if not options:
            return word
        changed = True
        return cased_like(word, options[0])

    suggestion = _WORD.sub(replace, text)
    return suggestion if changed else ""


def cased_like(typed: str, word: str) -> str:
    """The index's lowercase word in the typed word's case: Jinpng -> Jinping, NATO -> NATO."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _follows_field(text: str, start: int) -> bool:
    """True when the word is the value of a field:value pair (left as typed)."""
    return start > 0 and text[start - 1] == ":"
