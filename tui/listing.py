"""What the article list shows: the library or one query's results, sorted, and its wording.

Plain data and functions (no widgets): the main screen keeps one `Listing` as the single source
of truth for "the query the list shows", and the status line's listing message comes from here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kimreader.corpus.order import ARTICLE_ORDERS
from kimreader.tui.widgets.article_list import Row

if TYPE_CHECKING:
    from kimreader.corpus.library import CatalogEntry
    from kimreader.index.search import Hit, SearchResult

SORTS = ARTICLE_ORDERS
SORT_NAMES = {
    "relevance": "best match first",
    "date": "newest first",
    "title": "by title",
    "source": "by source",
}


def plural(count: int, noun: str) -> str:
    """ "1 hit", "2 hits": never "(1 hits)"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Listing:
    """The list's content: the library (query "") or the results of `query`.

    `error` is set when the query is malformed or the search failed: the list is then empty,
    so nothing left over from an earlier query is shown beside the error.
    """

    query: str = ""
    result: SearchResult | None = None
    error: str = ""
    sort: str = "date"

    @property
    def is_search(self) -> bool:
        return bool(self.query)

    def sorted_by(self, mode: str) -> Listing:
        return replace(self, sort=mode)

    def next_sort(self) -> str:
        modes = (("relevance",) if self.result else ()) + SORTS
        index = modes.index(self.sort) if self.sort in modes else -1
        return modes[(index + 1) % len(modes)]


def row_of_entry(entry: CatalogEntry) -> Row:
    return Row(entry.id, entry.title, entry.source, entry.published)


def row_of_hit(hit: Hit) -> Row:
    return Row(
        hit.id, hit.title, hit.source, hit.published, hit.hit_count if hit.with_offsets else None
    )


def catalog_message(count: int, sort: str, index_ready: bool) -> tuple[str, str]:
    """(message, kind) for the library listed without a query."""
    if not count and index_ready:
        return "the library is empty: add articles with  kimreader add PATH", "hint"
    waiting = "" if index_ready else " · indexing…"
    return f"{plural(count, 'article')}, {SORT_NAMES[sort]}{waiting}", "info"


def result_message(result: SearchResult, sort: str = "relevance") -> tuple[str, str]:
    """(message, kind) for a query's results; a suggestion makes it a hint, and a note (results
    from a cluster with a shard down) a warning that comes first."""
    count = f"{result.total}+" if result.estimated else str(result.total)  # at least that many
    if result.note:
        return f"{result.note} · {count} found for {result.query}", "hint"
    if result.total == 0:
        message = f"nothing found for {result.query}"
        if result.suggestion:
            message += f" · did you mean: {result.suggestion}"
        return message, "hint"
    found = f"{count} found for {result.query}"
    if result.suggestion:
        return f"{found} · did you mean: {result.suggestion}", "hint"
    shown = len(result.hits)
    more = f" (showing the first {shown})" if result.total > shown else ""
    order = "" if sort == "relevance" else f", {SORT_NAMES[sort]}"
    return f"{found}{order}{more}", "info"


def error_message(error: str) -> str:
    """A query the index refused (malformed) or a search that failed, for the status line."""
    failed = error.startswith(("search failed", "the index", "cannot"))
    return error if failed else f"bad query: {error}"
