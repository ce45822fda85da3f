"""The one span type: [start, end) character offsets into a text.

A plain pair (cheap to make by thousands, compared and sorted as tuples): the offsets the
index reports, the reader highlights and the reading state stores.
"""

from __future__ import annotations

from collections.abc import Iterable

Span = tuple[int, int]


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping spans (overlapping ones joined)."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
