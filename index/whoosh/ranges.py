"""Date ranges answered from the `published` column (#14).

Whoosh matches a date range ("published:2020") as a union of the postings of every range term
at several resolutions: at 20,000 articles that cost 40-90 ms a keystroke before any word was
looked up, and again for each keystroke after it ("published:2020 d", "... dr"). The field's
column holds every document's date: one pass over a segment's values finds the same documents,
and the answer is kept per segment reader, so the next keystroke reuses it.
"""

from __future__ import annotations

from typing import Any

from whoosh.fields import DATETIME
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.query import DateRange, Query

from kimreader.index.whoosh.memo import SegmentMemo

# (field, start, end, startexcl, endexcl) -> the segment's matching docnums, ascending (a list
# can hold every document of a segment: fewer are kept than fuzzy words)
_MATCHED: SegmentMemo[list[int]] = SegmentMemo(size=32)


def with_column_ranges(query: Query) -> Query:
    """`query` with each date range read from its field's column. Same matches and the same
    constant score as Whoosh's own range."""
    if isinstance(query, DateRange) and not isinstance(query, ColumnDateRange):
        return ColumnDateRange(
            query.fieldname,
            query.startdate,
            query.enddate,
            startexcl=query.startexcl,
            endexcl=query.endexcl,
            boost=query.boost,
            constantscore=query.constantscore,
        )
    if query.is_leaf():
        return query
    return query.apply(with_column_ranges)


class ColumnDateRange(DateRange):
    """A DateRange whose matcher reads the field's column in a segment that has one."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        if not _has_date_column(reader, self.fieldname):
            return super().matcher(searcher, context)
        docnums = _docnums_in(reader, self)
        return ListMatcher(docnums, all_weights=self.boost) if docnums else NullMatcher()

    def docs(self, searcher: Any) -> Any:
        reader = searcher.reader()
        if not _has_date_column(reader, self.fieldname):
            return super().docs(searcher)
        return iter(_docnums_in(reader, self))


def _has_date_column(reader: Any, fieldname: str) -> bool:
    """One segment (Whoosh matches segment by segment) whose field is a date with a column."""
    field = reader.schema[fieldname] if fieldname in reader.schema else None
    return (
        reader.is_atomic()
        and isinstance(field, DATETIME)
        and bool(field.column_type)
        and reader.has_column(fieldname)
    )


def _docnums_in(reader: Any, date_range: Any) -> list[int]:
    """The undeleted documents of one segment whose date is in the range. A document without
    a date holds the column's default (0) and is never in a range, as it has no range term."""
    key = (
        date_range.fieldname,
        date_range.start,
        date_range.end,
        date_range.startexcl,
        date_range.endexcl,
    )
    return _MATCHED.get(reader, key, lambda: _scan(reader, *key))


def _scan(
    reader: Any, fieldname: str, start: int | None, end: int | None, startexcl: bool, endexcl: bool
) -> list[int]:
    values = reader.column_reader(fieldname, translate=False)
    deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
    low = start if start is not None else 1
    high = end if end is not None else float("inf")
    found = []
    for docnum, value in enumerate(values):
        if not value or value < low or value > high:
            continue
        if (startexcl and value == low) or (endexcl and value == high) or docnum in deleted:
            continue
        found.append(docnum)
    return found
