"""Where a parsed query matches a text: the query's positive leaves, phrases, and offsets found
by kimreader's own analyser for an engine that cannot report them (the Whoosh engine reads them
from its postings: index/whoosh/postings.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from whoosh.query import Query

from kimreader.corpus.span import Span, merge_spans


def positive_leaves(query: Query) -> list[Query]:
    """The leaf queries that must or may match: never those under NOT."""
    from whoosh import query as q

    if isinstance(query, q.Not):
        return []
    if isinstance(query, q.AndNot):
        return positive_leaves(query.a)
    if isinstance(query, q.Phrase) or query.is_leaf():
        return [query]
    leaves: list[Query] = []
    for child in query.children():
        leaves.extend(positive_leaves(child))
    return leaves


def phrase_in_doc(per_word: list[dict[int, Span]], slop: int) -> list[Span]:
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
    from kimreader.index.whoosh.schema import build_schema

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
        leaf for leaf in positive_leaves(query) if getattr(leaf, "fieldname", None) == fieldname
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
                spans.update(phrase_in_doc(per_word, leaf.slop))
            continue
        accepts = _term_test(leaf)
        if accepts is not None:
            spans.update((s, e) for _, term, s, e in tokens if accepts(term))
    return merge_spans(spans)


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
