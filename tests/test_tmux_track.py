"""Two installed apps and the command line marking one library at the same time: each sees the
others' marks, nobody's are lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tmux_helpers import NEEDS_TMUX, Tmux, app_env

from kimreader.corpus.userstate import UserState

pytestmark = NEEDS_TMUX


def cli(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kimreader.tui.cli", "--library", str(library), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.timeout(240)
def test_two_apps_and_the_cli_mark_one_library(library: Path, tmp_path: Path) -> None:
    listed = json.loads(cli(library, "list", "--json").stdout)
    bloomberg, nyt = (item["id"] for item in listed)
    tmux = Tmux()
    try:
        for name in ("one", "two"):
            tmux.start(name, f"kimreader --library {library}", app_env(tmp_path))
        for name in ("one", "two"):
            tmux.wait_for(name, r"2 articles, newest first")
        tmux.keys("one", "*")  # app one stars the open (newest) article
        tmux.wait_for("one", r"★ starred · ")  # in the reader, under the title
        tmux.keys("two", "j", "Enter")  # app two opens the other one and tags it
        tmux.wait_for("two", r"The New York Times · Jane")
        tmux.keys("two", "t")
        tmux.wait_for("two", r"Tags, separated by spaces")
        tmux.keys("two", "summit", literal=True)
        tmux.keys("two", "Enter")
        tmux.wait_for("two", r"read · #summit")  # in the reader, under the title
        assert cli(library, "tag", bloomberg, "korea").returncode == 0  # and the CLI
        # Each app shows what the others did within its 3-second poll.
        tmux.wait_for("two", r"★ 2019-01-09 Bloom", timeout=15)  # the list row
        tmux.keys("two", "h", "k", "Enter")  # back to the list, up, open
        tmux.wait_for("two", r"★ starred · (un)?read · #korea", timeout=15)  # the reader
        tmux.keys("one", "j", "Enter")
        tmux.wait_for("one", r"#summit", timeout=15)
        starred = json.loads(cli(library, "search", "is:starred", "--json").stdout)
        assert [hit["id"] for hit in starred["hits"]] == [bloomberg]
        for name in ("one", "two"):
            tmux.keys(name, "q")
        assert tmux.wait_gone("one", "two")
    finally:
        tmux.kill()
    state = UserState(library)
    assert state.is_starred(bloomberg) and state.tags_of(bloomberg) == ["korea"]
    assert state.tags_of(nyt) == ["summit"]
