"""The main screen's three panes (list, reader, entity sidebar), laid out by terminal width.

Wide terminals show all three; narrower ones give the side panes less room and hide the sidebar
until asked for, and when it is asked for it takes the list's place, so the reader keeps room to
be read; below ONE_PANE_WIDTH columns only the focused pane is shown.

Two modes on keys: a wide list, to scan headlines (it ends when an article is opened), and
full-width reading (list and sidebar out of the way).

The first frame (#14) shows the list with an empty reader and sidebar: slots hold their places
(their ids, so their widths and borders) and the panes take them once that frame is painted
(`mount_panes`), so their styles (the reader has 25 component classes) are not worked out first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal
from textual.widget import Widget

from kimreader.tui.widgets.article_list import ArticleList

if TYPE_CHECKING:  # imported with the panes, after the first frame
    from kimreader.tui.widgets.entity_sidebar import EntityList
    from kimreader.tui.widgets.reader import ReaderView

NARROW_WIDTH = 120  # narrower terminals get narrower side panes
SIDEBAR_MIN_WIDTH = 100  # narrower terminals hide the sidebar until asked for
ONE_PANE_WIDTH = 60  # narrower terminals show one pane at a time


class PaneSlot(Widget):
    """An empty pane's place in the first frame, under the pane's id (`Panes.mount_panes`).
    One with nothing to show, not even a border (the reader's), is not drawn at all."""

    def __init__(self, *, id: str, drawn: bool = True) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        if not drawn:
            self.styles.visibility = "hidden"  # inline: no stylesheet to parse for it

    def render(self) -> RenderResult:
        return ""  # a Widget's own render writes its class and id ("PaneSlot#entities")


class Panes(Horizontal):
    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.sidebar_wanted: bool | None = None  # None: by terminal width
        self.mode = "normal"  # or "wide" (the list) or "reading" (the reader alone)
        self.ready = False  # the reader and the sidebar are in place (just after the first frame)

    def on_mount(self) -> None:
        settings = getattr(self.app, "settings", None)  # the config file's sidebar default
        if settings is not None:
            self.sidebar_wanted = {"show": True, "hide": False}.get(settings.sidebar)

    def compose(self) -> ComposeResult:
        # The list is the active pane at start (mark_active_pane): marked so from the start,
        # not restyled for it before the first frame.
        yield ArticleList(id="articles", classes="-active")
        yield PaneSlot(id="reader", drawn=False)
        yield PaneSlot(id="entities")

    async def mount_panes(self) -> None:
        """Put the reader and the sidebar in their slots' places, with the classes the slots
        were given meanwhile (width, focus); no frame shows the panes without them."""
        if self.ready or not any(isinstance(child, PaneSlot) for child in self.children):
            return
        from kimreader.tui.widgets.entity_sidebar import EntityList
        from kimreader.tui.widgets.reader import ReaderView

        panes: list[Widget] = [ReaderView(id="reader"), EntityList(id="entities")]
        slots = [self._pane("reader"), self._pane("entities")]
        for pane, slot in zip(panes, slots, strict=True):
            pane.add_class(*slot.classes)
        with self.app.batch_update():
            await self.remove_children(slots)
            if not self.is_attached:
                return  # the app quit meanwhile (ctrl+q is not held)
            await self.mount(*panes)
            self.ready = True
            self.apply_width(self.screen.size.width)  # in case the terminal was resized meanwhile

    def _pane(self, pane_id: str) -> Widget:
        """The pane (or its slot in the first frame) with this id."""
        return self.get_child_by_id(pane_id)

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ReaderView:
        from kimreader.tui.widgets.reader import ReaderView  # loaded by mount_panes

        return self.query_one(ReaderView)

    @property
    def sidebar(self) -> EntityList:
        from kimreader.tui.widgets.entity_sidebar import EntityList  # loaded by mount_panes

        return self.query_one(EntityList)

    @property
    def sidebar_shown(self) -> bool:
        if self.sidebar_wanted is not None:
            return self.sidebar_wanted
        return self.screen.size.width >= SIDEBAR_MIN_WIDTH

    def toggle_sidebar(self) -> None:
        self.sidebar_wanted = not self.sidebar_shown
        self.apply_width(self.screen.size.width)
        if self.sidebar_shown:
            self.screen.set_focus(self._pane("entities"))
        elif self.screen.focused is self._pane("entities"):
            self.screen.set_focus(self._pane("reader"))

    @property
    def list_shown(self) -> bool:
        return self.mode != "reading" and not self.articles.has_class("-aside")

    @property
    def home(self) -> Widget:
        """Where focus goes back to from the search bar: the list, unless it is out of sight."""
        return self.articles if self.list_shown else self._pane("reader")

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.set_class(mode == "wide", "-wide-list")
        self.set_class(mode == "reading", "-reading")
        focused = self.screen.focused
        reader = self._pane("reader")
        if mode == "reading" and focused is not reader:
            self.screen.set_focus(reader)
        elif mode == "wide" and focused is not self.articles:
            self.screen.set_focus(self.articles)
        self.mark_active_pane()

    def step_focus(self, step: int) -> None:
        panes: list[Widget] = [self._pane("reader")]
        if self.list_shown:
            panes.insert(0, self.articles)
        if self.sidebar_shown and self.mode != "reading":
            panes.append(self._pane("entities"))
        focused = self.screen.focused
        if focused in panes:
            index = panes.index(focused) + step
        else:
            index = 0 if step > 0 else len(panes) - 1
        self.screen.set_focus(panes[index % len(panes)])

    def on_resize(self, event: events.Resize) -> None:
        self.apply_width(self.screen.size.width)

    def apply_width(self, width: int) -> None:
        self.set_class(width < ONE_PANE_WIDTH, "-one-pane")
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self.set_class(width < SIDEBAR_MIN_WIDTH, "-small")
        self.query_children("#entities").set_class(not self.sidebar_shown, "-hidden")
        aside = self.sidebar_shown and ONE_PANE_WIDTH <= width < SIDEBAR_MIN_WIDTH
        self.articles.set_class(aside, "-aside")
        self.mark_active_pane()

    def mark_active_pane(self) -> None:
        """With one pane at a time, show the focused one (the list while searching).

        The screen calls this on every focus change (the search bar is not a pane).
        """
        # Queried, not looked up: while a slot gives way to its pane, neither is there.
        panes = [self.articles, *self.query_children("#reader, #entities")]
        focused = self.screen.focused
        active = focused if focused in panes[1:] else self.articles
        for pane in panes:
            pane.set_class(pane is active, "-active")
