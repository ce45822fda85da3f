"""Pilot and snapshot tests of the comparison screen, on the shipped pair with real entities.

The library of the two shipped reports opens with the Bloomberg report (the newer) open and the
list's cursor on it, so `c` compares it (A, leading) with the only other report, the NYT's (B).
Regenerate the snapshots after a deliberate change:
    pytest tests/test_compare_screen.py --snapshot-update
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from app_helpers import (
    BLOOMBERG_TITLE,
    NYT_TITLE,
    main_screen,
    make_app,
    started,
    wait_until,
)
from rich.text import Text
from textual.pilot import Pilot

from kimreader.analysis.align import DEFAULT_THRESHOLD, passages
from kimreader.analysis.compare import at_threshold, compare_articles
from kimreader.analysis.highlight import term_spans
from kimreader.corpus.article import Article
from kimreader.index.workspace import Workspace
from kimreader.tui import actions
from kimreader.tui.compare_pieces import NO_COUNTERPART, STYLES, plain_text
from kimreader.tui.compare_render import aligned_rows
from kimreader.tui.screens.compare import (
    CandidatesScreen,
    CompareScreen,
    SecondReportScreen,
)
from kimreader.tui.screens.help import HelpScreen
from kimreader.tui.screens.main import MainScreen


def compare_screen(pilot: Pilot[Any]) -> CompareScreen:
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen), pilot.app.screen_stack
    return screen


async def open_compare(pilot: Pilot[Any]) -> CompareScreen:
    """From the started main screen: `c`, then wait for the comparison to arrive."""
    await started(pilot)
    await pilot.press("c")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CompareScreen), "compare")
    screen = compare_screen(pilot)
    await wait_until(pilot, lambda: screen.comparison is not None, "the comparison")
    await pilot.pause()
    return screen


def view_lines(screen: CompareScreen) -> list[str]:
    """Every display line of the aligned view, as plain text (gutter included)."""
    view = screen.aligned
    width = view.scrollable_content_region.width
    lines = [view.strip_at(index).text.rstrip() for index in range(view.line_count)]
    assert all(len(line) <= width for line in lines)
    return lines


def section_text(screen: CompareScreen, name: str) -> str:
    """A tab's section as plain text at its view's width."""
    view = screen.section(name)
    return plain_text(view.section, max(20, view.scrollable_content_region.width - 2))


def dimmed(screen: CompareScreen) -> int:
    return sum(1 for row in screen.aligned.rows if not row.matched)


def styled(text: Text, style_name: str) -> set[str]:
    """The words of a Text drawn in one of the view's styles."""
    wanted = STYLES[style_name]
    return {
        text.plain[span.start : span.end].lower()
        for span in text.spans
        if span.style == wanted or str(span.style) == str(wanted)
    }


# -- opening, rows, swapping ----------------------------------------------------------------


async def test_c_compares_the_two_shipped_reports_one_row_per_passage_of_a(
    library: Path,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        assert screen.article_a is not None and screen.article_b is not None
        assert (screen.article_a.title, screen.article_b.title) == (BLOOMBERG_TITLE, NYT_TITLE)
        assert len(screen.aligned.rows) == len(passages(screen.article_a.body))
        assert screen.status.message.startswith(f"threshold {DEFAULT_THRESHOLD:.2f}")
        header = screen.query_one("#compare-header").render()
        assert BLOOMBERG_TITLE in str(header) and NYT_TITLE in str(header)
        assert screen.focused is screen.aligned
        assert app.animation_level == "none"


async def test_the_rows_agree_with_the_analysis_and_say_no_close_counterpart(
    library: Path,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("s")  # the NYT leads
        await wait_until(
            pilot, lambda: screen.article_a and screen.article_a.title == NYT_TITLE, "swap"
        )
        while not dimmed(screen) and screen.threshold < 0.5:
            await pilot.press("plus")  # until some passage has no close counterpart
        workspace = Workspace.open(library)
        a, b = screen.article_a, screen.article_b
        assert a is not None and b is not None
        expected = compare_articles(
            a, b, workspace.entities(a), workspace.entities(b), threshold=screen.threshold
        )
        assert [r.passage for r in screen.aligned.rows] == list(expected.aligned)
        assert 0 < dimmed(screen) == len(expected.only_a)
        lines = view_lines(screen)
        assert sum(NO_COUNTERPART in line for line in lines) == dimmed(screen)
        assert not any("unique" in line.lower() for line in lines)


async def test_s_swaps_which_report_leads(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        bloomberg_rows = len(screen.aligned.rows)
        await pilot.press("s")
        await wait_until(
            pilot, lambda: screen.article_a and screen.article_a.title == NYT_TITLE, "the swap"
        )
        await pilot.pause()
        assert screen.article_b is not None and screen.article_b.title == BLOOMBERG_TITLE
        assert len(screen.aligned.rows) == len(passages(screen.article_a.body))
        assert len(screen.aligned.rows) != bloomberg_rows
        assert screen.aligned.cursor == 0
        header = str(screen.query_one("#compare-header").render())
        assert header.index(NYT_TITLE) < header.index(BLOOMBERG_TITLE)
        await pilot.press("s")
        await wait_until(pilot, lambda: screen.article_a.title == BLOOMBERG_TITLE, "the swap back")
        assert len(screen.aligned.rows) == bloomberg_rows


async def test_plus_and_minus_move_the_threshold_and_the_dimmed_rows(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        start = dimmed(screen)
        scores = [row.passage.score for row in screen.aligned.rows]
        presses = 0
        while dimmed(screen) == start:  # raise it until a row loses its counterpart
            assert presses < 40, "no score above the default threshold"
            await pilot.press("plus")
            presses += 1
            threshold = round(DEFAULT_THRESHOLD + 0.02 * presses, 2)
            assert screen.threshold == pytest.approx(threshold)
            assert f"threshold {threshold:.2f}" in screen.status.message
            assert dimmed(screen) == sum(score < screen.threshold for score in scores)
        assert dimmed(screen) > start
        assert all(row.matched == (row.passage.score >= screen.threshold)
                   for row in screen.aligned.rows)  # fmt: skip
        assert sum(NO_COUNTERPART in line for line in view_lines(screen)) == dimmed(screen)
        await pilot.press(*["minus"] * presses)
        assert screen.threshold == pytest.approx(DEFAULT_THRESHOLD)
        assert dimmed(screen) == start
        await pilot.press("minus")
        assert dimmed(screen) == sum(score < screen.threshold for score in scores) <= start
        await pilot.press("s")  # the threshold holds across a swap
        await wait_until(pilot, lambda: screen.article_a.title == NYT_TITLE, "the swap")
        assert screen.comparison is not None
        assert screen.comparison.threshold == pytest.approx(DEFAULT_THRESHOLD - 0.02)


# -- candidates, opening a passage in the reader --------------------------------------------


async def test_enter_shows_the_three_candidates_with_their_scores(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("j", "j")
        row = screen.aligned.current
        assert row is not None and row.number == 3
        await pilot.press("enter")
        popup = app.screen
        assert isinstance(popup, CandidatesScreen)
        options = [popup.picker.get_option_at_index(i) for i in range(popup.picker.option_count)]
        assert len(options) == 3 == len(row.passage.candidates)
        for option, candidate in zip(options, row.passage.candidates, strict=True):
            prompt = option.prompt.plain  # type: ignore[union-attr]
            assert f"{candidate.score:.2f}" in prompt
            assert screen.article_b.body[candidate.b_start : candidate.b_end][:40] in prompt
        scores = [c.score for c in row.passage.candidates]
        assert scores == sorted(scores, reverse=True)
        await pilot.press("escape")
        assert app.screen is screen


async def test_a_chosen_candidate_opens_b_in_the_reader_there(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot)
        await pilot.press("G", "enter", "j", "j")
        popup = app.screen
        assert isinstance(popup, CandidatesScreen)
        target = popup.row.passage.candidates[2].b_start
        await pilot.press("enter")
        main = main_screen(app)
        await wait_until(pilot, lambda: app.screen is main, "the main screen")
        await wait_until(
            pilot, lambda: main.article is not None and main.article.title == NYT_TITLE, "B"
        )
        await pilot.pause()
        assert_visible(main, target)


def assert_visible(main: MainScreen, offset: int) -> None:
    reader = main.reader
    line = reader.text_layout.line_of("body", offset)
    assert line is not None
    top, height = reader.scroll_offset.y, reader.scrollable_content_region.height
    assert top <= line < top + height, (line, top, height)
    assert main.focused is reader


async def test_o_opens_a_in_the_reader_scrolled_to_the_passage(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("G")
        row = screen.aligned.current
        assert row is not None and row.number == len(screen.aligned.rows)
        await pilot.press("o")
        main = main_screen(app)
        await wait_until(pilot, lambda: app.screen is main, "the main screen")
        await pilot.pause()
        assert main.article is not None and main.article.title == BLOOMBERG_TITLE
        assert main.reader.scroll_offset.y > 0  # the last passage is below the first page
        assert_visible(main, row.passage.a_start)


async def test_o_after_a_swap_opens_the_other_report_at_the_passage(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("s")
        await wait_until(pilot, lambda: screen.article_a.title == NYT_TITLE, "the swap")
        await pilot.press("G", "k")
        row = screen.aligned.current
        assert row is not None
        await pilot.press("o")
        main = main_screen(app)
        await wait_until(
            pilot, lambda: main.article is not None and main.article.title == NYT_TITLE, "A"
        )
        await pilot.pause()
        assert main.articles.current is not None and main.articles.current.title == NYT_TITLE
        assert_visible(main, row.passage.a_start)


async def test_escape_and_q_close_the_screen_without_quitting(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), "compare again")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.is_running


async def test_a_report_that_cannot_be_read_is_a_message_not_a_crash(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        main = await started(pilot)
        assert main.article is not None
        screen = CompareScreen(app.workspace, main.article.id, "0123456789")
        await app.push_screen(screen)
        await wait_until(pilot, lambda: screen.status.kind == "error", "the error")
        assert "0123456789" in screen.status.message
        assert screen.comparison is None and app.is_running
        assert screen.aligned.strip_at(0).text.strip() == screen.status.message
        await pilot.press("enter", "o", "plus", "s")  # nothing to act on: no crash
        await wait_until(pilot, lambda: screen.status.kind == "error", "the error again")
        await pilot.press("escape")
        assert app.screen is main


# -- keys -----------------------------------------------------------------------------------


async def test_j_k_g_shift_g_and_pages_move_the_row_cursor(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        view = screen.aligned
        last = len(view.rows) - 1
        builds = view._layouts.misses  # rows wrapped so far
        await pilot.press("j", "j", "k")
        assert view.cursor == 1
        await pilot.press("G")
        assert view.cursor == last
        top, bottom = view.row_span(last)
        assert view.scroll_offset.y <= top and bottom <= view.scroll_offset.y + view.size.height
        await pilot.press("g")
        assert view.cursor == 0 and view.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert view.cursor > 0 and view.scroll_offset.y > 0
        assert view.row_span(view.cursor)[0] >= view.scroll_offset.y
        await pilot.press("pageup")
        assert view.cursor == 0
        await pilot.press("k")
        assert view.cursor == 0  # stays at the top
        assert view._layouts.misses == builds  # moving wraps nothing again


async def test_candidates_only_on_the_aligned_tab(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("3", "enter")
        assert app.screen is screen  # no pop-up
        shown = {b.binding.id for b in screen.active_bindings.values()}
        assert "compare.candidates" not in shown and "compare.swap" in shown
        assert "compare.open_a" in shown  # every tab opens its rows


@pytest.mark.parametrize(
    ("tab", "key", "report"),
    [("3", "o", "a"), ("4", "O", "b"), ("5", "o", "a"), ("2", "O", "b"), ("6", "o", "a")],
)
async def test_every_tab_opens_its_row_in_the_reader(
    library: Path, tab: str, key: str, report: str
) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press(tab)
        view = screen.section(screen.active_tab)
        rows = [row for row in view.section.rows if (row.a if report == "a" else row.b)]
        assert rows, screen.active_tab
        while view.current is None or (view.current.a if report == "a" else view.current.b) is None:
            await pilot.press("j")
        where = view.current.a if report == "a" else view.current.b
        assert where is not None
        title = (screen.article_a if report == "a" else screen.article_b).title
        await pilot.press(key)
        main = main_screen(app)
        await wait_until(pilot, lambda: app.screen is main, "the main screen")
        await wait_until(
            pilot, lambda: main.article is not None and main.article.title == title, "it"
        )
        await pilot.pause()
        assert_visible(main, where[0])
        assert main.reader.passage == where  # the row's text is marked in the reader
        line = main.reader.text_layout.line_of("body", where[0])
        assert line is not None
        strip = main.reader._render_line(line, main.reader.scrollable_content_region.width)
        assert any(seg.style and seg.style.reverse for seg in strip)


async def test_j_moves_the_row_cursor_over_quotes_only(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("3")
        view = screen.section("quotes")
        comparison = screen.comparison
        assert comparison is not None and view.current is not None
        first = comparison.quotes[0]
        assert view.current.a == (first.start, first.end)
        await pilot.press("j")
        second = comparison.quotes[1]
        assert view.current.a == (second.start, second.end) or view.current.b == (
            second.start,
            second.end,
        )
        await pilot.press("G")
        last = comparison.quotes[-1]
        assert view.current.b == (last.start, last.end)


async def test_at_60x20_every_tab_title_is_in_view(library: Path) -> None:
    from textual.widgets import Tab, Tabs

    app = make_app(library)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_compare(pilot)
        await pilot.pause()
        tabs = screen.query_one(Tabs)
        labels = [(tab.label_text, tab.region) for tab in tabs.query(Tab)]
        assert [label for label, _ in labels][-1] == "6 Words"
        assert all(0 <= region.x and region.right <= 60 for _, region in labels), labels
        await pilot.press("6")
        assert screen.active_tab == "words"
        assert "more in A" in section_text(screen, "words")


# -- tabs -----------------------------------------------------------------------------------


async def test_each_tab_shows_its_section(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        expected = {
            "2": ("entities", ["In both reports", "Kim Jong Un", "only in A", "only in B"]),
            "3": (
                "quotes",
                [
                    "Kim Byung-yeon",
                    "Seoul National University",
                    "fragment",
                    "quoted in both reports: Donald Trump",
                ],
            ),  # fmt: skip
            "4": (
                "differences",
                [
                    "possible · visit ordinal",
                    "third",
                    "fourth",
                    "two-day",
                    "four-day",
                    "Agreements",
                ],
            ),  # fmt: skip
            "5": ("timeline", ["about 7 months", "2018-06-19", "2019-01-09"]),
            "6": ("words", ["more in A", "more in B", "trade war"]),
        }
        for key, (name, needles) in expected.items():
            await pilot.press(key)
            await pilot.pause()
            assert screen.active_tab == name
            assert screen.focused is screen.active_view
            text = section_text(screen, name)
            for needle in needles:
                assert needle in text, (name, needle)
        await pilot.press("1")
        assert screen.active_tab == "aligned" and screen.focused is screen.aligned
        await pilot.press("h")
        assert screen.active_tab == "words"
        await pilot.press("l", "l")
        assert screen.active_tab == "entities"


async def test_differences_are_labelled_possible_with_both_sentences(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("4")
        text = section_text(screen, "differences")
        comparison = screen.comparison
        assert comparison is not None
        ordinal = next(d for d in comparison.differences if d.topic == "visit ordinal")
        flat = " ".join(text.split())
        assert " ".join(ordinal.a.sentence.text.split()) in flat
        assert " ".join(ordinal.b.sentence.text.split()) in flat
        assert flat.count("possible ·") == len(comparison.differences)


async def test_the_timeline_puts_both_publications_on_one_axis(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("5")
        lines = section_text(screen, "timeline").splitlines()
        axis = next(line for line in lines if "───" in line)
        assert "A" in axis and "B" in axis
        # B (NYT, June 2018) sits left of A (Bloomberg, January 2019), far apart on the axis.
        assert axis.index("B") < axis.index("A")
        assert axis.index("A") - axis.index("B") > len(axis.strip()) // 5
        labels = lines[lines.index(axis) + 2]
        assert "B 2018-06-19" in labels and "A 2019-01-09" in labels
        assert "B was published 204 days (about 7 months) before A" in lines[0]


async def test_quotes_show_speaker_role_report_and_both(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("3")
        text = section_text(screen, "quotes")
        assert re.search(r"B  Kim Byung-yeon, a professor at Seoul National University", text)
        assert re.search(r"Donald Trump.*◆ quoted in both", text)
        assert "“a back door”" in text
        comparison = screen.comparison
        assert comparison is not None
        assert text.count("◆ quoted in both") == sum(
            1 for q in comparison.quotes if q.speaker in comparison.quoted_in_both
        )


# -- layout by width ------------------------------------------------------------------------


async def test_80x24_stacks_b_under_a(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        assert screen.aligned.stacked
        lines = view_lines(screen)
        assert lines[0].startswith(f"▌ 1/{len(screen.aligned.rows)}")
        assert lines[1].startswith("▌ A SEOUL")
        assert any(line.startswith("▌ B ") for line in lines[2:12])
        widget = screen.query_one("#compare-header")
        header = [widget.render_line(y).text for y in range(widget.size.height)]
        assert len(header) == 3 and all(len(line) <= 80 for line in header)
        assert header[0].startswith("related event: ")  # the same-story verdict leads
        assert header[1].startswith("A leads  North Korea") and header[1].endswith("…")
        assert header[2].startswith("B        Kim Returns to China")
        for key in "23456":  # every tab draws at this size
            await pilot.press(key)
            assert section_text(screen, screen.active_tab).strip()


async def test_200_columns_put_the_passages_side_by_side(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_compare(pilot)
        assert not screen.aligned.stacked
        first = view_lines(screen)[0]
        row = screen.aligned.rows[0]
        score = f"{row.passage.score:.2f}"
        if row.passage.best is None:
            beside = NO_COUNTERPART
        else:
            beside = screen.article_b.body[row.passage.best.b_start :].split()[0]
        assert first.startswith("▌ SEOUL")
        assert first.index("SEOUL") < first.index(score) < first.index(beside)
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert screen.aligned.stacked
        assert view_lines(screen)[1].startswith("▌ A SEOUL")


# -- choosing the second report -------------------------------------------------------------


def add_article(library: Path, name: str, text: str) -> None:
    path = library.parent / name
    path.write_text(text, encoding="utf-8")
    workspace = Workspace.open(library)
    report = workspace.add_paths([path], with_entities=False)
    workspace.index.close()
    assert not report.failed, report.failed


async def test_with_more_articles_c_on_the_open_one_offers_a_pick(library: Path) -> None:
    add_article(
        library,
        "markup.md",
        "---\ntitle: '[bold red]Not markup[/] [link=x]y[/link]'\npublished: 2017-03-01\n---\n\n"
        "Kim Jong Un visited [b]China[/b] on Tuesday, his [red]third[/red] visit to China.\n",
    )
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        assert len(main.articles.rows) == 3
        assert main.articles.current is not None
        assert main.article is not None and main.articles.current.id == main.article.id
        await pilot.press("c")
        popup = app.screen
        assert isinstance(popup, SecondReportScreen)
        await wait_until(pilot, lambda: popup.ranked, "the ranking")
        assert popup.picker.option_count == 2
        prompts = [popup.picker.get_option_at_index(i).prompt.plain for i in range(2)]
        assert NYT_TITLE in prompts[0] + prompts[1]
        markup_index = next(i for i, p in enumerate(prompts) if "[bold red]" in p)
        await pilot.press(*(["down"] * markup_index), "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), "compare")
        screen = compare_screen(pilot)
        await wait_until(pilot, lambda: screen.comparison is not None, "the comparison")
        header = str(screen.query_one("#compare-header").render())
        assert "[bold red]Not markup[/] [link=x]y[/link]" in header  # shown, not parsed
        await pilot.press("s")  # the markup article leads: its passage is a row of the view
        await wait_until(pilot, lambda: screen.article_a.title.startswith("[bold"), "the swap")
        shown = " ".join(line.strip("▌ ") for line in view_lines(screen))
        assert "[b]China[/b]" in shown and "[red]third[/red]" in shown


async def test_the_pick_filters_as_you_type_and_ranks_related_first(library: Path) -> None:
    add_article(
        library,
        "other.md",
        "---\ntitle: Garden tomatoes in June\npublished: 2017-03-01\n---\n\n"
        "Tomatoes grow well in June when the soil is warm.\n",
    )
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await pilot.press("c")
        popup = app.screen
        assert isinstance(popup, SecondReportScreen)
        await wait_until(pilot, lambda: popup.ranked, "the ranking")
        related = [hit.id for hit in app.workspace.index.related(main.article.id, limit=5)]
        shown = [popup.picker.get_option_at_index(i).id for i in range(popup.picker.option_count)]
        assert shown[: len(related)] == related[: len(shown)]
        await pilot.press(*"tomato")
        assert popup.picker.option_count == 1
        assert "Garden tomatoes" in popup.picker.get_option_at_index(0).prompt.plain
        await pilot.press(*"es xyz")
        assert popup.picker.get_option_at_index(0).disabled  # "no article matches"
        for _ in range(4):
            await pilot.press("backspace")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), "compare")
        assert compare_screen(pilot).lead[1] != main.article.id


async def test_c_with_the_list_cursor_on_another_article_compares_the_two(
    library: Path,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await pilot.press("j")  # the list's cursor to the NYT report; Bloomberg stays open
        assert main.articles.current.title == NYT_TITLE
        assert main.article.title == BLOOMBERG_TITLE
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), "compare")
        screen = compare_screen(pilot)
        await wait_until(pilot, lambda: screen.comparison is not None, "the comparison")
        assert screen.article_a.title == BLOOMBERG_TITLE
        assert screen.article_b.title == NYT_TITLE


# -- the pure parts -------------------------------------------------------------------------


def _pair() -> tuple[Article, Article]:
    a = Article.create(
        "A",
        "Kim made his third visit to China in 2018, meeting Xi.\n\n"
        "Markets in Seoul fell sharply on Friday.",
        url="test:a",
    )
    b = Article.create(
        "B",
        "Weather in Oslo was mild.\n\nKim made a fourth visit to China, the 2018 trips "
        "having gone well, and met Xi again.",
        url="test:b",
    )
    return a, b


def test_shared_words_and_numbers_are_highlighted_in_both_columns() -> None:
    a, b = _pair()
    rows = aligned_rows(compare_articles(a, b), a.body, b.body)
    first = rows[0]
    assert first.b_text is not None
    shared_words = {"kim", "made", "visit", "china", "xi"}
    assert shared_words <= styled(first.a_text, "shared")
    assert shared_words <= styled(first.b_text, "shared")
    assert styled(first.a_text, "number") == {"2018"} == styled(first.b_text, "number")
    assert "third" not in styled(first.a_text, "shared")
    assert "fourth" not in styled(first.b_text, "shared")
    assert not rows[1].matched and rows[1].b_text is None  # nothing about Seoul markets in B


def test_term_spans_follow_the_alignment_terms() -> None:
    body = "Kim Jong-un’s two-day visit, in 2018."
    spans = term_spans(body, 0, len(body))
    assert [body[s:e] for s, e, _ in spans] == ["Kim", "Jong", "un’s", "two", "day", "visit",
                                                 "2018"]  # fmt: skip
    assert [t for _, _, t in spans][-2:] == ["visit", "2018"]


def test_moving_the_threshold_equals_comparing_at_it(library: Path) -> None:
    workspace = Workspace.open(library)
    entries = workspace.library.catalog()
    a, b = (workspace.get(e.id) for e in entries)
    base = compare_articles(a, b)
    for threshold in (0.0, 0.06, 0.1, 0.14, 0.3):
        moved = at_threshold(base, a.body, threshold)
        fresh = compare_articles(a, b, threshold=threshold)
        assert moved.aligned == fresh.aligned
        assert (moved.only_a, moved.only_b) == (fresh.only_a, fresh.only_b)
        assert moved.threshold == threshold


def test_sections_render_plain_article_text_at_80_columns(library: Path) -> None:
    from kimreader.tui.compare_render import SECTIONS

    workspace = Workspace.open(library)
    a, b = (workspace.get(e.id) for e in workspace.library.catalog())
    comparison = compare_articles(a, b, workspace.entities(a), workspace.entities(b))
    for name, build in SECTIONS.items():
        text = plain_text(build(comparison, a.body, b.body), 80)
        assert text.strip(), name
        assert all(len(line) <= 80 for line in text.splitlines()), name


async def test_help_lists_the_compare_keys(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = [o.prompt.plain for o in app.screen.picker.options]
        for spec in actions.specs("compare"):
            assert any(spec.description in line for line in lines), spec.id
        assert all(b.id for b in CompareScreen.BINDINGS)


# -- snapshots ------------------------------------------------------------------------------


async def _compared(pilot: Pilot[Any]) -> None:
    await open_compare(pilot)
    await pilot.press("j")


def test_compare_screen_80x24(snap_compare: Any, library: Path) -> None:
    assert snap_compare(make_app(library), terminal_size=(80, 24), run_before=_compared)


def test_compare_screen_120x40(snap_compare: Any, library: Path) -> None:
    assert snap_compare(make_app(library), terminal_size=(120, 40), run_before=_compared)


async def _differences(pilot: Pilot[Any]) -> None:
    await open_compare(pilot)
    await pilot.press("4")
    await pilot.pause()


def test_compare_screen_differences_120x40(snap_compare: Any, library: Path) -> None:
    assert snap_compare(make_app(library), terminal_size=(120, 40), run_before=_differences)
