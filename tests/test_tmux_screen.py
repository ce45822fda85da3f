"""Issue #13's screen items in the installed `kimreader`, in tmux with TERM=xterm (16 colours)
at the sizes they were found at: the lost query, the reader at 60x20 with the sidebar, and the
footer and panes at 80x24 and 60x20."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tmux_helpers import NEEDS_TMUX, Tmux, app_env

from kimreader.tui import actions

pytestmark = NEEDS_TMUX

REPEATS = 40
FOOTER_LABELS = {word for s in actions.REGISTRY for word in (s.footer or s.description).split()}


def started(tmp_path: Path, library: Path, size: tuple[int, int]) -> Tmux:
    tmux = Tmux()
    tmux.start("kim", f"kimreader --library {library}", app_env(tmp_path, "xterm"), size)
    tmux.wait_for("kim", r"2 articles, newest first")
    return tmux


def test_a_query_typed_after_ctrl_u_is_never_lost(library: Path, tmp_path: Path) -> None:
    """`/`, ctrl+u, `title:"`, Enter, sent as fast as tmux sends keys, again and again: the bar
    always ends up holding what was typed, and the status line says what is wrong with it."""
    tmux = started(tmp_path, library, (80, 24))
    try:
        tmux.keys("kim", "/")
        tmux.keys("kim", "kim", literal=True)
        tmux.keys("kim", "Enter")
        tmux.wait_for("kim", r"found for kim")
        for attempt in range(REPEATS):
            tmux.keys("kim", "/", "C-u")
            tmux.keys("kim", 'title:"', literal=True)
            tmux.keys("kim", "Enter")
            screen = tmux.wait_for("kim", r"bad query: unclosed quote")
            assert screen.splitlines()[0].strip() == 'title:"', (attempt, screen)
            tmux.keys("kim", "/", "C-u")
            tmux.keys("kim", "kim", literal=True)
            tmux.keys("kim", "Enter")
            screen = tmux.wait_for("kim", r"2 found for kim")
            assert screen.splitlines()[0].strip() == "kim", (attempt, screen)
    finally:
        tmux.kill()


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_footers_cut_no_label_and_panes_are_not_clipped(
    library: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    width, height = size
    tmux = started(tmp_path, library, size)
    try:
        # The list, the reader, the sidebar (e), a search: each footer, and the reader's text.
        # Each key once the last one has shown its effect, as a person reads before typing on.
        steps = (((), r"Open"), (("Tab",), r"Sort"), (("e",), r"Mark"), (("/",), r"Leave"),
                 (("Escape",), r"Quit"))  # fmt: skip
        for keys, effect in steps:
            if keys:
                tmux.keys("kim", *keys)
            screen = tmux.wait_for("kim", rf"(?m)^(?=.*{effect}).*(Quit|Leave)\s*\Z")
            footer = screen.splitlines()[height - 1]
            labels = [w for w in footer.split() if w[0].isupper() and len(w) > 1]
            assert set(labels) <= FOOTER_LABELS, (keys, screen)
            if keys != ("/",):  # (in the search bar, ? and q are typed, not keys)
                assert "Help" in labels, (keys, screen)
        # With the sidebar on, the reader's lines are text wrapped to its pane, not 6 columns.
        tmux.keys("kim", "Tab")  # to the reader
        screen = tmux.wait_for("kim", r"SEOUL|BEIJING")
        words = re.findall(r"[A-Za-z]{3,}(?: [A-Za-z]{3,}){3,}", screen)
        assert words, screen  # runs of four words on one line
        tmux.keys("kim", "q")
        assert tmux.wait_gone("kim", timeout=10)
    finally:
        tmux.kill()


def test_the_command_line_says_1_hit_and_no_empty_brackets(library: Path, tmp_path: Path) -> None:
    tmux = Tmux()
    try:
        command = f"kimreader --library {library} search dalian; sleep 60"
        tmux.start("cli", command, app_env(tmp_path, "xterm"), (120, 24))
        screen = tmux.wait_for("cli", r"1 found for")
        assert "(1 hit)" in screen and "hits)" not in screen, screen
    finally:
        tmux.kill()
