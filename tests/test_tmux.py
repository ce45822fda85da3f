"""The real installed `kimreader`, driven through tmux as a person at a 100x30 terminal would."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(shutil.which("kimreader") is None, reason="kimreader is not installed"),
]


class Tmux:
    """One detached session on a private tmux server (never the user's own)."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check
        )

    def capture(self) -> str:
        return self.run("capture-pane", "-p", "-t", "kim").stdout

    def alive(self) -> bool:
        return self.run("has-session", "-t", "kim", check=False).returncode == 0

    def wait_for(self, pattern: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture() if self.alive() else ""
            if re.search(pattern, screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"never saw {pattern!r}; the screen was:\n{screen}")


def test_search_in_the_real_app_shows_hits_and_the_counter(library: Path, tmp_path: Path) -> None:
    tmux = Tmux(f"kimreader-test-{uuid.uuid4().hex[:8]}")
    config = tmp_path / "config"  # no user keymap
    command = f"kimreader --library {library}"
    env = {"XDG_CONFIG_HOME": str(config), "TERM": "xterm-256color"}
    env_args = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
    try:
        tmux.run("new-session", "-d", "-s", "kim", "-x", "100", "-y", "30", *env_args, command)
        tmux.wait_for(r"2 articles, newest first")
        tmux.run("send-keys", "-t", "kim", "/")
        tmux.run("send-keys", "-t", "kim", "-l", "kim visit")
        screen = tmux.wait_for(r"hit 1 of \d+")
        assert "2 found for kim visit" in screen
        total = int(re.search(r"hit 1 of (\d+)", screen).group(1))  # type: ignore[union-attr]
        assert total > 10
        assert "Kim Returns to China" in screen  # the second hit, listed
        tmux.run("send-keys", "-t", "kim", "Enter", "n")
        tmux.wait_for(rf"hit 2 of {total}")
        tmux.run("send-keys", "-t", "kim", "q")
        deadline = time.monotonic() + 10
        while tmux.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not tmux.alive(), "kimreader did not quit on q"
    finally:
        tmux.run("kill-server", check=False)  # our private server only
