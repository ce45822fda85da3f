"""Keyboard lists for pop-up screens: OptionList with the registry's keys (ids, remappable),
and a filter line that narrows a list as the user types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
from textual import events
from textual.widgets import Input, OptionList

from kimreader.tui import actions


@dataclass(frozen=True)
class Row:
    """A picker row in columns: a lead of fixed width (keys, a number), then text that wraps
    under itself on a narrow terminal, not under the lead; then, where the row has room, a dim
    note on the right. `plain` is the row as text."""

    lead: Text
    text: Text
    lead_width: int
    note: str = ""
    note_min_width: int = 60  # narrower, the note is left out: the text needs the room

    @property
    def plain(self) -> str:
        plain = self.lead.plain.ljust(self.lead_width) + self.text.plain
        return f"{plain}  {self.note}" if self.note else plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        grid = Table.grid(expand=True)
        grid.add_column(width=self.lead_width, overflow="fold")
        grid.add_column(ratio=1)
        cells = [self.lead, self.text]
        if self.note and options.max_width >= self.note_min_width:
            grid.add_column(justify="right", style="dim", no_wrap=True)
            cells.append(Text(f" {self.note}"))
        grid.add_row(*cells)
        yield grid


class Picker(OptionList, inherit_bindings=False):
    BINDINGS: ClassVar = actions.bindings("picker") + [
        s.binding() for s in actions.specs("modal") if s.id == "picker.select"
    ]

    def __init__(self, *, choosable: bool = True, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.choosable = choosable  # False: a list to read (help), Enter chooses nothing

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No "Choose" in the footer (and Enter left alone) where there is nothing to choose."""
        if action == "select":
            return self.choosable
        return True


# Keys the filter line passes to its list: typing goes to the filter, moving to the list.
_LIST_KEYS = {
    "down": "cursor_down",
    "up": "cursor_up",
    "pagedown": "page_down",
    "pageup": "page_up",
    "enter": "select",
}


class FilterLine(Input):
    """Type to narrow `picker`; arrows, pages and Enter act on the list."""

    def __init__(self, picker: Picker, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.picker = picker

    async def _on_key(self, event: events.Key) -> None:
        action = _LIST_KEYS.get(event.key)
        if action is None:
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()
        await self.picker.run_action(action)


def matches(words: str, text: str) -> bool:
    """Every word typed appears in the text (any case, any order)."""
    folded = text.casefold()
    return all(word in folded for word in words.casefold().split())
