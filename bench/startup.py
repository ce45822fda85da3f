"""Start-up: `kimreader --help`, and the first frame of the app against a bare Textual app.

    python bench/startup.py [--sizes 0,20000] [--repeat 5]   (0 = the shipped library)

--help: wall time of `python -m kimreader.tui.cli --help` in a fresh process, and whether it
imported textual, whoosh or spacy (checked with -X importtime in a separate run).

First frame: each app runs in a real terminal (a detached tmux pane, 120x40) and the pane is
polled every 5 ms with `tmux capture-pane`; the time is from launching the process to the
first capture showing the app's text: "first frame" when the search bar is drawn, "titles" when
the newest article's title is on screen (the catalog is shown; #14's target is this one). The
bare app is Textual showing one line of text, run the same way in the same run; the ratios are
kimreader over bare. The load average is printed before and after: compare runs only at like
load (on a busy machine the bare app slows down less than the app does, or more).
Polling adds up to 5 ms plus a capture (a few ms) to every figure, bare or not.

CPU: the CPU time the process (all its threads, from the kernel's /proc/PID/task/*/schedstat)
had used when its text reached the screen: what a loaded machine does not change much, where the
wall times above wait for a core too. It is bracketed, read before the last capture without the
text and after the first with it, "low-high" (medians; the ratios are low to low, high to
high): the high end counts what the app did between drawing the frame and the capture as well
(the bare app does nothing then, kimreader goes on starting), the low end may miss the drawing.

--before PYTHON runs the app a second way in the same run, interleaved: with another
installation's interpreter (say a venv of a worktree at an older commit), to show the code
before a change against the code after it, with the same bare app and load.

Both apps run with compiled bytecode, as installed software does: the bytecode cache goes to a
folder under the bench cache (PYTHONPYCACHEPREFIX; PYTHONDONTWRITEBYTECODE is cleared for them)
and each app is launched once untimed to fill it. Otherwise, with PYTHONDONTWRITEBYTECODE set,
kimreader's modules (an editable install) would be compiled from source at every start while
Textual's come compiled from site-packages. --no-pyc measures that way instead.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import CACHE, library_dir, load_average, median, ms, parse_sizes, print_table

BARE_APP = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("bare textual app ready")
Bare().run()
"""
SESSION = "kimreader-bench-startup"
POLL = 0.005


def tmux(*args: str) -> str:
    done = subprocess.run(["tmux", *args], capture_output=True, text=True, check=False)
    return done.stdout


# (wall seconds since launch, CPU seconds of the process before the last capture without the
# text and after the first with it)
Seen = tuple[float, float | None, float | None]


def time_to_text(
    command: str, markers: list[str], env: dict[str, str], limit: float = 60.0
) -> list[Seen | None]:
    """When each marker was first on screen (None if it never showed)."""
    tmux("kill-session", "-t", SESSION)
    env_args = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", *env_args, command)
    pid = tmux("display-message", "-p", "-t", SESSION, "#{pane_pid}").strip()  # `exec`: the app
    found: dict[str, Seen] = {}
    before = cpu_seconds(pid)
    while len(found) < len(markers) and time.perf_counter() - start < limit:
        ahead = cpu_seconds(pid)
        screen = tmux("capture-pane", "-p", "-t", SESSION)
        now = time.perf_counter() - start
        for marker in markers:
            if marker not in found and marker in screen:
                found[marker] = (now, before, cpu_seconds(pid))
        before = ahead
        time.sleep(POLL)
    tmux("kill-session", "-t", SESSION)
    time.sleep(0.2)
    return [found.get(marker) for marker in markers]


def cpu_seconds(pid: str) -> float | None:
    """CPU time of all the process's threads so far (None where the kernel does not say)."""
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        return sum(int((task / "schedstat").read_text().split()[0]) for task in tasks) / 1e9
    except (OSError, ValueError, IndexError):
        return None


def newest_title(directory: Path) -> str:
    from kimreader.corpus.library import Library

    entries = Library.open(directory, seed=False).catalog()
    newest = max(entries, key=lambda e: (e.published or "", e.title))
    return newest.title[:24]


def help_figures(repeat: int) -> list[list[object]]:
    command = [sys.executable, "-m", "kimreader.tui.cli", "--help"]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - start)
    trace = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kimreader.tui.cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    heavy = [name for name in ("textual", "whoosh", "spacy") if f" {name}" in trace]
    bare = [sys.executable, "-c", "pass"]
    python = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(bare, check=True)
        python.append(time.perf_counter() - start)
    return [
        ["kimreader --help", ms(median(samples)), ", ".join(heavy) or "none"],
        ["python -c pass", ms(median(python)), ""],
    ]


def frame_figures(
    sizes: list[int], repeat: int, pyc: bool = True, before: str = ""
) -> list[list[object]]:
    python = sys.executable
    pythons = {"": python} | ({" (before)": before} if before else {})
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="startup-") as tmp:
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE_APP)
        shipped = Path(tmp) / "shipped"
        env = {"KIMREADER_HOME": str(shipped), "PATH": os.environ.get("PATH", "")}
        if pyc:
            env |= {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(CACHE / "pycache")}
        libraries = {}
        for size in sizes:
            directory = shipped if size == 0 else library_dir(size)
            if size == 0:  # create and index the shipped library once, outside the timing
                for command in ("init", "list"):
                    subprocess.run(
                        [python, "-m", "kimreader.tui.cli", "--library", str(directory), command],
                        stdout=subprocess.DEVNULL,
                        check=True,
                    )
            libraries[size] = directory
        if pyc:  # untimed launches that fill the bytecode cache
            time_to_text(f"exec {python} {bare_script}", ["bare textual"], env)
            for directory in libraries.values():
                for app_python in pythons.values():
                    command = f"exec {app_python} -m kimreader.tui.cli --library {directory}"
                    time_to_text(command, ["to search"], env)
        bare: list[Seen] = []
        apps: dict[tuple[int, str], tuple[list[Seen], list[Seen]]] = {
            (s, way): ([], []) for s in sizes for way in pythons
        }
        for _ in range(repeat):
            (seen,) = time_to_text(f"exec {python} {bare_script}", ["bare textual"], env)
            if seen is not None:
                bare.append(seen)
            for (size, way), (first, listed) in apps.items():
                command = f"exec {pythons[way]} -m kimreader.tui.cli --library {libraries[size]}"
                times = time_to_text(command, ["to search", newest_title(libraries[size])], env)
                first.extend(t for t in times[:1] if t is not None)
                listed.extend(t for t in times[1:] if t is not None)
        bare_wall, bare_cpu = median([w for w, _, _ in bare]), _cpu_medians(bare)
        rows.append(["bare Textual app", len(bare), ms(bare_wall), "1.00", "", ""])
        rows[-1].extend(_cpu_figures(bare_cpu, bare_cpu))
        for (size, way), (first, listed) in apps.items():
            name = "kimreader, shipped library" if size == 0 else f"kimreader, {size:,} articles"
            rows.append([name + way, len(first), *_figures([w for w, _, _ in first], bare_wall)])
            rows[-1].extend(_figures([w for w, _, _ in listed], bare_wall))
            rows[-1].extend(_cpu_figures(_cpu_medians(listed), bare_cpu))
    return rows


def _cpu_medians(seen: list[Seen]) -> tuple[float, float] | None:
    """The medians of the low and the high ends of the CPU brackets (None: not measured)."""
    brackets = [(low, high) for _, low, high in seen if low is not None and high is not None]
    if not brackets:
        return None
    return median([low for low, _ in brackets]), median([high for _, high in brackets])


def _cpu_figures(cpu: tuple[float, float] | None, bare: tuple[float, float] | None) -> list[str]:
    if cpu is None or bare is None:
        return ["", ""]
    (low, high), (bare_low, bare_high) = cpu, bare
    return [f"{ms(low)}-{ms(high)}", f"{low / bare_low:.2f}-{high / bare_high:.2f}"]


def _figures(samples: list[float], bare: float) -> list[object]:
    """The median in ms and its ratio to the bare app's median."""
    if not samples:
        return ["never", ""]
    return [ms(median(samples)), f"{median(samples) / bare:.2f}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0,20000", help="0 is the shipped library")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--before", default="", metavar="PYTHON", help="also run the app with this interpreter"
    )
    parser.add_argument(
        "--no-pyc", action="store_true", help="no bytecode cache: compile at every start"
    )
    args = parser.parse_args(argv)
    print_table(
        ["command", "median ms", "imported"],
        help_figures(args.repeat * 2),
        title="kimreader --help (target < 200 ms; imports neither textual, whoosh nor spacy)",
    )
    before = load_average()
    print_table(
        [
            "app",
            "runs",
            "first frame ms",
            "ratio",
            "titles on screen ms",
            "ratio",
            "CPU ms (titles)",
            "ratio",
        ],  # fmt: skip
        frame_figures(parse_sizes(args.sizes), args.repeat, not args.no_pyc, args.before),
        title="First frame and titles on screen, 120x40 tmux pane (target: titles <= 1.25x bare)",
    )
    print(f"load average (1, 5, 15 min) before: {before}; after: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
