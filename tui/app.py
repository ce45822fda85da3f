"""The kimreader app: a keyboard-first reader for news articles, fit for a day's work over SSH.

No animation, no cursor blink, no mouse needed, no web browser ever started.

Start-up (#14, titles on screen is what counts): the first frame lists the library's saved
catalog with the reading state's marks, and nothing else is imported before it is painted. The
`Workspace` (index, entities, analysis) is opened by a worker after that frame; keys typed
meanwhile are held and replayed in order once it is open and the first article is shown
(`started`, `release_input`), so that they act on what the user saw them act on.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import BindingType

from kimreader.corpus.library import Library
from kimreader.corpus.userstate import UserState
from kimreader.tui import actions, jobs
from kimreader.tui.config import THEMES, Settings
from kimreader.tui.saved_styles import CACHE_NAME, CachedStylesheet, SavedStyles
from kimreader.tui.screens.main import MainScreen

if TYPE_CHECKING:
    from textual.command import Provider

    from kimreader.index.workspace import Workspace

# Until the first frame is painted, a thread waiting for the GIL gets it within this many
# seconds (Python's default is 5 ms): Textual's output thread writes that frame while the main
# thread goes on starting (a redraw for the terminal's size, the panes), and each of its turns
# waited a whole interval, 5-17 ms in all before the frame reached the terminal.
START_UP_SWITCH_INTERVAL = 0.0005

# Input held until start-up is over (then replayed in order): what a user does with keys, a
# paste, and the clicks the mouse makes.
HELD_INPUT = (events.Key, events.Paste, events.MouseDown, events.MouseUp)


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
        library: Library | Workspace,
        keymap: dict[str, str] | None = None,
        keymap_problems: list[str] | None = None,
        settings: Settings | None = None,
        engine: str | None = None,
        saved_styles: SavedStyles | None = None,
    ) -> None:
        """`library`: a Library, whose Workspace (with `engine`) is opened after the first
        frame, or a Workspace already open (the app then starts the same way). `saved_styles`:
        stylesheets parsed by an earlier run (`kimreader` passes them; tests parse afresh)."""
        super().__init__()
        self.saved_styles = saved_styles or SavedStyles(None)
        if saved_styles is not None:
            variables = self.stylesheet._variables  # noqa: SLF001 - made once, by App()
            self.stylesheet = CachedStylesheet(saved_styles, variables=variables)
        self.settings = settings or Settings()
        # Themes kimreader's styles are checked in (hits, mentions, aligned words stay legible),
        # under the names the config file uses ("dark" is Textual's "textual-dark").
        for name, source in THEMES.items():
            if name != source:
                self.register_theme(replace(self.available_themes[source], name=name))
        if isinstance(library, Library):
            self.library, self._workspace = library, None
            self.state = UserState(library.root)  # the list's marks, in the first frame too
        else:
            self.library, self._workspace, self.state = library.library, library, library.state
        self.engine = engine
        self.workspace_ready = False
        self.startup_error = ""  # the workspace could not be opened: said on stderr at exit
        self._held: list[events.Event] | None = []  # input waiting for the workspace
        self.keymap = dict(keymap or {})
        self.keymap_problems = list(keymap_problems or [])
        self.animation_level = "none"
        self.switch_interval = 0.0  # Python's, restored after the first frame (run_app sets it)
        self._start_with_theme(self.settings.theme)

    def _start_with_theme(self, name: str) -> None:
        """Put the configured theme in force before the stylesheet is first parsed, doing what
        Textual's theme watcher does except the second parse of every stylesheet it queues
        (~8 ms of the first frame). Later changes (the palette) go through the watcher."""
        made_with = self.current_theme  # the theme the stylesheet's variables were made with
        self.set_reactive(App.theme, self._validate_theme(name))
        dark = self.current_theme.dark
        classes = {c: False for c in self.classes if c.startswith("-theme-")}
        classes |= {f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}
        self.update_classes(classes, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        # Made again only for other colours ("dark" is Textual's default under another name):
        # working out a theme's colour system is ~3 ms.
        if replace(self.current_theme, name=made_with.name) != made_with:
            self.stylesheet.set_variables(self.get_css_variables())

    def on_mount(self) -> None:
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

    @property
    def workspace(self) -> Workspace:
        """The library with its index and entities: open once `workspace_ready` (the screens'
        actions, which need it, wait for it with the keys that start them)."""
        if self._workspace is None:
            raise RuntimeError("the workspace is not open yet")
        return self._workspace

    def first_frame_painted(self) -> None:
        """Resume the garbage collection `kimreader` paused for start-up (tui/cli.py); what
        start-up made is frozen, so later collections do not walk it again."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        if self.switch_interval:
            sys.setswitchinterval(self.switch_interval)
        self.saved_styles.save()  # those the first frame parsed, for the next start

    def workspace_job(self) -> Callable[[], jobs.WorkspaceOpened]:
        """The job that opens the workspace (one given to the app is only handed on)."""
        if self._workspace is not None:
            return partial(jobs.WorkspaceOpened, self._workspace)
        return partial(jobs.open_workspace, self.library, self.engine, self.state)

    def workspace_opened(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self.workspace_ready = True

    def started(self) -> None:
        """Start-up is over (the screen says when: the list checked, the first article open):
        the input held meanwhile follows, in the order it came, and acts on what is shown."""
        if self._held is not None:
            self.call_later(self.release_input)

    def cannot_start(self, message: str) -> None:
        """The workspace failed to open: quit, and say why as the command line does."""
        self.startup_error = message
        self.exit(2, return_code=2)

    async def on_event(self, event: events.Event) -> None:
        held = isinstance(event, HELD_INPUT) and not event.is_forwarded
        if self._held is not None and held and not self._quits(event):
            self._held.append(event)
            return
        await super().on_event(event)

    def _quits(self, event: events.Event) -> bool:
        """ctrl+q (or another chord bound to quitting) is never held: start-up at 20,000
        articles takes a while, and the user may want out of it. A printable key ("q") is held
        with the rest: it may be a letter of a search typed after "/"."""
        if not isinstance(event, events.Key) or event.is_printable:
            return False
        bound = self._bindings.key_to_bindings.get(event.key, [])
        return any(binding.action in ("quit", "help_quit") for binding in bound)

    async def release_input(self) -> None:
        """Replay the held input, as if it came now (before any that comes after it)."""
        held, self._held = self._held or [], None
        for event in held:
            await super().on_event(event)

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
        self.saved_styles.save()  # parsed since the first frame (the reader's, the screens')
        if self._workspace is not None:
            self._workspace.index.close()


def run_app(library: Path | None, engine: str | None = None) -> int:
    """Run the app on the library until the user quits; the exit code. The library is opened
    (created on first use) before Textual starts, so that a bad path is one line on stderr; so is
    a cluster's engine url, with the whole workspace. Otherwise the workspace opens after the
    first frame."""
    from kimreader.tui.config import library_choice, load_settings, user_cache_dir

    settings = load_settings()
    engine = engine or settings.engine
    opened = Library.open(library_choice(library, settings)[0])
    source: Library | Workspace = opened
    if engine:
        from kimreader.index.workspace import Workspace

        source = Workspace(opened, engine)
    styles = SavedStyles.load(user_cache_dir() / CACHE_NAME)
    app = KimReaderApp(source, settings.keymap, settings.problems, settings, engine, styles)
    app.switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(START_UP_SWITCH_INTERVAL)
    code = app.run()
    if app.startup_error:
        sys.stderr.write(f"kimreader: {app.startup_error}\n")
    elif app.return_code not in (0, None):
        sys.stderr.write("kimreader: the reader stopped with an error\n")
    return code if isinstance(code, int) else (app.return_code or 0)
