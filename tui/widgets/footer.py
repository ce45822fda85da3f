"""The footer: Textual's, rebuilt only when the keys it shows change.

Textual's Footer recomposes (removes and remounts every key, restyling each) whenever the
screen's bindings are refreshed, which happens on every focus change and several times while the
app starts; each rebuild costs tens of milliseconds, and one in flight holds back the frame.
This one keeps its keys when what they would show is the same, and marks compact keys compact
before they mount, so mounting them restyles nothing twice. It looks exactly the same.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Shown = tuple[tuple[object, ...], ...]


class KeysFooter(Footer):
    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self._composed: Shown | None = None  # what the mounted keys show (None: nothing yet)
        self.rebuilds = 0  # how many times the keys were rebuilt (tests check focus moves don't)

    def shown(self) -> Shown:
        """What Footer.compose would draw: each shown binding's key, label, action, state."""
        app = self.app
        rows = [
            (binding.key, app.get_key_display(binding), binding.description, binding.action,
             enabled, tooltip, binding.group)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        ]  # fmt: skip
        palette = self.show_command_palette and app.ENABLE_COMMAND_PALETTE
        return (*rows, (palette, self.compact, self.combine_groups))

    def compose(self) -> ComposeResult:
        self._composed = self.shown() if self._bindings_ready else None
        if self._composed is not None:
            self.rebuilds += 1
        for widget in super().compose():
            if self.compact and isinstance(widget, FooterKey):
                widget.add_class("-compact", update=False)  # set now, not restyled on mount
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        if (
            self._bindings_ready
            and self._composed is not None
            and self.is_attached
            and screen is self.screen
            and self.shown() == self._composed
        ):
            return  # the same keys: nothing to rebuild
        super().bindings_changed(screen)
