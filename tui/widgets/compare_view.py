"""The comparison's aligned passages: two synchronised columns, one row per passage of A.

Each row shows a passage of the leading report (A), its best counterpart in B beside it (or, in
a narrow terminal, under it) and a similarity bar. Words and numbers the two passages share are
highlighted in both. A row whose best score is under the threshold is dimmed and says "no close
counterpart in B": the measure found none, which is not to say the point is unique to A.

The view uses the Line API: rows are wrapped once per width and drawn line by line, so a
comparison of two long reports scrolls without re-wrapping.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from kimreader.analysis.align import AlignedPassage, without_counterpart
from kimreader.analysis.compare import Comparison
from kimreader.analysis.text import STOP_WORDS, WORD, Span, normalise_word, stem
from kimreader.tui.widgets.layout import Block, wrap_block

STACK_BELOW = 110  # narrower than this, B's passage goes under A's instead of beside it
BAR_CELLS = 6
MIDDLE_CELLS = BAR_CELLS + 7  # " ██░░░░ 0.22 " between the columns
GUTTER_CELLS = 2
NO_COUNTERPART = "no close counterpart in B"

STYLES: dict[str, Style] = {
    name: Style.parse(spec)
    for name, spec in {
        "shared": "bold yellow",
        "number": "bold black on yellow",
        "unmatched": "dim",
        "note": "dim italic",
        "bar_on": "green",
        "bar_below": "dim",
        "bar_off": "dim",
        "label": "bold",
        "cursor": "bold cyan",
        "number_label": "dim",
    }.items()
}


# -- rows: pure functions of a comparison ---------------------------------------------------


@dataclass(frozen=True)
class AlignedRow:
    """One passage of A with its best counterpart in B (None below the threshold)."""

    number: int  # 1-based
    passage: AlignedPassage
    a_text: Text
    b_text: Text | None

    @property
    def matched(self) -> bool:
        return self.passage.best is not None


def with_threshold(cmp: Comparison, body_a: str, threshold: float) -> Comparison:
    """The comparison with alignment marks recomputed for another threshold (no re-scoring)."""
    aligned = [
        replace(row, best=row.candidates[0] if row.candidates and row.score >= threshold else None)
        for row in cmp.aligned
    ]
    passages_a = [Span(row.a_start, row.a_end, body_a[row.a_start : row.a_end]) for row in aligned]
    only_a, only_b = without_counterpart(aligned, passages_a, list(cmp.passages_b))
    marks = {"aligned": tuple(aligned), "only_a": tuple(only_a), "only_b": tuple(only_b)}
    return replace(cmp, threshold=threshold, **marks)


def term_spans(body: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, stem) of each content word in body[start:end], as the alignment counts them.

    Hyphenated words count as their parts (like `content_terms`), each part with its offsets.
    """
    found: list[tuple[int, int, str]] = []
    for match in WORD.finditer(body, start, end):
        position = match.start()
        for part in match.group().split("-"):
            term = normalise_word(part).strip("'")
            if term and term not in STOP_WORDS and (len(term) > 1 or term.isdigit()):
                found.append((position, position + len(part), stem(term)))
            position += len(part) + 1
    return found


def passage_text(body: str, start: int, end: int) -> Text:
    """A passage as one paragraph of plain text (line breaks shown as spaces; same length)."""
    shown = "".join(" " if char in "\n\t\r" else char for char in body[start:end])
    return Text(shown, end="")


def _highlight(text: Text, spans: list[tuple[int, int, str]], shared: set[str], base: int) -> None:
    for start, end, term in spans:
        if term in shared:
            style = STYLES["number"] if term.isdigit() else STYLES["shared"]
            text.stylize(style, start - base, end - base)


def aligned_rows(
    cmp: Comparison, body_a: str, body_b: str, reuse: Sequence[AlignedRow] = ()
) -> list[AlignedRow]:
    """The rows of the aligned view, shared words and numbers highlighted in both passages.

    `reuse`: rows of the same comparison at another threshold; a row whose counterpart did not
    change is kept as it is (moving the threshold re-highlights only the rows it changes).
    """
    kept = {(row.passage.a_start, row.passage.best): row for row in reuse}
    rows: list[AlignedRow] = []
    for number, passage in enumerate(cmp.aligned, 1):
        previous = kept.get((passage.a_start, passage.best))
        if previous is not None and previous.number == number:
            rows.append(replace(previous, passage=passage))
            continue
        a_text = passage_text(body_a, passage.a_start, passage.a_end)
        best = passage.best
        if best is None:
            a_text.stylize(STYLES["unmatched"])
            rows.append(AlignedRow(number, passage, a_text, None))
            continue
        b_text = passage_text(body_b, best.b_start, best.b_end)
        spans_a = term_spans(body_a, passage.a_start, passage.a_end)
        spans_b = term_spans(body_b, best.b_start, best.b_end)
        shared = {t for _, _, t in spans_a} & {t for _, _, t in spans_b}
        _highlight(a_text, spans_a, shared, passage.a_start)
        _highlight(b_text, spans_b, shared, best.b_start)
        rows.append(AlignedRow(number, passage, a_text, b_text))
    return rows


def score_bar(score: float, threshold: float, cells: int = BAR_CELLS) -> Text:
    """A bar of `cells` cells and the score; green at or over the threshold, dim under it."""
    filled = max(0, min(cells, round(score * cells * 2)))  # full bar at 0.5: scores run low
    on = STYLES["bar_on"] if score >= threshold else STYLES["bar_below"]
    bar = Text("█" * filled, style=on, end="")
    bar.append("░" * (cells - filled), style=STYLES["bar_off"])
    bar.append(f" {score:.2f}", style=on)
    return bar


# -- the view -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _RowLayout:
    """Where a row's texts wrap at one width: (start, end) ranges of A's and of B's text."""

    left: tuple[tuple[int, int], ...]
    right: tuple[tuple[int, int], ...]  # () when the row has no counterpart
    height: int


def wrap_ranges(text: str, width: int) -> tuple[tuple[int, int], ...]:
    """Greedy word wrap of plain text into (start, end) ranges (the reader's wrapping)."""
    return tuple(wrap_block(Block(kind="p", text=text), width))


class AlignedView(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of aligned passages with a row cursor; keys come from the compare screen.

    Rows are wrapped as plain text (cheap) when the rows or the width change; a display line is
    styled and rendered only when drawn, then cached, so long reports stay quick.
    """

    BINDINGS: ClassVar = []

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.rows: list[AlignedRow] = []
        self.threshold = 0.0
        self.empty_message = "comparing…"
        self._layouts: dict[tuple[object, ...], _RowLayout] = {}
        self._row_layouts: list[_RowLayout] = []
        self._row_tops: list[int] = []
        self._line_count = 0
        self._strips: dict[int, Strip] = {}
        self._built_width = -1
        self.layout_builds = 0  # rows wrapped (tests check that moving the cursor wraps none)

    # -- content ----------------------------------------------------------------------------

    def set_rows(self, rows: list[AlignedRow], threshold: float, keep_cursor: bool) -> None:
        self.rows = rows
        self.threshold = threshold
        self._rebuild()
        self.cursor = self.cursor if keep_cursor else 0
        if not keep_cursor:
            self.scroll_to(y=0, animate=False, immediate=True)

    @property
    def current(self) -> AlignedRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def stacked(self) -> bool:
        return self.size.width < STACK_BELOW

    @property
    def line_count(self) -> int:
        return self._line_count

    # -- layout -----------------------------------------------------------------------------

    @property
    def _content_width(self) -> int:
        return max(20, self.scrollable_content_region.width - GUTTER_CELLS)

    @property
    def _column(self) -> int:
        """The width of each passage column side by side (of the passage text stacked)."""
        width = self._content_width
        return width - 2 if self.stacked else max(10, (width - MIDDLE_CELLS) // 2)

    def _rebuild(self) -> None:
        width, stacked, column = self._content_width, self.stacked, self._column
        if len(self._layouts) > 4 * len(self.rows) + 100:
            self._layouts.clear()
        self._row_layouts, self._row_tops = [], []
        top = 0
        for row in self.rows:
            best = row.passage.best
            key = (row.passage.a_start, best, width, stacked)
            layout = self._layouts.get(key)
            if layout is None:
                layout = self._layouts[key] = self._wrap_row(row, column, stacked)
                self.layout_builds += 1
            self._row_layouts.append(layout)
            self._row_tops.append(top)
            top += layout.height + 1  # a blank line after each row
        self._line_count = max(0, top - 1)
        self._strips.clear()
        self._built_width = width
        self.virtual_size = Size(self.scrollable_content_region.width, self._line_count)
        self.refresh()

    @staticmethod
    def _wrap_row(row: AlignedRow, column: int, stacked: bool) -> _RowLayout:
        left = wrap_ranges(row.a_text.plain, column)
        right = wrap_ranges(row.b_text.plain, column) if row.b_text is not None else ()
        if stacked:
            return _RowLayout(left, right, 1 + len(left) + len(right))
        return _RowLayout(left, right, max(len(left), len(right), 2))

    # -- cursor -----------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self._scroll_cursor_into_view()

    def row_span(self, index: int) -> tuple[int, int]:
        """[first, last) display lines of a row."""
        if not 0 <= index < len(self._row_tops):
            return (0, 0)
        top = self._row_tops[index]
        return (top, top + self._row_layouts[index].height)

    def _scroll_cursor_into_view(self) -> None:
        top, bottom = self.row_span(self.cursor)
        height = max(1, self.scrollable_content_region.height)
        y = self.scroll_offset.y
        if top < y or bottom - top > height:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > y + height:
            self.scroll_to(y=bottom - height, animate=False, immediate=True)

    def row_at_line(self, line: int) -> int:
        return max(0, bisect_right(self._row_tops, line) - 1)

    def cursor_down(self) -> None:
        self.cursor += 1

    def cursor_up(self) -> None:
        self.cursor -= 1

    def first(self) -> None:
        self.cursor = 0

    def last(self) -> None:
        self.cursor = len(self.rows) - 1

    def page_down(self) -> None:
        """Scroll a page, the cursor to the first row that starts on it."""
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_offset.y + page, animate=False, immediate=True)
        self._cursor_to_top_row()

    def page_up(self) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=max(0, self.scroll_offset.y - page), animate=False, immediate=True)
        self._cursor_to_top_row()

    def _cursor_to_top_row(self) -> None:
        y = self.scroll_offset.y
        index = self.row_at_line(y)
        if self._row_tops and index < len(self._row_tops) - 1 and self._row_tops[index] < y:
            index += 1
        if y >= self.max_scroll_y:
            index = max(index, self.cursor)  # at the bottom: don't jump back up
        self.cursor = index

    # -- rendering --------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self._content_width != self._built_width:
            self._rebuild()
            self._scroll_cursor_into_view()

    def render_line(self, y: int) -> Strip:
        return self.strip_at(self.scroll_offset.y + y)

    def strip_at(self, index: int) -> Strip:
        """Display line `index` of the whole view (not only of what is on screen)."""
        base = self.rich_style
        width = self.scrollable_content_region.width
        if not self.rows:
            if index != 0:
                return Strip.blank(width, base)
            text = Text(" " + self.empty_message, style=STYLES["note"], end="")
            segments = Segment.apply_style(text.render(self.app.console), base)
            return Strip(segments).crop_extend(0, width, base)
        if not 0 <= index < self._line_count:
            return Strip.blank(width, base)
        row = self.row_at_line(index)
        line = index - self._row_tops[row]
        if line >= self._row_layouts[row].height:
            return Strip.blank(width, base)  # between rows
        strip = self._strips.get(index)
        if strip is None:
            if len(self._strips) > MAX_CACHED_STRIPS:
                self._strips.clear()
            strip = self._strips[index] = self._render_row_line(row, line)
        is_cursor = row == self.cursor
        gutter = Strip(
            [Segment("▌ " if is_cursor else "  ", STYLES["cursor"] if is_cursor else None)]
        )
        return Strip.join([gutter, strip]).apply_style(base).crop_extend(0, width, base)

    def _render_row_line(self, index: int, line: int) -> Strip:
        row, layout = self.rows[index], self._row_layouts[index]
        pieces = (
            self._stacked_line(row, layout, line)
            if self.stacked
            else self._beside_line(row, layout, line)
        )
        console = self.app.console
        strips = [
            Strip(list(text.render(console, end=""))).crop_extend(0, cells, None)
            for text, cells in pieces
        ]
        return Strip.join(strips)

    def _beside_line(self, row: AlignedRow, layout: _RowLayout, line: int) -> list[_Piece]:
        """A's line | bar or number | B's line."""
        column = self._column
        if line == 0:
            middle = Text(" ", end="") + score_bar(row.passage.score, self.threshold)
        elif line == 1:
            middle = Text(f" {row.number}/{len(self.rows)}", style=STYLES["number_label"])
        else:
            middle = Text("")
        if row.b_text is None:
            right = _note(NO_COUNTERPART) if line == 0 else Text("")
        else:
            right = _slice(row.b_text, layout.right, line)
        return [
            (_slice(row.a_text, layout.left, line), column),
            (middle, MIDDLE_CELLS),
            (right, self._content_width - column - MIDDLE_CELLS),
        ]

    def _stacked_line(self, row: AlignedRow, layout: _RowLayout, line: int) -> list[_Piece]:
        """A heading with number and bar, then A's passage, then B's (or the note)."""
        width = self._content_width
        if line == 0:
            heading = Text(f"{row.number}/{len(self.rows)}  ", style=STYLES["label"], end="")
            heading.append_text(score_bar(row.passage.score, self.threshold, cells=10))
            if row.b_text is None:
                heading.append("  " + NO_COUNTERPART, style=STYLES["note"])
            return [(heading, width)]
        line -= 1
        if line < len(layout.left):
            label, text, ranges = "A ", row.a_text, layout.left
        else:
            line -= len(layout.left)
            label, text, ranges = "B ", row.b_text or Text(""), layout.right
        mark = Text(label if line == 0 else "  ", style=STYLES["label"], end="")
        return [(mark, 2), (_slice(text, ranges, line), width - 2)]


# -- text helpers ---------------------------------------------------------------------------

_Piece = tuple[Text, int]  # a piece of a display line and the cells it takes
MAX_CACHED_STRIPS = 4000


def _note(message: str) -> Text:
    return Text(message, style=STYLES["note"], end="")


def _slice(text: Text, ranges: tuple[tuple[int, int], ...], line: int) -> Text:
    """Line `line` of a wrapped text, its styles kept (empty past the last line)."""
    if line >= len(ranges):
        return Text("", end="")
    start, end = ranges[line]
    piece = text[start:end]
    piece.rstrip()
    piece.end = ""
    return piece
