"""The help screen: every key, generated from the bindings registry and the keymap in force."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from kimreader.tui import actions
from kimreader.tui.screens.modal import PickerScreen


def help_options(keymap: dict[str, str]) -> list[Option]:
    options: list[Option] = []
    group = ""
    for title, keys, description in actions.help_rows(keymap):
        if title != group:
            group = title
            heading = Text(title, style="bold underline")
            options.append(Option(heading, id=f"group:{title}", disabled=True))
        line = Text(no_wrap=True)
        line.append(f"  {keys:<18}", style="bold")
        line.append(description)
        options.append(Option(line))
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
        self.picker.scroll_to(y=heading, animate=False)
