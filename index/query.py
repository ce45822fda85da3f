"""The query language: Whoosh's parser, configured, with clear messages instead of silence.

Whoosh's parser never raises: an unknown field silently becomes text and a query of stop words
parses to nothing. Those cases are caught here and reported as QueryError.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kimreader.index.backend import QueryError

if TYPE_CHECKING:
    from whoosh.fields import Schema
    from whoosh.qparser import QueryParser
    from whoosh.query import Query

# An explicit token expression, so that `*` and `~` never become part of a word.
TOKEN_PATTERN = r"\w+(\.?\w+)*"

TEXT_FIELDS = ("title", "body")
ENTITY_FIELDS = ("person", "org", "place")
# What a user may type before a colon, and the schema field it searches.
FIELD_ALIASES = {
    "title": "title",
    "body": "body",
    "text": "body",
    "source": "source",
    "author": "author",
    "authors": "author",
    "by": "author",
    "published": "published",
    "date": "published",
    "person": "person",
    "people": "person",
    "org": "org",
    "organisation": "org",
    "organization": "org",
    "place": "place",
    "id": "id",
    "feed": "feed",
}

MAX_QUERY_LENGTH = 2000
_QUOTED = re.compile(r'"[^"]*"')
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
    depth = 0
    for char in outside:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise QueryError("unbalanced ')': a closing bracket without an opening one")
    if depth:
        raise QueryError("unbalanced '(': add the closing bracket")
    return _LEADING_MINUS.sub(lambda m: m.group(1) + "NOT ", text)


def make_parser(schema: Schema) -> QueryParser:
    from whoosh import qparser

    parser = qparser.MultifieldParser(["title", "body"], schema, group=qparser.AndGroup)
    parser.add_plugin(_fuzzy_plugin())
    parser.add_plugin(_published_dates_plugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(_FieldNames())
    return parser


class _FieldNames:
    """A parser plugin: each field name the parser found (never inside a phrase) is checked and
    its alias resolved (`by:` is `author:`, `Title:` is `title:`) before Whoosh applies it."""

    def taggers(self, parser: QueryParser) -> list[Any]:
        return []

    def filters(self, parser: QueryParser) -> list[tuple[Any, int]]:
        return [(self.resolve, 80)]  # before Whoosh's FieldsPlugin (100) drops unknown names

    def resolve(self, parser: QueryParser, group: Any) -> Any:
        from whoosh.qparser import syntax

        for node in group:
            if isinstance(node, syntax.GroupNode):
                self.resolve(parser, node)
            elif isinstance(node, syntax.FieldnameNode):
                name = FIELD_ALIASES.get(node.fieldname.lower())
                if name is None:
                    fields = known_fields()
                    raise QueryError(f"unknown field '{node.fieldname}:' (fields: {fields})")
                node.fieldname = name
        return group


def known_fields() -> str:
    """Every field a query may name: the index's, then the reader's own (index.tracking)."""
    from kimreader.index.tracking import FIELDS as STATE_FIELDS

    indexed = sorted({k for k, v in FIELD_ALIASES.items() if k == v})
    return ", ".join([*indexed, *STATE_FIELDS])


def published_range(word: str | None, start: str | None, end: str | None) -> tuple[Any, Any]:
    """(first, last) datetimes of `published:WORD` or `published:[START to END]`, read by the
    one strict date parser (corpus.dates); QueryError saying what is wrong with the date."""
    from datetime import date, datetime, time

    from kimreader.corpus.dates import DateError, parse_date_prefix

    if word is not None and word[:1] in "[{":
        raise QueryError("published: a range needs its end (published:[2018-06 to 2019-01])")
    first: date | None
    last: date | None
    try:
        if word is not None:
            first, last, _ = parse_date_prefix(word)
        else:
            first = parse_date_prefix(start)[0] if start else None
            last = parse_date_prefix(end)[1] if end else None
    except DateError as error:
        raise QueryError(f"published: {error}") from None
    if first and last and first > last:
        raise QueryError(f"published: the range starts after it ends ({first} to {last})")
    return (
        datetime.combine(first, time.min) if first else None,
        datetime.combine(last, time.max) if last else None,
    )


def fuzzy_distance(word: str) -> int:
    """The edits `word~` allows: none for 1-2 letters, 1 for 3-5, 2 from 6 (as a typo at that
    length needs: "sanctoins" is two edits from the indexed stem "sanction")."""
    return 0 if len(word) < 3 else 1 if len(word) < 6 else 2


def _fuzzy_plugin() -> Any:
    """Whoosh's `word~N` syntax; a bare `word~` gets fuzzy_distance(word) instead of 1."""
    from whoosh.qparser import plugins

    auto = -1  # a bare "~": decided by the word's length

    class AutoFuzzy(plugins.FuzzyTermPlugin):
        def create(self, parser: Any, match: Any) -> Any:
            node = super().create(parser, match)
            if match.group("maxdist") is None:
                node.maxdist = auto
            return node

        def do_fuzzyterms(self, parser: Any, group: Any) -> Any:
            group = super().do_fuzzyterms(parser, group)  # (recurses through this method)
            for node in group:
                if isinstance(node, self.FuzzyTermNode) and node.maxdist == auto:
                    node.maxdist = fuzzy_distance(node.text)
            return group

    return AutoFuzzy()


def _published_dates_plugin() -> Any:
    """A Whoosh plugin that reads `published:` words and ranges with published_range
    (Whoosh's own date parser took [2018-06 to 2019-01] for all of 2018 and 2019, and turned
    published:banana into an empty query)."""
    from whoosh import query
    from whoosh.qparser import plugins, syntax

    class DateNode(syntax.SyntaxNode):
        def __init__(self, node: Any) -> None:
            self.node = node
            self.boost = node.boost
            self.startchar, self.endchar = node.startchar, node.endchar

        def query(self, parser: Any) -> Any:
            if isinstance(self.node, syntax.RangeNode):
                first, last = published_range(None, self.node.start, self.node.end)
            else:
                first, last = published_range(self.node.text, None, None)
            return query.DateRange("published", first, last, boost=self.boost)

    class PublishedDates(plugins.Plugin):
        def filters(self, parser: Any) -> list[tuple[Any, int]]:
            return [(self.dates, 110)]  # after FieldsPlugin (100) attached the field names

        def dates(self, parser: Any, group: Any) -> Any:
            for index, node in enumerate(group):
                if isinstance(node, syntax.GroupNode):
                    self.dates(parser, node)
                elif getattr(node, "fieldname", None) == "published" and isinstance(
                    node, (syntax.WordNode, syntax.RangeNode)
                ):
                    group[index] = DateNode(node)
            return group

    return PublishedDates()


def parse_query(parser: QueryParser, text: str) -> Query:
    """Parse a user's query; raises QueryError with a message fit for the status line."""
    from whoosh import query

    if not text.strip():
        raise QueryError("type something to search for")
    rewritten = check_query(text)
    try:
        parsed = parser.parse(rewritten)
    except QueryError:
        raise
    except Exception as error:  # Whoosh reports some range slips by raising
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
