"""The search bar: an Input that never blinks and handles every key in the order it was typed.

Textual resolves a widget's (non-priority) bindings when the key has bubbled up to the app,
against whatever is focused by then, and runs priority bindings as the key arrives, ahead of
keys still queued at the widget. Either way a fast `/ ctrl+u title:" Enter` could lose keys:
Enter read the value before the typed characters were in it and moved focus away, after which
the queued ctrl+u resolved against the list (issue #13, item 1). So this bar resolves its own
bindings in `_on_key`, in order, and Enter/Esc hand focus back there; keys that were already
queued here but typed after Enter/Esc (e.g. the `n` of `Enter n`) go back to the app, which
sends them where they belong now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from kimreader.tui import actions

PLACEHOLDER = '/ to search: kim visit · "trade war" · person:"Xi Jinping" · place:beijing'


class SearchBar(Input):
    """Typing posts Input.Changed (the screen debounces); Enter posts Input.Submitted."""

    BINDINGS: ClassVar = actions.bindings("search")

    class Left(Message):
        """Esc: the user is done with the search bar."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)
        self.cursor_blink = False
        self.leave_to: Callable[[], Widget] | None = None  # where Enter and Esc go
        self._handed_back = False  # Enter/Esc handled: keys still queued here are the pane's

    def _on_focus(self, event: events.Focus) -> None:
        self._handed_back = False  # queued in order: keys processed after this are typed here

    async def _on_key(self, event: events.Key) -> None:
        if self._handed_back:
            event.stop()
            event.prevent_default()
            self._pass_on(event)
            return
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()  # Input._on_key (typing) runs after this one otherwise
                return

    def _pass_on(self, event: events.Key) -> None:
        """Hand a key back to the app as if it had just arrived (priority keys, focus, all)."""
        self.app.post_message(events.Key(event.key, event.character))

    async def action_submit(self) -> None:
        await super().action_submit()
        self._hand_focus_back()

    def action_leave(self) -> None:
        self.post_message(self.Left())
        self._hand_focus_back()

    def _hand_focus_back(self) -> None:
        if self.leave_to is not None:
            self._handed_back = True
            self.screen.set_focus(self.leave_to())
