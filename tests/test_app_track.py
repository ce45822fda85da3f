"""Pilot tests of keeping track in the app: read state, stars, tags with completion, notes on
sentences, unread only / next unread, saved searches, export; marks in the list and reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import BLOOMBERG_TITLE, NYT_TITLE, make_app, search, started, wait_until
from textual.widgets import Input

from kimreader.corpus.frontmatter import parse_front_matter
from kimreader.corpus.userstate import UserState
from kimreader.tui.screens import track
from kimreader.tui.screens.track_popups import (
    InputScreen,
    NoteScreen,
    NotesScreen,
    SavedScreen,
)


@pytest.fixture(autouse=True)
def quick_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(track, "READ_AFTER_SECONDS", 0.2)


def unread(main, index: int) -> bool:  # noqa: ANN001 - the main screen
    return main.articles.is_unread(index)


def starred(main, index: int) -> bool:  # noqa: ANN001
    return main.articles.rows[index].id in main.articles.marks.starred


def header_marks(main) -> str:  # noqa: ANN001 - the main screen
    reader = main.reader
    return " ".join(b.text for b in reader._blocks if b.styles and b.styles[0][2] == "marks")


async def test_an_article_opened_for_a_moment_is_read_and_u_toggles_it(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        first = main.articles.rows[0]
        assert first.title == BLOOMBERG_TITLE and main.article.id == first.id
        await pilot.pause(0.4)  # shown by the app at start, not opened by the reader: unread
        assert unread(main, 0) and header_marks(main) == "unread"
        main.set_focus(main.articles)
        await pilot.press("enter")
        await wait_until(pilot, lambda: not unread(main, 0), "read after a moment")
        assert UserState(library).is_read(first.id)
        assert header_marks(main) == "read"
        assert unread(main, 1)  # the other one was never opened
        await pilot.press("u")
        assert unread(main, 0) and not UserState(library).is_read(first.id)
        assert header_marks(main) == "unread" and main.status.message.startswith("marked unread")
        main.open_article(first.id)  # shown again by the app (its entities came, say)
        await pilot.pause(0.4)  # the reader chose "unread": it is not marked read again
        assert unread(main, 0) and header_marks(main) == "unread"


async def test_the_first_result_of_a_search_stays_unread_and_is_unread_holds(
    library: Path,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        bloomberg = main.articles.rows[0].id
        await search(pilot, "kim")
        await pilot.pause(0.4)
        assert not UserState(library).is_read(bloomberg)  # listed first and shown, not opened
        UserState(library).set_read([bloomberg])
        await pilot.press("escape")
        await pilot.press("/", *"kim is:unread", "enter")  # words and a state term, as typed
        typed = "kim is:unread"  # ("kim is:" on the way is an error the status line shows)
        await wait_until(pilot, lambda: main.listing.query == typed and main.listing.result,
                         "the results")  # fmt: skip
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert [r.title for r in main.articles.rows] == [NYT_TITLE]


async def test_star_and_tags_show_in_the_list_and_the_reader(library: Path) -> None:
    state = UserState(library)
    state.add_tags("elsewhere", ["korea", "kim-visits"])  # tags in use, for completion
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        article_id = main.article.id
        await pilot.press("asterisk")
        assert starred(main, 0) and state.is_starred(article_id)
        assert header_marks(main).startswith("★ starred")
        await pilot.press("t")
        assert isinstance(app.screen, InputScreen)
        await pilot.press("k", "o", "right", "space", "s", "u", "m", "m", "i", "t", "enter")
        assert state.tags_of(article_id) == ["korea", "summit"]
        assert main.articles.marks.tags[main.articles.rows[0].id] == ("korea", "summit")
        assert "#korea · #summit" in header_marks(main)
        await pilot.press("t")
        value = app.screen.query_one(Input).value
        assert value == "korea summit"
        await pilot.press(*["backspace"] * len(" summit"), "enter")  # remove one
        assert state.tags_of(article_id) == ["korea"]
        await pilot.press("asterisk", "t", "escape")  # unstar; Esc changes nothing
        assert not state.is_starred(article_id) and state.tags_of(article_id) == ["korea"]
        await pilot.press("t", *"bad:tag", "enter")
        assert "is not a tag" in main.status.message and main.status.kind == "error"


async def test_a_note_marks_the_current_hits_sentence_and_notes_jump_back(
    library: Path,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await search(pilot, "accompanied")
        article = main.article
        assert article is not None and main.reader.current_hit is not None
        await pilot.press("enter", "a")  # to the list, then mark
        screen = app.screen
        assert isinstance(screen, NoteScreen)
        assert screen.sentence.text.startswith("Kim was invited by Xi and accompanied")
        await pilot.press("down", "up", *"which wife?", "enter")
        (note,) = UserState(library).notes(article.id)
        assert note.quote.startswith("Kim was invited by Xi") and note.text == "which wife?"
        start = article.body.index(note.quote)
        assert main.reader._highlight_marks.spans == [(start, start + len(note.quote))]
        assert "1 note" in header_marks(main)
        await pilot.press("a", "down", "enter")  # the next sentence, without a note
        assert len(UserState(library).notes(article.id)) == 2
        await pilot.press("g", "A")  # back to the top, then the list of notes
        assert isinstance(app.screen, NotesScreen) and len(app.screen.notes) == 2
        await pilot.press("enter")
        await pilot.pause()
        assert main.reader.text_layout.line_of("body", start) in range(
            main.reader.scroll_offset.y, main.reader.scroll_offset.y + 30
        )
        await pilot.press("A", "j", "d")  # d once only warns
        assert len(UserState(library).notes(article.id)) == 2
        await pilot.press("d", "escape")
        assert [n.text for n in UserState(library).notes(article.id)] == ["which wife?"]
        assert "1 note" in header_marks(main)


async def test_unread_only_and_next_unread(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(track, "READ_AFTER_SECONDS", 1000)  # only what the test marks is read
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await pilot.press("u")  # the open article (Bloomberg's, the newest) is read
        await pilot.press("U")
        await wait_until(pilot, lambda: main.query_text == "is:unread", "the unread listing")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert [r.title for r in main.articles.rows] == [NYT_TITLE]
        assert main.search_bar.value == "is:unread"
        await pilot.press("U")  # and back
        await wait_until(pilot, lambda: len(main.articles.rows) == 2, "the whole library")
        await pilot.press("g", "greater_than_sign")
        assert main.articles.current.title == NYT_TITLE
        await wait_until(pilot, lambda: main.article.title == NYT_TITLE, "the next unread")
        await pilot.press("u", "greater_than_sign")  # none left
        assert main.status.message == "no other unread article in the list"


async def test_saved_searches_are_saved_listed_with_counts_and_run(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await search(pilot, "trump")
        await pilot.press("escape", "b")
        assert isinstance(app.screen, InputScreen)
        await pilot.press(*["backspace"] * 10, *"Trump", "enter")
        (saved,) = UserState(library).saved_searches()
        assert (saved.name, saved.query, len(saved.seen)) == ("Trump", "trump", 2)
        await pilot.press("B")
        screen = app.screen
        assert isinstance(screen, SavedScreen)
        await wait_until(pilot, lambda: screen.rows, "the counts")
        assert (screen.rows[0].count.total, screen.rows[0].count.new) == (2, 0)
        await pilot.press("enter")
        await wait_until(pilot, lambda: main.query_text == "trump", "the saved search run")
        assert main.search_bar.value == "trump"


async def test_x_exports_the_open_article_with_its_notes(library: Path, tmp_path: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        UserState(library).add_note(main.article.id, "remember this")
        await pilot.press("x")
        assert isinstance(app.screen, InputScreen)
        field = app.screen.query_one(Input)
        field.value = str(tmp_path / "out")
        await pilot.press("enter")
        (written,) = (tmp_path / "out").glob("*.md")
        meta, body = parse_front_matter(written.read_text(encoding="utf-8"))
        assert meta["title"] == BLOOMBERG_TITLE and "remember this" in body
        assert main.status.message.startswith("exported 1 article(s) to ")


async def test_marks_written_by_another_process_show_on_the_next_poll(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        other = main.articles.rows[1]
        UserState(library).set_starred([other.id])  # e.g. `kimreader star` in another terminal
        main.check_library_changed()
        await pilot.pause()
        assert starred(main, 1)


async def test_the_palette_stars_and_runs_a_saved_search(library: Path) -> None:
    from test_app import palette

    UserState(library).save_search("Leverage", "leverage")
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await palette(pilot, "star / unstar", "Star / unstar")
        await wait_until(pilot, lambda: starred(main, 0), "the star")
        await palette(pilot, "saved search leverage", "Saved search: Leverage")
        await wait_until(pilot, lambda: main.query_text == "leverage", "the saved search")
        (saved,) = UserState(library).saved_searches()
        assert saved.seen == {row.id for row in main.articles.rows} and saved.opened


async def test_x_on_the_compare_screen_writes_the_comparison(library: Path, tmp_path: Path) -> None:
    from test_compare_screen import open_compare

    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, InputScreen)
        app.screen.query_one(Input).value = str(tmp_path / "cmp.html")
        await pilot.press("enter")
        page = (tmp_path / "cmp.html").read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and "Aligned passages" in page
        assert screen.status.message == f"wrote {tmp_path / 'cmp.html'}"
        await pilot.press("x")
        app.screen.query_one(Input).value = str(tmp_path / "cmp.txt")
        await pilot.press("enter")
        assert screen.status.kind == "error" and not (tmp_path / "cmp.txt").exists()
