"""The real installed `kimreader`, driven through tmux as a person at a terminal would."""

from __future__ import annotations

import re
from pathlib import Path

from tmux_helpers import NEEDS_TMUX, Tmux, app_env

pytestmark = NEEDS_TMUX


def test_search_in_the_real_app_shows_hits_and_the_counter(library: Path, tmp_path: Path) -> None:
    tmux = Tmux()
    try:
        tmux.start("kim", f"kimreader --library {library}", app_env(tmp_path))
        tmux.wait_for("kim", r"2 articles, newest first")
        tmux.keys("kim", "/")
        tmux.keys("kim", "kim visit", literal=True)
        screen = tmux.wait_for("kim", r"hit 1 of \d+")
        assert "2 found for kim visit" in screen
        total = int(re.search(r"hit 1 of (\d+)", screen).group(1))  # type: ignore[union-attr]
        assert total > 10
        assert "Kim Returns to China" in screen  # the second hit, listed
        tmux.keys("kim", "Enter", "n")
        tmux.wait_for("kim", rf"hit 2 of {total}")
        tmux.keys("kim", "q")
        assert tmux.wait_gone("kim", timeout=10), "kimreader did not quit on q"
    finally:
        tmux.kill()
