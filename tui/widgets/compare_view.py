"""The comparison's views: aligned passages in two synchronised columns, and the other tabs.

Each row shows a passage of the leading report (A), its best counterpart in B beside it (or, in
a narrow terminal, under it) and a similarity bar. Words and numbers the two passages share are
highlighted in both. A row whose best score is under the threshold is dimmed and says "no close
counterpart in B": the measure found none, which is not to say the point is unique to A.

The view uses the Line API: rows are wrapped once per width and drawn line by line, so a
comparison of two long reports scrolls without re-wrapping.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from kimreader.tui.compare_pieces import (
    BAR_CELLS,
    NO_COUNTERPART,
    STACK_BELOW,
    STYLES,
    Row,
    Section,
    score_bar,
)
from kimreader.tui.compare_render import AlignedRow
from kimreader.tui.widgets.layout import Block, wrap_block

MIDDLE_CELLS = BAR_CELLS + 7  # " ██░░░░ 0.22 " between the columns
GUTTER_CELLS = 2


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
        # Wrapped rows by (passage, counterpart, width, stacked): moving the cursor, the
        # threshold or the width back re-wraps nothing (tests read the cache's misses).
        self._layouts: LRUCache[tuple[object, ...], _RowLayout] = LRUCache(MAX_CACHED_LAYOUTS)
        self._row_layouts: list[_RowLayout] = []
        self._row_tops: list[int] = []
        self._line_count = 0
        self._strips: LRUCache[int, Strip] = LRUCache(MAX_CACHED_STRIPS)  # by line number
        self._built_width = -1

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
        self._row_layouts, self._row_tops = [], []
        top = 0
        for row in self.rows:
            best = row.passage.best
            key = (row.passage.a_start, best, width, stacked)
            layout = self._layouts.get(key)
            if layout is None:
                layout = self._wrap_row(row, column, stacked)
                self._layouts.set(key, layout)
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
            strip = self._render_row_line(row, line)
            self._strips.set(index, strip)
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
MAX_CACHED_LAYOUTS = 2000  # a few widths and thresholds of a long comparison


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


class SectionView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """One tab's rows (from `compare_render.SECTIONS`) with a row cursor over the rows that
    stand for text in a report: the screen's `o`/`O` open that text."""

    DEFAULT_CSS = """
    SectionView > .section-row { height: auto; }
    """

    cursor: reactive[int | None] = reactive(None, init=False)

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        self.section = Section((Row(Text("comparing…", style=STYLES["note"])),))
        super().__init__(id=id)

    @property
    def renderable(self) -> Section:
        return self.section

    def compose(self) -> ComposeResult:
        yield from self._statics()

    def _statics(self) -> list[Static]:
        return [
            Static(self._drawn(index), classes="section-row")
            for index in range(len(self.section.rows))
        ]

    def _drawn(self, index: int) -> RenderableType:
        """A row with its gutter: the cursor mark on the current row, blank on the others."""
        row = self.section.rows[index]
        gutter = Text("▌ " if index == self.cursor else "  ", style=STYLES["cursor"])
        # The whole width: a row of two halves (pair_line: only in A / only in B) is otherwise
        # squeezed to its narrowest, its cells wrapped word by word.
        grid = Table.grid(expand=True)
        grid.add_column(width=2, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(gutter, row.renderable)
        return grid

    def show(self, section: Section) -> None:
        self.section = section
        self.set_reactive(SectionView.cursor, self._selectable(0, 1))
        self.remove_children()
        self.mount_all(self._statics())
        self.scroll_home(animate=False, immediate=True)

    @property
    def current(self) -> Row | None:
        rows = self.section.rows
        return rows[self.cursor] if self.cursor is not None and self.cursor < len(rows) else None

    def _selectable(self, start: int, step: int) -> int | None:
        index = start
        while 0 <= index < len(self.section.rows):
            if self.section.rows[index].selectable:
                return index
            index += step
        return None

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        statics = list(self.query(".section-row").results(Static))
        for index in (old, new):
            if index is not None and index < len(statics):
                statics[index].update(self._drawn(index))
        if new is not None and new < len(statics):
            self.scroll_to_widget(statics[new], animate=False, immediate=True)

    def _move(self, step: int) -> None:
        start = step if self.cursor is None else self.cursor + step
        found = self._selectable(start, 1 if step > 0 else -1)
        if found is not None:
            self.cursor = found
        elif step > 0:
            self.scroll_end(animate=False, immediate=True)  # show what follows the last row
        else:
            self.scroll_home(animate=False, immediate=True)

    def cursor_down(self) -> None:
        self._move(1)

    def cursor_up(self) -> None:
        self._move(-1)

    def first(self) -> None:
        self.cursor = self._selectable(0, 1)
        self.scroll_home(animate=False, immediate=True)

    def last(self) -> None:
        self.cursor = self._selectable(len(self.section.rows) - 1, -1)
        self.scroll_end(animate=False, immediate=True)

    def page_down(self) -> None:
        self._page(1)

    def page_up(self) -> None:
        self._page(-1)

    def _page(self, step: int) -> None:
        """Move the cursor about a screen of rows."""
        statics = list(self.query(".section-row").results(Static))
        if self.cursor is None or not statics:
            return
        height = max(1, self.scrollable_content_region.height - 1)
        target_y = statics[self.cursor].virtual_region.y + step * height
        index = self.cursor
        while 0 <= index + step < len(statics) and (
            (statics[index].virtual_region.y < target_y)
            if step > 0
            else (statics[index].virtual_region.y > target_y)
        ):
            index += step
        found = self._selectable(index, step) or self._selectable(index, -step)
        if found is not None:
            self.cursor = found
