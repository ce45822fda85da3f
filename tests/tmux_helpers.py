"""Driving the installed `kimreader` in tmux, as a person at a terminal would.

One private tmux server per `Tmux` (never the user's own); sessions are named, so one server can
hold several apps. Used by every tmux test (test_tmux*.py, test_concurrency.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

NEEDS_TMUX = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(shutil.which("kimreader") is None, reason="kimreader is not installed"),
]


F = TypeVar("F", bound=Callable[..., object])


def needs_tmux(test: F) -> F:
    """The NEEDS_TMUX marks on one test (for modules whose other tests do not need tmux)."""
    for mark in NEEDS_TMUX:
        test = mark(test)
    return test


def app_env(tmp_path: Path, term: str = "xterm-256color") -> dict[str, str]:
    """A terminal type and empty config and cache folders (no user keymap or settings; the
    parsed stylesheets kimreader keeps are the test's own)."""
    config, cache = str(tmp_path / "config"), str(tmp_path / "cache")
    return {"XDG_CONFIG_HOME": config, "XDG_CACHE_HOME": cache, "TERM": term}


class Tmux:
    def __init__(self, prefix: str = "kimreader-test") -> None:
        self.socket = f"{prefix}-{uuid.uuid4().hex[:8]}"

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check
        )

    def start(
        self,
        name: str,
        command: str,
        env: dict[str, str],
        size: tuple[int, int] = (100, 30),
        raw_log: Path | None = None,
    ) -> None:
        """Start `command` in session `name` once the pane has its size (a new server may
        first make it 80x24); with `raw_log`, record every byte it writes."""
        env_args = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
        gate = Path(f"/tmp/{self.socket}-{name}.go")
        script = f"while [ ! -e {gate} ]; do sleep 0.05; done; rm -f {gate}; {command}"
        width, height = size
        self.run(
            "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), *env_args, script
        )
        self.run("resize-window", "-t", name, "-x", str(width), "-y", str(height))
        deadline = time.monotonic() + 10
        while self.pane_size(name) != size and time.monotonic() < deadline:
            time.sleep(0.05)
        if raw_log is not None:
            self.run("pipe-pane", "-o", "-t", name, f"cat >> {raw_log}")
        gate.touch()

    def pane_size(self, name: str) -> tuple[int, int]:
        shown = self.run("display", "-p", "-t", name, "#{pane_width} #{pane_height}").stdout
        width, height = shown.split()
        return int(width), int(height)

    def keys(self, name: str, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", name, *(["-l"] if literal else []), *keys)

    def capture(self, name: str, escapes: bool = False) -> str:
        args = ["capture-pane", "-p", "-t", name, *(["-e"] if escapes else [])]
        return self.run(*args, check=False).stdout

    def title(self, name: str) -> str:
        return self.run("display", "-p", "-t", name, "#{pane_title}").stdout.strip()

    def alive(self, name: str) -> bool:
        return self.run("has-session", "-t", name, check=False).returncode == 0

    def wait_for(self, name: str, pattern: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture(name) if self.alive(name) else "(the app is gone)"
            if re.search(pattern, screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{name}: never saw {pattern!r}; the screen was:\n{screen}")

    def wait_gone(self, *names: str, timeout: float = 15.0) -> bool:
        """Whether all the sessions ended (their apps quit) within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while any(self.alive(name) for name in names) and time.monotonic() < deadline:
            time.sleep(0.1)
        return not any(self.alive(name) for name in names)

    def kill(self) -> None:
        self.run("kill-server", check=False)  # our private server only
