"""The keeping-track commands: star/unstar, read/unread, tag/untag, tags, note, notes, saved,
state terms in `search`, CSV lists; JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_helpers import run


def shipped(capsys: pytest.CaptureFixture[str], library: Path) -> tuple[str, str]:
    """(Bloomberg's id, the NYT's id): the shipped reports, newest first."""
    _, out, _ = run(capsys, library, "list", "--json")
    bloomberg, nyt = (item["id"] for item in json.loads(out))
    return bloomberg, nyt


def test_flags_and_tags(capsys, library: Path) -> None:
    bloomberg, nyt = shipped(capsys, library)
    code, out, _ = run(capsys, library, "star", bloomberg[:6], nyt, "--json")
    assert code == 0 and json.loads(out) == {"ids": [bloomberg, nyt], "starred": True}
    code, out, _ = run(capsys, library, "unstar", nyt)
    assert code == 0 and out.startswith(f"unstarred  {nyt}  ")
    assert run(capsys, library, "read", nyt)[0] == 0
    code, out, _ = run(capsys, library, "tag", nyt, "Korea", "summit", "--json")
    assert json.loads(out) == {"id": nyt, "tags": ["korea", "summit"]}
    run(capsys, library, "tag", bloomberg, "korea")
    code, out, _ = run(capsys, library, "untag", nyt, "summit")
    assert code == 0 and out.rstrip().endswith("tags: korea")
    code, out, _ = run(capsys, library, "tags", "--json")
    assert json.loads(out) == [{"tag": "korea", "articles": 2}]
    code, out, _ = run(capsys, library, "search", "is:starred", "--json")
    assert [hit["id"] for hit in json.loads(out)["hits"]] == [bloomberg]
    code, out, _ = run(capsys, library, "search", "kim", "tag:korea", "is:unread", "--json")
    assert code == 0 and [hit["id"] for hit in json.loads(out)["hits"]] == [bloomberg]
    assert run(capsys, library, "search", "is:starred", "is:read")[0] == 1


def test_bad_ids_tags_and_queries_are_one_line(capsys, library: Path) -> None:
    for args in (
        ("star", "nosuchid"),
        ("tag", "nosuchid", "x"),
        ("note", "nosuchid", "x"),
        ("search", "kim", "OR", "is:starred"),
        ("search", "is:fresh"),
    ):
        code, out, err = run(capsys, library, *args)
        assert code == 2 and err.count("\n") == 1 and err.startswith("kimreader: "), (args, err)
    _, nyt = shipped(capsys, library)
    code, _, err = run(capsys, library, "tag", nyt, "no:colons")
    assert code == 2 and "is not a tag" in err and err.count("\n") == 1


def test_notes_anchored_with_at_and_listed(capsys, library: Path) -> None:
    bloomberg, _ = shipped(capsys, library)
    code, out, _ = run(capsys, library, "note", bloomberg, "which wife?", "--at",
                       "accompanied by his  WIFE", "--json")  # fmt: skip
    note = json.loads(out)
    assert code == 0 and note["text"] == "which wife?"
    assert note["quote"].startswith("Kim was invited by Xi") and note["quote"].endswith("said.")
    run(capsys, library, "note", bloomberg, "follow this story")
    code, out, _ = run(capsys, library, "notes", bloomberg, "--json")
    first, second = json.loads(out)
    assert code == 0 and (first["id"], second["id"]) == (note["id"], note["id"] + 1)
    _, shown, _ = run(capsys, library, "show", bloomberg, "--json")
    start, end = first["span"]
    assert json.loads(shown)["body"][start:end] == note["quote"] and not first["lost"]
    assert second["span"] is None and second["quote"] == ""
    code, out, _ = run(capsys, library, "notes")
    assert code == 0 and out.count("note ") == 2 and "which wife?" in out
    code, _, err = run(capsys, library, "note", bloomberg, "x", "--at", "not in this report")
    assert code == 2 and "is not in the article" in err
    assert run(capsys, library, "search", "note:wife", "--json")[0] == 0
    code, out, _ = run(capsys, library, "notes", "--delete", str(note["id"]), "--json")
    assert code == 0 and json.loads(out)["deleted"]["text"] == "which wife?"
    code, _, err = run(capsys, library, "notes", "--delete", str(note["id"]))
    assert code == 2 and err.count("\n") == 1 and f"no note {note['id']}" in err
    assert run(capsys, library, "search", "note:wife")[0] == 1


def test_saved_searches_count_what_is_new(capsys, library: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, library, "saved", "add", "Kim", "kim", "is:unread")
    assert code == 0 and "(2 found)" in out
    code, out, _ = run(capsys, library, "saved", "list", "--json")
    (saved,) = json.loads(out)
    assert (saved["name"], saved["query"], saved["total"], saved["new"]) == (
        "Kim", "kim is:unread", 2, 0)  # fmt: skip
    extra = tmp_path / "extra.md"
    extra.write_text("---\ntitle: Kim again\n---\nKim went back to Beijing.\n", "utf-8")
    assert run(capsys, library, "add", "--no-entities", str(extra))[0] == 0
    code, out, _ = run(capsys, library, "saved", "list")
    assert code == 0 and out.startswith("Kim  (3 found, 1 new)  kim is:unread")
    code, out, _ = run(capsys, library, "saved", "run", "kim", "--json")
    assert code == 0 and json.loads(out)["total"] == 3
    _, out, _ = run(capsys, library, "saved", "list", "--json")
    assert json.loads(out)[0]["new"] == 0
    code, _, err = run(capsys, library, "saved", "run", "nope")
    assert code == 2 and "no saved search named 'nope'" in err
    code, out, _ = run(capsys, library, "saved", "remove", "Kim", "--json")
    assert code == 0 and json.loads(out)["removed"]["query"] == "kim is:unread"
    assert run(capsys, library, "saved", "list")[0] == 1


def test_lists_and_results_as_csv(capsys, library: Path) -> None:
    bloomberg, nyt = shipped(capsys, library)
    run(capsys, library, "star", nyt)
    run(capsys, library, "tag", nyt, "korea", "summit")
    code, out, _ = run(capsys, library, "list", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [row["id"] for row in rows] == [bloomberg, nyt]
    assert rows[1]["starred"] == "yes" and rows[1]["tags"] == "korea summit"
    assert rows[1]["authors"] == "Jane Perlez" and rows[0]["read"] == "no"
    code, out, _ = run(capsys, library, "search", "visit", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {row["id"] for row in rows} == {bloomberg, nyt}
    assert all(int(row["hits"]) > 0 and float(row["score"]) > 0 for row in rows)


def test_csv_cells_never_start_a_formula() -> None:
    from kimreader.corpus.library import CatalogEntry
    from kimreader.tui.export import entries_csv

    entry = CatalogEntry("x1", "=HYPERLINK(\"http://evil\")", "@src", ("-a",), "", "", "", "",
                         0, 0)  # fmt: skip
    (row,) = csv.DictReader(io.StringIO(entries_csv([entry])))
    assert row["title"].startswith("'=") and row["source"] == "'@src" and row["authors"] == "'-a"
