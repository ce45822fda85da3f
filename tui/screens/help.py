"""The help screen: every key, generated from the bindings registry and the keymap in force."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from kimreader.tui import actions
from kimreader.tui.screens.modal import PickerScreen
from kimreader.tui.widgets.picker import Row

KEYS_WIDTH = 20  # an indent, the keys ("shift+tab h" and the like) and a gap


def help_options(keymap: dict[str, str]) -> list[Option]:
    options: list[Option] = []
    group = ""
    for title, keys, description, binding_id in actions.help_rows(keymap):
        if title != group:
            group = title
            heading = Text(title, style="bold underline")
            options.append(Option(heading, id=f"group:{title}", disabled=True))
        # The binding id (dim, where there is room) is what [keymap] in the config file takes.
        lead = Text(f"  {keys}", style="bold")
        options.append(Option(Row(lead, Text(description), KEYS_WIDTH, note=binding_id)))
    return options


class HelpScreen(PickerScreen[None]):
    """Every key, starting at the keys of the screen it was opened from."""

    CHOOSABLE = False

    def __init__(self, keymap: dict[str, str], start: str = "app") -> None:
        from kimreader.tui.config import config_path

        title = Text()
        title.append("Keys", style="bold")
        title.append(f"   (remap them in [keymap] of {config_path()})", style="dim")
        super().__init__(title)
        self.keymap = keymap
        self.start = start  # a group of actions.GROUP_TITLES

    def on_mount(self) -> None:
        super().on_mount()
        options = help_options(self.keymap)
        self.picker.set_options(options)
        title = actions.GROUP_TITLES.get(self.start, "")
        heading = next((i for i, o in enumerate(options) if o.id == f"group:{title}"), 0)
        self.picker.highlighted = heading + 1
        self.call_after_refresh(self._heading_to_top)

    def _heading_to_top(self) -> None:
        """The group's first key at the top, then one line up for its (one-line) heading:
        options wrap on a narrow terminal, so an option's index is not its line."""
        self.picker.scroll_to_highlight(top=True)
        self.picker.scroll_relative(y=-1, animate=False, immediate=True)
