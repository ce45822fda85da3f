"""The reading state store: what it keeps, how notes find their passage again, the schema's
versions. (Crashes, concurrent writers, read-only and full disks: test_userstate_safety.py.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kimreader.corpus.userstate import (
    MIGRATIONS,
    SCHEMA_VERSION,
    STATE_FILE,
    StateError,
    UserState,
    locate,
    normalise_tag,
    place_notes,
)

BODY = (
    "Kim left Pyongyang on Monday. The talks began at noon.\n\n"
    "Officials said little. The talks began at noon, again, on the second day.\n"
)


@pytest.fixture
def state(tmp_path: Path) -> UserState:
    return UserState(tmp_path)


def test_a_new_library_has_no_state_and_no_file_until_a_change(state: UserState) -> None:
    assert state.snapshot().read == frozenset() and state.notes() == []
    assert state.saved_searches() == [] and state.all_tags() == {}
    state.set_read(["a1"])
    assert (state.root / STATE_FILE).is_file()


def test_flags_and_tags(state: UserState) -> None:
    state.set_read(["a1", "a2"])
    state.set_read(["a2"], False)
    state.set_starred(["a2"])
    assert state.add_tags("a1", ["Korea", "north korea", "korea"]) == ["korea", "north-korea",
                                                                       "korea"]  # fmt: skip
    state.add_tags("a2", ["korea"])
    state.remove_tags("a1", ["North Korea"])
    snap = state.snapshot()
    assert snap.read == {"a1"} and snap.starred == {"a2"}
    assert snap.tags == {"a1": ("korea",), "a2": ("korea",)}
    assert state.all_tags() == snap.all_tags() == {"korea": 2}
    assert state.tagged_ids("KOREA") == {"a1", "a2"} == snap.tagged("korea")
    assert state.is_read("a1") and not state.is_read("a2") and state.is_starred("a2")
    assert state.tags_of("a1") == ["korea"]


@pytest.mark.parametrize("bad", ["", "  ", "a:b", "-", "x" * 49, "tag!", "\x1b[31m"])
def test_tags_that_are_not_tags_are_refused_in_one_line(state: UserState, bad: str) -> None:
    with pytest.raises(StateError) as raised:
        state.add_tags("a1", [bad])
    assert "\n" not in str(raised.value) and "\x1b" not in str(raised.value)
    assert state.all_tags() == {}


def test_normalise_tag_keeps_letters_of_any_script() -> None:
    assert normalise_tag(" Präsident  Xi ") == "präsident-xi"
    assert normalise_tag("北朝鮮") == "北朝鮮"


def test_notes_on_passages_and_on_the_article(state: UserState) -> None:
    second = BODY.rindex("The talks began at noon")
    span = (second, second + len("The talks began at noon"))
    on_passage = state.add_note("a1", "  repeated \x1b[2J line ", body=BODY, span=span)
    on_article = state.add_note("a1", "worth a follow-up")
    assert on_passage.text == "repeated [2J line" and on_passage.quote == BODY[slice(*span)]
    assert [n.id for n in state.notes("a1")] == [on_passage.id, on_article.id]
    placed = place_notes(BODY, state.notes("a1"))
    assert [p.span for p in placed] == [span, None] and not any(p.lost for p in placed)
    state.edit_note(on_article.id, "done")
    assert state.note(on_article.id).text == "done"  # type: ignore[union-attr]
    state.delete_note(on_article.id)
    with pytest.raises(StateError):
        state.delete_note(on_article.id)
    assert state.noted_ids() == {"a1"} and state.snapshot().notes == {"a1": 1}
    with pytest.raises(StateError):
        state.add_note("a1", "x", body=BODY, span=(5, 500))


def test_a_note_finds_its_repeated_sentence_after_an_edit_before_it(state: UserState) -> None:
    """Anchored by text and its surroundings: the second of two equal sentences stays the
    second when text is added above it, and is found when only its spacing changed."""
    second = BODY.rindex("The talks began at noon")
    note = state.add_note("a1", "", body=BODY, span=(second, second + 23))
    edited = "A new first paragraph.\n\n" + BODY
    start = edited.rindex("The talks began at noon")
    assert locate(edited, note) == (start, start + 23)
    rewrapped = edited.replace("The talks began at noon, again", "The talks\nbegan  at noon, again")
    found = locate(rewrapped, note)
    assert found is not None and rewrapped[found[0] : found[1]] == "The talks\nbegan  at noon"


def test_a_note_whose_passage_is_gone_is_lost_never_dropped(state: UserState) -> None:
    start = BODY.index("Officials said little.")
    note = state.add_note("a1", "check this", body=BODY, span=(start, start + 22))
    rewritten = BODY.replace("Officials said little.", "Officials declined to comment.")
    (placed,) = place_notes(rewritten, state.notes("a1"))
    assert placed.lost and placed.note == note


def test_saved_searches_remember_what_they_found(state: UserState) -> None:
    state.save_search("Korea", "kim visit")
    state.save_search("Korea", "kim visit is:unread")  # same name: the query is replaced
    (saved,) = state.saved_searches()
    assert (saved.query, saved.opened, saved.seen) == ("kim visit is:unread", "", frozenset())
    state.mark_opened("Korea", ["a1", "a2"])
    state.mark_opened("Korea", ["a3"])
    saved = state.saved_search("korea")  # names are found whatever their case
    assert saved is not None and saved.seen == {"a1", "a2", "a3"} and saved.opened
    state.delete_saved_search("Korea")
    assert state.saved_searches() == []
    with pytest.raises(StateError):
        state.save_search("  ", "x")


def test_data_version_moves_when_another_process_writes(tmp_path: Path) -> None:
    mine, other = UserState(tmp_path), UserState(tmp_path)
    mine.set_read(["a1"])
    before = mine.data_version()
    other.set_starred(["a1"])
    assert mine.data_version() != before and mine.is_starred("a1")


# -- schema versions ----------------------------------------------------------------------------


def make_version(path: Path, version: int) -> sqlite3.Connection:
    """A state file as kimreader at schema `version` wrote it."""
    path.parent.mkdir(exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    for number in range(version):
        connection.executescript(MIGRATIONS[number])
    connection.execute(f"PRAGMA user_version = {version}")
    return connection


def test_a_state_from_version_1_is_upgraded_with_everything_in_it(tmp_path: Path) -> None:
    old = make_version(tmp_path / STATE_FILE, 1)
    old.executescript(
        """
        INSERT INTO read VALUES ('a1', '2026-01-01T00:00:00+00:00');
        INSERT INTO star VALUES ('a2', '2026-01-01T00:00:00+00:00');
        INSERT INTO tag VALUES ('a1', 'korea', '2026-01-01T00:00:00+00:00');
        INSERT INTO note (article_id, text, quote, prefix, suffix, start, created, updated)
            VALUES ('a1', 'mine', 'Kim left', '', ' Pyongyang', 0, 'c', 'u');
        INSERT INTO saved VALUES ('Korea', 'kim', 'c', 'o');
        INSERT INTO saved_seen VALUES ('Korea', 'a1');
        """
    )
    old.close()
    state = UserState(tmp_path)
    snap = state.snapshot()
    assert (snap.read, snap.starred, snap.tags) == ({"a1"}, {"a2"}, {"a1": ("korea",)})
    (note,) = state.notes("a1")
    assert (note.text, locate(BODY, note)) == ("mine", (0, 8))
    (saved,) = state.saved_searches()
    assert (saved.query, saved.seen) == ("kim", {"a1"})
    state.set_starred(["a3"])  # and it is writable at the current version
    version = sqlite3.connect(tmp_path / STATE_FILE).execute("PRAGMA user_version").fetchone()
    assert version == (SCHEMA_VERSION,)


def test_a_state_from_a_newer_kimreader_is_refused_and_left_alone(tmp_path: Path) -> None:
    make_version(tmp_path / STATE_FILE, SCHEMA_VERSION).execute(
        f"PRAGMA user_version = {SCHEMA_VERSION + 1}"
    )
    before = (tmp_path / STATE_FILE).read_bytes()
    with pytest.raises(StateError, match="newer kimreader"):
        UserState(tmp_path).snapshot()
    assert (tmp_path / STATE_FILE).read_bytes() == before


def test_a_damaged_state_file_is_one_line_and_kept(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).parent.mkdir()
    (tmp_path / STATE_FILE).write_bytes(b"this is not a database" * 100)
    with pytest.raises(StateError) as raised:
        UserState(tmp_path).set_read(["a1"])
    assert "\n" not in str(raised.value) and "state.sqlite" in str(raised.value)
    assert (tmp_path / STATE_FILE).read_bytes() == b"this is not a database" * 100


def test_the_cached_snapshot_follows_every_change_and_other_processes(tmp_path: Path) -> None:
    """After each change the snapshot (patched for this process's own writes, read again
    after another process's) is what a fresh read of the file gives."""
    import random

    mine, other = UserState(tmp_path), UserState(tmp_path)
    rng = random.Random(5)
    ids = [f"a{n}" for n in range(12)]
    notes: list[int] = []
    for step in range(300):
        writer = other if step % 7 == 0 else mine
        article_id = rng.choice(ids)
        kind = rng.randrange(6)
        if kind == 0:
            writer.set_read([article_id], rng.random() < 0.6)
        elif kind == 1:
            writer.set_starred(rng.sample(ids, 3), rng.random() < 0.5)
        elif kind == 2:
            writer.add_tags(article_id, [rng.choice(["korea", "china", "trade"])])
        elif kind == 3:
            writer.remove_tags(article_id, [rng.choice(["korea", "china"])])
        elif kind == 4:
            notes.append(writer.add_note(article_id, "n").id)
        elif notes:
            writer.delete_note(notes.pop(rng.randrange(len(notes))))
        if step % 3 == 0:
            fresh = UserState(tmp_path)
            assert mine.snapshot() == fresh.snapshot(), step
            fresh.close()


def test_writing_the_state_leaves_the_library_folder_unchanged(tmp_path: Path) -> None:
    """The app learns that articles arrived from the library folder's mtime: the state's own
    files (database, -wal, -shm) come and go in a folder of their own."""
    import os

    UserState(tmp_path).set_read(["a0"])
    before = os.stat(tmp_path).st_mtime_ns
    for number in range(1, 4):
        state = UserState(tmp_path)  # each opens and closes, as `kimreader star` does
        state.set_starred([f"a{number}"])
        state.close()
    assert os.stat(tmp_path).st_mtime_ns == before
    assert UserState(tmp_path).snapshot().starred == {"a1", "a2", "a3"}


def test_a_state_where_the_first_builds_kept_it_is_moved_with_its_wal(tmp_path: Path) -> None:
    from kimreader.corpus.userstate import OLD_STATE_FILE

    old = make_version(tmp_path / OLD_STATE_FILE, SCHEMA_VERSION)
    old.execute("INSERT INTO star VALUES ('a1', 'then')")  # still in the -wal: not closed
    state = UserState(tmp_path)
    assert state.is_starred("a1") and (tmp_path / STATE_FILE).is_file()
    assert not (tmp_path / OLD_STATE_FILE).exists()
    old.close()
