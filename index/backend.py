"""What kimreader needs from a search engine: the `SearchBackend` protocol and its value types.

Engine-neutral (imports no engine): the application side (`SearchIndex`, the Workspace, doctor)
talks only to this protocol; each engine lives in its own module behind it. An engine that
cannot do something (fuzzy terms, suggestions, match offsets, ...) leaves the `Feature` out of
its `capabilities` and raises `Unsupported` when asked; the application turns that into a
message, or computes the answer itself (offsets with kimreader's own analyser).

Articles are identified by their library id; the engine stores nothing the library already
has beyond what it needs to match, rank and tell which version of an article it indexed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Protocol, runtime_checkable

from kimreader.corpus.span import Span


class Feature(str, Enum):
    """Optional abilities of an engine. Plain words, AND/OR/NOT and field:value are not optional."""

    PHRASE = "phrase search"
    WILDCARD = "wildcards"
    FUZZY = "fuzzy search"
    SUGGEST = "spelling suggestions"
    OFFSETS = "match offsets"
    RELATED = "related articles"
    FACETS = "facet counts"


class QueryError(ValueError):
    """A query that cannot mean what its author wants; the message is for the status line."""


class Unsupported(QueryError):
    """The engine cannot do this: a `Feature` it lacks, or a part of a query it cannot answer
    exactly (never a different answer). The message is fit for the status line, and a search
    shows it as it shows any other QueryError."""

    def __init__(self, feature: Feature | None, engine: str, message: str = "") -> None:
        what = feature.value if feature is not None else "this"
        super().__init__(message or f"{what} is not available with the {engine} search engine")
        self.feature = feature
        self.engine = engine


class SearchCancelled(Exception):
    """A search stopped early because its caller no longer wants it (a newer keystroke)."""


class IndexBusy(RuntimeError):
    """Another process holds the index's write lock for longer than we wait."""


@dataclass(frozen=True)
class Document:
    """One article as an engine indexes it (built from the library by `SearchIndex`)."""

    id: str
    hash: str  # the article's content hash: tells which version the engine holds
    title: str
    body: str
    source: str = ""
    authors: tuple[str, ...] = ()
    published: date | None = None
    feed: str = ""  # the name of the feed it came from ("" when added otherwise)
    # entity kind ("person", "org", "place") -> (canonical name, *aliases) of each it names
    entities: Mapping[str, Sequence[tuple[str, ...]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Match:
    """One matching article as an engine ranks it; offsets only for the first few."""

    id: str
    score: float
    body: tuple[Span, ...] = ()
    title: tuple[Span, ...] = ()
    with_offsets: bool = False


@dataclass(frozen=True)
class Matches:
    """A page of ranked matches and how many there are in all."""

    total: int
    matches: tuple[Match, ...]
    estimated: bool = False  # total is a lower bound ("1,000+"), not an exact count
    note: str = ""  # what the reader should know, e.g. "partial results: 1 of 2 shards …"


@dataclass(frozen=True)
class Health:
    """What reading the whole index through found."""

    documents: int
    problem: str = ""  # why the index cannot be trusted ("" when it reads through)


class IndexWriter(Protocol):
    """Changes made while holding the engine's write lock; committed when the block ends."""

    def stored_hashes(self) -> dict[str, str]:
        """id -> hash of what the index holds, as seen under the lock."""
        ...

    def add(self, documents: Iterable[Document]) -> None:
        """Index documents (their ids are not in the index: delete old versions first)."""
        ...

    def delete(self, ids: Sequence[str]) -> None: ...


@runtime_checkable
class SearchBackend(Protocol):
    """A full-text engine over the library's articles. Safe to call from any thread."""

    name: str
    capabilities: frozenset[Feature]
    directory: Path  # where the engine keeps its files (wiped by `create`)

    def open(self) -> str:
        """Open the existing index: "" when usable, else why it must be created anew."""
        ...

    def create(self) -> None:
        """Start an empty index, discarding whatever was there."""
        ...

    def close(self) -> None: ...

    def writing(self, bulk: int = 0) -> AbstractContextManager[IndexWriter]:
        """Hold the write lock (waiting for another writer, else IndexBusy); `bulk` is how many
        documents are about to be added, so the engine can pick a faster way for many."""
        ...

    def stored_hashes(self) -> dict[str, str]:
        """id -> hash of every indexed article (cheap: called on every sync check)."""
        ...

    def search(
        self,
        query: str,
        limit: int,
        offsets_for: int,
        only: Collection[str] | None = None,
        *,
        exact: bool = True,
        cancelled: Callable[[], bool] | None = None,
        count: bool = True,
    ) -> Matches:
        """Ranked matches of a query among the articles `only` names (all when None); offsets
        for the first `offsets_for`. With exact=False (a half-typed query) or count=False (the
        caller does not show the total) the total may be a lower bound (then `estimated`) when
        counting costs more than ranking. `cancelled` is polled while matching
        (an engine that can stop early raises SearchCancelled). Raises QueryError."""
        ...

    def offsets(self, article_id: str, query: str) -> tuple[list[Span], list[Span]]:
        """(body, title) spans of a query in one article. Raises QueryError, Unsupported."""
        ...

    def suggest(self, query: str, better_than: int) -> str:
        """A corrected query finding more than `better_than` articles, or "". Unsupported."""
        ...

    def related(self, article_id: str, body: str, limit: int) -> list[Match]:
        """Articles most like this one (given its body). Raises Unsupported."""
        ...

    def facets(self, fieldname: str) -> dict[str, int]:
        """Articles per value of `fieldname`, most first. Raises Unsupported, ValueError."""
        ...

    def health(self) -> Health:
        """Read every document through (doctor's check)."""
        ...


def require(backend: SearchBackend, feature: Feature) -> None:
    """Raise Unsupported unless the backend has `feature`."""
    if feature not in backend.capabilities:
        raise Unsupported(feature, backend.name)
