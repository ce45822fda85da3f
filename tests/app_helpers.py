"""Pilot helpers for the app's tests: the real app recording its widgets' messages, waiting
for the library, typing a search. The `library` fixture is in conftest.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.message import Message
from textual.pilot import Pilot

from kimreader.corpus.library import Library
from kimreader.index.workspace import Workspace
from kimreader.tui.app import KimReaderApp
from kimreader.tui.screens.main import MainScreen
from kimreader.tui.widgets.article_list import ArticleList
from kimreader.tui.widgets.entity_sidebar import EntityList
from kimreader.tui.widgets.reader import ReaderView

NYT_TITLE = "Kim Returns to China, This Time With Leverage"
BLOOMBERG_TITLE = "North Korea’s Kim visits China in push against Trump sanctions"


RECORDED = (
    ArticleList.Chosen,
    ReaderView.HitChanged,
    ReaderView.MentionChanged,
    EntityList.Selected,
    EntityList.FilterRequested,
    EntityList.MentionsRequested,
)


class RecordingApp(KimReaderApp):
    """The real app, also keeping the widgets' messages (seen by Pilot's message hook, once
    each, wherever they are handled: bubbling may stop at the screen)."""

    def __init__(self, library: Library | Workspace, **kwargs: Any) -> None:
        super().__init__(library, **kwargs)
        self.messages: list[Message] = []

    def run_test(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("message_hook", self.record)
        return super().run_test(*args, **kwargs)

    def record(self, message: Message) -> None:
        if isinstance(message, RECORDED) and not any(m is message for m in self.messages[-8:]):
            self.messages.append(message)

    def posted(self, kind: type[Message]) -> list[Any]:
        return [m for m in self.messages if isinstance(m, kind)]


def make_app(library: Path, **kwargs: Any) -> RecordingApp:
    """The app as `kimreader` starts it: the workspace opens after the first frame."""
    return RecordingApp(Library.open(library), **kwargs)


def main_screen(app: KimReaderApp) -> MainScreen:
    screen = app.screen_stack[1] if len(app.screen_stack) > 1 else app.screen
    assert isinstance(screen, MainScreen), app.screen_stack
    return screen


async def wait_until(
    pilot: Pilot[Any], predicate: Callable[[], object], what: str, timeout: float = 10.0
) -> None:
    """Let the app run (timers, workers) until `predicate()` holds."""
    steps = int(timeout / 0.05)
    for _ in range(steps):
        if predicate():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"timed out waiting for {what}")


async def started(pilot: Pilot[Any]) -> MainScreen:
    """The main screen once the library is listed, indexed and the first article is open."""
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, MainScreen), "the main screen")
    main = main_screen(pilot.app)  # type: ignore[arg-type]
    await wait_until(
        pilot, lambda: main.index_ready and main.article is not None, "the library to open"
    )
    await pilot.pause()
    return main


async def search(pilot: Pilot[Any], query: str) -> MainScreen:
    """Type a query the way a user does: / then the words, then wait for its results."""
    main = main_screen(pilot.app)  # type: ignore[arg-type]
    await pilot.press("/", *query)
    # The list's query, not the status kind: a word typed so far can be malformed too ('"t'),
    # and on a loaded machine its error may be shown before the whole query has been asked.
    # A malformed query is listed under its own text, with its error.
    await wait_until(pilot, lambda: main.query_text == query, f"results for {query!r}")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return main
