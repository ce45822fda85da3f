"""The Whoosh engine behind the `SearchBackend` protocol.

Whoosh's searcher and writer are not safe to share between threads: every method holds this
backend's lock, so callers (the app's workers) need no lock of their own.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kimreader.corpus.library import atomic_write_text
from kimreader.corpus.span import Span
from kimreader.index.backend import (
    Document,
    Feature,
    Health,
    IndexBusy,
    Match,
    Matches,
    QueryError,
    SearchCancelled,
)
from kimreader.index.query import ENTITY_FIELDS, make_parser, parse_query
from kimreader.index.whoosh.schema import SCHEMA_VERSION, build_schema

if TYPE_CHECKING:
    from whoosh.index import Index
    from whoosh.query import Query
    from whoosh.searching import Searcher

LOCK_TIMEOUT = 30.0  # seconds to wait for another kimreader's writer
# Builds of at least PARALLEL_BUILD articles analyse in BUILD_PROCS processes, each writing
# its own segment (Whoosh's multisegment writer: no merge at the end).
PARALLEL_BUILD = 400
BUILD_PROCS = 2
ANSWERS_KEPT = 64  # searches answered from memory while the index is unchanged
CHECK_EVERY = 64  # matches collected between two looks at the caller and the clock
# A search while typing stops matching after this long and lists the best it scored so far
# ("N+ found"); the pause after typing completes it. The newer keystroke never waits on it.
TYPING_BUDGET = 0.015
FACETS = {"source": "source_facet", "author": "author_facet"} | {
    kind: f"{kind}_facet" for kind in ENTITY_FIELDS
}


class WhooshBackend:
    """Whoosh over a folder: every feature of the protocol."""

    name = "whoosh"
    capabilities = frozenset(Feature)

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lock = threading.RLock()
        self._index: Index | None = None
        self._searcher: Searcher | None = None
        self._parser: Any = None
        self._ids: tuple[Any, Any] | None = None  # (reader, its docnum -> id column reader)
        # Answers for the current searcher, by parsed query (48 of 158 keystrokes repeat one)
        self._answers: OrderedDict[tuple[Any, ...], Matches] = OrderedDict()

    # -- lifecycle --------------------------------------------------------------------------

    @property
    def _version_file(self) -> Path:
        return self.directory / "kimreader-schema"

    def open(self) -> str:
        from whoosh import index as whoosh_index

        with self._lock:
            if self._index is not None:
                return ""
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
        from kimreader.index.whoosh.storage import MappedStorage

        return MappedStorage(str(self.directory))

    def create(self) -> None:
        with self._lock:
            self._drop_searcher()
            if self._index is not None:
                self._index.close()
                self._index = None
            if self.directory.exists():
                shutil.rmtree(self.directory, ignore_errors=True)
            self.directory.mkdir(parents=True, exist_ok=True)
            self._index = self._storage().create_index(build_schema())
            atomic_write_text(self._version_file, f"{SCHEMA_VERSION}\n")

    def close(self) -> None:
        with self._lock:
            self._drop_searcher()
            if self._index is not None:
                self._index.close()
                self._index = None

    def _opened(self) -> Index:
        if self._index is None:
            reason = self.open()
            if reason:
                raise OSError(f"{self.directory}: the search index is {reason}")
        assert self._index is not None
        return self._index

    # -- writing ----------------------------------------------------------------------------

    @contextmanager
    def writing(self, bulk: int = 0) -> Iterator[_Writer]:
        with self._lock:
            procs = BUILD_PROCS if bulk >= PARALLEL_BUILD else 1
            writer = self._whoosh_writer(procs)
            try:
                yield _Writer(writer)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
            self._drop_searcher()

    def _whoosh_writer(self, procs: int = 1) -> Any:
        from whoosh.index import LockError

        from kimreader.index.whoosh.codec import FastCodec
        from kimreader.index.whoosh.pool import TermPoolMpWriter, TermPoolWriter

        index = self._opened()
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                # limitmb keeps memory bounded on big imports; procs>1 splits the work, each
                # process writing its own segment. compound=False: Whoosh copies every file of
                # a compound segment into memory when it opens it (about 15 kB per article);
                # plain files are read as needed.
                options: dict[str, Any] = {"limitmb": 128, "codec": FastCodec(), "compound": False}
                if procs > 1:
                    return TermPoolMpWriter(index, procs, **options)
                return TermPoolWriter(index, **options)
            except LockError:
                if time.monotonic() > deadline:
                    raise IndexBusy(
                        "the index is busy: another kimreader is writing to it; try again"
                    ) from None
                time.sleep(0.1)

    def stored_hashes(self) -> dict[str, str]:
        with self._lock, self._opened().searcher() as searcher:
            return _hashes_of(searcher)

    # -- reading ----------------------------------------------------------------------------

    def searcher(self) -> Searcher:
        """The current searcher (refreshed when the index changed). Hold no lock: Whoosh-only
        callers (tests, benchmarks) use it from one thread."""
        with self._lock:
            if self._searcher is None:
                self._searcher = self._opened().searcher()
                self._forget()
            elif not self._searcher.up_to_date():
                # A new searcher, not Searcher.refresh(): Whoosh-Reloaded's refresh keeps the
                # segments another writer merged away and their old deletions (an article
                # then counts two or three times, and a deleted one is still found). The old
                # one is not closed: a search under way may still read through it (its files
                # close when the last reference goes).
                self._searcher = self._opened().searcher()
                self._forget()
            return self._searcher

    def _drop_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._forget()

    def _forget(self) -> None:
        """Drop what was read through the previous searcher."""
        self._ids = None
        self._answers.clear()

    def parse(self, text: str) -> Query:
        """Parse a query string; raises QueryError."""
        with self._lock:
            if self._parser is None:
                self._parser = make_parser(self._opened().schema)
            return parse_query(self._parser, text)

    def _expanded(self, searcher: Searcher, parsed: Query, typing: bool = False) -> Query:
        """Fuzzy terms looked up once for this search (see fuzzy.ExpandedTerm); while the user
        is `typing`, only among words with the term's first letter."""
        from whoosh.query import FuzzyTerm

        from kimreader.index.whoosh.fuzzy import expand_fuzzy

        if not any(isinstance(leaf, FuzzyTerm) for leaf in parsed.leaves()):
            return parsed
        return expand_fuzzy(parsed, searcher.reader(), min_prefix=1 if typing else 0)

    def _id_of(self, searcher: Searcher, docnum: int) -> str:
        """The id of a document of `searcher` (the one that found it: another process's commit
        may have given this backend a newer searcher since, with other docnums)."""
        reader = searcher.reader()
        if not reader.has_column("id"):
            return str(searcher.stored_fields(docnum)["id"])
        if self._ids is None or self._ids[0] is not reader:
            self._ids = (reader, reader.column_reader("id"))
        return str(self._ids[1][docnum])

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
        """One scoring pass, a count pass only when more than `limit` documents match and an
        exact count is asked for (`exact` and `count`), and postings reads for the first
        `offsets_for` hits. Answers are kept per parsed query until the index changes (typing
        repeats queries)."""
        # The typing budget counts from here: looking up a fuzzy term's words is part of it.
        deadline = None if exact else time.perf_counter() + TYPING_BUDGET
        with self._lock:
            searcher = self.searcher()
            parsed = self._expanded(searcher, self.parse(query), typing=not exact)
            counted = exact and count
            key = (
                repr(parsed),
                limit,
                offsets_for,
                counted,
                None if only is None else frozenset(only),
            )
            cached = self._answers.get(key)
            if cached is not None:
                self._answers.move_to_end(key)
                return cached
            try:
                found, whole = self._search(
                    searcher, parsed, max(limit, 1), offsets_for, only, counted, cancelled, deadline
                )
            except FileNotFoundError:  # another process's commit merged segments away:
                self._drop_searcher()  # once more, through the segments that replaced them
                searcher = self.searcher()
                parsed = self._expanded(searcher, self.parse(query), typing=not exact)
                found, whole = self._search(
                    searcher, parsed, max(limit, 1), offsets_for, only, counted, cancelled
                )
            if whole:  # an answer cut short by the typing budget is not kept
                self._answers[key] = found
                if len(self._answers) > ANSWERS_KEPT:
                    self._answers.popitem(last=False)
            return found

    def _search(
        self,
        searcher: Searcher,
        parsed: Query,
        limit: int,
        offsets_for: int,
        only: Collection[str] | None,
        counted: bool,
        cancelled: Callable[[], bool] | None,
        deadline: float | None = None,
    ) -> tuple[Matches, bool]:
        """The matches, and whether every match was looked at: not when matching stopped at
        `deadline` (a perf_counter time). The total is exact when `counted`, else possibly a
        bound."""
        allowed = None if only is None else self._docnums(searcher, only)
        if allowed is not None and not allowed:
            return Matches(total=0, matches=()), True
        polled = _Polled(searcher.collector(limit=limit), cancelled, deadline)
        collector = polled
        if allowed is not None:  # outermost: Whoosh filters in collect_matches, which a
            from whoosh.collectors import FilterCollector  # wrapper around it would skip

            collector = FilterCollector(polled, allow=allowed)
        searcher.search_with_collector(self._matching(parsed), collector)
        results = collector.results()
        top = results.top_n
        # Fewer than `limit` scored means every match was scored: the count is known.
        # Else counting is a second pass over every match (len), unless a bound will do.
        if polled.stopped_early:  # out of time while typing: at least what it saw
            estimated, total = True, polled.seen
        else:
            estimated = len(top) >= limit and not counted
            total = len(top) if len(top) < limit or estimated else len(results)
        shown = [docnum for _, docnum in top[: max(offsets_for, 0)]]
        offsets = self._offsets(searcher, parsed, shown)
        matches = []
        for score, docnum in top:
            spans = offsets.get(docnum)
            matches.append(
                Match(
                    id=self._id_of(searcher, docnum),
                    score=float(score or 0.0),
                    body=tuple(spans[0]) if spans else (),
                    title=tuple(spans[1]) if spans else (),
                    with_offsets=spans is not None,
                )
            )
        return Matches(total=total, matches=tuple(matches), estimated=estimated), not (
            polled.stopped_early
        )

    @staticmethod
    def _matching(parsed: Query) -> Query:
        """The query that finds the documents: body phrases through the pairs field, date
        ranges through the date column (the highlights still use `parsed`)."""
        from kimreader.index.whoosh.pairs import with_pairs
        from kimreader.index.whoosh.ranges import with_column_ranges

        return with_column_ranges(with_pairs(parsed))

    @staticmethod
    def _docnums(searcher: Searcher, article_ids: Collection[str]) -> set[int]:
        wanted = set(article_ids)
        reader = searcher.reader()
        if reader.has_column("id"):
            column = reader.column_reader("id")
            return {docnum for docnum in reader.all_doc_ids() if column[docnum] in wanted}
        found = (searcher.document_number(id=article_id) for article_id in wanted)
        return {docnum for docnum in found if docnum is not None}

    @staticmethod
    def _offsets(
        searcher: Searcher, parsed: Query, docnums: Sequence[int]
    ) -> dict[int, tuple[list[Span], list[Span]]]:
        """(body spans, title spans) per document of `searcher`, for the hits on screen only."""
        from kimreader.index.whoosh.postings import spans_for_docs

        if not docnums:
            return {}
        reader = searcher.reader()
        body = spans_for_docs(reader, parsed, docnums, "body")
        title = spans_for_docs(reader, parsed, docnums, "title")
        return {docnum: (body.get(docnum, []), title.get(docnum, [])) for docnum in docnums}

    def offsets(self, article_id: str, query: str) -> tuple[list[Span], list[Span]]:
        with self._lock:
            searcher = self.searcher()
            parsed = self._expanded(searcher, self.parse(query))
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                return [], []
            return self._offsets(searcher, parsed, [docnum])[docnum]

    def suggest(self, query: str, better_than: int) -> str:
        from kimreader.index.whoosh.fuzzy import SegmentWiseReader
        from kimreader.index.whoosh.suggest import suggest_query

        with self._lock:
            searcher = self.searcher()
            suggestion = suggest_query(SegmentWiseReader(searcher.reader()), query)
            if not suggestion or suggestion == query:
                return ""
            try:
                parsed = self.parse(suggestion)
            except QueryError:
                return ""
            # Scoring better_than + 1 documents tells whether there are more than better_than.
            found = searcher.search(parsed, limit=better_than + 1).scored_length()
            return suggestion if found > better_than else ""

    def related(self, article_id: str, body: str, limit: int) -> list[Match]:
        with self._lock:
            searcher = self.searcher()
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                return []
            results = searcher.more_like(docnum, "body", text=body, top=limit, numterms=25)
            return [
                Match(id=self._id_of(searcher, hit.docnum), score=float(hit.score or 0.0))
                for hit in results
            ]

    def facets(self, fieldname: str) -> dict[str, int]:
        facet = FACETS.get(fieldname)
        if facet is None:
            raise ValueError(f"no facet named {fieldname}")
        with self._lock:
            reader = self.searcher().reader()
            counts: dict[str, int] = {}
            for term in reader.lexicon(facet):
                text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
                counts[text] = reader.doc_frequency(facet, term)
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def health(self) -> Health:
        with self._lock:
            try:
                searcher = self.searcher()
                documents = sum(1 for _ in searcher.all_stored_fields())
            except Exception as error:  # any failure reading a cache: it is rebuilt
                return Health(documents=0, problem=f"unreadable: {type(error).__name__}")
            return Health(documents=documents)

    def doc_count(self) -> int:
        with self._lock:
            return int(self.searcher().doc_count())


class _Polled:
    """Wraps a Whoosh collector and looks up every CHECK_EVERY matches: raises SearchCancelled
    once `cancelled()` says the caller moved on, and stops collecting (`stopped_early`) once
    `deadline` (a perf_counter time) has passed, keeping the best of what it scored."""

    def __new__(
        cls, child: Any, cancelled: Callable[[], bool] | None, deadline: float | None
    ) -> Any:
        from whoosh.collectors import WrappingCollector

        class Polled(WrappingCollector):
            stopped_early = False
            seen = 0  # matches collected (after a FilterCollector's filter, if any)

            def matches(self) -> Iterator[int]:  # a FilterCollector around it reads these
                for count, sub_docnum in enumerate(self.child.matches()):
                    if count % CHECK_EVERY == 0:
                        if cancelled is not None and cancelled():
                            raise SearchCancelled
                        late = deadline is not None and time.perf_counter() > deadline
                        if late and count:  # never before a first few hits are listed
                            self.stopped_early = True
                            return
                    yield sub_docnum

            def collect(self, sub_docnum: int) -> Any:
                self.seen += 1
                return self.child.collect(sub_docnum)

            def collect_matches(self) -> None:
                for sub_docnum in self.matches():
                    self.collect(sub_docnum)

        return Polled(child)


class _Writer:
    """A Whoosh writer as the protocol's IndexWriter."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def stored_hashes(self) -> dict[str, str]:
        with self._writer.searcher() as searcher:
            return _hashes_of(searcher)

    def add(self, documents: Iterable[Document]) -> None:
        for document in documents:
            self._writer.add_document(**_fields(document))

    def delete(self, ids: Sequence[str]) -> None:
        """Delete documents by id, with one searcher for them all."""
        if not ids:
            return
        with self._writer.searcher() as searcher:
            for article_id in ids:
                self._writer.delete_by_term("id", article_id, searcher=searcher)


def _fields(document: Document) -> dict[str, Any]:
    """The Whoosh fields of a document."""
    fields: dict[str, Any] = {
        "id": document.id,
        "hash": document.hash,
        "title": document.title,
        "body": document.body,
        "pairs": document.body,
        "words": document.title + "\n" + document.body,
        "source": document.source,
        "author": "\n".join(document.authors),
    }
    if document.source:  # an empty facet value would count as a source named ""
        fields["source_facet"] = document.source
    if document.authors:
        fields["author_facet"] = ",".join(a.replace(",", " ") for a in document.authors)
    if document.feed:
        fields["feed"] = document.feed
    if document.published is not None:
        day = document.published
        fields["published"] = datetime(day.year, day.month, day.day)
    for kind in ENTITY_FIELDS:
        entities = document.entities.get(kind, ())
        fields[kind] = "\n".join(name for names in entities for name in names)
        fields[f"{kind}_facet"] = ",".join(names[0].replace(",", " ") for names in entities)
    return fields


def _hashes_of(searcher: Searcher) -> dict[str, str]:
    """id -> content hash of every live document: from the id and hash columns when the index
    has them (cheap at any size), else from the stored fields."""
    reader = searcher.reader()
    if reader.has_column("id") and reader.has_column("hash"):
        ids, hashes = reader.column_reader("id"), reader.column_reader("hash")
        return {ids[docnum]: hashes[docnum] for docnum in reader.all_doc_ids()}
    return {f["id"]: f.get("hash", "") for f in searcher.all_stored_fields()}
