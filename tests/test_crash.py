"""SIGKILL `kimreader add` at random points, many times: the library only ever holds whole,
parseable articles; the index is consistent after the next start (or `kimreader doctor`);
running the import again completes it."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from import_sources import TOKEN, write_sources

from kimreader.analysis import versions
from kimreader.corpus.article import Article
from kimreader.corpus.library import Library
from kimreader.index.doctor import run_doctor
from kimreader.index.workspace import Workspace


def start_import(library: Path, sources: Path, entities: bool) -> subprocess.Popen[bytes]:
    args = ["--library", str(library), "add", str(sources)]
    if not entities:
        args.append("--no-entities")
    return subprocess.Popen(
        [sys.executable, "-m", "kimreader.tui.cli", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: stray workers can be found and ended
    )


def kill_at(process: subprocess.Popen[bytes], delay: float) -> bool:
    """SIGKILL the import after `delay` seconds; False when it had already finished."""
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True
    finally:
        _end_group(process.pid)


def _end_group(pgid: int) -> None:
    """Workers (spaCy's, Whoosh's) outlive a SIGKILLed parent; end them like a shell would."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def check_library(root: Path, expected: dict[str, Article]) -> set[str]:
    """Every article file is whole and exactly what was imported; returns the imported ids."""
    library = Library(root)
    assert library.refresh() == [], "an article file does not parse"
    imported = set()
    for entry in library.catalog():
        article = library.get(entry.id)
        if article.origin.startswith("shipped:"):
            continue
        want = expected[article.id]  # a KeyError would be a file that is no article of ours
        assert (article.title, article.body, article.authors) == (
            want.title,
            want.body,
            want.authors,
        )
        imported.add(article.id)
    for sidecar in (root / ".kimreader").glob("entities/*.json"):
        if sidecar.name.startswith(".tmp-"):
            continue  # a killed writer's temp file: never read as a sidecar, doctor removes it
        json.loads(sidecar.read_text(encoding="utf-8"))  # whole JSON, never half a file
    return imported


def check_index(root: Path, doctor: bool = False) -> None:
    """The next start (or `kimreader doctor`) brings the index in line with the library."""
    workspace = Workspace(Library(root))
    try:
        if doctor:
            report = run_doctor(workspace, extract_entities=False)
            assert report["ok"], report["lines"]
            assert not list(root.glob(".tmp-*")) and not list(root.glob(".kimreader/**/.tmp-*"))
        else:
            workspace.ensure_index()
        catalog = {e.id: e.hash for e in workspace.library.catalog()}
        assert workspace.index.backend.health().documents == len(catalog)
        assert workspace.index.stored_hashes() == catalog
        ours = [e for e in workspace.library.catalog() if not e.origin.startswith("shipped:")]
        assert workspace.index.search(TOKEN, limit=1).total == len(ours)
    finally:
        workspace.index.close()


def run_cli_doctor(root: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "kimreader.tui.cli", "--library", str(root), "doctor", "--json",
         "--no-embeddings"],  # entities are what the kills test; embedding 300 is slow
        capture_output=True,
        text=True,
        timeout=600,  # a hang guard
    )  # fmt: skip
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["ok"], report
    return report


def kill_loop(tmp_path: Path, count: int, kills: int, entity_every: int, seed: int) -> None:
    sources = tmp_path / "sources"
    expected = write_sources(sources, count)
    library = tmp_path / "lib"
    rng = random.Random(seed)
    # How long an import takes, so that kills land anywhere in it (start-up to index sync).
    span = {False: 2.0, True: 15.0}
    killed = 0
    for round_number in range(kills):
        entities = entity_every > 0 and round_number % entity_every == entity_every - 1
        _remove_some(library, rng)  # so that every round has articles to write, not only skip
        started = time.monotonic()
        if kill_at(start_import(library, sources, entities), rng.uniform(0.05, span[entities])):
            killed += 1
        else:  # it finished first: later kills aim within what an import really takes
            span[entities] = time.monotonic() - started
        check_library(library, expected)
        check_index(library, doctor=round_number % 3 == 2)
    assert killed >= kills // 3, "most imports finished before the kill: nothing was tested"
    finish = start_import(library, sources, entities=False)
    _, errors = finish.communicate(timeout=300)
    assert finish.returncode == 0, errors
    assert check_library(library, expected) == set(expected)
    check_index(library)
    if entity_every:
        # The real `kimreader doctor` extracts what the killed and plain imports left out.
        missing = Workspace(Library(library)).missing_entities()
        report = run_cli_doctor(library)
        extracted = [line for line in report["repaired"] if "extracted entities" in line]
        assert extracted == ([f"extracted entities for {len(missing)} article(s) that had none"]
                             if missing else [])  # fmt: skip
        assert Workspace(Library(library)).missing_entities() == []


def _remove_some(library: Path, rng: random.Random) -> None:
    files = sorted(library.glob("*.md"))
    for path in rng.sample(files, int(len(files) * rng.uniform(0.3, 1.0))):
        path.unlink()


@pytest.mark.timeout(240)
def test_killed_imports_leave_whole_articles_and_complete(tmp_path: Path) -> None:
    kill_loop(tmp_path, count=100, kills=4, entity_every=0, seed=1)


@pytest.mark.timeout(240)
def test_a_killed_import_with_entities_keeps_sidecars_whole(tmp_path: Path) -> None:
    kill_loop(tmp_path, count=20, kills=1, entity_every=1, seed=2)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_many_killed_imports(tmp_path: Path) -> None:
    kill_loop(tmp_path, count=300, kills=40, entity_every=5, seed=3)


# -- kimreader doctor: each kind of damage a crash (or a person) leaves, repaired and said -----


@pytest.fixture
def damaged(tmp_path: Path) -> Workspace:
    """A library of a few articles with entities stored, and its index."""
    sources = tmp_path / "sources"
    write_sources(sources, 5)
    workspace = Workspace.open(tmp_path / "lib")
    workspace.add_paths([sources], with_entities=False)
    for entry in workspace.library.catalog():  # cheap stand-in entities, stored as import would
        payload = {"hash": entry.hash, "version": versions.ENTITIES, "data": []}
        workspace.library.write_sidecar("entities", entry.id, payload)
    return workspace


def doctor(workspace: Workspace) -> dict:
    root = workspace.library.root
    workspace.index.close()
    return run_doctor(Workspace.open(root), extract_entities=False)


def test_doctor_on_a_healthy_library_repairs_nothing(damaged: Workspace) -> None:
    report = doctor(damaged)
    assert report["ok"] and report["repaired"] == [] and report["lines"][-1] == "all well"


def test_doctor_removes_unfinished_writes_of_dead_processes_only(damaged: Workspace) -> None:
    root = damaged.library.root
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    (root / f".tmp-{dead}-abc.md").write_text("---\ntitle: half", encoding="utf-8")
    (root / ".kimreader" / f".tmp-{dead}-x.json").write_text("{", encoding="utf-8")
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    live_sidecar = root / ".kimreader" / "entities" / f".tmp-{live.pid}-y.json"
    try:
        (root / f".tmp-{live.pid}-def.md").write_text("---\n", encoding="utf-8")
        live_sidecar.parent.mkdir(exist_ok=True)
        live_sidecar.write_text("", encoding="utf-8")  # a sidecar being written right now
        report = doctor(damaged)
    finally:
        live.kill()
        live.wait()
    assert report["ok"]
    assert sum("removed an unfinished write" in line for line in report["repaired"]) == 2
    assert [p.name for p in root.glob(".tmp-*")] == [f".tmp-{live.pid}-def.md"]
    assert live_sidecar.exists()  # neither an unfinished write nor an orphan sidecar
    assert any("in progress" in note for note in report["notes"])


def test_doctor_reports_each_unreadable_article_in_one_line(damaged: Workspace) -> None:
    root = damaged.library.root
    (root / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    (root / "latin.md").write_bytes(b"---\ntitle: caf\xe9\n---\nbody\n")
    report = doctor(damaged)
    assert not report["ok"] and len(report["problems"]) == 2
    for problem, name in zip(sorted(report["problems"]), ("broken.md", "latin.md"), strict=True):
        assert name in problem and "\n" not in problem
    assert "articles: 7 readable, 2 unreadable" in report["lines"]  # 5 + the shipped 2


def test_doctor_names_a_file_whose_name_is_not_text(damaged: Workspace) -> None:
    """The library leaves such a file alone (it could stop every command); doctor says so,
    in one line the terminal shows as text, so the user can rename it."""
    odd = os.fsencode(damaged.library.root) + b"/caf\xe9\x1b[2J.md"
    with open(odd, "wb") as handle:
        handle.write(b"---\ntitle: Odd\n---\nBody.\n")
    report = doctor(damaged)
    assert not report["ok"]
    [problem] = report["problems"]
    assert problem.startswith("caf\\xe9") and "rename it" in problem
    assert "\x1b" not in problem and "\n" not in problem
    assert os.path.exists(odd)  # left as it was


def test_doctor_removes_orphan_entities_and_notes_missing_ones(damaged: Workspace) -> None:
    library = damaged.library
    gone, bare = [entry.id for entry in library.catalog()][:2]
    library.write_sidecar("embeddings", gone, {"hash": library.entry(gone).hash, "data": {}})
    library.path_for(gone).unlink()
    (library.state_dir / "entities" / f"{bare}.json").unlink()
    report = doctor(damaged)
    assert report["ok"]
    assert f"removed entities of a deleted article: {gone}" in report["repaired"]
    assert f"removed sentence embeddings of a deleted article: {gone}" in report["repaired"]
    assert not list(library.state_dir.glob(f"*/{gone}.json"))
    assert "1 article(s) have no entities (imported without them)" in report["notes"]
    assert any("1 removed" in line for line in report["repaired"])  # the index followed


@pytest.mark.parametrize("damage", ["corrupt toc", "missing documents", "stamp lies"])
def test_doctor_rebuilds_a_broken_index(damaged: Workspace, damage: str) -> None:
    index_dir = damaged.index.directory
    damaged.index.close()
    if damage == "corrupt toc":
        for toc in index_dir.glob("*.toc"):
            toc.write_bytes(b"\x00garbage")
    else:
        workspace = Workspace.open(damaged.library.root)
        workspace.ensure_index()
        some = [e.id for e in workspace.library.catalog()][:3]
        with workspace.index.backend.writing() as writer:  # lost behind the stamp's back
            writer.delete(some)
        workspace.index.close()
        if damage == "stamp lies":
            (index_dir / "kimreader-synced").write_text("nonsense\n")
    report = doctor(damaged)
    assert report["ok"], report["lines"]
    assert any("index" in line for line in report["repaired"]), report
    check_index(damaged.library.root)


def test_doctor_waits_for_another_writer_then_says_it_is_busy(
    damaged: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kimreader.index.whoosh.backend as whoosh_backend

    root = damaged.library.root
    damaged.index.close()
    (root / "extra.md").write_text("---\ntitle: Extra\n---\nNew text.\n", encoding="utf-8")
    holder = Workspace.open(root)
    holder.index.backend.open()
    writer = holder.index.backend._whoosh_writer()  # held, as a long import holds it
    monkeypatch.setattr(whoosh_backend, "LOCK_TIMEOUT", 0.5)
    try:
        report = run_doctor(Workspace.open(root), extract_entities=False)
    finally:
        writer.cancel()
        holder.index.close()
    assert not report["ok"]
    assert any("busy" in problem and "again" in problem for problem in report["problems"])
    assert run_doctor(Workspace.open(root), extract_entities=False)["ok"]  # lock gone: repaired
