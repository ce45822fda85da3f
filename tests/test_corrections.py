"""Entity corrections: applied library-wide, stored as user data, made from the CLI, undone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kimreader.analysis.corrections import (
    Correction,
    CorrectionError,
    apply_corrections,
    corrections_path,
    load_corrections,
    parse_target,
)
from kimreader.analysis.entity import Entity
from kimreader.index.doctor import run_doctor
from kimreader.index.workspace import Workspace
from kimreader.tui.cli import main

OBAMA = Entity("Barack Obama", "person", ("Barack Obama", "Obama"), ((0, 12), (20, 25)))
SHORT = Entity("Obama", "org", ("Obama",), ((40, 45),))
JUNK = Entity("Photo", "org", ("Photo",), ((50, 55),))


def test_each_action_applies_to_every_spelling_of_the_entity() -> None:
    renamed = apply_corrections([OBAMA], [Correction("rename", "person", "Obama", to_name="B.O.")])
    assert renamed[0].name == "B.O." and "Barack Obama" in renamed[0].aliases
    retyped = apply_corrections([SHORT], [Correction("type", "org", "Obama", to_type="person")])
    assert retyped[0].type == "person"
    assert apply_corrections([OBAMA, JUNK], [Correction("hide", "org", "Photo")]) == [OBAMA]
    merge = Correction("merge", "org", "Obama", to_name="Barack Obama", to_type="person")
    merged = apply_corrections([OBAMA, SHORT], [merge])
    assert len(merged) == 1 and merged[0].mentions == ((0, 12), (20, 25), (40, 45))
    alone = apply_corrections([SHORT], [merge])  # the target is named in another article
    assert alone[0].name == "Barack Obama" and alone[0].type == "person"


def test_bad_corrections_are_one_clear_line() -> None:
    with pytest.raises(CorrectionError, match="TYPE:NAME"):
        parse_target("Obama")
    with pytest.raises(CorrectionError, match="unknown entity type"):
        parse_target("people:Obama")
    with pytest.raises(CorrectionError, match="target name"):
        Correction("rename", "person", "Obama").check()


def run(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(library), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_corrections_apply_everywhere_and_survive_reindex_and_doctor(
    capsys: pytest.CaptureFixture[str], library: Path
) -> None:
    code, out, _ = run(capsys, library, "entity", "rename", "person:Xi Jinping", "Xi the Leader")
    assert code == 0 and "2 article(s) re-indexed" in out
    assert run(capsys, library, "entity", "hide", "place:Asia")[0] == 0
    stored = json.loads(corrections_path(library).read_text("utf-8"))
    assert [c["action"] for c in stored["corrections"]] == ["rename", "hide"]  # readable file

    code, out, _ = run(capsys, library, "entities", "--all", "--json")
    names = {(e["type"], e["name"]) for e in json.loads(out)["entities"]}
    assert ("person", "Xi the Leader") in names and ("place", "Asia") not in names
    assert run(capsys, library, "search", 'person:"Xi the Leader"')[0] == 0

    workspace = Workspace.open(library)
    workspace.index.rebuild()
    run_doctor(workspace)
    workspace.index.close()
    assert len(load_corrections(library)) == 2
    code, out, _ = run(capsys, library, "search", 'person:"Xi the Leader"')
    assert code == 0 and "2 found" in out

    assert run(capsys, library, "entity", "undo")[0] == 0
    assert run(capsys, library, "entity", "undo")[0] == 0
    assert run(capsys, library, "entity", "undo")[0] == 1  # nothing left
    assert run(capsys, library, "search", 'person:"Xi the Leader"')[0] == 1
    code, _, err = run(capsys, library, "entity", "merge", "Xi", "person:Xi Jinping")
    assert code == 2 and "TYPE:NAME" in err
