"""A keyboard list for pop-up screens: OptionList with the registry's keys (ids, remappable)."""

from __future__ import annotations

from typing import ClassVar

from textual.widgets import OptionList

from kimreader.tui import actions


class Picker(OptionList, inherit_bindings=False):
    BINDINGS: ClassVar = actions.bindings("picker") + [
        s.binding() for s in actions.specs("modal") if s.id == "picker.select"
    ]
