"""Related articles and the comparison from the main screen: opening their screens, and
opening the article and passage the compare screen points to (mixed into MainScreen)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kimreader.tui.screens.main import MainScreen


class CompareKeys:
    """The main screen's `r` (related) and `c` (compare) actions."""

    _open_passage: tuple[int, int] | None  # where to show the next article (set by MainScreen)

    def action_related(self: MainScreen) -> None:
        if self.article is None:
            self.status.say("open an article first", "hint")
            return
        from kimreader.tui.screens.related import RelatedScreen

        def open_related(article_id: str | None) -> None:
            if article_id:
                self.open_chosen(article_id)

        self.app.push_screen(RelatedScreen(self.article), open_related)

    def action_compare(self: MainScreen) -> None:
        """Compare the open article with the one under the list's cursor.

        With the cursor on the open article: the only other one (a library of two), or a pick.
        """
        article = self.article
        if article is None:
            self.status.say("open an article first, then press c to compare it", "hint")
            return
        others = [entry for entry in self.catalog if entry.id != article.id]
        if not others:
            self.status.say("nothing to compare with: the library has one article", "hint")
            return
        compare = importlib.import_module("kimreader.tui.screens.compare")

        def start(b_id: str | None) -> None:
            if b_id:
                screen = compare.CompareScreen(self.kim.workspace, article.id, b_id)
                self.app.push_screen(screen, self.open_compared)

        row = self.articles.current
        if row is not None and row.id != article.id:
            start(row.id)
        elif len(others) == 1:
            start(others[0].id)
        else:
            self.app.push_screen(compare.SecondReportScreen(article, self.catalog), start)

    def open_compared(self: MainScreen, target: tuple[str, int, int] | None) -> None:
        """The compare screen's "open here": the article, scrolled to the text, marked."""
        if target is None:
            return
        article_id, start, end = target
        self._open_passage = (start, end)
        if self.article is not None and self.article.id == article_id:
            self._scroll_to_open_offset()
        else:
            self.open_chosen(article_id)
        self.set_focus(self.reader)

    def _scroll_to_open_offset(self: MainScreen) -> None:
        if self._open_passage is not None:
            self.reader.show_passage(self._open_passage)
            self._open_passage = None
