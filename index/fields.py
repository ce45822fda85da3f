"""Field types that index faster than Whoosh's own, with the same terms and postings.

Imported only when a schema is built or an index opened (it imports Whoosh). Field objects
are pickled into the index's table of contents: these classes must keep their module and names.
"""

from __future__ import annotations

import functools
import mmap
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import TEXT
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.query import FuzzyTerm, MultiTerm

# (btext, frequency, weight, encoded value) for each distinct term, as FieldType.index yields
Postings = Iterator[tuple[bytes, int, float, bytes]]


class _Steps:
    """The steps of a RegexTokenizer | LowercaseFilter [| StopFilter] [| StemFilter] chain."""

    def __init__(self, analyzer: Any) -> None:
        from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

        items = list(getattr(analyzer, "items", ()))
        kinds = [type(item) for item in items]
        if kinds[:2] != [RegexTokenizer, LowercaseFilter] or items[0].gaps:
            raise TypeError("not a chain the fast path knows")
        rest = items[2:]
        self.finditer = items[0].expression.finditer
        self.stop: Any = rest.pop(0) if rest and type(rest[0]) is StopFilter else None
        stem = rest.pop(0) if rest and type(rest[0]) is StemFilter else None
        if rest or (stem is not None and stem.lang):
            raise TypeError("not a chain the fast path knows")
        self.stem: Callable[[str], str] | None = None
        self.ignore: frozenset[str] = frozenset()
        if stem is not None:
            self.stem = _cached_stem(stem.stemfn)
            self.ignore = stem.ignore


@functools.cache
def _cached_stem(stemfn: Callable[[str], str]) -> Callable[[str], str]:
    return functools.lru_cache(maxsize=200_000)(stemfn)


class FastText(TEXT):
    """TEXT whose `index` runs the analyzer's steps in one loop instead of a chain of generators.

    Indexing the same terms with the same positions, characters and weights (the tests compare
    it with Whoosh's own path) about three times faster; queries still use the analyzer.
    Field types are pickled into the index, so this class must stay importable by this name.
    """

    def index(self, value: Any, **kwargs: Any) -> Postings:
        from whoosh.formats import Characters, Existence

        steps = self._fast_steps()
        fmt = self.format
        if kwargs or not isinstance(value, str) or steps is None:
            return super().index(value, **kwargs)
        if type(fmt) is Existence:
            return self._existence(value, steps)
        if type(fmt) is Characters:
            return self._characters(value, steps)
        return super().index(value, **kwargs)

    def _fast_steps(self) -> _Steps | None:
        steps = self.__dict__.get("_steps", False)
        if steps is False:
            try:
                steps = _Steps(self.analyzer)
            except TypeError:
                steps = None
            self.__dict__["_steps"] = steps
        return steps

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_steps"}

    def _occurrences(self, value: str, steps: _Steps) -> dict[str, list[tuple[int, int, int]]]:
        """term -> [(position, startchar, endchar)], as the analyzer chain would produce them.

        One plain loop (no generator per step): this is the hot path of indexing.
        """
        stop, stem, ignore = steps.stop, steps.stem, steps.ignore
        stops = stop.stops if stop else frozenset()
        minsize = stop.min if stop else 0
        maxsize = stop.max if stop and stop.max is not None else 1 << 30
        renumber = bool(stop and stop.renumber)
        seen: defaultdict[str, list[tuple[int, int, int]]] = defaultdict(list)
        pos = -1
        for index, match in enumerate(steps.finditer(value)):
            text = match.group(0).lower()
            if stop is not None and (text in stops or not minsize <= len(text) <= maxsize):
                continue
            # Whoosh's StopFilter keeps the first kept word's position, then counts on.
            pos = (index if pos < 0 else pos + 1) if renumber else index
            if stem is not None and text not in ignore:
                text = stem(text)
            seen[text].append((pos, match.start(), match.end()))
        return seen

    def _characters(self, value: str, steps: _Steps) -> Postings:
        boost = self.format.field_boost
        encode = self.format.encode
        for word, occurrences in self._occurrences(value, steps).items():
            count = len(occurrences)
            yield word.encode("utf-8"), count, count * boost, encode(occurrences)

    def _existence(self, value: str, steps: _Steps) -> Postings:
        boost = self.format.field_boost
        if steps.stop is None and steps.stem is None:
            words = {match.group(0).lower() for match in steps.finditer(value)}
        else:
            words = set(self._occurrences(value, steps))
        for word in words:
            yield word.encode("utf-8"), 1, boost, b""


def spelling_field(analyzer: Any) -> FastText:
    """Unstemmed words for "did you mean": which words occur, not where or how often."""
    from whoosh.formats import Existence

    field = FastText(analyzer=analyzer, phrase=False)
    field.format = Existence()
    return field


class _MemoLengths:
    """A per-document reader that remembers field lengths once read.

    While committing, Whoosh asks for a document's field length once per posting (each word
    of each document), reading it back from the segment's files every time; remembered, the
    commit takes about a third less time.
    """

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lengths: dict[str, dict[int, int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        if default:
            return self._reader.doc_field_length(docnum, fieldname, default)
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = self._lengths[fieldname] = {}
        length = lengths.get(docnum)
        if length is None:
            length = lengths[docnum] = self._reader.doc_field_length(docnum, fieldname, 0)
        return length

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


class FastCodec(W3Codec):
    """Whoosh's default codec, with field lengths remembered while a segment is written.

    Segments pickle their codec into the index's table of contents: keep this name.
    """

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return _MemoLengths(super().per_document_reader(storage, segment))


class ExpandedTerm(MultiTerm):
    """A fuzzy term whose matching words were looked up once, per index segment.

    Whoosh expands a FuzzyTerm again for each use (counting, matching, offsets), and over an
    index of several segments it compares the query with every word of the lexicon; each
    segment's own automaton finds the same words far faster. Scores as the FuzzyTerm would.
    """

    def __init__(self, fuzzy: FuzzyTerm, words: list[Any]) -> None:
        self.fieldname = fuzzy.fieldname
        self.text = fuzzy.text
        self.boost = fuzzy.boost
        self.constantscore = fuzzy.constantscore
        self.words = words

    def _btexts(self, ixreader: Any) -> list[Any]:
        return self.words

    def __repr__(self) -> str:
        return f"ExpandedTerm({self.fieldname!r}, {self.text!r}, {len(self.words)} words)"


def expand_fuzzy(query: Any, reader: Any) -> Any:
    """The query with each FuzzyTerm replaced by an ExpandedTerm for this reader."""
    segments = SegmentWiseReader(reader)

    def expand(node: Any) -> Any:
        if not isinstance(node, FuzzyTerm):
            return node
        words = segments.terms_within(node.fieldname, node.text, node.maxdist, node.prefixlength)
        return ExpandedTerm(node, words)

    return query.accept(expand)


class SegmentWiseReader:
    """A reader whose fuzzy word lookups (terms_within, corrector) use each segment's automaton.

    Whoosh's reader over several segments compares a word with every word of the lexicon.
    Everything else is the wrapped reader's.
    """

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._leaves = [leaf for leaf, _ in reader.leaf_readers()]

    def terms_within(self, fieldname: str, text: str, maxdist: int, prefix: int = 0) -> list[Any]:
        words: set[Any] = set()
        for leaf in self._leaves:
            words.update(leaf.terms_within(fieldname, text, maxdist, prefix=prefix))
        return sorted(words)

    def corrector(self, fieldname: str) -> Any:
        from whoosh.spelling import ReaderCorrector

        return ReaderCorrector(self, fieldname, self._reader.schema[fieldname])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


class _MappedFile(StructFile):
    """A read-only index file whose random reads come from a memory map (no copy in memory).

    Whoosh maps a compound segment but also copies each file in it into a BytesIO; plain
    segment files it reads with a seek and a read per lookup. Mapped, lookups are as fast as
    from a compound segment and the memory is the page cache's, shared and reclaimable.
    """

    def __init__(self, path: str, name: str, **kwargs: Any) -> None:
        handle = open(path, "rb")  # noqa: SIM115 - closed by StructFile.close
        super().__init__(handle, name=name, **kwargs)
        size = os.fstat(handle.fileno()).st_size
        self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else None

    def get(self, position: int, length: int) -> bytes:
        if self._map is None:
            return super().get(position, length)
        return self._map[position : position + length]

    def close(self) -> None:
        if self._map is not None:
            try:
                self._map.close()
            except BufferError:  # a memoryview still points into it: let GC close it
                pass
            self._map = None
        super().close()


class MappedStorage(FileStorage):
    """Whoosh's folder storage, with files opened for reading through a memory map."""

    def open_file(self, name: str, **kwargs: Any) -> StructFile:
        return _MappedFile(self._fpath(name), name, **kwargs)
