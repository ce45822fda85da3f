"""The reading state never loses a reader's work: SIGKILL at any moment keeps every change
that was acknowledged, writers in several processes keep each other's changes, a read-only
library is still read, a full disk is one clear line; reindex, doctor and re-import leave it
alone."""

from __future__ import annotations

import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fs_helpers import fill, mount

from kimreader.corpus.userstate import STATE_FILE, StateError, UserState
from kimreader.index.workspace import Workspace

# Writes changes of four kinds, printing each one's number once the call has returned.
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kimreader.corpus.userstate import UserState

    root, prefix, number, stop = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    state = UserState(root)
    while number != stop:
        key = f"{prefix}{number}"
        kind = number % 4
        if kind == 0:
            state.set_starred([key])
        elif kind == 1:
            state.add_tags("shared", [f"t{key}"])  # every writer tags the same article
        elif kind == 2:
            state.add_note("shared", key)
        else:
            state.set_read([key])
        print(number, flush=True)
        number += 1
    """
)


def start_writer(root: Path, prefix: str, first: int, stop: int = -1) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", WRITER, str(root), prefix, str(first), str(stop)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def acknowledged(output: str) -> list[int]:
    """The numbers printed in whole lines (a line cut by the kill was not acknowledged)."""
    lines = output.split("\n")[:-1]
    return [int(line) for line in lines]


def missing(root: Path, prefix: str, numbers: list[int]) -> list[int]:
    """The acknowledged changes the state does not hold."""
    state = UserState(root)
    snap = state.snapshot()
    noted = {note.text for note in state.notes("shared")}
    tags = set(snap.tags.get("shared", ()))
    holds = {
        0: lambda key: key in snap.starred,
        1: lambda key: f"t{key}" in tags,
        2: lambda key: key in noted,
        3: lambda key: key in snap.read,
    }
    state.close()
    return [n for n in numbers if not holds[n % 4](f"{prefix}{n}")]


def assert_intact(root: Path) -> None:
    connection = sqlite3.connect(root / STATE_FILE)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()


@pytest.mark.timeout(300)
def test_sigkill_at_any_moment_keeps_every_acknowledged_change(tmp_path: Path) -> None:
    rng = random.Random(16)
    done: list[int] = []
    kills = 0
    for _ in range(12):
        writer = start_writer(tmp_path, "k", done[-1] + 1 if done else 0)
        try:
            out, _ = writer.communicate(timeout=rng.uniform(0.3, 1.5))
        except subprocess.TimeoutExpired:
            writer.send_signal(signal.SIGKILL)
            out, _ = writer.communicate()
            kills += 1
        done += acknowledged(out)
        assert_intact(tmp_path)
        assert missing(tmp_path, "k", done) == []
    assert kills >= 10 and len(done) > 100, (kills, len(done))


@pytest.mark.timeout(300)
def test_sigkill_while_the_state_is_created_leaves_a_usable_state(tmp_path: Path) -> None:
    rng = random.Random(7)
    for round_number in range(8):
        root = tmp_path / f"lib{round_number}"
        root.mkdir()
        writer = start_writer(root, "c", 0)
        try:
            out, _ = writer.communicate(timeout=rng.uniform(0.02, 0.4))
        except subprocess.TimeoutExpired:
            writer.send_signal(signal.SIGKILL)
            out, _ = writer.communicate()
        UserState(root).set_starred(["after"])  # opens (migrating if needed) and writes
        assert_intact(root)
        assert missing(root, "c", acknowledged(out)) == []


@pytest.mark.timeout(300)
def test_two_writers_and_the_cli_at_once_lose_nothing(tmp_path: Path) -> None:
    """Two long-lived writers (as two apps) and `kimreader tag`/`star` runs, all at once, on
    the same articles: every change of each is there afterwards."""
    from kimreader.corpus.library import Library

    article_id = Library.open(tmp_path).catalog()[0].id
    writers = {prefix: start_writer(tmp_path, prefix, 0, stop=160) for prefix in ("a", "b")}
    cli_runs = []
    for number in range(12):
        cli_runs.append(cli(tmp_path, "tag", article_id, f"cli{number}"))
        if number % 3 == 0:
            cli_runs.append(cli(tmp_path, "star", article_id))
    outputs = {prefix: writer.communicate(timeout=240) for prefix, writer in writers.items()}
    assert all(run.returncode == 0 for run in cli_runs), [r.stderr for r in cli_runs]
    for prefix, (out, err) in outputs.items():
        assert writers[prefix].returncode == 0, err
        assert acknowledged(out) == list(range(160))
        assert missing(tmp_path, prefix, list(range(160))) == []
    state = UserState(tmp_path)
    assert len(state.tags_of("shared")) == 2 * 40
    assert state.tags_of(article_id) == sorted(f"cli{n}" for n in range(12))
    assert state.is_starred(article_id)


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kimreader.tui.cli", "--library", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


# -- read-only and full disks (real file systems: tmpfs mounts, as test_fs_errors.py) --------


def test_a_read_only_library_reads_its_state_and_refuses_changes_in_one_line(
    tmpfs: Path,  # noqa: F811
) -> None:
    clean, killed = tmpfs / "clean", tmpfs / "killed"
    for root in (clean, killed):
        root.mkdir()
    state = UserState(clean)
    state.set_starred(["a1"])
    state.add_tags("a1", ["korea"])
    state.close()  # the last connection: SQLite folds the WAL in and removes it
    library = tmpfs / "library"
    workspace = Workspace.open(library)
    workspace.ensure_index()
    article_id = workspace.library.catalog()[0].id
    workspace.state.add_note(article_id, "kept")
    workspace.state.close()
    workspace.index.close()
    writer = start_writer(killed, "k", 0, stop=40)  # leaves its -wal and -shm (no close)
    assert writer.wait(timeout=60) == 0
    assert (killed / f"{STATE_FILE}-wal").exists() or (killed / STATE_FILE).exists()
    assert mount("-o", "remount,ro", str(tmpfs)).returncode == 0
    snap = UserState(clean).snapshot()
    assert snap.starred == {"a1"} and snap.tags == {"a1": ("korea",)}
    assert missing(killed, "k", list(range(40))) == []
    for root in (clean, killed, tmpfs):  # (the last has no state at all)
        with pytest.raises(StateError) as raised:
            UserState(root).set_read(["a1"])
        assert "read-only" in str(raised.value) and "\n" not in str(raised.value)
    starred = cli(library, "star", article_id)
    assert starred.returncode == 2 and starred.stderr.count("\n") == 1
    assert "read-only" in starred.stderr and starred.stderr.startswith("kimreader: ")
    listed = cli(library, "notes", article_id, "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout)[0]["text"] == "kept"
    found = cli(library, "search", "kim", "note:kept", "--json")
    assert found.returncode == 0 and [h["id"] for h in json.loads(found.stdout)["hits"]] == [
        article_id
    ]


def test_a_full_disk_is_one_line_and_keeps_what_was_saved(tmpfs: Path) -> None:  # noqa: F811
    root = tmpfs / "lib"
    root.mkdir()
    state = UserState(root)
    state.set_starred(["before"])
    fill(tmpfs, leave=16 * 1024)
    saved, error = [], None
    for number in range(5000):
        try:
            state.add_note("a1", f"{number} " + "x" * 4000)
        except StateError as raised:
            error = str(raised)
            break
        saved.append(number)
    assert error is not None and "full" in error and "\n" not in error, error
    state.close()
    (tmpfs / "filler").unlink()
    again = UserState(root)
    assert {int(n.text.split()[0]) for n in again.notes("a1")} == set(saved)
    assert again.is_starred("before")
    again.set_starred(["after"])
    assert_intact(root)


# -- the state is not cache: nothing that rebuilds the cache touches it ------------------------


def test_reindex_doctor_reimport_and_a_lost_cache_keep_the_state(tmp_path: Path) -> None:
    from kimreader.index.doctor import run_doctor
    from kimreader.index.workspace import Workspace

    source = tmp_path / "report.md"
    source.write_text("---\ntitle: Talks\n---\nKim left Pyongyang on Monday.\n", encoding="utf-8")
    root = tmp_path / "lib"
    workspace = Workspace.open(root)
    (article_id,) = workspace.add_paths([source], with_entities=False).added
    state = UserState(root)
    state.set_starred([article_id])
    state.add_tags(article_id, ["korea"])
    body = workspace.get(article_id).body
    start = body.index("on Monday")
    state.add_note(article_id, "when?", body=body, span=(start, start + len("on Monday")))
    workspace.index.close()

    def cli(*args: str) -> None:
        done = subprocess.run([sys.executable, "-m", "kimreader.tui.cli", "--library", str(root),
                               *args], capture_output=True, text=True, timeout=300)  # fmt: skip
        assert done.returncode == 0, done.stderr

    cli("reindex")
    assert run_doctor(Workspace.open(root), extract_entities=False)["ok"]
    shutil.rmtree(root / ".kimreader")  # the whole cache gone
    cli("doctor")
    source.write_text(source.read_text(encoding="utf-8") + "\nA second paragraph.\n", "utf-8")
    cli("add", "--no-entities", str(source))  # re-import: the same article, updated
    after = UserState(root)
    assert after.is_starred(article_id) and after.tags_of(article_id) == ["korea"]
    (note,) = after.notes(article_id)
    assert note.text == "when?" and note.quote == "on Monday"
    assert not (root / ".kimreader" / STATE_FILE).exists()  # beside the articles, not in the cache


def test_a_reimport_that_removes_a_noted_passage_reports_the_note(tmp_path: Path) -> None:
    from kimreader.index.doctor import run_doctor
    from kimreader.index.workspace import Workspace

    source = tmp_path / "report.md"
    source.write_text("---\ntitle: Talks\n---\nKim left Pyongyang on Monday.\n", encoding="utf-8")
    workspace = Workspace.open(tmp_path / "lib")
    (article_id,) = workspace.add_paths([source], with_entities=False).added
    body = workspace.get(article_id).body
    note = workspace.state.add_note(article_id, "when?", body=body, span=(0, len(body)))
    source.write_text("---\ntitle: Talks\n---\nKim left Pyongyang on Tuesday.\n", "utf-8")
    report = workspace.add_paths([source], with_entities=False)
    assert report.updated == [article_id]
    (line,) = report.lost_notes
    assert f"note {note.id} lost its passage" in line and "Kim left Pyongyang on Monday." in line
    assert workspace.state.notes(article_id) == [note]  # kept, never dropped
    workspace.index.close()
    doctor = run_doctor(Workspace.open(tmp_path / "lib"), extract_entities=False)
    assert doctor["ok"] and line in doctor["notes"]
