"""The status line: what the list shows, query errors, suggestions, and the reader's counters."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

Counter = tuple[str, str]  # (long, short): "hit 3 of 32", "3/32"


def hit_counter(current: int | None, total: int, searching: bool) -> Counter:
    if not searching:
        return "", ""
    if total == 0:
        return "no hits here", "0 hits"
    if current is None:
        return f"{total} hit{'' if total == 1 else 's'}", f"{total}h"
    return f"hit {current + 1} of {total}", f"{current + 1}/{total}"


def mention_counter(current: int | None, total: int) -> Counter:
    if total == 0:
        return "", ""
    if current is None:
        return f"{total} mention{'' if total == 1 else 's'}", f"{total}m"
    return f"mention {current + 1} of {total}", f"m{current + 1}/{total}"


class StatusLine(Widget):
    """One line: a message on the left, counters on the right. Built from Text, never markup."""

    COMPONENT_CLASSES: ClassVar = {
        "status-line--info",
        "status-line--error",
        "status-line--hint",
        "status-line--counter",
    }
    DEFAULT_CSS = """
    StatusLine {
        & > .status-line--error { color: ansi_red; text-style: bold; }
        & > .status-line--hint { color: ansi_yellow; text-style: bold; }
        & > .status-line--counter { text-style: bold; }
    }
    """

    message: reactive[str] = reactive("")
    kind: reactive[str] = reactive("info")
    hits: reactive[Counter] = reactive(("", ""))
    mentions: reactive[Counter] = reactive(("", ""))

    def say(self, message: str, kind: str = "info") -> None:
        self.message = message
        self.kind = kind

    def show_hits(self, current: int | None, total: int, searching: bool) -> None:
        self.hits = hit_counter(current, total, searching)

    def show_mentions(self, current: int | None, total: int) -> None:
        self.mentions = mention_counter(current, total)

    @property
    def counter(self) -> str:
        return self.counter_text(short=False)

    def counter_text(self, short: bool) -> str:
        part = 1 if short else 0
        return " · ".join(c[part] for c in (self.mentions, self.hits) if c[part])

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"status-line--{name}", partial=True)

    def render(self) -> Text:
        """The message wins: counters shorten, then go, before the message is cut."""
        width = self.size.width
        kind = self.kind if self.kind in ("error", "hint") else "info"
        left = Text(self.message, style=self._style(kind), end="")
        counter = ""
        for candidate in (self.counter_text(short=False), self.counter_text(short=True)):
            if left.cell_len + cell_len(candidate) + 2 <= width:
                counter = candidate
                break
        right = Text(counter, style=self._style("counter"), end="")
        left.truncate(max(0, width - right.cell_len - (2 if counter else 0)), overflow="ellipsis")
        gap = max(1, width - left.cell_len - right.cell_len)
        return Text.assemble(left, " " * gap, right, no_wrap=True, end="")
