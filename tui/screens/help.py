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
            options.append(Option(Text(title, style="bold underline"), disabled=True))
        line = Text(no_wrap=True)
        line.append(f"  {keys:<18}", style="bold")
        line.append(description)
        options.append(Option(line))
    return options


class HelpScreen(PickerScreen[None]):
    def __init__(self, keymap: dict[str, str]) -> None:
        from kimreader.tui.config import config_path

        title = Text()
        title.append("Keys", style="bold")
        title.append(f"   (remap them in [keymap] of {config_path()})", style="dim")
        super().__init__(title)
        self.keymap = keymap

    def on_mount(self) -> None:
        super().on_mount()
        self.picker.set_options(help_options(self.keymap))
        self.picker.highlighted = 1
