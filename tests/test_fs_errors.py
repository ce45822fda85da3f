"""A read-only library, a full disk, a library path that is a file: one clear line, exit 2 from
the CLI, nothing half-written. Real file systems: small tmpfs mounts (skipped where mounting is
not permitted), since chmod does not stop root."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fs_helpers import fill, mount

from kimreader.corpus.library import Library, LibraryError
from kimreader.index.workspace import Workspace


def cli(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kimreader.tui.cli", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line_error(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, done
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("kimreader: "), done.stderr
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def articles(folder: Path, count: int, size: int = 2000) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"n{number:03d}.txt"
        words = f"Report {number} on the talks in Pyongyang and Seoul. " * (size // 50)
        path.write_text(f"Title {number}\n\n{words}\n", encoding="utf-8")
        paths.append(path)
    return paths


def assert_whole(root: Path) -> None:
    """Every article file parses; no temp file is left beside them; the catalog agrees."""
    library = Library(root)
    assert library.refresh() == []
    assert not list(root.glob(".tmp-*")) and not list(root.glob(".kimreader/**/.tmp-*"))
    assert {e.id for e in library.catalog()} == {p.stem for p in root.glob("*.md")}


def test_read_only_library(tmpfs: Path, tmp_path: Path) -> None:
    root = tmpfs / "lib"
    Workspace.open(root).ensure_index()
    (source,) = articles(tmp_path / "in", 1)
    assert mount("-o", "remount,ro", str(tmpfs)).returncode == 0
    before = snapshot(root)
    one_line_error(cli(root, "add", "--no-entities", str(source)), "read-only")
    # Reading still works: list, search and show need no writes.
    listed = cli(root, "list", "--json")
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 2
    found = cli(root, "search", "Kim", "--json")
    assert found.returncode == 0 and json.loads(found.stdout)["total"] == 2
    doctor = cli(root, "doctor")
    assert doctor.returncode == 1 and "not writable" in doctor.stdout
    assert "Traceback" not in doctor.stderr + doctor.stdout
    assert snapshot(root) == before  # nothing written, nothing half-written
    # Only add (or init) creates a library; on a read-only disk it says why it cannot.
    one_line_error(cli(tmpfs / "new", "add", str(source)), "cannot create the library")


def test_read_only_library_without_an_index(tmpfs: Path) -> None:
    root = tmpfs / "lib"
    Library.open(root)  # articles, but no index was ever built
    assert mount("-o", "remount,ro", str(tmpfs)).returncode == 0
    one_line_error(cli(root, "search", "Kim"), "cannot build the search index")
    assert cli(root, "list").returncode == 0


def test_read_only_library_with_a_stale_index_still_searches(tmpfs: Path) -> None:
    root = tmpfs / "lib"
    Workspace.open(root).ensure_index()
    shipped = sorted(root.glob("*.md"))[0]
    shipped.unlink()  # the index now holds an article the library does not
    assert mount("-o", "remount,ro", str(tmpfs)).returncode == 0
    workspace = Workspace.open(root)
    report = workspace.ensure_index()
    assert report.problems and "could not be updated" in report.problems[0]
    assert workspace.index.search("Kim").total >= 1
    workspace.index.close()


def test_full_disk(tmpfs: Path, tmp_path: Path) -> None:
    root = tmpfs / "lib"
    Workspace.open(root).ensure_index()
    sources = articles(tmp_path / "in", 40)  # ~80 KB of articles into ~24 KB of space
    fill(tmpfs, leave=24 * 1024)
    done = cli(root, "add", "--no-entities", "--json", *map(str, sources))
    assert "Traceback" not in done.stderr
    assert done.returncode in (1, 2)  # some or all files failed
    lines = done.stderr.splitlines()
    assert lines and all(line.startswith("kimreader: ") for line in lines)
    assert any("No space left on device" in line for line in lines), lines
    assert_whole(root)  # what was written is whole; what was not left no trace
    # Space again: the next start repairs the index, re-running the import completes it.
    (tmpfs / "filler").unlink()
    again = cli(root, "add", "--no-entities", "--json", *map(str, sources))
    assert again.returncode == 0, again.stderr
    assert_whole(root)
    workspace = Workspace.open(root)
    workspace.ensure_index()
    indexed = set(workspace.index.stored_hashes())
    assert indexed == {e.id for e in workspace.library.catalog()}
    assert len(indexed) == len(sources) + 2
    workspace.index.close()


def test_library_path_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my notes\n", encoding="utf-8")
    for args in (["list"], ["add", "--no-entities", str(path)], ["search", "x"], ["doctor"]):
        one_line_error(cli(path, *args), str(path), "is a file, not a folder")
    assert path.read_text(encoding="utf-8") == "my notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    with pytest.raises(LibraryError):
        Library.open(path)


def test_library_inside_a_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my notes\n", encoding="utf-8")
    one_line_error(cli(path / "lib", "list"), "no library here")  # only add/init create one
    one_line_error(cli(path / "lib", "add", str(path)), "cannot create the library")
    assert path.read_text(encoding="utf-8") == "my notes\n"
