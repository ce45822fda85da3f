"""The footer: the keys of what has focus, on one line, as many as fit, never a cut label.

Textual's Footer lays out one widget per key and cuts labels when the line is too short
("c Com", "? Hel" at 80 columns), and recomposes every key on each focus change. This one is a
single line of text built from public API only: `Screen.active_bindings`, `App.get_key_display`
and the screen's `bindings_updated_signal`. Keys sharing a label are shown once ("n/N Hit");
when they do not all fit, keys are left out from the end, but Help and Quit always stay, so
the rest can always be found. Clicking a key presses it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

ALWAYS = ("help", "quit")  # actions kept however narrow the terminal
Key = tuple[str, str, str, bool]  # (keys shown, label, key to press, enabled)


def footer_keys(entries: list[tuple[Binding, bool, str]], display: dict[int, str]) -> list[Key]:
    """Shown bindings merged by label, in order: ("n/N", "Hit", "n", True)."""
    merged: dict[str, list[tuple[Binding, bool]]] = {}
    for binding, enabled, _tooltip in entries:
        merged.setdefault(binding.description, []).append((binding, enabled))
    keys = []
    for label, members in merged.items():
        shown = "/".join(dict.fromkeys(display[id(b)] for b, _ in members))
        keys.append((shown, label, members[0][0].key, any(e for _, e in members)))
    return keys


def fit(keys: list[Key], kept: set[str], width: int) -> list[Key]:
    """The keys that fit in `width` cells, in order, always including those labelled in `kept`."""

    def cells(key: Key) -> int:
        return len(key[0]) + len(key[1]) + 2  # " k label"

    budget = width - sum(cells(k) for k in keys if k[1] in kept)
    chosen = []
    for key in keys:
        if key[1] in kept:
            chosen.append(key)
        elif cells(key) <= budget:
            chosen.append(key)
            budget -= cells(key)
        else:
            budget = -1  # keep the order: once one is left out, so are those after it
    return chosen


class KeysFooter(Widget):
    COMPONENT_CLASSES: ClassVar = {"keys-footer--key", "keys-footer--label"}
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        width: 100%;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .keys-footer--key { color: $footer-key-foreground; text-style: bold; }
        & > .keys-footer--label { color: $footer-description-foreground; }
        &:disabled { text-style: dim; }
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self.refresh()  # which keys fit depends on the width

    def on_click(self, event: events.Click) -> None:
        key = event.style.meta.get("key")
        if key:
            self.app.simulate_key(key)

    def shown_keys(self) -> list[Key]:
        entries = [
            (binding, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        ]
        display = {id(b): self.app.get_key_display(b) for b, _, _ in entries}
        keys = footer_keys(entries, display)
        kept = {b.description for b, _, _ in entries if b.action in ALWAYS}
        return fit(keys, kept, self.size.width)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keys-footer--key", partial=True)
        label_style = self.get_component_rich_style("keys-footer--label", partial=True)
        text = Text(no_wrap=True, overflow="crop", end="")
        for shown, label, press, enabled in self.shown_keys():
            click = Style.from_meta({"key": press})
            dim = Style() if enabled else Style(dim=True)
            text.append(f" {shown}", key_style + dim + click)
            text.append(f" {label}", label_style + dim + click)
        return text
