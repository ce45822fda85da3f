"""The real `kimreader` in tmux on a library of hostile articles: opening and searching them
changes no terminal title, emits no hyperlink, clears or moves nothing, runs no action.

Two views of the terminal are checked: tmux's own (`display -p '#{pane_title}'`,
`capture-pane -e`) and the raw bytes the app wrote (`pipe-pane`), where any escape sequence
carrying article text would show.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import hostile
import pytest
from hostile import MARKER
from tmux_helpers import NEEDS_TMUX, Tmux, app_env

from kimreader.index.workspace import Workspace

pytestmark = NEEDS_TMUX

SHOWN = [
    "escapes.md",
    "escapes.txt",
    "escapes-entities.md",
    "escapes.html",
    "escape-refs.html",
    "markup.md",
    "markup.html",
    "links.md",
    "links.html",
    "scripts.html",
    "long-line.txt",
]
OSC = re.compile(r"\x1b\](\d*);([^\x07\x1b]*)(?:\x07|\x1b\\)")
CSI = re.compile(r"\x1b\[([0-?]*)[ -/]*([@-~])")


class Pane:
    """One app in its own tmux server, its raw output recorded."""

    def __init__(self, raw_log: Path) -> None:
        self.tmux = Tmux("kimreader-hostile")
        self.raw_log = raw_log

    def start(self, command: str, env: dict[str, str]) -> None:
        self.tmux.start("kim", command, env, raw_log=self.raw_log)

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux.keys("kim", *keys, literal=literal)

    def screen(self, escapes: bool = False) -> str:
        return self.tmux.capture("kim", escapes)

    def title(self) -> str:
        return self.tmux.title("kim")

    def alive(self) -> bool:
        return self.tmux.alive("kim")

    def wait_for(self, pattern: str, timeout: float = 30.0) -> str:
        return self.tmux.wait_for("kim", pattern, timeout)

    def close(self) -> None:
        self.tmux.kill()


@pytest.fixture(scope="module")
def hostile_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-app")
    corpus = hostile.write_corpus(folder / "corpus", SHOWN)
    workspace = Workspace.open(folder / "lib")
    big = [corpus.pop("long-line.txt")]  # entities of 1 MB would take half a minute
    report = workspace.add_paths(list(corpus.values()), with_entities=True)
    report.added += workspace.add_paths(big, with_entities=False).added
    assert len(report.added) == len(SHOWN), report.failed
    workspace.index.close()
    return folder / "lib"


def test_tmux_sees_a_title_change_when_one_is_sent(tmp_path: Path) -> None:
    """The check below can fail: a program that does print the escape changes the title."""
    pane = Pane(tmp_path / "raw.log")
    try:
        pane.start(f"printf '\\033]2;{MARKER}-canary\\007'; sleep 30", {})
        deadline = time.monotonic() + 10
        while MARKER not in pane.title() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pane.title() == f"{MARKER}-canary"
    finally:
        pane.close()


@pytest.mark.timeout(180)
def test_hostile_articles_do_not_act_on_the_terminal(hostile_library: Path, tmp_path: Path):
    pane = Pane(tmp_path / "raw.log")
    env = app_env(tmp_path)
    try:
        pane.start(f"kimreader --library {hostile_library}", env)
        pane.wait_for(rf"{len(SHOWN) + 2} articles")
        title = pane.title()
        assert MARKER not in title
        pane.keys("/")
        pane.keys(MARKER, literal=True)
        pane.keys("Enter")
        pane.wait_for(rf"\d+ found for {MARKER}")
        screens = [pane.screen()]
        for _ in range(len(SHOWN) + 2):
            pane.keys("Enter")  # open the article under the cursor in the reader
            time.sleep(0.4)
            pane.keys("pagedown")  # scroll its body, entity names in the sidebar
            time.sleep(0.2)
            screens.append(check_screen(pane, title))
            pane.keys("h")  # back to the list
            pane.keys("j")  # the next article
        pane.keys("/")
        pane.keys("C-u")
        pane.keys("quit", literal=True)  # a search for the word, not the action
        pane.keys("Enter")
        # The search for "quit" has landed (so Enter has been handled: on a loaded machine the
        # frame read at once can be the search bar's, with its own keys in the footer).
        pane.wait_for(r"found for quit")
        screens.append(check_screen(pane, title))
        shown = "\n".join(screens)
        # Markup in titles and bodies is shown as the literal text it is.
        assert "[@click=app.quit]" in shown and "[bold]" in shown
        # Esc leaves the search bar (a search that finds nothing keeps it there), then q is a
        # key (sent apart: ESC q together is alt+q).
        pane.keys("Escape")
        time.sleep(0.5)
        pane.keys("q")
        deadline = time.monotonic() + 30
        while pane.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not pane.alive(), "kimreader did not quit on q:\n" + pane.screen()
    finally:
        pane.close()
    check_raw_output((tmp_path / "raw.log").read_bytes().decode("utf-8", "replace"))


def check_screen(pane: Pane, title: str) -> str:
    """The app still runs, the title is ours, no hyperlink, the frame is whole."""
    assert pane.alive(), "the app ended (an [@click=app.quit] action ran, or it crashed)"
    assert pane.title() == title, "an article changed the terminal title"
    coloured = pane.screen(escapes=True)
    assert "\x1b]8;" not in coloured, "a hyperlink reached the terminal"
    screen = pane.screen()
    lines = screen.splitlines()
    # Nothing cleared or moved: the search bar on top, the footer's keys at the bottom.
    assert len(lines) >= 28, screen
    assert MARKER in lines[0] or "quit" in lines[0] or "Search" in screen, screen
    assert re.search(r"\^p|Help|Quit", lines[-1]), screen
    assert "Traceback" not in screen and "Error" not in screen
    return screen


def check_raw_output(raw: str) -> None:
    """No escape sequence the app wrote carries article text, sets a title, or links."""
    assert raw, "nothing was recorded"
    for number, payload in OSC.findall(raw):
        assert number not in ("0", "1", "2", "8"), f"OSC {number};{payload!r} was written"
        assert MARKER not in payload
    # Textual repaints in place (alternate screen, absolute moves): it never clears; so any
    # clear would have come from article text.
    clears = [params for params, final in CSI.findall(raw) if final == "J" and params in "23"]
    assert not clears, f"the screen was cleared {len(clears)} times"
    assert f"]0;{MARKER}" not in raw and f"]2;{MARKER}" not in raw
