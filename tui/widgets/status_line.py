"""The status line: what the list shows, query errors, suggestions, and the reader's counters."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

Counter = tuple[str, str]  # (long, short): "hit 3 of 32", "3/32"
MAX_LINES = 3  # a long message (a bad query and the fields it could use) at 60 columns


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
    """A message on the left, counters on the right; one line unless the message needs more.
    Built from Text, never markup."""

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._covered: tuple[str, str] | None = None  # what a say_for_now message covers

    def say(self, message: str, kind: str = "info") -> None:
        self._covered = None
        self.message = message
        self.kind = kind

    def say_for_now(self, message: str, kind: str = "hint") -> None:
        """A message that gives way to the one it covered at the next `settle()` (the next `n`),
        as `less` clears its message on the next command."""
        covered = self._covered or (self.message, self.kind)
        self.say(message, kind)
        self._covered = covered

    def settle(self) -> None:
        if self._covered is not None:
            self.say(*self._covered)

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

    def _message_lines(self, width: int) -> list[Text]:
        """An error or hint wrapped to the width, at most MAX_LINES (the last one cut with "…"):
        the reader must see all of it to act on it. Information keeps to one line, cut where
        the line ends (wrapped first, a long last word went whole: "exported 1 article(s) to
        …", the folder it went to not shown at all)."""
        kind = self.kind if self.kind in ("error", "hint") else "info"
        # Information is one line: its first, if a message has several.
        message = self.message if kind != "info" else self.message.partition("\n")[0]
        text = Text(message, style=self._style(kind), end="")
        if width <= 0:
            return [text]
        if kind == "info":
            text.truncate(width, overflow="ellipsis")
            return [text]
        lines = list(text.wrap(self.app.console, width, overflow="fold")) or [Text(end="")]
        if len(lines) > MAX_LINES:
            lines = lines[:MAX_LINES]
            lines[-1].append(" …")  # ellipsis-truncate below keeps the marker within the width
        lines[-1].truncate(width, overflow="ellipsis")
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line, or up to MAX_LINES for a message longer than the line (it wins)."""
        return len(self._message_lines(width))

    def watch_message(self) -> None:
        width = self.content_region.width
        if width and len(self._message_lines(width)) != max(1, self.content_region.height):
            self.refresh(layout=True)  # the line grows for a long message, shrinks after it

    watch_kind = watch_message

    def on_resize(self) -> None:
        self.refresh(layout=True)  # how many lines the message needs depends on the width

    def render(self) -> Text:
        """The message wins: counters shorten, then go, before the message is cut; a message
        longer than the line wraps onto a second (and third) line rather than losing its end."""
        width = self.size.width
        lines = self._message_lines(width)
        last = lines[-1]
        counter = ""
        for candidate in (self.counter_text(short=False), self.counter_text(short=True)):
            if last.cell_len + cell_len(candidate) + 2 <= width:
                counter = candidate
                break
        right = Text(counter, style=self._style("counter"), end="")
        gap = max(1, width - last.cell_len - right.cell_len)
        lines[-1] = Text.assemble(last, " " * gap, right, end="") if counter else last
        return Text("\n", no_wrap=True, end="").join(lines)
