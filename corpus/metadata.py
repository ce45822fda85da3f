"""Article metadata from untrusted places (front matter, page metadata, library files).

One home for turning a metadata value into text and a byline into authors, so the readers,
the HTML extractor and the library read them the same way.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

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


# -- outlets ------------------------------------------------------------------------------------

_TAGLINE = re.compile(r"\s+(?:[-|—–:]|::)\s+.*$")
_TLD = re.compile(r"\.(?:com|org|net|fr|de|cz|co\.uk|com\.au|com\.br|tech)$", re.IGNORECASE)


def _outlet_key(name: str) -> str:
    """A key under which spellings of an outlet meet ("the Guardian" == "Guardian")."""
    name = re.sub(r"^the\s+", "", name.strip().casefold())
    return re.sub(r"[\W_]+", "", name)


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


@lru_cache(maxsize=1)
def _outlet_table() -> dict[str, str]:
    """Folded name or host name -> canonical outlet name (corpus/outlets.json)."""
    data = json.loads(resources.files("kimreader.corpus").joinpath("outlets.json").read_text())
    table: dict[str, str] = {}
    for canonical, forms in data.items():
        if canonical.startswith("_"):
            continue
        for form in [canonical, *forms]:
            table[form.casefold() if "." in form and " " not in form else _outlet_key(form)] = (
                canonical
            )
    return table


def is_outlet(name: str) -> bool:
    """Whether a name is a listed news outlet or agency ("AP", "Agence France-Presse"): a
    report naming its source shares nothing with another report naming the same one."""
    table = _outlet_table()
    return name.casefold() in table or _outlet_key(name) in table


def canonical_outlet(name: str, url: str = "") -> str:
    """The outlet's usual name: the site metadata first (its tagline dropped, a url reduced
    to its host), then the outlet table by name or by the article's host name."""
    name = sanitize_line(name)
    if "://" in name:
        name = _host(name)
    name = _TAGLINE.sub("", name) or name
    table = _outlet_table()
    if name:
        return table.get(name.casefold(), table.get(_outlet_key(name), name))
    host = _host(url)
    while host and host not in table and "." in host:
        host = host.split(".", 1)[1]  # "edition.cnn.com" -> "cnn.com"
    return table.get(host, "") if "." in host else ""


# -- titles -------------------------------------------------------------------------------------

_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|—|–|::|·)\s+")


def clean_title(title: str, source: str = "", authors: tuple[str, ...] = (), url: str = "") -> str:
    """The headline without trailing site or author parts ("… | Eleanor Ainge Roy",
    "… | Aktuálně.cz", "… - Breitbart"); a title made only of such parts stays as it is."""
    parts = _TITLE_SEPARATOR.split(title)
    known = {_outlet_key(name) for name in (source, *authors, canonical_outlet(source, url))}
    known |= {_outlet_key(_TLD.sub("", name)) for name in (source, _host(url)) if name}
    if url:
        known.add(_outlet_key(_host(url).split(".")[0]))
    known.discard("")
    end = len(parts)
    while end > 1 and _is_known(parts[end - 1], known):
        end -= 1
    if end == len(parts):
        return title
    # Cut the original text at the separator before the first dropped part.
    separators = list(_TITLE_SEPARATOR.finditer(title))
    return title[: separators[end - 1].start()].strip()


def _is_known(part: str, known: set[str]) -> bool:
    key = _outlet_key(part)
    return key in known or _outlet_key(canonical_outlet(part)) in known
