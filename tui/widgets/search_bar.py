"""The search bar: an Input that never blinks; Enter and Esc hand focus back at once."""

from __future__ import annotations

from typing import ClassVar

from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from kimreader.tui import actions

PLACEHOLDER = '/ to search: kim visit · "trade war" · person:"Xi Jinping" · place:beijing'


class SearchBar(Input):
    """Typing posts Input.Changed (the screen debounces); Enter posts Input.Submitted.

    Focus moves to `leave_to` inside the key's own handling, not when the screen gets the
    message: keys typed right after Enter or Esc (e.g. Enter n) go to the list, not the query.
    """

    BINDINGS: ClassVar = actions.bindings("search")

    class Left(Message):
        """Esc: the user is done with the search bar."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)
        self.cursor_blink = False
        self.leave_to: Widget | None = None

    async def action_submit(self) -> None:
        await super().action_submit()
        self._hand_focus_back()

    def action_leave(self) -> None:
        self.post_message(self.Left())
        self._hand_focus_back()

    def _hand_focus_back(self) -> None:
        if self.leave_to is not None and self.leave_to.display:
            self.screen.set_focus(self.leave_to)
