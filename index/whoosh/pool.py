"""Whoosh's writers with a posting pool that groups postings by term (#14: the index build).

Whoosh's own pool keeps every posting as a tuple (field, term, document, weight, value): ~250
bytes each, so at its 128 MB limit a build of ~1,000 articles spills sorted runs to disk and
merges them back posting by posting in Python, about half the CPU of a 2,000-article build.
This pool keeps, per term, the documents, weights and values in arrays (~20 bytes a posting,
plus the position data of the body), sorts the terms rather than the postings, and spills only
past its limit, as whole terms. It yields exactly the postings Whoosh's pool yields, in the
same order, so the segments written are the same (tests/test_index_speed.py compares them).
"""

from __future__ import annotations

import heapq
import marshal
import os
from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import SegmentWriter

Key = tuple[str, bytes]  # (field name, term)
Posting = tuple[str, bytes, int, float, bytes]
# Bytes a posting costs in the pool besides its value (docnum 4, weight 8, value pointer 8),
# and a term (its key tuple, its bytes, its arrays and list).
POSTING_BYTES = 20
TERM_BYTES = 400


class _Postings:
    """The postings of one term, in the order added."""

    __slots__ = ("docs", "weights", "values", "ordered")

    def __init__(self) -> None:
        self.docs = array("I")
        self.weights = array("d")
        self.values: list[bytes] = []
        self.ordered = True  # documents added in increasing order (sorted when not)


class TermPool:
    """A posting pool with Whoosh's PostingPool interface (add, iter_postings, fieldnames,
    save, cleanup), holding postings per term."""

    def __init__(self, tempstore: Any, limitmb: int = 128) -> None:
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        self.size = 0
        self.terms: dict[Key, _Postings] = {}
        self.runs: list[str] = []  # spilled, each sorted by term
        self.fieldnames: set[str] = set()
        self._small: dict[bytes, bytes] = {}  # short values (frequencies) shared, not copied

    def add(self, item: Posting) -> None:
        fieldname, term, docnum, weight, value = item
        key = (fieldname, term)
        postings = self.terms.get(key)
        if postings is None:
            postings = self.terms[key] = _Postings()
            self.fieldnames.add(fieldname)
            self.size += TERM_BYTES + len(term)
        elif postings.ordered and docnum < postings.docs[-1]:
            postings.ordered = False
        postings.docs.append(docnum)
        postings.weights.append(weight)
        if value is None:
            value = b""
        if len(value) <= 4:
            value = self._small.setdefault(value, value)
            self.size += POSTING_BYTES
        else:
            self.size += POSTING_BYTES + 33 + len(value)
        postings.values.append(value)
        if self.size > self.limit:
            self.save()

    def save(self) -> None:
        """Spill the pool to a run file, sorted by term."""
        if not self.terms:
            return
        # The temp folder is shared by the build processes of one writer: the pid keeps their
        # runs apart (an id() is only unique within a process).
        path = f"{os.getpid()}-{id(self)}-{len(self.runs)}.terms"
        with self.tempstore.create_file(path).raw_file() as run:
            for key, docs, weights, values in self._sorted_terms():
                marshal.dump((key, docs.tobytes(), weights.tobytes(), values), run)
        self.runs.append(path)
        self.terms = {}
        self.size = 0

    def _sorted_terms(self) -> Iterator[tuple[Key, array[int], array[float], list[bytes]]]:
        for key in sorted(self.terms):
            postings = self.terms[key]
            if postings.ordered:
                yield key, postings.docs, postings.weights, postings.values
                continue
            order = sorted(range(len(postings.docs)), key=postings.docs.__getitem__)
            yield (
                key,
                array("I", (postings.docs[i] for i in order)),
                array("d", (postings.weights[i] for i in order)),
                [postings.values[i] for i in order],
            )

    def _read_run(self, path: str) -> Iterator[tuple[Key, array[int], array[float], list[bytes]]]:
        with self.tempstore.open_file(path).raw_file() as run:
            while True:
                try:
                    key, docs, weights, values = marshal.load(run)
                except EOFError:
                    return
                yield tuple(key), array("I", docs), array("d", weights), values

    def iter_postings(self) -> Iterator[Posting]:
        """Every posting, sorted by field, term and document, as Whoosh's pool yields them."""
        if not self.runs:
            for (fieldname, term), docs, weights, values in self._sorted_terms():
                for posting in zip(docs, weights, values, strict=True):
                    yield (fieldname, term, *posting)
            return
        self.save()
        # A term spilled in several runs: its postings in the order of the runs, sorted
        # again if a later run holds an earlier document (a merged segment's postings).
        runs = [self._read_run(path) for path in self.runs]
        merged = heapq.merge(*runs, key=lambda part: part[0])
        pending: list[tuple[int, float, bytes]] = []
        current: Key | None = None
        for key, docs, weights, values in merged:
            if key != current:
                if current is not None:
                    yield from _postings(current, pending)
                current, pending = key, []
            pending.extend(zip(docs, weights, values, strict=True))
        if current is not None:
            yield from _postings(current, pending)

    def cleanup(self) -> None:
        for path in self.runs:
            try:
                self.tempstore.delete_file(path)
            except OSError:
                pass
        self.runs = []


def _postings(key: Key, postings: list[tuple[int, float, bytes]]) -> Iterator[Posting]:
    fieldname, term = key
    if any(a[0] > b[0] for a, b in zip(postings, postings[1:], strict=False)):
        postings.sort(key=lambda posting: posting[0])
    for posting in postings:
        yield (fieldname, term, *posting)


class TermPoolWriter(SegmentWriter):
    """Whoosh's one-process writer with the term pool."""

    def __init__(self, ix: Any, limitmb: int = 128, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = TermPool(self._tempstorage, limitmb)


class _SubWriter(SubWriterTask):
    """A build process of the multisegment writer, writing its own segment with the term
    pool (Whoosh's SubWriterTask.run, multisegment case, with TermPoolWriter)."""

    def run(self) -> None:
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = TermPoolWriter(ix, _lk=False, **self.kwargs)
        while self.running:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
        if not self.running:
            writer.cancel()
            return
        segment = writer._finalize_segment()
        self.resultqueue.put((None, writer.pool.fieldnames, segment), timeout=5)


class TermPoolMpWriter(MpWriter):
    """Whoosh's multisegment writer (each build process writes its own segment, not merged)
    with the term pool in every process."""

    def __init__(self, ix: Any, procs: int, limitmb: int = 128, **kwargs: Any) -> None:
        super().__init__(ix, procs=procs, multisegment=True, limitmb=limitmb, **kwargs)
        self.pool = TermPool(self._tempstorage, limitmb)

    def _new_task(self) -> _SubWriter:
        task = _SubWriter(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, True
        )
        self.tasks.append(task)
        task.start()
        return task
