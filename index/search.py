"""Search over the library: an engine's matches turned into hits (titles, dates and snippets
from the library, not from the engine). Keeping the index in line is sync.py's."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kimreader.corpus.library import Library, LibraryError
from kimreader.corpus.span import Span
from kimreader.index.backend import (
    Feature,
    IndexBusy,
    Match,
    Matches,
    QueryError,
    SearchBackend,
    Unsupported,
)
from kimreader.index.sync import IndexSync, SyncReport

__all__ = ["Hit", "IndexBusy", "SearchIndex", "SearchResult", "SyncReport", "Unsupported"]

SNIPPET_WIDTH = 160
BODY_CACHE = 256  # article bodies kept for snippets (about 1.5 MB)


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    score: float
    source: str = ""
    published: str = ""
    snippet: str = ""
    matches: tuple[Span, ...] = ()  # [start, end) into the body
    title_matches: tuple[Span, ...] = ()  # [start, end) into the title
    with_offsets: bool = False  # offsets are only computed for the hits that are shown

    @property
    def hit_count(self) -> int:
        return len(self.matches) + len(self.title_matches)


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: tuple[Hit, ...]
    suggestion: str = ""
    error: str = ""
    note: str = ""  # e.g. partial results from a cluster with a shard down
    estimated: bool = False  # total is a lower bound: there are at least that many ("1000+")


class SearchIndex(IndexSync):
    """The one search interface the app and the command line use: the synced index, queried,
    its matches turned into hits with the library's titles, dates and snippets."""

    def __init__(
        self,
        library: Library,
        directory: Path | None = None,
        backend: SearchBackend | None = None,
    ) -> None:
        super().__init__(library, directory, backend)
        # Bodies of recently shown hits, for snippets while the user types: id -> (hash, body)
        self._bodies: OrderedDict[str, tuple[str, str]] = OrderedDict()
        self._bodies_lock = threading.Lock()  # searches and opened articles run in threads

    # -- searching --------------------------------------------------------------------------

    def _ready(self) -> SearchBackend:
        """The engine, once the index is in line with the library: a search asked for while
        another thread's ensure() runs (the app opening its workspace) waits for it instead of
        listing what a half-synced index holds."""
        if not self.ensured():
            self.ensure()
        return self.backend

    def search(
        self,
        text: str,
        limit: int = 50,
        offsets_for: int = 20,
        only: Collection[str] | None = None,
        *,
        typing: bool = False,
        cancelled: Callable[[], bool] | None = None,
        count: bool = True,
    ) -> SearchResult:
        """Ranked hits among the articles `only` names (all when None); match offsets and
        snippets only for the first `offsets_for` hits. count=False: the caller does not show
        the total, which may then be a bound (`estimated`), saving a pass over every match.

        Titles and dates come from the library's catalog in memory, not from the index. While
        the user is `typing`, the count may be a bound and no "did you mean" is looked for (a
        half-typed word matches nothing: suggesting for it costs more than the search).
        `cancelled` is polled while matching: a stale search raises SearchCancelled.
        """
        backend = self._ready()
        try:
            found = self._engine_search(
                backend, text, limit, offsets_for, only, typing, count, cancelled
            )
            if Feature.OFFSETS not in backend.capabilities:
                found = self._with_analysed_offsets(text, found, offsets_for)
        except QueryError as error:
            return SearchResult(query=text, total=0, hits=(), error=str(error))
        if any(self.library.entry(match.id) is None for match in found.matches):
            # Another process added articles and indexed them: list their titles, not blanks.
            self.library.refresh()
        hits = tuple(self._hit(match) for match in found.matches)
        wants_suggestion = found.total < 2 and not typing
        suggestion = self.suggest(text, better_than=found.total) if wants_suggestion else ""
        return SearchResult(
            query=text,
            total=found.total,
            hits=hits,
            suggestion=suggestion,
            note=found.note,
            estimated=found.estimated,
        )

    @staticmethod
    def _engine_search(
        backend: SearchBackend,
        text: str,
        limit: int,
        offsets_for: int,
        only: Collection[str] | None,
        typing: bool,
        count: bool,
        cancelled: Callable[[], bool] | None = None,
    ) -> Matches:
        """The engine's part of search(), called the same way by search_ahead() so that its
        answer is the one the engine keeps for search()."""
        return backend.search(
            text,
            max(limit, 1),
            offsets_for,
            only,
            exact=not typing,
            cancelled=cancelled,
            count=count,
        )

    def ensure_for_search(
        self, text: str, limit: int, offsets_for: int, *, count: bool = True
    ) -> SyncReport:
        """ensure(), with the engine's part of this search run while the files are checked:
        when the check finds the index current, as it nearly always is, the search that follows
        is answered from what the engine kept, its cold start (imports, segment readers)
        overlapped with the check; when the check changes the index, the engine forgets that
        answer. A query with a field or state term is not run ahead: it needs the library."""

        def ahead() -> None:
            if ":" in text:
                return
            try:
                self._engine_search(self.backend, text, limit, offsets_for, None, False, count)
            except Exception:  # noqa: BLE001 - only a head start: search() reports any error
                return

        return self.ensure(meanwhile=ahead)

    def _with_analysed_offsets(self, text: str, found: Matches, offsets_for: int) -> Matches:
        """Offsets for the first `offsets_for` matches from kimreader's own analyser, for an
        engine that cannot report them (the same spans the embedded index gives)."""
        from kimreader.index.offsets import analysed_offsets

        shown = found.matches[: max(offsets_for, 0)]
        documents = [(m.id, self._title(m.id), self._cached_body(m.id)) for m in shown]
        spans = analysed_offsets(text, documents)
        matches = tuple(
            replace(m, body=tuple(spans[m.id][0]), title=tuple(spans[m.id][1]), with_offsets=True)
            if m.id in spans
            else m
            for m in found.matches
        )
        return replace(found, matches=matches)

    def _title(self, article_id: str) -> str:
        entry = self.library.entry(article_id)
        return entry.title if entry else ""

    def _hit(self, match: Match) -> Hit:
        entry = self.library.entry(match.id)
        hit = Hit(
            id=match.id,
            title=entry.title if entry else "",
            score=match.score,
            source=entry.source if entry else "",
            published=entry.published if entry else "",
        )
        if not match.with_offsets:
            return hit
        return replace(
            hit,
            snippet=make_snippet(self._cached_body(match.id), match.body),
            matches=match.body,
            title_matches=match.title,
            with_offsets=True,
        )

    def match_offsets(self, article_id: str, text: str) -> tuple[list[Span], list[Span]]:
        """(body spans, title spans) of a query in one article; empty when it does not match."""
        backend = self._ready()
        try:
            if Feature.OFFSETS in backend.capabilities:
                return backend.offsets(article_id, text)
            from kimreader.index.offsets import analysed_offsets

            document = (article_id, self._title(article_id), self._cached_body(article_id))
            return analysed_offsets(text, [document]).get(article_id, ([], []))
        except QueryError:
            return [], []

    def _cached_body(self, article_id: str) -> str:
        """The body for a snippet; bodies of the last BODY_CACHE hits shown are kept."""
        entry = self.library.entry(article_id)
        with self._bodies_lock:
            cached = self._bodies.get(article_id)
            if entry is not None and cached is not None and cached[0] == entry.hash:
                self._bodies.move_to_end(article_id)
                return cached[1]
        body = self._body_text(article_id)
        if entry is not None:
            with self._bodies_lock:
                self._bodies[article_id] = (entry.hash, body)
                if len(self._bodies) > BODY_CACHE:
                    self._bodies.popitem(last=False)
        return body

    def _body_text(self, article_id: str) -> str:
        from kimreader.corpus.frontmatter import split_front_matter

        try:
            text = self.library.path_for(article_id).read_text(encoding="utf-8")
        except OSError:
            text = ""
        if not text:
            try:
                return self.library.get(article_id).body
            except LibraryError:
                return ""
        return split_front_matter(text)[1]

    # -- suggestions, related, facets -------------------------------------------------------

    def suggest(self, text: str, better_than: int = 0) -> str:
        """A "did you mean" query finding more than `better_than` articles ("" if none, or
        when the engine cannot suggest)."""
        backend = self._ready()
        if Feature.SUGGEST not in backend.capabilities:
            return ""
        return backend.suggest(text, better_than)

    def related(self, article_id: str, limit: int = 10) -> list[Hit]:
        """Articles most like this one. Raises Unsupported when the engine cannot tell."""
        backend = self._ready()
        if Feature.RELATED not in backend.capabilities:
            raise Unsupported(Feature.RELATED, backend.name)
        matches = backend.related(article_id, self._body_text(article_id), limit)
        return [self._hit(match) for match in matches]

    def facet_counts(self, fieldname: str) -> dict[str, int]:
        """Articles per value of a facet (source, author, person, org, place)."""
        backend = self._ready()
        if Feature.FACETS not in backend.capabilities:
            raise Unsupported(Feature.FACETS, backend.name)
        return backend.facets(fieldname)


def make_snippet(body: str, spans: Sequence[Span], width: int = SNIPPET_WIDTH) -> str:
    """A one-line window of the body around its first match, cut at word boundaries."""
    if not body:
        return ""
    start = spans[0][0] if spans else 0
    left = max(0, start - width // 3)
    if left:
        space = body.rfind(" ", 0, left + 1)
        left = space + 1 if space > left - 20 else left
    right = min(len(body), left + width)
    if right < len(body):
        space = body.rfind(" ", left, right)
        right = space if space > left else right
    text = " ".join(body[left:right].split())
    return ("…" if left else "") + text + ("…" if right < len(body) else "")
