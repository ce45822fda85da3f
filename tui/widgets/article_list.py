"""The article list: a virtual list (Line API) that draws only the rows on screen.

A library of 20,000 articles is 20,000 small `Row` tuples, never 20,000 widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from kimreader.corpus.userstate import Snapshot
from kimreader.tui import actions

ROW_HEIGHT = 2


# Not frozen (rows are replaced, never changed): a frozen dataclass's __init__ made building
# the first frame's 20,000 rows four times slower.
@dataclass(slots=True)
class Row:
    id: str
    title: str
    source: str
    published: str  # ISO date or ""
    hit_count: int | None = None  # with a query: hits in this article (None: not counted yet)
    new: bool = False  # fetched from a feed since the app started, not opened yet


class ArticleList(ScrollView, can_focus=True, inherit_bindings=False):
    """Two lines per article: the title, then (hits) date source."""

    BINDINGS: ClassVar = actions.bindings("list")
    COMPONENT_CLASSES: ClassVar = {
        "article-list--title",
        "article-list--title-read",
        "article-list--unread",
        "article-list--star",
        "article-list--tags",
        "article-list--meta",
        "article-list--hits",
        "article-list--new",
        "article-list--open",
        "article-list--cursor",
        "article-list--cursor-blurred",
    }
    # Named ANSI colours, reverse and underline: legible on 16-colour terminals.
    DEFAULT_CSS = """
    ArticleList {
        & > .article-list--title { text-style: bold; }
        & > .article-list--title-read { text-style: none; }
        & > .article-list--unread { color: ansi_cyan; text-style: bold; }
        & > .article-list--star { color: ansi_yellow; text-style: bold; }
        & > .article-list--tags { text-style: italic; }
        & > .article-list--meta { text-style: dim; }
        & > .article-list--hits { color: ansi_yellow; text-style: bold; }
        & > .article-list--new { color: ansi_cyan; text-style: bold; }
        & > .article-list--open { color: ansi_green; text-style: bold; }
        & > .article-list--cursor { text-style: bold reverse; }
        & > .article-list--cursor-blurred { text-style: bold underline; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Chosen(Message):
        """Enter on a row: open this article."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.rows: list[Row] = []
        # How many rows the list has room for: more than `rows` while the first frame shows
        # the newest of a library whose whole catalog is still being read (the scrollbar is
        # that of the whole list from the start).
        self.total = 0
        # The reader's own marks (read, starred, tags), looked up for the rows drawn only.
        self.marks: Snapshot | None = None
        self.open_id = ""
        self._drawing: tuple[Style, int, Style] | None = None  # set while lines are drawn

    # -- content ----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row], keep: str = "", total: int | None = None) -> None:
        """Replace the rows; the cursor stays on `keep` if it is listed, else goes to the top.
        `total`: the rows of the whole list, when `rows` are the first of them."""
        self.rows = list(rows)
        self.total = max(total or 0, len(self.rows))
        index = next((i for i, r in enumerate(self.rows) if r.id == keep), 0) if keep else 0
        self.virtual_size = Size(self.size.width, self.total * ROW_HEIGHT)
        self.cursor = index
        self._scroll_cursor_into_view(center=True)
        self.refresh()

    def update_row(self, row: Row) -> None:
        for index, existing in enumerate(self.rows):
            if existing.id == row.id:
                self.rows[index] = row
                self.refresh_lines(index * ROW_HEIGHT, ROW_HEIGHT)
                return

    def set_marks(self, marks: Snapshot) -> None:
        self.marks = marks
        self.refresh()

    def is_unread(self, index: int) -> bool:
        return self.marks is not None and self.rows[index].id not in self.marks.read

    def mark_open(self, article_id: str) -> None:
        self.open_id = article_id
        self.refresh()

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    # -- cursor -----------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_lines(old * ROW_HEIGHT, ROW_HEIGHT)
        self.refresh_lines(new * ROW_HEIGHT, ROW_HEIGHT)
        self._scroll_cursor_into_view()

    def _scroll_cursor_into_view(self, center: bool = False) -> None:
        height = max(ROW_HEIGHT, self.scrollable_content_region.height)
        top = self.cursor * ROW_HEIGHT
        if center:
            self.scroll_to(y=max(0, top - height // 2), animate=False, immediate=True)
        elif top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + ROW_HEIGHT > self.scroll_offset.y + height:
            self.scroll_to(y=top + ROW_HEIGHT - height, animate=False, immediate=True)

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // ROW_HEIGHT - 1)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_page_down(self) -> None:
        self.cursor += self._page

    def action_page_up(self) -> None:
        self.cursor -= self._page

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Chosen(row.id))

    def on_click(self, event: events.Click) -> None:
        """A click opens the row under the pointer (the keyboard stays the main way)."""
        index = (event.y + int(self.scroll_offset.y)) // ROW_HEIGHT
        if 0 <= index < len(self.rows):
            self.cursor = index
            self.action_open()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.total * ROW_HEIGHT)

    # -- rendering --------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # What every line of one redraw shares, worked out once for all of them: the widget's
        # Rich style alone took 60% of a line's time.
        self._drawing = self._line_context()
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = None

    def _line_context(self) -> tuple[Style, int, Style]:
        """(base style, width, cursor style) of the lines drawn now."""
        cursor = self._style("cursor" if self.has_focus else "cursor-blurred")
        return self.rich_style, self.scrollable_content_region.width, cursor

    def render_line(self, y: int) -> Strip:
        base, width, cursor = self._drawing or self._line_context()
        index, part = divmod(self.scroll_offset.y + y, ROW_HEIGHT)
        if not self.rows and index == 0 and part == 0:
            return fitted_line([(" no articles", self._style("meta"))], width, base)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        pieces = self._row_pieces(self.rows[index], part, is_cursor)
        return fitted_line(pieces, width, base, cursor if is_cursor else None)

    def _row_pieces(self, row: Row, part: int, is_cursor: bool) -> list[tuple[str, Style]]:
        """The row's line `part` (0: the title; 1: marks, hits, date, source, tags) as styled
        pieces of text."""
        mark = "▌" if is_cursor else ("•" if row.id == self.open_id else " ")
        pieces = [(mark, self._style("open") if mark == "•" else _PLAIN)]
        marks = self.marks
        unread = marks is not None and row.id not in marks.read
        if part == 0:
            # Unread titles stand out (bold, as in mail readers); read ones are plain.
            read = marks is not None and not unread
            title = row.title or "(untitled)"
            pieces.append((title, self._style("title-read" if read else "title")))
            return pieces
        if unread:
            pieces.append(("● ", self._style("unread")))
        if marks is not None and row.id in marks.starred:
            pieces.append(("★ ", self._style("star")))
        if row.new:
            pieces.append(("new ", self._style("new")))
        if row.hit_count is not None:  # first, so a narrow list still shows it
            count = row.hit_count
            pieces.append((f"{count} hit{'s' if count != 1 else ''} ", self._style("hits")))
        meta = " ".join(x for x in (row.published or "no date", row.source) if x)
        pieces.append((meta, self._style("meta")))
        tags = marks.tags.get(row.id, ()) if marks is not None else ()
        if tags:
            pieces.append((" " + " ".join(f"#{tag}" for tag in tags), self._style("tags")))
        return pieces

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"article-list--{name}", partial=True)


_PLAIN = Style()


def fitted_line(
    pieces: Sequence[tuple[str, Style]], width: int, base: Style, over: Style | None = None
) -> Strip:
    """Styled pieces on `base` as one line of `width` cells: cut with an ellipsis when longer,
    padded when shorter, `over` (the cursor) on all of it. Segments made directly: through
    Rich's Text (truncate, stylize, render) a row cost twice as much, and the first frame draws
    a screenful of them."""
    if width <= 0:
        return Strip.blank(0, base)
    whole = base if over is None else base + over
    strip = Strip([Segment(text, base + style if over is None else base + style + over)
                   for text, style in pieces])  # fmt: skip
    if strip.cell_length > width:  # the ellipsis in the style of the piece it cuts
        cut = next(iter(strip.crop(width - 1, width)), None)
        ellipsis = Segment("…", cut.style if cut is not None else whole)
        strip = Strip.join([strip.crop(0, width - 1), Strip([ellipsis])])
    return strip.extend_cell_length(width, whole).simplify()
