"""kimreader's query language in SphinxQL: a MATCH() expression and attribute filters.

The query is parsed by kimreader's own parser (the same messages for the same mistakes) over a
schema of unstemmed fields, so the cluster stems words itself (`morphology = stem_en`). Parts the
cluster cannot do exactly (fuzzy `~`, wildcards other than a trailing `*`, a date range inside OR
or NOT) raise the protocol's `Unsupported` with a one-line message: never a different answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kimreader.index.backend import Feature, Unsupported

if TYPE_CHECKING:
    from whoosh.qparser import QueryParser
    from whoosh.query import Query

ENGINE = "sphinx"  # the engine's name, as SphinxBackend.name
# Characters with a meaning in Sphinx's extended query syntax.
_SPECIAL = re.compile(r'([()|\-!@~"&/^$=<\\*?%\[\]])')


@dataclass
class SphinxQuery:
    match: str  # empty: no words, only filters (a full scan)
    # (attribute, low, high) inclusive bounds, ANDed with the match.
    ranges: list[tuple[str, int, int]] = field(default_factory=list)

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters."""
        clauses = ["MATCH(%s)"] if self.match else []
        params: list[Any] = [self.match] if self.match else []
        for attribute, low, high in self.ranges:
            clauses.append(f"{attribute} BETWEEN %s AND %s AND has_date = 1")
            params += [low, high]
        return " AND ".join(clauses), params


@lru_cache(maxsize=1)
def _parser() -> QueryParser:
    from whoosh.analysis import LowercaseFilter, RegexTokenizer, StopFilter
    from whoosh.fields import DATETIME, ID, TEXT, Schema

    from kimreader.index.query import TOKEN_PATTERN, make_parser

    # The embedded index's words without its stemming (the cluster stems): the same stop words
    # and shortest word, so both engines refuse the same queries.
    plain = RegexTokenizer(expression=TOKEN_PATTERN) | LowercaseFilter() | StopFilter()
    text_fields = ("title", "body", "source", "author", "person", "org", "place", "feed")
    schema = Schema(
        id=ID(), published=DATETIME(), **{name: TEXT(analyzer=plain) for name in text_fields}
    )
    return make_parser(schema)


def translate(text: str) -> SphinxQuery:
    """The SphinxQL form of a user's query; QueryError (or Unsupported) with a message."""
    from kimreader.index.query import parse_query

    parsed = parse_query(_parser(), text)
    ranges: list[tuple[str, int, int]] = []
    parts = parsed.subqueries if _is("And", parsed) else [parsed]
    kept = []
    for part in parts:
        if _is("DateRange", part) or _is("NumericRange", part):
            ranges.append(_date_range(part))
        else:
            kept.append(part)
    match = " ".join(_match(part) for part in kept)
    return SphinxQuery(match, ranges)


def _is(name: str, node: Query) -> bool:
    return type(node).__name__ == name


def _date_range(node: Any) -> tuple[str, int, int]:
    low = _moment(node.start, datetime(1, 1, 1))
    high = _moment(node.end, datetime(9999, 12, 31))
    return "published", _epoch(low), _epoch(high)


def _moment(bound: datetime | int | None, default: datetime) -> datetime:
    """A range bound as a datetime (Whoosh keeps DATETIME bounds as its own long ints)."""
    if bound is None:
        return default
    if isinstance(bound, int):
        from whoosh.util.times import long_to_datetime

        return long_to_datetime(bound)
    return bound


def _epoch(moment: datetime) -> int:
    """Seconds since 1970 for a naive (UTC) datetime, as the index stores dates."""
    return int(moment.replace(tzinfo=timezone.utc).timestamp())


def escape(word: str) -> str:
    return _SPECIAL.sub(r"\\\1", word)


def _fields(node: Any) -> str:
    names = sorted({leaf.fieldname for leaf in node.leaves()})
    return f"@({','.join(names)})" if len(names) > 1 else f"@{names[0]}"


def _match(node: Any) -> str:
    """One node of the parsed query as a Sphinx extended-syntax expression."""
    kind = type(node).__name__
    same_leaf = _same_leaf_over_fields(node)
    if same_leaf is not None:
        return f"({_fields(node)} {_leaf(same_leaf)})"
    if kind == "And":
        return "(" + " ".join(_match(q) for q in node.subqueries) + ")"
    if kind == "Or":
        return "(" + " | ".join(_match(q) for q in node.subqueries) + ")"
    if kind == "AndNot":
        return f"({_match(node.a)} -{_match(node.b)})"
    if kind == "Not":
        return f"-{_match(node.query)}"
    if kind in ("DateRange", "NumericRange"):
        raise Unsupported(
            None, ENGINE, "on the cluster, a date range can only narrow the whole query"
        )
    return f"(@{node.fieldname} {_leaf(node)})"


def _same_leaf_over_fields(node: Any) -> Any | None:
    """`kim` searched in title OR body: one leaf under several fields, written once."""
    if type(node).__name__ != "Or" or not node.subqueries:
        return None
    first = node.subqueries[0]
    shape = _leaf_shape(first)
    if shape is None or any(_leaf_shape(q) != shape for q in node.subqueries[1:]):
        return None
    return first


def _leaf_shape(node: Any) -> tuple[Any, ...] | None:
    kind = type(node).__name__
    if kind in ("Term", "Prefix", "Wildcard", "FuzzyTerm"):
        return (kind, node.text)
    if kind == "Phrase":
        return (kind, tuple(node.words), node.slop)
    return None


def _leaf(node: Any) -> str:
    kind = type(node).__name__
    if kind == "Term":
        return escape(str(node.text))
    if kind == "Phrase":
        return '"' + " ".join(escape(w) for w in node.words) + '"'
    if kind == "Prefix":
        return escape(str(node.text)) + "*"
    if kind == "Wildcard":
        text = str(node.text)
        if text.endswith("*") and not any(c in text[:-1] for c in "*?"):
            return escape(text[:-1]) + "*"
        raise Unsupported(
            Feature.WILDCARD,
            ENGINE,
            f"the cluster engine supports only trailing wildcards ({text})",
        )
    if kind == "FuzzyTerm":
        message = f"fuzzy search ({node.text}~) is not available on the cluster engine"
        raise Unsupported(Feature.FUZZY, ENGINE, message)
    message = f"this kind of query ({kind}) is not available on the cluster engine"
    raise Unsupported(None, ENGINE, message)
