"""The query language: Whoosh's parser, configured, with clear messages instead of silence.

Whoosh's parser never raises: an unknown field silently becomes text and a query of stop words
parses to nothing. Those cases are caught here and reported as QueryError.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kimreader.index.backend import QueryError
from kimreader.index.schema import FIELD_ALIASES

if TYPE_CHECKING:
    from whoosh.fields import Schema
    from whoosh.qparser import QueryParser
    from whoosh.query import Query

MAX_QUERY_LENGTH = 2000
_QUOTED = re.compile(r'"[^"]*"')
_FIELD = re.compile(r"(?<![\w:])(\w+):")
# A minus that starts a word ("-trade", -"trade war") means NOT; hyphens inside words do not.
_LEADING_MINUS = re.compile(r'(^|[\s(])-(?=[\w"(])')


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text)


def check_query(text: str) -> str:
    """Validate the raw query and rewrite `-word` as `NOT word`. Raises QueryError."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"query too long ({len(text)} characters; at most {MAX_QUERY_LENGTH})")
    if text.count('"') % 2:
        raise QueryError('unclosed quote: add the closing "')
    outside = _unquoted(text)
    for name in _FIELD.findall(outside):
        if name.lower() not in FIELD_ALIASES:
            known = ", ".join(sorted({k for k, v in FIELD_ALIASES.items() if k == v}))
            raise QueryError(f"unknown field '{name}:' (fields: {known})")
    depth = 0
    for char in outside:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise QueryError("unbalanced ')': a closing bracket without an opening one")
    if depth:
        raise QueryError("unbalanced '(': add the closing bracket")
    # Names are checked outside quotes only; inside a phrase "word:" is left as written.
    text = _FIELD.sub(lambda m: FIELD_ALIASES.get(m.group(1).lower(), m.group(1)) + ":", text)
    return _LEADING_MINUS.sub(lambda m: m.group(1) + "NOT ", text)


def make_parser(schema: Schema) -> QueryParser:
    from whoosh import qparser
    from whoosh.qparser.dateparse import DateParserPlugin

    parser = qparser.MultifieldParser(["title", "body"], schema, group=qparser.AndGroup)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(DateParserPlugin(free=False))
    parser.add_plugin(qparser.GtLtPlugin())
    return parser


def parse_query(parser: QueryParser, text: str) -> Query:
    """Parse a user's query; raises QueryError with a message fit for the status line."""
    from whoosh import query

    if not text.strip():
        raise QueryError("type something to search for")
    rewritten = check_query(text)
    try:
        parsed = parser.parse(rewritten)
    except Exception as error:  # Whoosh reports some date and range slips by raising
        raise QueryError(f"cannot read this query ({error.__class__.__name__}: {error})") from None
    if parsed is query.NullQuery or isinstance(parsed, query.NullQuery.__class__):
        raise QueryError("nothing to search for: only common words or operators")
    _check_nodes(parsed)
    return parsed


def _check_nodes(parsed: Query) -> None:
    from whoosh import query

    for node in parsed.leaves():
        if isinstance(node, query.Wildcard) and node.text.strip("*?") == "":
            raise QueryError("a wildcard needs at least one letter (e.g. trad*)")
        if isinstance(node, query.FuzzyTerm) and node.maxdist > 2:
            raise QueryError("fuzzy distance at most 2 (e.g. word~2)")
        if isinstance(node, query.Term) and node.fieldname == "published":
            raise QueryError("dates look like published:2018 or published:[2018-06 to 2019-01]")
    if isinstance(parsed, query.Not) or all(isinstance(q, query.Not) for q in _top_level(parsed)):
        raise QueryError("a query cannot only exclude: add a word to look for")


def _top_level(parsed: Query) -> list[Query]:
    from whoosh import query

    if isinstance(parsed, query.And):
        return list(parsed.subqueries)
    return [parsed]
