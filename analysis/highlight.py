"""What to highlight when two passages are shown side by side, as body offsets.

The words two passages share are counted as the alignment counts them (`content_terms`: stemmed,
stop words out, hyphenated words as their parts), so what is highlighted is what was scored.
Markdown link syntax is located here too, so renderers can show a link's text without its
target.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kimreader.analysis.text import STOP_WORDS, WORD, normalise_word, stem

# An inline link or image as written in a body: [text](target) or ![alt](target).
MARKDOWN_LINK = re.compile(r"!?\[(?P<text>[^\[\]\n]*)\]\((?P<target>[^)\n]*)\)")


class TermSpan(NamedTuple):
    """A content word at body[start:end]; `term` is its stem."""

    start: int
    end: int
    term: str

    @property
    def is_number(self) -> bool:
        return self.term.isdigit()


def term_spans(body: str, start: int, end: int) -> list[TermSpan]:
    """Each content word in body[start:end] with its offsets; hyphenated words as their parts."""
    found: list[TermSpan] = []
    for match in WORD.finditer(body, start, end):
        position = match.start()
        for part in match.group().split("-"):
            term = normalise_word(part).strip("'")
            if term and term not in STOP_WORDS and (len(term) > 1 or term.isdigit()):
                found.append(TermSpan(position, position + len(part), stem(term)))
            position += len(part) + 1
    return found


def shared_term_spans(
    body_a: str, span_a: tuple[int, int], body_b: str, span_b: tuple[int, int]
) -> tuple[list[TermSpan], list[TermSpan]]:
    """The words of A's passage found in B's, and of B's found in A's (same stems)."""
    spans_a = term_spans(body_a, *span_a)
    spans_b = term_spans(body_b, *span_b)
    shared = {span.term for span in spans_a} & {span.term for span in spans_b}
    return (
        [span for span in spans_a if span.term in shared],
        [span for span in spans_b if span.term in shared],
    )


def link_syntax(text: str) -> list[tuple[int, int]]:
    """(start, end) ranges of Markdown link syntax in text: "[", and "](target)".

    Dropping these ranges leaves each link's text in place, so the link reads as words.
    """
    ranges: list[tuple[int, int]] = []
    for match in MARKDOWN_LINK.finditer(text):
        ranges.append((match.start(), match.start("text")))
        ranges.append((match.end("text"), match.end()))
    return ranges
