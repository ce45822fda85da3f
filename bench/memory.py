"""Peak memory of the app with a large library loaded and a search active.

    python bench/memory.py [--sizes 20000] [--query inflation]

The real app runs in a detached tmux pane (120x40) on a cached library. Once the list shows
the newest article, the benchmark types `/` and the query, waits until the status line shows
the search's result count, opens the first hit (enter), waits a moment, and reads the
process's peak resident set (VmHWM in /proc/PID/status) and current RSS (VmRSS).
A bare Textual app showing one line is measured the same way for scale.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from _common import CACHE, library_dir, parse_sizes, print_table
from startup import BARE_APP, newest_title, tmux

SESSION = "kimreader-bench-memory"


def wait_for(text: str, limit: float = 120.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if text in tmux("capture-pane", "-p", "-t", SESSION):
            return True
        time.sleep(0.05)
    return False


def memory_of_pane() -> tuple[float, float]:
    """(peak MB, current MB) of the process running in the pane."""
    pid = tmux("display", "-p", "-t", SESSION, "#{pane_pid}").strip()
    status = Path(f"/proc/{pid}/status").read_text()
    values = {
        line.split(":")[0]: int(line.split()[1]) / 1024
        for line in status.splitlines()
        if line.startswith(("VmHWM", "VmRSS"))
    }
    return values["VmHWM"], values["VmRSS"]


def run(command: str, steps: list[tuple[str, str]]) -> tuple[float, float] | None:
    """Start `command`, then for each (keys, text): send keys and wait for text."""
    tmux("kill-session", "-t", SESSION)
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", command)
    try:
        for keys, text in steps:
            if keys:
                tmux("send-keys", "-t", SESSION, "-l", keys)
            if text and not wait_for(text):
                print(f"# never saw {text!r}", file=sys.stderr)
                return None
        time.sleep(1.0)
        return memory_of_pane()
    finally:
        tmux("kill-session", "-t", SESSION)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20000")
    parser.add_argument("--query", default="inflation")
    args = parser.parse_args(argv)
    python = sys.executable
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="memory-") as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP)
        figures = run(f"exec {python} {bare}", [("", "bare textual")])
        if figures:
            rows.append(["bare Textual app", "", f"{figures[0]:.0f}", f"{figures[1]:.0f}"])
    for size in parse_sizes(args.sizes):
        directory = library_dir(size)
        command = f"exec {python} -m kimreader.tui.cli --library {directory}"
        steps = [
            ("", newest_title(directory)),
            ("/", ""),
            (args.query, f"found for {args.query}"),
            ("\r", ""),
        ]
        figures = run(command, steps)
        if figures:
            rows.append(
                [f"kimreader, {size:,} articles", args.query, *(f"{f:.0f}" for f in figures)]
            )
        else:
            rows.append([f"kimreader, {size:,} articles", args.query, "failed", ""])
    print_table(
        ["app", "search", "peak RSS MB", "RSS MB"],
        rows,
        title="App memory with a search active (target < 300 MB at 20,000 articles)",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
