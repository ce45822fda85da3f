"""The status line: what the list shows, query errors, suggestions, and the hit counter."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

MESSAGE_STYLES = {
    "info": Style(),
    "error": Style.parse("bold red"),
    "hint": Style.parse("bold yellow"),
}


class StatusLine(Widget):
    """One line: a message on the left, counters on the right. Built from Text, never markup."""

    message: reactive[str] = reactive("")
    kind: reactive[str] = reactive("info")
    counter: reactive[str] = reactive("")

    def say(self, message: str, kind: str = "info") -> None:
        self.message = message
        self.kind = kind

    def render(self) -> Text:
        width = self.size.width
        right = Text(self.counter, style="bold", end="")
        left = Text(self.message, style=MESSAGE_STYLES.get(self.kind, Style()), end="")
        room = max(0, width - right.cell_len - 2)
        left.truncate(room, overflow="ellipsis")
        gap = max(1, width - left.cell_len - right.cell_len)
        return Text.assemble(left, " " * gap, right, no_wrap=True, end="")
