"""Search over the library with Whoosh: sync, query, exact match offsets, suggestions, related.

The index lives in `<library>/.kimreader/index` and is a cache: whenever it is missing, built by
another schema version or unreadable, it is rebuilt from the library's files.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library, LibraryError, atomic_write_text
from kimreader.index.query import QueryError, make_parser, parse_query
from kimreader.index.schema import ENTITY_FIELDS, SCHEMA_VERSION, build_schema

if TYPE_CHECKING:
    from whoosh.index import Index
    from whoosh.query import Query
    from whoosh.searching import Searcher

Span = tuple[int, int]
SNIPPET_WIDTH = 160
LOCK_TIMEOUT = 30.0  # seconds to wait for another kimreader's writer
# Builds of at least PARALLEL_BUILD articles analyse in BUILD_PROCS processes, each writing
# its own segment (Whoosh's multisegment writer: no merge at the end).
PARALLEL_BUILD = 400
BODY_CACHE = 256  # article bodies kept for snippets (about 1.5 MB)
BUILD_PROCS = max(1, min(2, os.cpu_count() or 1))


class IndexBusy(RuntimeError):
    """Another process holds the index's write lock for longer than we wait."""


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


def entity_names(entities: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """Names per index field from stored entity dicts (canonical names and aliases)."""
    names: dict[str, list[str]] = {name: [] for name in ENTITY_FIELDS}
    for entity in entities:
        kind = entity.get("type")
        if kind in names:
            names[kind].append(str(entity["name"]))
            names[kind].extend(str(a) for a in entity.get("aliases", ()))
    return names


def _library_signature(library: Library) -> str:
    items = sorted(f"{e.id}:{e.hash}" for e in library.catalog())
    return hashlib.sha256("\n".join(items).encode()).hexdigest()


class SearchIndex:
    """The one search interface the app and the command line use."""

    def __init__(self, library: Library, directory: Path | None = None) -> None:
        self.library = library
        self.directory = directory or library.state_dir / "index"
        self._index: Index | None = None
        self._searcher: Searcher | None = None
        self._parser: Any = None
        self._id_column: Any = None  # the searcher's docnum -> id column reader
        self._rows: dict[int, tuple[str, str, str, str]] = {}  # docnum -> what a Hit lists
        # Bodies of recently shown hits, for snippets while the user types: id -> (hash, body)
        self._bodies: OrderedDict[str, tuple[str, str]] = OrderedDict()

    # -- opening, building, syncing ---------------------------------------------------------

    @property
    def _version_file(self) -> Path:
        return self.directory / "kimreader-schema"

    @property
    def _stamp_file(self) -> Path:
        return self.directory / "kimreader-synced"

    def _open_existing(self) -> str:
        """Open the index on disk; returns why it must be rebuilt, or "" when it is usable."""
        from whoosh import index as whoosh_index

        try:
            if not self.directory.is_dir() or not whoosh_index.exists_in(str(self.directory)):
                return "missing"
        except Exception:  # a corrupt table of contents
            return "unreadable"
        try:
            version = self._version_file.read_text().strip()
        except OSError:
            version = ""
        if version != str(SCHEMA_VERSION):
            return "built by another version"
        try:
            ix = self._storage().open_index()
            with ix.searcher() as searcher:
                searcher.doc_count()
        except Exception:  # any failure to read a cache means: rebuild it
            return "unreadable"
        self._index = ix
        return ""

    def _storage(self) -> Any:
        from kimreader.index.fields import MappedStorage

        return MappedStorage(str(self.directory))

    def _create(self) -> None:

        if self.directory.exists():
            shutil.rmtree(self.directory, ignore_errors=True)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._index = self._storage().create_index(build_schema())
        atomic_write_text(self._version_file, f"{SCHEMA_VERSION}\n")

    def ensure(self, entity_loader: EntityLoader | None = None) -> SyncReport:
        """Open the index, rebuilding it if needed, and bring it in line with the library."""
        problems = [str(p) for p in self.library.refresh()]
        reason = self._open_existing() if self._index is None else ""
        try:
            if reason:
                self._create()
            report = self.sync(entity_loader)
        except OSError as error:  # a read-only library, a full disk
            why = error.strerror or str(error)
            if self._index is None:
                message = f"{self.directory}: cannot build the search index ({why})"
                raise LibraryError(message) from None
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
        report = SyncReport()
        if self._index is None:
            reason = self._open_existing()
            if reason:
                self._create()
                report.rebuilt = reason
        if self.is_current():
            return report
        wanted = {e.id: e.hash for e in self.library.catalog()}
        indexed = self._indexed_hashes()
        stale = [i for i, h in wanted.items() if indexed.get(i) != h]
        gone = [i for i in indexed if i not in wanted]
        if stale or gone:
            procs = BUILD_PROCS if len(stale) >= PARALLEL_BUILD else 1
            with self._writer(procs=procs) as writer:
                # Another kimreader may have indexed since `indexed` was read: decide again
                # under the lock (else both add the same articles twice), and never drop an
                # article whose file exists but this process has not listed yet.
                indexed = self._hashes_in(writer)
                stale = [i for i, h in wanted.items() if indexed.get(i) != h]
                gone = [i for i in indexed if i not in wanted and not self._on_disk(i)]
                self._delete(writer, gone + [i for i in stale if i in indexed])
                report.removed += len(gone)
                for article_id in stale:
                    try:
                        article = self.library.get(article_id)
                    except LibraryError as error:
                        report.problems.append(str(error))
                        continue
                    # Old versions were deleted above: add, not update (no search per doc).
                    writer.add_document(**self._document(article, entity_loader))
                    if article_id in indexed:
                        report.updated += 1
                    else:
                        report.added += 1
        atomic_write_text(self._stamp_file, _library_signature(self.library) + "\n")
        self._drop_searcher()
        return report

    def rebuild(self, entity_loader: EntityLoader | None = None) -> SyncReport:
        self._drop_searcher()
        self._index = None
        self._create()
        report = self.sync(entity_loader)
        report.rebuilt = "asked for"
        return report

    def reindex(self, article_ids: Iterable[str]) -> int:
        """Re-index given articles (e.g. after their entities were extracted)."""
        count = 0
        with self._writer() as writer:
            for article_id in article_ids:
                try:
                    article = self.library.get(article_id)
                except LibraryError:
                    continue
                writer.update_document(**self._document(article, None))
                count += 1
        self._drop_searcher()
        return count

    @staticmethod
    def _hashes_in(writer: Any) -> dict[str, str]:
        """id -> hash of what the index holds as the writer (holding the lock) sees it."""
        with writer.searcher() as searcher:
            return _hashes_of(searcher)

    def _on_disk(self, article_id: str) -> bool:
        return self.library.path_for(article_id).is_file()

    @staticmethod
    def _delete(writer: Any, article_ids: Sequence[str]) -> None:
        """Delete documents by id, with one searcher for them all."""
        if not article_ids:
            return
        with writer.searcher() as searcher:
            for article_id in article_ids:
                writer.delete_by_term("id", article_id, searcher=searcher)

    def _indexed_hashes(self) -> dict[str, str]:
        """id -> content hash of every indexed article, from columns when the index has them
        (cheap at any size), else from the stored fields."""
        assert self._index is not None
        with self._index.searcher() as searcher:
            return _hashes_of(searcher)

    def _writer(self, procs: int = 1) -> Any:
        from whoosh.index import LockError

        from kimreader.index.fields import FastCodec

        assert self._index is not None
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                # limitmb keeps memory bounded on big imports; procs>1 splits the work.
                # compound=False: Whoosh copies every file of a compound segment into memory
                # when it opens it (about 15 kB per article); plain files are read as needed.
                return self._index.writer(
                    procs=procs,
                    limitmb=128,
                    multisegment=procs > 1,
                    codec=FastCodec(),
                    compound=False,
                )
            except LockError:
                if time.monotonic() > deadline:
                    raise IndexBusy(
                        "the index is busy: another kimreader is writing to it; try again"
                    ) from None
                time.sleep(0.1)

    def _document(self, article: Article, entity_loader: EntityLoader | None) -> dict[str, Any]:
        entities = entity_loader(article) if entity_loader else self._stored_entities(article)
        names = entity_names(entities)
        published = (
            datetime(article.published.year, article.published.month, article.published.day)
            if article.published
            else None
        )
        document: dict[str, Any] = {
            "id": article.id,
            "hash": article.hash,
            "title": article.title,
            "body": article.body,
            "words": article.title + "\n" + article.body,
            "source": article.source,
            "source_facet": article.source,
            "author": "\n".join(article.authors),
            "author_facet": ",".join(a.replace(",", " ") for a in article.authors),
            "path": str(article.path or ""),
        }
        if article.feed:
            document["feed"] = article.feed
        if published is not None:
            document["published"] = published
        # Empty facet values would count as a source or author named "".
        for facet in ("source_facet", "author_facet"):
            if not document[facet]:
                del document[facet]
        for kind in ENTITY_FIELDS:
            document[kind] = "\n".join(names[kind])
            canonical = [e["name"] for e in entities if e.get("type") == kind]
            document[f"{kind}_facet"] = ",".join(n.replace(",", " ") for n in canonical)
        return document

    def _stored_entities(self, article: Article) -> Sequence[dict[str, Any]]:
        stored = self.library.read_sidecar("entities", article.id, article.hash)
        return stored if isinstance(stored, list) else []

    # -- searching --------------------------------------------------------------------------

    def searcher(self) -> Searcher:
        if self._index is None:
            self.ensure()
        assert self._index is not None
        if self._searcher is None:
            self._searcher = self._index.searcher()
            self._forget_rows()
        elif not self._searcher.up_to_date():
            try:
                self._searcher = self._searcher.refresh()
            except TypeError:  # Whoosh cannot refresh a searcher over an empty index
                self._searcher.close()
                self._searcher = self._index.searcher()
            self._forget_rows()
        return self._searcher

    def _forget_rows(self) -> None:
        self._id_column = None
        self._rows.clear()

    def _drop_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._forget_rows()

    def close(self) -> None:
        self._drop_searcher()
        if self._index is not None:
            self._index.close()
            self._index = None

    def parse(self, text: str) -> Query:
        """Parse a query string; raises QueryError."""
        if self._parser is None:
            if self._index is None:
                self.ensure()
            assert self._index is not None
            self._parser = make_parser(self._index.schema)
        return parse_query(self._parser, text)

    def search(
        self,
        text: str,
        limit: int = 50,
        offsets_for: int = 20,
        only: Collection[str] | None = None,
    ) -> SearchResult:
        """Ranked hits; match offsets and snippets only for the first `offsets_for` hits.

        Per keystroke this costs one scoring pass, a count pass only when more than `limit`
        documents match, and postings reads for the hits shown; titles and dates come from
        the library's catalog in memory, not from the index's stored fields.
        """
        try:
            parsed = self.parse(text)
        except QueryError as error:
            return SearchResult(query=text, total=0, hits=(), error=str(error))
        searcher = self.searcher()
        parsed = self._expanded(parsed)
        limit = max(limit, 1)
        # `only`: the articles the rest of the query (the reader's own terms) admits.
        allowed = None if only is None else self._docnums(searcher, only)
        if allowed is not None and not allowed:
            return SearchResult(query=text, total=0, hits=())
        results = searcher.search(parsed, limit=limit, filter=allowed)
        top = results.top_n
        # Fewer than `limit` scored means every match was scored: the count is already known.
        total = len(top) if len(top) < limit else len(results)
        shown = [docnum for _, docnum in top[: max(offsets_for, 0)]]
        offsets = self._offsets(parsed, shown)
        hits = []
        for score, docnum in top:
            hit = self._hit(searcher, docnum, score)
            if docnum in offsets:
                hit = self._with_spans(hit, *offsets[docnum])
            hits.append(hit)
        suggestion = self.suggest(text, better_than=total) if total < 2 else ""
        return SearchResult(query=text, total=total, hits=tuple(hits), suggestion=suggestion)

    @staticmethod
    def _docnums(searcher: Searcher, article_ids: Collection[str]) -> set[int]:
        wanted = set(article_ids)
        reader = searcher.reader()
        if reader.has_column("id"):
            column = reader.column_reader("id")
            return {docnum for docnum in reader.all_doc_ids() if column[docnum] in wanted}
        found = (searcher.document_number(id=article_id) for article_id in wanted)
        return {docnum for docnum in found if docnum is not None}

    def _hit(self, searcher: Searcher, docnum: int, score: float | None) -> Hit:
        row = self._rows.get(docnum)
        if row is None:
            row = self._rows[docnum] = self._row(searcher, docnum)
        return Hit(row[0], row[1], float(score or 0.0), row[2], row[3])

    def _row(self, searcher: Searcher, docnum: int) -> tuple[str, str, str, str]:
        """(id, title, source, published) of a document: from the id column and the catalog
        (in memory), else from the stored fields. Cached until the searcher changes."""
        reader = searcher.reader()
        entry = None
        if reader.has_column("id"):
            if self._id_column is None:
                self._id_column = reader.column_reader("id")
            entry = self.library.entry(self._id_column[docnum])
        if entry is not None:
            return entry.id, entry.title, entry.source, entry.published
        fields = searcher.stored_fields(docnum)
        published = fields.get("published")
        date = published.date().isoformat() if published else ""
        return fields["id"], fields.get("title", ""), fields.get("source", ""), date

    def _expanded(self, parsed: Query) -> Query:
        """Fuzzy terms looked up once for this search (see fields.ExpandedTerm)."""
        from whoosh.query import FuzzyTerm

        from kimreader.index.fields import expand_fuzzy

        if not any(isinstance(leaf, FuzzyTerm) for leaf in parsed.leaves()):
            return parsed
        return expand_fuzzy(parsed, self.searcher().reader())

    def _offsets(self, parsed: Query, docnums: Sequence[int]) -> dict[int, tuple[Any, Any]]:
        """(body spans, title spans) per document, for the hits on screen only."""
        from kimreader.index.offsets import spans_for_docs

        if not docnums:
            return {}
        reader = self.searcher().reader()
        body = spans_for_docs(reader, parsed, docnums, "body")
        title = spans_for_docs(reader, parsed, docnums, "title")
        return {docnum: (body.get(docnum, []), title.get(docnum, [])) for docnum in docnums}

    def add_offsets(self, hit: Hit, text: str) -> Hit:
        """Fill in offsets and snippet for a hit that was listed without them (e.g. scrolled to)."""
        if hit.with_offsets:
            return hit
        parsed = self._expanded(self.parse(text))
        docnum = self.searcher().document_number(id=hit.id)
        if docnum is None:
            return hit
        return self._with_spans(hit, *self._offsets(parsed, [docnum])[docnum])

    def _with_spans(self, hit: Hit, body_spans: Sequence[Span], title_spans: Sequence[Span]) -> Hit:
        return replace(
            hit,
            snippet=make_snippet(self._cached_body(hit.id), body_spans),
            matches=tuple(body_spans),
            title_matches=tuple(title_spans),
            with_offsets=True,
        )

    def match_offsets(self, article_id: str, text: str) -> tuple[list[Span], list[Span]]:
        """(body spans, title spans) of a query in one article; empty when it does not match."""
        from kimreader.index.offsets import match_spans

        try:
            parsed = self._expanded(self.parse(text))
        except QueryError:
            return [], []
        searcher = self.searcher()
        docnum = searcher.document_number(id=article_id)
        if docnum is None:
            return [], []
        reader = searcher.reader()
        return match_spans(reader, parsed, docnum, "body"), match_spans(
            reader, parsed, docnum, "title"
        )

    def _cached_body(self, article_id: str) -> str:
        """The body for a snippet; bodies of the last BODY_CACHE hits shown are kept."""
        entry = self.library.entry(article_id)
        cached = self._bodies.get(article_id)
        if entry is not None and cached is not None and cached[0] == entry.hash:
            self._bodies.move_to_end(article_id)
            return cached[1]
        body = self._body_text(article_id, str(self.library.path_for(article_id)))
        if entry is not None:
            self._bodies[article_id] = (entry.hash, body)
            if len(self._bodies) > BODY_CACHE:
                self._bodies.popitem(last=False)
        return body

    def _body_text(self, article_id: str, path: str) -> str:
        from kimreader.corpus.frontmatter import split_front_matter

        try:
            text = Path(path).read_text(encoding="utf-8") if path else ""
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
        """A "did you mean" query: unknown plain words replaced by the closest indexed words."""
        from kimreader.index.fields import SegmentWiseReader
        from kimreader.index.suggest import suggest_query

        searcher = self.searcher()
        suggestion = suggest_query(SegmentWiseReader(searcher.reader()), text)
        if not suggestion or suggestion == text:
            return ""
        try:
            parsed = self.parse(suggestion)
        except QueryError:
            return ""
        # Scoring better_than + 1 documents tells whether there are more than better_than.
        found = searcher.search(parsed, limit=better_than + 1).scored_length()
        return suggestion if found > better_than else ""

    def related(self, article_id: str, limit: int = 10) -> list[Hit]:
        """Articles most like this one (more-like-this over the body's key terms)."""
        searcher = self.searcher()
        docnum = searcher.document_number(id=article_id)
        if docnum is None:
            return []
        path = searcher.stored_fields(docnum).get("path", "")
        body = self._body_text(article_id, path)
        results = searcher.more_like(docnum, "body", text=body, top=limit, numterms=25)
        hits = []
        for hit in results:
            fields = hit.fields()
            published = fields.get("published")
            hits.append(
                Hit(
                    id=fields["id"],
                    title=fields.get("title", ""),
                    score=float(hit.score or 0.0),
                    source=fields.get("source", ""),
                    published=published.date().isoformat() if published else "",
                )
            )
        return hits

    def facet_counts(self, fieldname: str) -> dict[str, int]:
        """Articles per value of a facet field (source, author, person, org, place)."""
        reader = self.searcher().reader()
        facet = f"{fieldname}_facet"
        if facet not in reader.schema:
            raise ValueError(f"no facet named {fieldname}")
        counts: dict[str, int] = {}
        for term in reader.lexicon(facet):
            text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            counts[text] = reader.doc_frequency(facet, term)
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def doc_count(self) -> int:
        return self.searcher().doc_count()


def _hashes_of(searcher: Searcher) -> dict[str, str]:
    """id -> content hash of every live document: from the id and hash columns when the index
    has them (cheap at any size), else from the stored fields."""
    reader = searcher.reader()
    if reader.has_column("id") and reader.has_column("hash"):
        ids, hashes = reader.column_reader("id"), reader.column_reader("hash")
        return {ids[docnum]: hashes[docnum] for docnum in reader.all_doc_ids()}
    return {f["id"]: f.get("hash", "") for f in searcher.all_stored_fields()}


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
