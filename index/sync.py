"""Keeping a search engine's index in line with the library (the index is a cache of it).

Whenever the index is missing, built by another schema version or unreadable, it is rebuilt
from the library's files; otherwise only articles that changed are indexed again. The engine is
any `SearchBackend` (Whoosh by default); querying is in search.py.
"""

from __future__ import annotations

import functools
import hashlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library, LibraryError, atomic_write_text
from kimreader.index.backend import Document, SearchBackend

if TYPE_CHECKING:
    from kimreader.analysis.corrections import Correction

ENTITY_KINDS = ("person", "org", "place")  # the entity types a query can name
SYNC_ATTEMPTS = 3  # another process's commits can remove files under a sync: read again


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


class _Corrections:
    """The user's entity corrections for one operation over many articles: read at the first
    article that needs them, then the same for the others (not the file once per article)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._read: tuple[Correction, ...] | None = None

    def get(self) -> tuple[Correction, ...]:
        """CorrectionError when the file is damaged (the index waits for the fix)."""
        if self._read is None:
            from kimreader.analysis.corrections import current_corrections

            self._read = current_corrections(self.root)
        return self._read


def default_backend(directory: Path) -> SearchBackend:
    from kimreader.index.whoosh.backend import WhooshBackend

    return WhooshBackend(directory)


Method = TypeVar("Method", bound=Callable[..., Any])


def _serialised(method: Method) -> Method:
    """Run the method holding the instance's sync lock."""

    @functools.wraps(method)
    def locked(self: IndexSync, *args: Any, **kwargs: Any) -> Any:
        with self._sync_lock:
            return method(self, *args, **kwargs)

    return cast(Method, locked)


class IndexSync:
    """An engine's index kept in line with a library: open, sync, rebuild, reindex."""

    def __init__(
        self,
        library: Library,
        directory: Path | None = None,
        backend: SearchBackend | None = None,
    ) -> None:
        self.library = library
        self.backend = backend or default_backend(directory or library.state_dir / "index")
        self._opened = False
        self._ensured = False  # an ensure() has finished: the index is in line with the library
        # One sync at a time per process: the app opens the index in one thread while a search
        # or the related screen may ask for it in another (the engine has its own lock).
        self._sync_lock = threading.RLock()

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

    @_serialised
    def ensure(
        self,
        entity_loader: EntityLoader | None = None,
        meanwhile: Callable[[], object] | None = None,
    ) -> SyncReport:
        """Open the index, rebuilding it if needed, and bring it in line with the library.
        `meanwhile` runs on the opened index while the files are checked in a child process
        (see Library.prefetch_file_stats): work that does not depend on the check."""
        self.library.prefetch_file_stats()  # the files are checked while the engine opens
        try:
            reason, failure = self._open(), None
            if meanwhile is not None and not reason:
                meanwhile()
        except OSError as error:  # a read-only library, a full disk
            reason, failure = "", error
        finally:
            problems = [str(p) for p in self.library.refresh()]
        if failure is not None:
            why = failure.strerror or failure
            raise LibraryError(f"{self.directory}: cannot build the search index ({why})")
        try:
            report = self._sync_retrying(entity_loader)
        except OSError as error:
            why = error.strerror or str(error)
            report = SyncReport(problems=[f"the search index could not be updated ({why})"])
        report.rebuilt = reason if reason != "missing" or report.added else report.rebuilt
        report.problems[:0] = problems
        self._ensured = True
        return report

    def ensured(self) -> bool:
        """Whether an ensure() has finished (one running in another thread has not)."""
        return self._ensured

    def _sync_retrying(self, entity_loader: EntityLoader | None) -> SyncReport:
        """sync(), read again when another process's commit removed index files this one was
        about to read (segments merged away under a reader: the next read sees the new ones)."""
        for _ in range(SYNC_ATTEMPTS - 1):
            try:
                return self.sync(entity_loader)
            except FileNotFoundError:
                time.sleep(0.05)
        return self.sync(entity_loader)

    def is_current(self) -> bool:
        return self._current() != ""

    def _current(self) -> str:
        """How the index is known to hold the library as it is: "files" when the files'
        digest (names, mtimes, sizes) is the one indexed, which needs no look at the catalog
        (a search may then never load it); "texts" when the articles' texts are; else ""."""
        try:
            stamp = self._stamp_file.read_text().split()
        except OSError:
            return ""
        if stamp[1:] == [self.library.checked_digest()]:
            return "files"
        return "texts" if stamp[:1] == [_library_signature(self.library)] else ""

    @_serialised
    def sync(self, entity_loader: EntityLoader | None = None) -> SyncReport:
        """Index new and changed articles, drop removed ones. Only what changed is touched."""
        report = SyncReport(rebuilt=self._open())
        current = self._current()
        if current == "files":
            return report
        if current == "texts":  # files touched, texts the same: the stamp learns their digest
            self._write_stamp()
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
        self._write_stamp()
        return report

    def _write_stamp(self) -> None:
        stamp = f"{_library_signature(self.library)}\n{self.library.checked_digest()}\n"
        atomic_write_text(self._stamp_file, stamp)

    def _documents(
        self,
        article_ids: Iterable[str],
        indexed: dict[str, str],
        report: SyncReport,
        entity_loader: EntityLoader | None,
    ) -> Iterator[Document]:
        corrections = _Corrections(self.library.root)  # read once, when first needed
        for article_id in article_ids:
            try:
                article = self.library.get(article_id)
            except LibraryError as error:
                report.problems.append(str(error))
                continue
            yield self.document(article, entity_loader, corrections)
            if article_id in indexed:
                report.updated += 1
            else:
                report.added += 1

    @_serialised
    def rebuild(self, entity_loader: EntityLoader | None = None) -> SyncReport:
        self.backend.create()
        self._stamp_file.unlink(missing_ok=True)  # an engine may keep its files elsewhere
        self._opened = True
        report = self.sync(entity_loader)
        report.rebuilt = "asked for"
        return report

    @_serialised
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
            corrections = _Corrections(self.library.root)
            writer.add(self.document(a, None, corrections) for a in articles)
        return len(articles)

    def _on_disk(self, article_id: str) -> bool:
        return self.library.path_for(article_id).is_file()

    def document(
        self,
        article: Article,
        entity_loader: EntityLoader | None,
        corrections: _Corrections | None = None,
    ) -> Document:
        """`corrections`: the user's entity corrections as one operation over many articles
        read them (once); None: read now."""
        if entity_loader:
            entities = entity_loader(article)
        else:
            entities = self._stored_entities(
                article, corrections or _Corrections(self.library.root)
            )
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

    def _stored_entities(
        self, article: Article, corrections: _Corrections
    ) -> Sequence[dict[str, Any]]:
        from kimreader.analysis.corrections import corrected_dicts

        stored = self.library.read_sidecar("entities", article.id, article.hash)
        if not isinstance(stored, list):
            return []
        return corrected_dicts(self.library.root, stored, corrections.get())

    def stored_hashes(self) -> dict[str, str]:
        self._open()
        return self.backend.stored_hashes()

    @_serialised
    def close(self) -> None:
        self.backend.close()
        self._opened = self._ensured = False
