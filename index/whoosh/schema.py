"""The Whoosh schema. Bump SCHEMA_VERSION whenever it changes: old indexes are rebuilt."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whoosh.fields import Schema

SCHEMA_VERSION = 7  # 7: the pairs field for phrases (index/whoosh/pairs.py)


def build_schema() -> Schema:
    from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer
    from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema

    from kimreader.index.query import TOKEN_PATTERN
    from kimreader.index.whoosh.fields import FastText, spelling_field
    from kimreader.index.whoosh.pairs import pairs_field

    stemmed = StemmingAnalyzer(expression=TOKEN_PATTERN)
    plain = RegexTokenizer(expression=TOKEN_PATTERN) | LowercaseFilter()
    return Schema(
        # Columns too: a hit's id (and the sync check's hashes) are read without unpickling.
        id=ID(unique=True, stored=True, sortable=True),
        hash=ID(stored=True, sortable=True),  # a column: the sync check reads it cheaply
        title=FastText(analyzer=stemmed, phrase=True, chars=True, stored=True, field_boost=2.0),
        body=FastText(analyzer=stemmed, phrase=True, chars=True),
        pairs=pairs_field(stemmed),  # adjacent body words: phrases without positions
        # Unstemmed words for "did you mean": spelling on the stemmed field breaks fuzzy search.
        words=spelling_field(plain),
        source=TEXT(analyzer=plain, stored=True),
        source_facet=ID(sortable=True),
        author=TEXT(analyzer=plain, stored=True),
        author_facet=KEYWORD(commas=True, sortable=True),
        published=DATETIME(stored=True, sortable=True),
        person=TEXT(analyzer=plain),
        org=TEXT(analyzer=plain),
        place=TEXT(analyzer=plain),
        person_facet=KEYWORD(commas=True),
        org_facet=KEYWORD(commas=True),
        place_facet=KEYWORD(commas=True),
        feed=KEYWORD(lowercase=True),  # the name of the feed an article came from: feed:NAME
        path=STORED,
    )
