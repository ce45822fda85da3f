"""The command line as a shell user drives it: pipes, a mistyped --library, remove and restore,
add's exit codes and near-duplicates (each through a real subprocess)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kimreader.corpus.library import TRASH_DAYS, Library
from kimreader.corpus.userstate import UserState
from kimreader.index.workspace import Workspace


def kimreader(library: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kimreader.tui.cli", "--library", str(library), *args]
    return subprocess.run(command, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    made = kimreader(tmp_path / "lib", "init")
    assert made.returncode == 0 and "created a library" in made.stdout, made.stderr
    return tmp_path / "lib"


def ids(library: Path) -> dict[str, str]:
    """source -> id of each article."""
    listed = json.loads(kimreader(library, "list", "--json").stdout)
    return {item["source"]: item["id"] for item in listed}


# -- 11: pipes ------------------------------------------------------------------------------


def test_list_in_a_pipe_is_one_tab_separated_line_per_article(library: Path) -> None:
    listed = kimreader(library, "list")  # stdout is a pipe here
    lines = listed.stdout.splitlines()
    assert listed.returncode == 0 and len(lines) == 2
    cells = [line.split("\t") for line in lines]
    assert all(len(row) == 4 for row in cells)  # id, date, source, title
    assert cells[0][1:3] == ["2019-01-09", "Bloomberg (via The Straits Times)"]
    assert cells[1][3] == "Kim Returns to China, This Time With Leverage"
    assert not any(ch in listed.stdout for ch in "─│┃━\x1b")
    grepped = subprocess.run(["grep", "-i", "leverage"], input=listed.stdout, text=True,
                             capture_output=True)  # fmt: skip
    assert grepped.stdout.split("\t")[0] == ids(library)["The New York Times"]


def test_search_and_related_in_a_pipe(library: Path) -> None:
    # Block-buffered output, as in a user's shell (a search leaves without Python's teardown:
    # what it wrote must be flushed first).
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    found = kimreader(library, "search", "visit", env=buffered)
    rows = [line.split("\t") for line in found.stdout.splitlines()]
    assert found.returncode == 0 and len(rows) == 2 and all(len(row) == 7 for row in rows)
    related = kimreader(library, "related", rows[0][0])
    assert related.returncode == 0 and related.stdout.count("\t") == 4


def test_compare_in_a_pipe_has_no_escapes_and_a_fixed_width(library: Path) -> None:
    articles = ids(library)
    compared = kimreader(
        library,
        "compare",
        articles["The New York Times"],
        articles["Bloomberg (via The Straits Times)"],
    )
    assert compared.returncode == 0 and "\x1b" not in compared.stdout
    assert max(len(line) for line in compared.stdout.splitlines()) <= 100
    assert not [line for line in compared.stdout.splitlines() if line.endswith(" ")]


@pytest.mark.parametrize("command", [["list"], ["search", "kim"], ["tags"]])
def test_a_pipe_closed_early_stops_kimreader_quietly(library: Path, command: list[str]) -> None:
    """`kimreader list | head -1`: the reader of the pipe is gone before kimreader writes."""
    if command == ["tags"]:
        kimreader(library, "tag", ids(library)["The New York Times"], "korea")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kimreader.tui.cli", "--library", str(library), *command],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""  # not "kimreader: [Errno 32] Broken pipe"
    assert done.returncode != 0


def test_library_and_engine_may_follow_the_command(tmp_path: Path) -> None:
    typo = tmp_path / "nonexistent"
    after = subprocess.run(
        [sys.executable, "-m", "kimreader.tui.cli", "list", "--library", str(typo)],
        capture_output=True,
        text=True,
    )
    assert after.returncode == 2 and after.stderr.startswith(f"kimreader: {typo}: no library")
    made = kimreader(tmp_path / "lib", "init")  # --library before the command, as ever
    assert made.returncode == 0
    listed = subprocess.run(
        [sys.executable, "-m", "kimreader.tui.cli", "list", "--library", str(tmp_path / "lib")],
        capture_output=True,
        text=True,
    )
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 2


# -- 12: a mistyped --library ------------------------------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["search", "kim"], ["doctor"], ["show", "abcd"], []])
def test_a_missing_library_is_an_error_naming_the_path(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "nonexistent" / "x"
    done = kimreader(typo, *command, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stderr.startswith(f"kimreader: {typo}: no library here")
    assert done.stderr.count("\n") == 1 and not (tmp_path / "nonexistent").exists()


def test_only_add_and_init_create_a_library(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: A note\n---\nSome text about harbours.\n")
    assert kimreader(tmp_path / "a", "add", "--no-entities", str(note)).returncode == 0
    assert kimreader(tmp_path / "a", "list").returncode == 0
    assert kimreader(tmp_path / "b", "init", "--empty").returncode == 0
    assert kimreader(tmp_path / "b", "list").returncode == 1  # a library, with nothing in it
    again = kimreader(tmp_path / "b", "init")
    assert again.returncode == 1 and "already a library" in again.stdout


# -- 13: remove -----------------------------------------------------------------------------


def test_remove_needs_four_characters_and_an_unambiguous_prefix(library: Path) -> None:
    nyt = ids(library)["The New York Times"]
    short = kimreader(library, "remove", nyt[:1], "--yes")
    assert short.returncode == 2 and "at least 4 characters" in short.stderr
    missing = kimreader(library, "remove", "zzzzzz", "--yes")
    assert missing.returncode == 2 and "no such article" in missing.stderr
    assert len(ids(library)) == 2


def test_remove_asks_on_a_terminal(library: Path) -> None:
    nyt = ids(library)["The New York Times"]
    for answer, code, kept in (("n\n", 1, 2), ("y\n", 0, 1)):
        controller, terminal = pty.openpty()
        process = subprocess.Popen(
            [sys.executable, "-m", "kimreader.tui.cli", "--library", str(library), "remove", nyt],
            stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        os.write(controller, answer.encode())
        out, err = process.communicate(timeout=120)
        os.close(controller)
        os.close(terminal)
        assert process.returncode == code and "[y/N]" in err, (out, err)
        assert len(ids(library)) == kept


def test_removed_articles_go_to_the_trash_and_come_back(library: Path) -> None:
    nyt = ids(library)["The New York Times"]
    removed = kimreader(library, "remove", nyt[:6], "--yes")
    assert removed.returncode == 0 and f"kimreader restore {nyt}" in removed.stdout
    assert (library / "trash" / f"{nyt}.md").is_file()
    assert kimreader(library, "search", "title:leverage").returncode == 1
    restored = kimreader(library, "restore")
    assert restored.returncode == 0 and restored.stdout.startswith(f"restored {nyt}")
    assert kimreader(library, "search", "title:leverage").returncode == 0
    assert kimreader(library, "search", 'person:"Xi Jinping" leverage').returncode == 0
    entities = json.loads(kimreader(library, "entities", nyt, "--json").stdout)["entities"]
    assert any(e["name"] == "Xi Jinping" for e in entities)
    # stored as current: nothing left for the background work to redo
    assert Workspace(Library(library)).missing_entities() == []


def test_doctor_empties_the_trash_after_a_while(library: Path) -> None:
    """...and keeps the reader's notes, tags and stars of what it deleted, saying so."""
    bloomberg = ids(library)["Bloomberg (via The Straits Times)"]
    for command in (["star", bloomberg], ["tag", bloomberg, "korea"], ["note", bloomberg, "Xi"]):
        assert kimreader(library, *command).returncode == 0
    assert kimreader(library, "remove", bloomberg, "--yes").returncode == 0
    doctor = kimreader(library, "doctor")
    assert "kept for 'kimreader restore'" in doctor.stdout and "kept the notes" not in doctor.stdout
    trashed = library / "trash" / f"{bloomberg}.md"
    old = time.time() - (TRASH_DAYS + 1) * 86400
    os.utime(trashed, (old, old))
    doctor = kimreader(library, "doctor")
    assert f"deleted {bloomberg} from the trash" in doctor.stdout and not trashed.exists()
    state = library / "userstate" / "state.sqlite"
    kept = f"note: kept the notes, tags and stars of 1 deleted article(s) in {state}"
    assert kept in doctor.stdout and doctor.returncode == 0
    state = UserState(library)  # all still there
    assert [note.article_id for note in state.notes()] == [bloomberg]
    assert bloomberg in state.snapshot().starred and state.snapshot().tags[bloomberg] == ("korea",)


# -- 14: add ------------------------------------------------------------------------------------


def test_add_exit_codes_some_or_all_failed(library: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("---\ntitle: Good\n---\nA body about the harbour strike.\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    some = kimreader(library, "add", "--no-entities", str(good), str(empty))
    assert some.returncode == 1 and some.stderr.count("\n") == 1 and "empty.txt" in some.stderr
    assert kimreader(library, "add", "--no-entities", str(empty)).returncode == 2


def test_a_page_and_its_saved_copy_are_near_duplicates(
    library: Path, tmp_path: Path, shared_dir: Path
) -> None:
    pages = shared_dir / "testdata/mozilla-readability/test/test-pages"
    html = (pages / "nytimes-2" / "source.html").read_text(encoding="utf-8")
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "page.html").write_text(html, encoding="utf-8")
    # A browser's saved copy: the text re-flowed, links made absolute, an ad block kept.
    saved = (
        html.replace("</p>", "</p>\n\n   ")
        .replace('href="/', 'href="https://www.nytimes.com/')
        .replace("<p>", "<p>Advertisement</p><p>", 1)
    )
    (folder / "page (1).html").write_text(saved, encoding="utf-8")
    added = kimreader(library, "add", "--no-entities", str(folder))
    assert added.returncode == 0
    assert "added 1," in added.stdout and "duplicates 1" in added.stdout
    assert "page (1).html" in added.stdout or "page.html" in added.stdout
    again = kimreader(library, "add", "--no-entities", str(folder / "page (1).html"))
    assert "duplicates 1" in again.stdout or "unchanged 1" in again.stdout


# -- entities pending (#14): an entity search or listing says it may be incomplete ----------


def test_entity_search_and_listing_say_when_entities_are_pending(
    library: Path, tmp_path: Path
) -> None:
    note = tmp_path / "visit.md"
    note.write_text("# Xi in Pyongyang\n\nXi Jinping met Kim Jong Un in Pyongyang on Thursday.\n")
    assert kimreader(library, "add", "--no-entities", str(note)).returncode == 0

    found = kimreader(library, "search", 'person:"Kim Jong Un"', "--json")
    before = json.loads(found.stdout)["total"]
    assert found.returncode == 3  # partial: the new article's entities are not extracted yet
    assert "entities pending for 1 of 3 articles: may be incomplete" in found.stderr
    listed = kimreader(library, "entities", "--all", "--json")
    assert json.loads(listed.stdout)["pending"] == 1
    assert "entities pending for 1 article(s)" in listed.stderr
    words = kimreader(library, "search", "Pyongyang")
    assert words.returncode == 0 and "pending" not in words.stderr  # words are all indexed

    assert kimreader(library, "doctor").returncode == 0  # extracts what is pending
    found = kimreader(library, "search", 'person:"Kim Jong Un"', "--json")
    assert found.returncode == 0 and "pending" not in found.stderr
    assert json.loads(found.stdout)["total"] == before + 1  # the new article, once extracted
    assert json.loads(kimreader(library, "entities", "--all", "--json").stdout)["pending"] == 0
