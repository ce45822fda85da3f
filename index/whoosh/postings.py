"""Exact character offsets of a query's matches, read from the Whoosh index's postings.

The body and title fields store (position, startchar, endchar) for every token, so offsets
cost one postings lookup per query term and hold for bodies of any length (no 32k limit).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from kimreader.corpus.span import Span, merge_spans
from kimreader.index.offsets import phrase_in_doc, positive_leaves

if TYPE_CHECKING:
    from whoosh.query import Query
    from whoosh.reading import IndexReader

# (position, startchar, endchar) for each occurrence of a term in the document
Occurrences = list[tuple[int, int, int]]


def _occurrences(
    reader: IndexReader, fieldname: str, btext: bytes, docnums: Sequence[int]
) -> dict[int, Occurrences]:
    """Occurrences of one term in each of `docnums` (sorted): one postings walk for them all."""
    from whoosh.reading import TermNotFound

    try:
        matcher = reader.postings(fieldname, btext)
    except TermNotFound:
        return {}
    if not matcher.supports("characters"):
        return {}
    found: dict[int, Occurrences] = {}
    for docnum in docnums:
        if not matcher.is_active():
            break
        if matcher.id() < docnum:
            matcher.skip_to(docnum)
            if not matcher.is_active():
                break
        if matcher.id() == docnum:
            found[docnum] = matcher.value_as("characters")
    return found


def _phrase_spans(
    reader: IndexReader, phrase: Query, docnums: Sequence[int]
) -> dict[int, list[Span]]:
    fieldobj = reader.schema[phrase.fieldname]
    per_word = [
        _occurrences(reader, phrase.fieldname, fieldobj.to_bytes(word), docnums)
        for word in phrase.words
    ]
    if not per_word:
        return {}
    found: dict[int, list[Span]] = {}
    for docnum in per_word[0]:
        if all(docnum in occurrences for occurrences in per_word[1:]):
            positions = [{p: (s, e) for p, s, e in occ[docnum]} for occ in per_word]
            found[docnum] = phrase_in_doc(positions, phrase.slop)
    return found


def match_spans(reader: IndexReader, query: Query, docnum: int, fieldname: str) -> list[Span]:
    """Sorted, non-overlapping [start, end) spans where `query` matches `fieldname` of a doc."""
    return spans_for_docs(reader, query, [docnum], fieldname).get(docnum, [])


def spans_for_docs(
    reader: IndexReader, query: Query, docnums: Iterable[int], fieldname: str
) -> dict[int, list[Span]]:
    """match_spans for several documents at once (the hits on screen).

    Each query term is expanded once (a fuzzy or prefix term walks the lexicon) and its
    postings are read once for all the documents, in docnum order.
    """
    from whoosh import query as q

    wanted = sorted(set(docnums))
    spans: dict[int, set[Span]] = {docnum: set() for docnum in wanted}
    for leaf in positive_leaves(query):
        if getattr(leaf, "fieldname", None) != fieldname:
            continue
        if isinstance(leaf, q.Phrase):
            for docnum, found in _phrase_spans(reader, leaf, wanted).items():
                spans[docnum].update(found)
            continue
        try:
            terms = leaf.existing_terms(reader, phrases=False, expand=True)
        except Exception:  # a leaf that cannot expand (e.g. a range on text) has no offsets
            continue
        for field, btext in sorted(terms):
            if field != fieldname:
                continue
            for docnum, occurrences in _occurrences(reader, field, btext, wanted).items():
                spans[docnum].update((s, e) for _, s, e in occurrences)
    return {docnum: merge_spans(found) for docnum, found in spans.items()}
