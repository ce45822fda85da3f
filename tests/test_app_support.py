"""Shared pieces of the app's tests: a real library of the shipped reports, and Pilot helpers.

The library is built once per session the way a user's is: seeded with the two shipped reports,
entities extracted by the real pipeline, then copied per test (without the index, which the app
rebuilds on start, as it would for a library copied from elsewhere).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message
from textual.pilot import Pilot

from kimreader.index.workspace import Workspace
from kimreader.tui.app import KimReaderApp
from kimreader.tui.screens.main import MainScreen
from kimreader.tui.widgets.article_list import ArticleList
from kimreader.tui.widgets.entity_sidebar import EntityList
from kimreader.tui.widgets.reader import ReaderView

NYT_TITLE = "Kim Returns to China, This Time With Leverage"
BLOOMBERG_TITLE = "North Korea’s Kim visits China in push against Trump sanctions"


@pytest.fixture(scope="session")
def library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template") / "lib"
    workspace = Workspace.open(root)
    workspace.index.ensure()
    workspace.fill_missing_entities()
    workspace.index.close()
    return root


def copy_library(template: Path, destination: Path) -> Path:
    shutil.copytree(template, destination, ignore=shutil.ignore_patterns("index"))
    return destination


@pytest.fixture
def library(library_template: Path, tmp_path: Path) -> Path:
    return copy_library(library_template, tmp_path / "lib")


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

    def __init__(self, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(workspace, **kwargs)
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
    return RecordingApp(Workspace.open(library), **kwargs)


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
    await wait_until(
        pilot,
        lambda: main.query_text == query or main.status.kind == "error",
        f"results for {query!r}",
    )
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return main


def test_the_template_library_has_the_shipped_reports_and_their_entities(
    library: Path,
) -> None:
    workspace = Workspace.open(library)
    titles = {e.title for e in workspace.library.catalog()}
    assert titles == {NYT_TITLE, BLOOMBERG_TITLE}
    for entry in workspace.library.catalog():
        names = {e.name for e in workspace.entities(workspace.get(entry.id))}
        assert {"Kim Jong Un", "Xi Jinping"} <= names
