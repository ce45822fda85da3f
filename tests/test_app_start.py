"""#14 start-up: the first frame lists the saved catalog with the reading state's marks before
the workspace (index, entities) is open; keys typed meanwhile are replayed in order once it is;
a workspace that cannot be opened ends the app with one line."""

from __future__ import annotations

import pickle
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from app_helpers import RecordingApp, started, wait_until
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from kimreader.analysis import versions
from kimreader.corpus import library as library_module
from kimreader.corpus.article import Article
from kimreader.corpus.library import Library, LibraryError
from kimreader.corpus.userstate import UserState
from kimreader.index.workspace import Workspace
from kimreader.tui import jobs
from kimreader.tui.app import START_UP_SWITCH_INTERVAL
from kimreader.tui.saved_styles import CACHE_NAME, SavedStyles
from kimreader.tui.widgets.article_list import ROW_HEIGHT
from kimreader.tui.widgets.panes import Panes


class HeldApp(RecordingApp):
    """The real app, whose workspace opens (for real) only when the test lets it: what a user
    types while it opens is what these tests are about."""

    def __init__(self, library: Library, **kwargs: Any) -> None:
        super().__init__(library, **kwargs)
        self.let_open = threading.Event()

    def workspace_job(self) -> Callable[[], jobs.WorkspaceOpened]:
        job = super().workspace_job()

        def held() -> jobs.WorkspaceOpened:
            assert self.let_open.wait(30), "the test never let the workspace open"
            return job()

        return held


def harbour_library(root: Path, titles: list[str]) -> Library:
    """Articles with their (empty) entities stored and indexed, as `kimreader add` leaves them:
    no background work to wait for."""
    library = Library.open(root, seed=False)
    for n, title in enumerate(titles):
        body = f"The harbour in town {n} reopened after the storm.\n"
        article = Article.create(title, body).with_changes(published=date(2024, 1, n + 1))
        extracted = {"data": [], "version": versions.ENTITIES}
        library.add(article, sidecars={"entities": extracted})
    workspace = Workspace(library)
    workspace.ensure_index()
    workspace.index.close()
    return library


async def test_the_first_frame_lists_the_saved_catalog_before_the_workspace_opens(
    tmp_path: Path,
) -> None:
    library = harbour_library(tmp_path / "lib", ["Harbour reopens", "Ferry resumes"])
    read = next(e.id for e in library.catalog() if e.title == "Ferry resumes")
    UserState(library.root).set_read([read])
    path = library.path_for(read)  # edited since the catalog was saved: checked later
    path.write_text(path.read_text("utf-8").replace("Ferry resumes", "Ferry cancelled"), "utf-8")
    app = HeldApp(Library.open(tmp_path / "lib"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        main = app.screen
        assert not app.workspace_ready
        assert [row.title for row in main.articles.rows] == ["Ferry resumes", "Harbour reopens"]
        assert main.articles.marks is not None and main.articles.marks.read == {read}
        assert main.status.message.startswith("2 articles, newest first")
        app.let_open.set()
        main = await started(pilot)
        assert [row.title for row in main.articles.rows] == ["Ferry cancelled", "Harbour reopens"]


async def test_keys_typed_during_start_up_are_replayed_in_order_on_what_was_shown(
    tmp_path: Path,
) -> None:
    """A star typed at the first frame stars the article start-up opens (the newest), as if
    start-up had been instant; the keys after it follow in order."""
    library = harbour_library(tmp_path / "lib", ["Harbour reopens", "Ferry resumes", "Port"])
    newest = next(e.id for e in library.catalog() if e.title == "Port")
    app = HeldApp(Library.open(tmp_path / "lib"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        main = app.screen
        await pilot.press("*", "j", "/", *"ferry", "enter")
        assert main.articles.cursor == 0 and main.search_bar.value == ""  # held, not lost
        app.let_open.set()
        await wait_until(pilot, lambda: main.query_text == "ferry", "the typed search")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.workspace.state.snapshot().starred == {newest}
        assert [row.title for row in main.articles.rows] == ["Ferry resumes"]
        assert main.article is not None and main.article.title == "Ferry resumes"
        await pilot.press("/")  # keys typed after the replay go on as usual
        assert main.focused is main.search_bar


async def test_a_workspace_that_cannot_open_ends_the_app_with_one_line(tmp_path: Path) -> None:
    class Unopenable(RecordingApp):
        def workspace_job(self) -> Callable[[], jobs.WorkspaceOpened]:
            def fail() -> jobs.WorkspaceOpened:
                raise LibraryError(f"{tmp_path}: the index folder is not readable")

            return fail

    harbour_library(tmp_path / "lib", ["Harbour reopens"])
    app = Unopenable(Library.open(tmp_path / "lib"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")  # held: the app ends on the failure, not on this key
        await wait_until(pilot, lambda: app.startup_error, "the failure")
    assert app.return_code == 2
    assert (
        app.startup_error
        == f"cannot open the library ({tmp_path}: the index folder is not readable)"
    )


async def test_a_search_listed_while_the_index_caught_up_is_run_again(tmp_path: Path) -> None:
    """A search replayed at start-up can run while the index takes in articles (a library
    another process added to): once the index says it changed, the listed search runs again."""
    harbour_library(tmp_path / "lib", ["Harbour reopens", "Ferry resumes"])
    finished: list[jobs.SearchFinished] = []

    def record(message: object) -> None:
        if isinstance(message, jobs.SearchFinished) and message not in finished:
            finished.append(message)

    app = HeldApp(Library.open(tmp_path / "lib"))
    app.let_open.set()
    async with app.run_test(size=(100, 30), message_hook=record) as pilot:
        main = await started(pilot)
        await pilot.press("/", *"ferry", "enter")
        await wait_until(pilot, lambda: main.query_text == "ferry", "the search")
        searches = len(finished)
        main.post_message(jobs.IndexOpened([], refreshed=False, changed=True))
        await wait_until(pilot, lambda: len(finished) > searches, "the search run again")
        assert finished[-1].quiet and finished[-1].result.query == "ferry"
        main.post_message(jobs.IndexOpened([], refreshed=False, changed=False))
        await pilot.pause(0.3)
        await pilot.app.workers.wait_for_complete()
        assert len(finished) == searches + 1  # nothing changed: not run again


async def test_quitting_during_start_up_is_not_held(tmp_path: Path) -> None:
    """ctrl+q while the workspace opens quits at once; "q" is held (it may be a search's)."""
    harbour_library(tmp_path / "lib", ["Harbour reopens"])
    app = HeldApp(Library.open(tmp_path / "lib"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
        app.let_open.set()  # the held worker thread ends too


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_reader_and_sidebar_take_their_slots_places_after_the_first_frame(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """The first frame has slots where the reader and the sidebar go (under their ids: the same
    places, widths and borders; the reader's is not drawn); the panes take them right after,
    with the classes the width gave the slots (at 80 columns the sidebar waits to be asked for)."""

    class FirstFrame(HeldApp):
        def first_frame_painted(self) -> None:
            panes = self.screen.query_one(Panes)
            self.first_panes = [(type(c).__name__, c.id, c.region) for c in panes.children]
            self.first_screen = self.export_screenshot()
            super().first_frame_painted()

    harbour_library(tmp_path / "lib", ["Harbour reopens"])
    app = FirstFrame(Library.open(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        main = app.screen
        await wait_until(pilot, lambda: main.panes.ready, "the panes")
        await pilot.pause()
        kinds = [(kind, pane_id) for kind, pane_id, _ in app.first_panes]
        slots = [("PaneSlot", "reader"), ("PaneSlot", "entities")]
        assert kinds == [("ArticleList", "articles"), *slots]
        assert "Harbour" in app.first_screen and "PaneSlot" not in app.first_screen  # empty
        now = [(type(c).__name__, c.region) for c in main.panes.children]
        assert [kind for kind, _ in now] == ["ArticleList", "ReaderView", "EntityList"]
        (_, listed), (_, reader), (_, sidebar) = now
        assert listed == app.first_panes[0][2] and sidebar == app.first_panes[2][2]
        if size[0] >= 100:
            assert reader.x == listed.right and reader.right == sidebar.x
        else:
            assert main.sidebar.has_class("-hidden") and not main.sidebar.display
            assert reader.x == listed.right and reader.right == size[0]
        app.let_open.set()
        await started(pilot)


async def _first_screen(app: HeldApp) -> str:
    """The app's first frame (the workspace held back), as an SVG screenshot."""
    shots: list[str] = []
    original = app.first_frame_painted

    def painted() -> None:
        shots.append(app.export_screenshot())
        original()

    app.first_frame_painted = painted  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: shots, "the first frame")
        app.let_open.set()
        await started(pilot)
    return shots[0]


async def test_stylesheets_parsed_by_an_earlier_start_draw_the_same_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#14: the rules an earlier start parsed are read back instead of parsed again, and draw
    the very frame that parsing them draws."""
    harbour_library(tmp_path / "lib", ["Harbour reopens", "Ferry resumes"])
    cache = tmp_path / "cache" / CACHE_NAME
    parsed: list[object] = []
    parse = Stylesheet._parse_rules

    def counted(self: Stylesheet, css: str, *args: Any, **kwargs: Any) -> list[RuleSet]:
        parsed.append(kwargs.get("read_from") or args[0])
        return parse(self, css, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "_parse_rules", counted)
    plain = await _first_screen(HeldApp(Library.open(tmp_path / "lib")))
    first = await _first_screen(
        HeldApp(Library.open(tmp_path / "lib"), saved_styles=SavedStyles.load(cache))
    )
    assert cache.exists() and any("kimreader.tcss" in where[0] for where in parsed)
    parsed.clear()
    saved = SavedStyles.load(cache)
    second = await _first_screen(HeldApp(Library.open(tmp_path / "lib"), saved_styles=saved))
    assert second == first == plain
    assert parsed == []  # every stylesheet of the whole run came from the file


def test_saved_styles_from_another_textual_or_damaged_are_not_used(tmp_path: Path) -> None:
    css, where = "#search { height: 1; }", ("test.tcss", "")
    key = (css, where, False, 0, "")
    rules = Stylesheet(variables={"a": "red"})._parse_rules(css, where)
    saved = SavedStyles(tmp_path / CACHE_NAME)
    saved.put(key, {"a": "red"}, rules)
    saved.save()
    again = SavedStyles.load(tmp_path / CACHE_NAME)
    assert again.get(key, {"a": "red"}) is not None
    assert again.get(key, {"a": "blue"}) is None  # another theme's colours
    data = pickle.loads((tmp_path / CACHE_NAME).read_bytes())
    (tmp_path / CACHE_NAME).write_bytes(pickle.dumps({**data, "stamp": ("another",)}))
    assert SavedStyles.load(tmp_path / CACHE_NAME).rules == {}
    (tmp_path / CACHE_NAME).write_bytes(b"\x80\x05damaged")
    assert SavedStyles.load(tmp_path / CACHE_NAME).rules == {}
    assert SavedStyles.load(tmp_path / "missing").rules == {}
    (tmp_path / "a file").write_text("not a folder")
    unwritable = SavedStyles(tmp_path / "a file" / CACHE_NAME)
    unwritable.put(key, {"a": "red"}, rules)
    unwritable.save()  # let go: parsed again next time


async def test_the_first_frame_lists_the_newest_and_has_room_for_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first frame reads the newest entries of the saved catalog alone, but its status line
    counts them all and its scrollbar is the whole list's; the rest follow with the workspace."""
    monkeypatch.setattr(library_module, "NEWEST_SAVED", 3)
    titles = ["Harbour reopens", "Ferry resumes", "Port", "Pier", "Dock"]
    harbour_library(tmp_path / "lib", titles)
    app = HeldApp(Library.open(tmp_path / "lib"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        main = app.screen
        first = main.articles
        assert [row.title for row in first.rows] == ["Dock", "Pier", "Port"]
        assert main.status.message.startswith("5 articles, newest first")
        assert first.virtual_size.height == 5 * ROW_HEIGHT
        app.let_open.set()
        main = await started(pilot)
        assert [row.title for row in main.articles.rows] == titles[::-1]
        assert main.articles.virtual_size.height == 5 * ROW_HEIGHT


async def test_the_start_up_switch_interval_ends_with_the_first_frame(tmp_path: Path) -> None:
    """Until the first frame is painted the output thread gets the GIL within half a ms (so
    that frame is written at once); then Python's interval is back."""
    harbour_library(tmp_path / "lib", ["Harbour reopens"])
    app = HeldApp(Library.open(tmp_path / "lib"))
    normal = sys.getswitchinterval()
    app.switch_interval = normal
    sys.setswitchinterval(START_UP_SWITCH_INTERVAL)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: sys.getswitchinterval() == normal, "the interval")
            app.let_open.set()
            await started(pilot)
    finally:
        sys.setswitchinterval(normal)
