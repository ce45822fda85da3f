"""Article metadata from untrusted places (front matter, page metadata, library files).

One home for turning a metadata value into text and a byline into authors, so the readers,
the HTML extractor and the library read them the same way.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kimreader.corpus.sanitize import sanitize_line, strip_escape_sequences

_SCALARS = (str, int, float, date)
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
_AUTHOR_SEPARATOR = re.compile(r"[;|]")


def scalar_text(value: Any) -> str:
    """A metadata value as text; lists and mappings are not text (and str() of a YAML alias
    bomb would never finish), so they count as missing, as do booleans."""
    if isinstance(value, bool) or not isinstance(value, _SCALARS):
        return ""
    return strip_escape_sequences(str(value))


def split_authors(value: Any) -> tuple[str, ...]:
    """Authors from a list or a byline: split on ';' or '|', "By " dropped, repeats (any
    case) out, each one line of plain text."""
    if isinstance(value, (list, tuple)):
        parts = [scalar_text(item) for item in value]
    else:
        parts = _AUTHOR_SEPARATOR.split(scalar_text(value))
    authors: list[str] = []
    seen: set[str] = set()
    for part in parts:
        name = _BY.sub("", sanitize_line(part)).strip(" ,")
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            authors.append(name)
    return tuple(authors)
