"""A library with its search index and entities: what the app and the command line open.

This is the one place that imports articles end to end: read files, extract entities in
batches, store each article atomically (entities first, the article file last), then bring
the index up to date. A crash at any point leaves whole articles; the next start indexes
whatever the index is missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kimreader.analysis.entity import Entity
from kimreader.corpus.article import Article
from kimreader.corpus.library import Library, LibraryError
from kimreader.index.search import SearchIndex, SyncReport

ENTITY_BATCH = 64
Progress = Callable[[int, int], None]  # (done, total)


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (origin, existing id)
    failed: list[str] = field(default_factory=list)  # one line each: "file: reason"
    index: SyncReport | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": [{"origin": o, "id": i} for o, i in self.duplicates],
            "failed": self.failed,
        }


class Workspace:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.index = SearchIndex(library)

    @classmethod
    def open(cls, root: Path | None = None) -> Workspace:
        return cls(Library.open(root))

    def ensure_index(self) -> SyncReport:
        return self.index.ensure()

    # -- reading ----------------------------------------------------------------------------

    def get(self, article_id: str) -> Article:
        return self.library.get(article_id)

    def entities(self, article: Article) -> list[Entity]:
        """The entities stored with an article ([] if it entered without them)."""
        stored = self.library.read_sidecar("entities", article.id, article.hash)
        if not isinstance(stored, list):
            return []
        return [Entity.from_json(item) for item in stored]

    def missing_entities(self) -> list[str]:
        """Ids of articles with no (or outdated) stored entities."""
        return [
            e.id
            for e in self.library.catalog()
            if self.library.read_sidecar("entities", e.id, e.hash) is None
        ]

    # -- importing --------------------------------------------------------------------------

    def add_paths(
        self,
        paths: Iterable[str | Path],
        *,
        progress: Progress | None = None,
        processes: int = 1,
        with_entities: bool = True,
    ) -> ImportReport:
        from kimreader.corpus.readers import ReadError, iter_paths, read_file, read_text

        if not os.access(self.library.root, os.W_OK):  # one line, not one per file
            raise LibraryError(f"{self.library.root}: the library folder is read-only")
        report = ImportReport()
        items = list(iter_paths(paths))
        pending: list[Article] = []
        seen_hashes: dict[str, str] = {}
        self.library.autosave_catalog = False
        try:
            for done, item in enumerate(items, 1):
                try:
                    if item == "-":
                        import sys

                        article = read_text(sys.stdin.buffer.read(), "-", "auto")
                    else:
                        article = read_file(Path(item))
                except ReadError as error:
                    report.failed.append(str(error))
                except (OSError, RecursionError, MemoryError) as error:
                    report.failed.append(f"{item}: {error.__class__.__name__}: {error}")
                else:
                    self._classify(article, report, pending, seen_hashes)
                if len(pending) >= ENTITY_BATCH * max(processes, 1):
                    self._store(pending, report, processes, with_entities)
                    pending = []
                if progress:
                    progress(done, len(items))
            self._store(pending, report, processes, with_entities)
        finally:
            self.library.autosave_catalog = True
            self.library.save_catalog()
        report.index = self.index.ensure()
        return report

    def _classify(
        self,
        article: Article,
        report: ImportReport,
        pending: list[Article],
        seen_hashes: dict[str, str],
    ) -> None:
        if article.hash in seen_hashes:
            report.duplicates.append((article.origin, seen_hashes[article.hash]))
            return
        status, stored, duplicate_of = self.library.classify(article)
        seen_hashes[article.hash] = stored.id if status != "duplicate" else duplicate_of
        if status == "unchanged":
            report.unchanged.append(stored.id)
        elif status == "duplicate":
            report.duplicates.append((article.origin, duplicate_of))
        else:
            pending.append(stored)
            (report.updated if status == "updated" else report.added).append(stored.id)

    def _store(
        self, articles: Sequence[Article], report: ImportReport, processes: int, entities: bool
    ) -> None:
        if not articles:
            return
        found = self.extract(articles, processes) if entities else [None] * len(articles)
        for article, article_entities in zip(articles, found, strict=True):
            sidecars = {"entities": article_entities} if article_entities is not None else None
            try:
                self.library.write(article, sidecars)
            except LibraryError as error:
                # Name the file the user gave, as read errors do; the reason says where.
                report.failed.append(f"{article.origin or article.id}: not stored: {error}")
                for bucket in (report.added, report.updated):
                    if article.id in bucket:
                        bucket.remove(article.id)

    @staticmethod
    def extract(articles: Sequence[Article], processes: int = 1) -> list[list[dict[str, Any]]]:
        from kimreader.analysis.entities import extract_entities

        found = extract_entities([a.body for a in articles], processes=processes)
        return [[entity.to_json() for entity in entities] for entities in found]

    def fill_missing_entities(self, processes: int = 1, progress: Progress | None = None) -> int:
        """Extract entities for articles that entered without them (e.g. files copied in)."""
        missing = self.missing_entities()
        if missing:
            self.index.ensure()  # the index must be open before documents are rewritten
        for start in range(0, len(missing), ENTITY_BATCH):
            batch = [self.library.get(i) for i in missing[start : start + ENTITY_BATCH]]
            for article, found in zip(batch, self.extract(batch, processes), strict=True):
                self.library.write_sidecar(
                    "entities", article.id, {"hash": article.hash, "data": found}
                )
            if progress:
                progress(min(start + ENTITY_BATCH, len(missing)), len(missing))
        if missing:
            self.index.reindex(missing)
        return len(missing)

    def remove(self, article_id: str) -> Article:
        article = self.library.remove(article_id)
        self.index.sync()
        return article
