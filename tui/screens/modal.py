"""The base of kimreader's pop-up screens: a titled box over the main screen, Esc/q to close."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from kimreader.tui import actions
from kimreader.tui.widgets.footer import KeysFooter
from kimreader.tui.widgets.picker import Picker

ResultType = TypeVar("ResultType")


class PickerScreen(ModalScreen[ResultType], Generic[ResultType], inherit_bindings=False):
    """A title line and a Picker; subclasses fill the picker and decide what Enter returns."""

    BINDINGS: ClassVar = [s.binding() for s in actions.specs("modal") if s.id == "modal.close"]
    CHOOSABLE: ClassVar[bool] = True  # whether Enter on a row chooses it

    def __init__(self, title: Text) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(self.title_text, classes="modal-title")
            yield Picker(choosable=self.CHOOSABLE, classes="modal-picker")
        yield KeysFooter()

    @property
    def picker(self) -> Picker:
        return self.query_one(Picker)

    def on_mount(self) -> None:
        self.set_focus(self.picker)

    def action_close(self) -> None:
        self.dismiss(None)
