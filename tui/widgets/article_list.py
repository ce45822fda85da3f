"""The article list: a virtual list (Line API) that draws only the rows on screen.

A library of 20,000 articles is 20,000 small `Row` tuples, never 20,000 widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
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
        # The reader's own marks (read, starred, tags), looked up for the rows drawn only.
        self.marks: Snapshot | None = None
        self.open_id = ""

    # -- content ----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row], keep: str = "") -> None:
        """Replace the rows; the cursor stays on `keep` if it is listed, else goes to the top."""
        self.rows = list(rows)
        index = next((i for i, r in enumerate(self.rows) if r.id == keep), 0) if keep else 0
        self.virtual_size = Size(self.size.width, len(self.rows) * ROW_HEIGHT)
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
        self.virtual_size = Size(self.size.width, len(self.rows) * ROW_HEIGHT)

    # -- rendering --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        width = self.scrollable_content_region.width
        index, part = divmod(self.scroll_offset.y + y, ROW_HEIGHT)
        if not self.rows and index == 0 and part == 0:
            text = Text(" no articles", style=self._style("meta"), end="")
        elif index >= len(self.rows):
            return Strip.blank(width, base)
        else:
            text = self._row_text(self.rows[index], part, index == self.cursor, width)
        segments = Segment.apply_style(text.render(self.app.console, end=""), base)
        return Strip(segments).crop_extend(0, width, base)

    def _row_text(self, row: Row, part: int, is_cursor: bool, width: int) -> Text:
        mark = "▌" if is_cursor else ("•" if row.id == self.open_id else " ")
        text = Text(no_wrap=True, end="")
        text.append(mark, style=self._style("open") if mark == "•" else Style())
        marks = self.marks
        unread = marks is not None and row.id not in marks.read
        if part == 0:
            # Unread titles stand out (bold, as in mail readers); read ones are plain.
            read = marks is not None and not unread
            text.append(row.title or "(untitled)", self._style("title-read" if read else "title"))
        else:
            if unread:
                text.append("● ", self._style("unread"))
            if marks is not None and row.id in marks.starred:
                text.append("★ ", self._style("star"))
            if row.new:
                text.append("new ", self._style("new"))
            if row.hit_count is not None:  # first, so a narrow list still shows it
                count = row.hit_count
                text.append(f"{count} hit{'s' if count != 1 else ''} ", self._style("hits"))
            meta = " ".join(x for x in (row.published or "no date", row.source) if x)
            text.append(meta, self._style("meta"))
            tags = marks.tags.get(row.id, ()) if marks is not None else ()
            if tags:
                text.append(" " + " ".join(f"#{tag}" for tag in tags), self._style("tags"))
        text.truncate(width, overflow="ellipsis", pad=True)
        if is_cursor:
            text.stylize(self._style("cursor" if self.has_focus else "cursor-blurred"))
        return text

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"article-list--{name}", partial=True)
