"""Exact character offsets of a query's matches in one document, read from the postings.

The body and title fields store (position, startchar, endchar) for every token, so offsets
cost one postings lookup per query term and hold for bodies of any length (no 32k limit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whoosh.query import Query
    from whoosh.reading import IndexReader

Span = tuple[int, int]
# (position, startchar, endchar) for each occurrence of a term in the document
Occurrences = list[tuple[int, int, int]]


def _occurrences(reader: IndexReader, fieldname: str, btext: bytes, docnum: int) -> Occurrences:
    from whoosh.reading import TermNotFound

    try:
        matcher = reader.postings(fieldname, btext)
    except TermNotFound:
        return []
    if not matcher.supports("characters"):
        return []
    matcher.skip_to(docnum)
    if not matcher.is_active() or matcher.id() != docnum:
        return []
    return matcher.value_as("characters")


def _positive_leaves(query: Query) -> list[Query]:
    """The leaf queries that must or may match: never those under NOT."""
    from whoosh import query as q

    if isinstance(query, q.Not):
        return []
    if isinstance(query, q.AndNot):
        return _positive_leaves(query.a)
    if isinstance(query, q.Phrase) or query.is_leaf():
        return [query]
    leaves: list[Query] = []
    for child in query.children():
        leaves.extend(_positive_leaves(child))
    return leaves


def _phrase_spans(reader: IndexReader, phrase: Query, docnum: int) -> list[Span]:
    fieldobj = reader.schema[phrase.fieldname]
    per_word = [
        {
            pos: (start, end)
            for pos, start, end in _occurrences(
                reader, phrase.fieldname, fieldobj.to_bytes(word), docnum
            )
        }
        for word in phrase.words
    ]
    if not per_word or not all(per_word):
        return []
    spans = []
    for pos, (start, end) in sorted(per_word[0].items()):
        last_end, current = end, pos
        for following in per_word[1:]:
            # slop 1 means the next word sits at the next position
            match = next(
                (
                    following[p]
                    for p in range(current + 1, current + phrase.slop + 1)
                    if p in following
                ),
                None,
            )
            if match is None:
                break
            current = next(
                p for p in range(current + 1, current + phrase.slop + 1) if p in following
            )
            last_end = match[1]
        else:
            spans.append((start, last_end))
    return spans


def match_spans(reader: IndexReader, query: Query, docnum: int, fieldname: str) -> list[Span]:
    """Sorted, non-overlapping [start, end) spans where `query` matches `fieldname` of a doc."""
    from whoosh import query as q

    spans: set[Span] = set()
    for leaf in _positive_leaves(query):
        if getattr(leaf, "fieldname", None) != fieldname:
            continue
        if isinstance(leaf, q.Phrase):
            spans.update(_phrase_spans(reader, leaf, docnum))
            continue
        try:
            terms = leaf.existing_terms(reader, phrases=False, expand=True)
        except Exception:  # a leaf that cannot expand (e.g. a range on text) has no offsets
            continue
        for field, btext in terms:
            if field == fieldname:
                spans.update((s, e) for _, s, e in _occurrences(reader, field, btext, docnum))
    return _merge(sorted(spans))


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
