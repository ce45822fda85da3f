"""Several kimreaders on one library at once: two readers (processes holding an open Workspace,
and two real apps in tmux) while a third process imports. No LockError, no crash; the readers
see the new articles once they refresh (search, or sync)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from import_sources import TOKEN, write_sources
from tmux_helpers import Tmux, app_env, needs_tmux

from kimreader.index.doctor import run_doctor
from kimreader.index.workspace import Workspace

# A reader: keeps one Workspace open, searching and syncing in a loop until told to stop, then
# syncs once more and prints what it sees. Any exception ends it with a traceback and code 1.
READER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from kimreader.index.workspace import Workspace

    root, stop, token = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    workspace = Workspace.open(root)
    workspace.ensure_index()
    rounds, seen = 0, []
    while not stop.exists():
        result = workspace.index.search(token, limit=5)
        assert not result.error, result.error
        seen.append(result.total)
        for hit in result.hits[:2]:
            workspace.get(hit.id)  # open it, as the app does
        if rounds % 3 == 0:
            workspace.library.refresh()
            workspace.index.sync()
        rounds += 1
        time.sleep(0.02)
    workspace.library.refresh()
    workspace.index.sync()
    final = workspace.index.search(token, limit=1).total
    listed = len(workspace.library.catalog())
    print(json.dumps({"rounds": rounds, "seen": seen, "final": final, "listed": listed}))
    """
)


def cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kimreader.tui.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    workspace = Workspace.open(root)
    workspace.ensure_index()
    workspace.index.close()
    return root


@pytest.mark.timeout(180)
def test_two_open_workspaces_while_a_third_process_imports(library: Path, tmp_path: Path):
    expected = write_sources(tmp_path / "batch1", 150)
    expected2 = write_sources(tmp_path / "batch2", 150, seed=8)
    stop = tmp_path / "stop"
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(library), str(stop), TOKEN],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    time.sleep(1.0)  # let them open the library and start searching
    first = cli("--library", str(library), "add", "--no-entities", str(tmp_path / "batch1"))
    second = cli("--library", str(library), "add", "--no-entities", str(tmp_path / "batch2"))
    stop.touch()
    outputs = [reader.communicate(timeout=120) for reader in readers]
    for done in (first, second):
        assert done.returncode == 0 and done.stderr == "", done.stderr
    for reader, (out, err) in zip(readers, outputs, strict=True):
        assert reader.returncode == 0, err
        assert "LockError" not in err and "Traceback" not in err
        seen = json.loads(out)
        assert seen["rounds"] > 5, "the reader barely ran while the imports did"
        assert seen["final"] == len(expected) + len(expected2)
        assert seen["listed"] == len(expected) + len(expected2) + 2  # and the shipped two
        assert seen["seen"] == sorted(seen["seen"])  # never lost articles on the way


@pytest.mark.timeout(180)
def test_doctor_during_an_import_removes_nothing_in_progress(library: Path, tmp_path: Path):
    sources = tmp_path / "batch"
    expected = write_sources(sources, 200)
    importer = subprocess.Popen(
        [sys.executable, "-m", "kimreader.tui.cli", "--library", str(library), "add",
         "--no-entities", "--json", str(sources)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    reports = []
    while importer.poll() is None:
        reports.append(run_doctor(Workspace.open(library), extract_entities=False))
    out, err = importer.communicate()
    assert importer.returncode == 0 and err == "", err
    assert len(json.loads(out)["added"]) == len(expected)
    assert reports, "the import ended before the doctor ran"
    for report in reports:
        # An unfinished write of a live importer is left alone, never "repaired".
        assert not [r for r in report["repaired"] if "unfinished write" in r], report
    final = run_doctor(Workspace.open(library), extract_entities=False)
    assert final["ok"], final["lines"]


# -- two real apps ------------------------------------------------------------------------------


@pytest.mark.timeout(240)
@needs_tmux
def test_two_apps_open_while_a_third_process_imports(library: Path, tmp_path: Path) -> None:
    expected = write_sources(tmp_path / "batch", 120)
    tmux = Tmux("kimreader-conc")
    env = app_env(tmp_path)
    apps = ("app1", "app2")
    try:
        for name in apps:
            tmux.start(name, f"kimreader --library {library}", env)
        for name in apps:
            tmux.wait_for(name, r"2 articles, newest first")
        importing = threading.Thread(
            target=lambda: results.append(
                cli("--library", str(library), "add", "--no-entities", str(tmp_path / "batch"))
            )
        )
        results: list[subprocess.CompletedProcess[str]] = []
        importing.start()
        # Searching in both apps while the import runs: no crash, no lock error on screen.
        while importing.is_alive():
            for name in apps:
                tmux.run("send-keys", "-t", name, "/")
                tmux.run("send-keys", "-t", name, "-l", "kim")
                tmux.run("send-keys", "-t", name, "Enter")
            time.sleep(0.3)
        importing.join()
        assert results[0].returncode == 0, results[0].stderr
        for name in apps:
            tmux.run("send-keys", "-t", name, "/")
            tmux.run("send-keys", "-t", name, "-l", TOKEN)
            screen = tmux.wait_for(name, rf"{len(expected)} found for {TOKEN}")
            assert not re.search(r"LockError|Traceback|search failed|index is busy", screen)
            assert re.search(r"Report \d+", screen), screen  # the new articles are listed
        for name in apps:
            tmux.run("send-keys", "-t", name, "Escape")
        time.sleep(0.5)  # (ESC and q sent together would be read as alt+q)
        for name in apps:
            tmux.run("send-keys", "-t", name, "q")
        assert tmux.wait_gone(*apps), "an app did not quit"
    finally:
        tmux.kill()
