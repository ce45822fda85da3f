"""The orders articles are listed in: one home for the app's list, `kimreader list`, state-only
queries and the catalog's saved newest entries. Kept free of heavy imports: the CLI's argument
parser reads ARTICLE_ORDERS before `--help` prints."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from typing import Protocol, TypeVar


class Listed(Protocol):
    """What an article order reads: a catalog entry, a row of the app's list."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def published(self) -> str: ...


ListedT = TypeVar("ListedT", bound=Listed)

# The orders the list and `kimreader list` offer; "date" (newest first) is the default.
ARTICLE_ORDERS = ("date", "title", "source")
# The default order's key, the largest first (attrgetter: a C-level key, so 20,000 rows sort in
# half the time of a lambda's).
NEWEST_FIRST = attrgetter("published", "title")


def in_order(items: Iterable[ListedT], order: str) -> list[ListedT]:
    """Articles in one of ARTICLE_ORDERS (any other order keeps theirs: the index's relevance).
    The one home of the article orders: the app's list, the CLI, state-only queries and the
    catalog's saved newest entries all sort here."""
    if order == "title":
        return sorted(items, key=lambda r: (r.title.casefold(), r.id))
    if order == "source":
        return sorted(items, key=lambda r: (r.source.casefold(), r.title.casefold(), r.id))
    if order == "date":
        return sorted(items, key=NEWEST_FIRST, reverse=True)
    return list(items)
