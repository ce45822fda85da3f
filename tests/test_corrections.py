"""Entity corrections: applied library-wide, stored as user data, made from the CLI, undone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
    code, out, _ = run(capsys, library, "search", "--json", 'person:"Xi the Leader"')
    assert code == 0 and len(json.loads(out)["hits"]) == 2

    assert run(capsys, library, "entity", "undo")[0] == 0
    assert run(capsys, library, "entity", "undo")[0] == 0
    assert run(capsys, library, "entity", "undo")[0] == 1  # nothing left
    assert run(capsys, library, "search", 'person:"Xi the Leader"')[0] == 1
    code, _, err = run(capsys, library, "entity", "merge", "Xi", "person:Xi Jinping")
    assert code == 2 and "TYPE:NAME" in err


async def test_sidebar_keys_hide_retype_rename_merge_and_undo(library: Path) -> None:
    from app_helpers import make_app, started, wait_until

    from kimreader.tui.screens.track_popups import InputScreen

    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await pilot.press("l", "l")
        sidebar = main.sidebar
        first = sidebar.highlighted_entity
        assert first is not None and first.name == "Kim Jong Un"

        def names() -> set[str]:
            return {e.name for e in sidebar.entities}

        await pilot.press("X")
        await wait_until(pilot, lambda: "Kim Jong Un" not in names(), "hidden")
        assert load_corrections(library)[-1] == Correction("hide", "person", "Kim Jong Un")
        await pilot.press("Z")
        await wait_until(pilot, lambda: "Kim Jong Un" in names(), "undone")

        await pilot.press("j")  # Donald Trump
        await pilot.press("E")
        assert isinstance(app.screen, InputScreen)
        await pilot.press(*"Jr", "enter")  # appended to the name shown in the prompt
        await wait_until(pilot, lambda: "Donald TrumpJr" in names(), "renamed")
        assert "Donald TrumpJr" in {e.name for e in Workspace.open(library).entities(main.article)}

        trump = next(e for e in sidebar.entities if e.name == "Donald TrumpJr")
        sidebar.highlighted = sidebar.get_option_index(str(sidebar.entities.index(trump)))
        await pilot.press("T")
        await wait_until(
            pilot,
            lambda: any(e.name == trump.name and e.type == "org" for e in sidebar.entities),
            "retyped",
        )
        await pilot.press("Z", "Z")
        await wait_until(pilot, lambda: "Donald Trump" in names(), "both undone")

        places = [e for e in sidebar.entities if e.type == "place"]
        source, target = places[-1], places[0]
        for entity in (source, target):
            index = sidebar.entities.index(entity)
            sidebar.highlighted = sidebar.get_option_index(str(index))
            await pilot.press("M")
        await wait_until(pilot, lambda: source.name not in names(), "merged")
        merged = next(e for e in sidebar.entities if e.name == target.name)
        assert set(source.mentions) <= set(merged.mentions)


DAMAGED = {
    "a truncated write": '{"corrections": [{"action": "hide", "type": "pla',
    "the wrong shape": '[{"action": "hide", "type": "place", "name": "Asia"}]\n',
    "a bad correction": '{"corrections": [{"action": "hide", "type": "places", "name": "Asia"}]}',
}


@pytest.mark.parametrize("damage", DAMAGED)
def test_a_damaged_corrections_file_is_one_line_and_left_as_it_is(
    capsys: pytest.CaptureFixture[str], library: Path, damage: str
) -> None:
    """A corrections file damaged by hand: doctor names it as a problem and goes on with its
    other checks; reindex and search stop with one line naming it (the index holds corrected
    entities), never an internal error; nothing rewrites it; fixing it makes all work again."""
    path = corrections_path(library)
    path.write_text(DAMAGED[damage], "utf-8")
    code, out, _ = run(capsys, library, "doctor")
    problems = [line for line in out.splitlines() if line.startswith("problem:")]
    assert code == 1 and len(problems) == 1 and str(path) in problems[0]
    assert "articles: 2 readable" in out  # the other checks went on
    for command in (["reindex"], ["search", "Kim"], ["search", "place:Asia"]):
        code, out, err = run(capsys, library, *command)
        assert code == 2 and not out and err.count("\n") == 1, command
        assert err.startswith(f"kimreader: {path}: ") and "internal error" not in err, err
    assert run(capsys, library, "entity", "hide", "place:Asia")[0] == 2
    assert path.read_text("utf-8") == DAMAGED[damage]  # the user's file, as the user left it

    rename = {"action": "rename", "type": "person", "name": "Xi Jinping", "to_name": "Xi Two"}
    path.write_text(json.dumps({"corrections": [rename]}), "utf-8")
    assert run(capsys, library, "search", "Kim")[0] == 0
    code, out, _ = run(capsys, library, "search", "--json", 'person:"Xi Two"')
    assert code == 0 and len(json.loads(out)["hits"]) == 2  # the fixed file applies
    code, out, _ = run(capsys, library, "doctor")
    assert code == 0 and "problem:" not in out
    code, out, _ = run(capsys, library, "reindex")
    assert code == 0 and out.startswith("indexed 2 articles")


async def test_the_app_reads_on_with_a_damaged_corrections_file(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app opens the article with its entities as extracted and says why the corrections
    are not applied (the index, which holds corrected entities, waits for the fix)."""
    from app_helpers import main_screen, make_app, wait_until

    from kimreader.tui.widgets.status_line import StatusLine

    said: list[str] = []  # every status message: the index's failure may cover the article's
    say = StatusLine.say

    def recorded(self: StatusLine, message: str, kind: str = "info") -> None:
        said.append(message)
        say(self, message, kind)

    monkeypatch.setattr(StatusLine, "say", recorded)
    path = corrections_path(library)
    path.write_text(DAMAGED["a truncated write"], "utf-8")
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = main_screen(app)
        await wait_until(pilot, lambda: any("cannot open the index" in s for s in said), "index")
        await wait_until(pilot, lambda: main.article is not None, "the first article")
        assert "Kim Jong Un" in {e.name for e in main.sidebar.entities}
    assert f"entity corrections not applied: {path}: not valid JSON" in " ".join(said)
    index = next(line for line in said if "cannot open the index" in line)
    assert str(path) in index and "CorrectionError" not in index
    assert path.read_text("utf-8") == DAMAGED["a truncated write"]


def entity_names(comparison: str) -> set[str]:
    """Every entity name in a `compare --json` (shared, only in A, only in B)."""
    entities = json.loads(comparison)["entities"]
    return {e["name"] for part in ("shared", "only_a", "only_b") for e in entities[part]}


def test_compare_and_entities_read_on_as_extracted_with_a_damaged_corrections_file(
    capsys: pytest.CaptureFixture[str], library: Path
) -> None:
    """`compare` and `entities` show the entities as extracted, with one line on stderr naming
    the file and what is wrong (the comparison had no entities, silently); once the file is
    fixed, the corrections apply again. The file is left as the user wrote it."""
    path = corrections_path(library)
    hide = json.dumps(
        {"corrections": [{"action": "hide", "type": "person", "name": "Kim Jong Un"}]}
    )
    path.write_text(hide, "utf-8")
    _, out, _ = run(capsys, library, "list", "--json")
    ids = [item["id"] for item in json.loads(out)]
    code, out, err = run(capsys, library, "compare", *ids, "--json")
    assert code == 0 and not err and "Kim Jong Un" not in entity_names(out)

    path.write_text(DAMAGED["a truncated write"], "utf-8")
    line = f"kimreader: entity corrections not applied: {path}: not valid JSON"
    code, out, err = run(capsys, library, "compare", *ids, "--json")
    assert code == 0 and err.startswith(line) and err.count("\n") == 1, err
    assert {"Kim Jong Un", "Donald Trump"} <= entity_names(out)  # as extracted
    for command in (["compare", *ids], ["entities", ids[0], "--json"], ["entities", "--all"]):
        code, out, err = run(capsys, library, *command)
        assert code == 0 and "Kim Jong Un" in out, command
        assert err.startswith(line) and err.count("\n") == 1 and "Traceback" not in err, err
    assert path.read_text("utf-8") == DAMAGED["a truncated write"]

    path.write_text(hide, "utf-8")  # fixed: the corrections apply again, and nothing is said
    code, out, err = run(capsys, library, "compare", *ids, "--json")
    assert code == 0 and not err and "Kim Jong Un" not in entity_names(out)
    assert "Donald Trump" in entity_names(out)


def test_compare_documents_say_the_corrections_were_not_applied_and_why(
    capsys: pytest.CaptureFixture[str], library: Path
) -> None:
    """A damaged corrections file: `compare --json` carries "entity_corrections" (not applied,
    and the file and what is wrong), and the Markdown, HTML and JSON exports say it too (only
    stderr did: a script reading stdout, or an exported file, showed entities as extracted as
    if corrected); so does `entities --json`. Fixed, the field and the line are gone."""
    path = corrections_path(library)
    path.write_text(DAMAGED["the wrong shape"], "utf-8")
    _, out, _ = run(capsys, library, "list", "--json")
    ids = [item["id"] for item in json.loads(out)]
    code, out, _ = run(capsys, library, "compare", *ids, "--json")
    field = json.loads(out)["entity_corrections"]
    assert code == 0 and field["applied"] is False
    assert field["problem"].startswith(f"{path}: not a corrections file"), field
    code, out, _ = run(capsys, library, "compare", *ids, "--format", "json")
    assert json.loads(out)["entity_corrections"] == field
    for command in (["entities", ids[0], "--json"], ["entities", "--all", "--json"]):
        code, out, _ = run(capsys, library, *command)
        assert code == 0 and json.loads(out)["entity_corrections"] == field, command
    for fmt in ("md", "html"):
        code, out, _ = run(capsys, library, "compare", *ids, "--format", fmt)
        assert code == 0 and "entity corrections not applied: " in out, fmt
        assert "not a corrections file" in out and "lib" in out, fmt  # the path, escaped

    path.write_text(json.dumps({"corrections": []}), "utf-8")
    code, out, _ = run(capsys, library, "compare", *ids, "--json")
    assert code == 0 and "entity_corrections" not in json.loads(out)
    code, out, _ = run(capsys, library, "entities", "--all", "--json")
    assert code == 0 and "entity_corrections" not in json.loads(out)
    code, out, _ = run(capsys, library, "compare", *ids, "--format", "md")
    assert code == 0 and "corrections" not in out


def test_an_operation_over_many_articles_reads_the_corrections_file_once(
    capsys: pytest.CaptureFixture[str], library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """reindex, the library's entity list and an entity search read the corrections file once
    each at most, whether it is sound or damaged (they read it once per article: a damaged file was
    read and parsed again for every article, a sound one stat'ed twice per article)."""
    from kimreader.analysis import corrections

    path = corrections_path(library)
    reads: list[str] = []

    def counting(original: Any) -> Any:
        def counted(self: Path, *args: Any, **kwargs: Any) -> Any:
            if self.name == path.name:
                reads.append(self.name)
            return original(self, *args, **kwargs)

        return counted

    for method in ("read_text", "read_bytes"):
        monkeypatch.setattr(Path, method, counting(getattr(Path, method)))

    hide = {"corrections": [{"action": "hide", "type": "place", "name": "Asia"}]}
    commands = (["reindex"], ["entities", "--all", "--json"], ["search", "place:Asia"])
    for content in (json.dumps(hide), DAMAGED["a truncated write"]):
        path.write_text(content, "utf-8")
        for command in commands:
            corrections._cached.cache_clear()  # as if the file had just changed
            reads.clear()
            code, _, err = run(capsys, library, *command)
            assert code in (0, 2) and "internal error" not in err, (command, err)
            assert len(reads) <= 1, (command, content, len(reads))


async def test_the_compare_screen_says_why_its_entities_are_as_extracted(library: Path) -> None:
    """A damaged corrections file: the compare screen shows the entities as extracted and says
    why on its status line (it showed none, silently); fixed, the next comparison (a swap)
    applies the corrections and says nothing of them."""
    from app_helpers import main_screen, make_app, wait_until

    from kimreader.tui.compare_pieces import plain_text
    from kimreader.tui.screens.compare import CompareScreen

    path = corrections_path(library)
    path.write_text(DAMAGED["a bad correction"], "utf-8")
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = main_screen(app)
        await wait_until(pilot, lambda: main.article is not None, "the first article")
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), "compare")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_until(pilot, lambda: screen.comparison is not None, "the comparison")

        def entities() -> str:
            return plain_text(screen.section("entities").section, 100)

        assert screen.status.kind == "error"
        assert screen.status.message.startswith(f"entity corrections not applied: {path}: ")
        assert "Kim Jong Un" in entities() and "Xi Jinping" in entities()  # as extracted

        hide = {"action": "hide", "type": "person", "name": "Xi Jinping"}
        path.write_text(json.dumps({"corrections": [hide]}), "utf-8")
        await pilot.press("s")
        await wait_until(pilot, lambda: "Xi Jinping" not in entities(), "corrections applied")
        assert "Kim Jong Un" in entities() and "corrections" not in screen.status.message
