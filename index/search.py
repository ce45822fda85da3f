"""Search over the library: keeps an engine's index in line with the library and turns its
matches into hits (titles, dates and snippets from the library, not from the engine).

The index is a cache: whenever it is missing, built by another schema version or unreadable,
it is rebuilt from the library's files. The engine is any `SearchBackend` (Whoosh by default).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library, LibraryError, atomic_write_text
from kimreader.index.backend import (
    Document,
    Feature,
    IndexBusy,
    Match,
    Matches,
    QueryError,
    SearchBackend,
    Span,
    Unsupported,
)

__all__ = ["Hit", "IndexBusy", "SearchIndex", "SearchResult", "SyncReport", "Unsupported"]

SNIPPET_WIDTH = 160
BODY_CACHE = 256  # article bodies kept for snippets (about 1.5 MB)
ENTITY_KINDS = ("person", "org", "place")  # the entity types a query can name


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


@dataclass
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    rebuilt: str = ""  # why the index was rebuilt, if it was
    problems: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.rebuilt)


EntityLoader = Callable[[Article], Sequence[dict[str, Any]]]


def entity_names(entities: Iterable[dict[str, Any]]) -> dict[str, list[tuple[str, ...]]]:
    """(canonical name, *aliases) of each entity per kind, from stored entity dicts."""
    names: dict[str, list[tuple[str, ...]]] = {kind: [] for kind in ENTITY_KINDS}
    for entity in entities:
        kind = entity.get("type")
        if kind in names:
            aliases = tuple(str(a) for a in entity.get("aliases", ()))
            names[kind].append((str(entity["name"]), *aliases))
    return names


def _library_signature(library: Library) -> str:
    items = sorted(f"{e.id}:{e.hash}" for e in library.catalog())
    return hashlib.sha256("\n".join(items).encode()).hexdigest()


def default_backend(directory: Path) -> SearchBackend:
    from kimreader.index.whoosh_backend import WhooshBackend

    return WhooshBackend(directory)


class SearchIndex:
    """The one search interface the app and the command line use."""

    def __init__(
        self,
        library: Library,
        directory: Path | None = None,
        backend: SearchBackend | None = None,
    ) -> None:
        self.library = library
        self.backend = backend or default_backend(directory or library.state_dir / "index")
        self._opened = False
        # Bodies of recently shown hits, for snippets while the user types: id -> (hash, body)
        self._bodies: OrderedDict[str, tuple[str, str]] = OrderedDict()
        self._bodies_lock = threading.Lock()  # searches and opened articles run in threads

    @property
    def directory(self) -> Path:
        return self.backend.directory

    # -- opening, building, syncing ---------------------------------------------------------

    @property
    def _stamp_file(self) -> Path:
        return self.directory / "kimreader-synced"

    def _open(self) -> str:
        """Open the engine's index, creating it when needed; why it was (re)created, or ""."""
        reason = "" if self._opened else self.backend.open()
        if reason:
            self.backend.create()
        self._opened = True
        return reason

    def ensure(self, entity_loader: EntityLoader | None = None) -> SyncReport:
        """Open the index, rebuilding it if needed, and bring it in line with the library."""
        problems = [str(p) for p in self.library.refresh()]
        try:
            reason = self._open()
        except OSError as error:  # a read-only library, a full disk
            message = f"{self.directory}: cannot build the search index ({error.strerror or error})"
            raise LibraryError(message) from None
        try:
            report = self.sync(entity_loader)
        except OSError as error:
            why = error.strerror or str(error)
            report = SyncReport(problems=[f"the search index could not be updated ({why})"])
        report.rebuilt = reason if reason != "missing" or report.added else report.rebuilt
        report.problems[:0] = problems
        return report

    def is_current(self) -> bool:
        try:
            return self._stamp_file.read_text().strip() == _library_signature(self.library)
        except OSError:
            return False

    def sync(self, entity_loader: EntityLoader | None = None) -> SyncReport:
        """Index new and changed articles, drop removed ones. Only what changed is touched."""
        report = SyncReport(rebuilt=self._open())
        if self.is_current():
            return report
        wanted = {e.id: e.hash for e in self.library.catalog()}
        indexed = self.backend.stored_hashes()
        stale = [i for i, h in wanted.items() if indexed.get(i) != h]
        gone = [i for i in indexed if i not in wanted]
        if stale or gone:
            with self.backend.writing(bulk=len(stale)) as writer:
                # Another kimreader may have indexed since `indexed` was read: decide again
                # under the lock (else both add the same articles twice), and never drop an
                # article whose file exists but this process has not listed yet.
                indexed = writer.stored_hashes()
                stale = [i for i, h in wanted.items() if indexed.get(i) != h]
                gone = [i for i in indexed if i not in wanted and not self._on_disk(i)]
                writer.delete(gone + [i for i in stale if i in indexed])
                report.removed += len(gone)
                # Old versions were deleted above: add, not update (no search per document).
                writer.add(self._documents(stale, indexed, report, entity_loader))
        atomic_write_text(self._stamp_file, _library_signature(self.library) + "\n")
        return report

    def _documents(
        self,
        article_ids: Iterable[str],
        indexed: dict[str, str],
        report: SyncReport,
        entity_loader: EntityLoader | None,
    ) -> Iterator[Document]:
        for article_id in article_ids:
            try:
                article = self.library.get(article_id)
            except LibraryError as error:
                report.problems.append(str(error))
                continue
            yield self.document(article, entity_loader)
            if article_id in indexed:
                report.updated += 1
            else:
                report.added += 1

    def rebuild(self, entity_loader: EntityLoader | None = None) -> SyncReport:
        self.backend.create()
        self._stamp_file.unlink(missing_ok=True)  # an engine may keep its files elsewhere
        self._opened = True
        report = self.sync(entity_loader)
        report.rebuilt = "asked for"
        return report

    def reindex(self, article_ids: Iterable[str]) -> int:
        """Re-index given articles (e.g. after their entities were extracted)."""
        self._open()
        articles = []
        for article_id in article_ids:
            try:
                articles.append(self.library.get(article_id))
            except LibraryError:
                continue
        with self.backend.writing(bulk=len(articles)) as writer:
            writer.delete([a.id for a in articles])
            writer.add(self.document(a, None) for a in articles)
        return len(articles)

    def _on_disk(self, article_id: str) -> bool:
        return self.library.path_for(article_id).is_file()

    def document(self, article: Article, entity_loader: EntityLoader | None) -> Document:
        entities = entity_loader(article) if entity_loader else self._stored_entities(article)
        return Document(
            id=article.id,
            hash=article.hash,
            title=article.title,
            body=article.body,
            source=article.source,
            authors=tuple(article.authors),
            published=article.published,
            feed=article.feed,
            entities=entity_names(entities),
        )

    def _stored_entities(self, article: Article) -> Sequence[dict[str, Any]]:
        from kimreader.analysis.corrections import corrected_dicts

        stored = self.library.read_sidecar("entities", article.id, article.hash)
        return corrected_dicts(self.library.root, stored) if isinstance(stored, list) else []

    def stored_hashes(self) -> dict[str, str]:
        self._open()
        return self.backend.stored_hashes()

    def close(self) -> None:
        self.backend.close()
        self._opened = False

    # -- searching --------------------------------------------------------------------------

    def _ready(self) -> SearchBackend:
        if not self._opened:
            self.ensure()
        return self.backend

    def search(
        self,
        text: str,
        limit: int = 50,
        offsets_for: int = 20,
        only: Collection[str] | None = None,
    ) -> SearchResult:
        """Ranked hits among the articles `only` names (all when None); match offsets and
        snippets only for the first `offsets_for` hits.

        Titles and dates come from the library's catalog in memory, not from the index.
        """
        backend = self._ready()
        try:
            found = backend.search(text, max(limit, 1), offsets_for, only)
            if Feature.OFFSETS not in backend.capabilities:
                found = self._with_analysed_offsets(text, found, offsets_for)
        except QueryError as error:
            return SearchResult(query=text, total=0, hits=(), error=str(error))
        hits = tuple(self._hit(match) for match in found.matches)
        suggestion = self.suggest(text, better_than=found.total) if found.total < 2 else ""
        return SearchResult(
            query=text, total=found.total, hits=hits, suggestion=suggestion, note=found.note
        )

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
