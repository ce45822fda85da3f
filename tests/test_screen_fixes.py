"""Issue #13's screen items, driven as they were found (Pilot; the tmux ones are in
test_tmux_screen.py): stale state, `n` past the last hit, the status line and footer at 80
columns, the reader at 60 columns with the sidebar, the wide list and full-width reading, help."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import BLOOMBERG_TITLE, NYT_TITLE, make_app, search, started, wait_until
from textual.pilot import Pilot

from kimreader.tui import actions
from kimreader.tui.screens.help import HelpScreen
from kimreader.tui.widgets.footer import KeysFooter
from kimreader.tui.widgets.picker import Picker
from kimreader.tui.widgets.reader import ReaderView

LABELS = {word for s in actions.REGISTRY for word in (s.footer or s.description).split()}


def footer_line(footer: KeysFooter) -> str:
    return footer.render().plain


async def typed(pilot: Pilot[Any], *keys: str) -> None:
    """Keys, then the debounce and the search they start."""
    await pilot.press(*keys)
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_bad_query_after_a_good_one_leaves_nothing_stale(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await search(pilot, "kim")
        await pilot.press("enter")
        assert main.status.counter.startswith("hit 1 of")
        await typed(pilot, "/", *"foo:bar")
        assert main.status.message.startswith("bad query: unknown field")
        assert main.articles.rows == []  # not the old list beside the error
        assert main.status.counter == ""  # nor "hit 1 of 32"
        assert main.reader.hits == []


async def test_opening_another_article_clears_the_mention_counter(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await pilot.press("l", "l", "enter", "right_square_bracket")
        await wait_until(pilot, lambda: main.status.counter.startswith("mention 2 of"), "marks")
        await pilot.press("h", "h", "j", "enter")  # the list's second article
        await wait_until(pilot, lambda: main.article.title == NYT_TITLE, "the other article")
        await pilot.pause()
        assert main.status.counter == ""
        assert main.reader.mentions == []


async def test_n_past_the_last_hit_goes_on_to_the_next_article(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        main = await search(pilot, "dalian OR sanctions")
        await pilot.press("enter")
        # Enter completes the search (exact count): let that land before walking the hits,
        # or its "2 found" message may arrive after the "next article" one.
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        first = main.article
        assert first is not None and len(main.articles.rows) == 2
        total = len(main.reader.hits)
        await pilot.press(*["n"] * (total - 1))
        assert main.status.counter == f"hit {total} of {total}"
        await pilot.press("n")
        await wait_until(pilot, lambda: main.article is not first, "the next article")
        await pilot.pause()
        assert main.status.message == f"next article: {main.article.title}"
        assert main.status.counter.startswith("hit 1 of")
        assert main.articles.current is not None and main.articles.current.id == main.article.id
        await pilot.press("N")  # back over the edge: the first article, at its last hit
        await wait_until(pilot, lambda: main.article.id == first.id, "the first article again")
        await pilot.pause()
        assert main.status.counter == f"hit {total} of {total}"


async def test_at_80_columns_the_message_wins_and_the_footer_cuts_no_label(
    library: Path,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await search(pilot, "kim")
        await pilot.press("enter", "e", "enter")  # counters: a hit and a mention
        await wait_until(pilot, lambda: "mention" in main.status.counter, "a mention")
        await typed(pilot, "/", *"foo:x kim")
        assert main.status.message.startswith("bad query: unknown field 'foo:'")
        shown = main.status.render().plain
        # The message is longer than the line: it wraps, whole, and no counter cuts it.
        assert " ".join(shown.split()).startswith(main.status.message)
        main.status.say("did you mean: sanctions and more words to fill the status line")
        await pilot.press("escape", "l")  # the reader, a hit and a mention counted
        line = main.status.render().plain
        assert "did you mean: sanctions and more words to fill the status line" in line
        for focus in ("h", "l", "l"):  # list, reader, sidebar: each footer fits whole
            await pilot.press(focus)
            await pilot.pause()
            words = footer_line(main.query_one(KeysFooter)).split()
            labels = [w for w in words if w[0].isupper() and len(w) > 1]
            assert set(labels) <= LABELS, words
            assert "Help" in labels and "Quit" in labels


async def test_the_reader_stays_readable_at_60_columns_with_the_sidebar(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(60, 20)) as pilot:
        main = await started(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert main.sidebar.display and not main.articles.display  # the sidebar took its place
        assert main.reader.size.width >= 30
        lines = [main.reader.render_line(y).text.rstrip() for y in range(main.reader.size.height)]
        assert max(len(line) for line in lines) <= main.reader.scrollable_content_region.width
        assert "Kim" in " ".join(lines)  # text, wrapped to the pane
        await pilot.press("/", *"kim", "enter")  # Enter goes to a pane that is shown
        await pilot.pause()
        assert main.focused is main.reader
        await pilot.press("e")
        await pilot.pause()
        assert main.articles.display


async def test_w_widens_the_list_until_an_article_is_opened_and_z_reads_full_width(
    library: Path,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await started(pilot)
        narrow = main.articles.size.width
        await pilot.press("w")
        await pilot.pause()
        assert main.articles.size.width >= 45 > narrow
        row = main.articles.render_line(0).text
        assert BLOOMBERG_TITLE[:40] in row  # headlines are read whole, or nearly
        await pilot.press("enter")
        await pilot.pause()
        assert main.articles.size.width == narrow  # opening an article gives the reader room
        await pilot.press("z")
        await pilot.pause()
        assert not main.articles.display and main.focused is main.reader
        assert main.reader.outer_size.width == 80
        await pilot.press("z")
        await pilot.pause()
        assert main.articles.display
        main.maximize(main.articles)  # the palette's Maximize fills the screen with the list
        await pilot.pause()
        assert main.articles.size.width == 80


async def test_help_chooses_nothing_and_starts_at_the_keys_of_its_screen(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        main = await started(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert "Choose" not in footer_line(help_screen.query_one(KeysFooter))
        await pilot.press("escape", "c")
        await wait_until(pilot, lambda: app.screen.id == "compare", "the compare screen")
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert help_screen.picker.highlighted_option is not None
        assert "Tab: aligned passages" in picker_lines(help_screen)[1]
        # Each key's binding id, which [keymap] in the config file takes, where there is room.
        assert picker_lines(help_screen)[1].split()[-1] == "compare.tab_aligned"
        assert isinstance(main.query_one(ReaderView), ReaderView)


def picker_lines(help_screen: HelpScreen) -> list[str]:
    picker = help_screen.picker
    return [picker.render_line(y).text for y in range(picker.scrollable_content_region.height)]


async def test_at_60_columns_help_wraps_under_its_column_and_opens_at_the_compare_keys(
    library: Path,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(60, 20)) as pilot:
        await started(pilot)
        await pilot.press("c")
        await wait_until(pilot, lambda: app.screen.id == "compare", "the compare screen")
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        await pilot.pause()
        lines = picker_lines(help_screen)
        assert lines[0].strip() == "Compare screen", lines  # its heading on the first line
        assert lines[1].split() == ["1", "Tab:", "aligned", "passages"]
        # A description too long for the line goes on under itself, not under the keys.
        wrapped = [line for line in lines if line[:20].isspace() and line.strip()]
        assert wrapped, lines
        assert all(line.index(line.strip()) >= 20 for line in wrapped), lines


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_compare_and_pop_up_footers_cut_no_label(
    library: Path, size: tuple[int, int]
) -> None:
    app = make_app(library)
    async with app.run_test(size=size) as pilot:
        main = await started(pilot)
        await pilot.press("c")
        await wait_until(pilot, lambda: app.screen.id == "compare", "the compare screen")
        await pilot.pause()
        words = footer_line(app.screen.query_one(KeysFooter)).split()
        labels = [w for w in words if w[0].isupper() and len(w) > 1]
        assert set(labels) <= LABELS and "Help" in labels, words
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is main, "the main screen")
        await pilot.press("l", "a")  # the note pop-up
        await pilot.pause()
        assert app.screen is not main
        assert app.screen.query(KeysFooter), "the note pop-up's footer is kimreader's own"


async def test_a_message_longer_than_the_line_wraps_and_the_line_shrinks_after(
    library: Path,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(60, 20)) as pilot:
        main = await search(pilot, "kim")
        await typed(pilot, "/", *"tga:korea")
        message = main.status.message
        assert message.startswith("bad query: unknown field 'tga:'")
        assert message.endswith("is, tag, note, has)")  # the reader's own fields too
        shown = main.status.render().plain
        assert " ".join(shown.split()) == message  # all of it, over more than one line
        assert main.status.size.height == len(shown.splitlines()) > 1
        await typed(pilot, "ctrl+u", *"kim", "enter")
        await wait_until(pilot, lambda: main.status.message.startswith("2 found"), "results")
        await pilot.pause()
        assert main.status.size.height == 1


async def test_after_n_carries_on_the_next_n_shows_the_counter_again(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await search(pilot, "kim")
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        found = main.status.message
        first = main.article
        await pilot.press(*["n"] * len(main.reader.hits))
        await wait_until(pilot, lambda: main.article is not first, "the next article")
        await pilot.pause()
        assert main.status.message.startswith("next article: ")
        await pilot.press("n")
        await pilot.pause()
        assert main.status.message == found  # the list's message again, and room for:
        assert (
            main.status.render().plain.rstrip().endswith("hit 2 of " + str(len(main.reader.hits)))
        )


async def test_fuzzy_dates_and_suggestions_say_what_a_reader_means(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        main = await search(pilot, "sanctoins~")  # the README's example: two edits at 9 letters
        assert main.result is not None and main.result.total == 2
        await typed(pilot, "ctrl+u", *"published:banana")
        assert main.status.message == (
            "bad query: published: 'banana' is not a date (use 2018, 2018-06 or 2018-06-19)"
        )
        await typed(pilot, "ctrl+u", *'person:"Xi Jinpin"', "enter")  # Enter: the full search
        assert main.status.message.endswith('did you mean: person:"Xi Jinping"')
        # A name is suggested capitalised, as the reader wrote its other word, whatever the typo.
        await typed(pilot, "/", "ctrl+u", *'person:"Xi jinpin"', "enter")
        assert main.status.message.endswith('did you mean: person:"Xi Jinping"')


# -- the index catching up (another process wrote, or the app's first write to the library
# folder) re-runs the listed search, never over the user's newer one nor their status line ----


async def test_a_refresh_keeps_a_newer_search_and_a_repeated_error_quiet(library: Path) -> None:
    from kimreader.tui import jobs

    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        main = await search(pilot, "kim")
        await pilot.press("enter")
        await typed(pilot, "/", *"foo:x kim")  # malformed: the error is listed
        main.status.say("a message the user is reading")
        main.post_message(jobs.IndexOpened([], refreshed=True))
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert main.status.message == "a message the user is reading"

        # A newer search asked for and still in flight when the index catches up (set as
        # start_search leaves it; a real one can finish before the refresh is handled).
        main.requested = "sanctions"
        main.post_message(jobs.IndexOpened([], refreshed=True))
        await pilot.pause()
        assert main.requested == "sanctions"  # not sent back to the listed query
        assert not main.job_running(jobs.SEARCH)


async def test_at_60_columns_pop_up_rows_wrap_under_their_text(library: Path) -> None:
    """Mentions in context and related articles: a long row goes on under its text, right of
    its number or score, so the numbers stay a column to scan."""
    app = make_app(library)
    async with app.run_test(size=(60, 20)) as pilot:
        main = await started(pilot)
        await pilot.press("e")  # the sidebar, its first entity
        await pilot.pause()
        await pilot.press("m")
        await wait_until(pilot, lambda: app.screen is not main, "mentions in context")
        await pilot.pause()
        picker = app.screen.query_one(Picker)
        lines = [picker.render_line(y).text.rstrip() for y in range(6)]
        assert lines[0].split()[0] == "1", lines
        continued = [line for line in lines[1:] if not line.split()[0].isdigit()]
        assert continued and all(line.startswith(" " * 5) for line in continued), lines


@pytest.mark.parametrize("size", [(80, 24), (120, 30)])
async def test_the_entities_only_in_a_and_only_in_b_are_two_columns_at_full_width(
    library: Path, size: tuple[int, int]
) -> None:
    """The compare screen's entities tab (the two shipped reports): "only in A" and "only in B"
    are halves of the screen's width, each name on one line. Drawn in the screen's row (the
    cursor's gutter), the pair was squeezed to its narrowest at any width: "only in B" right
    after "only in A", and names wrapped word by word ("Eric Reeves 3" / "person")."""
    from kimreader.tui.compare_pieces import plain_text
    from kimreader.tui.screens.compare import CompareScreen

    app = make_app(library)
    async with app.run_test(size=size) as pilot:
        await started(pilot)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), "compare")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_until(pilot, lambda: screen.comparison is not None, "the comparison")
        await pilot.press("2")
        await pilot.pause()
        view = screen.section("entities")
        width = view.size.width
        drawn = [plain_text(view._drawn(i), width) for i in range(len(view.section.rows))]
        header = next(text for text in drawn if "only in A" in text)
        assert header.index("only in B") >= width // 2 - 2, header
        first = drawn[drawn.index(header) + 1].rstrip("\n")
        assert "\n" not in first and first.split()[-1] in {"person", "org", "place", "date"}, first


async def test_information_longer_than_the_line_shows_as_much_as_fits(library: Path) -> None:
    """At 80 columns, "exported 1 article(s) to FOLDER/FILE.md" (x on an article) showed
    "exported 1 article(s) to  …": the path, one long word, went whole to a second line, cut.
    Information keeps to one line, cut where the line ends: the folder shows."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await started(pilot)
        folder = Path("/home/reader/kimreader-export")
        path = folder / "2019-01-09-north-koreas-kim-visits-china-in-push-against-trump.md"
        main.status.say(f"exported 1 article(s) to {path}")
        await pilot.pause()
        shown = main.status.render().plain
        assert len(shown.splitlines()) == 1 and main.status.size.height == 1
        assert f"to {folder}" in shown and shown.rstrip().endswith("…"), shown


async def test_information_of_several_lines_shows_its_first(library: Path) -> None:
    """Information is one line: a message of several (an error text passed on as information)
    shows its first, not two lines drawn into a one-line status."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await started(pilot)
        main.status.say("imported 3 articles\nsecond line")
        await pilot.pause()
        shown = main.status.render().plain
        assert shown.strip() == "imported 3 articles" and main.status.size.height == 1, shown
