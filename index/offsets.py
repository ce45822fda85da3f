"""Exact character offsets of a query's matches in one document, read from the postings.

The body and title fields store (position, startchar, endchar) for every token, so offsets
cost one postings lookup per query term and hold for bodies of any length (no 32k limit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from whoosh.query import Query
    from whoosh.reading import IndexReader

Span = tuple[int, int]
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
            found[docnum] = _phrase_in_doc(positions, phrase.slop)
    return found


def _phrase_in_doc(per_word: list[dict[int, Span]], slop: int) -> list[Span]:
    """Spans where the words follow each other, each within `slop` positions of the last."""
    spans = []
    for pos, (start, end) in sorted(per_word[0].items()):
        last_end, current = end, pos
        for following in per_word[1:]:
            # slop 1 means the next word sits at the next position
            window = range(current + 1, current + slop + 1)
            nearest = next((p for p in window if p in following), None)
            if nearest is None:
                break
            current, last_end = nearest, following[nearest][1]
        else:
            spans.append((start, last_end))
    return spans


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
    for leaf in _positive_leaves(query):
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
    return {docnum: _merge(sorted(found)) for docnum, found in spans.items()}


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def analysed_offsets(
    query_text: str, documents: Sequence[tuple[str, str, str]]
) -> dict[str, tuple[list[Span], list[Span]]]:
    """id -> (body spans, title spans) of a query in (id, title, body) documents, found by
    kimreader's own analyser, for an engine that cannot report offsets itself. The fields'
    analysers are the embedded index's, and a term matches a token exactly as it would match
    the index's term for it, so the spans are the ones the embedded index gives. Each text's
    tokens are kept (LRU): while a query is typed, the same articles are on screen keystroke
    after keystroke. Raises QueryError."""
    from kimreader.index.query import make_parser, parse_query

    schema = _schema()
    parsed = parse_query(make_parser(schema), query_text)
    found: dict[str, tuple[list[Span], list[Span]]] = {}
    for article_id, title, body in documents:
        found[article_id] = (
            _text_spans(parsed, "body", body),
            _text_spans(parsed, "title", title),
        )
    return found


@lru_cache(maxsize=1)
def _schema() -> Any:
    from kimreader.index.schema import build_schema

    return build_schema()


# (position, term, startchar, endchar) of every token of a text in a field
Tokens = tuple[tuple[int, str, int, int], ...]


@lru_cache(maxsize=512)
def _tokens(fieldname: str, text: str) -> Tokens:
    analyzer = _schema()[fieldname].analyzer
    return tuple(
        (t.pos, t.text, t.startchar, t.endchar)
        for t in analyzer(text, positions=True, chars=True, mode="index")
    )


def _text_spans(query: Query, fieldname: str, text: str) -> list[Span]:
    from whoosh import query as q

    leaves = [
        leaf for leaf in _positive_leaves(query) if getattr(leaf, "fieldname", None) == fieldname
    ]
    if not leaves or not text:
        return []
    tokens = _tokens(fieldname, text)
    spans: set[Span] = set()
    for leaf in leaves:
        if isinstance(leaf, q.Phrase):
            per_word = [
                {pos: (s, e) for pos, term, s, e in tokens if term == word} for word in leaf.words
            ]
            if all(per_word):
                spans.update(_phrase_in_doc(per_word, leaf.slop))
            continue
        accepts = _term_test(leaf)
        if accepts is not None:
            spans.update((s, e) for _, term, s, e in tokens if accepts(term))
    return _merge(sorted(spans))


def _term_test(leaf: Query) -> Callable[[str], bool] | None:
    """Whether an indexed term matches a leaf query (None: a leaf with no text offsets)."""
    from fnmatch import fnmatchcase

    from whoosh import query as q
    from whoosh.support.levenshtein import distance

    if isinstance(leaf, q.FuzzyTerm):
        word, prefix = str(leaf.text), leaf.prefixlength
        return lambda term: term[:prefix] == word[:prefix] and distance(term, word) <= leaf.maxdist
    if isinstance(leaf, q.Prefix):
        return lambda term: term.startswith(str(leaf.text))
    if isinstance(leaf, q.Wildcard):
        return lambda term: fnmatchcase(term, str(leaf.text))
    if isinstance(leaf, q.Term):
        return lambda term: term == leaf.text
    return None
