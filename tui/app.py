"""The kimreader app: a keyboard-first reader for news articles, fit for a day's work over SSH.

No animation, no cursor blink, no mouse needed, no web browser ever started.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import BindingType

from kimreader.tui import actions
from kimreader.tui.config import THEMES, Settings
from kimreader.tui.screens.main import MainScreen

if TYPE_CHECKING:
    from textual.command import Provider

    from kimreader.index.workspace import Workspace


def palette_commands() -> type[Provider]:
    """kimreader's palette provider, imported when the palette first opens (not at start-up)."""
    from kimreader.tui.palette import KimReaderCommands

    return KimReaderCommands


class KimReaderApp(App[int]):
    CSS_PATH = Path(__file__).resolve().parent / "kimreader.tcss"
    TITLE = "kimreader"
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("app")
    COMMANDS = App.COMMANDS | {palette_commands}
    COMMAND_PALETTE_DISPLAY = "ctrl+p"

    def __init__(
        self,
        workspace: Workspace,
        keymap: dict[str, str] | None = None,
        keymap_problems: list[str] | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        # Themes kimreader's styles are checked in (hits, mentions, aligned words stay legible),
        # under the names the config file uses ("dark" is Textual's "textual-dark").
        for name, source in THEMES.items():
            if name != source:
                self.register_theme(replace(self.available_themes[source], name=name))
        self.workspace = workspace
        self.keymap = dict(keymap or {})
        self.keymap_problems = list(keymap_problems or [])
        self.animation_level = "none"

    def on_mount(self) -> None:
        self.theme = self.settings.theme
        # The palette's theme switcher offers only those (once one of them is in force: Textual
        # falls back on "textual-dark" until then).
        for name in list(self.available_themes):
            if name not in THEMES:
                self.unregister_theme(name)
        if self.keymap:
            self.set_keymap(self.keymap)
        # Pushed once Textual's start-up batch is over: a frame drawn inside it is dropped, and
        # the screen would then appear piecemeal (the search bar last) instead of all at once.
        self.call_later(self.show_main_screen)

    def show_main_screen(self) -> None:
        self.push_screen(MainScreen())
        for problem in self.keymap_problems:
            self.notify(problem, severity="warning", markup=False)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Links are shown, never followed: no web browser is ever started."""
        self.notify(f"not opening {url}: kimreader never starts a browser", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_search":
            # Only the main screen has a search bar; elsewhere, and in the bar itself, "/" is
            # just a character (typed in order with the keys before it).
            screen = self.screen
            return isinstance(screen, MainScreen) and screen.focused is not screen.search_bar
        return True

    def action_focus_search(self) -> None:
        """Focus the search bar at once (not later), so keys typed right after / land in it."""
        screen = self.screen
        if not isinstance(screen, MainScreen):
            return
        search = screen.search_bar
        screen.set_focus(search)
        search.select_all()

    def action_help(self) -> None:
        from kimreader.tui.screens.help import HelpScreen  # not needed for the first frame

        if not isinstance(self.screen, HelpScreen):
            # A screen may say which keys matter there (the compare screen: its own).
            start = getattr(self.screen, "HELP_GROUP", "app")
            self.push_screen(HelpScreen(self.keymap, start))

    def action_quit(self) -> None:  # type: ignore[override]
        self.exit(0)

    def on_unmount(self) -> None:
        self.workspace.index.close()


def run_app(library: Path | None, engine: str | None = None) -> int:
    """Open the library and run the app until the user quits; the exit code."""
    from kimreader.index.workspace import Workspace
    from kimreader.tui.config import library_choice, load_settings

    settings = load_settings()
    workspace = Workspace.open(library_choice(library, settings)[0], engine or settings.engine)
    app = KimReaderApp(workspace, settings.keymap, settings.problems, settings)
    code = app.run()
    if app.return_code not in (0, None):
        sys.stderr.write("kimreader: the reader stopped with an error\n")
    return code if isinstance(code, int) else (app.return_code or 0)
