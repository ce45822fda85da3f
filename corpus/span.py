"""The span types: [start, end) character offsets into a text.

`Span` is a plain pair (cheap to make by thousands, compared and sorted as tuples): the offsets
the index reports, the reader highlights and the reading state stores. `TextSpan` is a piece
cut from a text that keeps its words (passages, sentences, words and quotes of the analysis,
which read them again and again).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

Span = tuple[int, int]


class TextSpan(NamedTuple):
    """A piece of a text: text[start:end] == self.text."""

    start: int
    end: int
    text: str


def text_span(text: str, start: int, end: int) -> TextSpan:
    """text[start:end] with its place in text."""
    return TextSpan(start, end, text[start:end])


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping spans (overlapping ones joined)."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
