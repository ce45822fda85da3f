"""HTML pages of an import read in worker processes (index/reading.py): the same library, the
same report and the same one line per bad file as when they are read one by one."""

from __future__ import annotations

import multiprocessing
import os
import signal
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kimreader.corpus.library import Library
from kimreader.corpus.readers import iter_paths, read_paths
from kimreader.index import reading
from kimreader.index.workspace import ImportReport, Workspace

PAGES = ("bbc-1", "guardian-1", "nytimes-2", "lemonde-1", "wapo-1", "ars-1", "cnn")


@pytest.fixture()
def sources(tmp_path: Path, shared_dir: Path) -> Path:
    """Real pages, a saved copy of one (a near duplicate), a broken page and a Markdown file
    among them: the order of the files decides which copy is the duplicate."""
    pages = shared_dir / "testdata/mozilla-readability/test/test-pages"
    folder = tmp_path / "in"
    folder.mkdir()
    for number, name in enumerate(PAGES):
        html = (pages / name / "source.html").read_text(encoding="utf-8")
        (folder / f"{number:02d}-{name}.html").write_text(html, encoding="utf-8")
    saved = (pages / "bbc-1" / "source.html").read_text(encoding="utf-8")
    (folder / "03-saved-copy.html").write_text(saved.replace("</p>", "</p>\n\n"), "utf-8")
    (folder / "02-broken.html").write_text("<html><body><script>x()</script></body></html>")
    (folder / "04-note.md").write_text("---\ntitle: A note\n---\nThe harbour strike ended.\n")
    return folder


@pytest.fixture()
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool for a handful of pages, two to a task (several tasks in flight and in order)."""
    monkeypatch.setattr(reading, "PARALLEL_READ", 1)
    monkeypatch.setattr(reading, "BATCH", 2)


def _import(root: Path, sources: Path, processes: int) -> tuple[ImportReport, dict[str, Any]]:
    """The report, and every file of the library by relative path (but its search index and
    the catalog, which holds the files' times: its entries instead, without them)."""
    workspace = Workspace(Library.open(root, seed=False))
    report = workspace.add_paths([sources], processes=processes, with_entities=False)
    files: dict[str, Any] = {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not {"index", "catalog.json"} & set(path.relative_to(root).parts)
    }
    files["catalog"] = [replace(entry, mtime_ns=0) for entry in workspace.library.catalog()]
    return report, files


@pytest.mark.usefixtures("small_batches")
def test_two_processes_give_the_same_library_as_one(tmp_path: Path, sources: Path) -> None:
    one_report, one = _import(tmp_path / "one", sources, processes=1)
    two_report, two = _import(tmp_path / "two", sources, processes=2)
    assert one_report.to_json() == two_report.to_json()
    assert one == two
    assert len(two_report.added) == len(PAGES) + 1  # the pages and the note
    assert two_report.duplicates and two_report.duplicates[0][0].endswith("03-saved-copy.html")
    # The broken page is one line naming it and why; the pages after it are in.
    assert two_report.failed == [f"{sources / '02-broken.html'}: no article text found"]


@pytest.mark.usefixtures("small_batches")
def test_the_pages_are_read_by_workers_in_the_order_given(sources: Path) -> None:
    items = list(iter_paths([sources]))
    results = reading.read_in_order(items, processes=2)
    first = next(results)
    assert multiprocessing.active_children()  # the pool is running
    found = [first, *results]
    assert [str(r) for r in found] == [str(r) for r in read_paths(items)]  # errors as lines
    assert [getattr(r, "origin", None) for r in found] == [str(p.absolute()) for p in items]


def test_a_few_pages_are_read_without_a_pool(sources: Path) -> None:
    items = list(iter_paths([sources]))
    results = reading.read_in_order(items, processes=2)
    next(results)
    assert not multiprocessing.active_children()
    assert len([next(results), *results]) == len(items) - 1


@pytest.mark.usefixtures("small_batches")
def test_pages_of_a_killed_worker_are_read_by_the_importing_process(sources: Path) -> None:
    items = list(iter_paths([sources]))
    results = reading.read_in_order(items, processes=2)
    found = [next(results)]
    workers = [child.pid for child in multiprocessing.active_children() if child.pid]
    assert workers
    for pid in workers:  # as the OOM killer would
        os.kill(pid, signal.SIGKILL)
    found.extend(results)
    assert [str(r) for r in found] == [str(r) for r in read_paths(items)]
