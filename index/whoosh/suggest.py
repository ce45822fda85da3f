"""\"Did you mean\": replace words the library does not contain with close ones it does."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whoosh.reading import IndexReader

_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
# A plain word: not a field name, not part of field:value, no wildcard or fuzzy marks.
_WORD = re.compile(r"(?<![\w:*?~\-])([^\W\d_]{3,})(?![\w:*?~])")
# The fields whose values are names (and their aliases, as index/query.py reads them).
_NAME_FIELD = re.compile(r"(?i)\b(?:person|people|org|organi[sz]ation|place)\s*:$")


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
        if _in_capitalised_name(text, match.start()):  # person:"Xi jinpin" -> "Xi Jinping"
            return options[0][:1].upper() + options[0][1:]
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


def _in_capitalised_name(text: str, start: int) -> bool:
    """True inside an entity phrase (`person:"…"`, `org:`, `place:`) whose words the reader
    capitalised elsewhere: a name is written capitalised, whatever case the typo was in."""
    opening = text.rfind('"', 0, start)
    if opening < 0 or text.count('"', 0, start) % 2 == 0:
        return False
    if not _NAME_FIELD.search(text, 0, opening):
        return False
    closing = text.find('"', start)
    phrase = text[opening + 1 : closing if closing >= 0 else len(text)]
    return any(word[:1].isupper() for word in phrase.split())


def _follows_field(text: str, start: int) -> bool:
    """True when the word is the value of a field:value pair (left as typed)."""
    return start > 0 and text[start - 1] == ":"
